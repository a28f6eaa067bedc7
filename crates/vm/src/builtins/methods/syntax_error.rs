//! `SyntaxError` as CPython builds and prints it: `__init__` unpacks
//! `(msg, (filename, lineno, offset, text, end_lineno, end_offset))` into attributes, `__str__`
//! is `msg (file.py, line N)`, and an uncaught one prints its source line and caret under the
//! traceback ([`report`]). `compile()`, `exec()` and `eval()` raise them through
//! [`from_compile_error`].
//!
//! (A syntax error in the main script or an imported file is still the older form: an
//! exception whose single argument is the complete report, printed as it is.)

use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::{self, call, dicts, repr};
use crate::vm::Vm;

/// The attributes `__init__` sets, in the order of the `args[1]` tuple after `msg`.
const FIELDS: [&str; 6] = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let c = &vm.core.exc.syntax_error;
    add(vm, c, "__init__", init);
    add(vm, c, "__str__", str_);
}

fn init<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = args.positional();
    let Some(o) =
        pos.first().filter(|o| matches!(&o.payload, Payload::Instance(i) if i.exc.is_some()))
    else {
        return Err(ctx.type_error("descriptor '__init__' requires a 'SyntaxError' object"));
    };
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("SyntaxError() takes no keyword arguments"));
    }
    // `BaseException.__init__` first: `args` is every positional argument.
    if let Payload::Instance(i) = &o.payload
        && let Some(st) = &i.exc
    {
        let new_args = ctx.vm.tuple(pos[1..].to_vec());
        let old = o.write(st, |s| std::mem::replace(&mut s.args, new_args));
        drop(old);
    }
    let vm = ctx.vm;
    let none = || vm.core.none.clone();
    let mut values: Vec<PyRef<B>> = (0..FIELDS.len()).map(|_| none()).collect();
    let msg = pos.get(1).cloned().unwrap_or_else(none);
    if pos.len() == 3 {
        let info = crate::ops::seq::to_vec(ctx, &pos[2])?;
        if !(4..=6).contains(&info.len()) {
            let what = if info.len() < 4 { "at least 4" } else { "at most 6" };
            return Err(
                ctx.type_error(format!("function takes {what} arguments ({} given)", info.len()))
            );
        }
        for (slot, v) in values.iter_mut().zip(info) {
            *slot = v;
        }
    }
    dicts::set_name(o, vm.intern("msg"), msg);
    for (name, v) in FIELDS.iter().zip(values) {
        dicts::set_name(o, vm.intern(name), v);
    }
    dicts::set_name(o, vm.intern("print_file_and_line"), none());
    Ok(none())
}

/// An attribute stored by `__init__`, if set.
fn field<B: Backend>(o: &PyRef<B>, name: &str) -> Option<PyRef<B>> {
    dicts::get_text(o, name)
}

/// CPython's `SyntaxError.__str__`: `msg (file.py, line N)` with the file's base name, or
/// less of it when the file name or line is missing.
fn str_<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let Some(o) = args.positional().first() else {
        return Err(
            ctx.type_error("descriptor '__str__' of 'SyntaxError' object needs an argument")
        );
    };
    let Some(msg) = field(o, "msg") else {
        // Made without `__init__` (a compile error of a file, carrying its whole report).
        let args = match &o.payload {
            Payload::Instance(i) => i.exc.as_ref().map(|st| o.read(st, |s| s.args.clone())),
            _ => None,
        };
        return Ok(match args.as_ref().map(|a| &a.payload) {
            Some(Payload::Tuple(t)) if t.len() == 1 => repr::str_obj(ctx, &t[0])?,
            Some(Payload::Tuple(t)) if t.is_empty() => ctx.vm.str(""),
            Some(_) => ctx.vm.str(repr::repr(ctx, args.as_ref().unwrap_or(o))?),
            None => ctx.vm.str(""),
        });
    };
    let msg = repr::str(ctx, &msg)?;
    let filename = field(o, "filename").and_then(|f| ops::as_str(&f).map(str::to_string));
    let lineno = field(o, "lineno").and_then(|l| match l.payload {
        Payload::Int(n) => Some(n),
        _ => None,
    });
    let base = filename.as_deref().map(|f| f.rsplit('/').next().unwrap_or(f));
    let text = match (base, lineno) {
        (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(n)) => format!("{msg} (line {n})"),
        (None, None) => msg,
    };
    Ok(ctx.vm.str(text))
}

/// What an uncaught `SyntaxError` with a file name and line prints after the traceback, as
/// CPython's `print_exception` does: the place, the stripped source line and a caret line
/// (none when the offset points left of the text), then `SyntaxError: msg`. `None` for other
/// exceptions.
pub fn report<B: Backend>(ctx: &mut Ctx<'_, B>, exc: &PyRef<B>) -> Option<String> {
    if !ops::isinstance(ctx.vm, exc, &ctx.vm.core.exc.syntax_error) {
        return None;
    }
    let filename = field(exc, "filename")?;
    let filename = ops::as_str(&filename)?.to_string();
    let int = |name: &str| match field(exc, name)?.payload {
        Payload::Int(n) => Some(n),
        _ => None,
    };
    let lineno = int("lineno")?;
    let mut out = format!("  File \"{filename}\", line {lineno}\n");
    if let Some(text) = field(exc, "text").and_then(|t| ops::as_str(&t).map(str::to_string)) {
        out.push_str(&source_and_caret(&text, int("offset"), int("end_offset")));
    }
    let cls = ops::type_of(ctx.vm, exc);
    let name = match &cls.payload {
        Payload::Type(t) if t.module == "builtins" || t.module == "__main__" => t.qualname.clone(),
        Payload::Type(t) => format!("{}.{}", t.module, t.qualname),
        _ => "SyntaxError".into(),
    };
    let msg =
        field(exc, "msg").map_or_else(String::new, |m| repr::str(ctx, &m).unwrap_or_default());
    out.push_str(&format!("{name}: {msg}"));
    Some(out)
}

/// The source line and caret of a `SyntaxError` report (CPython's `print_error_text`).
fn source_and_caret(text: &str, offset: Option<i64>, end_offset: Option<i64>) -> String {
    let original = offset.unwrap_or(0);
    let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
    let mut offset = original - 1 - (text.chars().count() - trimmed.chars().count()) as i64;
    let mut line = trimmed.strip_suffix('\n').unwrap_or(trimmed);
    // Several lines: the one the offset falls in.
    while let Some(nl) = line.find('\n') {
        let before = line[..nl].chars().count() as i64;
        if before >= offset {
            line = &line[..nl];
            break;
        }
        offset -= before + 1;
        line = &line[nl + 1..];
    }
    let len = line.chars().count() as i64;
    let mut out = format!("    {line}\n");
    if offset >= 0 {
        let offset = offset.min(len);
        let width = match end_offset {
            Some(end) if end > original => end - original,
            _ => 1,
        };
        out.push_str("    ");
        out.extend(std::iter::repeat_n(' ', offset as usize));
        out.extend(std::iter::repeat_n('^', width as usize));
        out.push('\n');
    }
    out
}

/// The `SyntaxError` (or `IndentationError`, `TabError`) that `compile()`, `exec()` and `eval()`
/// raise for `err` in `source`, with CPython's attributes: `text` is the offending line (with
/// its newline; `eval` input gets none added), `offset` its 1-based column.
pub fn from_compile_error<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    err: &gillab_syntax::SyntaxError,
    source: &str,
    filename: &str,
    add_newline: bool,
) -> PyErr<B> {
    let vm = ctx.vm;
    let class = match err.kind {
        gillab_syntax::SyntaxErrorKind::Syntax => &vm.core.exc.syntax_error,
        gillab_syntax::SyntaxErrorKind::Indentation => &vm.core.exc.indentation_error,
        gillab_syntax::SyntaxErrorKind::Tab => &vm.core.exc.tab_error,
    };
    let index = gillab_syntax::LineIndex::new(source);
    let (line, col) = index.line_col(source, err.span.start);
    let (end_line, end_col) = index.line_col(source, err.span.end);
    let mut text = index.line_text(source, line).to_string();
    let ends_line = source
        .split_inclusive('\n')
        .nth((line as usize).saturating_sub(1))
        .is_some_and(|l| l.ends_with('\n'));
    if ends_line || add_newline {
        text.push('\n');
    }
    // An error CPython shows without a caret points left of the text; so does one at the end
    // of `eval`/`single` input without a final newline (CPython's parser places it at column
    // 0 there), and an unclosed bracket has no end.
    let at_end = !add_newline && !source.ends_with('\n') && err.span.start as usize >= source.len();
    let (offset, end_offset) = if !err.caret {
        (col as i64 - 1, -1)
    } else if at_end {
        (0, 0)
    } else if err.msg.ends_with("was never closed") {
        (col as i64, 0)
    } else {
        (col as i64, end_col as i64)
    };
    let info = vm.tuple(vec![
        vm.str(filename),
        vm.int(line as i64),
        vm.int(offset),
        vm.str(text),
        vm.int(end_line as i64),
        vm.int(end_offset),
    ]);
    let msg = vm.str(err.msg.as_str());
    match call::call(ctx, class, &[msg, info], &[]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}
