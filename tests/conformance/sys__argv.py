# Checks: sys.argv when run as `python3 sys__argv.py`: one element, the script name as given.
import sys

print(len(sys.argv))
print(sys.argv[0])
print(type(sys.argv).__name__, sys.argv[0].endswith(".py"))
print(sys.argv[1:])
