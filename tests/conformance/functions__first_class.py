# Checks: functions as values: passed, returned, stored in containers, nested definitions, attributes.
def apply(f, x):
    return f(x)


def double(x):
    return x * 2


def make_multiplier(n):
    def mul(x):
        return x * n
    return mul


print(apply(double, 21))
triple = make_multiplier(3)
print(triple(5), make_multiplier(10)(4))
ops = {"double": double, "triple": triple, "neg": lambda x: -x}
for name in ops:
    print(name, ops[name](7))
pipeline = [double, triple, abs]
v = -2
for fn in pipeline:
    v = fn(v)
print(v)
alias = double
print(alias is double, alias(8))
print(double.__name__, triple.__name__)


def outer():
    def inner():
        return "inner result"
    return inner()


print(outer())
funcs = []
for i in range(3):
    def f(x, i=i):
        return x + i
    funcs.append(f)
print([g(100) for g in funcs])
print(callable(double), callable(3))
print(sorted([-3, 1, -2], key=abs))
print(max(["a", "bbb", "cc"], key=len))
