# Checks: str and bytes find/rfind/index/rindex/count with None, negative, huge and __index__ bounds, empty and int needles, and their errors.
class At:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Bad:
    def __index__(self):
        return "x"


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


s = "héllo wörld, héllo"
for m in [s.find, s.rfind, s.index, s.rindex, s.count]:
    show(lambda: [m("llo"), m("llo", None), m("llo", 3), m("llo", -5), m("llo", None, 5)])
    show(lambda: [m("ö", 2**70), m("ö", -2**70), m("ö", 0, -2**70), m("ö", At(8), At(-1))])
    show(lambda: [m(""), m("", 18), m("", 5, 2), m("", -3, None), m("é", True)])
    for bad in [("xyz",), ("llo", 1.5), ("l", Bad()), (1,), (), ("a", 1, 2, 3)]:
        show(lambda: m(*bad))
b = b"hello world, hello"
for m in [b.find, b.rfind, b.index, b.rindex, b.count]:
    show(lambda: [m(b"llo"), m(b"llo", None), m(b"llo", 3), m(b"llo", -5), m(b"llo", None, 5)])
    show(lambda: [m(111), m(111, 5, None), m(At(111)), m(At(111), At(-6)), m(True)])
    show(lambda: [m(b""), m(b"", 18), m(b"", 5, 2), m(b"o", 2**70), m(b"o", -2**70)])
    for bad in [b"xyz", 256, -1, 2**70, At(300), Bad(), "o", [1]]:
        show(lambda: m(bad))
show(lambda: str.rindex(b"x", "x"))
show(lambda: bytes.index("x", b"x"))
show(lambda: s.rindex(sub="a"))
show(lambda: ["日本語日本".rfind("日本", None, 4), "日本語日本".index("語", -3)])
show(lambda: bytes([0, 255, 0, 255]).rindex(255, None, -1))
