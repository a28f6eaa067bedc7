# Checks: raise ... from None suppresses the context: only the last exception's traceback is printed.
def get(d, k):
    try:
        return d[k]
    except KeyError:
        raise AttributeError("no attribute " + k) from None


get({}, "name")
