# Checks: isinstance/issubclass against every collections.abc ABC for built-in types and values (CPython's answers, from its structural checks and registrations), for user classes that define the methods (the __subclasshook__ checks, __hash__ = None, a method set to None).
import collections.abc as abc
from collections.abc import Iterator, Iterable

ABCS = [abc.Hashable, abc.Awaitable, abc.Coroutine, abc.AsyncIterable, abc.AsyncIterator,
        abc.AsyncGenerator, abc.Iterable, abc.Iterator, abc.Reversible, abc.Generator,
        abc.Sized, abc.Container, abc.Callable, abc.Collection, abc.Sequence,
        abc.MutableSequence, abc.Set, abc.MutableSet, abc.Mapping, abc.MutableMapping,
        abc.MappingView, abc.KeysView, abc.ItemsView, abc.ValuesView, abc.ByteString]


def gen():
    yield 1


async def coro():
    pass


def row(label, value):
    marks = "".join("x" if isinstance(value, a) else "." for a in ABCS)
    print(f"{label:>12} {marks}")


co = coro()
values = [("int", 1), ("bool", True), ("float", 1.5), ("None", None), ("str", "s"),
          ("bytes", b"b"), ("tuple", (1,)), ("list", [1]), ("dict", {1: 2}), ("set", {1}),
          ("range", range(3)), ("function", gen), ("builtin", len), ("type", int),
          ("generator", gen()), ("coroutine", co), ("list_iter", iter([1])),
          ("dict_keys", {}.keys()), ("dict_items", {}.items()), ("dict_values", {}.values()),
          ("object", object())]
print(" " * 12, "".join(a.__name__[0] for a in ABCS))
for label, value in values:
    row(label, value)
co.close()

for cls in [list, tuple, str, dict, set, range, bytes, int, type(None)]:
    print(cls.__name__, [a.__name__ for a in ABCS if issubclass(cls, a)])


class Counter:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


class OnlyIter:
    def __iter__(self):
        return iter([])


class Box:
    def __len__(self):
        return 1

    def __contains__(self, x):
        return False

    def __iter__(self):
        return iter([])


class Unhashable:
    __hash__ = None


class NoIter(OnlyIter):
    __iter__ = None


class Fn:
    def __call__(self):
        return 1


class Aw:
    def __await__(self):
        yield


class AIt:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


class Rev:
    def __iter__(self):
        return iter([])

    def __reversed__(self):
        return iter([])


for cls in [Counter, OnlyIter, Box, Unhashable, NoIter, Fn, Aw, AIt, Rev]:
    print(cls.__name__, [a.__name__ for a in ABCS if issubclass(cls, a)])
print(isinstance(Counter(), Iterator), list(Counter()), isinstance(OnlyIter(), Iterator))
print(isinstance([], (Iterator, Iterable)), isinstance(3, (Iterator, abc.Sized)))
print(issubclass(abc.Sequence, abc.Collection), issubclass(abc.Sequence, abc.Container),
      issubclass(abc.MutableMapping, abc.Iterable), issubclass(abc.Iterable, abc.Sequence),
      issubclass(abc.KeysView, abc.Set), issubclass(abc.Generator, abc.Iterable))
try:
    issubclass(3, Iterable)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance([], 3)
except TypeError as e:
    print("TypeError:", e)
