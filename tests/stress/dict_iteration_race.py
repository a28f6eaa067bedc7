# One thread keeps inserting and deleting keys while others iterate: iteration either finishes
# or raises RuntimeError (dictionary changed size during iteration); never a crash.
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
d = {i: i for i in range(100)}
stop = []
outcomes = {"done": 0, "changed": 0}
lock = threading.Lock()


def writer():
    for i in range(N):
        d[1000 + i % 50] = i
        d.pop(1000 + (i + 25) % 50, None)
    stop.append(True)


def reader():
    while not stop:
        try:
            total = 0
            for k in d:
                total += k
            key = "done"
        except RuntimeError as e:
            assert "changed size during iteration" in str(e), e
            key = "changed"
        with lock:
            outcomes[key] += 1


ts = [threading.Thread(target=writer)] + [threading.Thread(target=reader) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(outcomes), all(k in d for k in range(100)))
