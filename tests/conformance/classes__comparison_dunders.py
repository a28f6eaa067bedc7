# Checks: __eq__ and __lt__ (plus __le__/__gt__ fallbacks), sorting objects, != derived from __eq__, NotImplemented.
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return "v%d.%d" % (self.major, self.minor)


a = Version(1, 2)
b = Version(1, 10)
c = Version(1, 2)
print(a == c, a == b, a != b, a != c, a is c)
print(a < b, b < a, b > a, a > b)
print(a == "1.2", a != "1.2")
vs = [Version(2, 0), Version(1, 5), Version(1, 12), Version(0, 9)]
print(sorted(vs))
print(sorted(vs, reverse=True))
print(min(vs), max(vs))
print(a in vs, Version(1, 5) in vs)
print(vs.index(Version(1, 12)), vs.count(Version(2, 0)))
try:
    a <= b
except TypeError as e:
    print(type(e).__name__, e)


class Plain:
    pass


try:
    Plain() < Plain()
except TypeError as e:
    print(type(e).__name__, e)
p = Plain()
print(p == p, Plain() == Plain())
