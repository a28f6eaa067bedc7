# Checks: SyntaxError "'break' outside loop" reported at compile time.
print("not printed")
if True:
    break
