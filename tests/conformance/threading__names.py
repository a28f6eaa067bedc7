# Checks: default thread names "Thread-N (target)", explicit name=, current_thread().name in main ('MainThread') and workers.
import threading

print(threading.current_thread().name)
print(threading.current_thread() is threading.main_thread())
seen = {}
lock = threading.Lock()


def record(key):
    with lock:
        seen[key] = threading.current_thread().name


def other(key):
    record(key)


t1 = threading.Thread(target=record, args=("a",))
t2 = threading.Thread(target=other, args=("b",))
t3 = threading.Thread(target=record, args=("c",), name="custom-name")
t4 = threading.Thread(target=lambda: record("d"))
print(t1.name, "|", t2.name, "|", t3.name, "|", t4.name)
for t in (t1, t2, t3, t4):
    t.start()
for t in (t1, t2, t3, t4):
    t.join()
for key in sorted(seen):
    print(key, seen[key])
t4.name = "renamed"
print(t4.name)
print(threading.current_thread().name)
