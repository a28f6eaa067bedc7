# Checks: argparse errors: ambiguous abbreviations, missing arguments with the names CPython gives, mutually exclusive conflicts, required groups, ArgumentTypeError messages, exit_on_error=False raising ArgumentError, add_argument's ValueError/TypeError messages, conflicting option strings and conflict_handler="resolve", parents.
import os
import sys
os.environ["COLUMNS"] = "80"
import argparse


def attempt(parser, args):
    try:
        print(parser.parse_args(args))
    except SystemExit as e:
        print("exit", e.code)


def even(text):
    n = int(text)
    if n % 2:
        raise argparse.ArgumentTypeError("%r is not even" % text)
    return n


p = argparse.ArgumentParser(prog="err")
p.add_argument("--foo")
p.add_argument("--foobar")
p.add_argument("--even", type=even)
p.add_argument("target", metavar="TARGET")
p.add_argument("count", type=int)
g = p.add_mutually_exclusive_group()
g.add_argument("-a", action="store_true")
g.add_argument("-b", action="store_true")
for args in (["--fo", "x", "t", "1"], [], ["t"], ["t", "1", "-a", "-b"], ["t", "1", "-ab"],
             ["t", "1", "--even", "3"], ["t", "1", "--even", "x"], ["t", "1", "--foo"]):
    attempt(p, args)

r = argparse.ArgumentParser(prog="req")
rg = r.add_mutually_exclusive_group(required=True)
rg.add_argument("--one", action="store_true")
rg.add_argument("--two", type=int)
attempt(r, [])
attempt(r, ["--two", "2"])

quiet = argparse.ArgumentParser(prog="q", exit_on_error=False)
quiet.add_argument("--n", type=int)
try:
    quiet.parse_args(["--n", "x"])
except argparse.ArgumentError as e:
    print("ArgumentError:", e, "|", e.argument_name, "|", e.message)

cases = [(("x",), {"dest": "y"}), (("--x",), {"nargs": 0}), (("--x",), {"action": "nope"}),
         (("--x",), {"type": "int"}), (("x",), {"required": True}), (("--x",), {"const": 1}),
         (("-h",), {}), (("--x",), {"metavar": ("a", "b")}), (("x", "-y"), {}),
         (("--x",), {"action": "append", "nargs": 0})]
for args, kwargs in cases:
    b = argparse.ArgumentParser(prog="b")
    try:
        b.add_argument(*args, **kwargs)
        print("accepted", args)
    except (ValueError, TypeError, argparse.ArgumentError) as e:
        print(type(e).__name__ + ":", e)

parent = argparse.ArgumentParser(add_help=False)
parent.add_argument("--shared", default="s")
child = argparse.ArgumentParser(prog="child", parents=[parent], conflict_handler="resolve")
child.add_argument("--shared", default="t", help="replaced")
child.add_argument("-x", "--extra", action="store_true")
child.add_argument("-x", dest="other", action="store_true")
attempt(child, ["--shared", "v", "--extra", "-x"])
child.print_help()
