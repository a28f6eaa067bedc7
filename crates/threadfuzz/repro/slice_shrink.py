# The slice races of issue 11, found by gillab-threadfuzz. CPython and gil print `done True`;
# objlock, atomic and biased panic (`range end index ... out of range`; with the argument `ext`,
# in some runs `index out of bounds`) and then hang, the panicked thread never finishing.
# One thread assigns to slices of a list (L[a:b] = ..., L[a:b:c] = ...) while another shrinks
# it. CPython: never an error for L[a:b] = ..., at most a ValueError (size mismatch) for the
# extended slice; never a crash.
import sys
import threading

N = 20000
EXT = len(sys.argv) > 1 and sys.argv[1] == "ext"
L = list(range(40))


def assign():
    for i in range(N):
        try:
            if EXT:
                L[10:30:2] = [i] * len(L[10:30:2])
            else:
                L[30:35] = [i, i]
        except ValueError:
            pass


def shrink():
    for i in range(N):
        del L[5:]
        L.extend(range(40))


if __name__ == "__main__":
    ts = [threading.Thread(target=assign), threading.Thread(target=shrink)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("done", len(L) > 0)
