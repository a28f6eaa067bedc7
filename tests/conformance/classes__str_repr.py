# Checks: __str__ and __repr__ used by print, str(), repr(), f-strings, containers (which use repr).
class Both:
    def __init__(self, v):
        self.v = v

    def __str__(self):
        return "Both(" + str(self.v) + ")"

    def __repr__(self):
        return "<Both v=" + repr(self.v) + ">"


class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"


class OnlyStr:
    def __str__(self):
        return "only-str"


b = Both("x")
print(b)
print(str(b), repr(b))
print([b, b])
print((b,), {"k": b})
print(f"{b} {b!r} {b!s}")
print("%s %r" % (b, b))
r = OnlyRepr()
print(r, str(r), [r])
s = OnlyStr()
print(s, str(s), "{}".format(s))


class Temp:
    def __init__(self, c):
        self.c = c

    def __repr__(self):
        return "Temp(%.1f)" % self.c


print(sorted([Temp(3), Temp(1.5)], key=lambda t: t.c))
print(str(Both(Both(1))), repr(Both(Both(1))))
