# Checks: user classes subclassing collections.abc ABCs get the mixin methods (Iterator.__iter__, Sequence's iteration/contains/reversed/index/count, MutableSequence, Mapping/MutableMapping, Set operators and comparisons, MutableSet, Generator.__next__/close), register() (virtual subclasses, through derived ABCs, cycles refused), Iterator[int]-style aliases, and the import forms of collections and collections.abc.
import collections
import collections.abc
from collections.abc import (Generator, Iterable, Iterator, Mapping, MutableMapping,
                             MutableSequence, MutableSet, Sequence, Set, Sized)


class Countdown(Iterator):
    def __init__(self, n):
        self.n = n

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


c = Countdown(3)
print(iter(c) is c, list(c), isinstance(c, Iterator), isinstance(c, Iterable), issubclass(Countdown, Iterable))


class Squares(Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i


s = Squares(5)
print(list(s), 9 in s, 10 in s, list(reversed(s)), s.index(16), s.count(4), len(s))
try:
    s.index(7)
except ValueError:
    print("ValueError from index")
print(isinstance(s, Sized), isinstance(s, collections.abc.Reversible), isinstance(s, MutableSequence))


class Stack(MutableSequence):
    def __init__(self):
        self.items = []

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def insert(self, i, v):
        self.items.insert(i, v)


st = Stack()
st.append(1)
st.extend([2, 3, 4])
st += [5]
print(st.items, st.pop(), st.pop(0), st.items)
st.reverse()
st.remove(3)
print(st.items, len(st))
st.clear()
print(st.items)


class Table(MutableMapping):
    def __init__(self):
        self.data = {}

    def __getitem__(self, k):
        return self.data[k]

    def __setitem__(self, k, v):
        self.data[k] = v

    def __delitem__(self, k):
        del self.data[k]

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)


t = Table()
t.update({"a": 1}, b=2)
t.update([("c", 3)])
print(sorted(t.keys()), sorted(t.values()), sorted(t.items()), t.get("z", 0), "a" in t)
print(t.setdefault("d", 4), t.pop("a"), t.pop("zz", "none"), len(t))
print(t == {"b": 2, "c": 3, "d": 4}, t == {"b": 2}, isinstance(t, Mapping), isinstance(t.keys(), Set))
print(t.popitem(), len(t))
t.clear()
print(len(t), repr(t.keys())[:9])


class Bag(MutableSet):
    def __init__(self, items=()):
        self.items = []
        for x in items:
            self.add(x)

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def add(self, x):
        if x not in self.items:
            self.items.append(x)

    def discard(self, x):
        if x in self.items:
            self.items.remove(x)


a, b = Bag([1, 2, 3]), Bag([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b))
print(a <= Bag([1, 2, 3, 4]), a < a, a == Bag([3, 2, 1]), a >= Bag([1]), a.isdisjoint([9]))
a |= [7]
a -= [1]
print(sorted(a), a.pop() in (2, 3, 7), len(a))
a.remove(sorted(a)[0])
print(len(a))
try:
    a.remove(99)
except KeyError as e:
    print("KeyError", e)


class Echo(Generator):
    def send(self, value):
        if value == "stop":
            raise StopIteration
        return value

    def throw(self, typ, val=None, tb=None):
        raise StopIteration


e = Echo()
print(next(e), e.send(5), e.close(), isinstance(e, Iterator))


class Point:
    pass


print(isinstance(Point(), Sequence))
print(Sequence.register(Point) is Point, isinstance(Point(), Sequence), issubclass(Point, Iterable), issubclass(Point, MutableSequence))
try:
    Sequence.register(3)
except TypeError as e:
    print("TypeError:", e)
try:
    Iterable.register(Sequence)
    Sequence.register(Iterable)
except RuntimeError as e:
    print("RuntimeError:", e)

print(Iterator[int], Mapping[str, int], collections.abc.Callable[[int], str] is not None)
alias = Iterable[int]
print(alias.__origin__ is Iterable, alias.__args__, Iterator[Countdown])
print(Iterator, Iterator.__module__, Iterator.__name__, collections.abc.Sized.__qualname__)
print(collections.abc is collections.abc, type(collections).__name__)
