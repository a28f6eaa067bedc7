# The queue-fed thread pool: worker threads take jobs from one queue.Queue and put results
# on another; the main thread waits with join().
import queue
import threading


def worker(jobs, results):
    while True:
        n = jobs.get()
        if n is None:
            jobs.task_done()
            break
        results.put((n, sum(i * i for i in range(n))))
        jobs.task_done()


if __name__ == "__main__":
    jobs, results = queue.Queue(), queue.Queue()
    for n in range(5):
        jobs.put(n)  # already queued before the workers start
    threads = [threading.Thread(target=worker, args=(jobs, results)) for _ in range(3)]
    for t in threads:
        t.start()
    for n in range(5, 40):
        jobs.put(n)
    for _ in threads:
        jobs.put(None)
    jobs.join()
    for t in threads:
        t.join()
    got = sorted(results.get() for _ in range(40))
    print(len(got), got[:3], got[-1], results.empty(), jobs.qsize())
    try:
        results.get_nowait()
    except queue.Empty:
        print("Empty")
    lifo = queue.LifoQueue()
    t = threading.Thread(target=worker, args=(lifo, results))
    try:
        t.start()
        lifo.put(None)
        t.join()
        print("lifo ran")
    except TypeError as e:
        print("TypeError:", e)
