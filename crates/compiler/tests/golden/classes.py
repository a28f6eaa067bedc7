class Empty:
    pass


class Point:
    """A point."""

    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    dims = Point.dims + 1

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def klass(self):
        return __class__


class Private:
    def __init__(self):
        self.__secret = 1

    def get(self):
        return self.__secret


def make_class(base):
    tag = "made"

    class Inner(base):
        label = tag

        def show(self):
            return tag

    return Inner


def deco(c):
    return c


@deco
class Decorated:
    x = [i for i in range(3)]


p = Point3(1, 2, 3).norm2()
