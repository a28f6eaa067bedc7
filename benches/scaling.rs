//! The ftscalingbench-style workloads (issue 13): small operations repeated by N threads —
//! creating objects, calling a method or a module function, reading attributes and dict
//! entries of shared objects, making closures, using tuple constants, reading per-thread
//! state — whose speedup at N threads shows whether a backend scales. One group each.

use crate::harness::group;
use criterion::Criterion;

/// The workloads of this topic, in catalog order.
pub const WORKLOADS: [&str; 8] = [
    "create_object",
    "method_call",
    "module_function",
    "attr_read",
    "dict_read",
    "closure_create",
    "tuple_const",
    "local_read",
];

/// The scaling groups.
pub fn bench(c: &mut Criterion) {
    for w in WORKLOADS {
        group(c, w);
    }
}
