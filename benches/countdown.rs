//! The countdown workload (CPU-bound, private data): COUNT split over N threads.

use crate::harness::Runner;
use criterion::{BenchmarkId, Criterion, Throughput};

/// COUNT for the benchmark (override with `GILLAB_COUNTDOWN`).
fn count() -> u64 {
    std::env::var("GILLAB_COUNTDOWN").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000_000)
}

/// Thread counts: 1, 2, 4, ... up to the machine's cores (override with `GILLAB_THREADS=1,2`).
pub fn thread_counts() -> Vec<usize> {
    if let Ok(v) = std::env::var("GILLAB_THREADS") {
        return v.split(',').filter_map(|t| t.trim().parse().ok()).collect();
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut out = vec![1];
    while out[out.len() - 1] * 2 <= cores {
        out.push(out[out.len() - 1] * 2);
    }
    out
}

/// `countdown/<runner>/<threads>`.
pub fn bench(c: &mut Criterion) {
    let n = count();
    let mut group = c.benchmark_group("countdown");
    group.throughput(Throughput::Elements(n));
    for runner in Runner::all() {
        for threads in thread_counts() {
            let args = [n.to_string(), threads.to_string()];
            group.bench_with_input(BenchmarkId::new(runner.name(), threads), &args, |b, args| {
                b.iter_custom(|iters| (0..iters).map(|_| runner.run("countdown.py", args)).sum());
            });
        }
    }
    group.finish();
}
