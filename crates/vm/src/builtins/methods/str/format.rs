//! `str.format` and `str.format_map`, following CPython's own format-string parser.

use super::chars::decimal_value;
use crate::backend::Backend;
use crate::builtins::methods::list::receiver;
use crate::builtins::methods::text::{PyText, Sig, recv};
use crate::builtins::{Args, strings};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::{attr, repr, seq, type_name};

/// Where replacement fields get their values.
pub(super) enum Source<'a, B: Backend> {
    /// `str.format(*args, **kwargs)`: positional values and the call's keywords.
    Call(&'a [PyRef<B>], Args<'a, B>),
    /// `str.format_map(mapping)`.
    Map(&'a PyRef<B>),
}

/// Automatic (`{}`) versus manual (`{0}`) field numbering, which may not be mixed.
#[derive(Default)]
pub(super) struct AutoNumber {
    mode: Option<bool>,
    next: usize,
}

/// CPython's `get_integer`: the value of an all-decimal field name part, `None` otherwise.
pub(super) fn field_integer<B: Backend>(ctx: &Ctx<'_, B>, s: &str) -> PyResult<B, Option<usize>> {
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
pub(super) fn field_object<B: Backend>(
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
pub(super) struct Field<'s> {
    name: &'s str,
    conversion: Option<char>,
    spec: &'s str,
    spec_has_fields: bool,
}

/// CPython's `parse_field`: parses the field starting at byte `*i` (just after its `{`).
pub(super) fn parse_field<'s, B: Backend>(
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
pub(super) fn build_string<B: Backend>(
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

/// `str.format(*args, **kwargs)`.
pub(super) fn format<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, s) = receiver(ctx, &args, "str", "format", str::of)?;
    let pos = args.positional().get(1..).unwrap_or(&[]);
    let out = build_string(ctx, &Source::Call(pos, args), s, 2, &mut AutoNumber::default())?;
    Ok(ctx.vm.str(out))
}

/// `str.format_map(mapping)`.
pub(super) fn format_map<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, s, p) = recv::<B, str>(ctx, &args, "format_map", Sig::One)?;
    let mapping = p.req(ctx, 0)?;
    let out = build_string(ctx, &Source::Map(mapping), s, 2, &mut AutoNumber::default())?;
    Ok(ctx.vm.str(out))
}
