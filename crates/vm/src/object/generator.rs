//! The state of a generator or coroutine object: the data floor of `eval::generator`, which
//! runs the frames kept here.
//!
//! A generator's last reference may go while its frame is suspended inside a `try` or `with`
//! block; CPython then runs `close()` from the deallocator, so `finally` blocks and `__exit__`
//! run. Here the object's drop ([`on_last_ref`], called by `PyRef::drop` when the count reaches
//! zero, before the backend releases the object: at that point on every backend, whether or not
//! it defers the free) moves the frame into an *orphan* generator on a per-thread queue, and the
//! eval floor closes the orphans at its next safe point (`eval::generator::finalize_orphans`,
//! run with the eval breaker's check and when a thread or the program ends).

use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr};
use crate::object::{CodeRef, Function, Payload, PyRef};
use parking_lot::Mutex;
use std::any::Any;
use std::cell::{Cell, RefCell};

/// What kind of object a generator function's call makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    /// `def` with `yield`.
    Generator,
    /// `async def`.
    Coroutine,
    /// `async def` with `yield`.
    AsyncGenerator,
}

impl GenKind {
    /// The name CPython's messages use.
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

/// A suspended (or not yet started) frame.
pub struct Saved<B: Backend> {
    /// The local slots.
    pub fast: Vec<Option<PyRef<B>>>,
    /// The value stack.
    pub stack: Vec<Option<PyRef<B>>>,
    /// The index of the next instruction.
    pub pc: usize,
    /// The exception the frame was handling when it yielded.
    pub exc: Option<PyRef<B>>,
}

/// Where a generator's frame is.
pub enum State<B: Backend> {
    /// Made, never resumed.
    Created(Saved<B>),
    /// Stopped at a `YIELD_VALUE`.
    Suspended(Saved<B>),
    /// A thread is running the frame.
    Running,
    /// Returned or raised (or closed): the frame is gone.
    Done,
}

/// The Rust value of a generator or coroutine object.
pub struct GenObj<B: Backend> {
    /// Generator, coroutine or async generator.
    pub kind: GenKind,
    /// The function's code, globals, closure and names (the frame borrows from here).
    pub func: Function<B>,
    /// The frame, behind a lock held only to move it in or out.
    pub state: Mutex<State<B>>,
    /// An orphan (see the module docs): its frame is closed once and never queued again.
    pub orphan: bool,
    /// For an async generator: an `asend`/`athrow`/`aclose` awaitable is in progress
    /// (CPython's `ag_running_async`).
    pub running_async: std::sync::atomic::AtomicBool,
}

/// What a generator keeps of the function it runs: the code, globals, closure and names its
/// frame borrows (defaults were consumed by the call that bound the arguments).
pub fn frame_function<B: Backend>(f: &Function<B>) -> Function<B> {
    Function {
        code: f.code.clone(),
        globals: f.globals.clone(),
        name: f.name.clone(),
        qualname: f.qualname.clone(),
        defaults: None,
        kwdefaults: None,
        closure: f.closure.clone(),
        module: f.module.clone(),
        attrs: B::cell_new(None),
    }
}

/// The generator inside `obj`, if it is one (or a coroutine).
#[inline]
pub fn as_gen<B: Backend>(obj: &PyRef<B>) -> Option<&GenObj<B>> {
    match &obj.payload {
        Payload::Native(n) => n.data.downcast_ref::<GenObj<B>>(),
        _ => None,
    }
}

impl<B: Backend> GenObj<B> {
    /// Whether a thread is running the frame now (`gi_running`).
    pub fn running(&self) -> bool {
        matches!(*self.state.lock(), State::Running)
    }

    /// Whether the frame has finished (`gi_frame is None`).
    pub fn finished(&self) -> bool {
        matches!(*self.state.lock(), State::Done)
    }

    /// Whether the frame is suspended at a `yield` (`gi_suspended`).
    pub fn suspended(&self) -> bool {
        matches!(*self.state.lock(), State::Suspended(_))
    }

    /// The code object's VM form.
    pub fn code(&self) -> &CodeRef<B> {
        match &self.func.code.payload {
            Payload::Code(c) => c,
            _ => unreachable!("a function's code is a code object"),
        }
    }

    /// `ValueError: generator already executing`.
    pub fn already_executing(&self, ctx: &Ctx<'_, B>) -> PyErr<B> {
        ctx.value_error(format!("{} already executing", self.kind.noun()))
    }
}

/// What an awaitable does to its async generator.
pub enum Action<B: Backend> {
    /// `__anext__()` / `asend(v)`: send `v`.
    Send(PyRef<B>),
    /// `athrow(exc)`: raise `exc` at the `yield`.
    Throw(PyErr<B>),
    /// `aclose()`: raise `GeneratorExit` at the `yield`; yielding again is an error.
    Close,
}

/// How far an async generator's awaitable has got.
pub enum Progress<B: Backend> {
    /// Not started: its first step performs the action.
    Start(Action<B>),
    /// Started (`true` for `aclose`): further steps pass values through.
    Running(bool),
    /// Completed or failed: it cannot be awaited again.
    Done,
}

/// The Rust value of an `async_generator_asend` / `async_generator_athrow` awaitable
/// (driven by `eval::asyncgen`).
pub struct Awaitable<B: Backend> {
    /// Its async generator; taken out when the awaitable's last reference goes
    /// ([`on_last_ref`]), so that the generator's own last reference goes then too, on every
    /// backend (one that defers frees would otherwise hold it until the free).
    pub agen: Mutex<Option<PyRef<B>>>,
    /// How far it has got.
    pub progress: Mutex<Progress<B>>,
}

thread_local! {
    /// Orphans dropped on this thread and not yet closed (`Box<GenObj<B>>` for the VM's `B`).
    static ORPHANS: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
    /// Qualified names of coroutines dropped on this thread without ever being started, for
    /// CPython's "coroutine '...' was never awaited" warning.
    static NEVER_AWAITED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Set while this thread tears a VM down (`Vm::drop`): dropped generators are then freed
    /// with their frames, never orphaned (nothing may run Python code any more).
    static TEARDOWN: Cell<bool> = const { Cell::new(false) };
    /// Whether `ORPHANS` or `NEVER_AWAITED` may be non-empty (read at the eval loop's safe
    /// points).
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Called when the last reference to a native object goes: a suspended generator whose frame
/// would observe `close()` (it stopped inside an exception handler's range) becomes an
/// orphan to be closed by the eval floor.
#[inline]
pub fn on_last_ref<B: Backend>(data: &(dyn Any + Send + Sync)) {
    if let Some(aw) = data.downcast_ref::<Awaitable<B>>() {
        let agen = aw.agen.lock().take();
        drop(agen);
        return;
    }
    let Some(g) = data.downcast_ref::<GenObj<B>>() else { return };
    if g.orphan || TEARDOWN.try_with(Cell::get).unwrap_or(true) {
        return;
    }
    let saved = {
        let mut st = g.state.lock();
        if g.kind == GenKind::Coroutine && matches!(*st, State::Created(_)) {
            let name = crate::ops::as_str(&g.func.qualname).unwrap_or("?").to_string();
            if NEVER_AWAITED.try_with(|q| q.borrow_mut().push(name)).is_ok() {
                let _ = PENDING.try_with(|p| p.set(true));
            }
            return;
        }
        let State::Suspended(s) = &*st else { return };
        let Payload::Code(code) = &g.func.code.payload else { return };
        // A suspended async generator always goes to the eval floor: it is handed to the
        // thread's `sys.set_asyncgen_hooks` finalizer if there is one (asyncio's loop closes it
        // with `aclose()` in a task), else closed if that can run code.
        if g.kind != GenKind::AsyncGenerator
            && code.code.handler_for(s.pc.saturating_sub(1) as u32).is_none()
        {
            return;
        }
        match std::mem::replace(&mut *st, State::Done) {
            State::Suspended(s) => s,
            _ => return,
        }
    };
    let orphan = GenObj {
        kind: g.kind,
        func: frame_function(&g.func),
        state: Mutex::new(State::Suspended(saved)),
        orphan: true,
        running_async: std::sync::atomic::AtomicBool::new(false),
    };
    let queued = ORPHANS.try_with(|q| q.borrow_mut().push(Box::new(orphan) as Box<dyn Any>));
    if queued.is_ok() {
        let _ = PENDING.try_with(|p| p.set(true));
    }
}

/// Whether orphans wait on this thread.
#[inline(always)]
pub fn orphans_pending() -> bool {
    PENDING.try_with(Cell::get).unwrap_or(false)
}

/// Takes this thread's orphans of backend `B` (others stay queued).
pub fn take_orphans<B: Backend>() -> Vec<GenObj<B>> {
    let _ = PENDING.try_with(|p| p.set(false));
    let all = ORPHANS.try_with(|q| std::mem::take(&mut *q.borrow_mut())).unwrap_or_default();
    let mut mine = Vec::new();
    let mut others = Vec::new();
    for b in all {
        match b.downcast::<GenObj<B>>() {
            Ok(g) => mine.push(*g),
            Err(b) => others.push(b),
        }
    }
    if !others.is_empty() {
        let _ = ORPHANS.try_with(|q| q.borrow_mut().extend(others));
    }
    mine
}

/// Takes the names of the coroutines dropped unawaited on this thread.
pub fn take_never_awaited() -> Vec<String> {
    NEVER_AWAITED.try_with(|q| std::mem::take(&mut *q.borrow_mut())).unwrap_or_default()
}

/// Marks the start (`true`) or end of a VM's teardown on this thread; at the start, drops
/// the orphans and warnings still queued (see [`discard_orphans`]).
pub fn set_teardown<B: Backend>(on: bool) {
    let _ = TEARDOWN.try_with(|t| t.set(on));
    if on {
        discard_orphans::<B>();
    }
}

/// Drops this thread's orphans of backend `B` without closing them: for a thread about to
/// detach (a generator dropped during teardown, once nothing may run Python code any more).
pub fn discard_orphans<B: Backend>() {
    loop {
        let orphans = take_orphans::<B>();
        if orphans.is_empty() {
            break;
        }
        drop(orphans);
    }
    drop(take_never_awaited());
}
