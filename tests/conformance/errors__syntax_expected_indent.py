# Checks: IndentationError report when a block body is missing its indentation.
for i in range(3):
print(i)
