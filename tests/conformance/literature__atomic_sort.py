# Checks: "Grok the GIL" (003): lst.sort() called from several threads on a shared list leaves it sorted and intact.
import threading

lst = [4, 1, 3, 2]


def foo():
    lst.sort()


threads = [threading.Thread(target=foo) for _ in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(lst)
big = list(range(1000, 0, -1))


def sort_big():
    big.sort()


threads = [threading.Thread(target=sort_big) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(big[:5], big[-5:], len(big), big == sorted(big))
