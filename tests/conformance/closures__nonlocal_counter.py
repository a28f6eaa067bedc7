# Checks: nonlocal counters, independent closure instances, several closures sharing one cell.
def make_counter(start=0):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1(), c2(10))


def make_account(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance

    def withdraw(x):
        nonlocal balance
        if x > balance:
            return "insufficient"
        balance -= x
        return balance

    def get():
        return balance
    return deposit, withdraw, get


dep, wd, get = make_account(50)
print(dep(25), wd(100), wd(30), get())


def outer():
    x = "outer"

    def middle():
        nonlocal x
        x = "middle"

        def inner():
            nonlocal x
            x = x + "+inner"
            return x
        return inner()
    r = middle()
    return r, x


print(outer())


def accumulate():
    items = []

    def add(v):
        items.append(v)
        return len(items)
    return add, items


add, items = accumulate()
add("a")
add("b")
print(items)
