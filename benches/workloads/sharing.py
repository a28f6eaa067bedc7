# sharing: the price of handing data from one worker to another, over five channels, the same
# job on each: a producer hands ITEMS integers to a consumer, which checks their sum (items per
# second), then the two bounce one integer back and forth ROUNDS times (round-trip latency).
#   thread_queue:  two threads, queue.Queue
#   mp_queue:      two processes, multiprocessing.Queue
#   pipe:          two processes, multiprocessing.Pipe
#   array:         two processes, a ring of slots in a shared multiprocessing.Array, guarded
#                  by its lock (the consumer and producer poll it)
#   manager:       two processes, a Queue held by a multiprocessing.Manager (a third process
#                  that every put and get is a round trip to)
# Start-up is outside the timed regions: each producer first says it is ready, then waits
# for a go flag (a shared RawValue, polled) that the consumer sets as it starts its clock.
# Usage: sharing.py [ITEMS] [THREADS (ignored: the workload sets up its own workers)].
# Prints one JSON line: elapsed seconds of all timed regions, items handed over, a correctness
# flag, and per channel `<channel>_items_per_s` and `<channel>_rtt_us`.
import multiprocessing as mp
import queue
import sys
import threading
import time

SLOTS = 64  # ring slots of the array channel; the array holds head, tail, then the slots


def wait_go(go):
    while not go.value:
        time.sleep(0.0001)


def produce_queue(q, n, go):
    q.put("ready")
    wait_go(go)
    for i in range(n):
        q.put(i)


def echo_queue(inq, outq, rounds):
    outq.put("ready")
    for _ in range(rounds):
        outq.put(inq.get() + 1)


def produce_pipe(conn, n, go):
    conn.send("ready")
    wait_go(go)
    for i in range(n):
        conn.send(i)


def echo_pipe(conn, rounds):
    conn.send("ready")
    for _ in range(rounds):
        conn.send(conn.recv() + 1)


def array_put(a, lock, v):
    while True:
        with lock:
            head, tail = a[0], a[1]
            if tail - head < SLOTS:
                a[2 + tail % SLOTS] = v
                a[1] = tail + 1
                return
        time.sleep(0)


def array_get(a, lock):
    while True:
        with lock:
            head, tail = a[0], a[1]
            if tail > head:
                v = a[2 + head % SLOTS]
                a[0] = head + 1
                return v
        time.sleep(0)


def produce_array(a, n, go):
    lock = a.get_lock()
    array_put(a, lock, -1)
    wait_go(go)
    for i in range(n):
        array_put(a, lock, i)


def echo_array(there, back, rounds):
    array_put(back, back.get_lock(), -1)
    lock = there.get_lock()
    for _ in range(rounds):
        array_put(back, back.get_lock(), array_get(there, lock) + 1)


def consume(get, n, go):
    """Sets go, then takes n items with get(); returns (seconds, their sum)."""
    start = time.perf_counter()
    go.value = 1
    total = 0
    for _ in range(n):
        total += get()
    return time.perf_counter() - start, total


def bounce(put, get, rounds):
    """Sends and waits for the reply rounds times; returns (seconds, whether each came back + 1)."""
    ok = True
    start = time.perf_counter()
    for i in range(rounds):
        put(i)
        ok = ok and get() == i + 1
    return time.perf_counter() - start, ok


def thread_queue(n, rounds):
    q, go = queue.Queue(), mp.RawValue("i", 0)
    t = threading.Thread(target=produce_queue, args=(q, n, go))
    t.start()
    q.get()
    secs, total = consume(q.get, n, go)
    t.join()
    inq, outq = queue.Queue(), queue.Queue()
    t = threading.Thread(target=echo_queue, args=(inq, outq, rounds))
    t.start()
    outq.get()
    rtt, ok = bounce(inq.put, outq.get, rounds)
    t.join()
    return secs, total, rtt, ok


def queue_between_processes(new_queue, n, rounds):
    """The job over queues made by new_queue(), with the producer and echo in a process."""
    q, go = new_queue(), mp.RawValue("i", 0)
    p = mp.Process(target=produce_queue, args=(q, n, go))
    p.start()
    q.get()
    secs, total = consume(q.get, n, go)
    p.join()
    inq, outq = new_queue(), new_queue()
    p = mp.Process(target=echo_queue, args=(inq, outq, rounds))
    p.start()
    outq.get()
    rtt, ok = bounce(inq.put, outq.get, rounds)
    p.join()
    return secs, total, rtt, ok


def mp_queue(n, rounds):
    return queue_between_processes(mp.Queue, n, rounds)


def pipe(n, rounds):
    (r, w), go = mp.Pipe(duplex=False), mp.RawValue("i", 0)
    p = mp.Process(target=produce_pipe, args=(w, n, go))
    p.start()
    r.recv()
    secs, total = consume(r.recv, n, go)
    p.join()
    mine, theirs = mp.Pipe()
    p = mp.Process(target=echo_pipe, args=(theirs, rounds))
    p.start()
    mine.recv()
    rtt, ok = bounce(mine.send, mine.recv, rounds)
    p.join()
    return secs, total, rtt, ok


def array(n, rounds):
    a, go = mp.Array("q", 2 + SLOTS), mp.RawValue("i", 0)
    p = mp.Process(target=produce_array, args=(a, n, go))
    p.start()
    lock = a.get_lock()
    array_get(a, lock)
    secs, total = consume(lambda: array_get(a, lock), n, go)
    p.join()
    there, back = mp.Array("q", 2 + SLOTS), mp.Array("q", 2 + SLOTS)
    p = mp.Process(target=echo_array, args=(there, back, rounds))
    p.start()
    back_lock = back.get_lock()
    array_get(back, back_lock)
    rtt, ok = bounce(lambda v: array_put(there, there.get_lock(), v),
                     lambda: array_get(back, back_lock), rounds)
    p.join()
    return secs, total, rtt, ok


def manager(n, rounds):
    with mp.Manager() as m:
        return queue_between_processes(m.Queue, n, rounds)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rounds = max(n // 10, 1)
    want = n * (n - 1) // 2
    fields = []
    elapsed = 0.0
    correct = True
    channels = [("thread_queue", thread_queue), ("mp_queue", mp_queue), ("pipe", pipe),
                ("array", array), ("manager", manager)]
    for name, run in channels:
        secs, total, rtt, ok = run(n, rounds)
        elapsed += secs + rtt
        correct = correct and ok and total == want
        fields.append('"%s_items_per_s": %.1f, "%s_rtt_us": %.2f'
                      % (name, n / secs, name, rtt / rounds * 1e6))
    print('{"workload": "sharing", "elapsed": %.6f, "ops": %d, "threads": 1, %s, "correct": %s}'
          % (elapsed, len(channels) * n, ", ".join(fields), "true" if correct else "false"))


if __name__ == "__main__":
    main()
