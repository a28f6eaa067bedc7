# Checks: struct's errors with CPython's messages and classes: the range errors of each integer code in each byte order (which differ between native, little- and big-endian tables), non-integers and non-floats, float overflow (e, f), c/s/p arguments, bad format characters, repeat counts without a code, sizes too long, item counts, non-str formats, buffer sizes in unpack/unpack_from/iter_unpack, argument counts; struct.error itself.
import struct


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


for fmt in ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "P",
            "<b", "<B", "<h", "<H", "<i", "<I", "<l", "<L", "<q", "<Q",
            ">b", ">h", ">H", ">i", ">I", "!l", ">L", ">q", ">Q", "=l", "=H"]:
    size = struct.calcsize(fmt)
    t(fmt + " 2**70", lambda: struct.pack(fmt, 2 ** 70))
    t(fmt + " -2**70", lambda: struct.pack(fmt, -2 ** 70))
    t(fmt + " 2**bits", lambda: struct.pack(fmt, 2 ** (size * 8)))
    t(fmt + " -1", lambda: struct.pack(fmt, -1))
for fmt in ["b", "e", "f", "d", "?", "c", "s", "p", "x"]:
    t(fmt + " str", lambda: struct.pack(fmt, "x"))
    t(fmt + " float", lambda: struct.pack(fmt, 1.5))
t("i float", lambda: struct.pack("i", 1.0))
t("e overflow", lambda: struct.pack("e", 1e10))
t("e 65520", lambda: struct.pack("e", 65520.0))
t("f overflow", lambda: struct.pack("<f", 1e300))
t("d huge int", lambda: struct.pack("d", 2 ** 2000))
t("c length", lambda: struct.pack("c", b"ab"))
t("s str", lambda: struct.pack("s", "x"))
t("missing item", lambda: struct.pack("i"))
t("extra item", lambda: struct.pack("i", 1, 2))
t("bad char", lambda: struct.pack("z", 1))
t("std P", lambda: struct.calcsize("<P"))
t("std n", lambda: struct.calcsize("=n"))
t("space after count", lambda: struct.calcsize("2 i"))
t("order not first", lambda: struct.calcsize("i<"))
t("count only", lambda: struct.calcsize("3"))
t("too long", lambda: struct.calcsize("99999999999999999999i"))
t("int format", lambda: struct.pack(1))
t("no format", lambda: struct.pack())
t("calcsize no arg", lambda: struct.calcsize())
t("unpack size", lambda: struct.unpack("i", b"abc"))
t("unpack str buffer", lambda: struct.unpack("i", "abcd"))
t("unpack one arg", lambda: struct.unpack("i"))
t("unpack no arg", lambda: struct.unpack())
t("unpack_from short", lambda: struct.unpack_from("i", b"abc", 1))
t("unpack_from neg", lambda: struct.unpack_from("i", b"abcdefg", -2))
t("unpack_from too neg", lambda: struct.unpack_from("i", b"abcdefg", -10))
t("unpack_from past", lambda: struct.unpack_from("i", b"abcdefg", 10))
t("unpack_from no format", lambda: struct.unpack_from(buffer=b"ab"))
t("unpack_from no buffer", lambda: struct.unpack_from("h"))
t("iter_unpack size", lambda: list(struct.iter_unpack("h", b"abc")))
t("iter_unpack empty struct", lambda: list(struct.iter_unpack("", b"abc")))
t("Struct no format", lambda: struct.Struct())
t("Struct two", lambda: struct.Struct("i", 1))
t("Struct bad", lambda: struct.Struct("x y"))
t("error", lambda: struct.error("x"))
t("error class", lambda: (struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception)))
try:
    struct.pack("b", 300)
except struct.error as e:
    print("caught", type(e).__name__, e.args)
