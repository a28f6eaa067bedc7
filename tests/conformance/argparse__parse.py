# Checks: argparse parsing: positionals with every nargs, options short/long, --opt=value, combined short flags, abbreviations, --, negative numbers, every store/append/count action, choices, type, defaults, set_defaults, parse_known_args, Namespace repr/eq/contains; errors go to stderr with exit status 2.
import os
import sys
os.environ["COLUMNS"] = "80"
import argparse


def attempt(parser, args):
    try:
        print(parser.parse_args(args))
    except SystemExit as e:
        print("exit", e.code)


p = argparse.ArgumentParser(prog="tool")
p.add_argument("src")
p.add_argument("dst", nargs="?", default="out")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("-q", action="store_const", const=42, dest="quiet")
p.add_argument("--level", type=int, choices=[1, 2, 3], default=2)
p.add_argument("-I", action="append", dest="incs", default=[])
p.add_argument("--pair", nargs=2)
p.add_argument("--many", nargs="+", type=float)
p.add_argument("--opt", nargs="?", const="C", default="D")
p.add_argument("--no-x", action="store_false", dest="x")
p.add_argument("--flag", action="store_true")
p.add_argument("--ext", action="extend", nargs="*")
p.add_argument("--tag", action="append_const", const="t", dest="tags")
for args in (["a"], ["a", "b", "-vvv", "-q"], ["a", "--level=3", "-Ia", "-I", "b"],
             ["a", "--pair", "1", "2", "--many", "1", "2.5", "--opt"],
             ["a", "--opt", "val", "--no-x", "--fl", "--ext", "p", "q", "--tag", "--tag"],
             ["--", "-a", "-b"], ["a", "-vq"], ["a", "--lev", "1"]):
    attempt(p, args)
for args in ([], ["a", "--level", "5"], ["a", "--level", "x"], ["a", "--pair", "1"],
             ["a", "--many"], ["a", "b", "c"], ["a", "--nope"], ["a", "--flag=1"],
             ["a", "--opt", "1", "--opt"], ["a", "-vz"]):
    attempt(p, args)

q = argparse.ArgumentParser(prog="pos")
q.add_argument("first")
q.add_argument("rest", nargs="*")
q.add_argument("-n", type=int)
q.add_argument("--last", nargs="+")
for args in (["x"], ["x", "y", "z"], ["x", "-n", "-3"], ["x", "-n3", "y"], ["-5"],
             ["x", "--last", "1", "2", "--", "y"], ["x", "y", "-n", "1", "z"]):
    attempt(q, args)
print(q.parse_known_args(["x", "--zz", "y", "-n", "2", "--qq=1"]))

d = argparse.ArgumentParser(prog="defaults", argument_default="AD")
d.add_argument("--a")
d.add_argument("--b", default="7", type=int)
d.set_defaults(c=3, a="set")
print(d.parse_args([]), d.get_default("a"), d.get_default("c"))
neg = argparse.ArgumentParser(prog="neg")
neg.add_argument("-1", dest="one", action="store_true")
neg.add_argument("value", nargs="?")
attempt(neg, ["-1"])
attempt(neg, ["-2"])

ns = argparse.Namespace(a=1, b="x")
ns2 = argparse.Namespace(**{"a": 1, "b": "x"})
print(ns, ns == ns2, ns != ns2, "a" in ns, "c" in ns)
print(argparse.Namespace(**{"not valid": 1, "ok": 2}))
bo = argparse.ArgumentParser(prog="bo")
bo.add_argument("--color", action=argparse.BooleanOptionalAction, default=True)
attempt(bo, ["--no-color"])
attempt(bo, [])
