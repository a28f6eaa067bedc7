# Checks: heapq's heappush/heappop/heapify/heapreplace/heappushpop keep CPython's exact heap layout (ints, tuples, objects defining only __lt__), heap sort, merge (with key, reverse, empty and unequal inputs, stable among equal items), nlargest/nsmallest (n of 0, 1, more than the data, key=, ties kept in input order, iterators), and CPython's errors.
import heapq


def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


data = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 3, 8]
h = []
for x in data:
    heapq.heappush(h, x)
    print(h)
print([heapq.heappop(h) for i in range(len(h))], h)

h = list(data)
heapq.heapify(h)
print(h)
print(heapq.heapreplace(h, 10), h)
print(heapq.heappushpop(h, -1), heapq.heappushpop(h, 4), h)
print(heapq.heappushpop([], 3))
big = [(i * 7919) % 1009 for i in range(300)]
heapq.heapify(big)
print(big[:20], sorted(big) == [heapq.heappop(big) for i in range(300)])

tasks = []
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "aa"), (5, "e")]:
    heapq.heappush(tasks, item)
print([heapq.heappop(tasks) for i in range(5)])


class OnlyLt:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return "O(%d)" % self.v


oh = [OnlyLt(v) for v in (4, 1, 3, 2)]
heapq.heapify(oh)
print(oh, heapq.heappop(oh), oh)

print(list(heapq.merge([1, 3, 5], [2, 4, 6], [0, 7])))
print(list(heapq.merge()), list(heapq.merge([], [1], [])), list(heapq.merge([1, 2, 3])))
print(list(heapq.merge([5, 3, 1], [6, 2], reverse=True)))
print(list(heapq.merge(["apple", "fig"], ["kiwi", "banana2"], key=len)))
print(list(heapq.merge([(1, "a"), (2, "a")], [(1, "b"), (2, "b")], key=lambda p: p[0])))
print(list(heapq.merge([(2, "a"), (1, "a")], [(2, "b"), (1, "b")], key=lambda p: p[0], reverse=True)))
print(list(heapq.merge(iter([1, 1, 1]), (1, 1), [0, 1, 2])))
m = heapq.merge([1, 2], [3])
print(next(m), list(m))

words = "the quick brown fox jumps over the lazy dog again and again".split()
for n in (-1, 0, 1, 2, 3, 5, 11, 12, 20):
    print(n, heapq.nsmallest(n, words), heapq.nlargest(n, words),
          heapq.nsmallest(n, words, key=len), heapq.nlargest(n, words, key=len))
print(heapq.nlargest(3, iter([4, 1, 7, 3, 7, 9])), heapq.nsmallest(2, (x * x for x in range(-5, 5))))
print(heapq.nlargest(2, [], key=abs), heapq.nsmallest(1, []), heapq.nlargest(1, iter([3, 9, 9])))
print(heapq.nsmallest(4, [(1, 'b'), (1, 'a'), (0, 'z'), (1, 'a')]), heapq.nlargest(2, {3: 'x', 1: 'y', 2: 'z'}))
print(sorted(heapq.__all__))

t("heappush((), 1)", lambda: heapq.heappush((), 1))
t("heappop([])", lambda: heapq.heappop([]))
t("heappush([])", lambda: heapq.heappush([]))
t("heapify(1)", lambda: heapq.heapify(1))
t("heapreplace([], 1)", lambda: heapq.heapreplace([], 1))
t("heappop(1)", lambda: heapq.heappop(1))
t("heappushpop([], 1, 2)", lambda: heapq.heappushpop([], 1, 2))
t("heappush(a=1)", lambda: heapq.heappush(a=1))
t("heappush([1, 'a'], 2)", lambda: heapq.heappush([1, 'a'], 2))
t("heappush([1, 2], 'a')", lambda: heapq.heappush([1, 2], 'a'))
t("heapify([1, 'a', 2])", lambda: heapq.heapify([1, 'a', 2]))
t("nlargest(2, 5)", lambda: heapq.nlargest(2, 5))
t("merge([1], key=1) next", lambda: list(heapq.merge([1], [2], key=1)))
