//! "Sharing data between processes costs more than between threads", from the `sharing`
//! workload: the same producer/consumer job and the same ping-pong over `queue.Queue` between
//! two threads and over `multiprocessing.Queue`, `Pipe`, a locked shared `Array` and a
//! `Manager`'s queue between two processes. Per runtime, each process mechanism's round trip and throughput are set against
//! the threads' queue; the claim holds where every mechanism costs more on both counts.

use super::{Claim, Verdict, not_measured};
use crate::analysis::Data;

/// The process mechanisms the workload measures, with the names the report prints.
const MECHANISMS: [(&str, &str); 4] = [
    ("mp_queue", "`multiprocessing.Queue`"),
    ("pipe", "`Pipe`"),
    ("array", "shared `Array` + lock"),
    ("manager", "`Manager().Queue()`"),
];

/// Sharing data between processes costs more than between threads.
pub fn processes_share_at_a_cost(d: &Data) -> Claim {
    let (id, claim, source) = (
        "sharing",
        "Sharing data between processes costs more than between threads.",
        "002 (AlgoMaster: processes need explicit mechanisms, queues, shared memory, pipes)",
    );
    let mut parts = Vec::new();
    let mut verdicts = Vec::new();
    for v in d.variants("sharing") {
        let Some(r) = d.get("sharing", &v, 1) else { continue };
        let m = |k: &str| r.metrics.get(k).copied().filter(|x| *x > 0.0);
        let (Some(t_rtt), Some(t_rate)) = (m("thread_queue_rtt_us"), m("thread_queue_items_per_s"))
        else {
            continue;
        };
        let mut each = Vec::new();
        let mut costlier = Vec::new();
        for (key, label) in MECHANISMS {
            let (Some(rtt), Some(rate)) =
                (m(&format!("{key}_rtt_us")), m(&format!("{key}_items_per_s")))
            else {
                continue;
            };
            each.push(format!(
                "{label} {rtt:.0} µs ({:.1}x), {:.0} items/s ({:.1}x fewer)",
                rtt / t_rtt,
                rate,
                t_rate / rate
            ));
            costlier.push(rtt > t_rtt && rate < t_rate);
        }
        if costlier.is_empty() {
            continue;
        }
        parts.push(format!(
            "`{v}`: threads' `queue.Queue` {t_rtt:.0} µs per round trip, {t_rate:.0} items/s; {}",
            each.join("; ")
        ));
        verdicts.extend(costlier);
    }
    if verdicts.is_empty() {
        return not_measured(id, claim, source, "the sharing workload was not measured.");
    }
    let verdict = if verdicts.iter().all(|c| *c) {
        Verdict::Confirmed
    } else if verdicts.iter().all(|c| !*c) {
        Verdict::Refuted
    } else {
        Verdict::Partly
    };
    Claim {
        id,
        claim,
        source,
        verdict,
        evidence: format!(
            "one producer hands integers to one consumer, then the two bounce one back and \
             forth (round trip; the ratio is to the threads' queue): {}.",
            parts.join(". ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::{data, rec};
    use crate::record::Record;

    fn sharing(backend: &str, thread: (f64, f64), others: [(f64, f64); 4]) -> Record {
        let mut r = rec("sharing", backend, 1, 0.1, 4000);
        let mut put = |k: &str, (rtt, rate): (f64, f64)| {
            r.metrics.insert(format!("{k}_rtt_us"), rtt);
            r.metrics.insert(format!("{k}_items_per_s"), rate);
        };
        put("thread_queue", thread);
        for ((k, _), v) in MECHANISMS.iter().zip(others) {
            put(k, v);
        }
        r
    }

    #[test]
    fn costlier_everywhere_confirms_and_a_cheaper_one_makes_it_partly() {
        let d = data(vec![sharing(
            "gil",
            (10.0, 1e6),
            [(40.0, 5e5), (50.0, 1e5), (70.0, 8e4), (90.0, 2e4)],
        )]);
        let c = processes_share_at_a_cost(&d);
        assert_eq!(c.verdict, Verdict::Confirmed, "{}", c.evidence);
        assert!(c.evidence.contains("`Pipe` 50 µs (5.0x)"), "{}", c.evidence);
        let d = data(vec![sharing(
            "gil",
            (10.0, 1e6),
            [(5.0, 5e5), (50.0, 1e5), (70.0, 8e4), (90.0, 2e4)],
        )]);
        assert_eq!(processes_share_at_a_cost(&d).verdict, Verdict::Partly);
        assert_eq!(processes_share_at_a_cost(&data(vec![])).verdict, Verdict::NotMeasured);
    }
}
