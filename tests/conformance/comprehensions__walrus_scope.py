# Checks: := inside comprehensions binds in the enclosing function or module, through nested comprehensions and closures.
values = [1, 2, 3, 4, 5]
print([last := v for v in values], last)
print([y for v in values if (y := v * 2) > 4], y)
print({v: (sq := v * v) for v in values}, sq)
print(sum([(hit := v) for v in values if v % 2]), hit)

def running_total(xs):
    total = 0
    sums = [total := total + x for x in xs]
    return sums, total
print(running_total([1, 2, 3, 4]))

def longest(words):
    lengths = [(size := len(w)) for w in words if len(w) > 1]
    return lengths, size
print(longest(["a", "bb", "ccccc", "dddddd"]))

def nested():
    grid = [[(cell := r * 10 + c) for c in range(3)] for r in range(2)]
    return grid, cell
print(nested())

def closure():
    found = []
    def scan():
        return [seen := x for x in "abc"]
    letters = scan()
    found.append(letters)
    return found
print(closure())

def with_global():
    global shared
    [shared := n for n in range(4)]
shared = -1
with_global()
print(shared)

def partial(xs):
    hits = [p for x in xs if (p := x % 3) != 0]
    return hits, p
print(partial([3, 4, 5, 6]))

def reads_enclosing():
    base = 100
    return [(r := base + i) for i in range(3)], r
print(reads_enclosing())
