# Checks: any/all on empty and non-empty iterables, with generator expressions, short-circuiting observable via side effects.
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]))
print(any([0, 0, 1]), all([1, 1, 0]), any("abc"), all(""))
nums = [2, 4, 6, 7]
print(all(n % 2 == 0 for n in nums), any(n % 2 for n in nums))
print(any(n > 100 for n in nums), all(n > 0 for n in nums))
seen = []


def check(v):
    seen.append(v)
    return v > 2


print(any(map(check, [1, 2, 3, 4, 5])), seen)
seen.clear()
print(all(map(check, [3, 4, 1, 5])), seen)
print(any([[]]), any([[0]]), all([()]))
print(all(isinstance(x, int) for x in [1, True, 3]))
