# Checks: array.array for every typecode: construction from lists, tuples, ranges, bytes, str ('u'), other arrays and iterables; typecode/itemsize; indexing, len, iteration (arrayiterator), in, repr (empty, 'u', floats stored as float32), tolist/tobytes/frombytes/fromlist/fromunicode/tounicode, append/extend/insert/pop/remove/index/count/reverse/byteswap, tofile/fromfile, copies, +, *, +=, *=, comparisons and bool.
import array
import io


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(array.typecodes, array.ArrayType is array.array, array.array.__name__, array.array.__module__)
for code in array.typecodes:
    init = "ab" if code == "u" else [1, 2, 3]
    a = array.array(code, init)
    print(code, a.typecode, a.itemsize, len(a), a, a.tolist(), a[0], a[-1], list(a))
print(array.array("f", [1.1, 0.1, 1 / 3]), array.array("d", [1.1, float("nan"), -0.0, 1e300]))
print(array.array("b"), array.array("u"), array.array("d", []))
print(array.array("Q", [2 ** 64 - 1]), array.array("q", [-2 ** 63]), array.array("L", [2 ** 64 - 1]))
print(array.array("h", b"abcd"), array.array("b", (1, 2)), array.array("b", range(3)))
print(array.array("d", array.array("b", [1, 2])), array.array("i", array.array("i", [5])))
print(array.array("i", (x * x for x in range(4))), array.array("u", "h\u00e9\U0001f600"))

a = array.array("i", [1, 2, 3, 2])
t("index", lambda: a.index(2))
t("index start", lambda: a.index(2, 2))
t("index neg start", lambda: a.index(2, -1))
t("count", lambda: a.count(2))
t("in", lambda: (2 in a, 9 in a, 2.0 in a))
t("append", lambda: (a.append(7), a)[1])
t("extend list", lambda: (a.extend([8, 9]), a)[1])
t("extend array", lambda: (a.extend(array.array("i", [10])), a)[1])
t("extend self", lambda: (a.extend(a), len(a))[1])
t("insert", lambda: (a.insert(1, 42), a[:3])[1])
t("insert far", lambda: (a.insert(100, 5), a.insert(-100, 6), a[0], a[-1])[2:])
t("pop", lambda: a.pop())
t("pop 0", lambda: a.pop(0))
t("pop -2", lambda: a.pop(-2))
t("remove", lambda: (a.remove(42), a)[1])
t("reverse", lambda: (a.reverse(), a)[1])
b = array.array("I", [1, 2])
t("byteswap", lambda: (b.byteswap(), b)[1])
t("tobytes", lambda: array.array("h", [1, -2]).tobytes())
t("frombytes", lambda: (b.frombytes(b"\x01\x00\x00\x00"), b)[1])
t("frombytes array", lambda: (b.frombytes(array.array("b", [3, 0, 0, 0])), b)[1])
t("fromlist", lambda: (b.fromlist([5, 6]), b)[1])
u = array.array("u", "ab")
t("fromunicode", lambda: (u.fromunicode("c\u00e9"), u)[1])
t("tounicode", lambda: u.tounicode())
t("u tolist", lambda: u.tolist())
t("buffer_info len", lambda: array.array("i", [1, 2]).buffer_info()[1])
t("copy", lambda: (a.__copy__() == a, a.__copy__() is a))
t("deepcopy", lambda: a.__deepcopy__({}))
f = io.BytesIO()
h = array.array("h", [1, 2, 3])
t("tofile", lambda: (h.tofile(f), f.getvalue())[1])
f.seek(0)
g = array.array("h")
t("fromfile", lambda: (g.fromfile(f, 2), g)[1])
t("fromfile short", lambda: g.fromfile(f, 5))
t("after short", lambda: g)

c = array.array("b", [1, 2])
t("add", lambda: c + array.array("b", [3]))
t("mul", lambda: (c * 2, 2 * c, c * 0, c * -1))
d = c
d += array.array("b", [9])
t("iadd same object", lambda: (d is c, c))
d *= 2
t("imul", lambda: (d is c, c))
d *= 0
t("imul 0", lambda: c)
t("eq", lambda: (array.array("b", [1, 2]) == array.array("b", [1, 2]), array.array("b", [1]) != array.array("h", [1])))
t("eq float", lambda: array.array("i", [1, 2]) == array.array("d", [1.0, 2.0]))
t("eq list", lambda: array.array("i", [1]) == [1])
t("nan", lambda: array.array("d", [float("nan")]) == array.array("d", [float("nan")]))
t("lt", lambda: (array.array("b", [1, 2]) < array.array("b", [1, 3]), array.array("b", [1, 2]) <= array.array("b", [1]), array.array("b", [1]) < array.array("b", [1, 0])))
t("ge", lambda: (array.array("b", [2]) >= array.array("b", [1, 9]), array.array("b") > array.array("b")))
t("bool", lambda: (bool(array.array("b")), bool(array.array("b", [0]))))
it = iter(array.array("b", [1, 2]))
t("iterator", lambda: (type(it).__name__, next(it), next(it)))
t("iterator end", lambda: next(it))
grow = array.array("b", [1])
seen = []
for x in grow:
    seen.append(x)
    if len(grow) < 4:
        grow.append(x + 1)
t("iterate while growing", lambda: seen)
