# Checks: copy.deepcopy reproduces reference cycles (a list containing itself, a dict referring to itself, objects referring to each other, a tuple inside a cycle) instead of recursing for ever, and copy.copy of a self-containing list.
import copy

l = [1, 2]
l.append(l)
lc = copy.deepcopy(l)
print(lc[:2], lc[2] is lc, lc is l)
d = {"name": "d"}
d["self"] = d
dc = copy.deepcopy(d)
print(dc["name"], dc["self"] is dc, dc is d)


class Person:
    def __init__(self, name):
        self.name = name
        self.friend = None


a, b = Person("a"), Person("b")
a.friend, b.friend = b, a
ac = copy.deepcopy(a)
print(ac.name, ac.friend.name, ac.friend.friend is ac, ac is a)
inner = []
t = (inner,)
inner.append(t)
tc = copy.deepcopy(t)
print(type(tc).__name__, tc[0][0] is tc, tc is t)
s = copy.copy(l)
print(s[2] is l, len(s))
