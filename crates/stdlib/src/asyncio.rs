//! `asyncio`: written in Python (`python/asyncio.py`, `python/_gillab_asyncio_core.py`,
//! `python/_gillab_asyncio_streams.py`) over the native readiness API of
//! [`crate::selector`]. The Python modules are compiled from the sources embedded here when
//! first imported.
//!
//! - `_gillab_asyncio_core`: `Future`, `Task` (a coroutine stepped by `send`/`throw`, one
//!   step per loop callback), `Handle`/`TimerHandle`, and `BaseEventLoop`: a list of ready
//!   callbacks, a binary heap of timers, and readers/writers registered with the selector; one
//!   iteration waits in `select` (with the VM released) until the first timer, runs what is
//!   due, and runs the callbacks that were ready when it began.
//! - `_gillab_asyncio_streams`: `StreamReader`, `StreamWriter`, `open_connection`,
//!   `start_server` and `Server` over non-blocking TCP sockets.
//! - `asyncio`: `run`, `sleep`, `gather`, `wait_for`, `wait`, `to_thread`, `create_task`,
//!   `Lock`, `Event`, `Semaphore`, `BoundedSemaphore`, `Queue`, `LifoQueue`, and the names of
//!   the two modules above.

use gillab_vm::Backend;
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::PyRef;

/// The embedded sources by module name.
pub const SOURCES: [(&str, &str); 3] = [
    ("asyncio", include_str!("python/asyncio.py")),
    ("_gillab_asyncio_core", include_str!("python/_gillab_asyncio_core.py")),
    ("_gillab_asyncio_streams", include_str!("python/_gillab_asyncio_streams.py")),
];

/// Runs the source of `name` in `module`; `false` if `name` is not one of these modules.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str, module: &PyRef<B>) -> PyResult<B, bool> {
    let Some((_, source)) = SOURCES.iter().find(|(n, _)| *n == name) else { return Ok(false) };
    let filename = format!("<frozen {name}>");
    gillab_vm::eval::imports::exec_source(ctx, source, &filename, module)?;
    Ok(true)
}
