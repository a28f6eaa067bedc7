# A queue-fed pool whose queue is a module global, not passed to the threads.
import queue
import threading

jobs = queue.Queue()


def worker():
    while True:
        n = jobs.get()
        if n is None:
            break


if __name__ == "__main__":
    ts = [threading.Thread(target=worker) for _ in range(2)]
    for t in ts:
        t.start()
    for _ in ts:
        jobs.put(None)
    for t in ts:
        t.join()
    print("done")
