# Checks: "Grok the GIL" (003) worker pool: 10 threads pop a shared list until IndexError; the fetch is simulated with time.sleep.
import threading
import time

urls = ["http://example.invalid/page/%d" % i for i in range(40)]
fetched = []
lock = threading.Lock()


def fetch(url):
    time.sleep(0.001)
    return len(url)


def worker():
    while True:
        try:
            url = urls.pop()
        except IndexError:
            break  # Done.
        size = fetch(url)
        with lock:
            fetched.append((url, size))


threads = []
for _ in range(10):
    t = threading.Thread(target=worker)
    t.start()
    threads.append(t)
for t in threads:
    t.join()
print(len(fetched), len(urls))
print(sorted(fetched)[:3])
print(sum(size for _, size in fetched))
print(sorted(int(u.rsplit("/", 1)[1]) for u, _ in fetched) == list(range(40)))
