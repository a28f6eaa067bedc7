//! From records to the numbers the report prints: per-workload rows with throughput, speedup
//! over the same backend at one thread, and cost relative to the baseline GIL backend at one
//! thread.
//!
//! The report never compares a backend's name with a literal: which backend is the baseline,
//! which runs threads as processes, which has per-object locks and which GIL policy is each
//! one's default come from [`BackendInfo`]s that the caller takes from its registry.

use crate::record::{CPYTHON, Record};
use serde::Serialize;
use std::collections::BTreeMap;

/// What the report says about one workload besides its records: given by the caller (the
/// report reads only records; `gillab` passes its workload catalog), see [`Data::describe`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkloadInfo {
    /// The name the records carry.
    pub name: String,
    /// One line for the report.
    pub about: String,
    /// What one operation is.
    pub unit: String,
}

/// The family of a backend's strategy, as the claims compare them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// One lock for the whole interpreter.
    GlobalLock,
    /// A lock per object; readers lock (the literature's fine-grained locking).
    ObjectLocks,
    /// Atomic counts with deferred reclamation.
    AtomicCounts,
    /// Biased counts.
    BiasedCounts,
}

/// What the report knows about one backend besides its records: facts the caller takes from
/// its registry (`gillab` passes every registered backend's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackendInfo {
    /// The name the records carry.
    pub name: String,
    /// Its strategy's family.
    pub family: Family,
    /// The GIL policy it runs under by default (`None` without a GIL).
    pub default_policy: Option<String>,
    /// Whether its Python threads share memory (false when they are worker processes, each
    /// with a GIL of its own: not "a GIL" in the claims' sense).
    pub threads_share_memory: bool,
    /// The GIL policies it takes, each with the interpreter's GIL it models (empty without a
    /// GIL).
    pub policies: Vec<PolicyInfo>,
}

/// A GIL hand-off policy as the report knows it: its name in the records and which
/// interpreter's GIL it models ("CPython 3.2+", "Python 2"; the report writes "the GIL of
/// Python 2"), so that claims about one
/// generation of the GIL are checked against the policy that models it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyInfo {
    /// The name the records carry (`--gil-policy`).
    pub name: String,
    /// The GIL it models, for the report's text.
    pub models: String,
}

/// Everything the caller describes: the workloads and the backends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Described {
    /// The workloads, in report order.
    pub workloads: Vec<WorkloadInfo>,
    /// The backends.
    pub backends: Vec<BackendInfo>,
}

/// The record set, with lookups the tables, plots and claims share.
#[derive(Debug, Clone)]
pub struct Data {
    /// Usable records (failed ones are kept apart in `failed`).
    pub records: Vec<Record>,
    /// Configurations that could not be measured.
    pub failed: Vec<Record>,
    /// What the caller said about the workloads, in report order (empty unless
    /// [`Data::describe`] was called).
    pub described: Vec<WorkloadInfo>,
    /// What the caller said about the backends.
    pub backends: Vec<BackendInfo>,
    /// Records of outside suites (pyperformance, ftscalingbench), failed ones included; the
    /// workload tables, plots and claims never see them ([`crate::suites`] reports them).
    pub suites: Vec<Record>,
}

/// One table row: a record with the ratios derived from the others.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// `backend` or `backend/policy`.
    pub variant: String,
    /// Backend.
    pub backend: String,
    /// GIL policy, if any.
    pub policy: Option<String>,
    /// Threads.
    pub threads: u32,
    /// Median seconds.
    pub median_s: f64,
    /// Fastest sample.
    pub min_s: f64,
    /// Slowest sample.
    pub max_s: f64,
    /// Samples taken.
    pub samples: usize,
    /// Operations per second at the median.
    pub ops_per_s: f64,
    /// Throughput over the same variant's throughput at one thread.
    pub speedup: Option<f64>,
    /// Time per operation over `gil`'s at one thread (default policy).
    pub vs_gil_1: Option<f64>,
    /// Whether the workload's correctness check passed.
    pub correct: bool,
    /// The workload's extra numbers (medians).
    pub metrics: BTreeMap<String, f64>,
    /// Largest value of each extra number.
    pub metrics_max: BTreeMap<String, f64>,
    /// Backend counters (medians).
    pub stats: BTreeMap<String, f64>,
}

impl Data {
    /// Splits `records` into usable and failed ones. When a configuration was measured twice
    /// (say by `compare` and by `cargo bench`), the later record wins.
    pub fn new(records: Vec<Record>) -> Data {
        type Key = (Option<String>, String, String, Option<String>, u32);
        let mut latest: BTreeMap<Key, Record> = BTreeMap::new();
        let mut order: Vec<Key> = Vec::new();
        for r in records {
            let suite = r.suite.as_ref().map(|s| s.suite.clone());
            let key = (suite, r.workload.clone(), r.backend.clone(), r.policy.clone(), r.threads);
            if latest.insert(key.clone(), r).is_none() {
                order.push(key);
            }
        }
        // Suite records keep the order they were measured in (the suite's own order).
        let mut suites = Vec::new();
        let mut workloads = Vec::new();
        for key in order {
            if let Some(r) = latest.remove(&key) {
                if r.suite.is_some() { suites.push(r) } else { workloads.push(r) }
            }
        }
        workloads.sort_by(|a, b| {
            (&a.workload, &a.backend, &a.policy, a.threads).cmp(&(
                &b.workload,
                &b.backend,
                &b.policy,
                b.threads,
            ))
        });
        let (records, failed) = workloads.into_iter().partition(Record::ok);
        Data { records, failed, described: Vec::new(), backends: Vec::new(), suites }
    }

    /// Adds what the caller knows: the workloads (the order they are reported in, each one's
    /// line and unit) and the backends' facts.
    pub fn describe(mut self, described: &Described) -> Data {
        self.described = described.workloads.clone();
        self.backends = described.backends.clone();
        self
    }

    fn backend(&self, name: &str) -> Option<&BackendInfo> {
        self.backends.iter().find(|b| b.name == name)
    }

    /// The reference backend of "cost relative to a GIL at 1 thread": the first described
    /// backend with a global lock whose threads share memory.
    pub fn baseline(&self) -> Option<&str> {
        self.backends
            .iter()
            .find(|b| b.family == Family::GlobalLock && b.threads_share_memory)
            .map(|b| b.name.as_str())
    }

    /// The first described backend of `family` whose threads share memory.
    pub fn of_family(&self, family: Family) -> Option<&str> {
        self.backends
            .iter()
            .find(|b| b.family == family && b.threads_share_memory)
            .map(|b| b.name.as_str())
    }

    /// The first described backend whose threads are worker processes.
    pub fn processes(&self) -> Option<&str> {
        self.backends.iter().find(|b| !b.threads_share_memory).map(|b| b.name.as_str())
    }

    /// Whether `backend`'s threads are worker processes.
    pub fn is_processes(&self, backend: &str) -> bool {
        self.backend(backend).is_some_and(|b| !b.threads_share_memory)
    }

    /// Which interpreter's GIL `policy` models on `backend`, if the caller said.
    pub fn policy_models(&self, backend: &str, policy: &str) -> Option<&str> {
        self.backend(backend)?.policies.iter().find(|p| p.name == policy).map(|p| p.models.as_str())
    }

    /// `backend`'s default GIL policy, if it has one.
    pub fn default_policy(&self, backend: &str) -> Option<&str> {
        self.backend(backend).and_then(|b| b.default_policy.as_deref())
    }

    /// Whether `r` runs its backend as configured by default: without a policy, or under the
    /// backend's default one.
    pub fn is_default(&self, r: &Record) -> bool {
        r.policy.is_none() || r.policy.as_deref() == self.default_policy(&r.backend)
    }

    /// Whether `variant` (on `workload`) runs its backend as configured by default.
    pub fn is_default_variant(&self, workload: &str, variant: &str) -> bool {
        self.of(workload).find(|r| r.variant() == variant).is_none_or(|r| self.is_default(r))
    }

    /// What the caller said about `workload`, if anything.
    pub fn info(&self, workload: &str) -> Option<&WorkloadInfo> {
        self.described.iter().find(|w| w.name == workload)
    }

    /// Workloads in the records: the described ones in the order given, then the others by
    /// name.
    pub fn workloads(&self) -> Vec<String> {
        let known = self.described.len();
        let position = |n: &str| self.described.iter().position(|w| w.name == n).unwrap_or(known);
        let mut w: Vec<String> = self.records.iter().map(|r| r.workload.clone()).collect();
        w.sort_by_key(|n| (position(n), n.clone()));
        w.dedup();
        w
    }

    /// Records of `workload`.
    pub fn of<'a, 'w>(
        &'a self,
        workload: &'w str,
    ) -> impl Iterator<Item = &'a Record> + use<'a, 'w> {
        self.records.iter().filter(move |r| r.workload == workload)
    }

    /// The record of `workload` for `variant` at `threads`.
    pub fn get(&self, workload: &str, variant: &str, threads: u32) -> Option<&Record> {
        self.of(workload).find(|r| r.variant() == variant && r.threads == threads)
    }

    /// Variants measured on `workload`: backends in the order they first appear, CPython last.
    pub fn variants(&self, workload: &str) -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for r in self.of(workload) {
            let name = r.variant();
            if !v.contains(&name) {
                v.push(name);
            }
        }
        v.sort_by_key(|n| n.starts_with(CPYTHON));
        v
    }

    /// The variant that runs `backend` as configured by default: no policy or the default one.
    pub fn default_variant(&self, workload: &str, backend: &str) -> Option<String> {
        let mut found: Vec<&Record> = self.of(workload).filter(|r| r.backend == backend).collect();
        found.sort_by_key(|r| !self.is_default(r));
        found.first().map(|r| r.variant())
    }

    /// Variants of GIL runtimes at their default policy: backends reporting a GIL policy
    /// (except the process backend, whose workers each have their own), and CPython.
    pub fn gil_variants(&self, workload: &str) -> Vec<String> {
        self.variants(workload)
            .into_iter()
            .filter(|v| {
                v == CPYTHON
                    || self.of(workload).any(|r| {
                        r.variant() == *v
                            && r.policy.is_some()
                            && self.is_default(r)
                            && !self.is_processes(&r.backend)
                    })
            })
            .collect()
    }

    /// Variants without a GIL (backends that report no policy; CPython excluded).
    pub fn free_variants(&self, workload: &str) -> Vec<String> {
        let gil_backends: Vec<&str> =
            self.of(workload).filter(|r| r.policy.is_some()).map(|r| r.backend.as_str()).collect();
        self.variants(workload)
            .into_iter()
            .filter(|v| v != CPYTHON && !v.contains('/') && !gil_backends.contains(&v.as_str()))
            .collect()
    }

    /// Thread counts measured for `workload`, ascending.
    pub fn threads(&self, workload: &str) -> Vec<u32> {
        let mut t: Vec<u32> = self.of(workload).map(|r| r.threads).collect();
        t.sort_unstable();
        t.dedup();
        t
    }

    /// Seconds per operation of `r`.
    pub fn per_op(r: &Record) -> f64 {
        r.median / r.ops.max(1) as f64
    }

    /// Throughput of `variant` at `threads` over its throughput at one thread.
    pub fn speedup(&self, workload: &str, variant: &str, threads: u32) -> Option<f64> {
        let one = self.get(workload, variant, 1)?;
        let n = self.get(workload, variant, threads)?;
        Some(Self::per_op(one) / Self::per_op(n))
    }

    /// Time per operation of `r` over `gil`'s (default policy) at one thread on its workload.
    pub fn vs_gil_1(&self, r: &Record) -> Option<f64> {
        let base = self.default_variant(&r.workload, self.baseline()?)?;
        let b = self.get(&r.workload, &base, 1)?;
        Some(Self::per_op(r) / Self::per_op(b))
    }

    /// The rows of `workload`'s table, variant by variant, threads ascending.
    pub fn rows(&self, workload: &str) -> Vec<Row> {
        let mut rows = Vec::new();
        for variant in self.variants(workload) {
            for threads in self.threads(workload) {
                let Some(r) = self.get(workload, &variant, threads) else { continue };
                rows.push(Row {
                    variant: variant.clone(),
                    backend: r.backend.clone(),
                    policy: r.policy.clone(),
                    threads,
                    median_s: r.median,
                    min_s: r.min,
                    max_s: r.max,
                    samples: r.samples.len(),
                    ops_per_s: r.ops as f64 / r.median,
                    speedup: self.speedup(workload, &variant, threads),
                    vs_gil_1: self.vs_gil_1(r),
                    correct: r.correct,
                    metrics: r.metrics.clone(),
                    metrics_max: r.metrics_max.clone(),
                    stats: r.stats.clone(),
                });
            }
        }
        rows
    }
}

/// Geometric mean of positive values (`None` if there are none).
pub fn geomean(v: &[f64]) -> Option<f64> {
    let v: Vec<f64> = v.iter().copied().filter(|x| *x > 0.0 && x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    Some((v.iter().map(|x| x.ln()).sum::<f64>() / v.len() as f64).exp())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::record::{Config, Provenance, Sample};

    /// The facts of the backends the tests' records name (what `gillab` passes from its
    /// registry).
    pub fn backends() -> Vec<BackendInfo> {
        let policies = |on: bool| -> Vec<PolicyInfo> {
            let models = [
                ("interval", "CPython 3.2+"),
                ("ticks", "Python 2"),
                ("io-priority", "bpo-7946's I/O-priority proposal"),
            ];
            models
                .iter()
                .filter(|_| on)
                .map(|(name, models)| PolicyInfo { name: (*name).into(), models: (*models).into() })
                .collect()
        };
        let b = |name: &str, family, policy: Option<&str>, shares| BackendInfo {
            name: name.into(),
            family,
            default_policy: policy.map(str::to_string),
            threads_share_memory: shares,
            policies: policies(policy.is_some()),
        };
        vec![
            b("gil", Family::GlobalLock, Some("interval"), true),
            b("objlock", Family::ObjectLocks, None, true),
            b("atomic", Family::AtomicCounts, None, true),
            b("biased", Family::BiasedCounts, None, true),
            b("shard", Family::GlobalLock, Some("interval"), false),
        ]
    }

    /// `records` with the backends of [`backends`] described.
    pub fn data(records: Vec<Record>) -> Data {
        Data::new(records).describe(&Described { workloads: Vec::new(), backends: backends() })
    }

    /// A record of `workload` on `backend` (`backend/policy` gives a policy) at `threads`
    /// taking `secs` for `ops` operations.
    pub fn rec(workload: &str, variant: &str, threads: u32, secs: f64, ops: u64) -> Record {
        let (backend, policy) = match variant.split_once('/') {
            Some((b, p)) => (b, Some(p.to_string())),
            None => (variant, None),
        };
        let config = Config {
            workload: workload.into(),
            backend: backend.into(),
            policy,
            threads,
            size: ops,
        };
        let by = Provenance {
            machine: "test".into(),
            commit: "abc".into(),
            date: "2026-01-01T00:00:00Z".into(),
            source: "compare".into(),
        };
        let s = Sample { elapsed: secs, ops, correct: true, ..Sample::default() };
        Record::new(&config, &[s], None, &by)
    }

    #[test]
    fn speedup_and_relative_cost() {
        let d = data(vec![
            rec("countdown", "gil/interval", 1, 1.0, 100),
            rec("countdown", "gil/interval", 2, 1.0, 100),
            rec("countdown", "atomic", 1, 2.0, 100),
            rec("countdown", "atomic", 2, 1.0, 100),
            rec("spawn", "gil/interval", 1, 1.0, 10),
            rec("spawn", "gil/interval", 2, 1.0, 20),
        ]);
        assert_eq!(d.speedup("countdown", "gil/interval", 2), Some(1.0));
        assert_eq!(d.speedup("countdown", "atomic", 2), Some(2.0));
        // Twice the operations in the same time: throughput doubled.
        assert_eq!(d.speedup("spawn", "gil/interval", 2), Some(2.0));
        let rows = d.rows("countdown");
        assert_eq!(rows.len(), 4);
        let a1 = rows.iter().find(|r| r.variant == "atomic" && r.threads == 1).unwrap();
        assert_eq!(a1.vs_gil_1, Some(2.0));
        assert_eq!(d.gil_variants("countdown"), vec!["gil/interval".to_string()]);
        assert_eq!(d.free_variants("countdown"), vec!["atomic".to_string()]);
        assert_eq!(geomean(&[1.0, 4.0]), Some(2.0));
    }

    #[test]
    fn workloads_follow_the_callers_order_then_their_names() {
        let recs = vec![
            rec("countdown", "gil", 1, 1.0, 100),
            rec("beta", "gil", 1, 1.0, 100),
            rec("spawn", "gil", 1, 1.0, 10),
            rec("alpha", "gil", 1, 1.0, 100),
            rec("spawn", "gil", 2, 1.0, 20),
        ];
        let info = |name: &str| WorkloadInfo {
            name: name.into(),
            about: format!("About {name}."),
            unit: "ops".into(),
        };
        let plain = Data::new(recs.clone());
        assert_eq!(plain.workloads(), ["alpha", "beta", "countdown", "spawn"]);
        assert!(plain.info("spawn").is_none());
        let workloads = vec![info("spawn"), info("nope"), info("countdown")];
        let d = Data::new(recs).describe(&Described { workloads, backends: backends() });
        assert_eq!(d.workloads(), ["spawn", "countdown", "alpha", "beta"]);
        assert_eq!(d.info("countdown").map(|w| w.about.as_str()), Some("About countdown."));
        assert!(d.info("alpha").is_none());
    }

    #[test]
    fn roles_come_from_the_described_facts_not_from_names() {
        let recs: Vec<Record> = [("lock/fair", 1.0), ("lock/unfair", 0.5), ("free", 3.0)]
            .into_iter()
            .map(|(variant, secs)| rec("countdown", variant, 1, secs, 100))
            .collect();
        let facts = |default: &str| Described {
            workloads: Vec::new(),
            backends: vec![
                BackendInfo {
                    name: "lock".into(),
                    family: Family::GlobalLock,
                    default_policy: Some(default.into()),
                    threads_share_memory: true,
                    policies: Vec::new(),
                },
                BackendInfo {
                    name: "free".into(),
                    family: Family::ObjectLocks,
                    default_policy: None,
                    threads_share_memory: true,
                    policies: Vec::new(),
                },
            ],
        };
        let d = Data::new(recs.clone()).describe(&facts("fair"));
        assert_eq!(d.baseline(), Some("lock"));
        assert_eq!(d.of_family(Family::ObjectLocks), Some("free"));
        let free = d.get("countdown", "free", 1).unwrap();
        assert_eq!(d.vs_gil_1(free), Some(3.0));
        assert_eq!(d.gil_variants("countdown"), ["lock/fair"]);
        // Another default policy makes the other variant the reference.
        let d = Data::new(recs.clone()).describe(&facts("unfair"));
        assert_eq!(d.vs_gil_1(d.get("countdown", "free", 1).unwrap()), Some(6.0));
        // Without facts there is no baseline to compare with.
        assert_eq!(Data::new(recs).baseline(), None);
    }
}
