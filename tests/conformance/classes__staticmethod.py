# Checks: @staticmethod called via the class and via instances, no self, inherited and overridden.
class MathUtil:
    factor = 10

    @staticmethod
    def add(a, b):
        return a + b

    @staticmethod
    def describe():
        return "static, no arguments"

    def use_static(self, x):
        return self.add(x, 1) + MathUtil.add(x, 2)


print(MathUtil.add(2, 3))
m = MathUtil()
print(m.add(4, 5), m.describe(), MathUtil.describe())
print(m.use_static(10))


class Child(MathUtil):
    @staticmethod
    def add(a, b):
        return a * b


print(Child.add(2, 3), Child().use_static(10), Child.describe())
f = MathUtil.add
print(f(100, 1))
print(list(map(MathUtil.add, [1, 2], [10, 20])))
