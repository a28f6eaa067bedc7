# Checks: time.time, perf_counter, monotonic return floats that never go backwards (only comparisons printed).
import time

t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
total = 0
for i in range(10000):
    total += i
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
print(total)
print(type(t0).__name__, type(p0).__name__, type(m0).__name__)
print(t1 - t0 >= 0, p1 - p0 >= 0, m1 - m0 >= 0)
print(t0 > 1_600_000_000)
print(p1 - p0 < 10, m1 - m0 < 10)
samples = [time.monotonic() for _ in range(100)]
print(all(b >= a for a, b in zip(samples, samples[1:])))
samples = [time.perf_counter() for _ in range(100)]
print(all(b >= a for a, b in zip(samples, samples[1:])))
