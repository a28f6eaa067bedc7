# Checks: list indexing incl. negative, slices with steps (negative steps, out-of-range bounds), slices are copies.
lst = list(range(10))
print(lst[0], lst[9], lst[-1], lst[-10])
print(lst[2:5], lst[:3], lst[7:], lst[:], lst[-3:], lst[:-7])
print(lst[::2], lst[1::2], lst[::3], lst[2:8:2])
print(lst[::-1], lst[::-2], lst[8:2:-1], lst[8:2:-3], lst[-1:-4:-1])
print(lst[5:2], lst[2:2], lst[100:], lst[-100:2], lst[3:100], lst[100:200])
print(lst[-100:-50], lst[::-100], lst[50::-1][:3])
print(lst[2:-2:3], lst[-2:2:-3])
s = lst[:]
s[0] = "changed"
print(lst[0], s[0])
t = (0, 1, 2, 3, 4)
print(t[1:3], t[::-1], t[-2:], type(t[1:2]).__name__)
st = "abcdefg"
print(st[1:4], st[::-1], st[::2], st[-3:], st[10:], st[5:1:-1])
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1][2], m[-1][-1], [row[1] for row in m], m[::2], m[1][::-1])
try:
    lst[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    lst[-11]
except IndexError as e:
    print(type(e).__name__, e)
try:
    lst["a"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    lst[::0]
except ValueError as e:
    print(type(e).__name__, e)
print(lst[True], lst[False])
