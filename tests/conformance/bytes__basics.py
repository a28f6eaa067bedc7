# Checks: bytes indexing gives ints, slicing gives bytes, len, decode, iteration, concatenation, comparison, in.
b = b"hello"
print(b[0], b[-1], b[1:3], b[::-1], len(b), type(b[0]).__name__, type(b[0:1]).__name__)
print(b.decode(), b.decode("utf-8"), type(b.decode()).__name__)
print(list(b), [x for x in b"AZ"])
print(b + b" world", b * 2, b"" + b"")
print(b == b"hello", b < b"help", b"a" < b"b", b"abc" > b"ab")
print(b"ell" in b, b"xyz" in b, 104 in b, 0 in b)
u = "naïve café".encode()
print(u, len(u), len("naïve café"))
print(u.decode())
print(bytes([72, 105]), bytes(3), bytes(range(65, 70)))
print(b"a,b,c".split(b","), b"-".join([b"x", b"y"]))
print(b"  pad  ".strip(), b"abc".upper(), b"abc".startswith(b"ab"), b"abc".find(b"c"))
print(b"x" + str(5).encode())
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    b + "str"
except TypeError as e:
    print(type(e).__name__, e)
try:
    b[10]
except IndexError as e:
    print(type(e).__name__, e)
