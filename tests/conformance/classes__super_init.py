# Checks: super().__init__ chains through three levels, explicit Base.__init__(self), init order.
class A:
    def __init__(self, a):
        print("A.__init__", a)
        self.a = a


class B(A):
    def __init__(self, a, b):
        print("B.__init__ start")
        super().__init__(a)
        self.b = b
        print("B.__init__ end")


class C(B):
    def __init__(self, a, b, c):
        super().__init__(a, b)
        self.c = c
        print("C.__init__", self.a, self.b, self.c)


obj = C(1, 2, 3)
print(obj.a + obj.b + obj.c)


class D(A):
    def __init__(self):
        A.__init__(self, "explicit")


print(D().a)


class NoInit(A):
    pass


print(NoInit("inherited init").a)


class Shape:
    count = 0

    def __init__(self):
        Shape.count += 1
        self.id = Shape.count


class Square(Shape):
    def __init__(self, side):
        super().__init__()
        self.side = side

    def area(self):
        return self.side ** 2


squares = [Square(s) for s in (1, 2, 3)]
print([(s.id, s.area()) for s in squares], Shape.count)


class Logger:
    def log(self, msg):
        return "LOG " + msg


class TimestampLogger(Logger):
    def log(self, msg):
        return super().log("[t] " + msg)


print(TimestampLogger().log("hello"))
