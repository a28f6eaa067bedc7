//! `spawn`: the cost of starting and joining threads (worker processes on a process backend).

use crate::harness::group;
use criterion::Criterion;

/// The spawn group.
pub fn bench(c: &mut Criterion) {
    group(c, "spawn");
}
