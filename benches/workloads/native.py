# native: N threads call a rayon-backed native function (gil-lab's `native.sum_of_squares`),
# first releasing the interpreter during the call (as NumPy-style extensions do), then holding
# it (`hold=True`, an extension that forgets Py_BEGIN_ALLOW_THREADS).
# Usage: native.py [ELEMENTS] [THREADS]. Prints one JSON line: elapsed seconds of both phases,
# elements summed, each phase's time, and a correctness flag. CPython has no `native` module:
# there the same calls fall back to a pure-Python loop, so the file still runs unchanged.
import sys
import threading
import time

CALLS = 4

try:
    import native as _ext
except ImportError:
    _ext = None
if not hasattr(_ext, "checksum"):
    # Not gil-lab's module: CPython has none (and may find this very file as `native`).
    _ext = None


def sum_of_squares(n, hold):
    if _ext is None:
        return sum(i * i for i in range(n))
    return _ext.sum_of_squares(n, hold=hold)


def caller(m, hold, out):
    for _ in range(CALLS):
        out.append(sum_of_squares(m, hold))


def phase(nthreads, m, hold, out):
    threads = [threading.Thread(target=caller, args=(m, hold, out)) for _ in range(nthreads)]
    start = time.perf_counter()
    if nthreads == 1:
        caller(m, hold, out)
    else:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return time.perf_counter() - start


def main():
    elements = int(sys.argv[1]) if len(sys.argv) > 1 else 40_000_000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    m = max(1, elements // (nthreads * CALLS))
    released = []
    held = []
    release_s = phase(nthreads, m, False, released)
    hold_s = phase(nthreads, m, True, held)
    expected = m * (m - 1) * (2 * m - 1) // 6
    results = released + held
    # On a process backend (threads run in worker processes) the results stay in the workers.
    ok = len(results) in (2 * nthreads * CALLS, 0 if nthreads > 1 else -1) and all(r == expected for r in results)
    print('{"workload": "native", "elapsed": %.6f, "ops": %d, "threads": %d, "release_s": %.6f, '
          '"hold_s": %.6f, "correct": %s}'
          % (release_s + hold_s, 2 * m * CALLS * nthreads, nthreads, release_s, hold_s,
             "true" if ok else "false"))


if __name__ == "__main__":
    main()
