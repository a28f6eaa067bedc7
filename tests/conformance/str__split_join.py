# Checks: str.split with/without sep and maxsplit, whitespace runs, empty fields; join with various separators.
print("a b  c\td\ne".split())
print("  leading and trailing  ".split())
print("a,b,,c".split(","))
print("a,b,,c".split(",", 1))
print("a b c d".split(" ", 2))
print("a b c d".split(maxsplit=1))
print("".split(), "".split(","), "   ".split())
print("abc".split("abc"), "xabcx".split("abc"))
print("one--two--three".split("--"))
print("no separator here".split(","))
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " | ".join(("1", "2")))
print("-".join("abc"), ", ".join([]), "+".join(["solo"]))
print(" ".join(str(n) for n in range(5)))
print("\n".join(["line1", "line2"]))
words = "the quick brown fox".split()
print(len(words), words[-1], " ".join(reversed(words)))
print("_".join(w.upper() for w in words))
try:
    ",".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
csv = "name,age\nann,30\nbob,25"
rows = [line.split(",") for line in csv.split("\n")]
print(rows)
