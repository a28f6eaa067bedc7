//! `cargo bench`: gil-lab's criterion benchmarks, one module per topic, one group per workload.
//!
//! Each measurement runs a workload from `benches/workloads/` as a subprocess — `gillab run
//! --backend NAME --stats` for every registered backend, and `python3` as the reference row
//! when it is installed — and sums the work-region times the workload reports itself (so
//! interpreter start-up is excluded for both alike). Every configuration is also appended to
//! `target/gillab-bench/records.jsonl`, which `gillab report --records` turns into a report.
//! Run one group with `cargo bench --bench main -- countdown`; see `docs/benchmarking.md`.

mod cpu;
mod hardware;
mod harness;
mod io;
mod scaling;
mod spawn;

criterion::criterion_group! {
    name = benches;
    config = criterion::Criterion::default().sample_size(10);
    targets = cpu::bench, io::bench, spawn::bench, scaling::bench, hardware::bench
}
criterion::criterion_main!(benches);
