//! `json` (with `json.encoder` and `json.decoder`): `dumps`/`dump`/`loads`/`load`,
//! `JSONEncoder`, `JSONDecoder` and `JSONDecodeError`, with CPython 3.11's output and errors.
//!
//! **Style: Python over a native core.** The classes and functions are Python
//! (`python/json.py`); the work is done by the native module `_gillab_json` defined here:
//! [`encode`] writes the whole JSON text of an object in Rust (the pyperformance `json_dumps`
//! path: `json.dumps(obj)` with default settings goes straight to it), and [`decode`] is a
//! recursive-descent scanner with CPython's messages and positions (serde_json's parser
//! knows neither Python's hooks nor `NaN`/`Infinity`, arbitrary-size ints or CPython's error
//! texts; its string serializer does the escaping for `ensure_ascii=False`).
//!
//! `_gillab_json` functions (all positional but the first):
//! - `dumps(obj, **kw)`, `loads(s, **kw)`: `json.dumps` and `json.loads` themselves,
//!   native for the default settings, the Python `_dumps`/`_loads` otherwise;
//! - `encode(obj, skipkeys, ensure_ascii, check_circular, allow_nan, sort_keys, indent,
//!   key_separator, item_separator, default)`: the text; `indent` is `None` or the indent
//!   string, `default` `None` or a callable;
//! - `encode_basestring(s)`, `encode_basestring_ascii(s)`: a quoted JSON string;
//! - `decode(s, strict, object_hook, object_pairs_hook, parse_float, parse_int,
//!   parse_constant, error)`: the value of the whole document (leading and trailing
//!   whitespace allowed, "Extra data" after it); `error` is the `JSONDecodeError` class,
//!   called as `error(msg, doc, pos)`;
//! - `raw_decode(s, idx, ...the same...)`: `(value, end)` for the value starting at
//!   character `idx`;
//! - `scanstring(s, end, strict, error)`: `(text, end)` for the string whose opening quote
//!   is at `end - 1`.

mod decode;
mod encode;

use decode::{Decoder, Fail, Hooks, is_type};
use encode::{Encoder, Options, escape_ascii, escape_unicode};
use gillab_vm::Backend;
use gillab_vm::builtins::{Args, NativeFn, add};
use gillab_vm::ctx::{Ctx, PyErr, PyResult};
use gillab_vm::eval::imports::{exec_source, import_module, new_builtin_module};
use gillab_vm::object::{Payload, PyRef};
use gillab_vm::ops::{self, call, dicts, is_true, type_name};

const SOURCE: &str = include_str!("../python/json.py");

/// Fills `json` (the Python source) and creates its submodules `json.encoder` and
/// `json.decoder` (in `sys.modules` and as attributes), as importing CPython's package does.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    exec_source(ctx, SOURCE, "<frozen json>", module)?;
    let vm = ctx.vm;
    for name in ["json.encoder", "json.decoder"] {
        let sub = new_builtin_module(vm, name);
        fill_from(ctx, name, module, &sub);
        dicts::set_name(&vm.core.modules, vm.intern(name), sub);
    }
    Ok(())
}

/// Fills `json.encoder` or `json.decoder` (`name`) when it is imported on its own.
pub fn fill_sub<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    name: &str,
    module: &PyRef<B>,
) -> PyResult<B, ()> {
    let json = import_module(ctx, "json")?;
    fill_from(ctx, name, &json, module);
    Ok(())
}

/// Copies the names of `json` that CPython's submodule `name` has into `module`, and makes
/// it an attribute of `json`.
fn fill_from<B: Backend>(ctx: &Ctx<'_, B>, name: &str, json: &PyRef<B>, module: &PyRef<B>) {
    let (Payload::Module(parent), Payload::Module(m)) = (&json.payload, &module.payload) else {
        return;
    };
    let names: &[&str] = if name == "json.encoder" {
        &["JSONEncoder", "encode_basestring", "encode_basestring_ascii", "INFINITY"]
    } else {
        &["JSONDecoder", "JSONDecodeError", "scanstring"]
    };
    for n in names {
        if let Some(v) = dicts::get_text(&parent.dict, n) {
            dicts::set_name(&m.dict, ctx.vm.intern(n), v);
        }
    }
    let short = name.trim_start_matches("json.");
    dicts::set_name(&parent.dict, ctx.vm.intern(short), module.clone());
}

/// Fills `_gillab_json` (the native core).
pub fn fill_core<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    let Payload::Module(m) = &module.payload else { return Ok(()) };
    let funcs: [(&'static str, NativeFn<B>); 8] = [
        ("dumps", j_dumps),
        ("loads", j_loads),
        ("encode", j_encode),
        ("encode_basestring", j_encode_basestring),
        ("encode_basestring_ascii", j_encode_basestring_ascii),
        ("decode", j_decode),
        ("raw_decode", j_raw_decode),
        ("scanstring", j_scanstring),
    ];
    for (name, f) in funcs {
        add(ctx.vm, &m.dict, name, f);
    }
    Ok(())
}

/// Exactly `n` positional arguments.
fn exact<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
    n: usize,
) -> PyResult<B, &'a [PyRef<B>]> {
    args.check(ctx, name, n, n, &[])?;
    Ok(args.positional())
}

fn opt<B: Backend>(v: &PyRef<B>) -> Option<PyRef<B>> {
    if matches!(v.payload, Payload::None) { None } else { Some(v.clone()) }
}

fn text_arg<'a, B: Backend>(ctx: &Ctx<'_, B>, v: &'a PyRef<B>, what: &str) -> PyResult<B, &'a str> {
    ops::as_str(v)
        .ok_or_else(|| ctx.type_error(format!("{what} must be str, not {}", type_name(ctx.vm, v))))
}

fn j_encode<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = exact(ctx, &args, "encode", 10)?;
    let mut flags = [false; 5];
    for (f, v) in flags.iter_mut().zip(&a[1..6]) {
        *f = match v.payload {
            Payload::Bool(b) => b,
            _ => is_true(ctx, v)?,
        };
    }
    let indent = match opt(&a[6]) {
        None => None,
        Some(v) => Some(text_arg(ctx, &v, "indent")?.to_string()),
    };
    let opts = Options {
        skipkeys: flags[0],
        ensure_ascii: flags[1],
        check_circular: flags[2],
        allow_nan: flags[3],
        sort_keys: flags[4],
        indent,
        key_separator: text_arg(ctx, &a[7], "key_separator")?.to_string(),
        item_separator: text_arg(ctx, &a[8], "item_separator")?.to_string(),
        default: opt(&a[9]),
    };
    let mut enc = Encoder::new(&opts);
    enc.encode(ctx, &a[0], 0)?;
    Ok(ctx.vm.str(enc.finish()))
}

/// `json.dumps`: `dumps(obj)` with the default settings is encoded here directly; any
/// other call goes to the Python `json._dumps`, which handles every option.
fn j_dumps<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let ([obj], []) = (args.args, args.kwnames) {
        let opts = Options {
            skipkeys: false,
            ensure_ascii: true,
            check_circular: true,
            allow_nan: true,
            sort_keys: false,
            indent: None,
            key_separator: ": ".into(),
            item_separator: ", ".into(),
            default: None,
        };
        let mut enc = Encoder::new(&opts);
        enc.encode(ctx, obj, 0)?;
        return Ok(ctx.vm.str(enc.finish()));
    }
    let json = import_module(ctx, "json")?;
    let slow = ops::attr::getattr_str(ctx, &json, "_dumps")?;
    call::call(ctx, &slow, args.args, args.kwnames)
}

/// `json.loads`: `loads(text)` of a `str` with the default settings is decoded here
/// directly; any other call goes to the Python `json._loads`.
fn j_loads<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let ([doc], []) = (args.args, args.kwnames)
        && let Some(s) = ops::as_str(doc)
        && !s.starts_with('\u{feff}')
    {
        let h = Hooks {
            strict: true,
            object_hook: None,
            pairs_hook: None,
            parse_float: None,
            parse_int: None,
            parse_constant: None,
        };
        let mut dec = Decoder::new(s, &h);
        let start = dec.skip_ws(0);
        let r = dec.scan_once(ctx, start).and_then(|(v, end)| {
            let end = dec.skip_ws(end);
            if end != s.len() {
                return Err(Fail::Syntax("Extra data".into(), end));
            }
            Ok(v)
        });
        return match r {
            Ok(v) => Ok(v),
            Err(Fail::Py(e)) => Err(e),
            Err(f) => {
                let json = import_module(ctx, "json")?;
                let error = ops::attr::getattr_str(ctx, &json, "JSONDecodeError")?;
                Err(raise(ctx, &dec, doc, &error, f))
            }
        };
    }
    let json = import_module(ctx, "json")?;
    let slow = ops::attr::getattr_str(ctx, &json, "_loads")?;
    call::call(ctx, &slow, args.args, args.kwnames)
}

fn basestring<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &str,
    f: fn(&mut Vec<u8>, &str),
) -> PyResult<B> {
    let a = exact(ctx, &args, name, 1)?;
    let Some(s) = ops::as_str(&a[0]) else {
        return Err(ctx.type_error(format!(
            "first argument must be a string, not {}",
            type_name(ctx.vm, &a[0])
        )));
    };
    let mut out = Vec::with_capacity(s.len() + 2);
    f(&mut out, s);
    Ok(ctx.vm.str(String::from_utf8(out).unwrap_or_default()))
}

fn j_encode_basestring<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    basestring(ctx, args, "encode_basestring", escape_unicode)
}

fn j_encode_basestring_ascii<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    basestring(ctx, args, "encode_basestring_ascii", escape_ascii)
}

/// The decoder settings from `strict, object_hook, object_pairs_hook, parse_float,
/// parse_int, parse_constant`.
fn hooks<B: Backend>(ctx: &mut Ctx<'_, B>, a: &[PyRef<B>]) -> PyResult<B, Hooks<B>> {
    let types = &ctx.vm.core.types;
    let native = |v: &PyRef<B>, t: &PyRef<B>| opt(v).filter(|f| !is_type(f, t));
    let (pf, pi) = (native(&a[3], &types.float), native(&a[4], &types.int));
    Ok(Hooks {
        strict: is_true(ctx, &a[0])?,
        object_hook: opt(&a[1]),
        pairs_hook: opt(&a[2]),
        parse_float: pf,
        parse_int: pi,
        parse_constant: opt(&a[5]),
    })
}

/// A scan failure as the exception to raise: `error(msg, doc, pos)` for a syntax error.
fn raise<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    dec: &Decoder<'_, B>,
    doc: &PyRef<B>,
    error: &PyRef<B>,
    f: Fail<B>,
) -> PyErr<B> {
    match f {
        Fail::Py(e) => e,
        Fail::Syntax(msg, pos) => {
            let vm = ctx.vm;
            let args = [vm.str(msg), doc.clone(), vm.int(dec.char_pos(pos) as i64)];
            match call::call(ctx, error, &args, &[]) {
                Ok(e) => PyErr(e),
                Err(e) => e,
            }
        }
    }
}

fn j_decode<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = exact(ctx, &args, "decode", 8)?;
    let s = text_arg(ctx, &a[0], "the JSON object")?;
    let h = hooks(ctx, &a[1..7])?;
    let mut dec = Decoder::new(s, &h);
    let start = dec.skip_ws(0);
    let r = dec.scan_once(ctx, start).and_then(|(v, end)| {
        let end = dec.skip_ws(end);
        if end != s.len() {
            return Err(Fail::Syntax("Extra data".into(), end));
        }
        Ok(v)
    });
    r.map_err(|f| raise(ctx, &dec, &a[0], &a[7], f))
}

fn j_raw_decode<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = exact(ctx, &args, "raw_decode", 9)?;
    let s = text_arg(ctx, &a[0], "the JSON object")?;
    let idx = crate::num::ssize_of(ctx, &a[1])?;
    if idx < 0 {
        return Err(ctx.value_error("idx cannot be negative"));
    }
    let h = hooks(ctx, &a[2..8])?;
    let mut dec = Decoder::new(s, &h);
    let start = dec.byte_pos(idx as usize);
    let start = if (idx as usize) > dec.char_pos(s.len()) { s.len() + 1 } else { start };
    match dec.scan_once(ctx, start) {
        Ok((v, end)) => {
            let vm = ctx.vm;
            Ok(vm.tuple(vec![v, vm.int(dec.char_pos(end) as i64)]))
        }
        Err(Fail::Syntax(m, p)) if p > s.len() => {
            // Past the end: CPython reports the index it was given.
            let vm = ctx.vm;
            let args = [vm.str(m), a[0].clone(), vm.int(idx)];
            let e = call::call(ctx, &a[8], &args, &[])?;
            Err(PyErr(e))
        }
        Err(f) => Err(raise(ctx, &dec, &a[0], &a[8], f)),
    }
}

fn j_scanstring<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = exact(ctx, &args, "scanstring", 4)?;
    let s = text_arg(ctx, &a[0], "first argument")?;
    let end = crate::num::ssize_of(ctx, &a[1])?;
    let vm = ctx.vm;
    let h = Hooks {
        strict: is_true(ctx, &a[2])?,
        object_hook: None,
        pairs_hook: None,
        parse_float: None,
        parse_int: None,
        parse_constant: None,
    };
    let dec = Decoder::new(s, &h);
    if end < 0 || end as usize > dec.char_pos(s.len()) {
        return Err(ctx.value_error("end is out of bounds"));
    }
    match dec.scanstring(dec.byte_pos(end as usize)) {
        Ok((text, e)) => Ok(vm.tuple(vec![vm.str(text), vm.int(dec.char_pos(e) as i64)])),
        Err(f) => Err(raise(ctx, &dec, &a[0], &a[3], f)),
    }
}
