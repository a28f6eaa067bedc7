# Many threads append to and pop from one list; every pushed item is popped exactly once.
import sys
import threading

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
N = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
shared = []
popped = [[] for _ in range(THREADS)]
barrier = threading.Barrier(THREADS)


def work(me):
    barrier.wait()
    for i in range(N):
        shared.append((me, i))
        try:
            popped[me].append(shared.pop())
        except IndexError:
            pass


ts = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
everything = [x for p in popped for x in p] + shared
print(len(everything) == THREADS * N, len(set(everything)) == THREADS * N)
