# multiprocessing.Lock and RLock shared by processes: a lock held by the parent holds the
# children back, an exact count under the lock, RLock recursion, repr, and CPython's errors
# for releasing a lock too often or an RLock not held.
import multiprocessing as mp


def work(lock, counter, n):
    for _ in range(n):
        with lock:
            counter.value = counter.value + 1


def nested(rlock, counter):
    with rlock:
        with rlock:
            counter.value = counter.value + 100


if __name__ == "__main__":
    mp.set_start_method("spawn")
    lock = mp.Lock()
    counter = mp.RawValue("i", 0)
    print(repr(lock))
    lock.acquire()
    print(repr(lock))
    ps = [mp.Process(target=work, args=(lock, counter, 500)) for _ in range(3)]
    for p in ps:
        p.start()
    print("held by the parent:", counter.value)
    lock.release()
    for p in ps:
        p.join()
    print("count", counter.value)
    try:
        lock.release()
    except ValueError as e:
        print("ValueError", e)
    print(lock.acquire(False), lock.acquire(False), lock.acquire(timeout=0.01))
    lock.release()
    r = mp.RLock()
    print(repr(r), r.acquire(), r.acquire(), repr(r))
    r.release()
    r.release()
    try:
        r.release()
    except AssertionError as e:
        print("AssertionError", e)
    p = mp.Process(target=nested, args=(r, counter))
    p.start()
    p.join()
    print("count", counter.value, p.exitcode)
    v = mp.Value("i", 0)
    print(type(v.get_lock()).__name__)
    try:
        v.get_lock().release()
    except AssertionError as e:
        print("AssertionError", e)
