# Checks: class definition, __init__, methods, instance vs class attributes, type name, attribute errors.
class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def scale(self, k):
        self.x *= k
        self.y *= k
        return self


p = Point(3, -4)
print(p.x, p.y, p.norm1(), p.dims, Point.dims)
q = p.moved(1, 1)
print(q.x, q.y, p.x, p.y)
p.scale(2).scale(3)
print(p.x, p.y)
print(type(p).__name__, type(p) is Point, Point.__name__)
p.dims = 3
print(p.dims, Point.dims, q.dims)
Point.dims = 10
print(p.dims, q.dims)
p.extra = "dynamic"
print(p.extra)
try:
    q.extra
except AttributeError as e:
    print(type(e).__name__, e)
m = p.norm1
print(m())
print(Point.norm1(q))


class Empty:
    pass


e1 = Empty()
e2 = Empty()
print(e1 == e2, e1 is e1, e1 != e2, type(e1).__name__)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
