# Checks: collections.ChainMap (lookup through the maps, writes to the first, new_child, parents, len/iter/in, repr, copy, pop/popitem/clear and their errors, |) and UserDict, UserList, UserString (behaviour of the wrapped dict, list and str, their data attribute, subclassing with __missing__).
from collections import ChainMap, UserDict, UserList, UserString


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


base = {"a": 1, "b": 2}
over = {"a": 10, "c": 30}
cm = ChainMap(over, base)
print(cm["a"], cm["b"], cm["c"], len(cm), sorted(cm), list(cm), "b" in cm, "z" in cm, cm.get("z", 0))
print(cm, cm.maps, bool(cm), bool(ChainMap()), ChainMap(), dict(cm))
cm["d"] = 4
del cm["a"]
print(over, base, cm["a"])
child = cm.new_child()
child["a"] = "child"
print(child["a"], cm["a"], child.parents == cm, len(child.maps), child.new_child({"q": 1}).maps[0])
print(child.parents, cm.copy(), type(cm.copy()).__name__, ChainMap.fromkeys("ab", 0))
print(cm | {"z": 26}, {"z": 26} | cm)
print(cm.pop("d"), cm.maps[0])
attempt("del missing", lambda: cm.__delitem__("b"))
attempt("pop missing", lambda: cm.pop("b"))
attempt("missing key", lambda: cm["nope"])
attempt("popitem empty", lambda: ChainMap({}, {"a": 1}).popitem())
print(ChainMap({"a": 1}).popitem())
cm.clear()
print(cm, base)

ud = UserDict(a=1)
ud["b"] = 2
print(ud, len(ud), ud.data, "a" in ud, ud.get("q", 5), ud | {"c": 3}, dict(ud), ud.copy(), ud == {"a": 1, "b": 2})
print(list(ud.items()), sorted(ud.keys()), UserDict.fromkeys("xy", 0), UserDict({"k": 1}, v=2))
del ud["a"]
print(ud, ud.pop("b"), ud, UserDict() == {})


class Defaulting(UserDict):
    def __missing__(self, key):
        return key.upper()


dm = Defaulting(a="x")
print(dm["a"], dm["zz"], "zz" in dm, dm.get("zz"))
attempt("missing", lambda: UserDict()["q"])

ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, ul[1:], ul + [9], [8] + ul, len(ul), ul == [0, 1, 2, 3], ul < [1], ul.count(1), ul.index(2))
print(type(ul[1:]).__name__, ul * 2, 3 in ul, ul.data, ul.copy(), type(ul.copy()).__name__)
ul.extend((7, 8))
ul.insert(0, -1)
ul.remove(7)
ul += [5]
ul *= 1
print(ul, ul.pop(), ul.pop(0), ul, list(reversed(ul)))
ul.reverse()
ul[0] = "first"
del ul[1]
print(ul, UserList(), UserList(UserList([1])))

us = UserString("Hello, World")
print(us, repr(us), len(us), us[0], us[1:5], us.upper(), us.lower(), us + "!", "!" + us, us * 2)
print("World" in us, us == "Hello, World", us < "Z", us.split(", "), us.replace("l", "L"), us.find("o"))
print(us.startswith("He"), us.endswith("x"), us.strip("Hd"), us.center(16, "*"), us.count("l"), hash(us) == hash("Hello, World"))
print(type(us.upper()).__name__, us.data, str(us), UserString(5), us.join(["a", "b"]), us.isalpha())
attempt("index missing", lambda: us.index("zz"))
