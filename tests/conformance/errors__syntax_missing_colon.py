# Checks: SyntaxError "expected ':'" for a def header without a colon.
print("not printed")
def f()
    return 1
