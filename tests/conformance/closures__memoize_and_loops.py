# Checks: nonlocal in loops and conditionals, closures created in while loops, memoization via closure.
def memoize(fn):
    cache = {}
    hits = 0

    def wrapper(n):
        nonlocal hits
        if n in cache:
            hits += 1
            return cache[n]
        r = fn(n)
        cache[n] = r
        return r

    def stats():
        return hits, len(cache)
    return wrapper, stats


def slow_square(n):
    return n * n


sq, stats = memoize(slow_square)
for v in [1, 2, 1, 3, 2, 1]:
    sq(v)
print(stats())


def fib_memo():
    memo = {0: 0, 1: 1}

    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib


print(fib_memo()(90))


def toggler():
    on = False

    def toggle():
        nonlocal on
        on = not on
        return on
    return toggle


t = toggler()
print([t() for _ in range(5)])


def running_max():
    best = None

    def feed(v):
        nonlocal best
        if best is None or v > best:
            best = v
        return best
    return feed


f = running_max()
print([f(v) for v in [3, 1, 4, 1, 5, 9, 2, 6]])
closures = []
n = 0
while n < 3:
    closures.append((lambda k: lambda: k * k)(n))
    n += 1
print([c() for c in closures])
