# Checks: SyntaxError for := in a comprehension's iterable (a symbol-table error), reported before anything runs.
print("not printed")
def pairs(data):
    return [x * 2 for x in (rest := data[1:])]
print(pairs([1, 2, 3]))
