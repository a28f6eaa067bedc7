# Checks: break/continue/return inside try/finally and with blocks still run finally/__exit__.
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
print("---")


class Ctx:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type)
        return False


for i in range(3):
    with Ctx(i):
        if i == 0:
            continue
        if i == 2:
            break
        print("with body", i)
print("---")


def f():
    for i in range(3):
        try:
            try:
                if i == 1:
                    return "returned at 1"
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)
    return "not reached"


print(f())
n = 0
while n < 3:
    n += 1
    try:
        if n == 2:
            continue
        print("while body", n)
    except ValueError:
        print("never")
    else:
        print("else", n)
    finally:
        print("while finally", n)
