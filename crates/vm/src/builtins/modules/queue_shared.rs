//! A `queue.Queue` shared with threads that run in other processes (the `shard` backend): on
//! its first crossing to a remote thread the queue is *promoted*: its items move into a
//! message channel in shared memory (`multiprocessing/channel.rs`) and from then on every
//! operation, in the parent and in the workers, goes through that channel. The remote thread
//! receives a `multiprocessing.JoinableQueue` on the same channel, which has the same
//! methods and raises the same `queue.Empty`/`queue.Full`. So the queue-fed thread pool
//! pattern (`Thread(target=worker, args=(q,))`) runs unchanged on `shard`; items must then be
//! values that cross between processes.
//!
//! Only FIFO queues are promoted: a `LifoQueue` refuses with a `TypeError` that says why.

use super::multiprocessing::shared::{chan_error, channel_of};
use super::multiprocessing::shm::Segment;
use super::multiprocessing::wire;
use super::queue::QueueData;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::PyRef;
use std::cell::Cell;
use std::sync::Arc;
use std::time::Instant;

/// Bytes of a promoted queue's ring.
const RING_BYTES: usize = 1 << 20;

thread_local! {
    /// Set while a remote thread's call is being encoded (`threading.Thread.start` on a
    /// backend whose threads are processes): only then does a `queue.Queue` cross.
    static PROMOTING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with queue promotion allowed for the values it encodes.
pub fn promoting<R>(f: impl FnOnce() -> R) -> R {
    let was = PROMOTING.with(|p| p.replace(true));
    let r = f();
    PROMOTING.with(|p| p.set(was));
    r
}

/// Whether values encoded now may promote queues.
pub fn promotion_allowed() -> bool {
    PROMOTING.with(Cell::get)
}

/// Promotes `q` (if it is not yet) and returns what the remote side needs to map its channel:
/// `(name, length, maxsize)`.
pub fn promote<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    q: &QueueData<B>,
) -> PyResult<B, (String, usize, usize)> {
    if q.is_lifo() {
        return Err(ctx.type_error(
            "a LifoQueue cannot be shared with a thread in another process (the shard backend \
             shares only FIFO queue.Queue objects, through shared memory)",
        ));
    }
    if let Some(seg) = q.shared() {
        return Ok((seg.name().to_string(), seg.len(), q.maxsize()));
    }
    let seg =
        Arc::new(Segment::create(RING_BYTES).map_err(|e| ctx.err(&ctx.vm.core.exc.os_error, e))?);
    // Encode the items outside the queue's lock (encoding may run Python code), then promote
    // only if the queue did not change meanwhile; otherwise try again.
    loop {
        let snapshot = q.snapshot();
        let mut encoded = Vec::with_capacity(snapshot.len());
        for item in &snapshot {
            encoded.push(wire::to_wire(ctx, item)?.to_string());
        }
        let Some(unfinished) = q.promote_if_unchanged(&snapshot, seg.clone()) else { continue };
        let chan = channel_of(ctx, &seg)?;
        let extra = unfinished.saturating_sub(encoded.len());
        let moved = ctx.allow_threads(|| {
            for m in &encoded {
                chan.put(m.as_bytes(), 0, true, None)?;
            }
            chan.add_unfinished(extra as u64)
        });
        moved.map_err(|e| chan_error(ctx, e))?;
        return Ok((seg.name().to_string(), seg.len(), q.maxsize()));
    }
}

/// `get` on a promoted queue; `Ok(None)` for `Empty`.
pub fn get<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    seg: &Segment,
    block: bool,
    d: Option<Instant>,
) -> PyResult<B, Option<PyRef<B>>> {
    let c = channel_of(ctx, seg)?;
    let Some(bytes) = ctx.allow_threads(|| c.get(block, d)).map_err(|e| chan_error(ctx, e))? else {
        return Ok(None);
    };
    let v: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| ctx.value_error(format!("bad item: {e}")))?;
    wire::from_wire(ctx, &v).map(Some).map_err(|e| ctx.value_error(e))
}

/// `put` on a promoted queue; `Ok(false)` for `Full`.
pub fn put<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    seg: &Segment,
    maxsize: usize,
    item: &PyRef<B>,
    block: bool,
    d: Option<Instant>,
) -> PyResult<B, bool> {
    let msg = wire::to_wire(ctx, item)?.to_string();
    let c = channel_of(ctx, seg)?;
    ctx.allow_threads(|| c.put(msg.as_bytes(), maxsize as u64, block, d))
        .map_err(|e| chan_error(ctx, e))
}

/// `task_done` on a promoted queue.
pub fn task_done<B: Backend>(ctx: &mut Ctx<'_, B>, seg: &Segment) -> PyResult<B, ()> {
    let c = channel_of(ctx, seg)?;
    ctx.allow_threads(|| c.task_done()).map_err(|e| chan_error(ctx, e))
}

/// `join` on a promoted queue.
pub fn join<B: Backend>(ctx: &mut Ctx<'_, B>, seg: &Segment) -> PyResult<B, ()> {
    let c = channel_of(ctx, seg)?;
    ctx.allow_threads(|| c.join(None)).map(|_| ()).map_err(|e| chan_error(ctx, e))
}

/// `qsize` on a promoted queue.
pub fn qsize<B: Backend>(ctx: &mut Ctx<'_, B>, seg: &Segment) -> PyResult<B, usize> {
    let c = channel_of(ctx, seg)?;
    ctx.allow_threads(|| c.items()).map(|n| n as usize).map_err(|e| chan_error(ctx, e))
}
