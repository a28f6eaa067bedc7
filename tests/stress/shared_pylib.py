# Threads share a deque (producers append on both ends, consumers pop from both ends), a
# bounded deque, an iterator over a deque, an lru_cache'd function and a defaultdict whose
# missing keys they fill at once: nothing is lost or duplicated, the cache's statistics add
# up, and nothing crashes or leaks. (Counter.update is a compound update, not atomic between
# threads, as d[k] += 1 is not.)
import threading
from collections import deque, defaultdict
from functools import lru_cache

N = 8
PER = 2000

shared = deque()
taken = []
taken_lock = threading.Lock()


def producer(k):
    for i in range(PER):
        if i % 2:
            shared.append((k, i))
        else:
            shared.appendleft((k, i))


def consumer():
    got = []
    misses = 0
    while misses < 2000:
        try:
            got.append(shared.pop() if len(got) % 2 else shared.popleft())
            misses = 0
        except IndexError:
            misses += 1
    with taken_lock:
        taken.extend(got)


threads = [threading.Thread(target=producer, args=(k,)) for k in range(N)]
threads += [threading.Thread(target=consumer) for _ in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
taken.extend(shared)
print(len(taken) == N * PER and len(set(taken)) == N * PER)

bounded = deque(maxlen=100)


def fill(k):
    for i in range(PER):
        bounded.append(i)


threads = [threading.Thread(target=fill, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(bounded) == 100)

source = deque(range(N * PER))
it = iter(source)
seen = []


def drain():
    mine = []
    for x in it:
        mine.append(x)
    with taken_lock:
        seen.extend(mine)


threads = [threading.Thread(target=drain) for _ in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen) == list(range(N * PER)))


@lru_cache(maxsize=64)
def square(x):
    return x * x


def use_cache(k):
    for i in range(PER):
        assert square(i % 100) == (i % 100) ** 2


threads = [threading.Thread(target=use_cache, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
info = square.cache_info()
print(info.hits + info.misses == N * PER and info.currsize <= 64)

groups = defaultdict(list)


def count(k):
    for i in range(PER // 10):
        groups[i % 5].append(k)


threads = [threading.Thread(target=count, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sum(len(v) for v in groups.values()) == N * PER // 10)
