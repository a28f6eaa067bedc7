# Checks: except (A, B) as e, several except clauses (first match wins), bare except, base-class matching.
def risky(kind):
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][0]
    if kind == "zero":
        return 1 / 0
    if kind == "type":
        return 1 + "a"
    if kind == "value":
        return int("abc")
    if kind == "attr":
        return None.foo
    if kind == "name":
        return undefined_name
    return "ok"


for kind in ["key", "index", "zero", "type", "value", "attr", "name", "none"]:
    try:
        r = risky(kind)
        print(kind, "->", r)
    except (KeyError, IndexError) as e:
        print(kind, "lookup:", type(e).__name__, e)
    except ArithmeticError as e:
        print(kind, "arith:", type(e).__name__, e)
    except (TypeError, ValueError) as e:
        print(kind, "type/value:", type(e).__name__, e)
    except Exception as e:
        print(kind, "other:", type(e).__name__, e)
for kind in ["key", "attr"]:
    try:
        risky(kind)
    except:
        print(kind, "caught by bare except")
try:
    risky("index")
except LookupError as e:
    print("LookupError catches", type(e).__name__)
try:
    risky("key")
except IndexError:
    print("wrong")
except KeyError:
    print("second clause matched")
except Exception:
    print("not reached")
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(ValueError, Exception), issubclass(Exception, BaseException))
