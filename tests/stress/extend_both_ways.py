# a.extend(b) racing b.extend(a) from two threads must never deadlock (each extend copies the
# source under its lock, then appends under the target's; never both locks at once).
import sys
import threading

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
a = [1]
b = [2]
barrier = threading.Barrier(2)


def grow(x, y):
    barrier.wait()
    for _ in range(ROUNDS):
        x.extend(y)
        del x[4:]


ts = [threading.Thread(target=grow, args=(a, b)), threading.Thread(target=grow, args=(b, a))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(a) <= 4 and len(b) <= 4, a[0], b[0])
