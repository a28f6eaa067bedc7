x = 1
y = z = x
a, b = 1, 2
a, b = b, a
c = 3
a, b, c = c, b, a
p, = [a]
obj = type("Obj", (), {})()
obj.attr = a
items = [0, 1, 2]
items[0] = obj.attr
items[a:b] = [9]
s = "text"
f = 2.5
n = None
t = (a, b)
