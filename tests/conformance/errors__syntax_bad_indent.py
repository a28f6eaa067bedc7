# Checks: IndentationError report for an unexpected indent (nothing runs, exit status 1).
def f():
    return 1
        print("over-indented")
