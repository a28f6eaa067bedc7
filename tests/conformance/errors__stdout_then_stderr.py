# Checks: output printed before an uncaught IndexError stays in stdout; traceback goes to stderr; status 1.
import sys

print("line 1")
sys.stdout.write("line 2\n")
print("warning", file=sys.stderr)
items = [1, 2, 3]
for i in range(5):
    print(items[i])
