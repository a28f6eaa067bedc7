# Checks: repr of built-in modules says "(built-in)"; importing one again gives the same module.
import sys
import time

print(repr(sys))
print(repr(time))
print(str(sys) == repr(sys), [sys, time])
import time as t2

print(t2 is time, repr(t2))
print("(built-in)" in repr(sys.modules["__main__"]))
