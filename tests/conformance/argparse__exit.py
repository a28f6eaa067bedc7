# Checks: argparse's defaults come from sys.argv[1:] and prog from sys.argv[0]; an uncaught error prints the usage and "prog: error: ..." to stderr and ends the program with status 2.
import argparse

parser = argparse.ArgumentParser(description="Needs an input file.")
parser.add_argument("input", help="the file to read")
parser.add_argument("-t", "--threads", type=int, default=-1, help="number of threads")
print("parsing")
args = parser.parse_args()
print("not reached", args)
