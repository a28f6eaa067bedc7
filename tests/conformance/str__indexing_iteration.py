# Checks: str indexing, negative indexes, slicing, iteration, len, *, +, comparison, immutability error.
s = "Python"
print(s[0], s[-1], s[2:4], s[:2], s[2:], s[::-1], s[::2], s[-3:], len(s))
for ch in s:
    print(ch, end=".")
print()
print([c for c in "abc"], list("héllo"))
print("ab" * 3, 3 * "-", "x" * 0, "y" * -2, "con" + "cat")
print("apple" < "banana", "apple" < "Apple", "a" < "aa", "Z" < "a", "abc" == "abc", "abc" != "abd")
print(sorted(["b", "B", "a", "A", "10", "9", "_"]))
print(max("hello"), min("hello"))
try:
    s[0] = "J"
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)
t = s
t += "!"
print(s, t)
count = 0
for ch in "mississippi":
    if ch == "s":
        count += 1
print(count)
print("".join([s[i] for i in range(len(s) - 1, -1, -1)]))
print(s[0].isupper(), s[1].islower(), "a1".isalpha(), "ab".isalpha(), " \t".isspace())
