# Checks: list append, pop, pop(i), extend, insert, remove, index, count, reverse, copy, clear and their return values.
lst = [3, 1, 4]
print(lst.append(1), lst)
print(lst.pop(), lst)
print(lst.pop(0), lst)
print(lst.pop(-1), lst)
lst.extend([5, 9, 2])
lst.extend("ab")
lst.extend(range(2))
print(lst)
lst.insert(0, "first")
lst.insert(100, "last")
lst.insert(-1, "before last")
lst.insert(-100, "very first")
print(lst)
print(lst.remove("a"), lst)
print(lst.index(5), lst.index(9), lst.count(0), lst.count("zz"))
nums = [1, 2, 1, 3, 1]
print(nums.index(1), nums.index(1, 1), nums.index(1, 3), nums.count(1))
nums.reverse()
print(nums)
cp = nums.copy()
cp.append(99)
print(nums, cp, cp == nums)
cp.clear()
print(cp, len(cp))
try:
    nums.remove(42)
except ValueError as e:
    print(type(e).__name__, e)
try:
    nums.index(42)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [].pop(0)
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1].pop(5)
except IndexError as e:
    print(type(e).__name__, e)
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append("shared")
print(nested)
