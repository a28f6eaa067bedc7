# From: A. Jesse Jiryu Davis, "Grok the GIL: How to write fast and thread-safe Python" (literature 003).
# Shows: lst.sort() is a single call the article treats as atomic under the GIL; several
# threads sorting one shared list always leave it sorted and complete.
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
