# Checks: SyntaxError "invalid syntax" for two adjacent names.
print("not printed")
x = 1
y = x x
