# Checks: join(timeout) returns while the thread still runs (is_alive True), then a full join after an Event releases it.
import threading

release = threading.Event()


def wait_for_release():
    release.wait()


t = threading.Thread(target=wait_for_release)
t.start()
r = t.join(timeout=0.02)
print(r, t.is_alive())
release.set()
t.join()
print(t.is_alive())
quick = threading.Thread(target=lambda: None)
quick.start()
quick.join(timeout=5)
print(quick.is_alive())
