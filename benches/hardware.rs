//! The hardware's price for what the backends do on every reference-count operation: one
//! uncontended atomic read-modify-write, one compare-and-swap, one `parking_lot` lock/unlock
//! pair, against a plain increment. Issue 5's bound is checked against these: (backend time −
//! `gil` time) ÷ refcount operations should stay within 1.5x of the matching price.

use criterion::{Criterion, Throughput};
use parking_lot::RawMutex;
use parking_lot::lock_api::RawMutex as _;
use std::hint::black_box;
use std::sync::atomic::{AtomicIsize, Ordering};

const OPS: u64 = 1_000_000;

/// `hardware/<primitive>`, one million operations per iteration.
pub fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("hardware");
    g.throughput(Throughput::Elements(OPS));
    g.bench_function("plain_increment", |b| {
        let mut n = 0isize;
        b.iter(|| {
            for _ in 0..OPS {
                n = black_box(n) + 1;
            }
        })
    });
    g.bench_function("atomic_fetch_add", |b| {
        let n = AtomicIsize::new(0);
        b.iter(|| {
            for _ in 0..OPS {
                black_box(&n).fetch_add(1, Ordering::AcqRel);
            }
        })
    });
    g.bench_function("cas_loop", |b| {
        let n = AtomicIsize::new(0);
        b.iter(|| {
            for _ in 0..OPS {
                let a = black_box(&n);
                let mut cur = a.load(Ordering::Relaxed);
                while let Err(v) =
                    a.compare_exchange_weak(cur, cur + 1, Ordering::AcqRel, Ordering::Relaxed)
                {
                    cur = v;
                }
            }
        })
    });
    g.bench_function("parking_lot_lock_unlock", |b| {
        let m = RawMutex::INIT;
        b.iter(|| {
            for _ in 0..OPS {
                black_box(&m).lock();
                // SAFETY: locked on the line above by this thread.
                unsafe { m.unlock() };
            }
        })
    });
    g.finish();
}
