# Checks: SyntaxError "annotated name 'x' can't be global" for an annotated assignment after a global declaration in a function.
print("not printed")
def f():
    global x
    x: int = 1
