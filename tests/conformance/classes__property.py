# Checks: @property getter, @x.setter with validation, read-only property error, computed property.
class Celsius:
    def __init__(self, degrees):
        self._degrees = 0
        self.degrees = degrees

    @property
    def degrees(self):
        return self._degrees

    @degrees.setter
    def degrees(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._degrees = value

    @property
    def fahrenheit(self):
        return self._degrees * 9 / 5 + 32


c = Celsius(25)
print(c.degrees, c.fahrenheit)
c.degrees = 100
print(c.degrees, c.fahrenheit)
c.degrees += 5
print(c.degrees)
try:
    c.degrees = -300
except ValueError as e:
    print(type(e).__name__, e)
print(c.degrees)
try:
    c.fahrenheit = 0
except AttributeError as e:
    print(type(e).__name__, e)


class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    @property
    def area(self):
        print("computing area")
        return self.w * self.h


r = Rect(3, 4)
print(r.area)
r.w = 10
print(r.area)


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)


print(Square(5).area)
