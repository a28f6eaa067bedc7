# Checks: exceptions propagating through several frames and nested try blocks; handler selection per level.
trace = []


def level3(x):
    trace.append("l3 start")
    if x == "value":
        raise ValueError("from level3")
    if x == "key":
        raise KeyError("level3 key")
    trace.append("l3 end")
    return "ok"


def level2(x):
    try:
        return level3(x)
    except KeyError as e:
        trace.append("l2 handled " + repr(e))
        return "recovered in l2"
    finally:
        trace.append("l2 finally")


def level1(x):
    try:
        return level2(x)
    except ValueError as e:
        trace.append("l1 handled " + str(e))
        return "recovered in l1"


for x in ["fine", "key", "value"]:
    trace.clear()
    print(x, "->", level1(x))
    print("  ", trace)
results = []
for i in range(4):
    try:
        try:
            if i % 2:
                raise ValueError(i)
            results.append("ok %d" % i)
        except TypeError:
            results.append("never")
    except ValueError as e:
        results.append("outer %s" % e)
print(results)


def cleanup_order():
    out = []
    try:
        try:
            raise IndexError("a")
        except IndexError:
            out.append("handled a")
            raise ValueError("b")
        finally:
            out.append("inner finally")
    except ValueError as e:
        out.append("handled " + str(e))
    finally:
        out.append("outer finally")
    return out


print(cleanup_order())
