# Checks: threading__uncaught_exception with the __main__ guard (which the shard backend, like
# CPython's spawn start method, needs): an uncaught exception in a thread prints
# "Exception in thread NAME:" and the traceback on stderr; the main thread continues.
import threading


def faulty(n):
    print("faulty started with", n)
    return helper(n)


def helper(n):
    return 10 // n


if __name__ == "__main__":
    t = threading.Thread(target=faulty, args=(0,))
    t.start()
    t.join()
    print("main thread continues; alive:", t.is_alive())
    named = threading.Thread(target=faulty, args=(0,), name="explicit")
    named.start()
    named.join()
    print("done")
