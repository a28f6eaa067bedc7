# Checks: len of every container, repr of builtin values incl. nested containers, floats, strings with quotes.
print(len("hello"), len(""), len([1, 2]), len((1,)), len({"a": 1, "b": 2}), len({1, 2, 2}), len(b"xyz"), len(range(4)))
print(len("é中"), len([[1, 2], [3]]), len("\t\n"))
print(repr(1), repr(-1.5), repr("s"), repr(None), repr(True), repr([1, "a", None]))
print(repr((1,)), repr(()), repr({}), repr(set()), repr({"k": [1, (2,)]}))
print(repr(1e300), repr(1.0), repr(10.0 ** 16), repr(2.5e-8), repr(-0.0))
print(repr("line\nbreak"), repr("tab\t"), repr("q'uote"), repr('d"q'), repr("both'\""))
print(repr([["nested", ["deeper"]], {"a": {"b": None}}]))
print(repr(range(3)), repr(b"bytes"), repr(int), repr(str))
print(str([1.0, 2.5]), str(["x"]), str(("y",)))
l = [1]
l.append(l)
print(l)
d = {}
d["self"] = d
print(d)
