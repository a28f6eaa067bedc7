//! "`n += 1` is not atomic, even with a GIL", checked per generation of the GIL: the records
//! of `counter` (unlocked increments of one global, lost updates counted) are grouped by the
//! GIL each runtime has — each GIL policy by the interpreter's GIL it models, as the caller
//! describes it (Python 2's check interval, CPython 3.2+'s switch interval, ...), CPython by its
//! own — and each group gets its verdict: loses updates, or lost none.

use super::{Claim, Verdict, not_measured};
use crate::analysis::Data;
use crate::record::{CPYTHON, Record};
use std::fmt::Write as _;

/// `r`'s lost updates, as "`variant` N threads: L of T lost (P %)".
fn describe(r: &Record) -> String {
    let lost = r.metrics_max["lost_updates"];
    let total = r.ops as f64 / 2.0;
    format!(
        "`{}` {} threads: {lost:.0} of {total:.0} lost ({:.1} %)",
        r.variant(),
        r.threads,
        lost / total.max(1.0) * 100.0
    )
}

/// The GIL `r` ran under, by what it models; `None` without one (and for worker processes,
/// which each have their own).
fn generation(d: &Data, r: &Record) -> Option<String> {
    if r.backend == CPYTHON {
        return Some("CPython's own GIL".into());
    }
    let policy = r.policy.as_deref()?;
    if d.is_processes(&r.backend) {
        return None;
    }
    Some(
        d.policy_models(&r.backend, policy).map_or_else(
            || format!("the GIL of the `{policy}` policy"),
            |m| format!("the GIL of {m}"),
        ),
    )
}

/// `n += 1` is not atomic, even with a GIL.
pub fn increment_not_atomic(d: &Data) -> Claim {
    let (id, claim, source) = (
        "increment-not-atomic",
        "`n += 1` is several bytecodes and loses updates when threads race, even with a GIL.",
        "003 (Grok the GIL: Python 2.7's GIL, taken away every 1000 bytecodes)",
    );
    let racy: Vec<&Record> = d
        .of("counter")
        .filter(|r| r.threads > 1 && r.metrics_max.contains_key("lost_updates"))
        .collect();
    if racy.is_empty() {
        return not_measured(
            id,
            claim,
            source,
            "counter was not measured with more than one thread.",
        );
    }
    let mut gens: Vec<(String, Vec<&Record>)> = Vec::new();
    let mut free: Vec<&Record> = Vec::new();
    for r in &racy {
        match generation(d, r) {
            Some(g) => match gens.iter_mut().find(|(name, _)| *name == g) {
                Some((_, rs)) => rs.push(r),
                None => gens.push((g, vec![r])),
            },
            None => free.push(r),
        }
    }
    let lost = |r: &Record| r.metrics_max["lost_updates"] > 0.0;
    let mut parts = Vec::new();
    let mut losing = 0;
    for (g, rs) in &gens {
        let mut variants: Vec<String> = rs.iter().map(|r| format!("`{}`", r.variant())).collect();
        variants.dedup();
        let hit: Vec<String> = rs.iter().filter(|r| lost(r)).map(|r| describe(r)).collect();
        if hit.is_empty() {
            parts.push(format!("{g} ({}): no update lost", variants.join(", ")));
        } else {
            losing += 1;
            parts.push(format!("{g} ({}): loses updates: {}", variants.join(", "), hit.join(", ")));
        }
    }
    let free_lost: Vec<String> = free.iter().filter(|r| lost(r)).map(|r| describe(r)).collect();
    let verdict = match (losing, gens.len()) {
        (l, g) if l > 0 && l == g => Verdict::Confirmed,
        (l, _) if l > 0 => Verdict::Partly,
        _ if !free_lost.is_empty() => Verdict::Partly,
        _ => Verdict::Refuted,
    };
    let mut ev = if gens.is_empty() {
        "no runtime with a GIL ran counter with more than one thread.".to_string()
    } else {
        format!("Per GIL generation: {}.", parts.join("; "))
    };
    if free_lost.is_empty() {
        if !free.is_empty() {
            ev.push_str(" Without a GIL no update was lost either.");
        }
    } else {
        let _ = write!(ev, " Without a GIL the race is real: {}.", free_lost.join("; "));
    }
    Claim { id, claim, source, verdict, evidence: ev }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::{data, rec};

    fn lost(variant: &str, n: f64) -> Record {
        let mut r = rec("counter", variant, 2, 1.0, 2_000_000);
        r.metrics.insert("lost_updates".into(), n);
        r.metrics_max.insert("lost_updates".into(), n);
        r
    }

    #[test]
    fn each_gil_generation_gets_its_verdict() {
        let d = data(vec![
            lost("gil/interval", 0.0),
            lost("gil/ticks", 394_000.0),
            lost("gil/io-priority", 0.0),
            lost("cpython", 0.0),
            lost("atomic", 12.0),
        ]);
        let c = increment_not_atomic(&d);
        assert_eq!(c.verdict, Verdict::Partly, "{}", c.evidence);
        for part in [
            "the GIL of Python 2 (`gil/ticks`): loses updates: `gil/ticks` 2 threads: 394000 of 1000000 lost (39.4 %)",
            "the GIL of CPython 3.2+ (`gil/interval`): no update lost",
            "CPython's own GIL (`cpython`): no update lost",
            "Without a GIL the race is real: `atomic` 2 threads: 12 of 1000000 lost",
        ] {
            assert!(c.evidence.contains(part), "{part}\n{}", c.evidence);
        }
        // Every generation losing confirms it; none losing anywhere refutes it.
        let all = data(vec![lost("gil/interval", 5.0), lost("gil/ticks", 9.0)]);
        assert_eq!(increment_not_atomic(&all).verdict, Verdict::Confirmed);
        let none = data(vec![lost("gil/ticks", 0.0), lost("atomic", 0.0)]);
        let c = increment_not_atomic(&none);
        assert_eq!(c.verdict, Verdict::Refuted);
        assert!(c.evidence.contains("Without a GIL no update was lost either."), "{}", c.evidence);
    }
}
