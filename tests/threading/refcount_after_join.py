# Threads churn references to one object (lists, dicts and tuples holding it, built and
# dropped), are joined, and the main thread prints sys.getrefcount(x). CPython 3.11 prints 2:
# once join() returns nothing of the threads is left, their thread objects' argument tuples
# included, and every container they dropped is freed.
import sys
import threading


def churn(x, n):
    keep = []
    for i in range(n):
        keep.append(x)
        d = {"k": x, "l": [x, x]}
        t = (x, d)
        if len(keep) > 50:
            keep = []
    return t


if __name__ == "__main__":
    x = []
    threads = [threading.Thread(target=churn, args=(x, 3000)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    del t, threads
    print(sys.getrefcount(x))
