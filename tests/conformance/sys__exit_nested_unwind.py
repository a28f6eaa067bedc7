# Checks: sys.exit deep inside nested calls unwinds through finally and with blocks, then exits with its code.
import sys


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        print("CM exit sees", args[0].__name__)
        return False


def deep(n):
    if n == 0:
        sys.exit(4)
    try:
        deep(n - 1)
    finally:
        print("unwinding", n)


with CM():
    try:
        deep(2)
    except Exception:
        print("Exception handler does not catch SystemExit")
