//! The named methods of `array.array`: `append`, `extend`, `insert`, `pop`, `remove`,
//! `index`, `count`, `reverse`, `byteswap`, `tolist`, `tobytes`, `frombytes`, `fromlist`,
//! `fromunicode`, `tounicode`, `tofile`, `fromfile`, `buffer_info`, `__copy__` and
//! `__deepcopy__`.
//!
//! Searches (`index`, `count`, `remove`, `in`) compare the items with `==` one at a time,
//! re-reading the array at each step, since a comparison may run Python code that changes
//! it (as CPython does).

use super::{ArrayObj, Code, as_array, decode_all, encode_all, new_array, positional, this};
use super::{unicode_bytes, unicode_of};
use crate::num::ssize_of;
use gillab_vm::Backend;
use gillab_vm::builtins::{Args, NativeFn, add};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Payload, PyRef};
use gillab_vm::ops::{self, attr, call, compare, iter, type_name};
use gillab_vm::vm::Vm;

pub(super) fn install<B: Backend>(vm: &Vm<B>, cls: &PyRef<B>) {
    let methods: [(&'static str, NativeFn<B>); 20] = [
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("reverse", reverse),
        ("byteswap", byteswap),
        ("tolist", tolist),
        ("tobytes", tobytes),
        ("frombytes", frombytes),
        ("fromlist", fromlist),
        ("fromunicode", fromunicode),
        ("tounicode", tounicode),
        ("tofile", tofile),
        ("fromfile", fromfile),
        ("buffer_info", buffer_info),
        ("__copy__", copy),
        ("__deepcopy__", deepcopy),
    ];
    for (name, f) in methods {
        add(vm, cls, name, f);
    }
}

/// The item at position `i` of `o`, or `None` past the end.
pub(super) fn item_at<B: Backend>(
    ctx: &Ctx<'_, B>,
    o: &PyRef<B>,
    a: &ArrayObj<B>,
    i: usize,
) -> Option<PyRef<B>> {
    let size = a.code.size();
    let v = o.read(&a.cell, |d| d.get(i * size..(i + 1) * size).map(|c| a.code.load(c)))?;
    Some(a.code.object(ctx, v))
}

/// The number of items of `o`.
pub(super) fn len_of<B: Backend>(o: &PyRef<B>, a: &ArrayObj<B>) -> usize {
    o.read(&a.cell, |d| d.len()) / a.code.size()
}

/// The first position in `start..stop` whose item equals `x`.
fn find<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    o: &PyRef<B>,
    a: &ArrayObj<B>,
    x: &PyRef<B>,
    start: usize,
    stop: usize,
) -> PyResult<B, Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(item) = item_at(ctx, o, a, i) else { break };
        if compare::eq(ctx, &item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn append<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "append")?;
    let v = &positional(ctx, &args, "append", 1, 1)?[0];
    let val = a.code.convert(ctx, v)?;
    o.write(&a.cell, |d| {
        let n = d.len();
        d.resize(n + a.code.size(), 0);
        a.code.store(val, &mut d[n..]);
    });
    Ok(ctx.vm.core.none.clone())
}

/// Appends the items of `src` (an array of the same kind, or any iterable) to `o`.
pub(super) fn extend_from<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    o: &PyRef<B>,
    a: &ArrayObj<B>,
    src: &PyRef<B>,
) -> PyResult<B, ()> {
    if let Some(other) = as_array::<B>(src) {
        if other.code != a.code {
            return Err(ctx.type_error("can only extend with array of same kind"));
        }
        let bytes = src.read(&other.cell, |d| d.clone());
        o.write(&a.cell, |d| d.extend_from_slice(&bytes));
        return Ok(());
    }
    let it = iter::get_iter(ctx, src)?;
    let mut slot = vec![0u8; a.code.size()];
    while let Some(item) = iter::next(ctx, &it)? {
        let v = a.code.convert(ctx, &item)?;
        a.code.store(v, &mut slot);
        o.write(&a.cell, |d| d.extend_from_slice(&slot));
    }
    Ok(())
}

fn extend<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "extend")?;
    let src = &positional(ctx, &args, "extend", 1, 1)?[0];
    extend_from(ctx, o, a, src)?;
    Ok(ctx.vm.core.none.clone())
}

fn insert<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "insert")?;
    let p = positional(ctx, &args, "insert", 2, 2)?;
    let i = ssize_of(ctx, &p[0])?;
    let val = a.code.convert(ctx, &p[1])?;
    let size = a.code.size();
    o.write(&a.cell, |d| {
        let n = (d.len() / size) as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        let mut slot = vec![0u8; size];
        a.code.store(val, &mut slot);
        d.splice(at * size..at * size, slot);
    });
    Ok(ctx.vm.core.none.clone())
}

fn pop<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "pop")?;
    let p = positional(ctx, &args, "pop", 0, 1)?;
    let i = match p.first() {
        Some(v) => ssize_of(ctx, v)?,
        None => -1,
    };
    let size = a.code.size();
    let r = o.write(&a.cell, |d| {
        let n = (d.len() / size) as i64;
        if n == 0 {
            return Err("pop from empty array");
        }
        let j = if i < 0 { i + n } else { i };
        if !(0..n).contains(&j) {
            return Err("pop index out of range");
        }
        let j = j as usize;
        let v = a.code.load(&d[j * size..(j + 1) * size]);
        d.drain(j * size..(j + 1) * size);
        Ok(v)
    });
    match r {
        Ok(v) => Ok(a.code.object(ctx, v)),
        Err(m) => Err(ctx.index_error(m)),
    }
}

fn remove<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "remove")?;
    let x = &positional(ctx, &args, "remove", 1, 1)?[0];
    let n = len_of(o, a);
    match find(ctx, o, a, x, 0, n)? {
        Some(i) => {
            let size = a.code.size();
            o.write(&a.cell, |d| {
                if (i + 1) * size <= d.len() {
                    d.drain(i * size..(i + 1) * size);
                }
            });
            Ok(ctx.vm.core.none.clone())
        }
        None => Err(ctx.value_error("array.remove(x): x not in array")),
    }
}

/// A `start`/`stop` bound of `index` (`_PyEval_SliceIndexNotNone`), made non-negative.
fn bound<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>, n: usize) -> PyResult<B, usize> {
    let i = match crate::num::index_of(ctx, v)? {
        Some(crate::num::IntVal::Fits(i)) => i.clamp(i64::MIN as i128, i64::MAX as i128) as i64,
        Some(crate::num::IntVal::Huge(neg)) => {
            if neg {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        None => {
            return Err(
                ctx.type_error("slice indices must be integers or have an __index__ method")
            );
        }
    };
    Ok(if i < 0 { (i + n as i64).max(0) as usize } else { i as usize })
}

fn index<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "index")?;
    let p = positional(ctx, &args, "index", 1, 3)?;
    let n = len_of(o, a);
    let start = match p.get(1) {
        Some(v) => bound(ctx, v, n)?,
        None => 0,
    };
    let stop = match p.get(2) {
        Some(v) => bound(ctx, v, n)?,
        None => usize::MAX,
    };
    match find(ctx, o, a, &p[0], start, stop)? {
        Some(i) => Ok(ctx.vm.int(i as i64)),
        None => Err(ctx.value_error("array.index(x): x not in array")),
    }
}

fn count<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "count")?;
    let x = &positional(ctx, &args, "count", 1, 1)?[0];
    let mut k = 0;
    let mut i = 0;
    while let Some(item) = item_at(ctx, o, a, i) {
        if compare::eq(ctx, &item, x)? {
            k += 1;
        }
        i += 1;
    }
    Ok(ctx.vm.int(k))
}

fn reverse<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "reverse")?;
    positional(ctx, &args, "reverse", 0, 0)?;
    let size = a.code.size();
    o.write(&a.cell, |d| {
        let items: Vec<u8> = d.chunks_exact(size).rev().flatten().copied().collect();
        *d = items;
    });
    Ok(ctx.vm.core.none.clone())
}

fn byteswap<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "byteswap")?;
    positional(ctx, &args, "byteswap", 0, 0)?;
    let size = a.code.size();
    o.write(&a.cell, |d| d.chunks_exact_mut(size).for_each(|c| c.reverse()));
    Ok(ctx.vm.core.none.clone())
}

fn tolist<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "tolist")?;
    positional(ctx, &args, "tolist", 0, 0)?;
    let data = o.read(&a.cell, |d| d.clone());
    Ok(ctx.vm.list(decode_all(ctx, a.code, &data)))
}

fn tobytes<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "tobytes")?;
    positional(ctx, &args, "tobytes", 0, 0)?;
    let data = o.read(&a.cell, |d| d.clone());
    Ok(PyRef::new(Payload::Bytes(data.into_boxed_slice())))
}

/// The bytes of a bytes-like object: `bytes`, or an array's items.
pub(super) fn buffer_bytes<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, Vec<u8>> {
    match &v.payload {
        Payload::Bytes(b) => Ok(b.to_vec()),
        _ => match as_array::<B>(v) {
            Some(other) => Ok(v.read(&other.cell, |d| d.clone())),
            None => Err(ctx.type_error(format!(
                "a bytes-like object is required, not '{}'",
                type_name(ctx.vm, v)
            ))),
        },
    }
}

/// Appends raw bytes, which must be a whole number of items.
fn append_bytes<B: Backend>(
    ctx: &Ctx<'_, B>,
    o: &PyRef<B>,
    a: &ArrayObj<B>,
    b: &[u8],
) -> PyResult<B, ()> {
    if !b.len().is_multiple_of(a.code.size()) {
        return Err(ctx.value_error("bytes length not a multiple of item size"));
    }
    o.write(&a.cell, |d| d.extend_from_slice(b));
    Ok(())
}

fn frombytes<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "frombytes")?;
    let v = &positional(ctx, &args, "frombytes", 1, 1)?[0];
    let b = buffer_bytes(ctx, v)?;
    append_bytes(ctx, o, a, &b)?;
    Ok(ctx.vm.core.none.clone())
}

fn fromlist<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "fromlist")?;
    let v = &positional(ctx, &args, "fromlist", 1, 1)?[0];
    let Payload::List(l) = &v.payload else { return Err(ctx.type_error("arg must be list")) };
    let items = v.read(l, |x| x.clone());
    let b = encode_all(ctx, a.code, &items)?;
    o.write(&a.cell, |d| d.extend_from_slice(&b));
    Ok(ctx.vm.core.none.clone())
}

fn fromunicode<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "fromunicode")?;
    let v = &positional(ctx, &args, "fromunicode", 1, 1)?[0];
    let Some(s) = ops::as_str(v) else {
        return Err(ctx.type_error(format!(
            "fromunicode() argument must be str, not {}",
            type_name(ctx.vm, v)
        )));
    };
    if a.code != Code(b'u') {
        return Err(ctx.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    let b = unicode_bytes(a.code, s);
    o.write(&a.cell, |d| d.extend_from_slice(&b));
    Ok(ctx.vm.core.none.clone())
}

fn tounicode<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "tounicode")?;
    positional(ctx, &args, "tounicode", 0, 0)?;
    if a.code != Code(b'u') {
        return Err(ctx.value_error("tounicode() may only be called on unicode type arrays"));
    }
    let s = o.read(&a.cell, |d| unicode_of(a.code, d));
    Ok(ctx.vm.str(s))
}

/// CPython's block size for `tofile`.
const BLOCKSIZE: usize = 64 * 1024;

fn tofile<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "tofile")?;
    let f = &positional(ctx, &args, "tofile", 1, 1)?[0];
    let data = o.read(&a.cell, |d| d.clone());
    for block in data.chunks(BLOCKSIZE) {
        let w = attr::getattr_str(ctx, f, "write")?;
        let b = PyRef::new(Payload::Bytes(block.to_vec().into_boxed_slice()));
        call::call(ctx, &w, &[b], &[])?;
    }
    Ok(ctx.vm.core.none.clone())
}

fn fromfile<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "fromfile")?;
    let p = positional(ctx, &args, "fromfile", 2, 2)?;
    let n = ssize_of(ctx, &p[1])?;
    if n < 0 {
        return Err(ctx.value_error("negative count"));
    }
    let Some(nbytes) = (n as usize).checked_mul(a.code.size()) else {
        return Err(ctx.memory_error());
    };
    let r = attr::getattr_str(ctx, &p[0], "read")?;
    let want = ctx.vm.int(nbytes as i64);
    let got = call::call(ctx, &r, &[want], &[])?;
    let Payload::Bytes(b) = &got.payload else {
        return Err(ctx.type_error("read() didn't return bytes"));
    };
    append_bytes(ctx, o, a, b)?;
    if b.len() != nbytes {
        return Err(ctx.err(&ctx.vm.core.exc.eof_error, "read() didn't return enough bytes"));
    }
    Ok(ctx.vm.core.none.clone())
}

fn buffer_info<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "buffer_info")?;
    positional(ctx, &args, "buffer_info", 0, 0)?;
    let (addr, len) = o.read(&a.cell, |d| (d.as_ptr() as usize, d.len() / a.code.size()));
    let vm = ctx.vm;
    Ok(vm.tuple(vec![vm.int(addr as i64), vm.int(len as i64)]))
}

/// A copy of `o` of class `array.array`.
pub(super) fn copy_of<B: Backend>(o: &PyRef<B>, a: &ArrayObj<B>) -> PyRef<B> {
    let data = o.read(&a.cell, |d| d.clone());
    new_array(&a.base, &a.base, a.code, data)
}

fn copy<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "__copy__")?;
    positional(ctx, &args, "__copy__", 0, 0)?;
    Ok(copy_of(o, a))
}

fn deepcopy<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "__deepcopy__")?;
    positional(ctx, &args, "__deepcopy__", 1, 1)?;
    Ok(copy_of(o, a))
}
