# Checks: an uncaught exception in a thread prints "Exception in thread Thread-1 (target):" and a traceback to stderr; main continues, exit 0.
import threading


def faulty(n):
    print("faulty started with", n)
    return helper(n)


def helper(n):
    return 10 // n


t = threading.Thread(target=faulty, args=(0,))
t.start()
t.join()
print("main thread continues; alive:", t.is_alive())


class Broken(threading.Thread):
    def run(self):
        raise KeyError("from run")


b = Broken()
b.start()
b.join()
print("after subclass failure")
named = threading.Thread(target=faulty, args=(0,), name="explicit")
named.start()
named.join()
print("done")
