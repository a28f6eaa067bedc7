# Threads set, read and delete attributes of one shared instance and append to a list in it.
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000


class Box:
    def __init__(self):
        self.items = []
        self.count = 0


box = Box()
lock = threading.Lock()


def work(me):
    name = "a%d" % me
    for i in range(N):
        setattr(box, name, i)
        assert getattr(box, name) == i
        box.items.append(i)
        with lock:
            box.count += 1
        if i % 100 == 0:
            delattr(box, name)


ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(box.count == 4 * N, len(box.items) == 4 * N)
