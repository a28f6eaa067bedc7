//! The native side of `multiprocessing.Value`/`Array`: `_multiprocessing.shm_*` functions over
//! a [`Segment`] held by a native object of class `_multiprocessing.SharedSegment`.
//! `multiprocessing.py` builds the Python classes (`Synchronized`, `SynchronizedArray`, the
//! raw forms) on top; they cross to other processes through `__gillab_reduce__`
//! (`wire.rs`), which sends the segment's name and the receiver maps it again.

use super::shm::{LockError, Scalar, Segment, width};
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Layout, NativeObj, Payload, PyRef};
use crate::ops::{self, is_true};
use crate::types::new_class;
use crate::vm::Vm;
use num_traits::ToPrimitive;

/// Adds the functions and the segment class to `_multiprocessing`'s namespace `ns`.
pub(super) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    let cls = new_class::<B>(
        "SharedSegment",
        "_multiprocessing",
        vm.core.object_type.clone(),
        Layout::Builtin,
    );
    crate::ops::dicts::set_name(ns, vm.intern("SharedSegment"), cls);
    add(vm, ns, "shm_create", shm_create);
    add(vm, ns, "shm_attach", shm_attach);
    add(vm, ns, "shm_name", shm_name);
    add(vm, ns, "shm_len", shm_len);
    add(vm, ns, "shm_get", shm_get);
    add(vm, ns, "shm_set", shm_set);
    add(vm, ns, "shm_acquire", shm_acquire);
    add(vm, ns, "shm_release", shm_release);
    add(vm, ns, "shm_width", shm_width);
}

fn new_segment<B: Backend>(cls: &PyRef<B>, s: Segment) -> PyRef<B> {
    PyRef::new(Payload::Native(Box::new(NativeObj { class: cls.clone(), data: Box::new(s) })))
}

fn segment<'a, B: Backend>(ctx: &Ctx<'_, B>, o: &'a PyRef<B>) -> PyResult<B, &'a Segment> {
    match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<Segment>(),
        _ => None,
    }
    .ok_or_else(|| ctx.type_error("expected a shared segment"))
}

fn typecode<B: Backend>(ctx: &Ctx<'_, B>, o: &PyRef<B>) -> PyResult<B, char> {
    let mut chars = ops::as_str(o).unwrap_or_default().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if width(c).is_some() => Ok(c),
        _ => Err(ctx.type_error(format!(
            "unsupported typecode {}: gil-lab's shared values take one of \
             'b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'f', 'd'",
            ops::as_str(o)
                .map_or_else(|| ops::type_name(ctx.vm, o).to_string(), |s| format!("'{s}'"))
        ))),
    }
}

fn index_arg<B: Backend>(ctx: &Ctx<'_, B>, o: &PyRef<B>) -> PyResult<B, usize> {
    let i = ops::expect_int(ctx, o, "index")?;
    usize::try_from(i).map_err(|_| ctx.index_error("invalid index"))
}

/// `shm_create(cls, nbytes)`: a new zeroed segment.
fn shm_create<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_create", 2, 2, &[])?;
    let n = ops::expect_int(ctx, &args.args[1], "size")?;
    let n = usize::try_from(n).map_err(|_| ctx.value_error("negative size"))?;
    let s = Segment::create(n).map_err(|e| ctx.err(&ctx.vm.core.exc.os_error, e))?;
    Ok(new_segment(&args.args[0], s))
}

/// `shm_attach(cls, name, length)`: maps a segment another process created.
fn shm_attach<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_attach", 3, 3, &[])?;
    let name = ops::as_str(&args.args[1]).ok_or_else(|| ctx.type_error("name must be str"))?;
    let len = ops::expect_int(ctx, &args.args[2], "length")?;
    let len = usize::try_from(len).map_err(|_| ctx.value_error("negative length"))?;
    let s = Segment::attach(name, len).map_err(|e| ctx.err(&ctx.vm.core.exc.os_error, e))?;
    Ok(new_segment(&args.args[0], s))
}

fn shm_name<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_name", 1, 1, &[])?;
    let s = segment(ctx, &args.args[0])?;
    Ok(ctx.vm.str(s.name()))
}

fn shm_len<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_len", 1, 1, &[])?;
    let s = segment(ctx, &args.args[0])?;
    Ok(ctx.vm.int(s.len() as i64))
}

/// `shm_width(typecode)`: the size of one value, raising `TypeError` for an unsupported code.
fn shm_width<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_width", 1, 1, &[])?;
    let c = typecode(ctx, &args.args[0])?;
    Ok(ctx.vm.int(width(c).unwrap_or(1) as i64))
}

/// `shm_get(seg, typecode, index)`.
fn shm_get<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_get", 3, 3, &[])?;
    let s = segment(ctx, &args.args[0])?;
    let c = typecode(ctx, &args.args[1])?;
    let i = index_arg(ctx, &args.args[2])?;
    match s.load(c, i) {
        Some(Scalar::Int(v)) => Ok(ctx.vm.int(v)),
        Some(Scalar::UInt(v)) => Ok(match i64::try_from(v) {
            Ok(v) => ctx.vm.int(v),
            Err(_) => ctx.vm.bigint(v.into()),
        }),
        Some(Scalar::Float(f)) => Ok(ctx.vm.float(f)),
        None => Err(ctx.index_error("invalid index")),
    }
}

/// The value `v` as typecode `c` stores it: ints wrap to the width (ctypes' rule), floats
/// take ints and floats; anything else raises the `TypeError` CPython's `Value` raises.
fn scalar<B: Backend>(ctx: &Ctx<'_, B>, c: char, v: &PyRef<B>) -> PyResult<B, Scalar> {
    let float_code = matches!(c, 'f' | 'd');
    Ok(match &v.payload {
        Payload::Int(i) if float_code => Scalar::Float(*i as f64),
        Payload::Int(i) => Scalar::Int(*i),
        Payload::Bool(b) if float_code => Scalar::Float(f64::from(u8::from(*b))),
        Payload::Bool(b) => Scalar::Int(i64::from(*b)),
        Payload::BigInt(b) if float_code => Scalar::Float(b.to_f64().unwrap_or(f64::INFINITY)),
        Payload::BigInt(b) => {
            // The low 64 bits, two's complement, as ctypes keeps them.
            let low = b.iter_u64_digits().next().unwrap_or(0);
            let low = if b.sign() == num_bigint::Sign::Minus { low.wrapping_neg() } else { low };
            Scalar::UInt(low)
        }
        Payload::Float(f) if float_code => Scalar::Float(*f),
        _ if float_code => {
            return Err(
                ctx.type_error(format!("must be real number, not {}", ops::type_name(ctx.vm, v)))
            );
        }
        _ => {
            return Err(ctx.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                ops::type_name(ctx.vm, v)
            )));
        }
    })
}

/// `shm_set(seg, typecode, index, value)`.
fn shm_set<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_set", 4, 4, &[])?;
    let s = segment(ctx, &args.args[0])?;
    let c = typecode(ctx, &args.args[1])?;
    let i = index_arg(ctx, &args.args[2])?;
    let v = scalar(ctx, c, &args.args[3])?;
    s.store(c, i, v).ok_or_else(|| ctx.index_error("invalid index"))?;
    Ok(ctx.vm.core.none.clone())
}

fn lock_error<B: Backend>(ctx: &Ctx<'_, B>, e: LockError) -> crate::ctx::PyErr<B> {
    match e {
        LockError::NotOwner => ctx.runtime_error("cannot release un-acquired lock"),
        LockError::OwnerDied(pid) => ctx.runtime_error(format!(
            "the shared lock's holder (process {pid}) exited without releasing it"
        )),
    }
}

/// `shm_acquire(seg, block, timeout)`: the segment's recursive lock, with the VM released
/// while waiting.
fn shm_acquire<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_acquire", 3, 3, &[])?;
    let block = is_true(ctx, &args.args[1])?;
    let timeout = match &args.args[2].payload {
        Payload::None => None,
        _ => super::timeout_arg(ctx, Some(&args.args[2]))?,
    };
    let s = segment(ctx, &args.args[0])?;
    let r = match s.acquire(false, None) {
        Ok(false) if block => ctx.allow_threads(|| s.acquire(true, timeout)),
        other => other,
    };
    r.map(|got| ctx.vm.bool(got)).map_err(|e| lock_error(ctx, e))
}

/// `shm_release(seg)`.
fn shm_release<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "shm_release", 1, 1, &[])?;
    let s = segment(ctx, &args.args[0])?;
    s.release().map_err(|e| lock_error(ctx, e))?;
    Ok(ctx.vm.core.none.clone())
}
