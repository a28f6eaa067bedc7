//! gillab-threadfuzz: a concurrency fuzzer for gil-lab.
//!
//! It generates random multi-threaded Python programs over shared lists, dicts, sets, an
//! instance and globals ([`program`], [`ops`]), runs each on every backend many times
//! ([`runner`], [`fuzz`]), and checks each run ([`oracle`]): no panic, abort, signal, hang or
//! leak; invariants any interleaving keeps (no value that was never stored, conservation of
//! elements through appends and pops); and every exception a thread caught is one CPython
//! could raise for that operation ([`allow`]). See `docs/testing.md`.

#![forbid(unsafe_code)]

pub mod allow;
pub mod fuzz;
pub mod ops;
pub mod oracle;
pub mod program;
pub mod runner;

/// The random generator programs are made with (ChaCha8: the same stream for a seed on every
/// platform).
pub type Rng = rand::rngs::ChaCha8Rng;
