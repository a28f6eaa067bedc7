# Checks: bisect_left/bisect_right (bisect) and insort_left/insort_right (insort) on lists, tuples, ranges and strings, with lo, hi (None and given), key=, equal items, objects that define only __lt__, a sequence class, and CPython's argument errors.
import bisect


def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 2.5, 3, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 9, hi=3),
      bisect.bisect_right(a, 2, lo=4), bisect.bisect([1, 2, 3], 2, hi=None), bisect.bisect(a, 2, 5, 2))
print(bisect.bisect(range(0, 100, 3), 50), bisect.bisect_left((1, 3, 5), 3), bisect.bisect("abdf", "c"),
      bisect.bisect([], 1), bisect.bisect_left(range(10), 3, key=None))
print(bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right,
      bisect.bisect.__name__, bisect.insort.__name__)

# key= applies to the items, not to x (insort applies it to x too).
recs = [("a", 1), ("b", 3), ("c", 3), ("d", 7)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("e", 3), key=lambda r: r[1])
bisect.insort_left(recs, ("f", 3), key=lambda r: r[1])
bisect.insort_right(recs, ("g", 0), key=lambda r: r[1])
print(recs)

b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
    bisect.insort(b, x)
print(b)
c = [1.0, 2.0, 3.0]
bisect.insort_left(c, 2)
bisect.insort_right(c, 2)
print(c, [type(v).__name__ for v in c])
d = [0, 10]
bisect.insort(d, 5, 1, 1)
bisect.insort(d, 99, hi=1)
print(d)


class OnlyLt:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return "O(%d)" % self.v


objs = [OnlyLt(v) for v in (1, 3, 5)]
print(bisect.bisect_left(objs, OnlyLt(3)), bisect.bisect_right(objs, OnlyLt(3)))
bisect.insort(objs, OnlyLt(4))
print(objs)


class Seq:
    def __init__(self):
        self.items = [1, 4, 9]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def insert(self, i, x):
        print("insert", i, x)
        self.items.insert(i, x)


s = Seq()
print(bisect.bisect(s, 5))
bisect.insort(s, 5)
print(s.items)

t("bisect([1])", lambda: bisect.bisect([1]))
t("bisect([1], 2, 3, 4, 5)", lambda: bisect.bisect([1], 2, 3, 4, 5))
t("bisect([1], 2, -1)", lambda: bisect.bisect([1], 2, -1))
t("bisect([1], 2, foo=1)", lambda: bisect.bisect([1], 2, foo=1))
t("bisect(5, 2)", lambda: bisect.bisect(5, 2))
t("bisect([1], 2, 'a')", lambda: bisect.bisect([1], 2, 'a'))
t("bisect([1], 2, hi='a')", lambda: bisect.bisect([1], 2, hi='a'))
t("bisect([1], 2, lo=None)", lambda: bisect.bisect([1], 2, lo=None))
t("bisect([1, 2], 2, 0, 5)", lambda: bisect.bisect([1, 2], 2, 0, 5))
t("bisect([1, 'a'], 2)", lambda: bisect.bisect([1, 'a'], 2))
t("bisect([1], 2, x=2)", lambda: bisect.bisect([1], 2, x=2))
t("insort(5, 1)", lambda: bisect.insort(5, 1))
t("insort((1, 2), 1)", lambda: bisect.insort((1, 2), 1))
t("insort_left([1], 2, key=len)", lambda: bisect.insort_left([1], 2, key=len))
