# Checks: many threads incrementing shared counters under one Lock produce exact totals; list.append from threads loses nothing.
import threading

counter = 0
lock = threading.Lock()
items = []


def work(tid, n):
    global counter
    for i in range(n):
        with lock:
            counter += 1
        items.append((tid, i))


threads = [threading.Thread(target=work, args=(t, 2000)) for t in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter, len(items), len(set(items)))
per_thread = [0] * 8
for tid, _ in items:
    per_thread[tid] += 1
print(per_thread)
