# Writers store d[k] = (k, tag) while other threads delete and re-insert keys, which compacts
# the table and moves entries. A lookup position found under one guard must never be used
# under another: every value must stay with its own key (docs/safety.md, rule G1).
import sys
import threading

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
N = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
d = {k: (k, -1) for k in range(64)}
barrier = threading.Barrier(THREADS)
misplaced = []


def writer(me):
    barrier.wait()
    for i in range(N):
        k = (i * 7 + me) % 64
        if me % 2:
            d[k] = (k, i)
            v = d.setdefault(k + 64, (k + 64, i))
            if v[0] != k + 64:
                misplaced.append(v)
        else:
            d.pop(k, None)
            d.pop(k + 64, None)
            d[k] = (k, i)
        v = d.get(k)
        if v is not None and v[0] != k:
            misplaced.append((k, v))


ts = [threading.Thread(target=writer, args=(k,)) for k in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(all(v[0] == k for k, v in d.items()), misplaced[:3])
