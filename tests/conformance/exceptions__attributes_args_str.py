# Checks: .args, str(e), repr(e) for zero, one and several arguments; non-string arguments.
cases = [
    Exception(),
    Exception("one"),
    Exception("a", "b"),
    Exception(42),
    ValueError("bad value"),
    ValueError(""),
    KeyError("key"),
    KeyError(3),
    KeyError("a", "b"),
    IndexError("out"),
    RuntimeError(None),
    TypeError("t", 1, [2]),
]
for e in cases:
    print(type(e).__name__, "| args:", e.args, "| str:", str(e), "| repr:", repr(e))
try:
    raise ValueError("x", 1)
except ValueError as e:
    print(e.args[0], e.args[1], len(e.args))
e = Exception("mutable")
e.args = ("changed",)
print(e)
e.extra = "attribute"
print(e.extra)
print(str(KeyError("it's")), repr(KeyError("q")))
