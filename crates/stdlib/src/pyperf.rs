//! `pyperf`: the part of pyperf's API that pyperformance's `bm_*/run_benchmark.py` files call
//! (`Runner` with `argparser`, `parse_args`, `metadata`, `bench_func`, `bench_time_func`,
//! `bench_async_func`, `bench_command`; `perf_counter`), as Python source run when first
//! imported (`python/pyperf.py`).
//!
//! Everything runs in the one process (no worker processes): loops are calibrated until a run
//! takes at least `--min-time`, then come the warm-ups and the timed values; the summary line
//! is pyperf's and `-o FILE` writes the values as pyperf's JSON layout, with a digest of each
//! `bench_func` result so that two runtimes' outputs can be compared. The same file runs
//! unchanged on CPython: `gillab compare --suite pyperformance` writes it out from
//! [`SOURCE`] and puts it on CPython's `PYTHONPATH`, so both sides use one harness.

use gillab_vm::Backend;
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::PyRef;

/// The module's source (also written out for CPython by `gillab compare`).
pub const SOURCE: &str = include_str!("python/pyperf.py");

/// Fills the `pyperf` module.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    gillab_vm::eval::imports::exec_source(ctx, SOURCE, "<frozen pyperf>", module)
}
