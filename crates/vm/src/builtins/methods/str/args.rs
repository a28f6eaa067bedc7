//! Argument handling shared by the `str` and `bytes` methods: CPython's several argument
//! parsers and their `TypeError` wordings, index and slice arguments.

#[allow(unused_imports)]
use super::*;

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

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Checks the arguments after `self` of method `cls.name` against `sig`, raising CPython's
/// `TypeError`s, and returns them by parameter position.
pub(crate) fn parse<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    cls: &str,
    name: &str,
    sig: Sig,
) -> PyResult<B, Parsed<'a, B>> {
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

/// `self` of a `str` method and its text, with CPython's errors for a missing or foreign
/// receiver (`str.upper(1)`).
pub(super) fn recv<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a str)> {
    let pos: &'a [PyRef<B>] = args.positional();
    match pos.first() {
        Some(o) => match &o.payload {
            Payload::Str(s) => Ok((o, s.as_str())),
            _ => Err(ctx.type_error(format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                type_name(ctx.vm, o)
            ))),
        },
        None => Err(ctx.type_error(format!("unbound method str.{name}() needs an argument"))),
    }
}

/// The value of an integer argument (`__index__` semantics), as a C `Py_ssize_t`.
pub(crate) fn index_arg<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i64> {
    let too_big =
        |ctx: &Ctx<'_, B>| ctx.overflow_error("Python int too large to convert to C ssize_t");
    match &v.payload {
        Payload::Int(i) => Ok(*i),
        Payload::Bool(b) => Ok(*b as i64),
        Payload::BigInt(_) => Err(too_big(ctx)),
        Payload::Instance(_) => match attr::call_dunder(ctx, v, "__index__", &[])? {
            Some(r) => match &r.payload {
                Payload::Int(i) => Ok(*i),
                Payload::Bool(b) => Ok(*b as i64),
                Payload::BigInt(_) => Err(too_big(ctx)),
                _ => Err(ctx.type_error(format!(
                    "__index__ returned non-int (type {})",
                    type_name(ctx.vm, &r)
                ))),
            },
            None => Err(not_an_integer(ctx, v)),
        },
        _ => Err(not_an_integer(ctx, v)),
    }
}

pub(super) fn not_an_integer<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyErr<B> {
    ctx.type_error(format!("'{}' object cannot be interpreted as an integer", type_name(ctx.vm, v)))
}

/// A C `int` argument (`expandtabs(tabsize)`, `hex(bytes_per_sep)`).
pub(crate) fn c_int_arg<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i64> {
    let n = match &v.payload {
        Payload::BigInt(_) => i64::MAX,
        _ => index_arg(ctx, v)?,
    };
    if n > i32::MAX as i64 || n < i32::MIN as i64 {
        return Err(ctx.overflow_error("Python int too large to convert to C int"));
    }
    Ok(n)
}

/// A `start`/`end` argument of `find` and friends: `None` or an integer, clamped (CPython's
/// `_PyEval_SliceIndex`).
pub(crate) fn slice_index<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    v: Option<&PyRef<B>>,
) -> PyResult<B, Option<i64>> {
    let Some(v) = v else { return Ok(None) };
    let bad = |ctx: &Ctx<'_, B>| {
        ctx.type_error("slice indices must be integers or None or have an __index__ method")
    };
    let big = |b: &num_bigint::BigInt| {
        if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }
    };
    match &v.payload {
        Payload::None => Ok(None),
        Payload::Int(i) => Ok(Some(*i)),
        Payload::Bool(b) => Ok(Some(*b as i64)),
        Payload::BigInt(b) => Ok(Some(big(b))),
        Payload::Instance(_) => match attr::call_dunder(ctx, v, "__index__", &[])? {
            Some(r) => match &r.payload {
                Payload::Int(i) => Ok(Some(*i)),
                Payload::Bool(b) => Ok(Some(*b as i64)),
                Payload::BigInt(b) => Ok(Some(big(b))),
                _ => Err(ctx.type_error(format!(
                    "__index__ returned non-int (type {})",
                    type_name(ctx.vm, &r)
                ))),
            },
            None => Err(bad(ctx)),
        },
        _ => Err(bad(ctx)),
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

// ---------------------------------------------------------------------------------------------
