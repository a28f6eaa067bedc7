//! "Scaling, ftscalingbench style": for the workloads that repeat one small operation on N
//! threads (CPython's `Tools/ftscalingbench` measures the same kinds of operation), how much
//! faster each runtime finishes at N threads than at one, printed as ftscalingbench prints it:
//! "1.9x faster", or "1.3x slower" below 1.
//!
//! The workloads split a fixed amount of work over the threads, so the ratio is
//! time(1 thread) / time(N threads) of the medians — ftscalingbench's `t1 * N / tN` with work
//! per thread. It is computed per operation ([`Data::speedup`]), which is the same number
//! whenever both runs did the same operations, and stays right when a size does not divide
//! evenly by N. Which runtime is free-threaded, which has a global lock and which runs its
//! threads as processes comes from the described backends' facts.

use crate::analysis::{Data, Family};
use crate::record::CPYTHON;
use serde::Serialize;
use std::fmt::Write as _;

/// The workloads of the section, in this order when measured: the two original CPU-bound
/// ones, then the ftscalingbench-style ones.
pub const WORKLOADS: &[&str] = &[
    "countdown",
    "shared_read",
    "create_object",
    "method_call",
    "module_function",
    "attr_read",
    "dict_read",
    "closure_create",
    "tuple_const",
    "local_read",
];

/// One cell of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// Workload.
    pub workload: String,
    /// `backend` or `backend/policy` (the backend's default policy).
    pub variant: String,
    /// Threads (more than one).
    pub threads: u32,
    /// time(1 thread) / time(N threads), per operation.
    pub speedup: f64,
    /// The speedup as ftscalingbench prints it.
    pub text: String,
}

/// `s` as ftscalingbench prints it: "N.Nx faster" at 1 or more, "N.Nx slower" (1/s) below.
pub fn phrase(s: f64) -> String {
    if s >= 1.0 { format!("{s:.1}x faster") } else { format!("{:.1}x slower", 1.0 / s) }
}

/// The section's workloads that have records, in [`WORKLOADS`] order.
pub fn workloads(d: &Data) -> Vec<&'static str> {
    WORKLOADS.iter().copied().filter(|w| d.of(w).next().is_some()).collect()
}

/// The columns: every variant that runs its backend as configured by default on any of the
/// section's workloads; described backends in the order the caller gives them, then others
/// by name, CPython last.
pub fn columns(d: &Data) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in workloads(d) {
        for v in d.variants(w) {
            if !out.contains(&v) && d.is_default_variant(w, &v) {
                out.push(v);
            }
        }
    }
    let known = d.backends.len();
    let position = |v: &str| {
        let b = backend_of(v);
        let described = d.backends.iter().position(|i| i.name == b).unwrap_or(known);
        (v == CPYTHON, described, v.to_string())
    };
    out.sort_by_key(|v| position(v));
    out
}

/// Every cell that can be computed: each workload, column and thread count above one.
pub fn cells(d: &Data) -> Vec<Cell> {
    let cols = columns(d);
    let mut out = Vec::new();
    for w in workloads(d) {
        for n in d.threads(w).into_iter().filter(|n| *n > 1) {
            for v in &cols {
                if let Some(s) = d.speedup(w, v, n).filter(|s| s.is_finite() && *s > 0.0) {
                    out.push(Cell {
                        workload: w.to_string(),
                        variant: v.clone(),
                        threads: n,
                        speedup: s,
                        text: phrase(s),
                    });
                }
            }
        }
    }
    out
}

/// The backend a column runs (the part before `/`).
fn backend_of(variant: &str) -> &str {
    variant.split_once('/').map_or(variant, |(b, _)| b)
}

/// What each column is, from the described facts: free-threaded, a global lock, worker
/// processes, the CPython reference, or not described.
fn roles(d: &Data, cols: &[String]) -> String {
    let mut free = Vec::new();
    let mut locked = Vec::new();
    let mut procs = Vec::new();
    let mut unknown = Vec::new();
    for v in cols.iter().filter(|v| v.as_str() != CPYTHON) {
        let b = backend_of(v);
        let cell = format!("`{v}`");
        match d.backends.iter().find(|i| i.name == b) {
            Some(i) if !i.threads_share_memory => procs.push(cell),
            Some(i) if i.family == Family::GlobalLock => locked.push(cell),
            Some(_) => free.push(cell),
            None => unknown.push(cell),
        }
    }
    let mut parts = Vec::new();
    for (list, what) in [
        (free, "free-threaded (threads share memory, no global lock)"),
        (locked, "one global lock"),
        (
            procs,
            "threads are worker processes, each with its own copy of the \"shared\" objects, so its numbers are not shared-memory scaling",
        ),
        (unknown, "not described"),
    ] {
        if !list.is_empty() {
            parts.push(format!("{}: {what}", list.join(", ")));
        }
    }
    if cols.iter().any(|v| v == CPYTHON) {
        parts.push(format!("`{CPYTHON}`: the CPython reference, with its GIL"));
    }
    parts.join("; ")
}

/// Writes the section (nothing when none of its workloads was measured above one thread).
pub fn render(s: &mut String, d: &Data) {
    let cols = columns(d);
    let all = cells(d);
    if all.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        "## Scaling, ftscalingbench style\n\nEach workload splits the same work over N threads; a cell is time at 1 thread / time at N threads of the medians (per operation), printed as ftscalingbench prints it: \"N.Nx faster\", or \"N.Nx slower\" when N threads take longer than one. Ideal at N threads: N.Nx faster. Each backend at its default configuration.\n"
    );
    let _ = writeln!(s, "| workload | threads | {} |", cols.join(" | "));
    let _ = writeln!(s, "|---|---|{}", "---|".repeat(cols.len()));
    for w in workloads(d) {
        for n in d.threads(w).into_iter().filter(|n| *n > 1) {
            let row: Vec<String> = cols
                .iter()
                .map(|v| {
                    all.iter()
                        .find(|c| c.workload == w && c.variant == *v && c.threads == n)
                        .map_or_else(|| "–".into(), |c| c.text.clone())
                })
                .collect();
            let _ = writeln!(s, "| {w} | {n} | {} |", row.join(" | "));
        }
    }
    let _ = writeln!(s, "\n{}.\n", roles(d, &cols));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::{data, rec};

    #[test]
    fn phrases_follow_ftscalingbench() {
        assert_eq!(phrase(1.87), "1.9x faster");
        assert_eq!(phrase(1.0), "1.0x faster");
        assert_eq!(phrase(0.5), "2.0x slower");
        assert_eq!(phrase(0.75), "1.3x slower");
    }

    #[test]
    fn cells_are_time_at_one_over_time_at_n_at_the_default_configuration() {
        let d = data(vec![
            rec("attr_read", "atomic", 1, 2.0, 100),
            rec("attr_read", "atomic", 2, 1.0, 100),
            rec("attr_read", "gil/interval", 1, 1.0, 100),
            rec("attr_read", "gil/interval", 2, 1.3, 100),
            rec("countdown", "gil/interval", 1, 1.0, 100),
            rec("countdown", "gil/interval", 2, 1.0, 100),
            rec("countdown", "gil/ticks", 1, 1.0, 100),
            rec("countdown", "gil/ticks", 2, 2.0, 100),
            rec("countdown", "cpython", 1, 1.0, 100),
            rec("countdown", "cpython", 2, 1.1, 100),
            rec("io_sleep", "gil/interval", 1, 1.0, 100),
            rec("io_sleep", "gil/interval", 2, 0.5, 100),
        ]);
        assert_eq!(workloads(&d), ["countdown", "attr_read"]);
        // A non-default policy gets no column; the described order holds; CPython comes last.
        assert_eq!(columns(&d), ["gil/interval", "atomic", "cpython"]);
        let c = cells(&d);
        let get = |w: &str, v: &str| c.iter().find(|c| c.workload == w && c.variant == v);
        assert_eq!(get("attr_read", "atomic").map(|c| c.text.as_str()), Some("2.0x faster"));
        assert!(
            get("attr_read", "gil/interval").is_some_and(|c| (c.speedup - 1.0 / 1.3).abs() < 1e-9)
        );
        assert_eq!(get("countdown", "cpython").map(|c| c.text.as_str()), Some("1.1x slower"));
        assert!(get("io_sleep", "gil/interval").is_none());
        assert_eq!(c.len(), 4);
        let mut s = String::new();
        render(&mut s, &d);
        assert!(s.starts_with("## Scaling, ftscalingbench style\n"), "{s}");
        assert!(s.contains("| workload | threads | gil/interval | atomic | cpython |"), "{s}");
        assert!(s.contains("| countdown | 2 | 1.0x faster | – | 1.1x slower |"), "{s}");
        assert!(s.contains("| attr_read | 2 | 1.3x slower | 2.0x faster | – |"), "{s}");
        assert!(s.contains("`atomic`: free-threaded"), "{s}");
        assert!(s.contains("`gil/interval`: one global lock"), "{s}");
    }

    #[test]
    fn roles_come_from_the_facts_and_nothing_is_written_without_data() {
        let d = data(vec![
            rec("shared_read", "shard/interval", 1, 1.0, 100),
            rec("shared_read", "shard/interval", 2, 0.5, 100),
            rec("shared_read", "mystery", 1, 1.0, 100),
            rec("shared_read", "mystery", 2, 0.9, 100),
        ]);
        let mut s = String::new();
        render(&mut s, &d);
        assert!(s.contains("`shard/interval`: threads are worker processes"), "{s}");
        assert!(s.contains("`mystery`: not described"), "{s}");
        let mut empty = String::new();
        render(&mut empty, &data(vec![rec("shared_read", "atomic", 1, 1.0, 100)]));
        assert!(empty.is_empty());
    }
}
