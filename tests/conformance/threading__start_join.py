# Checks: Thread(target=...).start()/join(), results collected in a list, is_alive before/after, join returns None.
import threading

results = []
lock = threading.Lock()


def square(n):
    value = n * n
    with lock:
        results.append(value)


threads = [threading.Thread(target=square, args=(i,)) for i in range(8)]
print([t.is_alive() for t in threads])
for t in threads:
    t.start()
joined = [t.join() for t in threads]
print(joined)
print([t.is_alive() for t in threads])
print(sorted(results), sum(results))
t = threading.Thread(target=lambda: None)
t.start()
t.join()
t.join()
print("joined twice fine")
try:
    t.start()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print(type(e).__name__, e)
