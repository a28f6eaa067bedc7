# Checks: threads writing and reading their own files concurrently (file I/O runs with the interpreter released), then the main thread checks every file.
import os
import threading

prefix = "io__tmp_threads_%d_" % os.getpid()
names = [prefix + str(i) + ".txt" for i in range(4)]
results = {}
lock = threading.Lock()


def worker(i):
    with open(names[i], "w") as f:
        for j in range(200):
            f.write("thread %d line %d\n" % (i, j))
    count = 0
    total = 0
    with open(names[i]) as f:
        for line in f:
            count += 1
            total += int(line.split()[-1])
    with lock:
        results[i] = (count, total)


try:
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(sorted(results.items()))
    for n in names:
        with open(n) as f:
            lines = f.readlines()
        print(len(lines), lines[0].split()[1], lines[-1].strip())
finally:
    for n in names:
        if os.path.exists(n):
            os.remove(n)
print([os.path.exists(n) for n in names])
