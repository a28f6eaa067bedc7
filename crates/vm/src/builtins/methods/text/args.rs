//! Argument handling of the `str` and `bytes` methods: CPython's several argument parsers and
//! their `TypeError` wordings, the receiver, integer (`__index__`) and slice-bound arguments.

use super::PyText;
use crate::backend::Backend;
use crate::builtins::Args;
use crate::builtins::methods::list::receiver;
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::{attr, isinstance, iter, seq, type_name};
use num_bigint::Sign;

/// How a method parses its arguments, which decides the wording of its `TypeError`s (CPython
/// uses several argument parsers, each with its own messages).
#[derive(Clone, Copy)]
pub(crate) enum Sig {
    /// `METH_NOARGS`: `str.upper() takes no arguments (1 given)`.
    NoArgs,
    /// `METH_O`: `str.join() takes exactly one argument (0 given)`.
    One,
    /// Argument Clinic, positional only: `strip expected at most 1 argument, got 2`.
    Positional(usize, usize),
    /// `PyArg_ParseTuple`: `find() takes at least 1 argument (0 given)`.
    Varargs(usize, usize),
    /// Argument Clinic with optional keyword parameters of these names.
    Keywords(&'static [&'static str]),
}

/// The arguments of a method call after `self`, by parameter position.
pub(crate) struct Parsed<'a, B: Backend>(Vec<Option<&'a PyRef<B>>>);

impl<'a, B: Backend> Parsed<'a, B> {
    /// The argument for parameter `i`, if given.
    pub(crate) fn get(&self, i: usize) -> Option<&'a PyRef<B>> {
        self.0.get(i).copied().flatten()
    }

    /// The argument for a required parameter (its presence was checked by [`parse`]).
    pub(crate) fn req(&self, ctx: &Ctx<'_, B>, i: usize) -> PyResult<B, &'a PyRef<B>> {
        self.get(i).ok_or_else(|| ctx.type_error("missing required argument"))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Checks the arguments after `self` of method `name` of the class of `T` against `sig`,
/// raising CPython's `TypeError`s, and returns them by parameter position.
pub(crate) fn parse<'a, B: Backend, T: PyText + ?Sized>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
    sig: Sig,
) -> PyResult<B, Parsed<'a, B>> {
    let cls = T::CLASS;
    let pos: &'a [PyRef<B>] = args.positional().get(1..).unwrap_or(&[]);
    let n = pos.len();
    let no_kw = || ctx.type_error(format!("{cls}.{name}() takes no keyword arguments"));
    let (min, max) = match sig {
        Sig::Keywords(names) => {
            let total = n + args.kwnames.len();
            if total > names.len() {
                return Err(ctx.type_error(format!(
                    "{name}() takes at most {} argument{} ({total} given)",
                    names.len(),
                    plural(names.len())
                )));
            }
            let mut out: Vec<Option<&'a PyRef<B>>> = (0..names.len()).map(|i| pos.get(i)).collect();
            for (k, v) in args.kwargs() {
                match names.iter().position(|x| *x == k) {
                    None => {
                        return Err(ctx.type_error(format!(
                            "'{k}' is an invalid keyword argument for {name}()"
                        )));
                    }
                    Some(i) => {
                        if let Some(slot) = out.get_mut(i) {
                            if slot.is_some() {
                                return Err(ctx.type_error(format!(
                                    "argument for {name}() given by name ('{k}') and position ({})",
                                    i + 1
                                )));
                            }
                            *slot = Some(v);
                        }
                    }
                }
            }
            return Ok(Parsed(out));
        }
        Sig::NoArgs => {
            if !args.kwnames.is_empty() {
                return Err(no_kw());
            }
            if n != 0 {
                return Err(
                    ctx.type_error(format!("{cls}.{name}() takes no arguments ({n} given)"))
                );
            }
            (0, 0)
        }
        Sig::One => {
            if !args.kwnames.is_empty() {
                return Err(no_kw());
            }
            if n != 1 {
                return Err(ctx
                    .type_error(format!("{cls}.{name}() takes exactly one argument ({n} given)")));
            }
            (1, 1)
        }
        Sig::Positional(min, max) => {
            if !args.kwnames.is_empty() {
                return Err(no_kw());
            }
            let exact = min == max;
            if n < min {
                let q = if exact { "" } else { "at least " };
                return Err(ctx.type_error(format!(
                    "{name} expected {q}{min} argument{}, got {n}",
                    plural(min)
                )));
            }
            if n > max {
                let q = if exact { "" } else { "at most " };
                return Err(ctx.type_error(format!(
                    "{name} expected {q}{max} argument{}, got {n}",
                    plural(max)
                )));
            }
            (min, max)
        }
        Sig::Varargs(min, max) => {
            if !args.kwnames.is_empty() {
                return Err(no_kw());
            }
            if n < min {
                return Err(ctx.type_error(format!(
                    "{name}() takes at least {min} argument{} ({n} given)",
                    plural(min)
                )));
            }
            if n > max {
                return Err(ctx.type_error(format!(
                    "{name}() takes at most {max} argument{} ({n} given)",
                    plural(max)
                )));
            }
            (min, max)
        }
    };
    debug_assert!(min <= n && n <= max);
    Ok(Parsed(pos.iter().map(Some).collect()))
}

/// `self` of method `name` of the class of `T` and its text, with CPython's errors for a
/// missing or foreign receiver (`str.upper(1)`), and the arguments after it parsed by `sig`.
pub(crate) fn recv<'a, B: Backend, T: PyText + ?Sized>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
    sig: Sig,
) -> PyResult<B, (&'a PyRef<B>, &'a T, Parsed<'a, B>)> {
    let (o, s) = receiver(ctx, args, T::CLASS, name, T::of)?;
    let p = parse::<B, T>(ctx, args, name, sig)?;
    Ok((o, s, p))
}

/// Argument Clinic's `TypeError` for an argument of the wrong type:
/// `{func}() {what} must be {expected}, not {type}`, where `None` is named `None`.
pub(crate) fn bad_argument<B: Backend>(
    ctx: &Ctx<'_, B>,
    func: &str,
    what: &str,
    expected: &str,
    v: &PyRef<B>,
) -> PyErr<B> {
    let got = match v.payload {
        Payload::None => "None".to_string(),
        _ => type_name(ctx.vm, v),
    };
    ctx.type_error(format!("{func}() {what} must be {expected}, not {got}"))
}

/// An integer as `__index__` gives it: one that fits in an `i64`, or the sign of a larger one.
enum Index {
    Small(i64),
    Big(Sign),
}

/// The integer value of `v` (an `int`, a `bool` or an object with `__index__`); `None` when
/// `v` has no `__index__`.
fn to_index<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, Option<Index>> {
    let direct = |p: &Payload<B>| match p {
        Payload::Int(i) => Some(Index::Small(*i)),
        Payload::Bool(b) => Some(Index::Small(*b as i64)),
        Payload::BigInt(b) => Some(Index::Big(b.sign())),
        _ => None,
    };
    if let Some(i) = direct(&v.payload) {
        return Ok(Some(i));
    }
    if !matches!(v.payload, Payload::Instance(_)) {
        return Ok(None);
    }
    let Some(r) = attr::call_dunder(ctx, v, "__index__", &[])? else { return Ok(None) };
    match direct(&r.payload) {
        Some(i) => Ok(Some(i)),
        None => {
            Err(ctx
                .type_error(format!("__index__ returned non-int (type {})", type_name(ctx.vm, &r))))
        }
    }
}

/// The value of an integer argument (`__index__` semantics), as a C `Py_ssize_t`.
pub(crate) fn index_arg<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i64> {
    match to_index(ctx, v)? {
        Some(Index::Small(i)) => Ok(i),
        Some(Index::Big(_)) => {
            Err(ctx.overflow_error("Python int too large to convert to C ssize_t"))
        }
        None => Err(not_an_integer(ctx, v)),
    }
}

fn not_an_integer<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyErr<B> {
    ctx.type_error(format!("'{}' object cannot be interpreted as an integer", type_name(ctx.vm, v)))
}

/// A C `int` argument (`expandtabs(tabsize)`, `splitlines(keepends)`, `hex(bytes_per_sep)`).
pub(crate) fn c_int_arg<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i64> {
    let n = match to_index(ctx, v)? {
        Some(Index::Small(i)) => i32::try_from(i).ok(),
        Some(Index::Big(_)) => None,
        None => return Err(not_an_integer(ctx, v)),
    };
    n.map(i64::from).ok_or_else(|| ctx.overflow_error("Python int too large to convert to C int"))
}

/// A byte given as an integer (the needle of `bytes.find` and friends): CPython's
/// `TypeError` when `v` is no integer, `ValueError` outside `range(0, 256)`.
pub(crate) fn byte_arg<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, u8> {
    let Some(i) = to_index(ctx, v)? else {
        return Err(ctx.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            type_name(ctx.vm, v)
        )));
    };
    match i {
        Index::Small(i) => u8::try_from(i).ok(),
        Index::Big(_) => None,
    }
    .ok_or_else(|| ctx.value_error("byte must be in range(0, 256)"))
}

/// A `start`/`end` argument of `find` and friends: `None` or an integer, clamped (CPython's
/// `_PyEval_SliceIndex`).
pub(crate) fn slice_index<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    v: Option<&PyRef<B>>,
) -> PyResult<B, Option<i64>> {
    let Some(v) = v else { return Ok(None) };
    if matches!(v.payload, Payload::None) {
        return Ok(None);
    }
    match to_index(ctx, v)? {
        Some(Index::Small(i)) => Ok(Some(i)),
        Some(Index::Big(Sign::Minus)) => Ok(Some(i64::MIN)),
        Some(Index::Big(_)) => Ok(Some(i64::MAX)),
        None => {
            Err(ctx
                .type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// CPython's `ADJUST_INDICES`: resolves optional `start`/`end` against `len`; `None` when the
/// range is empty because `start > end`.
pub(crate) fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> Option<(usize, usize)> {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start <= end).then_some((start as usize, end as usize))
}

/// The items of the argument of `join`, with CPython's error for a non-iterable.
pub(crate) fn join_items<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
) -> PyResult<B, Vec<PyRef<B>>> {
    if matches!(obj.payload, Payload::List(_) | Payload::Tuple(_)) {
        return seq::to_vec(ctx, obj);
    }
    let vm = ctx.vm;
    let it = iter::get_iter(ctx, obj).map_err(|e| {
        if isinstance(vm, &e.0, &vm.core.exc.type_error) {
            ctx.type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    while let Some(v) = iter::next(ctx, &it)? {
        out.push(v);
    }
    Ok(out)
}

/// A string that grew too large to allocate.
pub(crate) fn too_long<B: Backend>(ctx: &Ctx<'_, B>) -> PyErr<B> {
    // CPython's allocation fails first: `MemoryError` with no message.
    ctx.memory_error()
}
