//! The process host: worker processes for every backend's `multiprocessing`, and for the
//! process executor ([`gillab_vm::Executor::Processes`]) that the registry lists as `shard` —
//! the literature's answer to the GIL (one process, one interpreter and one lock per worker;
//! pay for start-up and for copying data).
//!
//! - [`protocol`]: the newline-delimited JSON messages between a parent and its workers.
//! - [`host`]: the parent side, [`Host`], which implements the VM's
//!   [`gillab_vm::procs::ProcessHost`] (pools, processes, remote threads) and treats every line
//!   from a worker as untrusted.
//! - [`worker`]: the worker side, [`worker::worker_main`], run by the hidden `gillab worker`
//!   subcommand: a single-threaded interpreter on the `gil` backend that imports the program as
//!   `__mp_main__` and serves jobs.
//!
//! The host is not a backend: `--backend shard` is the `gil` backend with the VM's process
//! executor, which sends `threading.Thread` targets here instead of starting OS threads.
//!
//! Design, protocol table and measurements: `docs/multiprocessing.md`.

#![forbid(unsafe_code)]

pub mod host;
pub mod protocol;
pub mod worker;

pub use host::Host;
