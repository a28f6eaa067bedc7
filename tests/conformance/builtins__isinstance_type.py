# Checks: isinstance with single types and tuples, type(x).__name__, type(x) is T, bool is an int subclass.
values = [1, -2, 1.5, "s", b"b", True, None, [1], (1,), {"k": 1}, {1}, range(2), len, lambda: 0]
for v in values:
    print(type(v).__name__, end=" ")
print()
print(isinstance(1, int), isinstance(1, float), isinstance(1.0, float), isinstance("a", str))
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool))
print(isinstance(1, (str, int)), isinstance(1.5, (int, str)), isinstance([], (tuple, list)))
print(isinstance(None, type(None)), isinstance({}, dict), isinstance(set(), set), isinstance(b"", bytes))
print(type(1) is int, type(True) is int, type(True) is bool, type(1.0) is float)
print(type("a") == str, type([]) is list, type(()) is tuple)
print(type(int).__name__, type(type).__name__, type(str).__name__)
print(type(1)(5), type("x")(12), type([])((1, 2)))
print(int.__name__, float.__name__, str.__name__, list.__name__, dict.__name__)


class A:
    pass


class B(A):
    pass


b = B()
print(isinstance(b, A), isinstance(b, (int, A)), type(b) is A, type(b) is B, type(b).__name__)
print(issubclass(B, A), issubclass(A, B), issubclass(B, (int, A)), issubclass(int, object))
print(isinstance(A, type), isinstance(b, type))
