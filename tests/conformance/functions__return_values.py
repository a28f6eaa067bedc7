# Checks: return with no value, implicit None, multiple return values as tuple, early return, recursion.
def nothing():
    pass


def bare():
    return


def pair():
    return 1, 2


def early(n):
    if n < 0:
        return "negative"
    for i in range(n):
        if i == 3:
            return "hit 3"
    return "short"


print(nothing(), bare(), pair(), type(pair()).__name__)
a, b = pair()
print(a, b)
print(early(-1), early(10), early(2))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(0), fact(5), fact(25))


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print([fib(i) for i in range(15)])


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(10), is_odd(7), is_even(7))


def ret_list():
    return [1, 2, 3]


r1 = ret_list()
r2 = ret_list()
print(r1 == r2, r1 is r2)
print(fact.__name__, type(fact).__name__)
