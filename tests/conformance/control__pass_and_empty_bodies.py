# Checks: pass in functions, classes, loops, if/else, try/except; empty-bodied constructs return/produce nothing.
def nothing():
    pass


class Nothing:
    pass


for i in range(3):
    pass
print(i)
while False:
    pass
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
try:
    raise ValueError("ignored")
except ValueError:
    pass
print(nothing(), type(Nothing()).__name__)


def only_docstring():
    "docstring counts as a body"


print(only_docstring())


def ellipsis_body():
    ...


print(ellipsis_body())
print("done")
