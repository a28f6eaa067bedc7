# many_waiters: what it costs to have N waiters at once, as N asyncio tasks in one thread and
# as N threads, each blocked on an event: the start-up time until every one is waiting, and the
# resident memory each adds (VmRSS from /proc/self/status; -1 where there is none). The
# literature's case for asyncio over threads for many concurrent I/O waits.
# Usage: many_waiters.py [N] [THREADS, ignored: measured at one]. Prints one JSON line.
import asyncio
import sys
import threading
import time


def rss_kb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


async def tasks_part(n):
    ev = asyncio.Event()
    before = rss_kb()
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(ev.wait()) for _ in range(n)]
    await asyncio.sleep(0)
    started = time.perf_counter() - t0
    grown = rss_kb() - before
    ev.set()
    done = await asyncio.gather(*tasks)
    return started, grown, len(done) == n and all(done)


def threads_part(n):
    ev = threading.Event()
    threads = [threading.Thread(target=ev.wait) for _ in range(n)]
    before = rss_kb()
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    started = time.perf_counter() - t0
    grown = rss_kb() - before
    ev.set()
    for t in threads:
        t.join()
    return started, grown, not any(t.is_alive() for t in threads)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    start = time.perf_counter()
    t_start, t_grown, t_ok = asyncio.run(tasks_part(n))
    th_start, th_grown, th_ok = threads_part(n)
    elapsed = time.perf_counter() - start
    measured = t_grown >= 0 and th_grown >= 0
    print('{"workload": "many_waiters", "elapsed": %.6f, "ops": %d, "threads": 1, '
          '"tasks_start_ms": %.3f, "tasks_kb_each": %.3f, "threads_start_ms": %.3f, '
          '"threads_kb_each": %.3f, "correct": %s}'
          % (elapsed, n, t_start * 1000, (t_grown / n) if measured else -1,
             th_start * 1000, (th_grown / n) if measured else -1,
             "true" if t_ok and th_ok else "false"))


if __name__ == "__main__":
    main()
