# A key-less sort() of a list of tuples of strs and ints runs no Python code in CPython (tuple
# comparison stays in C), so it never switches threads: a racing append lands before or after
# it, is never lost, and sort() never raises "list modified during sort"; nor does a racing
# pop() ever find the list empty. Readers index and iterate the list meanwhile and must only
# ever see whole ("v", k, k * 7) values.
import sys
import threading

SORTS = int(sys.argv[1]) if len(sys.argv) > 1 else 60
L = [("v", k, k * 7) for k in range(200, 0, -1)]
start = threading.Barrier(4)
finished = []
appended = popped = 0
errors = []
bad = []


def whole(v):
    return type(v) is tuple and len(v) == 3 and v[0] == "v" and v[2] == v[1] * 7


def sorter():
    start.wait()
    for _ in range(SORTS):
        try:
            L.sort()
            L.sort(reverse=True)
        except ValueError as e:
            errors.append(str(e))
    finished.append(1)


def appender():
    # Keeps appending until the sorts are done, so that every sort overlaps it, and pops as
    # often so that the list stays short; what it did is counted.
    global appended, popped
    start.wait()
    i = 0
    while not finished or i < 100:
        L.append(("v", 1000 + i, (1000 + i) * 7))
        i += 1
        try:
            v = L.pop()
            popped += 1
            if not whole(v):
                bad.append(v)
        except IndexError as e:
            errors.append(str(e))  # the list has 200 items or more outside a sort
    appended = i
    finished.append(1)


def reader():
    start.wait()
    i = 0
    while len(finished) < 2 or i < 20:
        try:
            v = L[i % 100]
            if not whole(v):
                bad.append(v)
        except IndexError:
            pass  # empty while it is being sorted
        for v in L:
            if not whole(v):
                bad.append(v)
        i += 1


ts = [threading.Thread(target=sorter), threading.Thread(target=appender)]
ts += [threading.Thread(target=reader) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(L) == 200 + appended - popped, len(set(L)) == len(L), len(errors), errors[:1], bad[:3])
