# Threads of one process share multiprocessing's shared-memory objects: producers and
# consumers pass integers through one multiprocessing.Queue and one Pipe, and every thread
# increments one shared Value under its lock. Every item arrives once, no increment is lost.
import multiprocessing as mp
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
PRODUCERS = 2

q = mp.Queue(maxsize=16)
counter = mp.Value("q", 0)
reader, writer = mp.Pipe(duplex=False)
got = []
piped = []


def produce(me):
    for i in range(N):
        q.put(me * N + i)
        with counter.get_lock():
            counter.value += 1


def consume():
    total = 0
    for _ in range(N):
        total += q.get(timeout=60)
        with counter.get_lock():
            counter.value += 1
    got.append(total)


def send():
    for i in range(N):
        writer.send(i)


def receive():
    piped.append(sum(reader.recv() for _ in range(N)))


ts = [threading.Thread(target=produce, args=(p,)) for p in range(PRODUCERS)]
ts += [threading.Thread(target=consume) for _ in range(PRODUCERS)]
ts += [threading.Thread(target=send), threading.Thread(target=receive)]
for t in ts:
    t.start()
for t in ts:
    t.join()
want = sum(range(PRODUCERS * N))
print(sum(got) == want, counter.value == 2 * PRODUCERS * N, piped == [N * (N - 1) // 2], q.empty())
