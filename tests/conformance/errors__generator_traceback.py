# Checks: an uncaught exception raised inside nested generators shows every generator frame in the traceback.
def inner():
    yield 1
    raise ValueError("deep")


def outer():
    yield from inner()


for x in outer():
    print(x)
