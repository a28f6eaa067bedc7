"""Interleaved A/B timing of two gillab release binaries on the benchmark workloads.

Usage: python3 scripts/ab.py OLD NEW SAMPLES SPEC...
  SPEC = workload:size:threads:backend[,backend...]

Runs `OLD run --backend B benches/workloads/W.py SIZE THREADS` and the same with NEW, one after
the other, SAMPLES times, and prints the median work-region time of each and their ratio. Used
for "did this change move a figure" checks (docs/performance.md); `gillab compare` is the tool
for the figures themselves.
"""
import json, subprocess, sys, statistics
old, new, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
specs = sys.argv[4:]
W = __import__("os").path.join(__import__("os").path.dirname(__file__), "..", "benches", "workloads")
def run(exe, backend, wl, size, threads):
    out = subprocess.run([exe, "run", "--backend", backend, f"{W}/{wl}.py", str(size), str(threads)],
                         capture_output=True, text=True, timeout=300)
    line = [l for l in out.stdout.splitlines() if l.startswith("{")][-1]
    return json.loads(line)["elapsed"]
print(f"{'workload':<12} {'backend':<8} {'thr':>3} {'old s':>8} {'new s':>8} {'new/old':>8}")
for spec in specs:
    wl, size, threads, backends = spec.split(":")
    for b in backends.split(","):
        o, nn = [], []
        for _ in range(n):
            o.append(run(old, b, wl, size, threads)); nn.append(run(new, b, wl, size, threads))
        mo, mn = statistics.median(o), statistics.median(nn)
        print(f"{wl:<12} {b:<8} {threads:>3} {mo:8.3f} {mn:8.3f} {mn/mo:8.3f}", flush=True)
