# Checks: sys.stdout.write / sys.stderr.write (no newline added, return value is the length), interleaving with print.
import sys

n = sys.stdout.write("partial ")
sys.stdout.write("line\n")
print("write returned", n)
sys.stderr.write("error line one\n")
sys.stderr.write("no newline ")
sys.stderr.write("then newline\n")
sys.stdout.write("é\n")
m = sys.stdout.write("")
print("empty write returned", m)
print("print to stderr", file=sys.stderr)
sys.stdout.flush()
sys.stdout.write("last\n")
