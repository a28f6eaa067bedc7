# async_echo: the convoy experiment with an asyncio server. An asyncio echo server (one event
# loop in one thread, streams over loopback) answers a client in the main thread while K
# CPU-bound countdown threads run. The loop waits in the OS's readiness call with the
# interpreter released, so under a GIL each request still has to win the lock back from the
# CPU-bound threads: asyncio removes the server's thread hand-offs, not the GIL's.
# Usage: async_echo.py [REQUESTS] [CPU_THREADS]. Prints one JSON line: elapsed seconds,
# requests done, requests per second, p50/p99 latency in milliseconds, and a correctness flag.
import asyncio
import socket
import sys
import threading
import time


def spin(stop):
    while not stop:
        for _ in range(1000):
            pass


async def serve(ready):
    client_done = asyncio.Event()

    async def echo(reader, writer):
        while True:
            data = await reader.read(64)
            if not data:
                break
            writer.write(data)
            await writer.drain()
        writer.close()
        await writer.wait_closed()
        client_done.set()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    ready.append(server.sockets[0].getsockname()[1])
    await client_done.wait()
    server.close()
    await server.wait_closed()


def server_thread(ready):
    asyncio.run(serve(ready))


def main():
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    cpu_threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    ready = []
    server = threading.Thread(target=server_thread, args=(ready,))
    server.start()
    while not ready:
        time.sleep(0.001)
    stop = []
    workers = [threading.Thread(target=spin, args=(stop,)) for _ in range(cpu_threads)]
    for w in workers:
        w.start()
    client = socket.create_connection(("127.0.0.1", ready[0]))
    client.settimeout(30)
    latencies = []
    ok = True
    start = time.perf_counter()
    for i in range(requests):
        msg = b"ping %d" % i
        t0 = time.perf_counter()
        client.sendall(msg)
        got = b""
        while len(got) < len(msg):
            chunk = client.recv(64)
            if not chunk:
                break
            got += chunk
        latencies.append(time.perf_counter() - t0)
        ok = ok and got == msg
    elapsed = time.perf_counter() - start
    stop.append(True)
    client.close()
    for w in workers:
        w.join()
    server.join()
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000
    p99 = latencies[min(len(latencies) - 1, (len(latencies) * 99) // 100)] * 1000
    print('{"workload": "async_echo", "elapsed": %.6f, "ops": %d, "threads": %d, "rps": %.1f, '
          '"p50_ms": %.3f, "p99_ms": %.3f, "correct": %s}'
          % (elapsed, requests, cpu_threads, requests / elapsed, p50, p99,
             "true" if ok else "false"))


if __name__ == "__main__":
    main()
