# Checks: plain function decorators (a function taking and returning a function), stacked decorators, decorator with arguments.
calls = []


def logged(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    return wrapper


def times(n):
    def deco(fn):
        def wrapper(x):
            for _ in range(n):
                x = fn(x)
            return x
        return wrapper
    return deco


@logged
def add(a, b=0):
    return a + b


@times(3)
def double(x):
    return x * 2


@logged
@times(2)
def inc(x):
    return x + 1


print(add(1, 2), add(5), add(a=1, b=1))
print(double(1), double(5))
print(inc(0))
print(calls)
print(add.__name__, double.__name__)
