# Checks: chr/ord round trips, hex/bin/oct of positive/negative/big ints, and parsing them back with int().
print(ord("A"), ord("a"), ord("0"), ord(" "), ord("\n"), ord("é"), ord("€"))
print(chr(65), chr(97), chr(48), repr(chr(10)), chr(233), chr(8364))
print("".join(chr(ord(c) + 1) for c in "HAL"))
print([ord(c) for c in "abc"], "".join([chr(c) for c in [104, 105]]))
print(hex(255), hex(0), hex(-255), hex(2 ** 70))
print(bin(10), bin(0), bin(-5), bin(2 ** 20))
print(oct(8), oct(0), oct(-64), oct(511))
for n in [0, 1, 255, 4096, 2 ** 64 + 1]:
    print(n, int(hex(n), 16) == n, int(bin(n), 2) == n, int(oct(n), 8) == n)
print(int(hex(255)[2:], 16), bin(5)[2:], len(bin(255)) - 2)
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord("")
except TypeError as e:
    print(type(e).__name__, e)
