# Generators driven by several threads. (1) Four threads pull from one shared generator: a
# thread that finds it running gets "generator already executing" and retries, so every value
# is taken exactly once and no frame runs twice at the same time. (2) Generators made on one
# thread are handed to another through a list, started on the second and finished on a third,
# with their locals intact. (3) yield-from chains shared the same way.
import threading

N = 3000


def numbers(n):
    for i in range(n):
        yield i


def chain(n):
    yield from numbers(n)
    return "end"


def pull(g, out, busy):
    while True:
        try:
            out.append(next(g))
        except StopIteration:
            return
        except ValueError as e:
            busy.append(str(e))


def run_shared(make):
    g = make(N)
    outs = [[] for _ in range(4)]
    busy = []
    ts = [threading.Thread(target=pull, args=(g, outs[i], busy)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    seen = sorted(x for o in outs for x in o)
    odd = [m for m in busy if m != "generator already executing"]
    return seen == list(range(N)), odd


def accumulate():
    total = 0
    data = []
    while True:
        x = yield total
        if x is None:
            return data
        data.append(x)
        total += x


handed = [accumulate() for _ in range(200)]


def start_all():
    for g in handed:
        next(g)
        g.send(1)


def finish_all(results):
    for g in handed:
        g.send(2)
        try:
            g.send(None)
        except StopIteration as e:
            results.append(e.value)


results = []
t1 = threading.Thread(target=start_all)
t1.start()
t1.join()
t2 = threading.Thread(target=finish_all, args=(results,))
t2.start()
t2.join()
ok1, odd1 = run_shared(numbers)
ok2, odd2 = run_shared(chain)
print(ok1, ok2, odd1 + odd2, len(results), all(r == [1, 2] for r in results))
