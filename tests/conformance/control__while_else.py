# Checks: while loops, while/else (else runs only without break), break and continue in while.
i = 0
while i < 5:
    i += 1
print("i", i)
n = 0
while n < 3:
    n += 1
else:
    print("else ran, n =", n)
n = 0
while n < 10:
    n += 1
    if n == 4:
        print("breaking at", n)
        break
else:
    print("not printed")
i = 0
out = []
while i < 10:
    i += 1
    if i % 3 == 0:
        continue
    out.append(i)
print(out)
while False:
    print("never")
else:
    print("else of a loop that never ran")
stack = [1, 2, 3]
while stack:
    print("pop", stack.pop())
a, b = 0, 1
fib = []
while a < 100:
    fib.append(a)
    a, b = b, a + b
print(fib)
count = 0
while True:
    count += 1
    if count >= 7:
        break
print("count", count)
