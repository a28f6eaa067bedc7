# Checks: a failing assert with a message at module level: traceback shows the assert line and "AssertionError: msg".
def average(xs):
    assert len(xs) > 0, "average of empty list"
    return sum(xs) / len(xs)


print(average([1, 2, 3]))
print(average([]))
