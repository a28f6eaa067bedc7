//! The `gillab` package: the backend registry that the CLI, the conformance tests and the
//! benchmarks all read, and the command implementations behind the `gillab` binary.
//!
//! Adding a backend is one line in [`for_each_backend!`] (see `docs/adding-a-backend.md`).

pub mod cli;
pub mod compare;
pub mod workloads;

use gillab_vm::Backend;

/// Calls `$callback! { name: Type, ... }` with every registered backend.
///
/// **The registry.** One line per backend: the `--backend` name (an identifier) and the type
/// implementing [`gillab_vm::Backend`]. Everything that enumerates backends expands this
/// macro, so a new backend is picked up by the CLI, `gillab backends`, the conformance suite
/// and the benchmarks at once.
#[macro_export]
macro_rules! for_each_backend {
    ($callback:ident) => {
        $callback! {
            gil: gillab_backend_gil::Gil,
            objlock: gillab_backend_objlock::ObjLock,
            atomic: gillab_backend_atomic::Atomic,
            biased: gillab_backend_biased::Biased,
            shard: gillab_shard::Shard,
        }
    };
}

/// A computation generic over the backend, run by [`with_backend`] on the one chosen at run
/// time (the only place where a runtime backend choice meets the monomorphized VM).
pub trait WithBackend {
    /// The result.
    type Output;
    /// Runs with backend `B`.
    fn run<B: Backend>(self) -> Self::Output;
}

macro_rules! registry_fns {
    ($($name:ident: $ty:ty,)*) => {
        /// `(name, description)` of every backend, in registry order.
        pub fn backends() -> Vec<(&'static str, &'static str)> {
            vec![$((stringify!($name), <$ty as Backend>::DESCRIPTION)),*]
        }

        /// Runs `f` with the backend called `name`; `None` if there is no such backend.
        pub fn with_backend<F: WithBackend>(name: &str, f: F) -> Option<F::Output> {
            match name {
                $(stringify!($name) => Some(f.run::<$ty>()),)*
                _ => None,
            }
        }
    };
}

for_each_backend!(registry_fns);

/// The GIL hand-off policy backend `name` runs under by default (what its `--stats` counters
/// report as `gil_policy`), or `None` for a backend without a GIL or an unknown name: how the
/// benchmarks find which backends take `--gil-policy`, without a list of names.
pub fn gil_policy(name: &str) -> Option<String> {
    struct Policy;
    impl WithBackend for Policy {
        type Output = Option<String>;
        fn run<B: Backend>(self) -> Option<String> {
            let stats = B::new(&gillab_vm::BackendOptions::default()).stats();
            stats.get("gil_policy")?.as_str().map(str::to_string)
        }
    }
    with_backend(name, Policy).flatten()
}

/// Whether Python threads on backend `name` share the interpreter's memory (false for `shard`,
/// whose threads run in worker processes: `Backend::REMOTE_THREADS`), i.e. whether programs
/// that communicate through shared objects between threads can run on it. `None` for an
/// unknown backend.
pub fn threads_share_memory(name: &str) -> Option<bool> {
    struct Shares;
    impl WithBackend for Shares {
        type Output = bool;
        fn run<B: Backend>(self) -> bool {
            !B::REMOTE_THREADS
        }
    }
    with_backend(name, Shares)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_names_match_backend_consts() {
        struct Name;
        impl WithBackend for Name {
            type Output = &'static str;
            fn run<B: Backend>(self) -> &'static str {
                B::NAME
            }
        }
        for (name, desc) in backends() {
            assert!(!desc.is_empty());
            assert_eq!(with_backend(name, Name), Some(name));
        }
        assert_eq!(with_backend("no-such-backend", Name), None);
    }

    #[test]
    fn only_shard_runs_threads_in_other_processes() {
        for (name, _) in backends() {
            assert_eq!(threads_share_memory(name), Some(name != "shard"), "{name}");
        }
        assert_eq!(threads_share_memory("no-such-backend"), None);
    }

    #[test]
    fn only_gil_backends_report_a_policy() {
        assert_eq!(gil_policy("gil").as_deref(), Some("interval"));
        assert_eq!(gil_policy("shard").as_deref(), Some("interval"));
        for name in ["objlock", "atomic", "biased", "no-such-backend"] {
            assert_eq!(gil_policy(name), None, "{name}");
        }
    }
}
