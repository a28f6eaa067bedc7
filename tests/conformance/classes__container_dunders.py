# Checks: __len__, __getitem__ (incl. IndexError ending for-iteration), __contains__, __setitem__, bool via __len__.
class Squares:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if i < 0 or i >= self.n:
            raise IndexError("Squares index out of range")
        return i * i


s = Squares(5)
print(len(s), s[0], s[4], s[-1])
for v in s:
    print("item", v)
print(list(s), 9 in s, 10 in s)
print(bool(Squares(0)), bool(Squares(2)))
try:
    s[5]
except IndexError as e:
    print(type(e).__name__, e)


class Bag:
    def __init__(self):
        self.data = {}

    def __setitem__(self, key, value):
        self.data[key] = value

    def __getitem__(self, key):
        return self.data.get(key, 0)

    def __contains__(self, key):
        print("__contains__ called with", key)
        return key in self.data

    def __len__(self):
        return len(self.data)

    def __delitem__(self, key):
        del self.data[key]


bag = Bag()
bag["a"] = 1
bag["b"] += 5
print(bag["a"], bag["b"], bag["zzz"], len(bag))
print("a" in bag, "c" in bag, "c" not in bag)
del bag["a"]
print(len(bag), bag.data)
if not Bag():
    print("empty bag is falsy")
