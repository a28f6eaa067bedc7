//! Methods of `str`, with CPython 3.11's semantics and error messages.
//!
//! Indices are in code points while the text is stored as UTF-8, so every method that takes or
//! returns a position converts between the two (ASCII text, the common case, needs no walk).
//! Character classes (`isalpha`, `isdigit`, identifiers, case folding and titlecase) follow
//! CPython's Unicode 14 database through the tables at the end of this file; plain upper and
//! lower case mappings come from Rust's `char` methods.
//!
//! The argument-parsing helpers here ([`parse`], [`index_arg`], [`slice_index`], [`adjust`]) are
//! shared with `bytes` methods, which report errors in the same styles.

use crate::backend::Backend;
use crate::builtins::{Args, add, native, strings};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Payload, PyRef, Wrapper};
use crate::ops::{attr, dicts, isinstance, iter, repr, seq, type_name};
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.types.str_;
    add(vm, t, "join", str_join);
    add(vm, t, "split", str_split);
    add(vm, t, "rsplit", str_rsplit);
    add(vm, t, "splitlines", str_splitlines);
    add(vm, t, "strip", str_strip);
    add(vm, t, "lstrip", str_lstrip);
    add(vm, t, "rstrip", str_rstrip);
    add(vm, t, "startswith", str_startswith);
    add(vm, t, "endswith", str_endswith);
    add(vm, t, "replace", str_replace);
    add(vm, t, "upper", str_upper);
    add(vm, t, "lower", str_lower);
    add(vm, t, "casefold", str_casefold);
    add(vm, t, "title", str_title);
    add(vm, t, "capitalize", str_capitalize);
    add(vm, t, "swapcase", str_swapcase);
    add(vm, t, "find", str_find);
    add(vm, t, "rfind", str_rfind);
    add(vm, t, "index", str_index);
    add(vm, t, "rindex", str_rindex);
    add(vm, t, "count", str_count);
    add(vm, t, "format", str_format);
    add(vm, t, "format_map", str_format_map);
    add(vm, t, "encode", str_encode);
    add(vm, t, "isdigit", str_isdigit);
    add(vm, t, "isalpha", str_isalpha);
    add(vm, t, "isalnum", str_isalnum);
    add(vm, t, "isspace", str_isspace);
    add(vm, t, "isupper", str_isupper);
    add(vm, t, "islower", str_islower);
    add(vm, t, "isdecimal", str_isdecimal);
    add(vm, t, "isnumeric", str_isnumeric);
    add(vm, t, "isidentifier", str_isidentifier);
    add(vm, t, "istitle", str_istitle);
    add(vm, t, "isascii", str_isascii);
    add(vm, t, "isprintable", str_isprintable);
    add(vm, t, "center", str_center);
    add(vm, t, "ljust", str_ljust);
    add(vm, t, "rjust", str_rjust);
    add(vm, t, "zfill", str_zfill);
    add(vm, t, "partition", str_partition);
    add(vm, t, "rpartition", str_rpartition);
    add(vm, t, "expandtabs", str_expandtabs);
    add(vm, t, "removeprefix", str_removeprefix);
    add(vm, t, "removesuffix", str_removesuffix);
    add(vm, t, "translate", str_translate);
    let maketrans = native("maketrans", str_maketrans::<B>);
    let wrapped = PyRef::new(Payload::Wrapper(Box::new(Wrapper::StaticMethod(maketrans))));
    dicts::set_name(t, vm.intern("maketrans"), wrapped);
}

// ---------------------------------------------------------------------------------------------
// Argument handling shared with `bytes`.
// ---------------------------------------------------------------------------------------------

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
fn recv<'a, B: Backend>(
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

fn not_an_integer<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyErr<B> {
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
        if isinstance(vm, &e.0, &vm.exc.type_error) {
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
    ctx.overflow_error("result is too long")
}

// ---------------------------------------------------------------------------------------------
// Text helpers.
// ---------------------------------------------------------------------------------------------

/// Length of `s` in code points.
pub(crate) fn cp_len(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.chars().count() }
}

/// The part of `s` between code points `a` and `b` (`a <= b`).
fn window(s: &str, a: usize, b: usize) -> &str {
    if s.is_ascii() {
        return s.get(a.min(s.len())..b.min(s.len())).unwrap_or("");
    }
    let (mut start, mut end) = (s.len(), s.len());
    for (k, (i, _)) in s.char_indices().enumerate() {
        if k == a {
            start = i;
        }
        if k == b {
            end = i;
            break;
        }
    }
    s.get(start..end).unwrap_or("")
}

/// `str.isspace` for one character (Unicode White_Space plus the ASCII separators 0x1c-0x1f).
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c as u32,
        0x09..=0x0d
            | 0x1c..=0x20
            | 0x85
            | 0xa0
            | 0x1680
            | 0x2000..=0x200a
            | 0x2028
            | 0x2029
            | 0x202f
            | 0x205f
            | 0x3000
    )
}

/// Line boundaries recognised by `str.splitlines`.
fn is_linebreak(c: char) -> bool {
    matches!(c as u32, 0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029)
}

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn in_map(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let c = c as u32;
    table.binary_search_by_key(&c, |&(k, _)| k).ok().and_then(|i| table.get(i)).map(|e| e.1)
}

/// `str.isalpha` for one character (categories Lu, Ll, Lt, Lm, Lo).
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { in_ranges(ALPHA, c) }
}

/// `str.isdecimal` for one character (category Nd).
pub(crate) fn is_decimal(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_digit() } else { in_ranges(DECIMAL, c) }
}

/// The value of a decimal digit of any script (every Nd block runs 0 to 9).
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let c = c as u32;
    DECIMAL.iter().find(|&&(lo, hi)| lo <= c && c <= hi).map(|&(lo, _)| (c - lo) % 10)
}

/// `str.isdigit` for one character.
pub(crate) fn is_digit(c: char) -> bool {
    is_decimal(c) || (!c.is_ascii() && in_ranges(DIGIT_EXTRA, c))
}

/// `str.isnumeric` for one character.
pub(crate) fn is_numeric(c: char) -> bool {
    is_digit(c) || (!c.is_ascii() && in_ranges(NUMERIC_EXTRA, c))
}

fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    is_alpha(c) != in_ranges(ID_START_XOR, c)
}

fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    is_id_start(c) || is_decimal(c) || in_ranges(ID_CONTINUE_EXTRA, c)
}

/// Titlecase letters (category Lt).
fn is_title_char(c: char) -> bool {
    matches!(
        c as u32,
        0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f | 0x1fa8..=0x1faf
            | 0x1fbc | 0x1fcc | 0x1ffc
    )
}

/// Letters that Rust's (newer) Unicode data gives case properties or mappings but CPython
/// 3.11's Unicode 14 does not: they are uncased here, as in CPython.
fn uncased_in_14(c: char) -> bool {
    !c.is_ascii() && in_ranges(UNCASED_IN_14, c)
}

/// `Py_UNICODE_ISUPPER`: the Uppercase property.
fn is_upper(c: char) -> bool {
    c.is_uppercase() && !uncased_in_14(c)
}

/// `Py_UNICODE_ISLOWER`: the Lowercase property. U+0295 lost it after Unicode 14; four
/// letters of [`UNCASED_IN_14`] had it without case mappings.
fn is_lower(c: char) -> bool {
    matches!(c as u32, 0x19b | 0x264 | 0x295 | 0xa7d3 | 0xa7d5)
        || (c.is_lowercase() && !uncased_in_14(c))
}

fn is_cased(c: char) -> bool {
    is_lower(c) || is_upper(c) || is_title_char(c)
}

/// An approximation of Unicode's Case_Ignorable property, used only for the final-sigma rule.
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c as u32,
        0x27 | 0x2e
            | 0x3a
            | 0x5e
            | 0x60
            | 0xa8
            | 0xad
            | 0xaf
            | 0xb4
            | 0xb7
            | 0xb8
            | 0x2b0..=0x36f
            | 0x374
            | 0x375
            | 0x37a
            | 0x384
            | 0x385
            | 0x387
            | 0x483..=0x489
            | 0x1ab0..=0x1aff
            | 0x1dc0..=0x1dff
            | 0x2018
            | 0x2019
            | 0x2024
            | 0x2027
            | 0x200b..=0x200f
            | 0x2060..=0x2064
            | 0x20d0..=0x20ff
            | 0xfe00..=0xfe0f
            | 0xfe20..=0xfe2f
    )
}

/// Whether the capital sigma at `chars[i]` ends a word (lowercases to `ς`).
fn final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars.get(..i).unwrap_or(&[]).iter().rev().find(|c| !is_case_ignorable(**c));
    if !before.is_some_and(|c| is_cased(*c)) {
        return false;
    }
    let after = chars.get(i + 1..).unwrap_or(&[]).iter().find(|c| !is_case_ignorable(**c));
    !after.is_some_and(|c| is_cased(*c))
}

/// Appends the lowercase of `chars[i]` (CPython's `lower_ucs4`, with the final-sigma rule).
fn push_lower(chars: &[char], i: usize, out: &mut String) {
    let Some(&c) = chars.get(i) else { return };
    if uncased_in_14(c) {
        out.push(c);
    } else if c == '\u{3a3}' {
        out.push(if final_sigma(chars, i) { '\u{3c2}' } else { '\u{3c3}' });
    } else {
        out.extend(c.to_lowercase());
    }
}

fn push_upper(c: char, out: &mut String) {
    if uncased_in_14(c) {
        out.push(c);
    } else {
        out.extend(c.to_uppercase());
    }
}

fn push_title(c: char, out: &mut String) {
    match in_map(TITLE, c) {
        Some(t) => out.push_str(t),
        None => push_upper(c, out),
    }
}

fn push_fold(c: char, out: &mut String) {
    match in_map(CASEFOLD, c) {
        Some(t) => out.push_str(t),
        None if uncased_in_14(c) => out.push(c),
        None => out.extend(c.to_lowercase()),
    }
}

fn split_whitespace(s: &str, max: usize) -> Vec<&str> {
    let len = s.len();
    let skip_space = |from: usize| {
        s.get(from..)
            .unwrap_or("")
            .char_indices()
            .find(|&(_, c)| !is_space(c))
            .map_or(len, |(k, _)| from + k)
    };
    let skip_word = |from: usize| {
        s.get(from..)
            .unwrap_or("")
            .char_indices()
            .find(|&(_, c)| is_space(c))
            .map_or(len, |(k, _)| from + k)
    };
    let mut out = Vec::new();
    let mut i = 0;
    let mut left = max;
    while left > 0 {
        i = skip_space(i);
        if i == len {
            break;
        }
        let j = skip_word(i);
        out.push(s.get(i..j).unwrap_or(""));
        i = j;
        left -= 1;
    }
    if i < len {
        i = skip_space(i);
        if i < len {
            out.push(s.get(i..).unwrap_or(""));
        }
    }
    out
}

fn rsplit_whitespace(s: &str, max: usize) -> Vec<&str> {
    // Each helper returns the byte offset just after the last character before `to` that is
    // (or is not) a space, or 0 when there is none.
    let back_over_space = |to: usize| {
        s.get(..to)
            .unwrap_or("")
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_space(c))
            .map_or(0, |(k, c)| k + c.len_utf8())
    };
    let back_over_word = |to: usize| {
        s.get(..to)
            .unwrap_or("")
            .char_indices()
            .rev()
            .find(|&(_, c)| is_space(c))
            .map_or(0, |(k, c)| k + c.len_utf8())
    };
    let mut out = Vec::new();
    let mut end = s.len();
    let mut left = max;
    while left > 0 {
        end = back_over_space(end);
        if end == 0 {
            break;
        }
        let start = back_over_word(end);
        out.push(s.get(start..end).unwrap_or(""));
        end = start;
        left -= 1;
    }
    if end > 0 {
        end = back_over_space(end);
        if end > 0 {
            out.push(s.get(..end).unwrap_or(""));
        }
    }
    out.reverse();
    out
}

fn str_list<B: Backend>(vm: &Vm<B>, parts: Vec<&str>) -> PyRef<B> {
    vm.list(parts.into_iter().map(|p| vm.str(p)).collect())
}

// ---------------------------------------------------------------------------------------------
// The methods.
// ---------------------------------------------------------------------------------------------

fn str_join<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, sep) = recv(ctx, &args, "join")?;
    let p = parse(ctx, &args, "str", "join", Sig::One)?;
    let items = join_items(ctx, p.req(ctx, 0)?)?;
    if let [only] = items.as_slice()
        && matches!(only.payload, Payload::Str(_))
    {
        return Ok(only.clone());
    }
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        let Payload::Str(s) = &it.payload else {
            return Err(ctx.type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                type_name(ctx.vm, it)
            )));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s.as_str());
    }
    Ok(ctx.vm.str(out))
}

fn split_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    right: bool,
) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::Keywords(&["sep", "maxsplit"]))?;
    let sep = match p.get(0) {
        None => None,
        Some(v) => match &v.payload {
            Payload::None => None,
            Payload::Str(t) => Some(t.as_str()),
            _ => {
                return Err(
                    ctx.type_error(format!("must be str or None, not {}", type_name(ctx.vm, v)))
                );
            }
        },
    };
    let maxsplit = match p.get(1) {
        Some(v) => index_arg(ctx, v)?,
        None => -1,
    };
    let max = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let parts = match sep {
        None if right => rsplit_whitespace(s, max),
        None => split_whitespace(s, max),
        Some("") => return Err(ctx.value_error("empty separator")),
        Some(sep) if right => {
            let mut v: Vec<&str> = s.rsplitn(max.saturating_add(1), sep).collect();
            v.reverse();
            v
        }
        Some(sep) => s.splitn(max.saturating_add(1), sep).collect(),
    };
    Ok(str_list(ctx.vm, parts))
}

fn str_split<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    split_impl(ctx, args, "split", false)
}

fn str_rsplit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    split_impl(ctx, args, "rsplit", true)
}

fn str_splitlines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, "splitlines")?;
    let p = parse(ctx, &args, "str", "splitlines", Sig::Keywords(&["keepends"]))?;
    let keepends = match p.get(0) {
        Some(v) => index_arg(ctx, v)? != 0,
        None => false,
    };
    let mut parts = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut after = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
            chars.next();
            after += 1;
        }
        parts.push(s.get(start..if keepends { after } else { i }).unwrap_or(""));
        start = after;
    }
    if start < s.len() {
        parts.push(s.get(start..).unwrap_or(""));
    }
    Ok(str_list(ctx.vm, parts))
}

fn strip_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    left: bool,
    right: bool,
) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::Positional(0, 1))?;
    let chars: Option<Vec<char>> = match p.get(0) {
        None => None,
        Some(v) => match &v.payload {
            Payload::None => None,
            Payload::Str(t) => Some(t.as_str().chars().collect()),
            _ => return Err(ctx.type_error(format!("{name} arg must be None or str"))),
        },
    };
    let strip = |c: char| match &chars {
        None => is_space(c),
        Some(set) => set.contains(&c),
    };
    let mut r = s;
    if left {
        r = r.trim_start_matches(strip);
    }
    if right {
        r = r.trim_end_matches(strip);
    }
    if r.len() == s.len() {
        return Ok(o.clone());
    }
    Ok(ctx.vm.str(r))
}

fn str_strip<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    strip_impl(ctx, args, "strip", true, true)
}

fn str_lstrip<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    strip_impl(ctx, args, "lstrip", true, false)
}

fn str_rstrip<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    strip_impl(ctx, args, "rstrip", false, true)
}

fn tail_match(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let Some((a, b)) = adjust(start, end, cp_len(s)) else { return false };
    let w = window(s, a, b);
    if at_end { w.ends_with(sub) } else { w.starts_with(sub) }
}

fn affix_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    at_end: bool,
) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::Varargs(1, 3))?;
    let start = slice_index(ctx, p.get(1))?;
    let end = slice_index(ctx, p.get(2))?;
    let what = p.req(ctx, 0)?;
    let r = match &what.payload {
        Payload::Str(sub) => tail_match(s, sub.as_str(), start, end, at_end),
        Payload::Tuple(items) => {
            let mut found = false;
            for it in items.iter() {
                let Payload::Str(sub) = &it.payload else {
                    return Err(ctx.type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        type_name(ctx.vm, it)
                    )));
                };
                if tail_match(s, sub.as_str(), start, end, at_end) {
                    found = true;
                    break;
                }
            }
            found
        }
        _ => {
            return Err(ctx.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                type_name(ctx.vm, what)
            )));
        }
    };
    Ok(ctx.vm.bool(r))
}

fn str_startswith<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_impl(ctx, args, "startswith", false)
}

fn str_endswith<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_impl(ctx, args, "endswith", true)
}

/// A `str` argument, or `TypeError: {what} must be str, not T` (`must be str, not T` when
/// `what` is empty).
fn str_arg<'a, B: Backend>(ctx: &Ctx<'_, B>, v: &'a PyRef<B>, what: &str) -> PyResult<B, &'a str> {
    match &v.payload {
        Payload::Str(s) => Ok(s.as_str()),
        _ => {
            let sp = if what.is_empty() { "" } else { " " };
            Err(ctx.type_error(format!("{what}{sp}must be str, not {}", type_name(ctx.vm, v))))
        }
    }
}

fn str_replace<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, "replace")?;
    let p = parse(ctx, &args, "str", "replace", Sig::Positional(2, 3))?;
    let old = str_arg(ctx, p.req(ctx, 0)?, "replace() argument 1")?;
    let new = str_arg(ctx, p.req(ctx, 1)?, "replace() argument 2")?;
    let count = match p.get(2) {
        Some(v) => index_arg(ctx, v)?,
        None => -1,
    };
    if count == 0 || (!old.is_empty() && !s.contains(old)) {
        return Ok(o.clone());
    }
    // Refuse results that cannot be allocated before building them.
    let hits = if old.is_empty() { cp_len(s) + 1 } else { s.matches(old).count() };
    let hits = usize::try_from(count).map_or(hits, |c| c.min(hits));
    let grow = new.len().saturating_sub(old.len()).checked_mul(hits);
    if grow.and_then(|g| g.checked_add(s.len())).is_none_or(|n| n > isize::MAX as usize / 2) {
        return Err(too_long(ctx));
    }
    let out = match usize::try_from(count) {
        Ok(n) => s.replacen(old, new, n),
        Err(_) => s.replace(old, new),
    };
    Ok(ctx.vm.str(out))
}

fn map_text<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    f: fn(&str) -> String,
) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, name)?;
    parse(ctx, &args, "str", name, Sig::NoArgs)?;
    Ok(ctx.vm.str(f(s)))
}

fn str_upper<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_text(ctx, args, "upper", |s| {
        if s.is_ascii() {
            s.to_ascii_uppercase()
        } else if s.chars().any(uncased_in_14) {
            let mut out = String::with_capacity(s.len());
            s.chars().for_each(|c| push_upper(c, &mut out));
            out
        } else {
            s.to_uppercase()
        }
    })
}

fn str_lower<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_text(ctx, args, "lower", |s| {
        if s.is_ascii() {
            s.to_ascii_lowercase()
        } else if s.chars().any(uncased_in_14) {
            let chars: Vec<char> = s.chars().collect();
            let mut out = String::with_capacity(s.len());
            (0..chars.len()).for_each(|i| push_lower(&chars, i, &mut out));
            out
        } else {
            s.to_lowercase()
        }
    })
}

fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_fold(c, &mut out);
    }
    out
}

fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower(&chars, i, &mut out);
        } else {
            push_title(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(c, &mut out);
        } else {
            push_lower(&chars, i, &mut out);
        }
    }
    out
}

fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower(&chars, i, &mut out);
        } else if is_lower(c) {
            push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

fn str_casefold<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_text(ctx, args, "casefold", casefold)
}

fn str_title<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_text(ctx, args, "title", title)
}

fn str_capitalize<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_text(ctx, args, "capitalize", capitalize)
}

fn str_swapcase<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_text(ctx, args, "swapcase", swapcase)
}

/// Where `sub` occurs in `s[start:end]`, as a code-point index into `s`.
fn find_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, right: bool) -> Option<usize> {
    let (a, b) = adjust(start, end, cp_len(s))?;
    let w = window(s, a, b);
    let pos = if right { w.rfind(sub) } else { w.find(sub) }?;
    Some(a + cp_len(w.get(..pos).unwrap_or("")))
}

fn find_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    right: bool,
    raise: bool,
) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::Varargs(1, 3))?;
    let start = slice_index(ctx, p.get(1))?;
    let end = slice_index(ctx, p.get(2))?;
    let sub = str_arg(ctx, p.req(ctx, 0)?, "")?;
    match find_in(s, sub, start, end, right) {
        Some(i) => Ok(ctx.vm.int(i as i64)),
        None if raise => Err(ctx.value_error("substring not found")),
        None => Ok(ctx.vm.int(-1)),
    }
}

fn str_find<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "find", false, false)
}

fn str_rfind<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "rfind", true, false)
}

fn str_index<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "index", false, true)
}

fn str_rindex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "rindex", true, true)
}

fn str_count<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, "count")?;
    let p = parse(ctx, &args, "str", "count", Sig::Varargs(1, 3))?;
    let start = slice_index(ctx, p.get(1))?;
    let end = slice_index(ctx, p.get(2))?;
    let sub = str_arg(ctx, p.req(ctx, 0)?, "")?;
    let n = match adjust(start, end, cp_len(s)) {
        None => 0,
        Some((a, b)) if sub.is_empty() => b - a + 1,
        Some((a, b)) => window(s, a, b).matches(sub).count(),
    };
    Ok(ctx.vm.int(n as i64))
}

fn predicate<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    f: fn(&str) -> bool,
) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, name)?;
    parse(ctx, &args, "str", name, Sig::NoArgs)?;
    Ok(ctx.vm.bool(f(s)))
}

fn all_of(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

fn str_isdigit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isdigit", |s| all_of(s, is_digit))
}

fn str_isalpha<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isalpha", |s| all_of(s, is_alpha))
}

fn str_isalnum<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isalnum", |s| all_of(s, |c| is_alpha(c) || is_numeric(c)))
}

fn str_isspace<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isspace", |s| all_of(s, is_space))
}

fn str_isdecimal<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isdecimal", |s| all_of(s, is_decimal))
}

fn str_isnumeric<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isnumeric", |s| all_of(s, is_numeric))
}

fn str_isascii<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isascii", |s| s.is_ascii())
}

fn str_isprintable<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isprintable", |s| s.chars().all(crate::fmt::is_printable))
}

fn str_isidentifier<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isidentifier", |s| {
        let mut cs = s.chars();
        cs.next().is_some_and(is_id_start) && cs.all(is_id_continue)
    })
}

fn str_isupper<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isupper", |s| {
        let mut cased = false;
        for c in s.chars() {
            if is_lower(c) || is_title_char(c) {
                return false;
            }
            cased |= is_upper(c);
        }
        cased
    })
}

fn str_islower<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "islower", |s| {
        let mut cased = false;
        for c in s.chars() {
            if is_upper(c) || is_title_char(c) {
                return false;
            }
            cased |= is_lower(c);
        }
        cased
    })
}

fn str_istitle<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "istitle", |s| {
        let mut cased = false;
        let mut prev_cased = false;
        for c in s.chars() {
            if is_upper(c) || is_title_char(c) {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if is_lower(c) {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

#[derive(Clone, Copy)]
enum Pad {
    Left,
    Right,
    Center,
}

/// `s` padded with `fill` to `width` code points (`ljust`, `rjust`, `center`).
fn padded<B: Backend>(
    ctx: &Ctx<'_, B>,
    s: &str,
    width: i64,
    fill: char,
    how: Pad,
) -> PyResult<B, Option<String>> {
    let len = cp_len(s) as i64;
    if width <= len {
        return Ok(None);
    }
    let marg = width - len;
    let left = match how {
        Pad::Left => 0,
        Pad::Right => marg,
        Pad::Center => marg / 2 + (marg & width & 1),
    };
    let right = marg - left;
    let bytes = (marg as u64)
        .checked_mul(fill.len_utf8() as u64)
        .and_then(|b| b.checked_add(s.len() as u64));
    let mut out = String::new();
    if bytes.is_none_or(|b| b > isize::MAX as u64 / 2)
        || out.try_reserve(bytes.unwrap_or(0) as usize).is_err()
    {
        return Err(too_long(ctx));
    }
    out.extend(std::iter::repeat_n(fill, left as usize));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right as usize));
    Ok(Some(out))
}

fn pad_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    how: Pad,
) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::Positional(1, 2))?;
    let width = index_arg(ctx, p.req(ctx, 0)?)?;
    let fill = match p.get(1) {
        None => ' ',
        Some(v) => match &v.payload {
            Payload::Str(f) => {
                let mut cs = f.as_str().chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => c,
                    _ => {
                        return Err(
                            ctx.type_error("The fill character must be exactly one character long")
                        );
                    }
                }
            }
            _ => {
                return Err(ctx.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    type_name(ctx.vm, v)
                )));
            }
        },
    };
    match padded(ctx, s, width, fill, how)? {
        Some(out) => Ok(ctx.vm.str(out)),
        None => Ok(o.clone()),
    }
}

fn str_center<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pad_impl(ctx, args, "center", Pad::Center)
}

fn str_ljust<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pad_impl(ctx, args, "ljust", Pad::Left)
}

fn str_rjust<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pad_impl(ctx, args, "rjust", Pad::Right)
}

fn str_zfill<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, "zfill")?;
    let p = parse(ctx, &args, "str", "zfill", Sig::One)?;
    let width = index_arg(ctx, p.req(ctx, 0)?)?;
    let Some(out) = padded(ctx, s, width, '0', Pad::Right)? else { return Ok(o.clone()) };
    // A sign that ended up after the zeros moves to the front.
    let fill = (width - cp_len(s) as i64) as usize;
    let out = match out.as_bytes().get(fill) {
        Some(&sign @ (b'+' | b'-')) => {
            let mut v = out.into_bytes();
            v[fill] = b'0';
            v[0] = sign;
            String::from_utf8(v).unwrap_or_default()
        }
        _ => out,
    };
    Ok(ctx.vm.str(out))
}

fn partition_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    right: bool,
) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::One)?;
    let sep_obj = p.req(ctx, 0)?;
    let sep = str_arg(ctx, sep_obj, "")?;
    if sep.is_empty() {
        return Err(ctx.value_error("empty separator"));
    }
    let vm = ctx.vm;
    let found = if right { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => vec![
            vm.str(s.get(..i).unwrap_or("")),
            sep_obj.clone(),
            vm.str(s.get(i + sep.len()..).unwrap_or("")),
        ],
        None if right => vec![vm.str(""), vm.str(""), o.clone()],
        None => vec![o.clone(), vm.str(""), vm.str("")],
    };
    Ok(vm.tuple(parts))
}

fn str_partition<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    partition_impl(ctx, args, "partition", false)
}

fn str_rpartition<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    partition_impl(ctx, args, "rpartition", true)
}

fn str_expandtabs<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, "expandtabs")?;
    let p = parse(ctx, &args, "str", "expandtabs", Sig::Keywords(&["tabsize"]))?;
    let tabsize = match p.get(0) {
        Some(v) => c_int_arg(ctx, v)?,
        None => 8,
    };
    if !s.contains('\t') {
        return Ok(o.clone());
    }
    let mut out = String::with_capacity(s.len());
    let mut column: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - column % tabsize;
                column += incr;
                if out.len() as i64 + incr > isize::MAX as i64 / 2 {
                    return Err(too_long(ctx));
                }
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            column += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                column = 0;
            }
        }
    }
    Ok(ctx.vm.str(out))
}

fn affix_remove<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    suffix: bool,
) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::One)?;
    let a = p.req(ctx, 0)?;
    let Payload::Str(a) = &a.payload else {
        return Err(
            ctx.type_error(format!("{name}() argument must be str, not {}", type_name(ctx.vm, a)))
        );
    };
    let a = a.as_str();
    let r = if suffix { s.strip_suffix(a) } else { s.strip_prefix(a) };
    match r {
        Some(r) if !a.is_empty() => Ok(ctx.vm.str(r)),
        _ => Ok(o.clone()),
    }
}

fn str_removeprefix<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_remove(ctx, args, "removeprefix", false)
}

fn str_removesuffix<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_remove(ctx, args, "removesuffix", true)
}

fn str_translate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, "translate")?;
    let p = parse(ctx, &args, "str", "translate", Sig::One)?;
    let table = p.req(ctx, 0)?;
    let vm = ctx.vm;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = vm.int(c as i64);
        let v = match seq::getitem(ctx, table, &key) {
            Ok(v) => v,
            Err(e) if isinstance(vm, &e.0, &vm.exc.lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match &v.payload {
            Payload::None => {}
            Payload::Str(t) => out.push_str(t.as_str()),
            Payload::Int(_) | Payload::Bool(_) | Payload::BigInt(_) => {
                let n = match &v.payload {
                    Payload::Int(i) => *i,
                    Payload::Bool(b) => *b as i64,
                    _ => -1,
                };
                match u32::try_from(n).ok().and_then(char::from_u32) {
                    Some(m) => out.push(m),
                    None => {
                        return Err(ctx.value_error("character mapping must be in range(0x110000)"));
                    }
                }
            }
            _ => {
                return Err(ctx.type_error("character mapping must return integer, None or str"));
            }
        }
    }
    Ok(vm.str(out))
}

/// `str.maketrans(x[, y[, z]])` (a static method: no `self`).
fn str_maketrans<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = args.positional();
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("maketrans() takes no keyword arguments"));
    }
    if pos.is_empty() || pos.len() > 3 {
        let q = if pos.is_empty() { "at least 1 argument" } else { "at most 3 arguments" };
        return Err(ctx.type_error(format!("maketrans expected {q}, got {}", pos.len())));
    }
    let vm = ctx.vm;
    let d = vm.dict(crate::object::dict::Dict::new());
    if let [x] = pos {
        let Payload::Dict(cell) = &x.payload else {
            return Err(
                ctx.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let entries: Vec<_> = x.read(cell, |t| t.iter().cloned().collect());
        for e in entries {
            let key = match &e.key.payload {
                Payload::Str(k) => {
                    let mut cs = k.as_str().chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => vm.int(c as i64),
                        _ => {
                            return Err(ctx.value_error(
                                "string keys in translate table must be of length 1",
                            ));
                        }
                    }
                }
                Payload::Int(_) | Payload::BigInt(_) | Payload::Bool(_) => e.key.clone(),
                _ => {
                    return Err(
                        ctx.type_error("keys in translate table must be strings or integers")
                    );
                }
            };
            dicts::set(ctx, &d, key, Some(e.value.unwrap_or_else(|| vm.none.clone())))?;
        }
        return Ok(d);
    }
    let [x, y, rest @ ..] = pos else { return Ok(d) };
    let x = str_arg(ctx, x, "maketrans() argument 1")?;
    let y = str_arg(ctx, y, "maketrans() argument 2")?;
    if cp_len(x) != cp_len(y) {
        return Err(ctx.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        dicts::set(ctx, &d, vm.int(a as i64), Some(vm.int(b as i64)))?;
    }
    if let Some(z) = rest.first() {
        let z = str_arg(ctx, z, "maketrans() argument 3")?;
        for c in z.chars() {
            dicts::set(ctx, &d, vm.int(c as i64), Some(vm.none.clone()))?;
        }
    }
    Ok(d)
}

// ---------------------------------------------------------------------------------------------
// Encoding.
// ---------------------------------------------------------------------------------------------

/// A text encoding the VM implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    /// UTF-8.
    Utf8,
    /// 7-bit ASCII.
    Ascii,
    /// ISO-8859-1.
    Latin1,
    /// UTF-16: `None` writes (and reads) a byte-order mark; `Some(true)` is big-endian.
    Utf16(Option<bool>),
    /// UTF-32, as for [`Codec::Utf16`].
    Utf32(Option<bool>),
}

impl Codec {
    /// The codec's name in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(false)) => "utf-32-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
        }
    }
}

/// Finds a codec by any of Python's names for it (`"UTF-8"`, `"utf8"`, `"latin1"`, ...).
pub fn lookup_codec(name: &str) -> Option<Codec> {
    // `encodings.normalize_encoding`, then lowercase.
    let mut norm = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if punct && !norm.is_empty() {
                norm.push('_');
            }
            if c.is_ascii() {
                norm.push(c.to_ascii_lowercase());
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    Some(match norm.as_str() {
        "utf_8" | "u8" | "utf" | "utf8" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us"
        | "us_ascii" => Codec::Ascii,
        "latin_1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso8859_1"
        | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" | "l1" | "latin" | "latin1" => {
            Codec::Latin1
        }
        "utf_16" | "u16" | "utf16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Codec::Utf16(Some(false)),
        "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Codec::Utf16(Some(true)),
        "utf_32" | "u32" | "utf32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Some(false)),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Some(true)),
        _ => return None,
    })
}

/// `LookupError: unknown encoding: NAME`.
pub fn unknown_encoding<B: Backend>(ctx: &Ctx<'_, B>, name: &str) -> PyErr<B> {
    ctx.err(&ctx.vm.exc.lookup_error, format!("unknown encoding: {name}"))
}

/// `LookupError: unknown error handler name 'NAME'`.
pub fn unknown_handler<B: Backend>(ctx: &Ctx<'_, B>, name: &str) -> PyErr<B> {
    ctx.err(&ctx.vm.exc.lookup_error, format!("unknown error handler name '{name}'"))
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a character (as in `backslashreplace` and in the
/// messages of `UnicodeEncodeError`).
fn escape_char(c: char) -> String {
    let n = c as u32;
    if n <= 0xff {
        format!("\\x{n:02x}")
    } else if n <= 0xffff {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// `s.encode(codec, errors)`.
pub fn encode<B: Backend>(
    ctx: &Ctx<'_, B>,
    s: &str,
    codec: Codec,
    errors: &str,
) -> PyResult<B, Vec<u8>> {
    let limit: u32 = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Utf16(order) => {
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            let big = order == Some(true);
            if order.is_none() {
                out.extend_from_slice(&[0xff, 0xfe]);
            }
            for u in s.encode_utf16() {
                out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
        Codec::Utf32(order) => {
            let mut out = Vec::with_capacity(s.len() * 4 + 4);
            let big = order == Some(true);
            if order.is_none() {
                out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
            }
            for c in s.chars() {
                let u = c as u32;
                out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    if s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while chars.get(end).is_some_and(|&c| c as u32 >= limit) {
            end += 1;
        }
        let bad = chars.get(i..end).unwrap_or(&[]);
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" | "namereplace" => {
                let reason = format!("ordinal not in range({limit})");
                let msg = if let [one] = bad {
                    format!(
                        "'{}' codec can't encode character '{}' in position {i}: {reason}",
                        codec.name(),
                        escape_char(*one)
                    )
                } else {
                    format!(
                        "'{}' codec can't encode characters in position {i}-{}: {reason}",
                        codec.name(),
                        end - 1
                    )
                };
                return Err(ctx.err(&ctx.vm.exc.unicode_encode_error, msg));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', bad.len())),
            "xmlcharrefreplace" => {
                for &c in bad {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            "backslashreplace" => {
                for &c in bad {
                    out.extend_from_slice(escape_char(c).as_bytes());
                }
            }
            _ => return Err(unknown_handler(ctx, errors)),
        }
        i = end;
    }
    Ok(out)
}

/// An optional `str` argument of `encode`/`decode`, named `param`.
pub(crate) fn text_param<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    v: Option<&'a PyRef<B>>,
    fname: &str,
    param: &str,
) -> PyResult<B, Option<&'a str>> {
    match v {
        None => Ok(None),
        Some(v) => match &v.payload {
            Payload::Str(s) => Ok(Some(s.as_str())),
            _ => Err(ctx.type_error(format!(
                "{fname}() argument '{param}' must be str, not {}",
                type_name(ctx.vm, v)
            ))),
        },
    }
}

fn str_encode<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, "encode")?;
    let p = parse(ctx, &args, "str", "encode", Sig::Keywords(&["encoding", "errors"]))?;
    let encoding = text_param(ctx, p.get(0), "encode", "encoding")?.unwrap_or("utf-8");
    let errors = text_param(ctx, p.get(1), "encode", "errors")?.unwrap_or("strict");
    let codec = lookup_codec(encoding).ok_or_else(|| unknown_encoding(ctx, encoding))?;
    let out = encode(ctx, s, codec, errors)?;
    Ok(PyRef::new(Payload::Bytes(out.into_boxed_slice())))
}

// ---------------------------------------------------------------------------------------------
// `str.format`.
// ---------------------------------------------------------------------------------------------

/// Where replacement fields get their values.
enum Source<'a, B: Backend> {
    /// `str.format(*args, **kwargs)`: positional values and the call's keywords.
    Call(&'a [PyRef<B>], Args<'a, B>),
    /// `str.format_map(mapping)`.
    Map(&'a PyRef<B>),
}

/// Automatic (`{}`) versus manual (`{0}`) field numbering, which may not be mixed.
#[derive(Default)]
struct AutoNumber {
    mode: Option<bool>,
    next: usize,
}

/// CPython's `get_integer`: the value of an all-decimal field name part, `None` otherwise.
fn field_integer<B: Backend>(ctx: &Ctx<'_, B>, s: &str) -> PyResult<B, Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = decimal_value(c) else { return Ok(None) };
        acc = match acc.checked_mul(10).and_then(|a| a.checked_add(d as usize)) {
            Some(a) if a <= isize::MAX as usize => a,
            _ => return Err(ctx.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(acc))
}

/// Resolves a field name (`0`, `name`, `0.attr[key]`, or empty for automatic numbering).
fn field_object<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    src: &Source<'_, B>,
    field: &str,
    auto: &mut AutoNumber,
) -> PyResult<B> {
    let vm = ctx.vm;
    let split = field.find(['.', '[']).unwrap_or(field.len());
    let (first, rest) = field.split_at(split);
    let mut index = field_integer(ctx, first)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        let mode = *auto.mode.get_or_insert(empty);
        if mode && !empty {
            return Err(ctx.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if !mode && empty {
            return Err(ctx.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if empty {
            index = Some(auto.next);
            auto.next += 1;
        }
    }
    let mut obj = match (index, src) {
        (None, Source::Call(_, kw)) => match kw.kwarg(first) {
            Some(v) => v.clone(),
            None => return Err(ctx.key_error(vm.str(first))),
        },
        (None, Source::Map(m)) => seq::getitem(ctx, m, &vm.str(first))?,
        (Some(_), Source::Map(_)) => {
            return Err(ctx.value_error("Format string contains positional fields"));
        }
        (Some(i), Source::Call(pos, _)) => match pos.get(i) {
            Some(v) => v.clone(),
            None => {
                return Err(ctx.index_error(format!(
                    "Replacement index {i} out of range for positional args tuple"
                )));
            }
        },
    };
    let b = rest.as_bytes();
    let mut k = 0;
    while let Some(&c) = b.get(k) {
        k += 1;
        let start = k;
        let name = match c {
            b'.' => {
                while b.get(k).is_some_and(|&c| c != b'.' && c != b'[') {
                    k += 1;
                }
                rest.get(start..k).unwrap_or("")
            }
            b'[' => {
                while b.get(k).is_some_and(|&c| c != b']') {
                    k += 1;
                }
                if k >= b.len() {
                    return Err(ctx.value_error("Missing ']' in format string"));
                }
                k += 1;
                rest.get(start..k - 1).unwrap_or("")
            }
            _ => {
                return Err(
                    ctx.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        };
        if name.is_empty() {
            return Err(ctx.value_error("Empty attribute in format string"));
        }
        obj = if c == b'.' {
            attr::getattr(ctx, &obj, &vm.str(name))?
        } else {
            let key = match field_integer(ctx, name)? {
                Some(i) => vm.int(i as i64),
                None => vm.str(name),
            };
            seq::getitem(ctx, &obj, &key)?
        };
    }
    Ok(obj)
}

/// One parsed replacement field: `{name!conv:spec}`.
struct Field<'s> {
    name: &'s str,
    conversion: Option<char>,
    spec: &'s str,
    spec_has_fields: bool,
}

/// CPython's `parse_field`: parses the field starting at byte `*i` (just after its `{`).
fn parse_field<'s, B: Backend>(
    ctx: &Ctx<'_, B>,
    fmt: &'s str,
    i: &mut usize,
) -> PyResult<B, Field<'s>> {
    let b = fmt.as_bytes();
    let name_start = *i;
    let mut c = 0u8;
    let mut stopped = false;
    while let Some(&ch) = b.get(*i) {
        *i += 1;
        c = ch;
        match ch {
            b'{' => return Err(ctx.value_error("unexpected '{' in field name")),
            b'[' => {
                while b.get(*i).is_some_and(|&x| x != b']') {
                    *i += 1;
                }
            }
            b'}' | b':' | b'!' => {
                stopped = true;
                break;
            }
            _ => {}
        }
    }
    if !stopped {
        return Err(ctx.value_error("expected '}' before end of string"));
    }
    let name = fmt.get(name_start..*i - 1).unwrap_or("");
    let mut field = Field { name, conversion: None, spec: "", spec_has_fields: false };
    if c == b'}' {
        return Ok(field);
    }
    if c == b'!' {
        let Some(conv) = fmt.get(*i..).and_then(|r| r.chars().next()) else {
            return Err(ctx.value_error("end of string while looking for conversion specifier"));
        };
        *i += conv.len_utf8();
        field.conversion = Some(conv);
        if let Some(&next) = b.get(*i) {
            *i += 1;
            if next == b'}' {
                return Ok(field);
            }
            if next != b':' {
                return Err(ctx.value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *i;
    let mut depth = 1;
    while let Some(&ch) = b.get(*i) {
        *i += 1;
        match ch {
            b'{' => {
                field.spec_has_fields = true;
                depth += 1;
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = fmt.get(spec_start..*i - 1).unwrap_or("");
                    return Ok(field);
                }
            }
            _ => {}
        }
    }
    Err(ctx.value_error("unmatched '{' in format spec"))
}

/// CPython's `build_string`: expands every field of `fmt`; `depth` limits nesting in specs.
fn build_string<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    src: &Source<'_, B>,
    fmt: &str,
    depth: u32,
    auto: &mut AutoNumber,
) -> PyResult<B, String> {
    if depth == 0 {
        return Err(ctx.value_error("Max string recursion exceeded"));
    }
    let vm = ctx.vm;
    let b = fmt.as_bytes();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let mut brace = None;
        while let Some(&c) = b.get(i) {
            i += 1;
            if c == b'{' || c == b'}' {
                brace = Some(c);
                break;
            }
        }
        let Some(c) = brace else {
            out.push_str(fmt.get(start..).unwrap_or(""));
            break;
        };
        let doubled = b.get(i) == Some(&c);
        if !doubled {
            if c == b'}' {
                return Err(ctx.value_error("Single '}' encountered in format string"));
            }
            if i >= b.len() {
                return Err(ctx.value_error("Single '{' encountered in format string"));
            }
        }
        if doubled {
            out.push_str(fmt.get(start..i).unwrap_or(""));
            i += 1;
            continue;
        }
        out.push_str(fmt.get(start..i - 1).unwrap_or(""));
        let field = parse_field(ctx, fmt, &mut i)?;
        let obj = field_object(ctx, src, field.name, auto)?;
        let obj = match field.conversion {
            None => obj,
            Some('r') => vm.str(repr::repr(ctx, &obj)?),
            Some('s') => repr::str_obj(ctx, &obj)?,
            Some('a') => vm.str(strings::ascii(&repr::repr(ctx, &obj)?)),
            Some(other) => {
                let n = other as u32;
                let shown = if n > 32 && n < 127 { other.to_string() } else { format!("\\x{n:x}") };
                return Err(ctx.value_error(format!("Unknown conversion specifier {shown}")));
            }
        };
        let expanded;
        let spec = if field.spec_has_fields {
            expanded = build_string(ctx, src, field.spec, depth - 1, auto)?;
            expanded.as_str()
        } else {
            field.spec
        };
        let r = match &obj.payload {
            Payload::Str(s) if spec.is_empty() => {
                out.push_str(s.as_str());
                continue;
            }
            // `format(obj, '')` still goes through a user `__format__`.
            Payload::Instance(_) if spec.is_empty() => {
                match attr::call_dunder(ctx, &obj, "__format__", &[vm.str("")])? {
                    Some(r) => r,
                    None => repr::str_obj(ctx, &obj)?,
                }
            }
            _ => strings::format_value(ctx, &obj, spec)?,
        };
        match &r.payload {
            Payload::Str(s) => out.push_str(s.as_str()),
            _ => {
                return Err(ctx.type_error(format!(
                    "__format__ must return a str, not {}",
                    type_name(vm, &r)
                )));
            }
        }
    }
    Ok(out)
}

fn str_format<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, "format")?;
    let pos = args.positional().get(1..).unwrap_or(&[]);
    let out = build_string(ctx, &Source::Call(pos, args), s, 2, &mut AutoNumber::default())?;
    Ok(ctx.vm.str(out))
}

fn str_format_map<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, "format_map")?;
    let p = parse(ctx, &args, "str", "format_map", Sig::One)?;
    let mapping = p.req(ctx, 0)?;
    let out = build_string(ctx, &Source::Map(mapping), s, 2, &mut AutoNumber::default())?;
    Ok(ctx.vm.str(out))
}

// ---------------------------------------------------------------------------------------------
// Unicode tables (generated from CPython 3.11's `unicodedata`, Unicode 14.0).
// ---------------------------------------------------------------------------------------------

/// Letters (categories Lu, Ll, Lt, Lm, Lo): `str.isalpha`.
#[rustfmt::skip]
const ALPHA: &[(u32, u32)] = &[
    (0x41, 0x5a), (0x61, 0x7a), (0xaa, 0xaa), (0xb5, 0xb5), (0xba, 0xba), (0xc0, 0xd6),
    (0xd8, 0xf6), (0xf8, 0x2c1), (0x2c6, 0x2d1), (0x2e0, 0x2e4), (0x2ec, 0x2ec), (0x2ee, 0x2ee),
    (0x370, 0x374), (0x376, 0x377), (0x37a, 0x37d), (0x37f, 0x37f), (0x386, 0x386), (0x388, 0x38a),
    (0x38c, 0x38c), (0x38e, 0x3a1), (0x3a3, 0x3f5), (0x3f7, 0x481), (0x48a, 0x52f), (0x531, 0x556),
    (0x559, 0x559), (0x560, 0x588), (0x5d0, 0x5ea), (0x5ef, 0x5f2), (0x620, 0x64a), (0x66e, 0x66f),
    (0x671, 0x6d3), (0x6d5, 0x6d5), (0x6e5, 0x6e6), (0x6ee, 0x6ef), (0x6fa, 0x6fc), (0x6ff, 0x6ff),
    (0x710, 0x710), (0x712, 0x72f), (0x74d, 0x7a5), (0x7b1, 0x7b1), (0x7ca, 0x7ea), (0x7f4, 0x7f5),
    (0x7fa, 0x7fa), (0x800, 0x815), (0x81a, 0x81a), (0x824, 0x824), (0x828, 0x828), (0x840, 0x858),
    (0x860, 0x86a), (0x870, 0x887), (0x889, 0x88e), (0x8a0, 0x8c9), (0x904, 0x939), (0x93d, 0x93d),
    (0x950, 0x950), (0x958, 0x961), (0x971, 0x980), (0x985, 0x98c), (0x98f, 0x990), (0x993, 0x9a8),
    (0x9aa, 0x9b0), (0x9b2, 0x9b2), (0x9b6, 0x9b9), (0x9bd, 0x9bd), (0x9ce, 0x9ce), (0x9dc, 0x9dd),
    (0x9df, 0x9e1), (0x9f0, 0x9f1), (0x9fc, 0x9fc), (0xa05, 0xa0a), (0xa0f, 0xa10), (0xa13, 0xa28),
    (0xa2a, 0xa30), (0xa32, 0xa33), (0xa35, 0xa36), (0xa38, 0xa39), (0xa59, 0xa5c), (0xa5e, 0xa5e),
    (0xa72, 0xa74), (0xa85, 0xa8d), (0xa8f, 0xa91), (0xa93, 0xaa8), (0xaaa, 0xab0), (0xab2, 0xab3),
    (0xab5, 0xab9), (0xabd, 0xabd), (0xad0, 0xad0), (0xae0, 0xae1), (0xaf9, 0xaf9), (0xb05, 0xb0c),
    (0xb0f, 0xb10), (0xb13, 0xb28), (0xb2a, 0xb30), (0xb32, 0xb33), (0xb35, 0xb39), (0xb3d, 0xb3d),
    (0xb5c, 0xb5d), (0xb5f, 0xb61), (0xb71, 0xb71), (0xb83, 0xb83), (0xb85, 0xb8a), (0xb8e, 0xb90),
    (0xb92, 0xb95), (0xb99, 0xb9a), (0xb9c, 0xb9c), (0xb9e, 0xb9f), (0xba3, 0xba4), (0xba8, 0xbaa),
    (0xbae, 0xbb9), (0xbd0, 0xbd0), (0xc05, 0xc0c), (0xc0e, 0xc10), (0xc12, 0xc28), (0xc2a, 0xc39),
    (0xc3d, 0xc3d), (0xc58, 0xc5a), (0xc5d, 0xc5d), (0xc60, 0xc61), (0xc80, 0xc80), (0xc85, 0xc8c),
    (0xc8e, 0xc90), (0xc92, 0xca8), (0xcaa, 0xcb3), (0xcb5, 0xcb9), (0xcbd, 0xcbd), (0xcdd, 0xcde),
    (0xce0, 0xce1), (0xcf1, 0xcf2), (0xd04, 0xd0c), (0xd0e, 0xd10), (0xd12, 0xd3a), (0xd3d, 0xd3d),
    (0xd4e, 0xd4e), (0xd54, 0xd56), (0xd5f, 0xd61), (0xd7a, 0xd7f), (0xd85, 0xd96), (0xd9a, 0xdb1),
    (0xdb3, 0xdbb), (0xdbd, 0xdbd), (0xdc0, 0xdc6), (0xe01, 0xe30), (0xe32, 0xe33), (0xe40, 0xe46),
    (0xe81, 0xe82), (0xe84, 0xe84), (0xe86, 0xe8a), (0xe8c, 0xea3), (0xea5, 0xea5), (0xea7, 0xeb0),
    (0xeb2, 0xeb3), (0xebd, 0xebd), (0xec0, 0xec4), (0xec6, 0xec6), (0xedc, 0xedf), (0xf00, 0xf00),
    (0xf40, 0xf47), (0xf49, 0xf6c), (0xf88, 0xf8c), (0x1000, 0x102a), (0x103f, 0x103f),
    (0x1050, 0x1055), (0x105a, 0x105d), (0x1061, 0x1061), (0x1065, 0x1066), (0x106e, 0x1070),
    (0x1075, 0x1081), (0x108e, 0x108e), (0x10a0, 0x10c5), (0x10c7, 0x10c7), (0x10cd, 0x10cd),
    (0x10d0, 0x10fa), (0x10fc, 0x1248), (0x124a, 0x124d), (0x1250, 0x1256), (0x1258, 0x1258),
    (0x125a, 0x125d), (0x1260, 0x1288), (0x128a, 0x128d), (0x1290, 0x12b0), (0x12b2, 0x12b5),
    (0x12b8, 0x12be), (0x12c0, 0x12c0), (0x12c2, 0x12c5), (0x12c8, 0x12d6), (0x12d8, 0x1310),
    (0x1312, 0x1315), (0x1318, 0x135a), (0x1380, 0x138f), (0x13a0, 0x13f5), (0x13f8, 0x13fd),
    (0x1401, 0x166c), (0x166f, 0x167f), (0x1681, 0x169a), (0x16a0, 0x16ea), (0x16f1, 0x16f8),
    (0x1700, 0x1711), (0x171f, 0x1731), (0x1740, 0x1751), (0x1760, 0x176c), (0x176e, 0x1770),
    (0x1780, 0x17b3), (0x17d7, 0x17d7), (0x17dc, 0x17dc), (0x1820, 0x1878), (0x1880, 0x1884),
    (0x1887, 0x18a8), (0x18aa, 0x18aa), (0x18b0, 0x18f5), (0x1900, 0x191e), (0x1950, 0x196d),
    (0x1970, 0x1974), (0x1980, 0x19ab), (0x19b0, 0x19c9), (0x1a00, 0x1a16), (0x1a20, 0x1a54),
    (0x1aa7, 0x1aa7), (0x1b05, 0x1b33), (0x1b45, 0x1b4c), (0x1b83, 0x1ba0), (0x1bae, 0x1baf),
    (0x1bba, 0x1be5), (0x1c00, 0x1c23), (0x1c4d, 0x1c4f), (0x1c5a, 0x1c7d), (0x1c80, 0x1c88),
    (0x1c90, 0x1cba), (0x1cbd, 0x1cbf), (0x1ce9, 0x1cec), (0x1cee, 0x1cf3), (0x1cf5, 0x1cf6),
    (0x1cfa, 0x1cfa), (0x1d00, 0x1dbf), (0x1e00, 0x1f15), (0x1f18, 0x1f1d), (0x1f20, 0x1f45),
    (0x1f48, 0x1f4d), (0x1f50, 0x1f57), (0x1f59, 0x1f59), (0x1f5b, 0x1f5b), (0x1f5d, 0x1f5d),
    (0x1f5f, 0x1f7d), (0x1f80, 0x1fb4), (0x1fb6, 0x1fbc), (0x1fbe, 0x1fbe), (0x1fc2, 0x1fc4),
    (0x1fc6, 0x1fcc), (0x1fd0, 0x1fd3), (0x1fd6, 0x1fdb), (0x1fe0, 0x1fec), (0x1ff2, 0x1ff4),
    (0x1ff6, 0x1ffc), (0x2071, 0x2071), (0x207f, 0x207f), (0x2090, 0x209c), (0x2102, 0x2102),
    (0x2107, 0x2107), (0x210a, 0x2113), (0x2115, 0x2115), (0x2119, 0x211d), (0x2124, 0x2124),
    (0x2126, 0x2126), (0x2128, 0x2128), (0x212a, 0x212d), (0x212f, 0x2139), (0x213c, 0x213f),
    (0x2145, 0x2149), (0x214e, 0x214e), (0x2183, 0x2184), (0x2c00, 0x2ce4), (0x2ceb, 0x2cee),
    (0x2cf2, 0x2cf3), (0x2d00, 0x2d25), (0x2d27, 0x2d27), (0x2d2d, 0x2d2d), (0x2d30, 0x2d67),
    (0x2d6f, 0x2d6f), (0x2d80, 0x2d96), (0x2da0, 0x2da6), (0x2da8, 0x2dae), (0x2db0, 0x2db6),
    (0x2db8, 0x2dbe), (0x2dc0, 0x2dc6), (0x2dc8, 0x2dce), (0x2dd0, 0x2dd6), (0x2dd8, 0x2dde),
    (0x2e2f, 0x2e2f), (0x3005, 0x3006), (0x3031, 0x3035), (0x303b, 0x303c), (0x3041, 0x3096),
    (0x309d, 0x309f), (0x30a1, 0x30fa), (0x30fc, 0x30ff), (0x3105, 0x312f), (0x3131, 0x318e),
    (0x31a0, 0x31bf), (0x31f0, 0x31ff), (0x3400, 0x4dbf), (0x4e00, 0xa48c), (0xa4d0, 0xa4fd),
    (0xa500, 0xa60c), (0xa610, 0xa61f), (0xa62a, 0xa62b), (0xa640, 0xa66e), (0xa67f, 0xa69d),
    (0xa6a0, 0xa6e5), (0xa717, 0xa71f), (0xa722, 0xa788), (0xa78b, 0xa7ca), (0xa7d0, 0xa7d1),
    (0xa7d3, 0xa7d3), (0xa7d5, 0xa7d9), (0xa7f2, 0xa801), (0xa803, 0xa805), (0xa807, 0xa80a),
    (0xa80c, 0xa822), (0xa840, 0xa873), (0xa882, 0xa8b3), (0xa8f2, 0xa8f7), (0xa8fb, 0xa8fb),
    (0xa8fd, 0xa8fe), (0xa90a, 0xa925), (0xa930, 0xa946), (0xa960, 0xa97c), (0xa984, 0xa9b2),
    (0xa9cf, 0xa9cf), (0xa9e0, 0xa9e4), (0xa9e6, 0xa9ef), (0xa9fa, 0xa9fe), (0xaa00, 0xaa28),
    (0xaa40, 0xaa42), (0xaa44, 0xaa4b), (0xaa60, 0xaa76), (0xaa7a, 0xaa7a), (0xaa7e, 0xaaaf),
    (0xaab1, 0xaab1), (0xaab5, 0xaab6), (0xaab9, 0xaabd), (0xaac0, 0xaac0), (0xaac2, 0xaac2),
    (0xaadb, 0xaadd), (0xaae0, 0xaaea), (0xaaf2, 0xaaf4), (0xab01, 0xab06), (0xab09, 0xab0e),
    (0xab11, 0xab16), (0xab20, 0xab26), (0xab28, 0xab2e), (0xab30, 0xab5a), (0xab5c, 0xab69),
    (0xab70, 0xabe2), (0xac00, 0xd7a3), (0xd7b0, 0xd7c6), (0xd7cb, 0xd7fb), (0xf900, 0xfa6d),
    (0xfa70, 0xfad9), (0xfb00, 0xfb06), (0xfb13, 0xfb17), (0xfb1d, 0xfb1d), (0xfb1f, 0xfb28),
    (0xfb2a, 0xfb36), (0xfb38, 0xfb3c), (0xfb3e, 0xfb3e), (0xfb40, 0xfb41), (0xfb43, 0xfb44),
    (0xfb46, 0xfbb1), (0xfbd3, 0xfd3d), (0xfd50, 0xfd8f), (0xfd92, 0xfdc7), (0xfdf0, 0xfdfb),
    (0xfe70, 0xfe74), (0xfe76, 0xfefc), (0xff21, 0xff3a), (0xff41, 0xff5a), (0xff66, 0xffbe),
    (0xffc2, 0xffc7), (0xffca, 0xffcf), (0xffd2, 0xffd7), (0xffda, 0xffdc), (0x10000, 0x1000b),
    (0x1000d, 0x10026), (0x10028, 0x1003a), (0x1003c, 0x1003d), (0x1003f, 0x1004d),
    (0x10050, 0x1005d), (0x10080, 0x100fa), (0x10280, 0x1029c), (0x102a0, 0x102d0),
    (0x10300, 0x1031f), (0x1032d, 0x10340), (0x10342, 0x10349), (0x10350, 0x10375),
    (0x10380, 0x1039d), (0x103a0, 0x103c3), (0x103c8, 0x103cf), (0x10400, 0x1049d),
    (0x104b0, 0x104d3), (0x104d8, 0x104fb), (0x10500, 0x10527), (0x10530, 0x10563),
    (0x10570, 0x1057a), (0x1057c, 0x1058a), (0x1058c, 0x10592), (0x10594, 0x10595),
    (0x10597, 0x105a1), (0x105a3, 0x105b1), (0x105b3, 0x105b9), (0x105bb, 0x105bc),
    (0x10600, 0x10736), (0x10740, 0x10755), (0x10760, 0x10767), (0x10780, 0x10785),
    (0x10787, 0x107b0), (0x107b2, 0x107ba), (0x10800, 0x10805), (0x10808, 0x10808),
    (0x1080a, 0x10835), (0x10837, 0x10838), (0x1083c, 0x1083c), (0x1083f, 0x10855),
    (0x10860, 0x10876), (0x10880, 0x1089e), (0x108e0, 0x108f2), (0x108f4, 0x108f5),
    (0x10900, 0x10915), (0x10920, 0x10939), (0x10980, 0x109b7), (0x109be, 0x109bf),
    (0x10a00, 0x10a00), (0x10a10, 0x10a13), (0x10a15, 0x10a17), (0x10a19, 0x10a35),
    (0x10a60, 0x10a7c), (0x10a80, 0x10a9c), (0x10ac0, 0x10ac7), (0x10ac9, 0x10ae4),
    (0x10b00, 0x10b35), (0x10b40, 0x10b55), (0x10b60, 0x10b72), (0x10b80, 0x10b91),
    (0x10c00, 0x10c48), (0x10c80, 0x10cb2), (0x10cc0, 0x10cf2), (0x10d00, 0x10d23),
    (0x10e80, 0x10ea9), (0x10eb0, 0x10eb1), (0x10f00, 0x10f1c), (0x10f27, 0x10f27),
    (0x10f30, 0x10f45), (0x10f70, 0x10f81), (0x10fb0, 0x10fc4), (0x10fe0, 0x10ff6),
    (0x11003, 0x11037), (0x11071, 0x11072), (0x11075, 0x11075), (0x11083, 0x110af),
    (0x110d0, 0x110e8), (0x11103, 0x11126), (0x11144, 0x11144), (0x11147, 0x11147),
    (0x11150, 0x11172), (0x11176, 0x11176), (0x11183, 0x111b2), (0x111c1, 0x111c4),
    (0x111da, 0x111da), (0x111dc, 0x111dc), (0x11200, 0x11211), (0x11213, 0x1122b),
    (0x11280, 0x11286), (0x11288, 0x11288), (0x1128a, 0x1128d), (0x1128f, 0x1129d),
    (0x1129f, 0x112a8), (0x112b0, 0x112de), (0x11305, 0x1130c), (0x1130f, 0x11310),
    (0x11313, 0x11328), (0x1132a, 0x11330), (0x11332, 0x11333), (0x11335, 0x11339),
    (0x1133d, 0x1133d), (0x11350, 0x11350), (0x1135d, 0x11361), (0x11400, 0x11434),
    (0x11447, 0x1144a), (0x1145f, 0x11461), (0x11480, 0x114af), (0x114c4, 0x114c5),
    (0x114c7, 0x114c7), (0x11580, 0x115ae), (0x115d8, 0x115db), (0x11600, 0x1162f),
    (0x11644, 0x11644), (0x11680, 0x116aa), (0x116b8, 0x116b8), (0x11700, 0x1171a),
    (0x11740, 0x11746), (0x11800, 0x1182b), (0x118a0, 0x118df), (0x118ff, 0x11906),
    (0x11909, 0x11909), (0x1190c, 0x11913), (0x11915, 0x11916), (0x11918, 0x1192f),
    (0x1193f, 0x1193f), (0x11941, 0x11941), (0x119a0, 0x119a7), (0x119aa, 0x119d0),
    (0x119e1, 0x119e1), (0x119e3, 0x119e3), (0x11a00, 0x11a00), (0x11a0b, 0x11a32),
    (0x11a3a, 0x11a3a), (0x11a50, 0x11a50), (0x11a5c, 0x11a89), (0x11a9d, 0x11a9d),
    (0x11ab0, 0x11af8), (0x11c00, 0x11c08), (0x11c0a, 0x11c2e), (0x11c40, 0x11c40),
    (0x11c72, 0x11c8f), (0x11d00, 0x11d06), (0x11d08, 0x11d09), (0x11d0b, 0x11d30),
    (0x11d46, 0x11d46), (0x11d60, 0x11d65), (0x11d67, 0x11d68), (0x11d6a, 0x11d89),
    (0x11d98, 0x11d98), (0x11ee0, 0x11ef2), (0x11fb0, 0x11fb0), (0x12000, 0x12399),
    (0x12480, 0x12543), (0x12f90, 0x12ff0), (0x13000, 0x1342e), (0x14400, 0x14646),
    (0x16800, 0x16a38), (0x16a40, 0x16a5e), (0x16a70, 0x16abe), (0x16ad0, 0x16aed),
    (0x16b00, 0x16b2f), (0x16b40, 0x16b43), (0x16b63, 0x16b77), (0x16b7d, 0x16b8f),
    (0x16e40, 0x16e7f), (0x16f00, 0x16f4a), (0x16f50, 0x16f50), (0x16f93, 0x16f9f),
    (0x16fe0, 0x16fe1), (0x16fe3, 0x16fe3), (0x17000, 0x187f7), (0x18800, 0x18cd5),
    (0x18d00, 0x18d08), (0x1aff0, 0x1aff3), (0x1aff5, 0x1affb), (0x1affd, 0x1affe),
    (0x1b000, 0x1b122), (0x1b150, 0x1b152), (0x1b164, 0x1b167), (0x1b170, 0x1b2fb),
    (0x1bc00, 0x1bc6a), (0x1bc70, 0x1bc7c), (0x1bc80, 0x1bc88), (0x1bc90, 0x1bc99),
    (0x1d400, 0x1d454), (0x1d456, 0x1d49c), (0x1d49e, 0x1d49f), (0x1d4a2, 0x1d4a2),
    (0x1d4a5, 0x1d4a6), (0x1d4a9, 0x1d4ac), (0x1d4ae, 0x1d4b9), (0x1d4bb, 0x1d4bb),
    (0x1d4bd, 0x1d4c3), (0x1d4c5, 0x1d505), (0x1d507, 0x1d50a), (0x1d50d, 0x1d514),
    (0x1d516, 0x1d51c), (0x1d51e, 0x1d539), (0x1d53b, 0x1d53e), (0x1d540, 0x1d544),
    (0x1d546, 0x1d546), (0x1d54a, 0x1d550), (0x1d552, 0x1d6a5), (0x1d6a8, 0x1d6c0),
    (0x1d6c2, 0x1d6da), (0x1d6dc, 0x1d6fa), (0x1d6fc, 0x1d714), (0x1d716, 0x1d734),
    (0x1d736, 0x1d74e), (0x1d750, 0x1d76e), (0x1d770, 0x1d788), (0x1d78a, 0x1d7a8),
    (0x1d7aa, 0x1d7c2), (0x1d7c4, 0x1d7cb), (0x1df00, 0x1df1e), (0x1e100, 0x1e12c),
    (0x1e137, 0x1e13d), (0x1e14e, 0x1e14e), (0x1e290, 0x1e2ad), (0x1e2c0, 0x1e2eb),
    (0x1e7e0, 0x1e7e6), (0x1e7e8, 0x1e7eb), (0x1e7ed, 0x1e7ee), (0x1e7f0, 0x1e7fe),
    (0x1e800, 0x1e8c4), (0x1e900, 0x1e943), (0x1e94b, 0x1e94b), (0x1ee00, 0x1ee03),
    (0x1ee05, 0x1ee1f), (0x1ee21, 0x1ee22), (0x1ee24, 0x1ee24), (0x1ee27, 0x1ee27),
    (0x1ee29, 0x1ee32), (0x1ee34, 0x1ee37), (0x1ee39, 0x1ee39), (0x1ee3b, 0x1ee3b),
    (0x1ee42, 0x1ee42), (0x1ee47, 0x1ee47), (0x1ee49, 0x1ee49), (0x1ee4b, 0x1ee4b),
    (0x1ee4d, 0x1ee4f), (0x1ee51, 0x1ee52), (0x1ee54, 0x1ee54), (0x1ee57, 0x1ee57),
    (0x1ee59, 0x1ee59), (0x1ee5b, 0x1ee5b), (0x1ee5d, 0x1ee5d), (0x1ee5f, 0x1ee5f),
    (0x1ee61, 0x1ee62), (0x1ee64, 0x1ee64), (0x1ee67, 0x1ee6a), (0x1ee6c, 0x1ee72),
    (0x1ee74, 0x1ee77), (0x1ee79, 0x1ee7c), (0x1ee7e, 0x1ee7e), (0x1ee80, 0x1ee89),
    (0x1ee8b, 0x1ee9b), (0x1eea1, 0x1eea3), (0x1eea5, 0x1eea9), (0x1eeab, 0x1eebb),
    (0x20000, 0x2a6df), (0x2a700, 0x2b738), (0x2b740, 0x2b81d), (0x2b820, 0x2cea1),
    (0x2ceb0, 0x2ebe0), (0x2f800, 0x2fa1d), (0x30000, 0x3134a),
];

/// Decimal digits (category Nd): `str.isdecimal`.
#[rustfmt::skip]
const DECIMAL: &[(u32, u32)] = &[
    (0x30, 0x39), (0x660, 0x669), (0x6f0, 0x6f9), (0x7c0, 0x7c9), (0x966, 0x96f), (0x9e6, 0x9ef),
    (0xa66, 0xa6f), (0xae6, 0xaef), (0xb66, 0xb6f), (0xbe6, 0xbef), (0xc66, 0xc6f), (0xce6, 0xcef),
    (0xd66, 0xd6f), (0xde6, 0xdef), (0xe50, 0xe59), (0xed0, 0xed9), (0xf20, 0xf29),
    (0x1040, 0x1049), (0x1090, 0x1099), (0x17e0, 0x17e9), (0x1810, 0x1819), (0x1946, 0x194f),
    (0x19d0, 0x19d9), (0x1a80, 0x1a89), (0x1a90, 0x1a99), (0x1b50, 0x1b59), (0x1bb0, 0x1bb9),
    (0x1c40, 0x1c49), (0x1c50, 0x1c59), (0xa620, 0xa629), (0xa8d0, 0xa8d9), (0xa900, 0xa909),
    (0xa9d0, 0xa9d9), (0xa9f0, 0xa9f9), (0xaa50, 0xaa59), (0xabf0, 0xabf9), (0xff10, 0xff19),
    (0x104a0, 0x104a9), (0x10d30, 0x10d39), (0x11066, 0x1106f), (0x110f0, 0x110f9),
    (0x11136, 0x1113f), (0x111d0, 0x111d9), (0x112f0, 0x112f9), (0x11450, 0x11459),
    (0x114d0, 0x114d9), (0x11650, 0x11659), (0x116c0, 0x116c9), (0x11730, 0x11739),
    (0x118e0, 0x118e9), (0x11950, 0x11959), (0x11c50, 0x11c59), (0x11d50, 0x11d59),
    (0x11da0, 0x11da9), (0x16a60, 0x16a69), (0x16ac0, 0x16ac9), (0x16b50, 0x16b59),
    (0x1d7ce, 0x1d7ff), (0x1e140, 0x1e149), (0x1e2f0, 0x1e2f9), (0x1e950, 0x1e959),
    (0x1fbf0, 0x1fbf9),
];

/// Digits that are not decimal (superscripts, circled digits): `str.isdigit`.
#[rustfmt::skip]
const DIGIT_EXTRA: &[(u32, u32)] = &[
    (0xb2, 0xb3), (0xb9, 0xb9), (0x1369, 0x1371), (0x19da, 0x19da), (0x2070, 0x2070),
    (0x2074, 0x2079), (0x2080, 0x2089), (0x2460, 0x2468), (0x2474, 0x247c), (0x2488, 0x2490),
    (0x24ea, 0x24ea), (0x24f5, 0x24fd), (0x24ff, 0x24ff), (0x2776, 0x277e), (0x2780, 0x2788),
    (0x278a, 0x2792), (0x10a40, 0x10a43), (0x10e60, 0x10e68), (0x11052, 0x1105a),
    (0x1f100, 0x1f10a),
];

/// Numeric characters that are not digits (fractions, numerals): `str.isnumeric`.
#[rustfmt::skip]
const NUMERIC_EXTRA: &[(u32, u32)] = &[
    (0xbc, 0xbe), (0x9f4, 0x9f9), (0xb72, 0xb77), (0xbf0, 0xbf2), (0xc78, 0xc7e), (0xd58, 0xd5e),
    (0xd70, 0xd78), (0xf2a, 0xf33), (0x1372, 0x137c), (0x16ee, 0x16f0), (0x17f0, 0x17f9),
    (0x2150, 0x2182), (0x2185, 0x2189), (0x2469, 0x2473), (0x247d, 0x2487), (0x2491, 0x249b),
    (0x24eb, 0x24f4), (0x24fe, 0x24fe), (0x277f, 0x277f), (0x2789, 0x2789), (0x2793, 0x2793),
    (0x2cfd, 0x2cfd), (0x3007, 0x3007), (0x3021, 0x3029), (0x3038, 0x303a), (0x3192, 0x3195),
    (0x3220, 0x3229), (0x3248, 0x324f), (0x3251, 0x325f), (0x3280, 0x3289), (0x32b1, 0x32bf),
    (0x3405, 0x3405), (0x3483, 0x3483), (0x382a, 0x382a), (0x3b4d, 0x3b4d), (0x4e00, 0x4e00),
    (0x4e03, 0x4e03), (0x4e07, 0x4e07), (0x4e09, 0x4e09), (0x4e5d, 0x4e5d), (0x4e8c, 0x4e8c),
    (0x4e94, 0x4e94), (0x4e96, 0x4e96), (0x4ebf, 0x4ec0), (0x4edf, 0x4edf), (0x4ee8, 0x4ee8),
    (0x4f0d, 0x4f0d), (0x4f70, 0x4f70), (0x5104, 0x5104), (0x5146, 0x5146), (0x5169, 0x5169),
    (0x516b, 0x516b), (0x516d, 0x516d), (0x5341, 0x5341), (0x5343, 0x5345), (0x534c, 0x534c),
    (0x53c1, 0x53c4), (0x56db, 0x56db), (0x58f1, 0x58f1), (0x58f9, 0x58f9), (0x5e7a, 0x5e7a),
    (0x5efe, 0x5eff), (0x5f0c, 0x5f0e), (0x5f10, 0x5f10), (0x62fe, 0x62fe), (0x634c, 0x634c),
    (0x67d2, 0x67d2), (0x6f06, 0x6f06), (0x7396, 0x7396), (0x767e, 0x767e), (0x8086, 0x8086),
    (0x842c, 0x842c), (0x8cae, 0x8cae), (0x8cb3, 0x8cb3), (0x8d30, 0x8d30), (0x9621, 0x9621),
    (0x9646, 0x9646), (0x964c, 0x964c), (0x9678, 0x9678), (0x96f6, 0x96f6), (0xa6e6, 0xa6ef),
    (0xa830, 0xa835), (0xf96b, 0xf96b), (0xf973, 0xf973), (0xf978, 0xf978), (0xf9b2, 0xf9b2),
    (0xf9d1, 0xf9d1), (0xf9d3, 0xf9d3), (0xf9fd, 0xf9fd), (0x10107, 0x10133), (0x10140, 0x10178),
    (0x1018a, 0x1018b), (0x102e1, 0x102fb), (0x10320, 0x10323), (0x10341, 0x10341),
    (0x1034a, 0x1034a), (0x103d1, 0x103d5), (0x10858, 0x1085f), (0x10879, 0x1087f),
    (0x108a7, 0x108af), (0x108fb, 0x108ff), (0x10916, 0x1091b), (0x109bc, 0x109bd),
    (0x109c0, 0x109cf), (0x109d2, 0x109ff), (0x10a44, 0x10a48), (0x10a7d, 0x10a7e),
    (0x10a9d, 0x10a9f), (0x10aeb, 0x10aef), (0x10b58, 0x10b5f), (0x10b78, 0x10b7f),
    (0x10ba9, 0x10baf), (0x10cfa, 0x10cff), (0x10e69, 0x10e7e), (0x10f1d, 0x10f26),
    (0x10f51, 0x10f54), (0x10fc5, 0x10fcb), (0x1105b, 0x11065), (0x111e1, 0x111f4),
    (0x1173a, 0x1173b), (0x118ea, 0x118f2), (0x11c5a, 0x11c6c), (0x11fc0, 0x11fd4),
    (0x12400, 0x1246e), (0x16b5b, 0x16b61), (0x16e80, 0x16e96), (0x1d2e0, 0x1d2f3),
    (0x1d360, 0x1d378), (0x1e8c7, 0x1e8cf), (0x1ec71, 0x1ecab), (0x1ecad, 0x1ecaf),
    (0x1ecb1, 0x1ecb4), (0x1ed01, 0x1ed2d), (0x1ed2f, 0x1ed3d), (0x1f10b, 0x1f10c),
    (0x20001, 0x20001), (0x20064, 0x20064), (0x200e2, 0x200e2), (0x20121, 0x20121),
    (0x2092a, 0x2092a), (0x20983, 0x20983), (0x2098c, 0x2098c), (0x2099c, 0x2099c),
    (0x20aea, 0x20aea), (0x20afd, 0x20afd), (0x20b19, 0x20b19), (0x22390, 0x22390),
    (0x22998, 0x22998), (0x23b1b, 0x23b1b), (0x2626d, 0x2626d), (0x2f890, 0x2f890),
];

/// Characters where XID_Start (plus `_`) differs from `str.isalpha`.
#[rustfmt::skip]
const ID_START_XOR: &[(u32, u32)] = &[
    (0x5f, 0x5f), (0x37a, 0x37a), (0xe33, 0xe33), (0xeb3, 0xeb3), (0x16ee, 0x16f0),
    (0x1885, 0x1886), (0x2118, 0x2118), (0x212e, 0x212e), (0x2160, 0x2182), (0x2185, 0x2188),
    (0x2e2f, 0x2e2f), (0x3007, 0x3007), (0x3021, 0x3029), (0x3038, 0x303a), (0xa6e6, 0xa6ef),
    (0xfc5e, 0xfc63), (0xfdfa, 0xfdfb), (0xfe70, 0xfe70), (0xfe72, 0xfe72), (0xfe74, 0xfe74),
    (0xfe76, 0xfe76), (0xfe78, 0xfe78), (0xfe7a, 0xfe7a), (0xfe7c, 0xfe7c), (0xfe7e, 0xfe7e),
    (0xff9e, 0xff9f), (0x10140, 0x10174), (0x10341, 0x10341), (0x1034a, 0x1034a),
    (0x103d1, 0x103d5), (0x12400, 0x1246e),
];

/// XID_Continue characters that are neither identifier starts nor decimal digits.
#[rustfmt::skip]
const ID_CONTINUE_EXTRA: &[(u32, u32)] = &[
    (0xb7, 0xb7), (0x300, 0x36f), (0x387, 0x387), (0x483, 0x487), (0x591, 0x5bd), (0x5bf, 0x5bf),
    (0x5c1, 0x5c2), (0x5c4, 0x5c5), (0x5c7, 0x5c7), (0x610, 0x61a), (0x64b, 0x65f), (0x670, 0x670),
    (0x6d6, 0x6dc), (0x6df, 0x6e4), (0x6e7, 0x6e8), (0x6ea, 0x6ed), (0x711, 0x711), (0x730, 0x74a),
    (0x7a6, 0x7b0), (0x7eb, 0x7f3), (0x7fd, 0x7fd), (0x816, 0x819), (0x81b, 0x823), (0x825, 0x827),
    (0x829, 0x82d), (0x859, 0x85b), (0x898, 0x89f), (0x8ca, 0x8e1), (0x8e3, 0x903), (0x93a, 0x93c),
    (0x93e, 0x94f), (0x951, 0x957), (0x962, 0x963), (0x981, 0x983), (0x9bc, 0x9bc), (0x9be, 0x9c4),
    (0x9c7, 0x9c8), (0x9cb, 0x9cd), (0x9d7, 0x9d7), (0x9e2, 0x9e3), (0x9fe, 0x9fe), (0xa01, 0xa03),
    (0xa3c, 0xa3c), (0xa3e, 0xa42), (0xa47, 0xa48), (0xa4b, 0xa4d), (0xa51, 0xa51), (0xa70, 0xa71),
    (0xa75, 0xa75), (0xa81, 0xa83), (0xabc, 0xabc), (0xabe, 0xac5), (0xac7, 0xac9), (0xacb, 0xacd),
    (0xae2, 0xae3), (0xafa, 0xaff), (0xb01, 0xb03), (0xb3c, 0xb3c), (0xb3e, 0xb44), (0xb47, 0xb48),
    (0xb4b, 0xb4d), (0xb55, 0xb57), (0xb62, 0xb63), (0xb82, 0xb82), (0xbbe, 0xbc2), (0xbc6, 0xbc8),
    (0xbca, 0xbcd), (0xbd7, 0xbd7), (0xc00, 0xc04), (0xc3c, 0xc3c), (0xc3e, 0xc44), (0xc46, 0xc48),
    (0xc4a, 0xc4d), (0xc55, 0xc56), (0xc62, 0xc63), (0xc81, 0xc83), (0xcbc, 0xcbc), (0xcbe, 0xcc4),
    (0xcc6, 0xcc8), (0xcca, 0xccd), (0xcd5, 0xcd6), (0xce2, 0xce3), (0xd00, 0xd03), (0xd3b, 0xd3c),
    (0xd3e, 0xd44), (0xd46, 0xd48), (0xd4a, 0xd4d), (0xd57, 0xd57), (0xd62, 0xd63), (0xd81, 0xd83),
    (0xdca, 0xdca), (0xdcf, 0xdd4), (0xdd6, 0xdd6), (0xdd8, 0xddf), (0xdf2, 0xdf3), (0xe31, 0xe31),
    (0xe33, 0xe3a), (0xe47, 0xe4e), (0xeb1, 0xeb1), (0xeb3, 0xebc), (0xec8, 0xecd), (0xf18, 0xf19),
    (0xf35, 0xf35), (0xf37, 0xf37), (0xf39, 0xf39), (0xf3e, 0xf3f), (0xf71, 0xf84), (0xf86, 0xf87),
    (0xf8d, 0xf97), (0xf99, 0xfbc), (0xfc6, 0xfc6), (0x102b, 0x103e), (0x1056, 0x1059),
    (0x105e, 0x1060), (0x1062, 0x1064), (0x1067, 0x106d), (0x1071, 0x1074), (0x1082, 0x108d),
    (0x108f, 0x108f), (0x109a, 0x109d), (0x135d, 0x135f), (0x1369, 0x1371), (0x1712, 0x1715),
    (0x1732, 0x1734), (0x1752, 0x1753), (0x1772, 0x1773), (0x17b4, 0x17d3), (0x17dd, 0x17dd),
    (0x180b, 0x180d), (0x180f, 0x180f), (0x18a9, 0x18a9), (0x1920, 0x192b), (0x1930, 0x193b),
    (0x19da, 0x19da), (0x1a17, 0x1a1b), (0x1a55, 0x1a5e), (0x1a60, 0x1a7c), (0x1a7f, 0x1a7f),
    (0x1ab0, 0x1abd), (0x1abf, 0x1ace), (0x1b00, 0x1b04), (0x1b34, 0x1b44), (0x1b6b, 0x1b73),
    (0x1b80, 0x1b82), (0x1ba1, 0x1bad), (0x1be6, 0x1bf3), (0x1c24, 0x1c37), (0x1cd0, 0x1cd2),
    (0x1cd4, 0x1ce8), (0x1ced, 0x1ced), (0x1cf4, 0x1cf4), (0x1cf7, 0x1cf9), (0x1dc0, 0x1dff),
    (0x203f, 0x2040), (0x2054, 0x2054), (0x20d0, 0x20dc), (0x20e1, 0x20e1), (0x20e5, 0x20f0),
    (0x2cef, 0x2cf1), (0x2d7f, 0x2d7f), (0x2de0, 0x2dff), (0x302a, 0x302f), (0x3099, 0x309a),
    (0xa66f, 0xa66f), (0xa674, 0xa67d), (0xa69e, 0xa69f), (0xa6f0, 0xa6f1), (0xa802, 0xa802),
    (0xa806, 0xa806), (0xa80b, 0xa80b), (0xa823, 0xa827), (0xa82c, 0xa82c), (0xa880, 0xa881),
    (0xa8b4, 0xa8c5), (0xa8e0, 0xa8f1), (0xa8ff, 0xa8ff), (0xa926, 0xa92d), (0xa947, 0xa953),
    (0xa980, 0xa983), (0xa9b3, 0xa9c0), (0xa9e5, 0xa9e5), (0xaa29, 0xaa36), (0xaa43, 0xaa43),
    (0xaa4c, 0xaa4d), (0xaa7b, 0xaa7d), (0xaab0, 0xaab0), (0xaab2, 0xaab4), (0xaab7, 0xaab8),
    (0xaabe, 0xaabf), (0xaac1, 0xaac1), (0xaaeb, 0xaaef), (0xaaf5, 0xaaf6), (0xabe3, 0xabea),
    (0xabec, 0xabed), (0xfb1e, 0xfb1e), (0xfe00, 0xfe0f), (0xfe20, 0xfe2f), (0xfe33, 0xfe34),
    (0xfe4d, 0xfe4f), (0xff3f, 0xff3f), (0xff9e, 0xff9f), (0x101fd, 0x101fd), (0x102e0, 0x102e0),
    (0x10376, 0x1037a), (0x10a01, 0x10a03), (0x10a05, 0x10a06), (0x10a0c, 0x10a0f),
    (0x10a38, 0x10a3a), (0x10a3f, 0x10a3f), (0x10ae5, 0x10ae6), (0x10d24, 0x10d27),
    (0x10eab, 0x10eac), (0x10f46, 0x10f50), (0x10f82, 0x10f85), (0x11000, 0x11002),
    (0x11038, 0x11046), (0x11070, 0x11070), (0x11073, 0x11074), (0x1107f, 0x11082),
    (0x110b0, 0x110ba), (0x110c2, 0x110c2), (0x11100, 0x11102), (0x11127, 0x11134),
    (0x11145, 0x11146), (0x11173, 0x11173), (0x11180, 0x11182), (0x111b3, 0x111c0),
    (0x111c9, 0x111cc), (0x111ce, 0x111cf), (0x1122c, 0x11237), (0x1123e, 0x1123e),
    (0x112df, 0x112ea), (0x11300, 0x11303), (0x1133b, 0x1133c), (0x1133e, 0x11344),
    (0x11347, 0x11348), (0x1134b, 0x1134d), (0x11357, 0x11357), (0x11362, 0x11363),
    (0x11366, 0x1136c), (0x11370, 0x11374), (0x11435, 0x11446), (0x1145e, 0x1145e),
    (0x114b0, 0x114c3), (0x115af, 0x115b5), (0x115b8, 0x115c0), (0x115dc, 0x115dd),
    (0x11630, 0x11640), (0x116ab, 0x116b7), (0x1171d, 0x1172b), (0x1182c, 0x1183a),
    (0x11930, 0x11935), (0x11937, 0x11938), (0x1193b, 0x1193e), (0x11940, 0x11940),
    (0x11942, 0x11943), (0x119d1, 0x119d7), (0x119da, 0x119e0), (0x119e4, 0x119e4),
    (0x11a01, 0x11a0a), (0x11a33, 0x11a39), (0x11a3b, 0x11a3e), (0x11a47, 0x11a47),
    (0x11a51, 0x11a5b), (0x11a8a, 0x11a99), (0x11c2f, 0x11c36), (0x11c38, 0x11c3f),
    (0x11c92, 0x11ca7), (0x11ca9, 0x11cb6), (0x11d31, 0x11d36), (0x11d3a, 0x11d3a),
    (0x11d3c, 0x11d3d), (0x11d3f, 0x11d45), (0x11d47, 0x11d47), (0x11d8a, 0x11d8e),
    (0x11d90, 0x11d91), (0x11d93, 0x11d97), (0x11ef3, 0x11ef6), (0x16af0, 0x16af4),
    (0x16b30, 0x16b36), (0x16f4f, 0x16f4f), (0x16f51, 0x16f87), (0x16f8f, 0x16f92),
    (0x16fe4, 0x16fe4), (0x16ff0, 0x16ff1), (0x1bc9d, 0x1bc9e), (0x1cf00, 0x1cf2d),
    (0x1cf30, 0x1cf46), (0x1d165, 0x1d169), (0x1d16d, 0x1d172), (0x1d17b, 0x1d182),
    (0x1d185, 0x1d18b), (0x1d1aa, 0x1d1ad), (0x1d242, 0x1d244), (0x1da00, 0x1da36),
    (0x1da3b, 0x1da6c), (0x1da75, 0x1da75), (0x1da84, 0x1da84), (0x1da9b, 0x1da9f),
    (0x1daa1, 0x1daaf), (0x1e000, 0x1e006), (0x1e008, 0x1e018), (0x1e01b, 0x1e021),
    (0x1e023, 0x1e024), (0x1e026, 0x1e02a), (0x1e130, 0x1e136), (0x1e2ae, 0x1e2ae),
    (0x1e2ec, 0x1e2ef), (0x1e8d0, 0x1e8d6), (0x1e944, 0x1e94a), (0xe0100, 0xe01ef),
];

/// Characters whose case folding differs from their lowercase mapping.
#[rustfmt::skip]
const CASEFOLD: &[(u32, &str)] = &[
    (0xb5, "\u{3bc}"), (0xdf, "\u{73}\u{73}"), (0x149, "\u{2bc}\u{6e}"), (0x17f, "\u{73}"),
    (0x1f0, "\u{6a}\u{30c}"), (0x345, "\u{3b9}"), (0x390, "\u{3b9}\u{308}\u{301}"),
    (0x3b0, "\u{3c5}\u{308}\u{301}"), (0x3c2, "\u{3c3}"), (0x3d0, "\u{3b2}"), (0x3d1, "\u{3b8}"),
    (0x3d5, "\u{3c6}"), (0x3d6, "\u{3c0}"), (0x3f0, "\u{3ba}"), (0x3f1, "\u{3c1}"),
    (0x3f5, "\u{3b5}"), (0x587, "\u{565}\u{582}"), (0x13a0, "\u{13a0}"), (0x13a1, "\u{13a1}"),
    (0x13a2, "\u{13a2}"), (0x13a3, "\u{13a3}"), (0x13a4, "\u{13a4}"), (0x13a5, "\u{13a5}"),
    (0x13a6, "\u{13a6}"), (0x13a7, "\u{13a7}"), (0x13a8, "\u{13a8}"), (0x13a9, "\u{13a9}"),
    (0x13aa, "\u{13aa}"), (0x13ab, "\u{13ab}"), (0x13ac, "\u{13ac}"), (0x13ad, "\u{13ad}"),
    (0x13ae, "\u{13ae}"), (0x13af, "\u{13af}"), (0x13b0, "\u{13b0}"), (0x13b1, "\u{13b1}"),
    (0x13b2, "\u{13b2}"), (0x13b3, "\u{13b3}"), (0x13b4, "\u{13b4}"), (0x13b5, "\u{13b5}"),
    (0x13b6, "\u{13b6}"), (0x13b7, "\u{13b7}"), (0x13b8, "\u{13b8}"), (0x13b9, "\u{13b9}"),
    (0x13ba, "\u{13ba}"), (0x13bb, "\u{13bb}"), (0x13bc, "\u{13bc}"), (0x13bd, "\u{13bd}"),
    (0x13be, "\u{13be}"), (0x13bf, "\u{13bf}"), (0x13c0, "\u{13c0}"), (0x13c1, "\u{13c1}"),
    (0x13c2, "\u{13c2}"), (0x13c3, "\u{13c3}"), (0x13c4, "\u{13c4}"), (0x13c5, "\u{13c5}"),
    (0x13c6, "\u{13c6}"), (0x13c7, "\u{13c7}"), (0x13c8, "\u{13c8}"), (0x13c9, "\u{13c9}"),
    (0x13ca, "\u{13ca}"), (0x13cb, "\u{13cb}"), (0x13cc, "\u{13cc}"), (0x13cd, "\u{13cd}"),
    (0x13ce, "\u{13ce}"), (0x13cf, "\u{13cf}"), (0x13d0, "\u{13d0}"), (0x13d1, "\u{13d1}"),
    (0x13d2, "\u{13d2}"), (0x13d3, "\u{13d3}"), (0x13d4, "\u{13d4}"), (0x13d5, "\u{13d5}"),
    (0x13d6, "\u{13d6}"), (0x13d7, "\u{13d7}"), (0x13d8, "\u{13d8}"), (0x13d9, "\u{13d9}"),
    (0x13da, "\u{13da}"), (0x13db, "\u{13db}"), (0x13dc, "\u{13dc}"), (0x13dd, "\u{13dd}"),
    (0x13de, "\u{13de}"), (0x13df, "\u{13df}"), (0x13e0, "\u{13e0}"), (0x13e1, "\u{13e1}"),
    (0x13e2, "\u{13e2}"), (0x13e3, "\u{13e3}"), (0x13e4, "\u{13e4}"), (0x13e5, "\u{13e5}"),
    (0x13e6, "\u{13e6}"), (0x13e7, "\u{13e7}"), (0x13e8, "\u{13e8}"), (0x13e9, "\u{13e9}"),
    (0x13ea, "\u{13ea}"), (0x13eb, "\u{13eb}"), (0x13ec, "\u{13ec}"), (0x13ed, "\u{13ed}"),
    (0x13ee, "\u{13ee}"), (0x13ef, "\u{13ef}"), (0x13f0, "\u{13f0}"), (0x13f1, "\u{13f1}"),
    (0x13f2, "\u{13f2}"), (0x13f3, "\u{13f3}"), (0x13f4, "\u{13f4}"), (0x13f5, "\u{13f5}"),
    (0x13f8, "\u{13f0}"), (0x13f9, "\u{13f1}"), (0x13fa, "\u{13f2}"), (0x13fb, "\u{13f3}"),
    (0x13fc, "\u{13f4}"), (0x13fd, "\u{13f5}"), (0x1c80, "\u{432}"), (0x1c81, "\u{434}"),
    (0x1c82, "\u{43e}"), (0x1c83, "\u{441}"), (0x1c84, "\u{442}"), (0x1c85, "\u{442}"),
    (0x1c86, "\u{44a}"), (0x1c87, "\u{463}"), (0x1c88, "\u{a64b}"), (0x1e96, "\u{68}\u{331}"),
    (0x1e97, "\u{74}\u{308}"), (0x1e98, "\u{77}\u{30a}"), (0x1e99, "\u{79}\u{30a}"),
    (0x1e9a, "\u{61}\u{2be}"), (0x1e9b, "\u{1e61}"), (0x1e9e, "\u{73}\u{73}"),
    (0x1f50, "\u{3c5}\u{313}"), (0x1f52, "\u{3c5}\u{313}\u{300}"),
    (0x1f54, "\u{3c5}\u{313}\u{301}"), (0x1f56, "\u{3c5}\u{313}\u{342}"),
    (0x1f80, "\u{1f00}\u{3b9}"), (0x1f81, "\u{1f01}\u{3b9}"), (0x1f82, "\u{1f02}\u{3b9}"),
    (0x1f83, "\u{1f03}\u{3b9}"), (0x1f84, "\u{1f04}\u{3b9}"), (0x1f85, "\u{1f05}\u{3b9}"),
    (0x1f86, "\u{1f06}\u{3b9}"), (0x1f87, "\u{1f07}\u{3b9}"), (0x1f88, "\u{1f00}\u{3b9}"),
    (0x1f89, "\u{1f01}\u{3b9}"), (0x1f8a, "\u{1f02}\u{3b9}"), (0x1f8b, "\u{1f03}\u{3b9}"),
    (0x1f8c, "\u{1f04}\u{3b9}"), (0x1f8d, "\u{1f05}\u{3b9}"), (0x1f8e, "\u{1f06}\u{3b9}"),
    (0x1f8f, "\u{1f07}\u{3b9}"), (0x1f90, "\u{1f20}\u{3b9}"), (0x1f91, "\u{1f21}\u{3b9}"),
    (0x1f92, "\u{1f22}\u{3b9}"), (0x1f93, "\u{1f23}\u{3b9}"), (0x1f94, "\u{1f24}\u{3b9}"),
    (0x1f95, "\u{1f25}\u{3b9}"), (0x1f96, "\u{1f26}\u{3b9}"), (0x1f97, "\u{1f27}\u{3b9}"),
    (0x1f98, "\u{1f20}\u{3b9}"), (0x1f99, "\u{1f21}\u{3b9}"), (0x1f9a, "\u{1f22}\u{3b9}"),
    (0x1f9b, "\u{1f23}\u{3b9}"), (0x1f9c, "\u{1f24}\u{3b9}"), (0x1f9d, "\u{1f25}\u{3b9}"),
    (0x1f9e, "\u{1f26}\u{3b9}"), (0x1f9f, "\u{1f27}\u{3b9}"), (0x1fa0, "\u{1f60}\u{3b9}"),
    (0x1fa1, "\u{1f61}\u{3b9}"), (0x1fa2, "\u{1f62}\u{3b9}"), (0x1fa3, "\u{1f63}\u{3b9}"),
    (0x1fa4, "\u{1f64}\u{3b9}"), (0x1fa5, "\u{1f65}\u{3b9}"), (0x1fa6, "\u{1f66}\u{3b9}"),
    (0x1fa7, "\u{1f67}\u{3b9}"), (0x1fa8, "\u{1f60}\u{3b9}"), (0x1fa9, "\u{1f61}\u{3b9}"),
    (0x1faa, "\u{1f62}\u{3b9}"), (0x1fab, "\u{1f63}\u{3b9}"), (0x1fac, "\u{1f64}\u{3b9}"),
    (0x1fad, "\u{1f65}\u{3b9}"), (0x1fae, "\u{1f66}\u{3b9}"), (0x1faf, "\u{1f67}\u{3b9}"),
    (0x1fb2, "\u{1f70}\u{3b9}"), (0x1fb3, "\u{3b1}\u{3b9}"), (0x1fb4, "\u{3ac}\u{3b9}"),
    (0x1fb6, "\u{3b1}\u{342}"), (0x1fb7, "\u{3b1}\u{342}\u{3b9}"), (0x1fbc, "\u{3b1}\u{3b9}"),
    (0x1fbe, "\u{3b9}"), (0x1fc2, "\u{1f74}\u{3b9}"), (0x1fc3, "\u{3b7}\u{3b9}"),
    (0x1fc4, "\u{3ae}\u{3b9}"), (0x1fc6, "\u{3b7}\u{342}"), (0x1fc7, "\u{3b7}\u{342}\u{3b9}"),
    (0x1fcc, "\u{3b7}\u{3b9}"), (0x1fd2, "\u{3b9}\u{308}\u{300}"),
    (0x1fd3, "\u{3b9}\u{308}\u{301}"), (0x1fd6, "\u{3b9}\u{342}"),
    (0x1fd7, "\u{3b9}\u{308}\u{342}"), (0x1fe2, "\u{3c5}\u{308}\u{300}"),
    (0x1fe3, "\u{3c5}\u{308}\u{301}"), (0x1fe4, "\u{3c1}\u{313}"), (0x1fe6, "\u{3c5}\u{342}"),
    (0x1fe7, "\u{3c5}\u{308}\u{342}"), (0x1ff2, "\u{1f7c}\u{3b9}"), (0x1ff3, "\u{3c9}\u{3b9}"),
    (0x1ff4, "\u{3ce}\u{3b9}"), (0x1ff6, "\u{3c9}\u{342}"), (0x1ff7, "\u{3c9}\u{342}\u{3b9}"),
    (0x1ffc, "\u{3c9}\u{3b9}"), (0xab70, "\u{13a0}"), (0xab71, "\u{13a1}"), (0xab72, "\u{13a2}"),
    (0xab73, "\u{13a3}"), (0xab74, "\u{13a4}"), (0xab75, "\u{13a5}"), (0xab76, "\u{13a6}"),
    (0xab77, "\u{13a7}"), (0xab78, "\u{13a8}"), (0xab79, "\u{13a9}"), (0xab7a, "\u{13aa}"),
    (0xab7b, "\u{13ab}"), (0xab7c, "\u{13ac}"), (0xab7d, "\u{13ad}"), (0xab7e, "\u{13ae}"),
    (0xab7f, "\u{13af}"), (0xab80, "\u{13b0}"), (0xab81, "\u{13b1}"), (0xab82, "\u{13b2}"),
    (0xab83, "\u{13b3}"), (0xab84, "\u{13b4}"), (0xab85, "\u{13b5}"), (0xab86, "\u{13b6}"),
    (0xab87, "\u{13b7}"), (0xab88, "\u{13b8}"), (0xab89, "\u{13b9}"), (0xab8a, "\u{13ba}"),
    (0xab8b, "\u{13bb}"), (0xab8c, "\u{13bc}"), (0xab8d, "\u{13bd}"), (0xab8e, "\u{13be}"),
    (0xab8f, "\u{13bf}"), (0xab90, "\u{13c0}"), (0xab91, "\u{13c1}"), (0xab92, "\u{13c2}"),
    (0xab93, "\u{13c3}"), (0xab94, "\u{13c4}"), (0xab95, "\u{13c5}"), (0xab96, "\u{13c6}"),
    (0xab97, "\u{13c7}"), (0xab98, "\u{13c8}"), (0xab99, "\u{13c9}"), (0xab9a, "\u{13ca}"),
    (0xab9b, "\u{13cb}"), (0xab9c, "\u{13cc}"), (0xab9d, "\u{13cd}"), (0xab9e, "\u{13ce}"),
    (0xab9f, "\u{13cf}"), (0xaba0, "\u{13d0}"), (0xaba1, "\u{13d1}"), (0xaba2, "\u{13d2}"),
    (0xaba3, "\u{13d3}"), (0xaba4, "\u{13d4}"), (0xaba5, "\u{13d5}"), (0xaba6, "\u{13d6}"),
    (0xaba7, "\u{13d7}"), (0xaba8, "\u{13d8}"), (0xaba9, "\u{13d9}"), (0xabaa, "\u{13da}"),
    (0xabab, "\u{13db}"), (0xabac, "\u{13dc}"), (0xabad, "\u{13dd}"), (0xabae, "\u{13de}"),
    (0xabaf, "\u{13df}"), (0xabb0, "\u{13e0}"), (0xabb1, "\u{13e1}"), (0xabb2, "\u{13e2}"),
    (0xabb3, "\u{13e3}"), (0xabb4, "\u{13e4}"), (0xabb5, "\u{13e5}"), (0xabb6, "\u{13e6}"),
    (0xabb7, "\u{13e7}"), (0xabb8, "\u{13e8}"), (0xabb9, "\u{13e9}"), (0xabba, "\u{13ea}"),
    (0xabbb, "\u{13eb}"), (0xabbc, "\u{13ec}"), (0xabbd, "\u{13ed}"), (0xabbe, "\u{13ee}"),
    (0xabbf, "\u{13ef}"), (0xfb00, "\u{66}\u{66}"), (0xfb01, "\u{66}\u{69}"),
    (0xfb02, "\u{66}\u{6c}"), (0xfb03, "\u{66}\u{66}\u{69}"), (0xfb04, "\u{66}\u{66}\u{6c}"),
    (0xfb05, "\u{73}\u{74}"), (0xfb06, "\u{73}\u{74}"), (0xfb13, "\u{574}\u{576}"),
    (0xfb14, "\u{574}\u{565}"), (0xfb15, "\u{574}\u{56b}"), (0xfb16, "\u{57e}\u{576}"),
    (0xfb17, "\u{574}\u{56d}"),
];

/// Characters whose titlecase mapping differs from their uppercase mapping.
#[rustfmt::skip]
const TITLE: &[(u32, &str)] = &[
    (0xdf, "\u{53}\u{73}"), (0x1c4, "\u{1c5}"), (0x1c5, "\u{1c5}"), (0x1c6, "\u{1c5}"),
    (0x1c7, "\u{1c8}"), (0x1c8, "\u{1c8}"), (0x1c9, "\u{1c8}"), (0x1ca, "\u{1cb}"),
    (0x1cb, "\u{1cb}"), (0x1cc, "\u{1cb}"), (0x1f1, "\u{1f2}"), (0x1f2, "\u{1f2}"),
    (0x1f3, "\u{1f2}"), (0x587, "\u{535}\u{582}"), (0x10d0, "\u{10d0}"), (0x10d1, "\u{10d1}"),
    (0x10d2, "\u{10d2}"), (0x10d3, "\u{10d3}"), (0x10d4, "\u{10d4}"), (0x10d5, "\u{10d5}"),
    (0x10d6, "\u{10d6}"), (0x10d7, "\u{10d7}"), (0x10d8, "\u{10d8}"), (0x10d9, "\u{10d9}"),
    (0x10da, "\u{10da}"), (0x10db, "\u{10db}"), (0x10dc, "\u{10dc}"), (0x10dd, "\u{10dd}"),
    (0x10de, "\u{10de}"), (0x10df, "\u{10df}"), (0x10e0, "\u{10e0}"), (0x10e1, "\u{10e1}"),
    (0x10e2, "\u{10e2}"), (0x10e3, "\u{10e3}"), (0x10e4, "\u{10e4}"), (0x10e5, "\u{10e5}"),
    (0x10e6, "\u{10e6}"), (0x10e7, "\u{10e7}"), (0x10e8, "\u{10e8}"), (0x10e9, "\u{10e9}"),
    (0x10ea, "\u{10ea}"), (0x10eb, "\u{10eb}"), (0x10ec, "\u{10ec}"), (0x10ed, "\u{10ed}"),
    (0x10ee, "\u{10ee}"), (0x10ef, "\u{10ef}"), (0x10f0, "\u{10f0}"), (0x10f1, "\u{10f1}"),
    (0x10f2, "\u{10f2}"), (0x10f3, "\u{10f3}"), (0x10f4, "\u{10f4}"), (0x10f5, "\u{10f5}"),
    (0x10f6, "\u{10f6}"), (0x10f7, "\u{10f7}"), (0x10f8, "\u{10f8}"), (0x10f9, "\u{10f9}"),
    (0x10fa, "\u{10fa}"), (0x10fd, "\u{10fd}"), (0x10fe, "\u{10fe}"), (0x10ff, "\u{10ff}"),
    (0x1f80, "\u{1f88}"), (0x1f81, "\u{1f89}"), (0x1f82, "\u{1f8a}"), (0x1f83, "\u{1f8b}"),
    (0x1f84, "\u{1f8c}"), (0x1f85, "\u{1f8d}"), (0x1f86, "\u{1f8e}"), (0x1f87, "\u{1f8f}"),
    (0x1f88, "\u{1f88}"), (0x1f89, "\u{1f89}"), (0x1f8a, "\u{1f8a}"), (0x1f8b, "\u{1f8b}"),
    (0x1f8c, "\u{1f8c}"), (0x1f8d, "\u{1f8d}"), (0x1f8e, "\u{1f8e}"), (0x1f8f, "\u{1f8f}"),
    (0x1f90, "\u{1f98}"), (0x1f91, "\u{1f99}"), (0x1f92, "\u{1f9a}"), (0x1f93, "\u{1f9b}"),
    (0x1f94, "\u{1f9c}"), (0x1f95, "\u{1f9d}"), (0x1f96, "\u{1f9e}"), (0x1f97, "\u{1f9f}"),
    (0x1f98, "\u{1f98}"), (0x1f99, "\u{1f99}"), (0x1f9a, "\u{1f9a}"), (0x1f9b, "\u{1f9b}"),
    (0x1f9c, "\u{1f9c}"), (0x1f9d, "\u{1f9d}"), (0x1f9e, "\u{1f9e}"), (0x1f9f, "\u{1f9f}"),
    (0x1fa0, "\u{1fa8}"), (0x1fa1, "\u{1fa9}"), (0x1fa2, "\u{1faa}"), (0x1fa3, "\u{1fab}"),
    (0x1fa4, "\u{1fac}"), (0x1fa5, "\u{1fad}"), (0x1fa6, "\u{1fae}"), (0x1fa7, "\u{1faf}"),
    (0x1fa8, "\u{1fa8}"), (0x1fa9, "\u{1fa9}"), (0x1faa, "\u{1faa}"), (0x1fab, "\u{1fab}"),
    (0x1fac, "\u{1fac}"), (0x1fad, "\u{1fad}"), (0x1fae, "\u{1fae}"), (0x1faf, "\u{1faf}"),
    (0x1fb2, "\u{1fba}\u{345}"), (0x1fb3, "\u{1fbc}"), (0x1fb4, "\u{386}\u{345}"),
    (0x1fb7, "\u{391}\u{342}\u{345}"), (0x1fbc, "\u{1fbc}"), (0x1fc2, "\u{1fca}\u{345}"),
    (0x1fc3, "\u{1fcc}"), (0x1fc4, "\u{389}\u{345}"), (0x1fc7, "\u{397}\u{342}\u{345}"),
    (0x1fcc, "\u{1fcc}"), (0x1ff2, "\u{1ffa}\u{345}"), (0x1ff3, "\u{1ffc}"),
    (0x1ff4, "\u{38f}\u{345}"), (0x1ff7, "\u{3a9}\u{342}\u{345}"), (0x1ffc, "\u{1ffc}"),
    (0xfb00, "\u{46}\u{66}"), (0xfb01, "\u{46}\u{69}"), (0xfb02, "\u{46}\u{6c}"),
    (0xfb03, "\u{46}\u{66}\u{69}"), (0xfb04, "\u{46}\u{66}\u{6c}"), (0xfb05, "\u{53}\u{74}"),
    (0xfb06, "\u{53}\u{74}"), (0xfb13, "\u{544}\u{576}"), (0xfb14, "\u{544}\u{565}"),
    (0xfb15, "\u{544}\u{56b}"), (0xfb16, "\u{54e}\u{576}"), (0xfb17, "\u{544}\u{56d}"),
];

/// Letters with case properties or mappings in later Unicode versions but not in Unicode 14.
#[rustfmt::skip]
const UNCASED_IN_14: &[(u32, u32)] = &[
    (0x19b, 0x19b), (0x264, 0x264), (0x10fc, 0x10fc), (0x1c89, 0x1c8a), (0xa7cb, 0xa7cf),
    (0xa7d2, 0xa7d5), (0xa7da, 0xa7dc), (0xa7f1, 0xa7f4), (0xab69, 0xab69), (0x10d50, 0x10d65),
    (0x10d70, 0x10d85), (0x16ea0, 0x16eb8), (0x16ebb, 0x16ed3), (0x1df25, 0x1df2a),
    (0x1e030, 0x1e06d),
];
