//! "Free threading scales on shared reads": threads that only read objects they share should
//! run in parallel once the GIL is gone (PEP 703's aim, which CPython's ftscalingbench
//! checks). Judged on `shared_read` at 2 threads, with the other shared-object workloads
//! (`method_call`, `attr_read`, `dict_read`) as supporting evidence; a verdict per
//! free-threaded backend (the described backends outside the global-lock family whose threads
//! share memory) and one for the claim from the best of them.

use super::{Claim, Verdict, not_measured};
use crate::analysis::{Data, Family};
use std::fmt::Write as _;

/// The workload the verdict rests on.
const MAIN: &str = "shared_read";
/// The other workloads whose threads read one shared object.
const OTHERS: [&str; 3] = ["method_call", "attr_read", "dict_read"];
/// Speedup at 2 threads that counts as scaling.
const SCALES: f64 = 1.6;
/// Speedup at 2 threads below which nothing scaled.
const SOME: f64 = 1.2;
/// The thread count judged.
const N: u32 = 2;

fn word(s: f64) -> &'static str {
    if s >= SCALES {
        "scales"
    } else if s >= SOME {
        "scales partly"
    } else {
        "does not scale"
    }
}

/// Speedups of `backend` (its default configuration) at [`N`] threads on `w`.
fn speedup(d: &Data, w: &str, backend: &str) -> Option<f64> {
    let v = d.default_variant(w, backend)?;
    d.speedup(w, &v, N)
}

/// Free threading scales on shared reads.
pub fn free_threading_scales(d: &Data) -> Claim {
    let (id, claim, source) = (
        "free-threading-scales",
        "Without a GIL, threads that only read shared objects run in parallel (free threading scales on shared reads).",
        "PEP 703, CPython's Tools/ftscalingbench (issue 13)",
    );
    let free: Vec<&str> = d
        .backends
        .iter()
        .filter(|b| b.family != Family::GlobalLock && b.threads_share_memory)
        .map(|b| b.name.as_str())
        .collect();
    // (backend, shared_read speedup, whether it reached SCALES on every other one measured, text)
    let mut judged: Vec<(&str, f64, bool, String)> = Vec::new();
    for b in &free {
        let Some(main) = speedup(d, MAIN, b) else { continue };
        let others: Vec<(&str, f64)> =
            OTHERS.iter().filter_map(|w| Some((*w, speedup(d, w, b)?))).collect();
        let all_scale = others.iter().all(|(_, s)| *s >= SCALES);
        let mut text = format!("`{b}` {}: {MAIN} {main:.2}x", word(main));
        for (w, s) in &others {
            let _ = write!(text, ", {w} {s:.2}x");
        }
        judged.push((b, main, all_scale, text));
    }
    let rule = format!(
        "Rule: speedup = time at 1 thread / time at {N} threads (medians, per operation); confirmed when the best free-threaded backend reaches {SCALES}x on {MAIN} and on each of {} it was measured on, partly when it reaches {SCALES}x on {MAIN} only or {SOME}x–{SCALES}x, refuted below {SOME}x.",
        OTHERS.join(", ")
    );
    let Some(best) = judged.iter().max_by(|a, b| a.1.total_cmp(&b.1)) else {
        return not_measured(
            id,
            claim,
            source,
            &format!("no free-threaded backend ran {MAIN} at 1 and {N} threads. {rule}"),
        );
    };
    let verdict = match (best.1, best.2) {
        (s, true) if s >= SCALES => Verdict::Confirmed,
        (s, _) if s >= SOME => Verdict::Partly,
        _ => Verdict::Refuted,
    };
    let mut ev = format!(
        "At {N} threads: {}. {rule}",
        judged.iter().map(|j| j.3.as_str()).collect::<Vec<_>>().join("; ")
    );
    if let Some((base, s)) = d.baseline().and_then(|b| Some((b, speedup(d, MAIN, b)?))) {
        let _ = write!(ev, " For contrast, the GIL baseline `{base}`: {MAIN} {s:.2}x.");
    }
    Claim { id, claim, source, verdict, evidence: ev }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::{data, rec};

    fn pair(w: &str, v: &str, speedup: f64) -> [crate::Record; 2] {
        [rec(w, v, 1, 1.0, 100), rec(w, v, 2, 1.0 / speedup, 100)]
    }

    #[test]
    fn the_best_free_threaded_backend_decides() {
        let mut recs: Vec<crate::Record> = Vec::new();
        recs.extend(pair("shared_read", "atomic", 1.8));
        recs.extend(pair("shared_read", "objlock", 0.7));
        recs.extend(pair("shared_read", "gil/interval", 1.0));
        // The process backend's workers each have their own copy: never judged.
        recs.extend(pair("shared_read", "shard/interval", 1.95));
        recs.extend(pair("attr_read", "atomic", 1.7));
        let c = free_threading_scales(&data(recs.clone()));
        assert_eq!(c.verdict, Verdict::Confirmed, "{}", c.evidence);
        assert!(c.evidence.contains("`atomic` scales: shared_read 1.80x, attr_read 1.70x"));
        assert!(c.evidence.contains("`objlock` does not scale: shared_read 0.70x"));
        assert!(c.evidence.contains("the GIL baseline `gil`: shared_read 1.00x"), "{}", c.evidence);
        assert!(!c.evidence.contains("shard"), "{}", c.evidence);
        assert!(c.evidence.contains("Rule:"));
        // A shared-object workload that does not scale makes it partly.
        recs.extend(pair("dict_read", "atomic", 1.1));
        assert_eq!(free_threading_scales(&data(recs)).verdict, Verdict::Partly);
    }

    #[test]
    fn thresholds_and_missing_data() {
        let v = |s| free_threading_scales(&data(pair("shared_read", "biased", s).into())).verdict;
        assert_eq!(v(1.65), Verdict::Confirmed);
        assert_eq!(v(1.4), Verdict::Partly);
        assert_eq!(v(1.1), Verdict::Refuted);
        let only_gil = data(pair("shared_read", "gil/interval", 1.0).into());
        assert_eq!(free_threading_scales(&only_gil).verdict, Verdict::NotMeasured);
    }
}
