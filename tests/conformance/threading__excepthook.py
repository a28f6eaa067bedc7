# Checks: threading.excepthook replacement receives exc_type, exc_value, thread; default hook output is suppressed.
import threading

reports = []


def hook(args):
    reports.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


threading.excepthook = hook


def fail(msg):
    raise ValueError(msg)


threads = [threading.Thread(target=fail, args=("m%d" % i,), name="w%d" % i) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(reports))
