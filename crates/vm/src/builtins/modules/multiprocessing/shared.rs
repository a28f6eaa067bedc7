//! The native side of `multiprocessing.Value`/`Array`: `_multiprocessing.shm_*` functions over
//! a [`Segment`] held by a native object of class `_multiprocessing.SharedSegment`.
//! `multiprocessing.py` builds the Python classes (`Synchronized`, `SynchronizedArray`, the
//! raw forms) on top; they cross to other processes through `__gillab_reduce__`
//! (`wire.rs`), which sends the segment's name and the receiver maps it again.

use super::channel::{ChanError, Channel, Role};
use super::shm::{LockError, Scalar, Segment, width};
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Layout, NativeObj, Payload, PyRef};
use crate::ops::{self, is_true};
use crate::types::new_class;
use crate::vm::Vm;
use num_traits::ToPrimitive;
use std::time::Instant;

/// Adds the functions and the segment class to `_multiprocessing`'s namespace `ns`.
pub(super) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    let cls = new_class::<B>(
        "SharedSegment",
        "_multiprocessing",
        vm.core.object_type.clone(),
        Layout::Builtin,
    );
    crate::ops::dicts::set_name(ns, vm.intern("SharedSegment"), cls);
    let cls = new_class::<B>(
        "ConnectionEnd",
        "_multiprocessing",
        vm.core.object_type.clone(),
        Layout::Builtin,
    );
    crate::ops::dicts::set_name(ns, vm.intern("ConnectionEnd"), cls);
    add(vm, ns, "shm_create", shm_create);
    add(vm, ns, "shm_attach", shm_attach);
    add(vm, ns, "shm_name", shm_name);
    add(vm, ns, "shm_len", shm_len);
    add(vm, ns, "shm_get", shm_get);
    add(vm, ns, "shm_set", shm_set);
    add(vm, ns, "arr_get", arr_get);
    add(vm, ns, "arr_set", arr_set);
    add(vm, ns, "shm_acquire", shm_acquire);
    add(vm, ns, "shm_release", shm_release);
    add(vm, ns, "shm_locked", shm_locked);
    add(vm, ns, "shm_owner", shm_owner);
    add(vm, ns, "shm_width", shm_width);
    add(vm, ns, "chan_put", chan_put);
    add(vm, ns, "chan_get", chan_get);
    add(vm, ns, "chan_qsize", chan_qsize);
    add(vm, ns, "chan_task_done", chan_task_done);
    add(vm, ns, "chan_join", chan_join);
    add(vm, ns, "dumps", dumps);
    add(vm, ns, "end_open", end_open);
    add(vm, ns, "end_close", end_close);
    add(vm, ns, "end_lend", end_lend);
    add(vm, ns, "end_return", end_return);
    add(vm, ns, "conn_send", conn_send);
    add(vm, ns, "conn_recv", conn_recv);
    add(vm, ns, "loads", loads);
}

fn new_segment<B: Backend>(cls: &PyRef<B>, s: Segment) -> PyRef<B> {
    PyRef::new(Payload::Native(Box::new(NativeObj { class: cls.clone(), data: Box::new(s) })))
}

fn segment<'a, B: Backend>(ctx: &Ctx<'_, B>, o: &'a PyRef<B>) -> PyResult<B, &'a Segment> {
    match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<Segment>(),
        _ => None,
    }
    .ok_or_else(|| ctx.type_error("expected a shared segment"))
}

fn typecode<B: Backend>(ctx: &Ctx<'_, B>, o: &PyRef<B>) -> PyResult<B, char> {
    let mut chars = ops::as_str(o).unwrap_or_default().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if width(c).is_some() => Ok(c),
        _ => Err(ctx.type_error(format!(
            "unsupported typecode {}: gil-lab's shared values take one of \
             'b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'f', 'd'",
            ops::as_str(o)
                .map_or_else(|| ops::type_name(ctx.vm, o).to_string(), |s| format!("'{s}'"))
        ))),
    }
}

fn index_arg<B: Backend>(ctx: &Ctx<'_, B>, o: &PyRef<B>) -> PyResult<B, usize> {
    let i = ops::expect_int(ctx, o, "index")?;
    usize::try_from(i).map_err(|_| ctx.index_error("invalid index"))
}

/// `shm_create(cls, nbytes)`: a new zeroed segment.
fn shm_create<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_create", 2, 2, &[])?;
    let n = ops::expect_int(ctx, &args.args[1], "size")?;
    let n = usize::try_from(n).map_err(|_| ctx.value_error("negative size"))?;
    let s = Segment::create(n).map_err(|e| ctx.err(&ctx.vm.core.exc.os_error, e))?;
    Ok(new_segment(&args.args[0], s))
}

/// `shm_attach(cls, name, length)`: maps a segment another process created.
fn shm_attach<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_attach", 3, 3, &[])?;
    let name = ops::as_str(&args.args[1]).ok_or_else(|| ctx.type_error("name must be str"))?;
    let len = ops::expect_int(ctx, &args.args[2], "length")?;
    let len = usize::try_from(len).map_err(|_| ctx.value_error("negative length"))?;
    let s = Segment::attach(name, len).map_err(|e| ctx.err(&ctx.vm.core.exc.os_error, e))?;
    Ok(new_segment(&args.args[0], s))
}

fn shm_name<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_name", 1, 1, &[])?;
    let s = segment(ctx, &args.args[0])?;
    Ok(ctx.vm.str(s.name()))
}

fn shm_len<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_len", 1, 1, &[])?;
    let s = segment(ctx, &args.args[0])?;
    Ok(ctx.vm.int(s.len() as i64))
}

/// `shm_width(typecode)`: the size of one value, raising `TypeError` for an unsupported code.
fn shm_width<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_width", 1, 1, &[])?;
    let c = typecode(ctx, &args.args[0])?;
    Ok(ctx.vm.int(width(c).unwrap_or(1) as i64))
}

/// `shm_get(seg, typecode, index)`.
fn shm_get<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_get", 3, 3, &[])?;
    let s = segment(ctx, &args.args[0])?;
    let c = typecode(ctx, &args.args[1])?;
    let i = index_arg(ctx, &args.args[2])?;
    scalar_obj(ctx, s.load(c, i))
}

/// The Python value of a loaded scalar; `IndexError` for none.
fn scalar_obj<B: Backend>(ctx: &Ctx<'_, B>, v: Option<Scalar>) -> PyResult<B> {
    match v {
        Some(Scalar::Int(v)) => Ok(ctx.vm.int(v)),
        Some(Scalar::UInt(v)) => Ok(match i64::try_from(v) {
            Ok(v) => ctx.vm.int(v),
            Err(_) => ctx.vm.bigint(v.into()),
        }),
        Some(Scalar::Float(f)) => Ok(ctx.vm.float(f)),
        None => Err(ctx.index_error("invalid index")),
    }
}

/// The value `v` as typecode `c` stores it: ints wrap to the width (ctypes' rule), floats
/// take ints and floats; anything else raises the `TypeError` CPython's `Value` raises.
fn scalar<B: Backend>(ctx: &Ctx<'_, B>, c: char, v: &PyRef<B>) -> PyResult<B, Scalar> {
    let float_code = matches!(c, 'f' | 'd');
    Ok(match &v.payload {
        Payload::Int(i) if float_code => Scalar::Float(*i as f64),
        Payload::Int(i) => Scalar::Int(*i),
        Payload::Bool(b) if float_code => Scalar::Float(f64::from(u8::from(*b))),
        Payload::Bool(b) => Scalar::Int(i64::from(*b)),
        Payload::BigInt(b) if float_code => Scalar::Float(b.to_f64().unwrap_or(f64::INFINITY)),
        Payload::BigInt(b) => {
            // The low 64 bits, two's complement, as ctypes keeps them.
            let low = b.iter_u64_digits().next().unwrap_or(0);
            let low = if b.sign() == num_bigint::Sign::Minus { low.wrapping_neg() } else { low };
            Scalar::UInt(low)
        }
        Payload::Float(f) if float_code => Scalar::Float(*f),
        _ if float_code => {
            return Err(
                ctx.type_error(format!("must be real number, not {}", ops::type_name(ctx.vm, v)))
            );
        }
        _ => {
            return Err(ctx.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                ops::type_name(ctx.vm, v)
            )));
        }
    })
}

/// `shm_set(seg, typecode, index, value)`.
fn shm_set<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_set", 4, 4, &[])?;
    let s = segment(ctx, &args.args[0])?;
    let c = typecode(ctx, &args.args[1])?;
    let i = index_arg(ctx, &args.args[2])?;
    let v = scalar(ctx, c, &args.args[3])?;
    s.store(c, i, v).ok_or_else(|| ctx.index_error("invalid index"))?;
    Ok(ctx.vm.core.none.clone())
}

fn lock_error<B: Backend>(ctx: &Ctx<'_, B>, e: LockError) -> crate::ctx::PyErr<B> {
    match e {
        LockError::NotOwner => ctx.runtime_error("cannot release un-acquired lock"),
        LockError::NotHeld => ctx.runtime_error("release unlocked lock"),
        LockError::OwnerDied(pid) => ctx.runtime_error(format!(
            "the shared lock's holder (process {pid}) exited without releasing it"
        )),
    }
}

/// `shm_acquire(seg, block, timeout, recursive=True)`: the segment's lock, recursive (an
/// `RLock`) or plain (a `Lock`), with the VM released while waiting.
fn shm_acquire<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_acquire", 3, 4, &[])?;
    let block = is_true(ctx, &args.args[1])?;
    let timeout = match &args.args[2].payload {
        Payload::None => None,
        _ => super::timeout_arg(ctx, Some(&args.args[2]))?,
    };
    let recursive = match args.args.get(3) {
        Some(r) => is_true(ctx, r)?,
        None => true,
    };
    let s = segment(ctx, &args.args[0])?;
    acquire(ctx, s, block, timeout, recursive).map(|got| ctx.vm.bool(got))
}

/// Takes `s`'s lock: at once if it is free, else (when `block`) waiting with the VM released.
pub(crate) fn acquire<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    s: &Segment,
    block: bool,
    timeout: Option<std::time::Duration>,
    recursive: bool,
) -> PyResult<B, bool> {
    let take = |block, timeout| {
        if recursive { s.acquire(block, timeout) } else { s.acquire_plain(block, timeout) }
    };
    let r = match take(false, None) {
        Ok(false) if block => ctx.allow_threads(|| take(true, timeout)),
        other => other,
    };
    r.map_err(|e| lock_error(ctx, e))
}

/// `shm_release(seg)`.
fn shm_release<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_release", 1, 2, &[])?;
    let recursive = match args.args.get(1) {
        Some(r) => is_true(ctx, r)?,
        None => true,
    };
    let s = segment(ctx, &args.args[0])?;
    let r = if recursive { s.release() } else { s.release_plain() };
    r.map_err(|e| lock_error(ctx, e))?;
    Ok(ctx.vm.core.none.clone())
}

/// `shm_owner(seg)`: `(pid, depth)` of the lock's holder, `(0, 0)` when it is free.
fn shm_owner<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_owner", 1, 1, &[])?;
    let (pid, depth) = segment(ctx, &args.args[0])?.owner();
    Ok(ctx.vm.tuple(vec![ctx.vm.int(i64::from(pid)), ctx.vm.int(i64::from(depth))]))
}

/// `shm_locked(seg)`: whether the segment's lock is held.
fn shm_locked<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_locked", 1, 1, &[])?;
    let s = segment(ctx, &args.args[0])?;
    Ok(ctx.vm.bool(s.is_locked()))
}

fn channel<'a, B: Backend>(ctx: &Ctx<'_, B>, o: &'a PyRef<B>) -> PyResult<B, Channel<'a>> {
    channel_of(ctx, segment(ctx, o)?)
}

/// The channel in segment `s`.
pub(crate) fn channel_of<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    s: &'a Segment,
) -> PyResult<B, Channel<'a>> {
    Channel::new(s).ok_or_else(|| ctx.type_error("not a channel segment"))
}

/// The Python exception for a channel operation's failure.
pub(crate) fn chan_error<B: Backend>(ctx: &Ctx<'_, B>, e: ChanError) -> crate::ctx::PyErr<B> {
    match e {
        ChanError::Lock(e) => lock_error(ctx, e),
        ChanError::Os(m) => ctx.err(&ctx.vm.core.exc.os_error, m),
        ChanError::TooManyDone => ctx.value_error("task_done() called too many times"),
        ChanError::Eof => ctx.err(&ctx.vm.core.exc.eof_error, ""),
        ChanError::BrokenPipe => crate::builtins::modules::os::errno_error(ctx, libc::EPIPE, None),
        ChanError::TooManyEnds => ctx
            .err(&ctx.vm.core.exc.os_error, "more than 16 processes hold ends of this connection"),
    }
}

/// A `timeout` argument as a deadline (`None` for no limit).
fn deadline_arg<B: Backend>(ctx: &Ctx<'_, B>, t: &PyRef<B>) -> PyResult<B, Option<Instant>> {
    Ok(match &t.payload {
        Payload::None => None,
        _ => super::timeout_arg(ctx, Some(t))?.and_then(|d| Instant::now().checked_add(d)),
    })
}

/// `chan_put(seg, data, maxsize, block, timeout)`: `False` if the queue stayed full.
fn chan_put<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "chan_put", 5, 5, &[])?;
    let data = ops::as_str(&args.args[1]).ok_or_else(|| ctx.type_error("data must be str"))?;
    let maxsize = ops::expect_int(ctx, &args.args[2], "maxsize")?.max(0) as u64;
    let block = is_true(ctx, &args.args[3])?;
    let deadline = deadline_arg(ctx, &args.args[4])?;
    let c = channel(ctx, &args.args[0])?;
    let r = ctx.allow_threads(|| c.put(data.as_bytes(), maxsize, block, deadline));
    r.map(|ok| ctx.vm.bool(ok)).map_err(|e| chan_error(ctx, e))
}

/// `chan_get(seg, block, timeout)`: the message, or `None` if there was none in time.
fn chan_get<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "chan_get", 3, 3, &[])?;
    let block = is_true(ctx, &args.args[1])?;
    let deadline = deadline_arg(ctx, &args.args[2])?;
    let c = channel(ctx, &args.args[0])?;
    match ctx.allow_threads(|| c.get(block, deadline)) {
        Ok(Some(bytes)) => match String::from_utf8(bytes) {
            Ok(s) => Ok(ctx.vm.str(s)),
            Err(_) => Err(ctx.value_error("a queue message is not text")),
        },
        Ok(None) => Ok(ctx.vm.core.none.clone()),
        Err(e) => Err(chan_error(ctx, e)),
    }
}

fn chan_qsize<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "chan_qsize", 1, 1, &[])?;
    let c = channel(ctx, &args.args[0])?;
    let n = ctx.allow_threads(|| c.items()).map_err(|e| chan_error(ctx, e))?;
    Ok(ctx.vm.int(n as i64))
}

fn chan_task_done<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "chan_task_done", 1, 1, &[])?;
    let c = channel(ctx, &args.args[0])?;
    ctx.allow_threads(|| c.task_done()).map_err(|e| chan_error(ctx, e))?;
    Ok(ctx.vm.core.none.clone())
}

/// `chan_join(seg, timeout)`: `True` once every message put was marked done.
fn chan_join<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "chan_join", 2, 2, &[])?;
    let deadline = deadline_arg(ctx, &args.args[1])?;
    let c = channel(ctx, &args.args[0])?;
    let r = ctx.allow_threads(|| c.join(deadline));
    r.map(|ok| ctx.vm.bool(ok)).map_err(|e| chan_error(ctx, e))
}

/// `dumps(obj)`: the wire encoding of `obj` as text (what crosses in a queue message).
fn dumps<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "dumps", 1, 1, &[])?;
    let v = super::wire::to_wire(ctx, &args.args[0])?;
    Ok(ctx.vm.str(v.to_string()))
}

/// `loads(text)`: the value `dumps` encoded.
fn loads<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "loads", 1, 1, &[])?;
    let text = ops::as_str(&args.args[0]).ok_or_else(|| ctx.type_error("expected str"))?;
    let v: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ctx.value_error(format!("bad message: {e}")))?;
    super::wire::from_wire(ctx, &v).map_err(|e| ctx.value_error(e))
}

/// One open end of a connection held by this process: its own mapping of the channel's
/// segment, counted in the channel's end table while it lives and uncounted when closed or
/// freed (so a `Connection` dropped without `close()` still lets its peer see the end of the
/// stream).
struct End {
    seg: Segment,
    role: Role,
    closed: std::sync::atomic::AtomicBool,
}

impl End {
    fn close(&self) -> Result<(), ChanError> {
        // Relaxed: only makes the close happen once; the channel's lock orders the rest.
        if self.closed.swap(true, std::sync::atomic::Ordering::Relaxed) {
            return Ok(());
        }
        match Channel::new(&self.seg) {
            Some(c) => c.close_end(self.role),
            None => Ok(()),
        }
    }
}

impl Drop for End {
    fn drop(&mut self) {
        // A holder that died, or a lock error: the peer learns from the end table anyway.
        let _ = self.close();
    }
}

fn role_arg<B: Backend>(ctx: &Ctx<'_, B>, o: &PyRef<B>) -> PyResult<B, Role> {
    match ops::expect_int(ctx, o, "role")? {
        0 => Ok(Role::Reader),
        1 => Ok(Role::Writer),
        _ => Err(ctx.value_error("role must be 0 (reader) or 1 (writer)")),
    }
}

/// The connection end `o`, open or closed.
fn any_end<'a, B: Backend>(ctx: &Ctx<'_, B>, o: &'a PyRef<B>) -> PyResult<B, &'a End> {
    match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<End>(),
        _ => None,
    }
    .ok_or_else(|| ctx.type_error("expected a connection end"))
}

/// The open connection end `o`; `OSError: handle is closed` for a closed one.
fn end<'a, B: Backend>(ctx: &Ctx<'_, B>, o: &'a PyRef<B>) -> PyResult<B, &'a End> {
    let e = any_end(ctx, o)?;
    // Relaxed: as in `End::close`.
    if e.closed.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(ctx.err(&ctx.vm.core.exc.os_error, "handle is closed"));
    }
    Ok(e)
}

/// `end_open(cls, seg, role)`: a counted end of the channel in `seg`.
fn end_open<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "end_open", 3, 3, &[])?;
    let s = segment(ctx, &args.args[1])?;
    let role = role_arg(ctx, &args.args[2])?;
    let seg =
        Segment::attach(s.name(), s.len()).map_err(|e| ctx.err(&ctx.vm.core.exc.os_error, e))?;
    let c = channel_of(ctx, &seg)?;
    ctx.allow_threads(|| c.open_end(role)).map_err(|e| chan_error(ctx, e))?;
    let e = End { seg, role, closed: std::sync::atomic::AtomicBool::new(false) };
    Ok(PyRef::new(Payload::Native(Box::new(NativeObj {
        class: args.args[0].clone(),
        data: Box::new(e),
    }))))
}

/// `end_close(end)`: idempotent.
fn end_close<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "end_close", 1, 1, &[])?;
    let e = any_end(ctx, &args.args[0])?;
    ctx.allow_threads(|| e.close()).map_err(|e| chan_error(ctx, e))?;
    Ok(ctx.vm.core.none.clone())
}

/// `conn_send(end, obj, raw)`: sends `obj` (bytes as they are when `raw`, else encoded).
fn conn_send<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "conn_send", 3, 3, &[])?;
    let raw = is_true(ctx, &args.args[2])?;
    let msg = if raw {
        let Payload::Bytes(b) = &args.args[1].payload else {
            return Err(ctx.type_error("send_bytes() argument must be bytes"));
        };
        let mut m = Vec::with_capacity(b.len() + 1);
        m.push(b'b');
        m.extend_from_slice(b);
        m
    } else {
        let v = super::wire::to_wire(ctx, &args.args[1])?;
        let mut m = b"o".to_vec();
        m.extend_from_slice(v.to_string().as_bytes());
        m
    };
    let e = end(ctx, &args.args[0])?;
    let c = channel_of(ctx, &e.seg)?;
    ctx.allow_threads(|| c.send(&msg)).map_err(|e| chan_error(ctx, e))?;
    Ok(ctx.vm.core.none.clone())
}

/// `conn_recv(end, timeout, peek)`: `None` when `timeout` passed; with `peek`, `True` once a
/// message or the end of the stream is there; else `(kind, payload)`: `("o", text)` for an
/// encoded object, `("b", bytes)` for `send_bytes`.
fn conn_recv<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "conn_recv", 3, 3, &[])?;
    let deadline = deadline_arg(ctx, &args.args[1])?;
    let peek = is_true(ctx, &args.args[2])?;
    let e = end(ctx, &args.args[0])?;
    let c = channel_of(ctx, &e.seg)?;
    let got = ctx.allow_threads(|| c.recv(deadline, peek)).map_err(|e| chan_error(ctx, e))?;
    let vm = ctx.vm;
    Ok(match got {
        None => vm.core.none.clone(),
        Some(_) if peek => vm.bool(true),
        Some(m) => match m.split_first() {
            Some((b'b', rest)) => {
                vm.tuple(vec![vm.str("b"), PyRef::new(Payload::Bytes(rest.into()))])
            }
            Some((b'o', rest)) => match std::str::from_utf8(rest) {
                Ok(t) => vm.tuple(vec![vm.str("o"), vm.str(t)]),
                Err(_) => return Err(ctx.value_error("a connection message is not text")),
            },
            _ => return Err(ctx.value_error("a connection message has no kind")),
        },
    })
}

/// `end_lend(seg, role)`: counts an end of `role` for this process while a connection
/// crosses to another one, so that its peer does not see the stream end before the receiver
/// has opened its own; returns this process's pid, which the receiver passes to
/// `end_return`.
fn end_lend<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "end_lend", 2, 2, &[])?;
    let role = role_arg(ctx, &args.args[1])?;
    let c = channel(ctx, &args.args[0])?;
    ctx.allow_threads(|| c.open_end(role)).map_err(|e| chan_error(ctx, e))?;
    Ok(ctx.vm.int(i64::from(std::process::id())))
}

/// `end_return(seg, role, pid)`: takes back the count `end_lend` made in process `pid`.
fn end_return<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "end_return", 3, 3, &[])?;
    let role = role_arg(ctx, &args.args[1])?;
    let pid = ops::expect_int(ctx, &args.args[2], "pid")?;
    let pid = i32::try_from(pid).map_err(|_| ctx.value_error("bad pid"))?;
    let c = channel(ctx, &args.args[0])?;
    ctx.allow_threads(|| c.close_end_of(role, pid)).map_err(|e| chan_error(ctx, e))?;
    Ok(ctx.vm.core.none.clone())
}

/// Item `i` of a shared array of `length` values as Python indexes it (negative from the end),
/// or `IndexError: invalid index`.
fn item_index<B: Backend>(ctx: &Ctx<'_, B>, i: &PyRef<B>, length: &PyRef<B>) -> PyResult<B, usize> {
    let n = ops::expect_int(ctx, length, "length")?;
    let i = match i.payload {
        Payload::Int(i) => i,
        Payload::Bool(b) => i64::from(b),
        _ => return Err(ctx.type_error("indices must be integers")),
    };
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(ctx.index_error("invalid index"));
    }
    Ok(i as usize)
}

/// Runs `f` under the segment's lock when `locked` (the `Synchronized` wrappers' `with
/// self:`), with the VM released only if the lock is not free at once.
fn locked_op<B: Backend, R>(
    ctx: &mut Ctx<'_, B>,
    s: &Segment,
    locked: bool,
    f: impl FnOnce() -> R,
) -> PyResult<B, R> {
    if !locked {
        return Ok(f());
    }
    acquire(ctx, s, true, None, true)?;
    let r = f();
    s.release().map_err(|e| lock_error(ctx, e))?;
    Ok(r)
}

/// `arr_get(seg, typecode, length, i, locked)`: `a[i]` for an int `i` in one native call.
fn arr_get<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "arr_get", 5, 5, &[])?;
    let s = segment(ctx, &args.args[0])?;
    let c = typecode(ctx, &args.args[1])?;
    let i = item_index(ctx, &args.args[3], &args.args[2])?;
    let locked = is_true(ctx, &args.args[4])?;
    let v = locked_op(ctx, s, locked, || s.load(c, i))?;
    scalar_obj(ctx, v)
}

/// `arr_set(seg, typecode, length, i, value, locked)`: `a[i] = value` for an int `i`.
fn arr_set<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "arr_set", 6, 6, &[])?;
    let s = segment(ctx, &args.args[0])?;
    let c = typecode(ctx, &args.args[1])?;
    let i = item_index(ctx, &args.args[3], &args.args[2])?;
    let v = scalar(ctx, c, &args.args[4])?;
    let locked = is_true(ctx, &args.args[5])?;
    locked_op(ctx, s, locked, || s.store(c, i, v))?
        .ok_or_else(|| ctx.index_error("invalid index"))?;
    Ok(ctx.vm.core.none.clone())
}
