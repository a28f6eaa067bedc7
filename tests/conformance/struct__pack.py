# Checks: struct.pack/unpack/calcsize for every format code in the byte orders @ = < > !: native sizes and alignment (padding between fields, the 0-count alignment trick), standard sizes, repeat counts, whitespace, x padding, c/s/p strings (truncation, padding, Pascal length byte), ? truthiness, e/f/d floats (half-precision rounding, NaN, infinities), n/N/P, signed and unsigned round trips, objects with __index__.
import struct


class Idx:
    def __index__(self):
        return 7


for fmt in ["bi", "<bi", "ib", "bq", "b0i", "3s2xh", "c?xh", "@e", "bd", "<bd", " i h ", "=l", "<q", "!Q", "@P", "nN", "10p"]:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.calcsize(b"ii"))
values = [
    ("<hHiIqQ", (-1, 2, -3, 4, -5, 6)),
    (">hHiIqQ", (-1, 2, -3, 4, -5, 6)),
    ("!lL", (-7, 7)),
    ("=bB", (-128, 255)),
    ("@bihq", (1, 2, 3, 4)),
    ("<dfe", (3.14159, 2.5, -0.333)),
    (">dfe", (1e300, -0.1, 65504.0)),
    ("<?3s5sc", (True, b"ab", b"abcdefg", b"z")),
    ("4p", (b"abcdef",)),
    ("<3x2c", (b"a", b"b")),
    ("nNP", (-5, 5, 12345)),
    ("<qQ", (-2 ** 63, 2 ** 64 - 1)),
    (">qQ", (2 ** 63 - 1, 0)),
]
for fmt, vals in values:
    packed = struct.pack(fmt, *vals)
    print(fmt, packed, struct.unpack(fmt, packed))
print(struct.pack("<?", 2), struct.pack("?", []), struct.pack("?", "x"), struct.unpack("<?", b"\x05"))
print(struct.pack("h", Idx()), struct.pack("d", Idx()), struct.pack("<f", 1), struct.pack(">e", True))
print(struct.pack("<e", 65519.0), struct.pack("<e", 2 ** -25), struct.pack("<e", 3 * 2 ** -26), struct.pack("<e", 1e-8))
print(struct.pack("<e", float("nan")), struct.pack("<e", -float("nan")), struct.pack("<e", float("-inf")), struct.pack(">d", float("nan")))
print(struct.unpack("<e", b"\x00\x7c"), struct.unpack("<e", b"\x01\x00"), struct.unpack("<e", b"\xff\x7b"), struct.unpack("<e", b"\x00\x80"))
print(struct.unpack("f", struct.pack("f", 0.1)), struct.unpack(">f", struct.pack(">f", 1e38)))
print(struct.pack("10p", b"x" * 300), struct.pack("300p", b"x" * 300)[:3], struct.pack("0p", b"x"), struct.unpack("4p", b"\x09abc"), struct.unpack("3p", b"\x05ab"))
print(struct.pack("x"), struct.pack(""), struct.unpack("", b""), struct.unpack(">3xc", b"abcd"))
print(struct.unpack("<Q", b"\xff" * 8), struct.unpack(">q", b"\x80" + b"\x00" * 7), struct.unpack("<i", b"\xff\xff\xff\x7f"))
print(struct.unpack("@bih", bytes(10)), struct.unpack("2c", b"ab"), struct.pack("2c", b"a", b"b"))
