# Checks: a traceback through code run by exec() (frames in "<string>" without source lines), then an uncaught SyntaxError from exec() printed with its source line and caret under the traceback.
def run(src):
    exec(src)


try:
    run("def inner():\n    return {}['missing']\ninner()\n")
except KeyError as e:
    import sys
    print("caught", repr(e), file=sys.stderr)
print("before")
run("values = [1, 2\nprint(values)\n")
print("not reached")
