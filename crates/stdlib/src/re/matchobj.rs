//! The `re.Match` class: `group`, `groups`, `groupdict`, `start`, `end`, `span`, `expand`,
//! `m[g]`, the attributes `string`, `re`, `pos`, `endpos`, `lastindex`, `lastgroup` and
//! `regs`, and CPython's repr `<re.Match object; span=(0, 3), match='abc'>`.

use super::engine::{Hit, Regex, Subject};
use super::{PatternObj, template, text_obj};
use gillab_vm::Backend;
use gillab_vm::builtins::{Args, add, add_property};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::dict::Dict;
use gillab_vm::object::{NativeObj, Payload, PyRef};
use gillab_vm::ops::{self, dicts};
use std::sync::Arc;

/// A `re.Match` object's value.
pub(crate) struct MatchObj<B: Backend> {
    pub(crate) string: PyRef<B>,
    pub(crate) re: PyRef<B>,
    pub(crate) regex: Arc<Regex>,
    /// Each group's span in code units (`None`: did not take part).
    pub(crate) spans: Vec<Option<(usize, usize)>>,
    /// The same in bytes of the text (UTF-8 for a str).
    pub(crate) bspans: Vec<Option<(usize, usize)>>,
    pub(crate) pos: usize,
    pub(crate) endpos: usize,
    pub(crate) lastindex: Option<usize>,
}

/// A new `re.Match` for `hit` of pattern `pat` in `string`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn new_match<B: Backend>(
    _ctx: &Ctx<'_, B>,
    pat: &PyRef<B>,
    p: &PatternObj<B>,
    string: &PyRef<B>,
    subj: &Subject<'_>,
    hit: Hit,
    pos: usize,
    endpos: usize,
) -> PyRef<B> {
    let bspans = hit.spans.iter().map(|s| s.map(|(a, b)| (subj.byte(a), subj.byte(b)))).collect();
    let m = MatchObj {
        string: string.clone(),
        re: pat.clone(),
        regex: p.regex.clone(),
        spans: hit.spans,
        bspans,
        pos,
        endpos,
        lastindex: hit.lastindex,
    };
    PyRef::new(Payload::Native(Box::new(NativeObj {
        class: p.match_class.clone(),
        data: Box::new(m),
    })))
}

pub(super) fn install<B: Backend>(ctx: &mut Ctx<'_, B>, cls: &PyRef<B>) {
    let vm = ctx.vm;
    add(vm, cls, "__new__", |ctx, _| Err(ctx.type_error("cannot create 're.Match' instances")));
    add(vm, cls, "group", group);
    add(vm, cls, "__getitem__", getitem);
    add(vm, cls, "groups", groups);
    add(vm, cls, "groupdict", groupdict);
    add(vm, cls, "start", |c, a| bound(c, a, "start", 0));
    add(vm, cls, "end", |c, a| bound(c, a, "end", 1));
    add(vm, cls, "span", |c, a| bound(c, a, "span", 2));
    add(vm, cls, "expand", expand);
    add(vm, cls, "__repr__", repr);
    add(vm, cls, "__copy__", same);
    add(vm, cls, "__deepcopy__", same);
    add_property(vm, cls, "string", |c, a| Ok(this(c, &a, "string")?.1.string.clone()));
    add_property(vm, cls, "re", |c, a| Ok(this(c, &a, "re")?.1.re.clone()));
    add_property(vm, cls, "pos", |c, a| {
        let m = this(c, &a, "pos")?.1;
        Ok(c.vm.int(m.pos as i64))
    });
    add_property(vm, cls, "endpos", |c, a| {
        let m = this(c, &a, "endpos")?.1;
        Ok(c.vm.int(m.endpos as i64))
    });
    add_property(vm, cls, "lastindex", |c, a| {
        let m = this(c, &a, "lastindex")?.1;
        Ok(m.lastindex.map_or_else(|| c.vm.core.none.clone(), |g| c.vm.int(g as i64)))
    });
    add_property(vm, cls, "lastgroup", |c, a| {
        let m = this(c, &a, "lastgroup")?.1;
        let name = m.lastindex.and_then(|g| m.regex.names.iter().find(|e| e.1 == g));
        Ok(name.map_or_else(|| c.vm.core.none.clone(), |(n, _)| c.vm.str(n.as_str())))
    });
    add_property(vm, cls, "regs", |c, a| {
        let m = this(c, &a, "regs")?.1;
        let items = (0..m.spans.len()).map(|g| span_tuple(c, m, g)).collect();
        Ok(c.vm.tuple(items))
    });
}

/// The `MatchObj` of a `re.Match` object.
pub(crate) fn match_of<B: Backend>(o: &PyRef<B>) -> Option<&MatchObj<B>> {
    match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<MatchObj<B>>(),
        _ => None,
    }
}

fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    method: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a MatchObj<B>)> {
    let Some(o) = args.positional().first() else {
        return Err(
            ctx.type_error(format!("descriptor '{method}' of 're.Match' object needs an argument"))
        );
    };
    match match_of(o) {
        Some(m) => Ok((o, m)),
        None => Err(ctx.type_error(format!(
            "descriptor '{method}' for 're.Match' objects doesn't apply to a '{}' object",
            ops::type_name(ctx.vm, o)
        ))),
    }
}

/// The group number `g` names (an int or a group name), or CPython's `IndexError`.
fn index<B: Backend>(ctx: &Ctx<'_, B>, m: &MatchObj<B>, g: &PyRef<B>) -> PyResult<B, usize> {
    let found = match &g.payload {
        Payload::Int(i) => usize::try_from(*i).ok(),
        Payload::Bool(b) => Some(usize::from(*b)),
        Payload::Str(s) => m.regex.group_index(s.as_str()),
        _ => None,
    };
    match found {
        Some(i) if i < m.spans.len() => Ok(i),
        _ => Err(ctx.index_error("no such group")),
    }
}

/// The text of group `g`, or `default` if it did not take part.
pub(crate) fn value<B: Backend>(
    ctx: &Ctx<'_, B>,
    m: &MatchObj<B>,
    g: usize,
    default: &PyRef<B>,
) -> PyRef<B> {
    match m.bspans.get(g).copied().flatten() {
        Some((a, b)) => {
            let bytes: &[u8] = match &ops::value_of(&m.string).payload {
                Payload::Str(s) => s.as_str().as_bytes(),
                Payload::Bytes(v) => v,
                _ => &[],
            };
            text_obj(ctx, m.regex.bytes, bytes.get(a..b).unwrap_or(&[]))
        }
        None => default.clone(),
    }
}

fn group<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let m = this(ctx, &args, "group")?.1;
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("group() takes no keyword arguments"));
    }
    let none = ctx.vm.core.none.clone();
    let gs = &args.args[1..];
    match gs {
        [] => Ok(value(ctx, m, 0, &none)),
        [g] => Ok(value(ctx, m, index(ctx, m, g)?, &none)),
        _ => {
            let mut items = Vec::with_capacity(gs.len());
            for g in gs {
                items.push(value(ctx, m, index(ctx, m, g)?, &none));
            }
            Ok(ctx.vm.tuple(items))
        }
    }
}

fn getitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__getitem__", 2, 2, &[])?;
    let m = this(ctx, &args, "__getitem__")?.1;
    let none = ctx.vm.core.none.clone();
    Ok(value(ctx, m, index(ctx, m, &args.args[1])?, &none))
}

/// The `default` argument of `groups` and `groupdict`.
fn default_arg<B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'_, B>, name: &str) -> PyResult<B> {
    let a = crate::itertools::clinic(ctx, args, name, &["default"], 0, 1)?;
    Ok(a[0].cloned().unwrap_or_else(|| ctx.vm.core.none.clone()))
}

fn groups<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let m = this(ctx, &args, "groups")?.1;
    let default = default_arg(ctx, &args, "groups")?;
    let items = (1..m.spans.len()).map(|g| value(ctx, m, g, &default)).collect();
    Ok(ctx.vm.tuple(items))
}

fn groupdict<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let m = this(ctx, &args, "groupdict")?.1;
    let default = default_arg(ctx, &args, "groupdict")?;
    let d = ctx.vm.dict(Dict::new());
    for (name, g) in &m.regex.names {
        let (k, v) = (ctx.vm.str(name.as_str()), value(ctx, m, *g, &default));
        dicts::set(ctx, &d, k, Some(v))?;
    }
    Ok(d)
}

fn span_tuple<B: Backend>(ctx: &Ctx<'_, B>, m: &MatchObj<B>, g: usize) -> PyRef<B> {
    let (a, b) = m.spans[g].map_or((-1, -1), |(a, b)| (a as i64, b as i64));
    ctx.vm.tuple(vec![ctx.vm.int(a), ctx.vm.int(b)])
}

/// `start` (`which` 0), `end` (1) and `span` (2) of a group.
fn bound<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &str,
    which: u8,
) -> PyResult<B> {
    let m = this(ctx, &args, name)?.1;
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.args.len() - 1;
    if n > 1 {
        return Err(ctx.type_error(format!("{name} expected at most 1 argument, got {n}")));
    }
    let g = match args.args.get(1) {
        Some(g) => index(ctx, m, g)?,
        None => 0,
    };
    if which == 2 {
        return Ok(span_tuple(ctx, m, g));
    }
    let v = m.spans[g].map_or(-1, |(a, b)| if which == 0 { a as i64 } else { b as i64 });
    Ok(ctx.vm.int(v))
}

fn expand<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "expand", 2, 2, &["template"])?;
    let (o, m) = this(ctx, &args, "expand")?;
    let Some(p) = super::pattern_of(&m.re) else { return Ok(o.clone()) };
    let t = template::Template::parse(ctx, &p.regex, &args.args[1])?;
    let mut out = Vec::new();
    t.expand(m, &mut out);
    Ok(text_obj(ctx, m.regex.bytes, &out))
}

fn repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let m = this(ctx, &args, "__repr__")?.1;
    let none = ctx.vm.core.none.clone();
    let text = value(ctx, m, 0, &none);
    let shown: String = ops::repr::repr(ctx, &text)?.chars().take(50).collect();
    let (a, b) = m.spans[0].unwrap_or((0, 0));
    Ok(ctx.vm.str(format!("<re.Match object; span=({a}, {b}), match={shown}>")))
}

fn same<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    Ok(this(ctx, &args, "__copy__")?.0.clone())
}
