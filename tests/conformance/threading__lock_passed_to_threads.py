# A threading.Lock passed to threads guards a shared counter: exact count, a lock held by the
# starting thread holds the others back, another thread may release it, and its errors. On
# the shard backend the threads run in worker processes and the lock moves into shared memory.
import multiprocessing as mp
import threading


def work(lock, counter, n):
    for _ in range(n):
        with lock:
            v = counter.value
            counter.value = v + 1


def releaser(lock):
    lock.release()


def try_twice(lock, out):
    out.value = int(lock.acquire(False)) * 10 + int(lock.acquire(timeout=0.01))


if __name__ == "__main__":
    counter = mp.RawValue("i", 0)
    lock = threading.Lock()
    lock.acquire()
    ts = [threading.Thread(target=work, args=(lock, counter, 2000)) for _ in range(4)]
    for t in ts:
        t.start()
    print("held by the starter:", lock.locked(), counter.value)
    lock.release()
    for t in ts:
        t.join()
    print("count", counter.value)
    print(lock.acquire(False), lock.locked(), lock.acquire(False))
    t = threading.Thread(target=releaser, args=(lock,))
    t.start()
    t.join()
    print("released by another thread:", lock.locked())
    out = mp.RawValue("i", -1)
    t = threading.Thread(target=try_twice, args=(lock, out))
    t.start()
    t.join()
    print("a thread that acquires twice:", out.value, lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        lock.acquire(False, 1)
    except ValueError as e:
        print("ValueError", e)
