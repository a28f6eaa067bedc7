# io_file: N threads read one file in 64 KiB chunks. Each read() is a blocking call that
# releases the interpreter, so reads from different threads can overlap.
# Usage: io_file.py [CHUNK_READS] [THREADS] [DIR]. Writes a 1 MiB scratch file in DIR (default
# $TMPDIR or /tmp) before the work region and removes it afterwards. Prints one JSON line:
# elapsed seconds of the work region, chunk reads done, bytes read, and a correctness flag.
import os
import sys
import threading
import time

CHUNK = 64 * 1024
FILE_CHUNKS = 16


def reader(path, k, out):
    got = 0
    reads = 0
    while reads < k:
        with open(path, "rb") as f:
            while reads < k:
                data = f.read(CHUNK)
                if not data:
                    break
                got += len(data)
                reads += 1
    out.append(got)


def main():
    reads = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    folder = sys.argv[3] if len(sys.argv) > 3 else (os.getenv("TMPDIR") or "/tmp")
    path = folder + "/gillab_io_file_%d.dat" % os.getpid()
    with open(path, "wb") as f:
        for i in range(FILE_CHUNKS):
            f.write(bytes([i % 256]) * CHUNK)
    k = max(1, reads // nthreads)
    got = []
    threads = [threading.Thread(target=reader, args=(path, k, got)) for _ in range(nthreads)]
    start = time.perf_counter()
    if nthreads == 1:
        reader(path, k, got)
    else:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elapsed = time.perf_counter() - start
    os.remove(path)
    # On a process backend (threads run in worker processes) the results stay in the workers.
    ok = len(got) in (nthreads, 0 if nthreads > 1 else 1) and all(g == k * CHUNK for g in got)
    print('{"workload": "io_file", "elapsed": %.6f, "ops": %d, "threads": %d, "bytes": %d, '
          '"correct": %s}' % (elapsed, k * nthreads, nthreads, sum(got), "true" if ok else "false"))


if __name__ == "__main__":
    main()
