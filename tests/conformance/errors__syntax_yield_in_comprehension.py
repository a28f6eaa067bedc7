# Checks: SyntaxError for yield inside a list comprehension (a symbol-table error with its caret).
def squares(n):
    return [(yield i * i) for i in range(n)]
print(squares(3))
