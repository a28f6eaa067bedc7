# Checks: Lock acquire/release/locked, acquire(blocking=False) when held, context-manager use, release of unlocked lock errors.
import threading

lock = threading.Lock()
print(lock.locked())
print(lock.acquire())
print(lock.locked())
print(lock.acquire(blocking=False))
print(lock.acquire(False))
lock.release()
print(lock.locked())
with lock:
    print("inside with:", lock.locked())
print("after with:", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
result = []


def try_grab():
    result.append(lock.acquire(blocking=False))


lock.acquire()
t = threading.Thread(target=try_grab)
t.start()
t.join()
lock.release()
t = threading.Thread(target=try_grab)
t.start()
t.join()
print(result, lock.locked())
lock.release()
print(lock.acquire(timeout=0.01), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
