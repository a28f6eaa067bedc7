# Checks: import m, import m as n, from m import a, b as c; module attribute access; imported names are the same objects.
import sys
import time
import sys as system
from sys import argv, stdout as out
from time import sleep, monotonic as mono

print(type(sys).__name__, sys.__name__, time.__name__, system.__name__)
print(system is sys, out is sys.stdout, argv is sys.argv)
print(sleep is time.sleep, mono is time.monotonic)
out.write("written via alias\n")
print(callable(sleep), callable(mono))


def inner_import():
    import sys as s2
    from time import perf_counter
    return s2 is sys, callable(perf_counter)


print(inner_import())
try:
    import no_such_module_hopefully
except ImportError as e:
    print(type(e).__name__, e)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
