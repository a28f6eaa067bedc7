# Checks: repr of a list or dict whose elements' __repr__ change it re-reads the container at every step (appends show, pops shorten), as CPython's list_repr and dict_repr.
L = [1, 2]
class A:
    def __init__(self, n): self.n = n
    def __repr__(self):
        if self.n < 3:
            L.append(A(self.n + 1))
        return "A%d" % self.n
L.append(A(0))
print(repr(L))
print(L)
class P:
    def __repr__(self):
        L2.pop()
        return "P"
L2 = [P(), 1, 2, 3]
print(L2)
D = {}
class B:
    def __init__(self, n): self.n = n
    def __repr__(self):
        if self.n < 3:
            D["k%d" % self.n] = B(self.n + 1)
        return "B%d" % self.n
D["a"] = B(0)
print(D)
D2 = {"x": 1}
class Dl:
    def __repr__(self):
        D2.clear()
        return "Dl"
D2["y"] = Dl(); D2["z"] = 3
print(D2)
class Dp:
    def __repr__(self):
        del D3["b"]
        return "Dp"
D3 = {"a": Dp(), "b": 2, "c": 3}
print(D3)
