# convoy: Beazley's experiment (bpo-7946). An echo server thread on loopback answers a client
# in the main thread while K CPU-bound countdown threads run. Under CPython's GIL a thread
# returning from recv() must wait a whole switch interval before it may even ask for the lock,
# so every request pays ~5 ms per CPU-bound thread: the "convoy effect".
# Usage: convoy.py [REQUESTS] [CPU_THREADS]. Prints one JSON line: elapsed seconds, requests
# done, requests per second, p50/p99 latency in milliseconds, and a correctness flag.
import socket
import sys
import threading
import time


def spin(stop):
    while not stop:
        for _ in range(1000):
            pass


def serve(listener):
    conn, _ = listener.accept()
    with conn:
        while True:
            data = conn.recv(64)
            if not data:
                break
            conn.sendall(data)


def main():
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    cpu_threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    server = threading.Thread(target=serve, args=(listener,))
    server.start()
    stop = []
    workers = [threading.Thread(target=spin, args=(stop,)) for _ in range(cpu_threads)]
    for w in workers:
        w.start()
    client = socket.create_connection(("127.0.0.1", port))
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
    listener.close()
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000
    p99 = latencies[min(len(latencies) - 1, (len(latencies) * 99) // 100)] * 1000
    print('{"workload": "convoy", "elapsed": %.6f, "ops": %d, "threads": %d, "rps": %.1f, '
          '"p50_ms": %.3f, "p99_ms": %.3f, "correct": %s}'
          % (elapsed, requests, cpu_threads, requests / elapsed, p50, p99,
             "true" if ok else "false"))


if __name__ == "__main__":
    main()
