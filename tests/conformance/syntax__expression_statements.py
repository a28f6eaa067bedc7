# Checks: expression statements (values discarded), semicolons, comments, line continuation.
1 + 2
"a docstring-like string statement"
[1, 2, 3]
x = 5; y = 6; print(x, y)
print(x + y)  # trailing comment
# a whole-line comment
total = 1 + \
    2 + \
    3
print(total)
values = [
    1,
    2,   # comment inside brackets
    3,
]
print(values)
call_result = print("inside", "call")
print(call_result)
z = (10
     + 20
     - 5)
print(z)
d = {"a": 1,
     "b": 2}
print(d)
if True: print("one-line if")
while False: pass
for i in range(2): print("loop", i)
def f(): return "one-line def"
print(f())
print(len("abc")); print(len([])); print(len(()))
x
y
None
...
print(...)
print(type(...).__name__)
print("end")
