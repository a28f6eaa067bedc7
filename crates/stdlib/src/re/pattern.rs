//! The `re.Pattern` class: `match`, `fullmatch`, `search` (here), `findall`, `finditer` and
//! `split` ([`super::iterate`]), `sub` and `subn` ([`super::template`]), the attributes
//! `pattern`, `flags`, `groups`, `groupindex`, and CPython's repr and equality.

use super::backtrack::Mode;
use super::matchobj::new_match;
use super::parse::flag;
use super::{iterate, position, subject, template, this_pattern};
use crate::itertools::clinic;
use gillab_vm::Backend;
use gillab_vm::builtins::{Args, add, add_property};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::PyRef;
use gillab_vm::object::dict::Dict;
use gillab_vm::ops::{self, dicts};

pub(super) fn install<B: Backend>(ctx: &mut Ctx<'_, B>, cls: &PyRef<B>) {
    let vm = ctx.vm;
    add(vm, cls, "__new__", |ctx, _| Err(ctx.type_error("cannot create 're.Pattern' instances")));
    add(vm, cls, "match", |c, a| find(c, a, "match", Mode::Match));
    add(vm, cls, "fullmatch", |c, a| find(c, a, "fullmatch", Mode::Full));
    add(vm, cls, "search", |c, a| find(c, a, "search", Mode::Search));
    add(vm, cls, "findall", iterate::findall);
    add(vm, cls, "finditer", iterate::finditer);
    add(vm, cls, "split", iterate::split);
    add(vm, cls, "sub", |c, a| template::sub(c, a, "sub"));
    add(vm, cls, "subn", |c, a| template::sub(c, a, "subn"));
    add(vm, cls, "__repr__", repr);
    add(vm, cls, "__eq__", eq);
    add(vm, cls, "__copy__", same);
    add(vm, cls, "__deepcopy__", same);
    add_property(vm, cls, "pattern", |ctx, a| {
        Ok(this_pattern(ctx, &a, "pattern")?.1.pattern.clone())
    });
    add_property(vm, cls, "flags", |ctx, a| {
        let p = this_pattern(ctx, &a, "flags")?.1;
        Ok(ctx.vm.int(i64::from(p.regex.flags)))
    });
    add_property(vm, cls, "groups", |ctx, a| {
        let p = this_pattern(ctx, &a, "groups")?.1;
        Ok(ctx.vm.int(p.regex.groups as i64))
    });
    add_property(vm, cls, "groupindex", groupindex);
}

/// `match`, `fullmatch` and `search`: `(string, pos=0, endpos=sys.maxsize)`.
fn find<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &str,
    mode: Mode,
) -> PyResult<B> {
    let (pat, p) = this_pattern(ctx, &args, name)?;
    let a = clinic(ctx, &args, name, &["string", "pos", "endpos"], 1, 3)?;
    let Some(string) = a[0] else { return Err(ctx.type_error(name.to_string())) };
    let subj = subject(ctx, &p.regex, string)?;
    let pos = position(ctx, a[1], 0, subj.len)?;
    let endpos = position(ctx, a[2], usize::MAX, subj.len)?;
    match p.regex.exec(&subj, pos, endpos, mode, false) {
        Some(hit) => Ok(new_match(ctx, pat, p, string, &subj, hit, pos, endpos)),
        None => Ok(ctx.vm.core.none.clone()),
    }
}

/// `groupindex`: a dict of the group names (CPython: a read-only mapping proxy).
fn groupindex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = this_pattern(ctx, &args, "groupindex")?.1;
    let d = ctx.vm.dict(Dict::new());
    for (name, g) in &p.regex.names {
        let (k, v) = (ctx.vm.str(name.as_str()), ctx.vm.int(*g as i64));
        dicts::set(ctx, &d, k, Some(v))?;
    }
    Ok(d)
}

/// The names of the flag bits, in CPython's order.
const FLAG_NAMES: [(u32, &str); 9] = [
    (flag::TEMPLATE, "re.TEMPLATE"),
    (flag::IGNORECASE, "re.IGNORECASE"),
    (flag::LOCALE, "re.LOCALE"),
    (flag::MULTILINE, "re.MULTILINE"),
    (flag::DOTALL, "re.DOTALL"),
    (flag::UNICODE, "re.UNICODE"),
    (flag::VERBOSE, "re.VERBOSE"),
    (flag::DEBUG, "re.DEBUG"),
    (flag::ASCII, "re.ASCII"),
];

/// `re.compile('pattern', re.IGNORECASE)`: the pattern's repr cut to 200 characters, and
/// the flags other than the implied `re.UNICODE` of a str pattern.
fn repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = this_pattern(ctx, &args, "__repr__")?.1;
    let text = ops::repr::repr(ctx, &p.pattern)?;
    let mut out = String::from("re.compile(");
    out.extend(text.chars().take(200));
    let mut flags = p.regex.flags;
    if !p.regex.bytes && flags & flag::TYPES == flag::UNICODE {
        flags &= !flag::UNICODE;
    }
    if flags != 0 {
        let mut names: Vec<String> = Vec::new();
        for (bit, name) in FLAG_NAMES {
            if flags & bit != 0 {
                names.push(name.to_string());
                flags &= !bit;
            }
        }
        if flags != 0 {
            names.push(format!("{flags:#x}"));
        }
        out.push_str(", ");
        out.push_str(&names.join("|"));
    }
    out.push(')');
    Ok(ctx.vm.str(out))
}

/// Patterns are equal when their pattern, flags and kind are.
fn eq<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__eq__", 2, 2, &[])?;
    let a = this_pattern(ctx, &args, "__eq__")?.1;
    let Some(b) = super::pattern_of(&args.args[1]) else {
        return Ok(ctx.vm.core.not_implemented.clone());
    };
    if a.regex.flags != b.regex.flags || a.regex.bytes != b.regex.bytes {
        return Ok(ctx.vm.bool(false));
    }
    let same = ops::compare::eq(ctx, &a.pattern, &b.pattern)?;
    Ok(ctx.vm.bool(same))
}

/// `__copy__` and `__deepcopy__`: patterns are immutable.
fn same<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    Ok(this_pattern(ctx, &args, "__copy__")?.0.clone())
}
