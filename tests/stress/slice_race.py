# Slice assignment, extended-slice assignment and slice deletion race threads that shrink,
# grow and clear the same list. Every interleaving must leave a list holding only values some
# thread stored, and never crash (the bounds of a slice are adjusted under the same guard as
# the splice: docs/safety.md, rule G1).
import sys
import threading

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
N = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
shared = list(range(40))
stored = set(range(40))
barrier = threading.Barrier(THREADS)
errors = []


def work(me):
    barrier.wait()
    for i in range(N):
        tag = me * 1000000 + i
        op = (i + me) % 7
        try:
            if op == 0:
                shared[20:30] = [tag, tag]
            elif op == 1:
                shared[20:40:2] = [tag] * 10
            elif op == 2:
                del shared[21:35:3]
            elif op == 3:
                shared[::-3] = [tag] * len(shared[::-3])
            elif op == 4:
                shared.clear()
            elif op == 5:
                shared.extend([tag] * 30)
            else:
                shared[len(shared) // 2:] = []
        except ValueError as e:
            # An extended slice whose length changed between len() and the assignment.
            if "extended slice" not in str(e):
                errors.append(repr(e))
        except IndexError as e:
            errors.append(repr(e))


for k in range(THREADS):
    for i in range(N):
        stored.add(k * 1000000 + i)
ts = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(all(x in stored for x in shared), errors[:3])
