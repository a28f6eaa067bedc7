# Checks: global statement for rebinding module names, reading globals without it, UnboundLocalError.
counter = 0
config = {"debug": False}


def bump():
    global counter
    counter += 1
    return counter


def read_only():
    return counter * 10


def mutate_without_global():
    config["debug"] = True


print(bump(), bump(), read_only())
mutate_without_global()
print(config)


def create_new_global():
    global created
    created = "made inside function"


create_new_global()
print(created)


def shadow():
    counter = -1
    return counter


print(shadow(), counter)


def broken():
    try:
        counter += 1
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)


print(broken())


def multi():
    global a, b
    a, b = 1, 2


multi()
print(a, b)


def nested_global():
    def inner():
        global counter
        counter = 1000
    inner()


nested_global()
print(counter)
