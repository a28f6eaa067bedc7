//! Multi-process sharding: the literature's answer to the GIL (one process, one interpreter and
//! one lock per worker; pay for start-up and for copying data), as a backend like the others.
//!
//! - [`protocol`]: the newline-delimited JSON messages between a parent and its workers.
//! - [`host`]: the parent side, [`Host`], which implements the VM's
//!   [`gillab_vm::procs::ProcessHost`] (pools, processes, remote threads) and treats every line
//!   from a worker as untrusted.
//! - [`worker`]: the worker side, [`worker::worker_main`], run by the hidden `gillab worker`
//!   subcommand: a single-threaded interpreter on the `gil` backend that imports the program as
//!   `__mp_main__` and serves jobs.
//! - [`Shard`]: the `shard` backend: the GIL backend, except that `threading.Thread` targets
//!   run in worker processes.
//!
//! Design, protocol table and measurements: `docs/multiprocessing.md`.

// The one `unsafe` item is the `Backend` impl of `Shard`, which delegates to `Gil`.
#![deny(unsafe_code)]

pub mod backend;
pub mod host;
pub mod protocol;
pub mod worker;

pub use backend::Shard;
pub use host::Host;
