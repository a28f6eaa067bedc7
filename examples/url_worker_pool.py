# From: A. Jesse Jiryu Davis, "Grok the GIL: How to write fast and thread-safe Python" (literature 003).
# Shows: I/O-bound concurrency: 10 worker threads pop URLs off a shared list until it is empty
# (IndexError) and "fetch" each one. The network request is simulated with time.sleep, which
# releases the GIL like a blocking socket call does, so the pool finishes about 10x sooner
# than one thread would. No network access is made.
# Usage: url_worker_pool.py [URLS] [SECONDS_PER_FETCH]   (default 100 URLs, 0.05 s each)
import sys
import threading
import time

N_URLS = int(sys.argv[1]) if len(sys.argv) > 1 else 100
FETCH_SECONDS = float(sys.argv[2]) if len(sys.argv) > 2 else 0.05

urls = ["http://example.invalid/page/%d" % i for i in range(N_URLS)]
fetched = []


def fetch(url):
    time.sleep(FETCH_SECONDS)  # stands in for requests.get(url)
    return url


def worker():
    while True:
        try:
            url = urls.pop()
        except IndexError:
            break  # Done.

        fetched.append(fetch(url))


start = time.perf_counter()
threads = []
for _ in range(10):
    t = threading.Thread(target=worker)
    t.start()
    threads.append(t)
for t in threads:
    t.join()
elapsed = time.perf_counter() - start

print("fetched", len(fetched), "urls in", elapsed, "seconds")
print("one thread would need about", N_URLS * FETCH_SECONDS, "seconds")
