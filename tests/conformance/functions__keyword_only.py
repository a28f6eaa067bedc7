# Checks: keyword-only parameters after * or *args, required and defaulted, error messages.
def connect(host, *, port=80, secure=False):
    return "%s:%d secure=%s" % (host, port, secure)


print(connect("a"))
print(connect("b", port=443, secure=True))
print(connect(secure=True, host="c"))
try:
    connect("d", 8080)
except TypeError as e:
    print(type(e).__name__, e)


def need(*, required, optional="opt"):
    return required, optional


print(need(required=1))
print(need(optional=2, required=3))
try:
    need()
except TypeError as e:
    print(type(e).__name__, e)


def log(*messages, sep=" ", level):
    return level + ": " + sep.join(messages)


print(log("a", "b", level="INFO"))
print(log("x", "y", "z", sep="-", level="WARN"))
try:
    log("a")
except TypeError as e:
    print(type(e).__name__, e)


def full(a, b=1, *args, c, d=4, **kwargs):
    return [a, b, args, c, d, kwargs]


print(full(0, c=3))
print(full(0, 9, 8, 7, c=3, e=5))
