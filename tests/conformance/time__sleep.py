# Checks: time.sleep(0.01) lasts at least 0.009 s by perf_counter and monotonic; sleep(0) returns None at once.
import time

start = time.perf_counter()
m_start = time.monotonic()
r = time.sleep(0.01)
elapsed = time.perf_counter() - start
m_elapsed = time.monotonic() - m_start
print(r)
print(elapsed >= 0.009, m_elapsed >= 0.009)
print(time.sleep(0))
start = time.perf_counter()
for _ in range(3):
    time.sleep(0.005)
print(time.perf_counter() - start >= 0.014)
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
