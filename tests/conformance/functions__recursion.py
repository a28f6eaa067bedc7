# Checks: recursive algorithms (hanoi, permutations, gcd, flatten, binary search, ackermann small).
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)


m = []
hanoi(3, "A", "C", "B", m)
print(len(m), m)


def perms(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i in range(len(items)):
        for p in perms(items[:i] + items[i + 1:]):
            out.append([items[i]] + p)
    return out


print(perms([1, 2, 3]))


def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)


print(gcd(48, 18), gcd(17, 5), gcd(2**40, 2**35 * 3))


def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]


print(flatten([1, [2, [3, [4, []]], 5], [[6]]]))


def bsearch(lst, target, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if lst[mid] == target:
        return mid
    if lst[mid] < target:
        return bsearch(lst, target, mid + 1, hi)
    return bsearch(lst, target, lo, mid - 1)


data = list(range(0, 100, 3))
print(bsearch(data, 42, 0, len(data) - 1), bsearch(data, 43, 0, len(data) - 1))


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


print(ack(2, 3), ack(1, 5))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
