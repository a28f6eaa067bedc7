# Checks: "The Python Global Interpreter Lock" (000) snippet Thread(target=f()) calls f in the main thread and passes None as target.
import threading

calls = []


def really_really_slow_func():
    total = 0
    for i in range(10000):
        total += i
    calls.append(threading.current_thread().name)
    return None


threads = []
for _ in range(4):
    t = threading.Thread(target=really_really_slow_func())
    threads.append(t)
    t.start()
for t in threads:
    t.join()
print(calls)
calls.clear()
threads = [threading.Thread(target=really_really_slow_func) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(calls), all(name != "MainThread" for name in calls))
