# Checks: threading.local across threads: each thread sees its own attributes, a subclass's __init__ runs again (with the constructor's arguments) in each new thread, an __init__ that raises leaves no dict behind, values set in a thread are released when it ends, many threads at once.
import sys
import threading

plain = threading.local()


class Counter(threading.local):
    def __init__(self, start, *, step=1):
        self.value = start
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value


counter = Counter(10, step=5)


class Fragile(threading.local):
    inits = 0

    def __init__(self):
        Fragile.inits += 1
        if Fragile.inits > 1:
            raise ValueError("init failed in this thread")
        self.ready = True


fragile = Fragile()


def visit(label):
    print(label, "sees plain.x:", hasattr(plain, "x"), "dict:", plain.__dict__)
    plain.x = label
    print(label, "counter:", counter.value, counter.bump(), counter.bump())
    print(label, "own x:", plain.x)


payload = ["shared"]


def hold():
    plain.keep = payload
    plain.more = [payload, payload]


def use_fragile():
    for attempt in range(2):
        try:
            print("fragile.ready:", fragile.ready)
        except ValueError as e:
            print("ValueError:", e)


def worker(n):
    ok = True
    for i in range(300):
        plain.n = (n, i)
        counter.bump()
        ok = ok and plain.n == (n, i)
    ok = ok and counter.value == 10 + 5 * 300 and counter.__dict__ == {"value": 1510, "step": 5}
    sys.stdout.write(f"concurrent thread ok: {ok}\n")


if __name__ == "__main__":
    plain.x = "main"
    counter.bump()
    for label in ["first", "second"]:
        t = threading.Thread(target=visit, args=(label,))
        t.start()
        t.join()
    print("main:", plain.x, counter.value)

    base = sys.getrefcount(payload)
    t = threading.Thread(target=hold)
    t.start()
    t.join()
    print("released after join:", sys.getrefcount(payload) == base)

    t = threading.Thread(target=use_fragile)
    t.start()
    t.join()
    print("main fragile.ready:", fragile.ready)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("main after workers:", plain.x, counter.value, sorted(plain.__dict__))
