# async_sleep: N asyncio tasks in one thread each sleep many short times: the asyncio
# counterpart of io_sleep's N threads. The event loop waits for the earliest timer in the OS's
# readiness call, so the total time should fall as 1/N with no thread hand-offs at all.
# Usage: async_sleep.py [SLEEPS] [TASKS] [SECONDS_PER_SLEEP]. Prints one JSON line: elapsed
# seconds of the work region, sleeps done, and a correctness flag ("threads" is the number of
# tasks, so the report can set it beside io_sleep's threads).
import asyncio
import sys
import time


async def sleeper(k, pause, out):
    for _ in range(k):
        await asyncio.sleep(pause)
    out.append(k)


async def run(k, ntasks, pause, done):
    await asyncio.gather(*(sleeper(k, pause, done) for _ in range(ntasks)))


def main():
    sleeps = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    ntasks = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    pause = float(sys.argv[3]) if len(sys.argv) > 3 else 0.001
    k = max(1, sleeps // ntasks)
    done = []
    start = time.perf_counter()
    asyncio.run(run(k, ntasks, pause, done))
    elapsed = time.perf_counter() - start
    ok = sum(done) == k * ntasks and elapsed >= k * pause
    print('{"workload": "async_sleep", "elapsed": %.6f, "ops": %d, "threads": %d, "correct": %s}'
          % (elapsed, k * ntasks, ntasks, "true" if ok else "false"))


if __name__ == "__main__":
    main()
