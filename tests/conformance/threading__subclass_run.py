# Checks: subclassing threading.Thread with __init__ calling super().__init__() and overriding run(); default name "Thread-N".
import threading


class Worker(threading.Thread):
    def __init__(self, numbers):
        super().__init__()
        self.numbers = numbers
        self.total = None

    def run(self):
        total = 0
        for n in self.numbers:
            total += n
        self.total = total


class Named(threading.Thread):
    def __init__(self, label):
        super().__init__(name="worker-" + label)
        self.result = None

    def run(self):
        self.result = threading.current_thread().name.upper()


workers = [Worker(range(i * 100, (i + 1) * 100)) for i in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.total for w in workers], sum(w.total for w in workers), sum(range(400)))
print([w.name for w in workers])
n = Named("x")
n.start()
n.join()
print(n.name, n.result, isinstance(n, threading.Thread))
