# Found by gillab-threadfuzz (list.sort, queue.sort). CPython and gil print `True 0 []`;
# objlock, atomic and biased lose appends and raise `list modified during sort`.
# One thread sorts a list of ints (no key: CPython runs it without a thread switch) while
# another appends to it. Nothing appended may be lost, and sort() never raises.
import threading

N = 3000
L = list(range(200, 0, -1))
errors = []


def sorter():
    for _ in range(N):
        try:
            L.sort()
        except ValueError as e:
            errors.append(str(e))


def appender():
    for i in range(N):
        L.append(1000 + i)


if __name__ == "__main__":
    ts = [threading.Thread(target=sorter), threading.Thread(target=appender)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(len(L) == 200 + N, len(errors), errors[:1])
