# Checks: *args and **kwargs parameters, their types, ordering, and combination with normal params.
def show(*args):
    print(type(args).__name__, len(args), args)


show()
show(1)
show(1, "two", [3])


def kw(**kwargs):
    print(type(kwargs).__name__, kwargs)


kw()
kw(a=1, b=2)
kw(z=26, a=1)


def mixed(a, b=0, *args, **kwargs):
    return "a=%r b=%r args=%r kwargs=%r" % (a, b, args, kwargs)


print(mixed(1))
print(mixed(1, 2))
print(mixed(1, 2, 3, 4))
print(mixed(1, 2, 3, x=9, y=8))
print(mixed(a=5, x=1))


def total(*nums, start=0):
    s = start
    for n in nums:
        s += n
    return s


print(total(1, 2, 3), total(1, 2, 3, start=100), total())


def keys_sorted(**kw):
    return sorted(kw.items())


print(keys_sorted(b=2, a=1, c=3))


def first_rest(first, *rest):
    return first, rest


print(first_rest("only"), first_rest(1, 2, 3))
try:
    first_rest()
except TypeError as e:
    print(type(e).__name__, e)
try:
    kw(1)
except TypeError as e:
    print(type(e).__name__, e)
