//! The GIL capability: what a backend with a global interpreter lock offers beyond the
//! [`Backend`](super::Backend) contract: a switch interval (`sys.setswitchinterval`) and a
//! hand-off [`Policy`] (`--gil-policy`). Like `lock_api::RawMutexFair`, it is a trait of its own
//! that only some strategies implement; the VM reaches it through
//! [`Backend::gil`](super::Backend::gil).

use std::fmt;
use std::str::FromStr;

/// A GIL hand-off policy: defined once, here, and used by the CLI (`--gil-policy`), the GIL
/// backends, their counters and the report.
/// The discriminants are the indices into [`Policy::ALL`], so a backend may keep the policy
/// in an `AtomicU8`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Policy {
    /// CPython 3.2+: a waiter asks for the lock after one switch interval, and the holder
    /// waits until another thread has taken it (forced switching).
    Interval = 0,
    /// Python 2: the holder releases and re-takes the lock every `check_interval` bytecodes;
    /// waiters never ask.
    Ticks = 1,
    /// `Interval`, with threads coming back from I/O served first (the convoy-effect fix
    /// proposed in bpo-7946).
    IoPriority = 2,
}

impl Policy {
    /// Every policy, in the order `--gil-policy` lists them.
    pub const ALL: [Policy; 3] = [Policy::Interval, Policy::Ticks, Policy::IoPriority];

    /// The policy whose discriminant is `index` (`Interval` for an out-of-range index).
    pub fn from_index(index: u8) -> Policy {
        Policy::ALL.get(index as usize).copied().unwrap_or(Policy::Interval)
    }

    /// The name used on the command line, in `--stats` and in the report.
    pub fn name(self) -> &'static str {
        match self {
            Policy::Interval => "interval",
            Policy::Ticks => "ticks",
            Policy::IoPriority => "io-priority",
        }
    }

    /// Whether the eval loop must poll the breaker before every instruction rather than only
    /// at backward jumps and calls (Python 2's check interval counted bytecodes).
    pub fn counts_instructions(self) -> bool {
        self == Policy::Ticks
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown policy name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownPolicy(pub String);

impl fmt::Display for UnknownPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Policy::ALL.iter().map(|p| p.name()).collect();
        write!(f, "unknown GIL policy '{}' (choose from: {})", self.0, names.join(", "))
    }
}

impl std::error::Error for UnknownPolicy {}

impl FromStr for Policy {
    type Err = UnknownPolicy;
    fn from_str(s: &str) -> Result<Policy, UnknownPolicy> {
        Policy::ALL.into_iter().find(|p| p.name() == s).ok_or_else(|| UnknownPolicy(s.into()))
    }
}

/// How the VM sets up a backend's GIL before any thread attaches.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GilConfig {
    /// The hand-off policy; `None` keeps the backend's default ([`super::GilFacts::default`]).
    pub policy: Option<Policy>,
    /// Switch interval in seconds (`sys.setswitchinterval`); CPython's default is 0.005.
    pub switch_interval: f64,
    /// Bytecodes between forced releases under [`Policy::Ticks`] (Python 2's default 100).
    pub check_interval: u32,
}

impl Default for GilConfig {
    fn default() -> GilConfig {
        GilConfig { policy: None, switch_interval: 0.005, check_interval: 100 }
    }
}

/// The capability of a backend with a global interpreter lock.
///
/// Not `unsafe`: the memory-safety argument of a GIL backend is its [`super::Backend`] impl;
/// these knobs only change when the lock changes hands, never whether it is held.
pub trait GilControl: Sync {
    /// Applies `config`. The VM calls it once, after [`super::Backend::new`] and before any
    /// thread attaches; a policy the backend does not list in its facts is ignored there (the
    /// CLI has already refused it).
    fn configure(&self, config: &GilConfig);
    /// The hand-off policy in force.
    fn policy(&self) -> Policy;
    /// The switch interval in seconds (`sys.getswitchinterval`).
    fn switch_interval(&self) -> f64;
    /// Sets the switch interval (`sys.setswitchinterval`); takes effect at the next wait.
    fn set_switch_interval(&self, seconds: f64);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_are_errors() {
        for p in Policy::ALL {
            assert_eq!(p.name().parse::<Policy>(), Ok(p));
        }
        let err = "fifo".parse::<Policy>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown GIL policy 'fifo' (choose from: interval, ticks, io-priority)"
        );
        assert!("".parse::<Policy>().is_err());
        for p in Policy::ALL {
            assert_eq!(Policy::from_index(p as u8), p);
        }
        assert!(Policy::Ticks.counts_instructions() && !Policy::Interval.counts_instructions());
    }
}
