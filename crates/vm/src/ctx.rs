//! [`Ctx`]: one OS thread's view of the VM while it runs Python code, and [`PyErr`], a raised
//! Python exception travelling through Rust code.

use crate::backend::Backend;
use crate::object::dict::Dict;
use crate::object::{ExcState, Instance, Payload, PyRef};
use crate::vm::Vm;

/// A raised exception (an exception instance).
pub struct PyErr<B: Backend>(pub PyRef<B>);

impl<B: Backend> std::fmt::Debug for PyErr<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({:?})", self.0)
    }
}

/// The result of anything that may raise.
pub type PyResult<B, T = PyRef<B>> = Result<T, PyErr<B>>;

/// The namespaces of the Python frame that calls a built-in that reads them
/// ([`crate::object::BuiltinFn::reads_frame`]).
pub struct CallerFrame<B: Backend> {
    /// The frame's globals (a dict).
    pub globals: PyRef<B>,
    /// Its local namespace: the module's globals, a class body's namespace, or for a function
    /// a new dict of its bound local variables (a snapshot, as CPython 3.11's `locals()`).
    pub locals: PyRef<B>,
}

/// A thread attached to a VM. Dropping it detaches the thread.
pub struct Ctx<'vm, B: Backend> {
    /// The interpreter.
    pub vm: &'vm Vm<B>,
    thread: Option<B::Thread>,
    /// Python call depth, for `RecursionError`.
    pub depth: u32,
    /// The exception being handled (`sys.exc_info()`, bare `raise`).
    pub exc_info: Option<PyRef<B>>,
    /// The handled exceptions of the frames below running generators: resuming a generator
    /// pushes the caller's `exc_info` here and installs the generator's own (CPython's
    /// `exc_info` chain). See [`Ctx::handled`].
    pub exc_outer: Vec<Option<PyRef<B>>>,
    /// This thread's `sys.set_asyncgen_hooks`: `(firstiter, finalizer)`.
    pub asyncgen_hooks: (Option<PyRef<B>>, Option<PyRef<B>>),
    /// For each running function that uses zero-argument `super()`: its `__class__` cell and
    /// its first argument.
    pub super_stack: Vec<(PyRef<B>, Option<PyRef<B>>)>,
    /// The calling frame's namespaces, set by the eval loop just before it calls a built-in
    /// that reads them (and cleared after); `None` when such a built-in is called from Rust
    /// (`map(globals, ...)`).
    pub caller: Option<CallerFrame<B>>,
    /// Whether the eval breaker is polled before every instruction (a GIL policy that
    /// [counts instructions](crate::backend::Policy::counts_instructions)), read once.
    pub breaker_every_instruction: bool,
    /// This thread's attribute dicts of `threading.local` objects (made on first use; see
    /// `ops::local`).
    pub(crate) thread_locals: Option<std::sync::Arc<crate::ops::local::LocalSlots<B>>>,
    /// This thread's type-attribute cache (`object::typever`, `ops::attr::class_lookup`).
    pub(crate) type_cache: crate::object::typever::TypeCache<B>,
    /// Emptied local and value-stack vectors of finished frames, reused by the next calls
    /// (CPython 3.11 puts frames in a per-thread arena; this saves the two allocations per
    /// call without changing the frame's layout).
    vecs: Vec<Vec<Option<PyRef<B>>>>,
    /// Lowest stack address Python frames may use on this thread (the stack grows down);
    /// deeper recursion raises `RecursionError` instead of overflowing the Rust stack.
    stack_floor: usize,
}

impl<'vm, B: Backend> Ctx<'vm, B> {
    /// Attaches the calling thread to `vm`.
    pub fn attach(vm: &'vm Vm<B>) -> Ctx<'vm, B> {
        crate::object::live::arm_flush();
        let thread = vm.backend.attach();
        let here = 0u8;
        let top = &here as *const u8 as usize;
        // The thread was started with THREAD_STACK_SIZE bytes (the CLI's main thread and every
        // Python thread are); keep 4 MiB in reserve for native code and the unwinder.
        let usable = crate::THREAD_STACK_SIZE.saturating_sub(4 << 20);
        Ctx {
            vm,
            thread: Some(thread),
            depth: 0,
            exc_info: None,
            exc_outer: Vec::new(),
            asyncgen_hooks: (None, None),
            super_stack: Vec::new(),
            caller: None,
            breaker_every_instruction: vm
                .backend
                .gil()
                .is_some_and(|g| g.policy().counts_instructions()),
            stack_floor: top.saturating_sub(usable),
            thread_locals: None,
            vecs: Vec::new(),
            type_cache: crate::object::typever::TypeCache::new(vm.options.attr_cache),
        }
    }

    /// The backend's per-thread state.
    #[inline(always)]
    pub fn thread(&mut self) -> &mut B::Thread {
        // The state is `None` only inside `Drop`.
        self.thread.as_mut().expect("attached thread state")
    }

    /// An empty vector with room for `cap` slots, from the reuse pool when it has one.
    #[inline]
    pub(crate) fn take_vec(&mut self, cap: usize) -> Vec<Option<PyRef<B>>> {
        match self.vecs.pop() {
            Some(mut v) => {
                v.reserve(cap);
                v
            }
            None => Vec::with_capacity(cap),
        }
    }

    /// Empties `v` (releasing what it holds) and keeps it for [`Ctx::take_vec`] unless the
    /// pool is full or `v` is large.
    #[inline]
    pub(crate) fn give_vec(&mut self, mut v: Vec<Option<PyRef<B>>>) {
        v.clear();
        if self.vecs.len() < 64 && v.capacity() <= 256 {
            self.vecs.push(v);
        }
    }

    /// Whether the Rust stack is too deep for another Python frame.
    #[inline(always)]
    pub fn stack_exhausted(&self) -> bool {
        let here = 0u8;
        (&here as *const u8 as usize) < self.stack_floor
    }

    /// Enters a recursive operation on nested containers (repr, comparison, hashing), which
    /// shares the recursion limit with Python calls as in CPython (`Py_EnterRecursiveCall`);
    /// `what` completes the `RecursionError` message. Pair with [`Ctx::leave_recursive`].
    pub fn enter_recursive(&mut self, what: &str) -> PyResult<B, ()> {
        let limit = self.vm.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
        if self.depth >= limit || self.stack_exhausted() {
            return Err(self.recursion_error(what));
        }
        self.depth += 1;
        Ok(())
    }

    /// `RecursionError("maximum recursion depth exceeded" + what)`.
    #[cold]
    pub fn recursion_error(&self, what: &str) -> PyErr<B> {
        self.err(
            &self.vm.core.exc.recursion_error,
            format!("maximum recursion depth exceeded{what}"),
        )
    }

    /// Leaves what [`Ctx::enter_recursive`] entered.
    pub fn leave_recursive(&mut self) {
        self.depth -= 1;
    }

    /// Polls the eval breaker (backward jumps and calls).
    #[inline(always)]
    pub fn check_breaker(&mut self) {
        let vm = self.vm;
        let t = self.thread();
        if vm.backend.breaker(t) {
            vm.backend.poll(t);
        }
    }

    /// Runs blocking work with the VM released; `f` must not touch objects.
    pub fn allow_threads<R>(&mut self, f: impl FnOnce() -> R) -> R {
        let vm = self.vm;
        vm.backend.allow_threads(self.thread(), f)
    }

    /// Creates an exception instance of `class` with `args`.
    pub fn new_exception(&self, class: &PyRef<B>, args: Vec<PyRef<B>>) -> PyRef<B> {
        let args = self.vm.tuple(args);
        PyRef::new(Payload::Instance(Box::new(Instance {
            class: class.clone(),
            dict: B::cell_new(Dict::new()),
            exc: Some(B::cell_new(ExcState {
                args,
                traceback: Vec::new(),
                context: None,
                cause: None,
                suppress_context: false,
            })),
            value: None,
        })))
    }

    /// An exception of `class` whose single argument is `msg`.
    pub fn err(&self, class: &PyRef<B>, msg: impl Into<String>) -> PyErr<B> {
        let msg = self.vm.str(msg.into());
        PyErr(self.new_exception(class, vec![msg]))
    }

    /// `TypeError(msg)`
    pub fn type_error(&self, msg: impl Into<String>) -> PyErr<B> {
        self.err(&self.vm.core.exc.type_error, msg)
    }

    /// `ValueError(msg)`
    pub fn value_error(&self, msg: impl Into<String>) -> PyErr<B> {
        self.err(&self.vm.core.exc.value_error, msg)
    }

    /// `IndexError(msg)`
    pub fn index_error(&self, msg: impl Into<String>) -> PyErr<B> {
        self.err(&self.vm.core.exc.index_error, msg)
    }

    /// `OverflowError(msg)`
    pub fn overflow_error(&self, msg: impl Into<String>) -> PyErr<B> {
        self.err(&self.vm.core.exc.overflow_error, msg)
    }

    /// `ZeroDivisionError(msg)`
    pub fn zero_division(&self, msg: impl Into<String>) -> PyErr<B> {
        self.err(&self.vm.core.exc.zero_division_error, msg)
    }

    /// `RuntimeError(msg)`
    pub fn runtime_error(&self, msg: impl Into<String>) -> PyErr<B> {
        self.err(&self.vm.core.exc.runtime_error, msg)
    }

    /// `AttributeError(msg)`
    pub fn attribute_error(&self, msg: impl Into<String>) -> PyErr<B> {
        self.err(&self.vm.core.exc.attribute_error, msg)
    }

    /// `KeyError(key)`
    pub fn key_error(&self, key: PyRef<B>) -> PyErr<B> {
        PyErr(self.new_exception(&self.vm.core.exc.key_error, vec![key]))
    }

    /// `NameError: name 'x' is not defined`
    pub fn name_error(&self, name: &str) -> PyErr<B> {
        self.err(&self.vm.core.exc.name_error, format!("name '{name}' is not defined"))
    }

    /// `MemoryError()`, for an allocation that cannot succeed.
    pub fn memory_error(&self) -> PyErr<B> {
        PyErr(self.new_exception(&self.vm.core.exc.memory_error, vec![]))
    }

    /// `StopIteration()`
    pub fn stop_iteration(&self) -> PyErr<B> {
        PyErr(self.new_exception(&self.vm.core.exc.stop_iteration, vec![]))
    }

    /// The exception being handled, as `sys.exc_info()` sees it: the innermost frame's, or,
    /// inside a generator that handles none, that of the frame that resumed it (CPython's
    /// `_PyErr_GetTopmostException`).
    pub fn handled(&self) -> Option<&PyRef<B>> {
        self.exc_info.as_ref().or_else(|| self.exc_outer.iter().rev().find_map(Option::as_ref))
    }
}

impl<B: Backend> Drop for Ctx<'_, B> {
    fn drop(&mut self) {
        // The thread's `threading.local` values go while it is still attached.
        if let Some(slots) = self.thread_locals.take() {
            drop(slots.take_all());
        }
        self.exc_info = None;
        self.exc_outer.clear();
        self.asyncgen_hooks = (None, None);
        self.super_stack.clear();
        self.caller = None;
        self.type_cache.clear();
        // Generators orphaned after the last safe point are dropped while still attached.
        crate::object::generator::discard_orphans::<B>();
        if let Some(t) = self.thread.take() {
            self.vm.backend.detach(t);
        }
    }
}
