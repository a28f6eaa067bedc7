# Checks: SyntaxError "annotated name 'y' can't be nonlocal" for a bare annotation of a nonlocal name.
print("not printed")
def g():
    y = 1
    def f():
        nonlocal y
        y: int
    return f
