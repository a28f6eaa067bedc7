# Checks: SyntaxError report for an unterminated string literal.
print("not printed")
message = "never closed
print(message)
