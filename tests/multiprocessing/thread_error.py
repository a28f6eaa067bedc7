import threading


def fail(x):
    raise ValueError("thread failed with %d" % x)


if __name__ == "__main__":
    lock = threading.Lock()
    with lock:
        t = threading.Thread(target=fail, args=(5,), name="worker-thread")
        t.start()
        t.join()
    print("lock held after:", lock.locked())
