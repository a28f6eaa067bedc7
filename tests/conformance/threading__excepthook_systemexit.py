# Checks: SystemExit in a thread ends only the thread; the default threading.excepthook ignores exactly SystemExit (a subclass is reported), while a replaced excepthook is called for it too, with exc_type, exc_value and thread.
import sys
import threading

seen = []


def hook(args):
    seen.append((args.exc_type.__name__, repr(args.exc_value), args.thread.name))


class Leave(SystemExit):
    pass


def exit_with(code):
    sys.exit(code)


def bare_exit():
    raise SystemExit


def leave():
    raise Leave(5)


def run(target, args, name):
    t = threading.Thread(target=target, args=args, name=name)
    t.start()
    t.join()


if __name__ == "__main__":
    run(exit_with, (3,), "default-3")
    run(bare_exit, (), "default-bare")
    print("default hook printed nothing")
    sys.stdout.flush()
    run(leave, (), "default-subclass")
    sys.stderr.flush()
    print("still running", threading.active_count())
    threading.excepthook = hook
    run(exit_with, (3,), "custom-3")
    run(exit_with, ("bye",), "custom-msg")
    run(bare_exit, (), "custom-bare")
    run(leave, (), "custom-subclass")
    for s in seen:
        print(s)
    threading.excepthook = threading.__excepthook__
    run(exit_with, (4,), "restored")
    print("done", len(seen))
