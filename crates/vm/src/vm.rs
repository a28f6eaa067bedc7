//! [`Vm`]: the state shared by every thread of one interpreter: the backend, the built-in
//! classes and singletons, the `builtins` namespace, `sys.modules`, and the interned names.

use crate::backend::{Backend, GilConfig};
use crate::object::dict::Dict;
use crate::object::str::PyStr;
use crate::object::{Immortals, Layout, Payload, PyRef};
use crate::procs::Executor;
use crate::types::{ExcTypes, Types, new_type};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::collections::HashMap;
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::AtomicU32;

/// Smallest and largest cached small int, as in CPython.
pub const SMALL_INT_MIN: i64 = -5;
/// See [`SMALL_INT_MIN`].
pub const SMALL_INT_MAX: i64 = 256;

/// How to build a VM: what the registry and the command line decide, as opposed to what the
/// backend is (its [`crate::backend::Facts`]).
#[derive(Debug, Clone, PartialEq)]
pub struct VmOptions {
    /// The registry name the VM runs under (`--backend`; reported by `--stats` and in
    /// messages); empty for a VM built outside a registry (unit tests).
    pub name: &'static str,
    /// Where `threading.Thread` runs its targets.
    pub executor: Executor,
    /// The GIL's setup, applied through [`Backend::gil`] when the backend has one.
    pub gil: GilConfig,
    /// Whether the eval loop may elide reference-count operations on locals and constants
    /// (fused int fast paths, `eval::fuse`); `--no-rc-elision` clears it.
    pub rc_elision: bool,
    /// Whether each thread caches class-attribute lookups by class tag and name
    /// (`object::typever`); `--no-attr-cache` clears it.
    pub attr_cache: bool,
    /// Whether `LOAD_GLOBAL` reads through its site words (`ops::globalsite`);
    /// `--no-global-cache` clears it.
    pub global_cache: bool,
}

impl Default for VmOptions {
    fn default() -> VmOptions {
        VmOptions {
            name: "",
            executor: Executor::Threads,
            gil: GilConfig::default(),
            rc_elision: true,
            attr_cache: true,
            global_cache: true,
        }
    }
}

/// The objects a VM owns; dropped (while attached) when the VM is torn down.
pub struct Core<B: Backend> {
    /// `object`
    pub object_type: PyRef<B>,
    /// The other built-in classes.
    pub types: Types<B>,
    /// The exception classes.
    pub exc: ExcTypes<B>,
    /// `None`
    pub none: PyRef<B>,
    /// `True`
    pub true_: PyRef<B>,
    /// `False`
    pub false_: PyRef<B>,
    /// `NotImplemented`
    pub not_implemented: PyRef<B>,
    /// `...`
    pub ellipsis: PyRef<B>,
    /// `()`
    pub empty_tuple: PyRef<B>,
    /// `''`
    pub empty_str: PyRef<B>,
    small_ints: Box<[PyRef<B>]>,
    /// The `builtins` namespace (a dict).
    pub builtins: PyRef<B>,
    /// `sys.modules` (a dict).
    pub modules: PyRef<B>,
    interned: Mutex<HashMap<Box<str>, PyRef<B>>>,
}

impl<B: Backend> Core<B> {
    /// Calls `f` on every object the core holds (to make them immortal).
    fn each(&self, mut f: impl FnMut(&PyRef<B>)) {
        f(&self.object_type);
        for (_, t) in self.types.all() {
            f(t);
        }
        for (_, t) in self.exc.all() {
            f(t);
        }
        for o in [&self.none, &self.true_, &self.false_, &self.not_implemented, &self.ellipsis] {
            f(o);
        }
        for o in [&self.empty_tuple, &self.empty_str, &self.builtins, &self.modules] {
            f(o);
        }
        self.small_ints.iter().for_each(f);
    }
}

/// One interpreter. Shared by its threads through an `Arc`.
pub struct Vm<B: Backend> {
    /// The memory-safety strategy (dropped by the VM's teardown before the immortal objects'
    /// blocks are freed: see [`crate::object::immortal`]).
    pub backend: ManuallyDrop<B>,
    /// The objects this VM owns (built-in classes, singletons, namespaces), reached as
    /// `vm.core.none` and so on; dropped while attached when the VM is torn down.
    pub core: ManuallyDrop<Core<B>>,
    /// The objects made immortal ([`Vm::immortalize`]), freed at teardown.
    pub immortals: Immortals<B>,
    /// Source texts by file name, for tracebacks.
    pub sources: Mutex<HashMap<String, std::sync::Arc<str>>>,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Directory of the main script, searched by `import`.
    pub script_dir: PathBuf,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: AtomicU32,
    /// The options the VM was created with.
    pub options: VmOptions,
    /// A weak handle to the `Arc` that owns this VM (set by [`Vm::new_shared`]), so that
    /// threads started from Python can keep the VM alive.
    this: std::sync::Weak<Vm<B>>,
    /// OS threads started by `threading.Thread.start`, joined at interpreter exit.
    pub os_threads: Mutex<Vec<OsThread>>,
    /// Globals dicts given to `exec`/`eval` that now hold functions or classes (which refer
    /// back to them): cleared at teardown as module namespaces are, to free those cycles.
    pub exec_namespaces: Mutex<Vec<PyRef<B>>>,
    /// The rayon pool of the `native` module (this VM's own, not rayon's global pool).
    pub native_pool: std::sync::OnceLock<rayon::ThreadPool>,
}

/// An OS thread running a Python thread.
pub struct OsThread {
    /// Joins the OS thread.
    pub handle: std::thread::JoinHandle<()>,
    /// Whether it is a daemon thread (not waited for at exit).
    pub daemon: bool,
    /// Set when its Python code has finished.
    pub done: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl<B: Backend> Vm<B> {
    /// Creates a bare VM: its built-in classes, singletons and empty `builtins` and
    /// `sys.modules` namespaces, with no built-in functions or methods installed yet. An
    /// interpreter ready to run code is [`Vm::new`] (in `interpreter.rs`, on the top floor).
    pub fn bare(options: VmOptions, argv: Vec<String>, script_dir: PathBuf) -> Vm<B> {
        let backend = B::new();
        if let Some(gil) = backend.gil() {
            gil.configure(&options.gil);
        }
        let thread = backend.attach();
        let object_type = new_type::<B>("object", None, Layout::Object);
        let types = Types::new(&object_type);
        let exc = ExcTypes::new(&object_type);
        let small_ints =
            (SMALL_INT_MIN..=SMALL_INT_MAX).map(|i| PyRef::new(Payload::Int(i))).collect();
        let core = Core {
            types,
            exc,
            none: PyRef::new(Payload::None),
            true_: PyRef::new(Payload::Bool(true)),
            false_: PyRef::new(Payload::Bool(false)),
            not_implemented: PyRef::new(Payload::NotImplemented),
            ellipsis: PyRef::new(Payload::Ellipsis),
            empty_tuple: PyRef::new(Payload::Tuple(Box::new([]))),
            empty_str: PyRef::new(Payload::Str(PyStr::new(""))),
            small_ints,
            builtins: PyRef::new(Payload::Dict(B::cell_new(Dict::new()))),
            modules: PyRef::new(Payload::Dict(B::cell_new(Dict::new()))),
            interned: Mutex::new(HashMap::new()),
            object_type,
        };
        let vm = Vm {
            backend: ManuallyDrop::new(backend),
            core: ManuallyDrop::new(core),
            immortals: Immortals::default(),
            sources: Mutex::new(HashMap::new()),
            argv,
            script_dir,
            recursion_limit: AtomicU32::new(crate::RECURSION_LIMIT),
            this: std::sync::Weak::new(),
            os_threads: Mutex::new(Vec::new()),
            exec_namespaces: Mutex::new(Vec::new()),
            native_pool: std::sync::OnceLock::new(),
            options,
        };
        vm.core.each(|o| vm.immortalize(o));
        vm.backend.detach(thread);
        vm
    }

    /// Makes `obj` immortal where the backend supports it (PEP 683; see
    /// [`crate::object::immortal`] for which objects the VM chooses): its count stops moving,
    /// and it lives until the VM is torn down. The calling thread is attached.
    #[inline]
    pub fn immortalize(&self, obj: &PyRef<B>) {
        self.immortals.add(obj);
    }

    /// Makes immortal the code-like values of a namespace (module globals, a class's dict):
    /// functions, built-in functions, classes, modules, code objects and the descriptors that
    /// wrap functions. Data (lists, dicts, instances, numbers) stays mortal.
    pub fn immortalize_values(&self, owner: &PyRef<B>, ns: &B::Cell<Dict<B>>) {
        let values: Vec<PyRef<B>> =
            owner.read(ns, |d| d.iter().filter_map(|e| e.value.clone()).collect());
        for v in &values {
            if matches!(
                v.payload,
                Payload::Function(_)
                    | Payload::Builtin(_)
                    | Payload::Type(_)
                    | Payload::Module(_)
                    | Payload::Code(_)
                    | Payload::Wrapper(_)
            ) {
                self.immortalize(v);
            }
        }
    }

    /// [`Vm::bare`] owned by an `Arc`, which threads started from Python share.
    pub fn bare_shared(
        options: VmOptions,
        argv: Vec<String>,
        script_dir: PathBuf,
    ) -> std::sync::Arc<Vm<B>> {
        std::sync::Arc::new_cyclic(|this| {
            let mut vm = Vm::bare(options, argv, script_dir);
            vm.this = this.clone();
            vm
        })
    }

    /// The registry name this VM runs under (`--backend`).
    pub fn name(&self) -> &'static str {
        self.options.name
    }

    /// The `Arc` owning this VM, if it was made by [`Vm::new_shared`] or [`Vm::bare_shared`].
    pub fn shared(&self) -> Option<std::sync::Arc<Vm<B>>> {
        self.this.upgrade()
    }

    /// The object for a small int, or a new one.
    #[inline(always)]
    pub fn int(&self, v: i64) -> PyRef<B> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v) {
            self.core.small_ints[(v - SMALL_INT_MIN) as usize].clone()
        } else {
            PyRef::new(Payload::Int(v))
        }
    }

    /// An int from a big integer, normalised to the 64-bit form when it fits.
    pub fn bigint(&self, v: BigInt) -> PyRef<B> {
        match v.to_i64() {
            Some(i) => self.int(i),
            None => PyRef::new(Payload::BigInt(Box::new(v))),
        }
    }

    /// [`Vm::int`] with the allocation inlined, for the eval loop's arithmetic fast path.
    #[inline(always)]
    pub fn int_inline(&self, v: i64) -> PyRef<B> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v) {
            self.core.small_ints[(v - SMALL_INT_MIN) as usize].clone()
        } else {
            PyRef::new_inline(Payload::Int(v))
        }
    }

    /// A float.
    #[inline]
    pub fn float(&self, v: f64) -> PyRef<B> {
        PyRef::new(Payload::Float(v))
    }

    /// `True` or `False`.
    #[inline(always)]
    pub fn bool(&self, v: bool) -> PyRef<B> {
        if v { self.core.true_.clone() } else { self.core.false_.clone() }
    }

    /// A new str.
    pub fn str(&self, s: impl Into<Box<str>>) -> PyRef<B> {
        let s = s.into();
        if s.is_empty() {
            return self.core.empty_str.clone();
        }
        PyRef::new(Payload::Str(PyStr::new(s)))
    }

    /// The interned str for `s` (one object per distinct name; used for identifiers).
    pub fn intern(&self, s: &str) -> PyRef<B> {
        let mut map = self.core.interned.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(r) = map.get(s) {
            return r.clone();
        }
        let r = PyRef::new(Payload::Str(PyStr::new(s)));
        self.immortalize(&r);
        map.insert(s.into(), r.clone());
        r
    }

    /// A new tuple.
    pub fn tuple(&self, items: Vec<PyRef<B>>) -> PyRef<B> {
        if items.is_empty() {
            return self.core.empty_tuple.clone();
        }
        PyRef::new(Payload::Tuple(items.into_boxed_slice()))
    }

    /// A new list.
    pub fn list(&self, items: Vec<PyRef<B>>) -> PyRef<B> {
        PyRef::new(Payload::List(B::cell_new(items)))
    }

    /// A new dict.
    pub fn dict(&self, d: Dict<B>) -> PyRef<B> {
        PyRef::new(Payload::Dict(B::cell_new(d)))
    }

    /// A new set.
    pub fn set(&self, d: Dict<B>) -> PyRef<B> {
        PyRef::new(Payload::Set(B::cell_new(d)))
    }

    /// A new frozenset of the elements of `d` (a table whose values are all `None`).
    pub fn frozenset(&self, d: Dict<B>) -> PyRef<B> {
        PyRef::new(Payload::FrozenSet(Box::new(crate::object::FrozenSetObj::new(d))))
    }

    /// Records a source text for tracebacks.
    pub fn add_source(&self, filename: &str, source: &str) {
        let mut map = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        map.insert(filename.to_string(), source.into());
    }

    /// Line `line` (1-based) of `filename`, stripped, if the source is known.
    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let map = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        let src = map.get(filename)?;
        src.lines().nth(line.checked_sub(1)? as usize).map(|l| l.trim().to_string())
    }
}

impl<B: Backend> Drop for Vm<B> {
    fn drop(&mut self) {
        let thread = self.backend.attach();
        crate::object::generator::set_teardown::<B>(true);
        clear_namespaces(self);
        // SAFETY: `core` is dropped exactly once, here, while this thread is attached
        // (docs/safety.md I1); nothing can use it afterwards because the VM is being dropped.
        unsafe { ManuallyDrop::drop(&mut self.core) };
        // SAFETY: attached; the program is over (no other thread of this VM runs: they were
        // joined, and a daemon thread would still hold the VM's `Arc`), and `core` is gone.
        let shells = unsafe { self.immortals.empty() };
        self.backend.detach(thread);
        // SAFETY: dropped once, here; no thread is attached any more. Dropping it runs every
        // destructor it still deferred (which may decref an immortal's count: still allocated).
        unsafe { ManuallyDrop::drop(&mut self.backend) };
        // SAFETY: the backend is gone, and with the payloads emptied nothing references the
        // immortals any more.
        unsafe { shells.free() };
        crate::object::generator::set_teardown::<B>(false);
    }
}

/// Breaks the reference cycles that every program makes (module globals ↔ functions, classes
/// ↔ their methods' `__class__` cells) so that dropping the VM frees everything.
pub fn clear_namespaces<B: Backend>(vm: &Vm<B>) {
    let modules: Vec<PyRef<B>> = match &vm.core.modules.payload {
        Payload::Dict(d) => {
            vm.core.modules.read(d, |t| t.iter().filter_map(|e| e.value.clone()).collect())
        }
        _ => Vec::new(),
    };
    let exec_namespaces =
        std::mem::take(&mut *vm.exec_namespaces.lock().unwrap_or_else(|e| e.into_inner()));
    let module_dicts = modules.iter().filter_map(|m| match &m.payload {
        Payload::Module(mo) => Some((mo.dict.clone(), false)),
        _ => None,
    });
    for (ns, from_exec) in module_dicts.chain(exec_namespaces.into_iter().map(|d| (d, true))) {
        let Payload::Dict(d) = &ns.payload else { continue };
        let values: Vec<PyRef<B>> =
            ns.read(d, |t| t.iter().filter_map(|e| e.value.clone()).collect());
        for v in values {
            // Classes defined in the namespace let go of their methods (a class `exec` made
            // in a namespace without `__name__` says its module is `builtins`); the built-in
            // classes keep theirs.
            if let Payload::Type(t) = &v.payload
                && (t.module != "builtins" || from_exec && !is_core_type(vm, &v))
            {
                let entries = v.write(&t.dict, |d| d.take_all());
                crate::object::typever::class_dict_changed();
                drop(entries);
            }
        }
        let entries = ns.write(d, |t| t.take_all());
        drop(entries);
    }
    drop(modules);
    for ns in [&vm.core.modules, &vm.core.builtins] {
        if let Payload::Dict(d) = &ns.payload {
            let entries = ns.write(d, |t| t.take_all());
            drop(entries);
        }
    }
}

/// Whether `cls` is one of the VM's own built-in classes.
fn is_core_type<B: Backend>(vm: &Vm<B>, cls: &PyRef<B>) -> bool {
    cls.is(&vm.core.object_type)
        || vm.core.types.all().iter().any(|(_, t)| t.is(cls))
        || vm.core.exc.all().iter().any(|(_, t)| t.is(cls))
}
