# Checks: sys.exit(3) gives exit status 3 with empty stderr; output before it is flushed.
import sys


def main():
    print("working")
    return 3


print("start")
sys.exit(main())
