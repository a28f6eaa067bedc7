# Checks: daemon flag (constructor and attribute), inherited default False, daemon thread blocked forever doesn't stop exit.
import threading

never = threading.Event()
started = threading.Event()


def block_forever():
    started.set()
    never.wait()


d = threading.Thread(target=block_forever, daemon=True)
print(d.daemon)
d.start()
started.wait()
print(d.is_alive())
n = threading.Thread(target=lambda: None)
print(n.daemon)
n.daemon = True
print(n.daemon)
n.start()
n.join()
print(threading.current_thread().daemon)
print("main exiting while daemon still blocked")
