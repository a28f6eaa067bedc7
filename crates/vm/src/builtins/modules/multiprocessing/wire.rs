//! Python values ↔ the JSON values that cross a process boundary (what pickle is to CPython's
//! `multiprocessing`), and callables ↔ the module-and-qualified-name references jobs carry.
//!
//! The encoding keeps every type that crosses distinct:
//!
//! | Python | JSON |
//! |---|---|
//! | `None`, `True`/`False`, `str` | `null`, `true`/`false`, a string |
//! | `int` within 64 bits | a number without a fraction |
//! | `int` beyond 64 bits | `{"int": "123..."}` |
//! | `float` | a number with a fraction (`1.0`); `{"float": "inf"}`/`"-inf"`/`"nan"` |
//! | `bytes` | `{"bytes": "68656c6c6f"}` (hex) |
//! | `list` | an array |
//! | `tuple` | `{"tuple": [...]}` |
//! | `slice` | `{"slice": [start, stop, step]}` |
//! | `dict` with `str`/`int` keys | `{"dict": [[key, value], ...]}` (insertion order) |
//! | a module-level function or class (by reference, as pickle sends it) | `{"ref": [module, qualname]}`: the receiver imports it; a lambda or nested function is refused as pickle refuses it |
//! | an exception | `{"exc": [module, qualname, args, message]}`: the receiver calls its class (found by name) with its args, or makes a `RuntimeError("Type: message")` when it cannot |
//! | on `shard`, a `queue.Queue` or `threading.Lock` passed to a thread (in another process) | moved into shared memory, then `{"rebuild": ["JoinableQueue" or "ThreadLock", state]}` (`queue_shared.rs`, `sync::LockData::share`) |
//! | an object whose class defines `__gillab_reduce__` (`multiprocessing`'s shared `Value` and `Array`) | `{"rebuild": [kind, state]}`: `__gillab_reduce__()` returned `(kind, state)`; the receiver calls `multiprocessing._rebuild_KIND(state)` |
//!
//! Anything else raises `TypeError: cannot pickle 'T' object`, as CPython's pickler does for
//! a lock or a socket. Decoding treats its input as untrusted: a malformed value is an error
//! string, never a panic.

use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::{Payload, PyRef};
use crate::ops::{self, dicts};
use crate::procs::{Call, CallMode};
use num_bigint::BigInt;
use serde_json::{Map, Value};

/// Deepest nesting that crosses (deeper, or a cycle, is refused rather than overflowing).
const MAX_DEPTH: usize = 200;

/// Encodes `v`, raising `TypeError` for a value that cannot cross.
pub fn to_wire<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, Value> {
    encode(ctx, v, 0)
}

fn encode<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>, depth: usize) -> PyResult<B, Value> {
    if depth > MAX_DEPTH {
        return Err(ctx.value_error(format!(
            "cannot send a value nested more than {MAX_DEPTH} levels deep (or a recursive one)"
        )));
    }
    let tagged = |k: &str, v: Value| {
        let mut m = Map::new();
        m.insert(k.into(), v);
        Value::Object(m)
    };
    Ok(match &v.payload {
        Payload::None => Value::Null,
        Payload::Bool(b) => Value::Bool(*b),
        Payload::Int(i) => Value::from(*i),
        Payload::BigInt(b) => tagged("int", Value::String(b.to_string())),
        Payload::Float(f) if f.is_finite() => Value::from(*f),
        Payload::Float(f) => {
            let s = if f.is_nan() {
                "nan"
            } else if *f > 0.0 {
                "inf"
            } else {
                "-inf"
            };
            tagged("float", Value::String(s.into()))
        }
        Payload::Str(s) => Value::String(s.as_str().to_string()),
        Payload::Bytes(b) => tagged("bytes", Value::String(hex(b))),
        Payload::List(cell) => {
            let items = v.read(cell, |l| l.clone());
            Value::Array(encode_all(ctx, &items, depth)?)
        }
        Payload::Tuple(items) => tagged("tuple", Value::Array(encode_all(ctx, items, depth)?)),
        Payload::Slice(parts) => tagged("slice", Value::Array(encode_all(ctx, &parts[..], depth)?)),
        Payload::Dict(cell) => {
            let entries: Vec<(PyRef<B>, Option<PyRef<B>>)> =
                v.read(cell, |d| d.iter().map(|e| (e.key.clone(), e.value.clone())).collect());
            let mut out = Vec::with_capacity(entries.len());
            for (k, val) in entries {
                if !matches!(k.payload, Payload::Str(_) | Payload::Int(_) | Payload::BigInt(_)) {
                    return Err(ctx.type_error(format!(
                        "cannot send a dict with a '{}' key to another process (only str and \
                         int keys cross)",
                        ops::type_name(ctx.vm, &k)
                    )));
                }
                let val = val.unwrap_or_else(|| ctx.vm.core.none.clone());
                out.push(Value::Array(vec![
                    encode(ctx, &k, depth + 1)?,
                    encode(ctx, &val, depth + 1)?,
                ]));
            }
            tagged("dict", Value::Array(out))
        }
        Payload::Native(n)
            if crate::builtins::modules::queue_shared::promotion_allowed()
                && let Some(q) =
                    n.data.downcast_ref::<crate::builtins::modules::queue::QueueData<B>>() =>
        {
            let (name, len, maxsize) = crate::builtins::modules::queue_shared::promote(ctx, q)?;
            let state = Value::Array(vec![
                Value::String(name),
                Value::from(len as u64),
                Value::from(maxsize as u64),
            ]);
            tagged("rebuild", Value::Array(vec![Value::String("JoinableQueue".into()), state]))
        }
        Payload::Native(n)
            if crate::builtins::modules::queue_shared::promotion_allowed()
                && let Some(l) =
                    n.data.downcast_ref::<crate::builtins::modules::sync::LockData>() =>
        {
            let seg = l.share().map_err(|e| ctx.err(&ctx.vm.core.exc.os_error, e))?;
            let state =
                Value::Array(vec![Value::String(seg.name().into()), Value::from(seg.len() as u64)]);
            tagged("rebuild", Value::Array(vec![Value::String("ThreadLock".into()), state]))
        }
        Payload::Function(_) | Payload::Type(_) => {
            let (module, qualname) = callable_ref(ctx, v)?;
            tagged("ref", Value::Array(vec![Value::String(module), Value::String(qualname)]))
        }
        Payload::Builtin(b) if b.bound.is_none() => {
            let (module, qualname) = callable_ref(ctx, v)?;
            tagged("ref", Value::Array(vec![Value::String(module), Value::String(qualname)]))
        }
        Payload::Instance(i) if i.exc.is_some() => {
            let e = super::worker::remote_error_brief(ctx, v);
            let args = e.args.unwrap_or(Value::Null);
            let parts =
                vec![Value::String(e.module), Value::String(e.qualname), args, e.message.into()];
            tagged("exc", Value::Array(parts))
        }
        Payload::Instance(_)
            if let Some(reduce) = ops::attr::lookup_special(ctx, v, "__gillab_reduce__") =>
        {
            let r = ops::call::call(ctx, &reduce, std::slice::from_ref(v), &[])?;
            let kind_state = match &r.payload {
                Payload::Tuple(items) if items.len() == 2 && is_kind(&items[0]) => {
                    Some((items[0].clone(), items[1].clone()))
                }
                _ => None,
            };
            let Some((kind, state)) = kind_state else {
                return Err(ctx.type_error("__gillab_reduce__ must return (kind, state)"));
            };
            let state = encode(ctx, &state, depth + 1)?;
            let kind = ops::as_str(&kind).unwrap_or_default().to_string();
            tagged("rebuild", Value::Array(vec![Value::String(kind), state]))
        }
        _ => {
            return Err(
                ctx.type_error(format!("cannot pickle '{}' object", ops::type_name(ctx.vm, v)))
            );
        }
    })
}

/// Whether `k` names a rebuild function: a str of ASCII letters and underscores.
fn is_kind<B: Backend>(k: &PyRef<B>) -> bool {
    ops::as_str(k).is_some_and(valid_kind)
}

fn valid_kind(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_')
}

/// `multiprocessing._rebuild_KIND(state)`: the receiving end of `__gillab_reduce__`. Only
/// functions of that module and of that prefix can be reached, whatever the sender wrote.
fn rebuild<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    kind: &str,
    state: PyRef<B>,
) -> Result<PyRef<B>, String> {
    if !valid_kind(kind) {
        return Err(format!("bad rebuild kind {kind:?}"));
    }
    let failed = |ctx: &mut Ctx<'_, B>, e: crate::ctx::PyErr<B>| {
        let text = ops::repr::str(ctx, &e.0).unwrap_or_default();
        format!("cannot rebuild a shared {kind}: {} {text}", ops::type_name(ctx.vm, &e.0))
    };
    let m = match crate::eval::imports::import_module(ctx, "multiprocessing") {
        Ok(m) => m,
        Err(e) => return Err(failed(ctx, e)),
    };
    let name = ctx.vm.str(format!("_rebuild_{kind}"));
    let f = match ops::attr::getattr(ctx, &m, &name) {
        Ok(f) => f,
        Err(e) => return Err(failed(ctx, e)),
    };
    match ops::call::call(ctx, &f, &[state], &[]) {
        Ok(v) => Ok(v),
        Err(e) => Err(failed(ctx, e)),
    }
}

fn encode_all<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    items: &[PyRef<B>],
    depth: usize,
) -> PyResult<B, Vec<Value>> {
    items.iter().map(|i| encode(ctx, i, depth + 1)).collect()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.is_ascii() {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok()).collect()
}

/// Decodes a value that came from another process; `Err` describes what is malformed.
pub fn from_wire<B: Backend>(ctx: &mut Ctx<'_, B>, v: &Value) -> Result<PyRef<B>, String> {
    decode(ctx, v, 0)
}

fn decode<B: Backend>(ctx: &mut Ctx<'_, B>, v: &Value, depth: usize) -> Result<PyRef<B>, String> {
    if depth > MAX_DEPTH + 1 {
        return Err("value nested too deeply".into());
    }
    let vm = ctx.vm;
    Ok(match v {
        Value::Null => vm.core.none.clone(),
        Value::Bool(b) => vm.bool(*b),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) if !n.is_f64() => vm.int(i),
            (_, Some(f)) if n.is_f64() => vm.float(f),
            _ => return Err(format!("number {n} out of range")),
        },
        Value::String(s) => vm.str(s.as_str()),
        Value::Array(items) => {
            let items = decode_all(ctx, items, depth)?;
            ctx.vm.list(items)
        }
        Value::Object(m) if m.len() == 1 => {
            let (tag, inner) = m.iter().next().ok_or("empty tagged value")?;
            match (tag.as_str(), inner) {
                ("int", Value::String(s)) => {
                    vm.bigint(s.parse::<BigInt>().map_err(|_| format!("bad int {s:?}"))?)
                }
                ("float", Value::String(s)) => vm.float(match s.as_str() {
                    "nan" => f64::NAN,
                    "inf" => f64::INFINITY,
                    "-inf" => f64::NEG_INFINITY,
                    _ => return Err(format!("bad float {s:?}")),
                }),
                ("bytes", Value::String(s)) => {
                    PyRef::new(Payload::Bytes(unhex(s).ok_or("bad bytes")?.into_boxed_slice()))
                }
                ("tuple", Value::Array(items)) => {
                    let items = decode_all(ctx, items, depth)?;
                    ctx.vm.tuple(items)
                }
                ("slice", Value::Array(parts)) => {
                    let parts: [PyRef<B>; 3] =
                        decode_all(ctx, parts, depth)?.try_into().map_err(|_| "bad slice")?;
                    PyRef::new(Payload::Slice(Box::new(parts)))
                }
                ("dict", Value::Array(pairs)) => {
                    let d = vm.dict(Dict::new());
                    for p in pairs {
                        let Value::Array(kv) = p else { return Err("bad dict entry".into()) };
                        let [k, val] = kv.as_slice() else { return Err("bad dict entry".into()) };
                        let k = decode(ctx, k, depth + 1)?;
                        if !matches!(
                            k.payload,
                            Payload::Str(_) | Payload::Int(_) | Payload::BigInt(_)
                        ) {
                            return Err("bad dict key".into());
                        }
                        let val = decode(ctx, val, depth + 1)?;
                        dicts::set(ctx, &d, k, Some(val)).map_err(|_| "bad dict key")?;
                    }
                    d
                }
                ("ref", Value::Array(mq)) => {
                    let [Value::String(module), Value::String(qualname)] = mq.as_slice() else {
                        return Err("bad reference".into());
                    };
                    match resolve(ctx, module, qualname) {
                        Ok(f) => f,
                        Err(_) => {
                            ctx.exc_info = None;
                            return Err(format!("cannot find {module}.{qualname}"));
                        }
                    }
                }
                ("exc", Value::Array(parts)) => {
                    let [Value::String(module), Value::String(qualname), args, Value::String(m)] =
                        parts.as_slice()
                    else {
                        return Err("bad exception".into());
                    };
                    let err = crate::procs::RemoteError {
                        module: module.clone(),
                        qualname: qualname.clone(),
                        args: Some(args.clone()).filter(|a| !a.is_null()),
                        message: m.clone(),
                        traceback: String::new(),
                    };
                    super::rebuild_exception(ctx, &err)
                }
                ("rebuild", Value::Array(ks)) => {
                    let [Value::String(kind), state] = ks.as_slice() else {
                        return Err("bad rebuild value".into());
                    };
                    let state = decode(ctx, state, depth + 1)?;
                    rebuild(ctx, kind, state)?
                }
                _ => return Err(format!("unknown value tag {tag:?}")),
            }
        }
        Value::Object(_) => return Err("untagged object".into()),
    })
}

fn decode_all<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    items: &[Value],
    depth: usize,
) -> Result<Vec<PyRef<B>>, String> {
    items.iter().map(|i| decode(ctx, i, depth + 1)).collect()
}

/// The `(module, qualname)` a callable is sent by, checked as pickle checks it: the name must
/// lead back to the same object, so lambdas and nested functions are refused.
pub fn callable_ref<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &PyRef<B>,
) -> PyResult<B, (String, String)> {
    let vm = ctx.vm;
    let (module, qualname) = match &f.payload {
        Payload::Function(func) => (
            ops::as_str(&func.module).unwrap_or("__main__").to_string(),
            ops::as_str(&func.qualname).unwrap_or("?").to_string(),
        ),
        Payload::Builtin(b) if b.bound.is_none() => ("builtins".to_string(), b.name.to_string()),
        Payload::Type(t) => (t.module.clone(), t.qualname.clone()),
        _ => {
            return Err(ctx.type_error(format!("cannot pickle '{}' object", ops::type_name(vm, f))));
        }
    };
    if qualname.contains("<locals>") {
        return Err(ctx.attribute_error(format!("Can't pickle local object '{qualname}'")));
    }
    let found = resolve(ctx, &module, &qualname).ok();
    if !found.is_some_and(|o| o.is(f)) {
        let shown = match &f.payload {
            Payload::Function(_) => format!("<function {qualname}>"),
            _ => qualname.clone(),
        };
        return Err(ctx.type_error(format!(
            "Can't pickle {shown}: attribute lookup {qualname} on {module} failed"
        )));
    }
    Ok((module, qualname))
}

/// Looks a callable up by module and qualified name (`__main__` is the running main module).
pub fn resolve<B: Backend>(ctx: &mut Ctx<'_, B>, module: &str, qualname: &str) -> PyResult<B> {
    let vm = ctx.vm;
    // A worker runs the main program as `__mp_main__`; in every process `__main__` names it.
    let module = if module == "__mp_main__" { "__main__" } else { module };
    let mut obj = if module == "builtins" {
        vm.core.builtins.clone()
    } else {
        match dicts::get_text(&vm.core.modules, module) {
            Some(m) => m,
            None => crate::eval::imports::import_module(ctx, module)?,
        }
    };
    for part in qualname.split('.') {
        obj = if obj.is(&vm.core.builtins) {
            dicts::get_text(&obj, part)
                .ok_or_else(|| ctx.attribute_error(format!("no builtin named '{part}'")))?
        } else {
            crate::ops::attr::getattr_str(ctx, &obj, part)?
        };
    }
    Ok(obj)
}

/// Builds the [`Call`] for `f(*args, **kwargs)`.
pub fn make_call<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: Option<&PyRef<B>>,
    args: &PyRef<B>,
    kwargs: Option<&PyRef<B>>,
    mode: CallMode,
) -> PyResult<B, Call> {
    let (module, qualname) = match f {
        Some(f) => callable_ref(ctx, f)?,
        None => (String::new(), String::new()),
    };
    let items = ops::seq::to_vec(ctx, args)?;
    let args = Value::Array(items.iter().map(|a| to_wire(ctx, a)).collect::<Result<_, _>>()?);
    let mut kw = Map::new();
    if let Some(d) = kwargs
        && let Payload::Dict(cell) = &d.payload
    {
        let entries: Vec<(PyRef<B>, Option<PyRef<B>>)> =
            d.read(cell, |t| t.iter().map(|e| (e.key.clone(), e.value.clone())).collect());
        for (k, v) in entries {
            let Some(name) = ops::as_str(&k).map(str::to_string) else {
                return Err(ctx.type_error("keywords must be strings"));
            };
            let v = v.unwrap_or_else(|| ctx.vm.core.none.clone());
            kw.insert(name, to_wire(ctx, &v)?);
        }
    }
    Ok(Call { module, qualname, args, kwargs: Value::Object(kw), mode })
}
