//! The `gillab` package: the backend registry that the CLI, the conformance tests and the
//! benchmarks all read, and the command implementations behind the `gillab` binary.
//!
//! Adding a backend is one line in [`for_each_backend!`] (see `docs/adding-a-backend.md`).
//! A registry line names a [`Backend`] type and the [`Executor`] its threads run on; what the
//! rest of the program knows about an entry is its [`Entry`]: typed facts, never its name.

pub mod cli;
pub mod compare;

/// Every allocation goes through mimalloc, as in free-threaded CPython (PEP 703 made mimalloc
/// its allocator): small objects come from per-thread pages, freed memory is reused without
/// glibc's consolidation passes or returning pages to the kernel between bursts. All backends
/// share it, so it moves no backend-to-backend ratio; `docs/architecture.md` records the
/// choice and its measured effect. Under ThreadSanitizer (`.ci/tsan` sets `gillab_tsan`) the
/// system allocator stays, since TSan must see every `malloc` and `free` to order reuse.
#[cfg(not(gillab_tsan))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
pub mod suite;
pub mod workloads;

pub use gillab_vm::backend::{Facts, Policy, Strategy};
pub use gillab_vm::{Backend, Executor};

/// Calls `$callback! { name: Type = Executor, ... }` with every registered backend.
///
/// **The registry.** One line per backend: the `--backend` name (an identifier), the type
/// implementing [`gillab_vm::Backend`], and where `threading.Thread` runs
/// ([`Executor::Threads`] or [`Executor::Processes`]: `shard` is the `gil` backend whose
/// threads are worker processes). Everything that enumerates backends expands this macro, so a
/// new backend is picked up by the CLI, `gillab backends`, the conformance suite and the
/// benchmarks at once.
#[macro_export]
macro_rules! for_each_backend {
    ($callback:ident) => {
        $callback! {
            gil: gillab_backend_gil::Gil = Threads,
            objlock: gillab_backend_objlock::ObjLock = Threads,
            atomic: gillab_backend_atomic::Atomic = Threads,
            biased: gillab_backend_biased::Biased = Threads,
            shard: gillab_backend_gil::Gil = Processes,
        }
    };
}

/// One registry line, as the rest of the program sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The `--backend` name.
    pub name: &'static str,
    /// What the backend is ([`Backend::FACTS`]).
    pub facts: Facts,
    /// Where its `threading.Thread`s run.
    pub executor: Executor,
}

impl Entry {
    /// One line for `gillab backends`.
    pub fn description(&self) -> String {
        match self.executor {
            Executor::Threads => self.facts.description.to_string(),
            Executor::Processes => format!(
                "process sharding: each threading.Thread runs in a worker process ({})",
                self.facts.description
            ),
        }
    }

    /// Whether Python threads share the interpreter's memory (false when they are worker
    /// processes), i.e. whether programs that communicate through shared objects between
    /// threads can run on it.
    pub fn threads_share_memory(&self) -> bool {
        self.executor.threads_share_memory()
    }

    /// The GIL policies `--gil-policy` accepts for it (empty without a GIL).
    pub fn policies(&self) -> &'static [Policy] {
        self.facts.gil.map_or(&[], |g| g.policies)
    }

    /// The policy it runs under by default, if it has a GIL.
    pub fn default_policy(&self) -> Option<Policy> {
        self.facts.gil.map(|g| g.default)
    }

    /// The entry as the report knows it (the report crate does not depend on the VM).
    pub fn report_info(&self) -> gillab_report::BackendInfo {
        use gillab_report::Family;
        gillab_report::BackendInfo {
            name: self.name.to_string(),
            family: match self.facts.strategy {
                Strategy::GlobalLock => Family::GlobalLock,
                Strategy::ObjectLocks => Family::ObjectLocks,
                Strategy::AtomicCounts => Family::AtomicCounts,
                Strategy::BiasedCounts => Family::BiasedCounts,
            },
            default_policy: self.default_policy().map(|p| p.name().to_string()),
            threads_share_memory: self.threads_share_memory(),
            policies: self
                .policies()
                .iter()
                .map(|p| gillab_report::PolicyInfo {
                    name: p.name().to_string(),
                    models: policy_models(*p).to_string(),
                })
                .collect(),
        }
    }

    /// The entry as JSON (`gillab backends --json`), for tools that drive the binary.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "name": self.name,
            "description": self.description(),
            "strategy": self.facts.strategy.label(),
            "gil_policies": self.policies().iter().map(|p| p.name()).collect::<Vec<_>>(),
            "default_policy": self.default_policy().map(Policy::name),
            "threads_share_memory": self.threads_share_memory(),
            "counters": self.facts.counters.iter().map(|c| c.name()).collect::<Vec<_>>(),
        })
    }
}

/// A computation generic over the backend, run by a registry's `with_backend` on the one
/// chosen at run time (the only place where a runtime backend choice meets the monomorphized
/// VM).
pub trait WithBackend {
    /// The result.
    type Output;
    /// Runs with backend `B`, listed in the registry as `entry`.
    fn run<B: Backend>(self, entry: &'static Entry) -> Self::Output;
}

/// Defines a registry from lines `name: Type = Executor,`: a constant `ENTRIES: &[Entry]` and
/// a function `with_backend(name, f)`. The crate's own registry is
/// `for_each_backend!(registry)`; a test can define one of its own (see
/// `tests/extra_backend.rs`).
#[macro_export]
macro_rules! registry {
    ($($name:ident: $ty:ty = $exec:ident,)*) => {
        /// Every backend of this registry, in order.
        pub const ENTRIES: &[$crate::Entry] = &[$(
            $crate::Entry {
                name: stringify!($name),
                facts: <$ty as $crate::Backend>::FACTS,
                executor: $crate::Executor::$exec,
            },
        )*];

        /// Runs `f` with the backend called `name`; `None` if there is no such backend.
        pub fn with_backend<F: $crate::WithBackend>(name: &str, f: F) -> Option<F::Output> {
            let entry = ENTRIES.iter().find(|e| e.name == name)?;
            match name {
                $(stringify!($name) => Some(f.run::<$ty>(entry)),)*
                _ => None,
            }
        }
    };
}

for_each_backend!(registry);

/// Every backend, in registry order.
pub fn backends() -> &'static [Entry] {
    ENTRIES
}

/// The backend called `name`.
pub fn entry(name: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.name == name)
}

/// Which interpreter's GIL a policy models, as the report's claims name it ("the GIL of
/// Python 2"; the policies' own docs say the same: `interval` is CPython 3.2+'s switch interval, `ticks` Python 2's
/// check interval, `io-priority` the convoy fix proposed in bpo-7946).
pub fn policy_models(p: Policy) -> &'static str {
    match p {
        Policy::Interval => "CPython 3.2+",
        Policy::Ticks => "Python 2",
        Policy::IoPriority => "bpo-7946's I/O-priority proposal",
    }
}

/// What the report is told about the workloads (the catalog) and the backends (the registry).
pub fn described() -> gillab_report::Described {
    gillab_report::Described {
        workloads: workloads::catalog::report_info(),
        backends: ENTRIES.iter().map(Entry::report_info).collect(),
    }
}

/// The reference backend of every "cost relative to a GIL" ratio: the first registry entry
/// with a global lock whose threads share memory.
pub fn baseline() -> &'static Entry {
    ENTRIES
        .iter()
        .find(|e| e.facts.strategy == Strategy::GlobalLock && e.threads_share_memory())
        .unwrap_or(&ENTRIES[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_entries_match_backend_types() {
        struct Facts;
        impl WithBackend for Facts {
            type Output = (gillab_vm::backend::Facts, bool, Vec<gillab_vm::backend::Counter>);
            fn run<B: Backend>(self, _entry: &'static Entry) -> Self::Output {
                let b = B::new();
                (B::FACTS, b.gil().is_some(), b.stats().offered())
            }
        }
        for e in backends() {
            assert!(!e.facts.description.is_empty());
            let (facts, has_gil, offered) = with_backend(e.name, Facts).expect("registered");
            assert_eq!(facts, e.facts, "{}", e.name);
            // The GIL capability and the facts agree, and so do the counters.
            assert_eq!(has_gil, e.facts.gil.is_some(), "{}", e.name);
            let mut declared = e.facts.counters.to_vec();
            declared.sort();
            assert_eq!(offered, declared, "{}", e.name);
        }
        assert_eq!(with_backend("no-such-backend", Facts), None);
    }

    #[test]
    fn every_name_is_unique_and_the_baseline_has_a_gil() {
        for (i, e) in backends().iter().enumerate() {
            assert!(backends()[..i].iter().all(|o| o.name != e.name), "{}", e.name);
        }
        assert!(baseline().facts.gil.is_some());
        assert!(baseline().threads_share_memory());
    }

    #[test]
    fn json_lists_the_facts() {
        let j = baseline().to_json();
        assert_eq!(j["name"], baseline().name);
        assert_eq!(j["threads_share_memory"], true);
        assert!(j["gil_policies"].as_array().is_some_and(|p| p.len() == 3));
    }
}
