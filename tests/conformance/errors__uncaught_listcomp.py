# Checks: traceback through a list comprehension (3.11 names the frame <listcomp>) inside a function.
def lengths(items):
    return [len(x) for x in items]


print(lengths(["a", "bb"]))
print(lengths(["a", None, "ccc"]))
