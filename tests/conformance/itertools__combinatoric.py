# Checks: itertools.product (several inputs, repeat=, empty inputs, no inputs), permutations (r omitted, None, 0, larger than the pool), combinations and combinations_with_replacement (r = 0, r > n, empty pool), ordering and counts, over strings, ranges and generators.
from itertools import combinations, combinations_with_replacement, permutations, product


def factorial(n):
    return 1 if n < 2 else n * factorial(n - 1)


def comb(n, k):
    return 0 if k > n else factorial(n) // (factorial(k) * factorial(n - k))


print(list(product("AB", "xy")))
print(list(product(range(2), repeat=3)))
print(list(product("ab", [1], repeat=2)))
print(list(product()), list(product([])), list(product("ab", [])), list(product("ab", repeat=0)))
print(len(list(product(range(3), range(4), range(5)))))
g = (i for i in range(2))
print(list(product(g, "z")))

print(list(permutations("ABC")))
print(list(permutations("ABCD", 2)))
print(list(permutations(range(3), None)))
print(list(permutations("AB", 0)), list(permutations("AB", 3)), list(permutations([])))
print(len(list(permutations(range(6)))) == factorial(6), len(list(permutations(range(6), 3))))

print(list(combinations("ABCD", 2)))
print(list(combinations(range(4), 3)))
print(list(combinations("AB", 0)), list(combinations("AB", 3)), list(combinations([], 0)), list(combinations([], 1)))
print(all(len(list(combinations(range(7), r))) == comb(7, r) for r in range(9)))

print(list(combinations_with_replacement("ABC", 2)))
print(list(combinations_with_replacement(range(2), 3)))
print(list(combinations_with_replacement("AB", 0)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)))
print(all(len(list(combinations_with_replacement(range(5), r))) == comb(5 + r - 1, r) for r in range(6)))

it = combinations("abc", 2)
print(iter(it) is it, next(it), list(it), list(it))
pool = [1, 2]
pr = product(pool, repeat=2)
pool.append(3)
print(list(pr))
