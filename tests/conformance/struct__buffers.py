# Checks: struct.Struct (format, size, pack, unpack, unpack_from with keywords, iter_unpack), pack_into into an array.array with positive and negative offsets and its errors, unpack and unpack_from reading arrays, and iter_unpack's iterator (length hint, exhaustion).
import array
import struct


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


s = struct.Struct("<2h")
t("struct", lambda: (s.format, s.size, s.pack(1, 2), s.unpack(b"\x01\x00\x02\x00")))
t("bytes format", lambda: struct.Struct(b"<i").format)
t("kw format", lambda: struct.Struct(format="<q").size)
t("class", lambda: (type(s).__name__, struct.Struct.__name__))
t("pack count", lambda: s.pack(1))
t("unpack_from kw", lambda: s.unpack_from(b"xx\x01\x00\x02\x00", offset=2))
t("unpack_from buffer kw", lambda: s.unpack_from(buffer=b"\x01\x00\x02\x00"))
t("iter", lambda: list(s.iter_unpack(b"\x01\x00\x02\x00\x03\x00\x04\x00")))

a = array.array("b", [0] * 8)
t("pack_into", lambda: struct.pack_into("<h", a, 2, 513))
t("after", lambda: a)
t("pack_into neg", lambda: struct.pack_into("<h", a, -2, 7))
t("after neg", lambda: a)
t("Struct.pack_into", lambda: (struct.Struct(">H").pack_into(a, 0, 258), a)[1])
t("pack_into past", lambda: struct.pack_into("<i", a, 6, 1))
t("pack_into no space", lambda: struct.pack_into("<i", a, -2, 1))
t("pack_into too neg", lambda: struct.pack_into("<i", a, -10, 1))
t("pack_into bytes", lambda: struct.pack_into("i", b"1234", 0, 1))
t("pack_into no buffer", lambda: struct.pack_into("i"))
t("pack_into no offset", lambda: struct.pack_into("i", a))
t("pack_into no items", lambda: struct.pack_into("i", a, 0))
t("pack_into str offset", lambda: struct.pack_into("i", a, "x", 1))
t("unpack array", lambda: struct.unpack("<4h", a))
t("unpack_from array", lambda: struct.unpack_from("<h", a, 2))
t("unpack_from neg", lambda: struct.unpack_from("<h", a, -2))
d = array.array("d", [1.5, -2.0])
t("unpack doubles", lambda: struct.unpack("<2d", d))

it = struct.iter_unpack("<h", b"abcdef")
t("hint", lambda: it.__length_hint__())
t("next", lambda: next(it))
t("hint after", lambda: it.__length_hint__())
t("type", lambda: type(it).__name__)
t("rest", lambda: list(it))
t("exhausted", lambda: next(it))
t("hint end", lambda: it.__length_hint__())
