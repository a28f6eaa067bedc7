# Checks: default argument values, evaluation once at def time, keyword calls, mutable default sharing.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct


print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
counter = 10


def snapshot(v=counter):
    return v


counter = 20
print(snapshot(), snapshot(5))


def append_to(x, acc=[]):
    acc.append(x)
    return acc


print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))


def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc


print(safe_append(1), safe_append(2))


def f(a, b=2, c=3):
    return (a, b, c)


print(f(1), f(1, 20), f(1, c=30), f(a=0), f(1, 2, 3))
try:
    f()
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, a=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, d=4)
except TypeError as e:
    print(type(e).__name__, e)
