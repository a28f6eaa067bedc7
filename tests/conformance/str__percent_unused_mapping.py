# Checks: str % with a right operand that has __getitem__ (dict, list, bytes, range, an instance with __getitem__) and no directive to take it gives the text unchanged, as in CPython; a tuple, str or int left over is still "not all arguments converted".
class Table:
    def __getitem__(self, key):
        return key * 2


print("plain text" % {"a": 1})
print("plain %% text" % {})
print("no directives" % [1, 2])
print("no directives" % b"xy")
print("no directives" % range(3))
print("no directives" % Table())
print("%(k)s and %(k)r" % Table())
print("%s" % {"a": 1}, "%s" % [1])
for value in [(1,), "s", 5, 2.5, None]:
    try:
        print("text" % value)
    except TypeError as e:
        print(type(value).__name__, "->", e)
