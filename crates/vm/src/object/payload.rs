//! What an object is: the [`Payload`] enum and the structs behind its variants (code objects
//! in `code.rs`).

use super::dict::Dict;
use super::str::PyStr;
use super::{CodeRef, PyRef};
use crate::args::NativeFn;
use crate::backend::Backend;
use gillab_compiler::CodeObject;
use num_bigint::BigInt;
use std::any::Any;
use std::sync::Arc;

/// The contents of an object. Immutable variants hold plain data; mutable ones keep it in a
/// backend cell, reached through [`super::Object::read`] / [`super::Object::write`].
pub enum Payload<B: Backend> {
    /// `None`
    None,
    /// `NotImplemented`
    NotImplemented,
    /// `...`
    Ellipsis,
    /// `True` / `False` (two singletons).
    Bool(bool),
    /// An `int` that fits in 64 bits.
    Int(i64),
    /// An `int` that does not fit in 64 bits (never holds a value that would).
    BigInt(Box<BigInt>),
    /// A `float`.
    Float(f64),
    /// A `str`.
    Str(PyStr),
    /// A `bytes`.
    Bytes(Box<[u8]>),
    /// A `tuple`.
    Tuple(Box<[PyRef<B>]>),
    /// A `list`.
    List(B::Cell<Vec<PyRef<B>>>),
    /// A `dict`.
    Dict(B::Cell<Dict<B>>),
    /// A `set` (a table whose values are all `None`).
    Set(B::Cell<Dict<B>>),
    /// A `frozenset`: a set's table, never changed once built, so it needs no cell.
    FrozenSet(Box<FrozenSetObj<B>>),
    /// A `range`.
    Range(RangeObj),
    /// A `slice` (`start`, `stop`, `step`; `None` objects where omitted).
    Slice(Box<[PyRef<B>; 3]>),
    /// A code object with its constants and names converted to objects.
    Code(Box<CodeRef<B>>),
    /// A Python function.
    Function(Box<Function<B>>),
    /// A function implemented in Rust.
    Builtin(Box<BuiltinFn<B>>),
    /// A bound method: (function, self).
    Method(Box<(PyRef<B>, PyRef<B>)>),
    /// A closure cell.
    Cell(B::Cell<Option<PyRef<B>>>),
    /// A class.
    Type(Box<TypeObj<B>>),
    /// An instance of a class defined in Python (or of an exception class).
    Instance(Box<Instance<B>>),
    /// A module.
    Module(Box<ModuleObj<B>>),
    /// A built-in iterator (over a container, or `enumerate`, `zip`, `map`, ...).
    Iter(Box<IterObj<B>>),
    /// `staticmethod`, `classmethod` or `property` wrapping callables.
    Wrapper(Box<Wrapper<B>>),
    /// `super()`: (the class to start after, the instance).
    Super(Box<(PyRef<B>, PyRef<B>)>),
    /// An object implemented in Rust (locks, threads, files, sockets) with its class.
    Native(Box<NativeObj<B>>),
}

impl<B: Backend> Payload<B> {
    /// A short name of the variant, for debugging.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Payload::None => "NoneType",
            Payload::NotImplemented => "NotImplementedType",
            Payload::Ellipsis => "ellipsis",
            Payload::Bool(_) => "bool",
            Payload::Int(_) | Payload::BigInt(_) => "int",
            Payload::Float(_) => "float",
            Payload::Str(_) => "str",
            Payload::Bytes(_) => "bytes",
            Payload::Tuple(_) => "tuple",
            Payload::List(_) => "list",
            Payload::Dict(_) => "dict",
            Payload::Set(_) => "set",
            Payload::FrozenSet(_) => "frozenset",
            Payload::Range(_) => "range",
            Payload::Slice(_) => "slice",
            Payload::Code(_) => "code",
            Payload::Function(_) => "function",
            Payload::Builtin(_) => "builtin_function_or_method",
            Payload::Method(_) => "method",
            Payload::Cell(_) => "cell",
            Payload::Type(_) => "type",
            Payload::Instance(_) => "object",
            Payload::Module(_) => "module",
            Payload::Iter(_) => "iterator",
            Payload::Wrapper(_) => "wrapper",
            Payload::Super(_) => "super",
            Payload::Native(_) => "native",
        }
    }
}

/// A `frozenset`: its elements (a table whose values are all `None`, filled before the object
/// is shared and never changed afterwards) and its hash, computed on first use.
pub struct FrozenSetObj<B: Backend> {
    /// The elements.
    pub table: Dict<B>,
    /// Cached `hash()`; `-1` until computed (a Python hash is never `-1`).
    pub hash: std::sync::atomic::AtomicI64,
}

impl<B: Backend> FrozenSetObj<B> {
    /// A frozenset of the elements of `table`.
    pub fn new(table: Dict<B>) -> FrozenSetObj<B> {
        FrozenSetObj { table, hash: std::sync::atomic::AtomicI64::new(-1) }
    }
}

/// A `range(start, stop, step)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RangeObj {
    /// First value.
    pub start: i64,
    /// End (exclusive).
    pub stop: i64,
    /// Step (never zero).
    pub step: i64,
}

impl RangeObj {
    /// Number of values.
    pub fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            ((self.stop as i128 - self.start as i128 - 1) / self.step as i128 + 1) as i64
        } else if self.step < 0 && self.start > self.stop {
            ((self.start as i128 - self.stop as i128 - 1) / (-(self.step as i128)) + 1) as i64
        } else {
            0
        }
    }

    /// Whether the range is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A function defined in Python.
pub struct Function<B: Backend> {
    /// The code object (a `Payload::Code`).
    pub code: PyRef<B>,
    /// The module globals (a `Payload::Dict`).
    pub globals: PyRef<B>,
    /// `__name__`.
    pub name: PyRef<B>,
    /// `__qualname__`.
    pub qualname: PyRef<B>,
    /// Positional defaults (a tuple).
    pub defaults: Option<PyRef<B>>,
    /// Keyword-only defaults (a dict).
    pub kwdefaults: Option<PyRef<B>>,
    /// Free-variable cells (a tuple of cells).
    pub closure: Option<PyRef<B>>,
    /// `__module__`.
    pub module: PyRef<B>,
    /// What was assigned to the function's attributes (`f.x = 1`, `__name__`, `__doc__`,
    /// `__wrapped__`, ...) and its `__dict__`: `None` until the first is made
    /// (`ops::funcattrs`).
    pub attrs: B::Cell<Option<Box<FuncAttrs<B>>>>,
}

impl<B: Backend> Function<B> {
    /// The positional defaults, for the last `len()` positional parameters (empty if none).
    #[inline]
    pub fn positional_defaults(&self) -> &[PyRef<B>] {
        match self.defaults.as_ref().map(|d| &d.payload) {
            Some(Payload::Tuple(t)) => t,
            _ => &[],
        }
    }
}

/// The writable attributes of a [`Function`], each `None` until assigned (or, for `dict` and
/// `annotations`, until first read).
pub struct FuncAttrs<B: Backend> {
    /// `__dict__` (a `Payload::Dict`), holding the function's other attributes.
    pub dict: Option<PyRef<B>>,
    /// An assigned `__name__` (a str).
    pub name: Option<PyRef<B>>,
    /// An assigned `__qualname__` (a str).
    pub qualname: Option<PyRef<B>>,
    /// An assigned `__module__`.
    pub module: Option<PyRef<B>>,
    /// An assigned `__doc__`.
    pub doc: Option<PyRef<B>>,
    /// `__annotations__` (a dict).
    pub annotations: Option<PyRef<B>>,
}

impl<B: Backend> Default for FuncAttrs<B> {
    fn default() -> Self {
        FuncAttrs {
            dict: None,
            name: None,
            qualname: None,
            module: None,
            doc: None,
            annotations: None,
        }
    }
}

/// A function implemented in Rust; `self` arrives as the first positional argument for methods.
pub struct BuiltinFn<B: Backend> {
    /// `__name__`.
    pub name: &'static str,
    /// The implementation.
    pub func: NativeFn<B>,
    /// A bound receiver passed as the first argument (`print` has none; `[].append` has one).
    pub bound: Option<PyRef<B>>,
    /// Whether it reads its caller's namespaces (`globals()`, `locals()`, `vars()`, `exec`,
    /// `eval`): the eval loop then hands them over in [`crate::ctx::Ctx::caller`].
    pub reads_frame: bool,
}

/// A class.
pub struct TypeObj<B: Backend> {
    /// `__name__`.
    pub name: String,
    /// `__qualname__`.
    pub qualname: String,
    /// `__base__`: the base whose instance layout this class extends (`None` only for
    /// `object`).
    pub base: Option<PyRef<B>>,
    /// `__bases__`, in the order the class statement gave them.
    pub bases: Box<[PyRef<B>]>,
    /// The method resolution order after the class itself (C3 linearization, CPython's
    /// `__mro__[1:]`): attribute lookup searches the class's own dict, then these in order.
    /// Fixed at creation, so it needs no cell.
    pub mro: Box<[PyRef<B>]>,
    /// `type(cls)` when it is not `type` (a metaclass).
    pub metaclass: Option<PyRef<B>>,
    /// For a Python subclass of a built-in type (`class C(list)`): that built-in type. Its
    /// instances are `Payload::Instance`s whose `value` holds the built-in object.
    pub value_type: Option<PyRef<B>>,
    /// `Some(names)` when instances have no `__dict__` (every class in the MRO below
    /// `object` declares `__slots__`, none of them `__dict__`): the attribute names they
    /// may hold.
    pub slots: Option<Box<[String]>>,
    /// Class attributes and methods.
    pub dict: B::Cell<Dict<B>>,
    /// Which built-in layout instances of this class have.
    pub layout: Layout,
    /// `__module__` (`builtins` for built-in types).
    pub module: String,
    /// This class's tag for the type-attribute cache ([`super::typever::new_tag`]): unique in
    /// the process, never reused.
    pub tag: u64,
}

/// The built-in layout behind a class: what `Payload` its instances have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// `object` and user classes: `Payload::Instance` without exception state.
    Object,
    /// Exception classes: `Payload::Instance` with exception state.
    Exception,
    /// A built-in type whose instances have their own payload (`int`, `list`, ...).
    Builtin,
}

/// An instance of a Python class.
pub struct Instance<B: Backend> {
    /// `type(self)`.
    pub class: PyRef<B>,
    /// `self.__dict__`.
    pub dict: B::Cell<Dict<B>>,
    /// Exception state, for instances of exception classes.
    pub exc: Option<B::Cell<ExcState<B>>>,
    /// For an instance of a subclass of a built-in type (`TypeObj::value_type`): the built-in
    /// object it extends (a list, dict, int, ...). Set at creation and never replaced; a
    /// mutable value guards its own contents with its own cell.
    pub value: Option<PyRef<B>>,
}

/// What an exception carries besides its attributes.
pub struct ExcState<B: Backend> {
    /// `e.args` (a tuple).
    pub args: PyRef<B>,
    /// Frames the exception passed through, innermost last.
    pub traceback: Vec<TraceEntry>,
    /// `__context__`: the exception being handled when this one was raised.
    pub context: Option<PyRef<B>>,
    /// `__cause__`: set by `raise ... from ...`.
    pub cause: Option<PyRef<B>>,
    /// `__suppress_context__`.
    pub suppress_context: bool,
}

/// One traceback line: a code object and the line being executed in it.
#[derive(Clone)]
pub struct TraceEntry {
    /// The code that was running.
    pub code: Arc<CodeObject>,
    /// The line it was on.
    pub line: u32,
}

/// A module.
pub struct ModuleObj<B: Backend> {
    /// `__name__`.
    pub name: String,
    /// The module's globals (a `Payload::Dict`).
    pub dict: PyRef<B>,
    /// Whether it is implemented in Rust (its `repr` says `(built-in)`).
    pub builtin: bool,
}

/// `staticmethod`, `classmethod` and `property`.
pub enum Wrapper<B: Backend> {
    /// `staticmethod(f)`
    StaticMethod(PyRef<B>),
    /// `classmethod(f)`
    ClassMethod(PyRef<B>),
    /// `property(fget, fset)`
    Property {
        /// Getter.
        fget: Option<PyRef<B>>,
        /// Setter.
        fset: Option<PyRef<B>>,
    },
}

/// A Rust object exposed to Python with a class of its own.
pub struct NativeObj<B: Backend> {
    /// Its class (its methods live in the class dict).
    pub class: PyRef<B>,
    /// The Rust value.
    pub data: Box<dyn Any + Send + Sync>,
}

/// A built-in iterator: which class it is (fixed when it is made, so `type()` reads no cell)
/// and its state.
pub struct IterObj<B: Backend> {
    /// Its class.
    pub kind: IterKind,
    /// Where it is.
    pub state: B::Cell<IterState<B>>,
}

/// The class of a built-in iterator, named as CPython names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IterKind {
    /// `list_iterator`
    List,
    /// `list_reverseiterator`
    ListReverse,
    /// `tuple_iterator`
    Tuple,
    /// `range_iterator`
    Range,
    /// `str_iterator` (a string with non-ASCII characters)
    Str,
    /// `str_ascii_iterator`
    StrAscii,
    /// `bytes_iterator`
    Bytes,
    /// `dict_keyiterator`
    DictKeys,
    /// `dict_valueiterator`
    DictValues,
    /// `dict_itemiterator`
    DictItems,
    /// `dict_reversekeyiterator`
    DictReverseKeys,
    /// `dict_reversevalueiterator`
    DictReverseValues,
    /// `dict_reverseitemiterator`
    DictReverseItems,
    /// `set_iterator` (sets and frozensets)
    Set,
    /// `reversed` (of a sequence other than a list or range)
    Reversed,
    /// `enumerate`
    Enumerate,
    /// `zip`
    Zip,
    /// `map`
    Map,
    /// `filter`
    Filter,
    /// `callable_iterator` (`iter(f, sentinel)`)
    Callable,
    /// `iterator` (the `__getitem__` sequence protocol)
    Seq,
}

/// The state of a built-in iterator.
pub enum IterState<B: Backend> {
    /// Over a list, by index (sees appends made during iteration, as CPython does).
    List(PyRef<B>, usize),
    /// Over a tuple.
    Tuple(PyRef<B>, usize),
    /// Over a range: next value, values left, step.
    Range(i64, i64, i64),
    /// Over a string, by byte offset.
    Str(PyRef<B>, usize),
    /// Over bytes.
    Bytes(PyRef<B>, usize),
    /// Over a dict's keys, values or items, or a set's elements: the dict or set, the next
    /// dense position, what the table must still look like, and what to yield.
    Dict(PyRef<B>, usize, TableExpect, DictIterKind),
    /// Over a snapshot of values (`reversed`, eager generator expressions).
    Seq(Vec<PyRef<B>>, usize),
    /// `enumerate(it, start)`: the next count, or a big one once past 64 bits.
    Enumerate(PyRef<B>, i64, Option<Box<BigInt>>),
    /// `zip(*its, strict=...)`.
    Zip(Vec<PyRef<B>>, bool),
    /// `iter(f, sentinel)`.
    Callable(PyRef<B>, PyRef<B>),
    /// `map(f, *its)`.
    Map(PyRef<B>, Vec<PyRef<B>>),
    /// `filter(f, it)`; `f` is `None` for truthiness.
    Filter(PyRef<B>, PyRef<B>),
    /// Exhausted.
    Done,
}

/// What a dict or set iterator checks at every step, as CPython's `di_used` and `len` do: the
/// table's size when iteration started (a different size raises "changed size during
/// iteration"), and how many entries are left to yield (one more from a dict, whose keys were
/// replaced at the same size, raises "dictionary keys changed during iteration").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableExpect {
    /// The size at the start.
    pub used: usize,
    /// Entries not yet yielded.
    pub left: usize,
}

impl TableExpect {
    /// What an iterator over a table of `len` entries expects.
    pub fn new(len: usize) -> TableExpect {
        TableExpect { used: len, left: len }
    }
}

/// What a dict iterator yields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictIterKind {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// `(key, value)` tuples.
    Items,
}
