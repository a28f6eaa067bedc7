# Checks: arithmetic dunders __sub__, __mul__, __neg__, __abs__ and __eq__ on a small vector class; reflected __rmul__.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)


a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, abs(b))
print(a + b == Vec(4, 6), a == b)
v = Vec(0, 0)
v += a
v -= Vec(0, 1)
v *= 10
print(v)
print(sum([a, b, Vec(10, 10)], Vec(0, 0)))
