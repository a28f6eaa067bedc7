# Checks: augmented assignment on attributes and subscripts (index evaluated once).
class Counter:
    total = 0

    def __init__(self):
        self.count = 0


c = Counter()
c.count += 1
c.count += 10
c.count -= 2
c.count *= 3
print(c.count)
Counter.total += 5
print(Counter.total, c.total)
c.total += 1
print(Counter.total, c.total)
lst = [1, 2, 3, 4]
lst[0] += 10
lst[1] -= 10
lst[2] *= 10
lst[3] //= 3
print(lst)
lst[-1] **= 5
lst[0] %= 7
print(lst)
bits = [0b1100, 0b1100, 0b1100, 1, 256]
bits[0] &= 0b1010
bits[1] |= 0b1010
bits[2] ^= 0b1010
bits[3] <<= 4
bits[4] >>= 3
print(bits)
d = {"a": 1, "s": "x"}
d["a"] += 1
d["s"] += "yz"
d["a"] /= 4
print(d)
calls = []


def idx():
    calls.append("idx")
    return 0


nums = [5]
nums[idx()] += 1
print(nums, calls)
nested = {"k": [1, [2, 3]]}
nested["k"][1][0] += 100
print(nested)
try:
    d["missing"] += 1
except KeyError as e:
    print(type(e).__name__, e)
