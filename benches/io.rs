//! I/O-bound workloads: `io_sleep`, `io_file`, and `convoy` (an echo server next to K
//! CPU-bound threads, under every GIL hand-off policy).

use crate::harness::group;
use criterion::Criterion;

/// The I/O-bound groups.
pub fn bench(c: &mut Criterion) {
    for w in ["io_sleep", "io_file", "convoy"] {
        group(c, w);
    }
}
