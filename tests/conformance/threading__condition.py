# Checks: Condition producer/consumer with wait()/notify(); consumer output order equals production order.
import threading

cond = threading.Condition()
buffer = []
consumed = []
DONE = None


def producer():
    for i in range(10):
        with cond:
            buffer.append(i * i)
            cond.notify()
    with cond:
        buffer.append(DONE)
        cond.notify()


def consumer():
    while True:
        with cond:
            while not buffer:
                cond.wait()
            item = buffer.pop(0)
        if item is DONE:
            break
        consumed.append(item)


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
print(consumed)
flag = []
cv = threading.Condition(threading.Lock())


def waiter():
    with cv:
        r = cv.wait_for(lambda: len(flag) > 0, timeout=5)
    flag.append(("woke", r))


w = threading.Thread(target=waiter)
w.start()
with cv:
    flag.append("go")
    cv.notify_all()
w.join()
print(flag)
with cv:
    print(cv.wait(timeout=0.01))
