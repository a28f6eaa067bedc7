# Checks: for loops over lists, strings, tuples, dicts, ranges; for/else; loop variable after loop.
for x in [1, 2, 3]:
    print("x", x)
print("after loop x =", x)
for ch in "abc":
    print(ch, end=" ")
print()
for k in {"one": 1, "two": 2}:
    print("key", k)
for item in ():
    print("never")
else:
    print("empty loop else")


def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")


find([4, 5, 6], 5)
find([4, 5, 6], 7)
primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
else:
    print("else after continue-only loop, total", total)
lst = [1, 2, 3]
for v in lst:
    v = v * 10
print(lst)
for i in range(3):
    pass
print(i)
