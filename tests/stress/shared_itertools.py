# itertools objects shared by several threads. Four threads pull from one shared iterator
# until it is exhausted (or each has taken its share of an infinite one); the union of what
# they got must be exactly what one thread would have got, with nothing twice:
# (1) count() over small ints, (2) count() crossing 2**63 (where it leaves the 64-bit fast
# path for big ints), (3) islice(count(), N), (4) chain() of many ranges, (5)
# chain.from_iterable of a generator of ranges, (6) product(), (7) a cycle() read a fixed
# number of times per thread (each thread sees only values of the cycle).
import itertools
import threading

THREADS = 4
N = 4000


def drain(it, out):
    for x in it:
        out.append(x)


def take(it, k, out):
    for _ in range(k):
        out.append(next(it))


def shared(target, make_args):
    outs = [[] for _ in range(THREADS)]
    ts = [threading.Thread(target=target, args=make_args(outs[i])) for i in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return [x for o in outs for x in o], [len(o) for o in outs]


c = itertools.count()
got, _ = shared(take, lambda out: (c, N // THREADS, out))
ok_count = sorted(got) == list(range(N))

start = 2 ** 63 - N // 2
c = itertools.count(start)
got, _ = shared(take, lambda out: (c, N // THREADS, out))
ok_big = sorted(got) == [start + i for i in range(N)]

s = itertools.islice(itertools.count(), N)
got, _ = shared(drain, lambda out: (s, out))
ok_islice = sorted(got) == list(range(N))

ch = itertools.chain(*[range(i * 100, i * 100 + 100) for i in range(N // 100)])
got, _ = shared(drain, lambda out: (ch, out))
ok_chain = sorted(got) == list(range(N))

ranges = (range(i * 40, i * 40 + 40) for i in range(N // 40))
fi = itertools.chain.from_iterable(list(ranges))
got, _ = shared(drain, lambda out: (fi, out))
ok_from = sorted(got) == list(range(N))

p = itertools.product(range(20), range(20), range(10))
got, _ = shared(drain, lambda out: (p, out))
ok_product = sorted(got) == list(itertools.product(range(20), range(20), range(10)))

cy = itertools.cycle(range(7))
got, lens = shared(take, lambda out: (cy, 500, out))
ok_cycle = set(got) <= set(range(7)) and lens == [500] * THREADS

print(ok_count, ok_big, ok_islice, ok_chain, ok_from, ok_product, ok_cycle)
