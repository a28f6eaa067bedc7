#!/usr/bin/env python3
"""Regenerate the expected outputs of the gil-lab conformance fixtures.

Usage (from anywhere):

    python3 tests/conformance/regen.py            # every fixture
    python3 tests/conformance/regen.py str__split dict__methods.py
    python3 tests/conformance/regen.py --check    # compare only, write nothing

For each fixture `<name>.py` this runs

    python3 -X no_debug_ranges <name>.py

with cwd = tests/conformance, PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8 and a
60 s timeout, then writes `<name>.stdout` (always), `<name>.stderr` (only when
stderr is non-empty) and `<name>.exit` (only when the exit status is non-zero,
as a decimal number and a newline).  Stale `.stderr` / `.exit` files are
removed.

Two normalisations are applied to stderr.  First, CPython 3.9+ reports the
main script by its absolute path in tracebacks and SyntaxError reports even
when started as `python3 <name>.py`; the absolute path of this directory is
cut from every `File "..."` so reports read `File "<name>.py", line N`, which
is what gil-lab prints for the path it was given (and from the start of a warning's
`<path>:<line>: RuntimeWarning: ...` line).  Second, traceback frames
that belong to CPython's own standard library (an absolute path under the
interpreter's stdlib directory, e.g. `.../lib/python3.11/threading.py` in
`_bootstrap_inner`) are dropped together with their source line, because
gil-lab implements those modules natively and has no Python frames for them.
In practice this only touches the uncaught-exception-in-a-thread fixtures.
Pass --raw to skip both (for inspection; don't commit raw output).

Set the PYTHON environment variable to use an interpreter other than
`python3`; the expected files are meant to come from CPython 3.11.
"""

import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 60
SKIP = {"regen.py"}


def stdlib_dirs(python):
    out = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib']);"
         " print(sysconfig.get_paths()['platstdlib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.split("\n")
    return [p for p in out if p]


def strip_stdlib_frames(text, dirs):
    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith('  File "') and any(
            line.startswith('  File "' + d + os.sep) for d in dirs
        ):
            i += 1
            # skip the indented source line (4 spaces) that follows, if any
            if i < len(lines) and lines[i].startswith("    "):
                i += 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def strip_fixture_dir(text):
    for d in {HERE, os.path.realpath(HERE)}:
        text = text.replace('File "' + d + os.sep, 'File "')
        # Warnings start with the script's path: `/abs/dir/x.py:6: RuntimeWarning: ...`.
        text = re.sub("^" + re.escape(d + os.sep), "", text, flags=re.M)
    return text


def fixture_names(args):
    if not args:
        return sorted(
            f[:-3] for f in os.listdir(HERE) if f.endswith(".py") and f not in SKIP
        )
    names = []
    for a in args:
        a = os.path.basename(a)
        for suffix in (".py", ".stdout", ".stderr", ".exit"):
            if a.endswith(suffix):
                a = a[: -len(suffix)]
                break
        if not os.path.exists(os.path.join(HERE, a + ".py")):
            sys.exit("no such fixture: %s" % a)
        names.append(a)
    return names


def run_one(python, name, raw, dirs):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for var in ("PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONDEVMODE",
                "PYTHONFAULTHANDLER", "PYTHONTRACEMALLOC", "PYTHONINSPECT"):
        env.pop(var, None)
    proc = subprocess.run(
        [python, "-X", "no_debug_ranges", name + ".py"],
        cwd=HERE, env=env, capture_output=True, timeout=TIMEOUT,
    )
    stderr = proc.stderr
    if not raw and stderr:
        text = strip_fixture_dir(stderr.decode("utf-8"))
        stderr = strip_stdlib_frames(text, dirs).encode("utf-8")
    return proc.stdout, stderr, proc.returncode


def expected_files(name, stdout, stderr, code):
    files = {name + ".stdout": stdout}
    files[name + ".stderr"] = stderr if stderr else None
    files[name + ".exit"] = ("%d\n" % code).encode() if code != 0 else None
    return files


def main():
    args = sys.argv[1:]
    check = "--check" in args
    raw = "--raw" in args
    args = [a for a in args if a not in ("--check", "--raw")]
    python = os.environ.get("PYTHON", "python3")
    version = subprocess.run(
        [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    if version != "3.11":
        print("warning: %s is Python %s, the fixtures expect 3.11" % (python, version),
              file=sys.stderr)
    dirs = stdlib_dirs(python)
    failures = 0
    for name in fixture_names(args):
        try:
            stdout, stderr, code = run_one(python, name, raw, dirs)
        except subprocess.TimeoutExpired:
            print("TIMEOUT %s" % name, file=sys.stderr)
            failures += 1
            continue
        for fname, data in expected_files(name, stdout, stderr, code).items():
            path = os.path.join(HERE, fname)
            if check:
                old = None
                if os.path.exists(path):
                    with open(path, "rb") as f:
                        old = f.read()
                if old != data:
                    print("DIFF %s" % fname)
                    failures += 1
            elif data is None:
                if os.path.exists(path):
                    os.remove(path)
            else:
                with open(path, "wb") as f:
                    f.write(data)
        if not check:
            print("%-45s exit=%d stdout=%dB stderr=%dB" % (name, code, len(stdout), len(stderr)))
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
