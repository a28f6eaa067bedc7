# Checks: small complete programs: FizzBuzz, sieve of Eratosthenes, bubble sort, matrix multiply, collatz lengths.
out = []
for i in range(1, 16):
    if i % 15 == 0:
        out.append("FizzBuzz")
    elif i % 3 == 0:
        out.append("Fizz")
    elif i % 5 == 0:
        out.append("Buzz")
    else:
        out.append(str(i))
print(" ".join(out))
N = 60
is_prime = [True] * (N + 1)
is_prime[0] = is_prime[1] = False
p = 2
while p * p <= N:
    if is_prime[p]:
        for m in range(p * p, N + 1, p):
            is_prime[m] = False
    p += 1
print([i for i in range(N + 1) if is_prime[i]])
data = [5, 1, 4, 2, 8, 0, 3]
swapped = True
passes = 0
while swapped:
    swapped = False
    passes += 1
    for j in range(len(data) - 1):
        if data[j] > data[j + 1]:
            data[j], data[j + 1] = data[j + 1], data[j]
            swapped = True
print(data, passes)
A = [[1, 2], [3, 4], [5, 6]]
B = [[7, 8, 9], [10, 11, 12]]
C = [[sum(A[i][k] * B[k][j] for k in range(2)) for j in range(3)] for i in range(3)]
for row in C:
    print(row)


def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


print(max(range(1, 1000), key=collatz_len), collatz_len(27))
