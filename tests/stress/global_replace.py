# Threads replace a global while others read it: every read sees one whole value.
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
current = ("v", 0, [0])
bad = []


def replace(me):
    global current
    for i in range(N):
        current = ("v", i, [i])


def read():
    for _ in range(N):
        v = current
        if v[0] != "v" or v[2][0] != v[1]:
            bad.append(v)


ts = [threading.Thread(target=replace, args=(k,)) for k in range(2)]
ts += [threading.Thread(target=read) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(bad == [], current[0])
