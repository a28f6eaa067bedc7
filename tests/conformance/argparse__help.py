# Checks: argparse usage and -h output as CPython 3.11 prints them: option and positional sections, groups with descriptions, mutually exclusive groups in the usage, metavar tuples, choices, %(default)s/%(prog)s expansion, long usage wrapping, narrow widths, help=SUPPRESS, ArgumentDefaultsHelpFormatter, RawDescriptionHelpFormatter, version.
import os
import sys
os.environ["COLUMNS"] = "80"
import argparse

p = argparse.ArgumentParser(prog="tool", description="A tool that does several things. " * 4,
                            epilog="See the manual; %(prog)s is free software.")
p.add_argument("src", help="the source file")
p.add_argument("dst", nargs="?", default="out", help="destination (default: %(default)s)")
p.add_argument("-v", "--verbose", action="count", default=0, help="say more")
p.add_argument("--level", type=int, choices=[1, 2, 3], default=2, help="one of %(choices)s")
p.add_argument("--name", metavar="N", required=True, help="a name for %(prog)s")
p.add_argument("--pair", nargs=2, metavar=("LEFT", "RIGHT"), help="two values")
p.add_argument("--many", nargs="*", help="any number")
p.add_argument("--hidden", help=argparse.SUPPRESS)
p.add_argument("--a-very-long-option-name-indeed", type=float,
               help="a long help text that has to be wrapped over more than one line " * 2)
g = p.add_argument_group("extra", "Options that are rarely needed.")
g.add_argument("--rng-seed", type=int, default=1234, help="seed of the well-to-do generator")
m = p.add_mutually_exclusive_group()
m.add_argument("--fast", action="store_true", help="go fast")
m.add_argument("--slow", action="store_true", help="go slow")
p.add_argument("--version", action="version", version="%(prog)s 1.0")
p.print_help()
print(p.format_usage(), end="")
try:
    p.parse_args(["--version"])
except SystemExit as e:
    print("exit", e.code)

long = argparse.ArgumentParser(prog="a_really_long_program_name_for_the_usage_wrapping_test.py")
for i in range(6):
    long.add_argument("--option-%d" % i, metavar="VALUE%d" % i)
r = long.add_mutually_exclusive_group(required=True)
r.add_argument("--alpha", action="store_true")
r.add_argument("--beta", nargs="+")
long.add_argument("first_positional_argument")
long.add_argument("more", nargs="+")
print(long.format_usage(), end="")

narrow = argparse.ArgumentParser(prog="n", formatter_class=lambda prog: argparse.HelpFormatter(prog, width=36))
narrow.add_argument("-t", "--threads", type=int, default=-1, help="how many threads to start")
narrow.add_argument("--baseline-only", action="store_true", help="only the single-thread run")
narrow.add_argument("names", nargs="*", help="what to run")
narrow.print_help()

df = argparse.ArgumentParser(prog="df", formatter_class=argparse.ArgumentDefaultsHelpFormatter,
                             add_help=False, description="kept\n   as written",)
df.add_argument("--size", type=int, default=10, help="the size")
df.add_argument("--mode", default="x")
df.add_argument("items", nargs="*", default=[1])
df.print_help()
raw = argparse.ArgumentParser(prog="raw", formatter_class=argparse.RawDescriptionHelpFormatter,
                              description="line one\n    indented line two\n", usage="%(prog)s [stuff]")
raw.print_help()
