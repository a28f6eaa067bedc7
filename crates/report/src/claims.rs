//! "Claims checked": each claim of the literature (`../shared/literature`) is a function over
//! the records that returns a verdict and a sentence quoting the numbers it was drawn from, or
//! "not measured" when the records lack the data. Nothing here is written by hand per run.
//! The longer ones live in submodules: [`increment`] (`n += 1` per GIL generation) and
//! [`shared_reads`] (whether free threading scales on shared reads).

mod increment;
mod shared_reads;
mod sharing;

use crate::analysis::{Data, Family, geomean};
use crate::record::{CPYTHON, Record};
use serde::Serialize;
use std::fmt::Write as _;

pub use increment::increment_not_atomic;
pub use shared_reads::free_threading_scales;
pub use sharing::processes_share_at_a_cost;

/// What the data says about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The data agrees with the claim.
    Confirmed,
    /// The data agrees with part of it, or on some runtimes only.
    Partly,
    /// The data contradicts the claim.
    Refuted,
    /// The records lack what the claim needs.
    NotMeasured,
}

impl Verdict {
    /// The word printed in the report.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Confirmed => "confirmed",
            Verdict::Partly => "partly confirmed",
            Verdict::Refuted => "refuted",
            Verdict::NotMeasured => "not measured",
        }
    }
}

/// One claim checked.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// Short identifier.
    pub id: &'static str,
    /// The claim, as the literature makes it.
    pub claim: &'static str,
    /// Where it is made.
    pub source: &'static str,
    /// What the data says.
    pub verdict: Verdict,
    /// The numbers behind the verdict.
    pub evidence: String,
}

fn ms(s: f64) -> String {
    if s >= 1.0 { format!("{s:.2} s") } else { format!("{:.1} ms", s * 1e3) }
}

fn max_threads(d: &Data, w: &str) -> Option<u32> {
    d.threads(w).into_iter().filter(|t| *t > 1).max()
}

/// "`variant`: 1 thread T1, N threads TN (S× speedup)".
fn scaling(d: &Data, w: &str, variant: &str, n: u32) -> Option<(f64, String)> {
    let one = d.get(w, variant, 1)?;
    let many = d.get(w, variant, n)?;
    let s = d.speedup(w, variant, n)?;
    Some((
        s,
        format!("`{variant}` {} at 1 thread, {} at {n} ({s:.2}x)", ms(one.median), ms(many.median)),
    ))
}

fn not_measured(id: &'static str, claim: &'static str, source: &'static str, why: &str) -> Claim {
    Claim { id, claim, source, verdict: Verdict::NotMeasured, evidence: why.to_string() }
}

/// Checks every claim against `d`.
pub fn check_all(d: &Data) -> Vec<Claim> {
    vec![
        no_cpu_speedup(d),
        two_slower_than_one(d),
        io_scales(d),
        fine_locks_cost(d),
        cas_spins(d),
        processes(d),
        processes_share_at_a_cost(d),
        increment_not_atomic(d),
        convoy(d),
        free_threading_scales(d),
        asyncio_one_thread(d),
    ]
}

/// Threads give no speedup on CPU-bound code under a GIL.
pub fn no_cpu_speedup(d: &Data) -> Claim {
    let (id, claim, source) = (
        "cpu-no-speedup",
        "Threads give no speedup on CPU-bound code under a GIL.",
        "000 (GIL blog post), 001 (Real Python notes)",
    );
    let w = "countdown";
    let Some(n) = max_threads(d, w) else {
        return not_measured(
            id,
            claim,
            source,
            "countdown was not measured with more than one thread.",
        );
    };
    let gil: Vec<(f64, String)> =
        d.gil_variants(w).iter().filter_map(|v| scaling(d, w, v, n)).collect();
    if gil.is_empty() {
        return not_measured(id, claim, source, "no GIL runtime ran countdown at 1 and N threads.");
    }
    let flat = gil.iter().filter(|(s, _)| *s < 1.2).count();
    let verdict = match flat {
        f if f == gil.len() => Verdict::Confirmed,
        0 => Verdict::Refuted,
        _ => Verdict::Partly,
    };
    let mut ev = format!(
        "countdown split over {n} threads, under a GIL: {}.",
        gil.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("; ")
    );
    let free: Vec<String> =
        d.free_variants(w).iter().filter_map(|v| scaling(d, w, v, n)).map(|(_, t)| t).collect();
    if !free.is_empty() {
        let _ = write!(ev, " Without a GIL, for contrast: {}.", free.join("; "));
    }
    Claim { id, claim, source, verdict, evidence: ev }
}

/// Two threads can take longer than one (the GIL battle on multicore).
pub fn two_slower_than_one(d: &Data) -> Claim {
    let (id, claim, source) = (
        "two-slower-than-one",
        "Two CPU-bound threads can take longer than one thread doing the same work.",
        "004 (Python wiki), 001 (6.6 s vs 6.0 s)",
    );
    let w = "countdown";
    let gil: Vec<String> = d
        .variants(w)
        .into_iter()
        .filter(|v| {
            v == CPYTHON
                || d.of(w)
                    .any(|r| r.variant() == *v && r.policy.is_some() && !d.is_processes(&r.backend))
        })
        .collect();
    let ratios: Vec<(String, f64)> =
        gil.iter().filter_map(|v| Some((v.clone(), 1.0 / d.speedup(w, v, 2)?))).collect();
    if ratios.is_empty() {
        return not_measured(
            id,
            claim,
            source,
            "countdown was not measured at 1 and 2 threads on a GIL runtime.",
        );
    }
    let slower: Vec<&(String, f64)> = ratios.iter().filter(|(_, r)| *r > 1.05).collect();
    let verdict = if slower.is_empty() { Verdict::Refuted } else { Verdict::Confirmed };
    let list = ratios
        .iter()
        .map(|(v, r)| format!("`{v}` {r:.2}x the 1-thread time"))
        .collect::<Vec<_>>()
        .join(", ");
    let tail = if slower.is_empty() {
        "no GIL runtime took more than 5 % longer with two threads.".to_string()
    } else {
        format!(
            "slower with two threads on: {}.",
            slower.iter().map(|(v, _)| format!("`{v}`")).collect::<Vec<_>>().join(", ")
        )
    };
    Claim {
        id,
        claim,
        source,
        verdict,
        evidence: format!("countdown at 2 threads: {list}; {tail}"),
    }
}

/// I/O-bound threads scale under a GIL.
pub fn io_scales(d: &Data) -> Claim {
    let (id, claim, source) = (
        "io-scales",
        "I/O-bound threads get near-perfect speedup, even under a GIL.",
        "002 (AlgoMaster), 003 (Grok the GIL)",
    );
    let w = "io_sleep";
    let Some(n) = max_threads(d, w) else {
        return not_measured(
            id,
            claim,
            source,
            "io_sleep was not measured with more than one thread.",
        );
    };
    let gil: Vec<(f64, String)> =
        d.gil_variants(w).iter().filter_map(|v| scaling(d, w, v, n)).collect();
    if gil.is_empty() {
        return not_measured(id, claim, source, "no GIL runtime ran io_sleep at 1 and N threads.");
    }
    let good = gil.iter().filter(|(s, _)| *s >= 0.8 * f64::from(n)).count();
    let verdict = match good {
        g if g == gil.len() => Verdict::Confirmed,
        0 => Verdict::Refuted,
        _ => Verdict::Partly,
    };
    let mut ev = format!(
        "io_sleep (1 ms sleeps) over {n} threads: {} (ideal {n}.00x).",
        gil.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("; ")
    );
    let file: Vec<String> = d
        .gil_variants("io_file")
        .iter()
        .filter_map(|v| scaling(d, "io_file", v, n))
        .map(|(_, t)| t)
        .collect();
    if !file.is_empty() {
        let _ = write!(
            ev,
            " io_file (64 KiB reads from the page cache, mostly copying): {}.",
            file.join("; ")
        );
    }
    Claim { id, claim, source, verdict, evidence: ev }
}

/// Fine-grained locks make single-threaded code about twice as slow.
pub fn fine_locks_cost(d: &Data) -> Claim {
    let (id, claim, source) = (
        "fine-locks-2x",
        "Replacing the GIL with fine-grained locks makes single-threaded code about 2x slower.",
        "002 (AlgoMaster), 000 (\"extremely slow\"), Python FAQ on Stein's 1996 patch",
    );
    let mut parts = Vec::new();
    let mut ratios = Vec::new();
    let (fine_name, base_name) = (d.of_family(Family::ObjectLocks), d.baseline());
    for w in ["countdown", "shared_read", "counter"] {
        let fine = fine_name.and_then(|f| d.default_variant(w, f));
        let base = base_name.and_then(|b| d.default_variant(w, b));
        let (Some(r), Some(base)) = (fine.and_then(|f| d.get(w, &f, 1)), base) else {
            continue;
        };
        let Some(b) = d.get(w, &base, 1) else { continue };
        let ratio = Data::per_op(r) / Data::per_op(b);
        ratios.push(ratio);
        parts.push(format!("{w} {ratio:.2}x"));
    }
    let Some(g) = geomean(&ratios) else {
        return not_measured(
            id,
            claim,
            source,
            "a per-object-locks backend and the GIL baseline were not both measured at 1 thread.",
        );
    };
    let verdict = if g >= 1.5 {
        Verdict::Confirmed
    } else if g >= 1.15 {
        Verdict::Partly
    } else {
        Verdict::Refuted
    };
    Claim {
        id,
        claim,
        source,
        verdict,
        evidence: format!(
            "`{}` at 1 thread relative to `{}`: {} (geometric mean {g:.2}x).",
            fine_name.unwrap_or_default(),
            base_name.unwrap_or_default(),
            parts.join(", ")
        ),
    }
}

/// A CAS retry loop on reference counts can spin under contention.
pub fn cas_spins(d: &Data) -> Claim {
    let (id, claim, source) = (
        "cas-spins",
        "Atomic (compare-and-swap) reference counts can spin in retry loops under contention.",
        "000 (GIL blog post)",
    );
    let with: Vec<&Record> =
        d.records.iter().filter(|r| r.stats.contains_key("cas_retries") && r.threads > 1).collect();
    if with.is_empty() {
        return not_measured(
            id,
            claim,
            source,
            "no backend reporting `cas_retries` ran with more than one thread.",
        );
    }
    let mut parts = Vec::new();
    let mut worst: f64 = 0.0;
    for r in &with {
        let retries = r.stats["cas_retries"];
        let per_m = retries / (r.stats.get("refcount_ops").copied().unwrap_or(0.0).max(1.0)) * 1e6;
        worst = worst.max(retries);
        if retries > 0.0 || r.workload == "shared_read" {
            parts.push(format!(
                "`{}` {} at {} threads: {retries:.0} retries ({per_m:.1} per million refcount operations)",
                r.variant(),
                r.workload,
                r.threads
            ));
        }
    }
    let verdict = if worst > 0.0 { Verdict::Confirmed } else { Verdict::Refuted };
    let ev = if parts.is_empty() {
        format!(
            "{} multi-threaded runs of backends with CAS counters saw no retry at all.",
            with.len()
        )
    } else {
        format!("{}.", parts.join("; "))
    };
    Claim { id, claim, source, verdict, evidence: ev }
}

/// Processes give real parallelism, at a start-up cost.
pub fn processes(d: &Data) -> Claim {
    let (id, claim, source) = (
        "processes",
        "Processes give real parallelism on CPU-bound code, at a start-up cost.",
        "000 (GIL blog post), 001 (two processes 4.3 s vs 6.6 s), 003 (fork + pipes)",
    );
    let n = max_threads(d, "countdown");
    let procs = d.processes().unwrap_or_default();
    let scale = n
        .zip(d.default_variant("countdown", procs))
        .and_then(|(n, v)| scaling(d, "countdown", &v, n));
    let base = d.baseline().unwrap_or_default();
    let spawn = d
        .default_variant("spawn", procs)
        .and_then(|v| d.get("spawn", &v, 1))
        .zip(d.default_variant("spawn", base).and_then(|b| d.get("spawn", &b, 1)));
    if scale.is_none() && spawn.is_none() {
        return not_measured(
            id,
            claim,
            source,
            "no backend whose threads are processes was measured (countdown at 1 and N threads, or spawn).",
        );
    }
    let mut ev = Vec::new();
    let parallel = scale.as_ref().map(|(s, t)| {
        ev.push(format!("countdown: {t}"));
        *s >= 1.3
    });
    let costly = spawn.map(|(p, t)| {
        let (pp, tt) = (Data::per_op(p), Data::per_op(t));
        let first = |r: &Record| r.metrics.get("first_round_s").copied();
        let mut text = format!(
            "starting and joining a worker costs {:.0} µs on `{procs}` vs {:.0} µs for a thread on `{}` ({:.1}x)",
            pp * 1e6,
            tt * 1e6,
            t.variant(),
            pp / tt
        );
        let start_up = match (first(p), first(t)) {
            (Some(fp), Some(ft)) if ft > 0.0 => {
                let _ = write!(
                    text,
                    "; the first one (worker processes started) {:.2} ms vs {:.2} ms ({:.1}x)",
                    fp * 1e3,
                    ft * 1e3,
                    fp / ft
                );
                fp / ft
            }
            _ => pp / tt,
        };
        ev.push(text);
        start_up > 2.0
    });
    let verdict = match (parallel, costly) {
        (Some(true), Some(true)) => Verdict::Confirmed,
        (Some(false), Some(false)) => Verdict::Refuted,
        (None, _) | (_, None) | (Some(_), Some(_)) => Verdict::Partly,
    };
    Claim { id, claim, source, verdict, evidence: format!("{}.", ev.join("; ")) }
}

/// The convoy effect: I/O-bound threads wait behind CPU-bound ones.
pub fn convoy(d: &Data) -> Claim {
    let (id, claim, source) = (
        "convoy",
        "The GIL can make I/O-bound threads wait behind CPU-bound ones (the convoy effect).",
        "004 (Python wiki), bpo-7946 (Beazley)",
    );
    let w = "convoy";
    let k = d.threads(w).into_iter().filter(|t| *t > 0).max();
    let describe = |v: &str, k: u32| -> Option<(f64, String)> {
        let idle = d.get(w, v, 0)?;
        let busy = d.get(w, v, k)?;
        let (r0, r1) = (idle.metrics.get("rps")?, busy.metrics.get("rps")?);
        let p99 = busy.metrics.get("p99_ms").copied().unwrap_or(0.0);
        Some((
            r0 / r1,
            format!(
                "`{v}` {r0:.0} → {r1:.0} requests/s ({:.3}x the idle rate), p99 {p99:.2} ms",
                r1 / r0
            ),
        ))
    };
    let Some(k) = k else {
        return not_measured(
            id,
            claim,
            source,
            "convoy was not measured with CPU-bound threads running.",
        );
    };
    let gil: Vec<(f64, String)> = d.gil_variants(w).iter().filter_map(|v| describe(v, k)).collect();
    if gil.is_empty() {
        return not_measured(
            id,
            claim,
            source,
            "no GIL runtime ran convoy both idle and with CPU-bound threads.",
        );
    }
    let hit = gil.iter().filter(|(f, _)| *f >= 2.0).count();
    let verdict = match hit {
        h if h == gil.len() => Verdict::Confirmed,
        0 => Verdict::Refuted,
        _ => Verdict::Partly,
    };
    let mut ev = format!(
        "echo server idle vs with {k} CPU-bound thread(s): {}.",
        gil.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("; ")
    );
    let others: Vec<String> = d
        .variants(w)
        .into_iter()
        .filter(|v| !d.gil_variants(w).contains(v))
        .filter_map(|v| describe(&v, k))
        .map(|(_, t)| t)
        .collect();
    if !others.is_empty() {
        let _ = write!(ev, " Other policies and backends: {}.", others.join("; "));
    }
    Claim { id, claim, source, verdict, evidence: ev }
}

/// asyncio: many I/O tasks in one thread, without the GIL's hand-offs.
pub fn asyncio_one_thread(d: &Data) -> Claim {
    let (id, claim, source) = (
        "asyncio",
        "asyncio serves many I/O tasks in one thread, without the GIL's hand-offs.",
        "002 (AlgoMaster)",
    );
    let w = "async_sleep";
    let Some(n) = max_threads(d, w) else {
        return not_measured(
            id,
            claim,
            source,
            "async_sleep was not measured with more than one task.",
        );
    };
    let switches =
        |w: &str, v: &str| d.get(w, v, n).and_then(|r| r.stats.get("gil_switches").copied());
    let mut parts = Vec::new();
    let mut verdicts = Vec::new();
    for v in d.gil_variants(w) {
        let Some((s, text)) = scaling(d, w, &v, n) else { continue };
        let scales = s >= 0.8 * f64::from(n);
        let mut text = text.replace(" thread", " task");
        let quiet = match (switches(w, &v), switches("io_sleep", &v)) {
            (Some(a), Some(t)) => {
                let _ = write!(
                    text,
                    "; GIL hand-offs at {n}: {a:.0} with tasks vs {t:.0} with io_sleep's {n} threads"
                );
                Some(a <= 0.1 * t.max(1.0))
            }
            _ => None,
        };
        verdicts.push((scales, quiet));
        parts.push(text);
    }
    if verdicts.is_empty() {
        return not_measured(id, claim, source, "no GIL runtime ran async_sleep at 1 and N tasks.");
    }
    // Hand-offs are judged where a runtime counts them (CPython's row has no counters).
    let all_scale = verdicts.iter().all(|(s, _)| *s);
    let noisy = verdicts.iter().any(|(_, q)| *q == Some(false));
    let quiet = verdicts.iter().any(|(_, q)| *q == Some(true));
    let verdict = if all_scale && quiet && !noisy {
        Verdict::Confirmed
    } else if verdicts.iter().all(|(s, _)| !*s) {
        Verdict::Refuted
    } else {
        Verdict::Partly
    };
    let mut ev = format!(
        "async_sleep (1 ms sleeps) over {n} tasks in one thread: {} (ideal {n}.00x).",
        parts.join("; ")
    );
    let others: Vec<String> = d
        .variants(w)
        .into_iter()
        .filter(|v| !d.gil_variants(w).contains(v))
        .filter_map(|v| scaling(d, w, &v, n))
        .map(|(_, t)| t.replace(" thread", " task"))
        .collect();
    if !others.is_empty() {
        let _ = write!(ev, " Elsewhere: {}.", others.join("; "));
    }
    let waiters: Vec<String> = d
        .variants("many_waiters")
        .into_iter()
        .filter_map(|v| {
            let r = d.get("many_waiters", &v, 1)?;
            let m = |k: &str| r.metrics.get(k).copied();
            Some(format!(
                "`{v}` {} tasks start in {:.1} ms at {:.2} KiB each, {} threads in {:.1} ms at {:.2} KiB each",
                r.ops,
                m("tasks_start_ms")?,
                m("tasks_kb_each")?,
                r.ops,
                m("threads_start_ms")?,
                m("threads_kb_each")?
            ))
        })
        .collect();
    if !waiters.is_empty() {
        let _ = write!(ev, " Many waiters at once: {}.", waiters.join("; "));
    }
    let _ = write!(
        ev,
        " Rule: confirmed when every GIL runtime's {n} tasks reach 0.8x{n} the 1-task rate and, \
         where hand-offs are counted, make at most a tenth of io_sleep's with {n} threads; \
         refuted when none scales."
    );
    Claim { id, claim, source, verdict, evidence: ev }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::{data, rec};

    fn with_metric(mut r: Record, k: &str, v: f64) -> Record {
        r.metrics.insert(k.into(), v);
        r.metrics_max.insert(k.into(), v);
        r
    }

    #[test]
    fn two_threads_slower_is_confirmed_and_the_opposite_refuted() {
        let slower = data(vec![
            rec("countdown", "gil/interval", 1, 1.0, 100),
            rec("countdown", "gil/interval", 2, 1.5, 100),
        ]);
        assert_eq!(two_slower_than_one(&slower).verdict, Verdict::Confirmed);
        let faster = data(vec![
            rec("countdown", "gil/interval", 1, 1.0, 100),
            rec("countdown", "gil/interval", 2, 0.6, 100),
        ]);
        let c = two_slower_than_one(&faster);
        assert_eq!(c.verdict, Verdict::Refuted);
        assert!(c.evidence.contains("0.60x"), "{}", c.evidence);
        assert_eq!(no_cpu_speedup(&faster).verdict, Verdict::Refuted);
        assert_eq!(no_cpu_speedup(&slower).verdict, Verdict::Confirmed);
    }

    #[test]
    fn missing_data_is_not_measured() {
        let d = data(vec![rec("countdown", "gil/interval", 1, 1.0, 100)]);
        for c in check_all(&d) {
            assert_eq!(c.verdict, Verdict::NotMeasured, "{}: {}", c.id, c.evidence);
        }
    }

    #[test]
    fn io_scaling_and_fine_lock_cost() {
        let d = data(vec![
            rec("io_sleep", "gil/interval", 1, 0.2, 200),
            rec("io_sleep", "gil/interval", 2, 0.1, 200),
            rec("countdown", "gil/interval", 1, 1.0, 100),
            rec("countdown", "objlock", 1, 2.1, 100),
        ]);
        assert_eq!(io_scales(&d).verdict, Verdict::Confirmed);
        let c = fine_locks_cost(&d);
        assert_eq!(c.verdict, Verdict::Confirmed);
        assert!(c.evidence.contains("2.10x"), "{}", c.evidence);
        let cheap = data(vec![
            rec("countdown", "gil/interval", 1, 1.0, 100),
            rec("countdown", "objlock", 1, 1.05, 100),
        ]);
        assert_eq!(fine_locks_cost(&cheap).verdict, Verdict::Refuted);
    }

    #[test]
    fn lost_updates_and_convoy() {
        let d = data(vec![
            with_metric(rec("counter", "gil/interval", 2, 1.0, 200), "lost_updates", 0.0),
            with_metric(rec("counter", "atomic", 2, 1.0, 200), "lost_updates", 30.0),
        ]);
        let c = increment_not_atomic(&d);
        assert_eq!(c.verdict, Verdict::Partly);
        assert!(c.evidence.contains("30 of 100 lost"), "{}", c.evidence);
        let d = data(vec![
            with_metric(rec("convoy", "gil/interval", 0, 1.0, 100), "rps", 10_000.0),
            with_metric(rec("convoy", "gil/interval", 1, 1.0, 100), "rps", 100.0),
            with_metric(rec("convoy", "gil/io-priority", 0, 1.0, 100), "rps", 10_000.0),
            with_metric(rec("convoy", "gil/io-priority", 1, 1.0, 100), "rps", 5_000.0),
        ]);
        let c = convoy(&d);
        assert_eq!(c.verdict, Verdict::Confirmed);
        assert!(
            c.evidence.contains("0.010x the idle rate") && c.evidence.contains("io-priority"),
            "{}",
            c.evidence
        );
    }

    #[test]
    fn cas_retries_and_processes() {
        let mut r = rec("shared_read", "atomic", 2, 1.0, 100);
        r.stats.insert("cas_retries".into(), 0.0);
        assert_eq!(cas_spins(&data(vec![r.clone()])).verdict, Verdict::Refuted);
        r.stats.insert("cas_retries".into(), 12.0);
        assert_eq!(cas_spins(&data(vec![r])).verdict, Verdict::Confirmed);
        let d = data(vec![
            rec("countdown", "shard", 1, 1.0, 100),
            rec("countdown", "shard", 2, 0.55, 100),
            rec("spawn", "shard", 1, 1.0, 100),
            rec("spawn", "gil/interval", 1, 0.01, 100),
        ]);
        assert_eq!(processes(&d).verdict, Verdict::Confirmed);
        // Cheap per thread once the workers run, but the first round starts the processes.
        let d = data(vec![
            rec("countdown", "shard", 1, 1.0, 100),
            rec("countdown", "shard", 2, 0.55, 100),
            with_metric(rec("spawn", "shard", 1, 0.011, 100), "first_round_s", 0.006),
            with_metric(rec("spawn", "gil/interval", 1, 0.01, 100), "first_round_s", 0.0002),
        ]);
        let c = processes(&d);
        assert_eq!(c.verdict, Verdict::Confirmed, "{}", c.evidence);
        assert!(c.evidence.contains("6.00 ms vs 0.20 ms (30.0x)"), "{}", c.evidence);
    }

    #[test]
    fn asyncio_claim_needs_scaling_and_few_hand_offs() {
        let with_switches = |mut r: Record, n: f64| {
            r.stats.insert("gil_switches".into(), n);
            r
        };
        let good = data(vec![
            with_switches(rec("async_sleep", "gil/interval", 1, 1.0, 100), 0.0),
            with_switches(rec("async_sleep", "gil/interval", 2, 0.5, 100), 1.0),
            with_switches(rec("io_sleep", "gil/interval", 2, 0.5, 100), 200.0),
        ]);
        assert_eq!(asyncio_one_thread(&good).verdict, Verdict::Confirmed);
        let with_cpython = data(vec![
            with_switches(rec("async_sleep", "gil/interval", 1, 1.0, 100), 0.0),
            with_switches(rec("async_sleep", "gil/interval", 2, 0.5, 100), 1.0),
            with_switches(rec("io_sleep", "gil/interval", 2, 0.5, 100), 200.0),
            rec("async_sleep", "cpython", 1, 1.0, 100),
            rec("async_sleep", "cpython", 2, 0.52, 100),
        ]);
        assert_eq!(asyncio_one_thread(&with_cpython).verdict, Verdict::Confirmed);
        let mut waiters = rec("many_waiters", "gil/interval", 1, 1.0, 10_000);
        for (k, v) in [
            ("tasks_start_ms", 20.0),
            ("tasks_kb_each", 1.5),
            ("threads_start_ms", 900.0),
            ("threads_kb_each", 16.0),
        ] {
            waiters = with_metric(waiters, k, v);
        }
        let with_waiters = data(vec![
            rec("async_sleep", "gil/interval", 1, 1.0, 100),
            rec("async_sleep", "gil/interval", 2, 0.5, 100),
            waiters,
        ]);
        let ev = asyncio_one_thread(&with_waiters).evidence;
        assert!(ev.contains("10000 tasks start in 20.0 ms at 1.50 KiB each"), "{ev}");
        assert!(ev.contains("10000 threads in 900.0 ms at 16.00 KiB each"), "{ev}");
        let busy = data(vec![
            with_switches(rec("async_sleep", "gil/interval", 1, 1.0, 100), 0.0),
            with_switches(rec("async_sleep", "gil/interval", 2, 0.5, 100), 150.0),
            with_switches(rec("io_sleep", "gil/interval", 2, 0.5, 100), 200.0),
        ]);
        assert_eq!(asyncio_one_thread(&busy).verdict, Verdict::Partly);
        let serial = data(vec![
            rec("async_sleep", "gil/interval", 1, 1.0, 100),
            rec("async_sleep", "gil/interval", 2, 1.0, 100),
        ]);
        assert_eq!(asyncio_one_thread(&serial).verdict, Verdict::Refuted);
        let none = data(vec![rec("async_sleep", "gil/interval", 1, 1.0, 100)]);
        assert_eq!(asyncio_one_thread(&none).verdict, Verdict::NotMeasured);
    }
}
