# Checks: raising inside an except block prints both tracebacks joined by "During handling of the above exception...".
def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise ValueError("no entry for " + key)


print(lookup({"a": 1}, "a"))
lookup({"a": 1}, "b")
