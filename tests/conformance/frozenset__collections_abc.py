# Checks: collections.abc sees frozenset as a Set (Hashable, Iterable, Sized, Container, not MutableSet) and every built-in iterator class as an Iterator.
from collections.abc import Iterator, Iterable, Set, Hashable, Sized, Container, MutableSet
for o in [iter([]), enumerate([]), zip(), map(len, []), filter(None, []), reversed([]), iter({}), iter(range(2)), iter(lambda: 1, 1)]:
    print(type(o).__name__, isinstance(o, Iterator), isinstance(o, Iterable))
f = frozenset()
print(isinstance(f, Set), isinstance(f, Hashable), isinstance(f, Iterable), isinstance(f, Sized), isinstance(f, Container), isinstance(f, MutableSet))
print(issubclass(frozenset, Set), issubclass(set, Set), isinstance(set(), Hashable))
