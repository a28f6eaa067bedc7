# Checks: SyntaxError "'return' outside function" reported at compile time (nothing printed).
print("not printed")
x = 1
return x
