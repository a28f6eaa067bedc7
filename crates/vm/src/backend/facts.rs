//! Typed backend facts and counters.
//!
//! [`Facts`] is what a strategy *is*, as a constant of its [`Backend`](super::Backend) impl:
//! read by `gillab backends`, by the CLI (which backends take `--gil-policy`), by `compare` and
//! by the report, without constructing a backend. [`Stats`] is what it *did*: one typed struct
//! for every backend's counters, serialised once ([`Stats::to_json`]) into the `--stats` line
//! that the benchmark records carry.

use super::gil::Policy;
use serde::Serialize;

/// The family a strategy belongs to: what the report's claims compare (the literature's
/// "fine-grained locks" claim is about [`Strategy::ObjectLocks`], and so on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Strategy {
    /// One lock for the whole interpreter; plain counts and contents under it.
    GlobalLock,
    /// A lock per object (per count and per contents); readers lock.
    ObjectLocks,
    /// Atomic compare-and-swap counts, with reclamation deferred through epochs.
    AtomicCounts,
    /// Biased counts: plain for the owning thread, atomic for the others.
    BiasedCounts,
}

impl Strategy {
    /// A short label for reports.
    pub fn label(self) -> &'static str {
        match self {
            Strategy::GlobalLock => "global lock",
            Strategy::ObjectLocks => "per-object locks",
            Strategy::AtomicCounts => "atomic counts",
            Strategy::BiasedCounts => "biased counts",
        }
    }
}

/// What a backend with the GIL capability ([`super::GilControl`]) offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GilFacts {
    /// The hand-off policies it implements (`--gil-policy` accepts these).
    pub policies: &'static [Policy],
    /// The policy it runs under unless told otherwise.
    pub default: Policy,
}

/// What a backend is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    /// One line for `gillab backends`.
    pub description: &'static str,
    /// The strategy's family.
    pub strategy: Strategy,
    /// `Some` exactly when [`super::Backend::gil`] returns `Some`.
    pub gil: Option<GilFacts>,
    /// The counters its [`Stats`] fill in.
    pub counters: &'static [Counter],
}

impl Facts {
    /// Whether `--gil-policy policy` applies to this backend.
    pub fn takes_policy(&self, policy: Policy) -> bool {
        self.gil.is_some_and(|g| g.policies.contains(&policy))
    }
}

/// A counter a backend may offer; its name is the key in the `--stats` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Counter {
    /// Times the GIL was taken.
    GilAcquisitions,
    /// Times the GIL passed to a different thread.
    GilSwitches,
    /// Hand-offs where the holder waited for another thread to take the lock.
    ForcedSwitches,
    /// Drop requests set by waiters whose interval ran out.
    DropRequests,
    /// Releases under the `ticks` policy.
    TickReleases,
    /// Drop requests set at once by threads back from I/O (`io-priority`).
    IoPriorityRequests,
    /// Seconds spent waiting to take the GIL.
    GilWaitSeconds,
    /// Per-object lock acquisitions.
    LockAcquisitions,
    /// Per-object lock acquisitions that found the lock held.
    ContendedAcquisitions,
    /// Compare-and-swap retries on counts.
    CasRetries,
    /// Increments that found a count already at zero.
    TryIncrefFailures,
    /// Frees deferred through the epoch.
    DeferredFrees,
    /// Objects queued to their owner by a non-owner's decrement.
    Queued,
    /// Counts merged (owner detached or queue full).
    Merges,
    /// Reads of guarded contents that took no lock (a reader-biased cell's fast path).
    UnlockedReads,
    /// Writes that revoked a cell's reader bias and scanned the reader slots.
    BiasRevocations,
    /// Count updates made on a count's shared half (by a thread that does not own the object,
    /// or on a merged one): atomic read-modify-writes of a line other threads may write too.
    SharedCountOps,
}

impl Counter {
    /// The key in the `--stats` line.
    pub fn name(self) -> &'static str {
        match self {
            Counter::GilAcquisitions => "gil_acquisitions",
            Counter::GilSwitches => "gil_switches",
            Counter::ForcedSwitches => "forced_switches",
            Counter::DropRequests => "drop_requests",
            Counter::TickReleases => "tick_releases",
            Counter::IoPriorityRequests => "io_priority_requests",
            Counter::GilWaitSeconds => "gil_wait_seconds",
            Counter::LockAcquisitions => "lock_acquisitions",
            Counter::ContendedAcquisitions => "contended_acquisitions",
            Counter::CasRetries => "cas_retries",
            Counter::TryIncrefFailures => "try_incref_failures",
            Counter::DeferredFrees => "deferred_frees",
            Counter::Queued => "queued",
            Counter::Merges => "merges",
            Counter::UnlockedReads => "unlocked_reads",
            Counter::BiasRevocations => "bias_revocations",
            Counter::SharedCountOps => "shared_count_ops",
        }
    }

    /// The counters of the GIL capability, in the order [`GilStats`] holds them.
    pub const GIL: [Counter; 7] = [
        Counter::GilAcquisitions,
        Counter::GilSwitches,
        Counter::ForcedSwitches,
        Counter::DropRequests,
        Counter::TickReleases,
        Counter::IoPriorityRequests,
        Counter::GilWaitSeconds,
    ];
}

fn policy_name<S: serde::Serializer>(p: &Policy, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(p.name())
}

/// The GIL capability's counters and settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GilStats {
    /// [`Counter::GilAcquisitions`].
    pub gil_acquisitions: u64,
    /// [`Counter::GilSwitches`].
    pub gil_switches: u64,
    /// [`Counter::ForcedSwitches`].
    pub forced_switches: u64,
    /// [`Counter::DropRequests`].
    pub drop_requests: u64,
    /// [`Counter::TickReleases`].
    pub tick_releases: u64,
    /// [`Counter::IoPriorityRequests`].
    pub io_priority_requests: u64,
    /// [`Counter::GilWaitSeconds`].
    pub gil_wait_seconds: f64,
    /// The policy in force.
    #[serde(serialize_with = "policy_name")]
    pub gil_policy: Policy,
    /// The switch interval in seconds.
    pub switch_interval: f64,
}

/// A backend's counters, plus what the VM adds (its registry name and its count of reference
/// operations). Fields a backend does not offer are `None` and absent from the JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// The `--backend` name (filled in by the VM).
    pub backend: &'static str,
    /// Reference-count operations counted by the VM (filled in by the VM).
    pub refcount_ops: u64,
    /// The GIL capability's counters.
    #[serde(flatten)]
    pub gil: Option<GilStats>,
    /// [`Counter::LockAcquisitions`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lock_acquisitions: Option<u64>,
    /// [`Counter::ContendedAcquisitions`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contended_acquisitions: Option<u64>,
    /// [`Counter::CasRetries`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cas_retries: Option<u64>,
    /// [`Counter::TryIncrefFailures`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub try_incref_failures: Option<u64>,
    /// [`Counter::DeferredFrees`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deferred_frees: Option<u64>,
    /// [`Counter::Queued`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queued: Option<u64>,
    /// [`Counter::Merges`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merges: Option<u64>,
    /// [`Counter::UnlockedReads`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unlocked_reads: Option<u64>,
    /// [`Counter::BiasRevocations`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bias_revocations: Option<u64>,
    /// [`Counter::SharedCountOps`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_count_ops: Option<u64>,
}

impl Stats {
    /// The one serialisation: a JSON object whose keys are [`Counter::name`]s plus `backend`,
    /// `refcount_ops`, and (with a GIL) `gil_policy` and `switch_interval`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// The counters that are filled in, in [`Counter`] order.
    pub fn offered(&self) -> Vec<Counter> {
        let mut out = Vec::new();
        if self.gil.is_some() {
            out.extend(Counter::GIL);
        }
        let rest = [
            (Counter::LockAcquisitions, self.lock_acquisitions),
            (Counter::ContendedAcquisitions, self.contended_acquisitions),
            (Counter::CasRetries, self.cas_retries),
            (Counter::TryIncrefFailures, self.try_incref_failures),
            (Counter::DeferredFrees, self.deferred_frees),
            (Counter::Queued, self.queued),
            (Counter::Merges, self.merges),
            (Counter::UnlockedReads, self.unlocked_reads),
            (Counter::BiasRevocations, self.bias_revocations),
            (Counter::SharedCountOps, self.shared_count_ops),
        ];
        out.extend(rest.iter().filter(|(_, v)| v.is_some()).map(|(c, _)| *c));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_the_offered_counters_and_nothing_else() {
        let s = Stats {
            backend: "x",
            refcount_ops: 3,
            lock_acquisitions: Some(5),
            contended_acquisitions: Some(1),
            ..Stats::default()
        };
        let j = s.to_json();
        let keys: Vec<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["backend", "contended_acquisitions", "lock_acquisitions", "refcount_ops"]
        );
        assert_eq!(s.offered(), [Counter::LockAcquisitions, Counter::ContendedAcquisitions]);
        let g = Stats {
            gil: Some(GilStats {
                gil_acquisitions: 1,
                gil_switches: 0,
                forced_switches: 0,
                drop_requests: 0,
                tick_releases: 0,
                io_priority_requests: 0,
                gil_wait_seconds: 0.5,
                gil_policy: Policy::Ticks,
                switch_interval: 0.005,
            }),
            ..Stats::default()
        };
        let j = g.to_json();
        assert_eq!(j["gil_policy"], "ticks");
        assert_eq!(j["gil_wait_seconds"], 0.5);
        for c in Counter::GIL {
            assert!(j.get(c.name()).is_some(), "{c:?}");
        }
    }
}
