//! `_gillab_selector`: the readiness API under `asyncio`'s event loop, over the `polling`
//! crate (epoll on Linux, kqueue on the BSDs and macOS), in level-triggered mode.
//!
//! `Selector()` makes a poller; `register(fd, events, key)`, `modify(fd, events, key)` and
//! `unregister(fd)` change interest (`events`: 1 = readable, 2 = writable, as `selectors`'
//! `EVENT_READ`/`EVENT_WRITE`); `select(timeout)` waits (`None`: until an event or `notify()`)
//! and returns a list of `(key, events)` pairs; `notify()` wakes a `select` from any thread
//! (`call_soon_threadsafe`). The VM is released while `select` waits, so on a GIL backend
//! other Python threads run meanwhile.

use gillab_vm::Backend;
use gillab_vm::builtins::{Args, add};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Layout, NativeObj, Payload, PyRef};
use gillab_vm::ops::dicts;
use gillab_vm::types::new_type;
use polling::{Event, Events, PollMode, Poller};
use std::time::Duration;

/// The key `polling` reserves for `notify()` wake-ups (`usize::MAX`, private in the crate).
const NOTIFY_KEY: usize = usize::MAX;

/// The Rust value of a `Selector`.
struct Selector {
    poller: Poller,
    /// `select` runs on one thread at a time (polling's rule); this also makes the event
    /// buffer safe to reuse.
    events: parking_lot::Mutex<Events>,
}

/// Fills the `_gillab_selector` module.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) {
    let vm = ctx.vm;
    let Payload::Module(m) = &module.payload else { return };
    let ns = m.dict.clone();
    let cls = new_type::<B>("Selector", Some(vm.core.object_type.clone()), Layout::Builtin);
    add(vm, &cls, "__new__", sel_new);
    add(vm, &cls, "register", sel_register);
    add(vm, &cls, "modify", sel_modify);
    add(vm, &cls, "unregister", sel_unregister);
    add(vm, &cls, "select", sel_select);
    add(vm, &cls, "notify", sel_notify);
    dicts::set_name(&ns, vm.intern("Selector"), cls);
    dicts::set_name(&ns, vm.intern("EVENT_READ"), vm.int(1));
    dicts::set_name(&ns, vm.intern("EVENT_WRITE"), vm.int(2));
}

fn this<'a, B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'a, B>) -> PyResult<B, &'a Selector> {
    match args.args.first().map(|o| &o.payload) {
        Some(Payload::Native(n)) if let Some(s) = n.data.downcast_ref::<Selector>() => Ok(s),
        _ => Err(ctx.type_error("descriptor requires a 'Selector' object")),
    }
}

fn os_err<B: Backend>(ctx: &mut Ctx<'_, B>, e: std::io::Error) -> gillab_vm::PyErr<B> {
    gillab_vm::builtins::modules::os::os_error(ctx, &e, None, None)
}

fn int<B: Backend>(ctx: &Ctx<'_, B>, o: &PyRef<B>, what: &str) -> PyResult<B, i64> {
    match o.payload {
        Payload::Int(i) => Ok(i),
        Payload::Bool(b) => Ok(i64::from(b)),
        _ => Err(ctx.type_error(format!("{what} must be an int"))),
    }
}

fn sel_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "Selector", 1, 1, &[])?;
    let poller = Poller::new().map_err(|e| os_err(ctx, e))?;
    let data = Selector { poller, events: parking_lot::Mutex::new(Events::new()) };
    Ok(PyRef::new(Payload::Native(Box::new(NativeObj {
        class: args.args[0].clone(),
        data: Box::new(data),
    }))))
}

/// `(fd, events, key)` of `register`/`modify`.
fn interest<B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'_, B>,
    name: &str,
) -> PyResult<B, (i32, Event)> {
    args.check(ctx, name, 4, 4, &[])?;
    let fd = int(ctx, &args.args[1], "fd")?;
    let events = int(ctx, &args.args[2], "events")?;
    let key = int(ctx, &args.args[3], "key")?;
    let (Ok(fd), Ok(key)) = (i32::try_from(fd), usize::try_from(key)) else {
        return Err(ctx.value_error(format!("{name}(): fd or key out of range")));
    };
    if fd < 0 {
        return Err(ctx.value_error(format!("Invalid file descriptor: {fd}")));
    }
    if key == NOTIFY_KEY {
        return Err(ctx.value_error(format!("{name}(): key out of range")));
    }
    let ev = match events & 3 {
        1 => Event::readable(key),
        2 => Event::writable(key),
        3 => Event::all(key),
        _ => Event::none(key),
    };
    Ok((fd, ev))
}

fn sel_register<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let s = this(ctx, &args)?;
    let (fd, ev) = interest(ctx, &args, "register")?;
    // SAFETY: `polling` requires the descriptor to be removed from the poller before it is
    // closed. The event loop unregisters a descriptor before closing it; if Python code
    // closes one first, epoll has already dropped it with the file (Linux), a later
    // `unregister` fails harmlessly (ignored), and no memory is involved either way: the
    // key is a plain integer the loop maps to its own handles.
    let r = unsafe { s.poller.add_with_mode(fd, ev, PollMode::Level) };
    r.map_err(|e| os_err(ctx, e))?;
    Ok(ctx.vm.core.none.clone())
}

/// A registered descriptor, for `modify`/`delete` (which take a borrowed fd).
fn borrowed(fd: i32) -> std::os::fd::BorrowedFd<'static> {
    // SAFETY: the descriptor is only passed to epoll_ctl for the duration of the call, never
    // closed or read through; if it is no longer open the call fails with EBADF, reported as
    // OSError, which is what CPython's selectors raise.
    unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) }
}

fn sel_modify<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let s = this(ctx, &args)?;
    let (fd, ev) = interest(ctx, &args, "modify")?;
    s.poller.modify_with_mode(borrowed(fd), ev, PollMode::Level).map_err(|e| os_err(ctx, e))?;
    Ok(ctx.vm.core.none.clone())
}

fn sel_unregister<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "unregister", 2, 2, &[])?;
    let s = this(ctx, &args)?;
    let fd = int(ctx, &args.args[1], "fd")?;
    let Ok(fd) = i32::try_from(fd) else { return Err(ctx.value_error("fd out of range")) };
    // A descriptor already closed (and so already gone from epoll) is not an error here.
    let _ = s.poller.delete(borrowed(fd));
    Ok(ctx.vm.core.none.clone())
}

fn sel_select<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "select", 1, 2, &[])?;
    let s = this(ctx, &args)?;
    let timeout = match args.args.get(1).map(|t| &t.payload) {
        None | Some(Payload::None) => None,
        Some(Payload::Int(i)) => Some(Duration::from_secs_f64((*i).max(0) as f64)),
        Some(Payload::Float(f)) if f.is_nan() => {
            return Err(ctx.value_error("Invalid value NaN (not a number)"));
        }
        Some(Payload::Float(f)) => Some(Duration::from_secs_f64(f.clamp(0.0, 1e9))),
        Some(_) => return Err(ctx.type_error("timeout must be a number or None")),
    };
    let found = ctx.allow_threads(|| {
        let mut events = s.events.lock();
        events.clear();
        s.poller.wait(&mut events, timeout).map(|_| {
            events
                .iter()
                .filter(|e| e.key != NOTIFY_KEY)
                .map(|e| (e.key, i64::from(e.readable) | (i64::from(e.writable) << 1)))
                .collect::<Vec<_>>()
        })
    });
    let found = match found {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Vec::new(),
        Err(e) => return Err(os_err(ctx, e)),
    };
    let vm = ctx.vm;
    let items =
        found.into_iter().map(|(k, ev)| vm.tuple(vec![vm.int(k as i64), vm.int(ev)])).collect();
    Ok(vm.list(items))
}

fn sel_notify<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "notify", 1, 1, &[])?;
    let s = this(ctx, &args)?;
    s.poller.notify().map_err(|e| os_err(ctx, e))?;
    Ok(ctx.vm.core.none.clone())
}
