//! CPU-bound workloads: `countdown` (private data), `shared_read` (refcount traffic on shared
//! objects), `counter` (one global, locked and racy) and `native` (rayon-backed calls that
//! release or hold the interpreter).

use crate::harness::group;
use criterion::Criterion;

/// The CPU-bound groups.
pub fn bench(c: &mut Criterion) {
    for w in ["countdown", "shared_read", "counter", "native"] {
        group(c, w);
    }
}
