# Checks: @classmethod receiving cls, alternative constructors, subclass gets subclass cls, class state.
class Date:
    created = 0

    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        Date.created += 1

    @classmethod
    def from_string(cls, s):
        parts = s.split("-")
        return cls(int(parts[0]), int(parts[1]), int(parts[2]))

    @classmethod
    def kind(cls):
        return cls.__name__

    @classmethod
    def count(cls):
        return cls.created

    def __repr__(self):
        return "%s(%d, %d, %d)" % (type(self).__name__, self.y, self.m, self.d)


class BirthDate(Date):
    pass


d = Date.from_string("2024-02-29")
print(d, Date.kind(), d.kind())
b = BirthDate.from_string("1999-12-31")
print(b, BirthDate.kind(), b.kind(), type(b).__name__)
print(Date.count(), BirthDate.count())


class Registry:
    items = []

    @classmethod
    def register(cls, item):
        cls.items.append(item)
        return len(cls.items)


print(Registry.register("a"), Registry().register("b"), Registry.items)
m = Date.from_string
print(m("2000-01-01"))
