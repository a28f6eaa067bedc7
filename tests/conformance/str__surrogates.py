# Checks: lone surrogates in str literals and chr(), as CPython: len/ord/repr/ascii, indexing, slicing, joining, formatting (%c, {:c}), equality and hashing, the UTF-8/16/32 encoders with strict/surrogatepass/surrogateescape/ignore/replace/backslashreplace/xmlcharrefreplace, decoding with surrogateescape/surrogatepass, and the UnicodeEncodeError of printing one.
s = "a\ud800b"
print(len(s), repr(s), ascii(s), ord(s[1]), hex(ord("\udfff")), s[1] == "\ud800", "\ud800" in s)
print(repr(chr(0xd800)), chr(0xdc80) == "\udc80", repr("\U0000dc00"), repr("\ud83d\ude00"), len("\ud83d\ude00"))
print(repr(s.upper()), s.isprintable(), "\ud800".isalpha(), repr(s[::-1]), repr(s * 2), repr("-".join(["\ud800", "x"])))
print(repr(f"{s}!"), repr("%s|%c" % (s, 0xdfff)), repr("{:c}".format(0xd801)), repr(format("\ud800", ">3")))
print(hash("\ud800") == hash(chr(0xd800)), {"\ud800": 1}["\ud800"], "\ud800" != "\udc00", s.find("\ud800"))
print([ord(c) for c in "x\udc01\U0001f600"], repr(str(["\ud800"])), repr(s.split("\ud800")), repr(s.replace("\ud800", "-")))
print([hex(ord(c)) for c in "\ud7ff\ud800\udbff\udc00\udfff\ue000"])


def show(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: s.encode())
show(lambda: s.encode("utf-8", "surrogatepass"))
show(lambda: s.encode("utf-8", "surrogateescape"))
show(lambda: "x\udc80\udcff".encode("utf-8", "surrogateescape"))
show(lambda: "x\udc80\udcff".encode("latin-1", "surrogateescape"))
show(lambda: s.encode("utf-8", "ignore"))
show(lambda: s.encode("utf-8", "replace"))
show(lambda: s.encode("utf-8", "backslashreplace"))
show(lambda: s.encode("utf-8", "xmlcharrefreplace"))
show(lambda: "\ud800\udc00z".encode())
show(lambda: s.encode("ascii"))
show(lambda: s.encode("latin-1"))
show(lambda: s.encode("ascii", "xmlcharrefreplace"))
show(lambda: s.encode("utf-16"))
show(lambda: s.encode("utf-16-le", "surrogatepass"))
show(lambda: s.encode("utf-32-le", "surrogatepass"))
show(lambda: s.encode("utf-32-be", "replace"))
show(lambda: bytes(s, "utf-8", "surrogatepass"))
show(lambda: bytes(s, "utf-8"))
show(lambda: b"a\xffb\x80".decode("utf-8", "surrogateescape"))
show(lambda: b"a\xed\xa0\x80b".decode("utf-8", "surrogatepass"))
show(lambda: b"a\xed\xa0\x80b".decode("utf-8"))
show(lambda: b"a\xff".decode("ascii", "surrogateescape"))
show(lambda: b"a\xffb\x80".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
show(lambda: "\ud800".encode("utf-8", "strict"))
show(lambda: chr(0x110000))
show(lambda: print("\udc80"))
import sys
show(lambda: sys.stdout.write("z\ud800"))
show(lambda: print(repr("printed through repr: \ud800")))
