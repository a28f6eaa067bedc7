# Checks: an uncaught exception without a message prints just the type name on the last line.
def check(flag):
    if not flag:
        raise RuntimeError


check(True)
print("first check passed")
check(False)
