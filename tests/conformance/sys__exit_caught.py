# Checks: SystemExit is a BaseException carrying .code; catching it lets the program continue; exit(None) is status 0.
import sys

for arg in [0, 5, "text", None]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print("caught SystemExit code", repr(e.code), type(e).__name__, isinstance(e, Exception))
try:
    sys.exit()
except SystemExit as e:
    print("no-arg exit code", e.code)
try:
    raise SystemExit(7)
except BaseException as e:
    print("raised directly", e.code)
print("continuing")
sys.exit(None)
