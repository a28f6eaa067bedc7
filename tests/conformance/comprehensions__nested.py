# Checks: nested comprehensions with multiple for/if clauses, order of clauses, matrix transpose and flatten.
print([(a, b) for a in range(3) for b in range(a)])
print([(a, b) for a in "ab" for b in "xy"])
print([a * b for a in range(1, 4) if a != 2 for b in range(1, 4) if b != a])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == len(row) - 1])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row])
print([x for row in matrix if sum(row) > 6 for x in row if x % 2 == 0])
print([[c * n for c in "ab"] for n in range(1, 3)])
print([(x, y, z) for x in range(1, 20) for y in range(x, 20) for z in range(y, 20) if x * x + y * y == z * z])
print({i: {j: i * j for j in range(3)} for i in range(2)})
print(sorted({a + b for a in [1, 2] for b in [10, 20]}))
words = ["hello", "world"]
print([ch for w in words for ch in w if ch not in "lo"])
