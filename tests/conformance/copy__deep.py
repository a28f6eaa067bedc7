# Checks: copy.deepcopy: nested containers copied all the way down, shared references stay shared (the memo), tuples kept when nothing inside changed, an explicit memo dict, __deepcopy__ (receiving the memo), __reduce__ with state and __setstate__, instances, bound methods, dataclass-like objects, subclasses of built-in types, and atomic values.
import copy


data = {"list": [1, 2, [3, 4]], "t": (1, 2, 3), "str": "hello", "sub": {"a": True}}
d = copy.deepcopy(data)
print(d == data, d is data, d["list"] is data["list"], d["list"][2] is data["list"][2], d["t"] is data["t"], d["str"] is data["str"])
shared = [1]
holder = [shared, shared, (shared,)]
h = copy.deepcopy(holder)
print(h, h[0] is h[1], h[0] is h[2][0], h[0] is shared, type(h[2]).__name__)
t = (1, "a", (2, 3))
print(copy.deepcopy(t) is t, copy.deepcopy((1, [2])) == (1, [2]), copy.deepcopy((1, [2]))[1] is not None)
memo = {}
a = [1, 2]
b = copy.deepcopy([a, a], memo)
print(b, id(a) in memo, memo[id(a)] is b[0], b[0] is b[1])
c = copy.deepcopy(a, memo)
print(c is b[0])


class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
t2 = copy.deepcopy(tree)
print(t2.value, [n.value for n in t2.children], t2.children[1].children[0].value, t2.children[0] is tree.children[0])


class Custom:
    def __init__(self, v):
        self.v = v

    def __deepcopy__(self, memo):
        print("deepcopy called with memo", type(memo).__name__)
        return Custom(copy.deepcopy(self.v, memo) + ["copied"])


cc = copy.deepcopy([Custom([1])])
print(cc[0].v)


class State:
    def __init__(self):
        self.a = 1
        self.b = [2]

    def __reduce__(self):
        return (State, (), self.__dict__)

    def __setstate__(self, state):
        self.restored = sorted(state)


s = copy.deepcopy(State())
print(s.restored, s.a, s.b)


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = [balance]

    def deposit(self, n):
        self.balance += n
        self.history.append(n)
        return self.balance


acct = Account("ann", 10)
m = copy.deepcopy(acct.deposit)
print(m(5), acct.balance, m.__self__.balance, m.__self__ is acct)
acct2 = copy.deepcopy(acct)
acct2.deposit(1)
print(acct.history, acct2.history, acct2.owner is acct.owner)


class Bag(list):
    pass


bag = Bag([[1], [2]])
bag.label = ["x"]
bc = copy.deepcopy(bag)
print(bc, type(bc).__name__, bc[0] is bag[0], bc.label, bc.label is bag.label)
for v in [1, 2.0, "s", None, len, Node, True, b"x", range(2)]:
    print(repr(v)[:22], copy.deepcopy(v) is v)
big = [[i, str(i), (i, [i])] for i in range(50)]
print(copy.deepcopy(big) == big, copy.deepcopy({i: [i] for i in range(5)}))
