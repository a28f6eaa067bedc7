//! `random` and its native core `_random`.
//!
//! **Style: a native Rust core under Python.** `_random.Random` ([`mt`]'s MT19937, its state
//! in the backend's cell) does everything that touches the generator: `random()`,
//! `getrandbits(k)`, `seed(n)` with CPython's seeding (`abs(n)` split into 32-bit words
//! for `init_by_array`; the hash of other objects as an unsigned word; 624 words of OS
//! entropy for `None`), `getstate()`/`setstate()` as the 625-int tuple, and
//! `_randbelow(n)`, CPython's `_randbelow_with_getrandbits` loop done under one lock. The
//! module `random` (`python/random.py`) is CPython 3.11's API written over that core by
//! composition: `random.Random` holds a `_random.Random` in `_core`, and the module-level
//! functions are the methods of one hidden instance (`random.random` itself is the core's
//! native method, for speed). `random.seed("text")` follows CPython's version 2: the
//! UTF-8 bytes followed by their SHA-512 digest ([`sha512`]) read as one big-endian int.
//!
//! Every generator step runs inside one critical section of the object's cell, so threads
//! sharing a generator (the module's hidden one included) never tear its state on any
//! backend; which thread gets which number is unspecified, as in CPython.

mod mt;
mod sha512;

use gillab_vm::Backend;
use gillab_vm::builtins::{Args, add};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::eval::imports::exec_source;
use gillab_vm::object::{Layout, NativeObj, Payload, PyRef};
use gillab_vm::ops::{self, attr, compare, dicts};
use gillab_vm::types::new_class;
use mt::{Mt, N};
use num_bigint::{BigInt, BigUint, Sign};

const SOURCE: &str = include_str!("../python/random.py");

/// The Rust value of a `_random.Random`: its generator in the backend's cell (boxed: the
/// state is 2.5 KB).
struct Core<B: Backend>(GenCell<B>);

/// The cell holding one generator.
type GenCell<B> = <B as Backend>::Cell<Box<Mt>>;

/// Fills `random` from its Python source.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    exec_source(ctx, SOURCE, "<frozen random>", module)
}

/// Fills the native core `_random`.
pub fn fill_core<B: Backend>(ctx: &Ctx<'_, B>, module: &PyRef<B>) {
    let Payload::Module(m) = &module.payload else { return };
    let vm = ctx.vm;
    let ns = &m.dict;
    let cls = new_class::<B>("Random", "_random", vm.core.object_type.clone(), Layout::Builtin);
    add(vm, &cls, "__new__", core_new);
    add(vm, &cls, "random", core_random);
    add(vm, &cls, "getrandbits", core_getrandbits);
    add(vm, &cls, "seed", core_seed);
    add(vm, &cls, "getstate", core_getstate);
    add(vm, &cls, "setstate", core_setstate);
    add(vm, &cls, "_randbelow", core_randbelow);
    dicts::set_name(ns, vm.intern("Random"), cls);
    add(vm, ns, "_sha512", sha512_fn);
    add(vm, ns, "_urandom", urandom_fn);
    add(vm, ns, "_index", index_fn);
}

/// The generator of `o`, if it is a `_random.Random`.
fn core_of<B: Backend>(o: &PyRef<B>) -> Option<&GenCell<B>> {
    match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<Core<B>>().map(|c| &c.0),
        _ => None,
    }
}

/// A method's receiver and its generator, or CPython's descriptor `TypeError`.
fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    method: &str,
    arity: usize,
) -> PyResult<B, (&'a PyRef<B>, &'a GenCell<B>)> {
    let pos = args.positional();
    let Some(o) = pos.first() else {
        return Err(ctx.type_error(format!(
            "descriptor '{method}' of '_random.Random' object needs an argument"
        )));
    };
    let Some(cell) = core_of(o) else {
        return Err(ctx.type_error(format!(
            "descriptor '{method}' for '_random.Random' objects doesn't apply to a '{}' object",
            ops::type_name(ctx.vm, o)
        )));
    };
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("Random.{method}() takes no keyword arguments")));
    }
    let given = pos.len() - 1;
    if given != arity {
        let msg = match arity {
            0 => format!("Random.{method}() takes no arguments ({given} given)"),
            _ => format!("Random.{method}() takes exactly one argument ({given} given)"),
        };
        return Err(ctx.type_error(msg));
    }
    Ok((o, cell))
}

/// `_random.Random(seed=None)`.
fn core_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = args.positional();
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("Random() takes no keyword arguments"));
    }
    if pos.len() > 2 {
        return Err(ctx.type_error("Random() requires 0 or 1 argument"));
    }
    let mt = seeded(ctx, pos.get(1))?;
    let cls = pos.first().cloned().unwrap_or_else(|| ctx.vm.core.object_type.clone());
    Ok(PyRef::new(Payload::Native(Box::new(NativeObj {
        class: cls,
        data: Box::new(Core::<B>(B::cell_new(Box::new(mt)))),
    }))))
}

/// A generator seeded as `_random.Random.seed(arg)` seeds.
fn seeded<B: Backend>(ctx: &mut Ctx<'_, B>, arg: Option<&PyRef<B>>) -> PyResult<B, Mt> {
    let Some(arg) = arg.filter(|a| !matches!(a.payload, Payload::None)) else {
        return Ok(Mt::from_key(&entropy_key()));
    };
    // An instance of a subclass of `int` seeds with its value, as `int.__abs__` gives it.
    let n: BigUint = match &ops::value_of(arg).payload {
        Payload::Int(i) => BigUint::from(i.unsigned_abs()),
        Payload::Bool(b) => BigUint::from(*b as u8),
        Payload::BigInt(b) => b.magnitude().clone(),
        // Anything else seeds with its hash, read as an unsigned word (`size_t`).
        _ => BigUint::from(compare::hash(ctx, arg)? as u64),
    };
    Ok(Mt::from_key(&n.to_u32_digits()))
}

/// 624 words of OS entropy (`/dev/urandom`); the time and the thread's address if it
/// cannot be read.
fn entropy_key() -> Vec<u32> {
    let mut bytes = vec![0u8; N * 4];
    if read_urandom(&mut bytes).is_err() {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let local = 0u8;
        let addr = &local as *const u8 as usize as u128;
        return vec![
            t as u32,
            (t >> 32) as u32,
            (t >> 64) as u32,
            addr as u32,
            (addr >> 32) as u32,
        ];
    }
    bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

fn read_urandom(buf: &mut [u8]) -> std::io::Result<()> {
    use std::io::Read;
    std::fs::File::open("/dev/urandom")?.read_exact(buf)
}

fn core_random<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "random", 0)?;
    Ok(ctx.vm.float(o.write(cell, |g| g.next_f64())))
}

fn core_seed<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = args.positional();
    let (o, cell) = this(ctx, &args, "seed", pos.len().saturating_sub(1).min(1))?;
    let mt = seeded(ctx, pos.get(1))?;
    o.write(cell, |g| **g = mt);
    Ok(ctx.vm.core.none.clone())
}

/// The number of bits `getrandbits` is asked for (a C `int`, through `__index__`).
fn bit_count<B: Backend>(ctx: &mut Ctx<'_, B>, k: &PyRef<B>) -> PyResult<B, u64> {
    let k = index(ctx, k)?;
    let k = match &k.payload {
        Payload::Int(i) if *i <= i64::from(i32::MAX) && *i >= i64::from(i32::MIN) => *i,
        _ => return Err(ctx.overflow_error("Python int too large to convert to C int")),
    };
    if k < 0 {
        return Err(ctx.value_error("number of bits must be non-negative"));
    }
    Ok(k as u64)
}

/// An int made of little-endian 32-bit words.
fn int_of_words<B: Backend>(ctx: &Ctx<'_, B>, words: &[u32]) -> PyRef<B> {
    if words.len() <= 2 {
        let lo = words.first().copied().unwrap_or(0) as u64;
        let hi = words.get(1).copied().unwrap_or(0) as u64;
        let v = lo | (hi << 32);
        if let Ok(i) = i64::try_from(v) {
            return ctx.vm.int(i);
        }
    }
    ctx.vm.bigint(BigInt::from_biguint(Sign::Plus, BigUint::new(words.to_vec())))
}

fn core_getrandbits<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "getrandbits", 1)?;
    let k = bit_count(ctx, &args.args[1])?;
    if k == 0 {
        return Ok(ctx.vm.int(0));
    }
    if k <= 32 {
        return Ok(ctx.vm.int(o.write(cell, |g| g.bits32(k as u32)) as i64));
    }
    let words = o.write(cell, |g| g.bits_words(k));
    Ok(int_of_words(ctx, &words))
}

/// `_randbelow(n)`: `getrandbits(n.bit_length())` until the result is below `n`, all under
/// one lock of the cell (the same draws as CPython's `_randbelow_with_getrandbits`).
fn core_randbelow<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "_randbelow", 1)?;
    let n = index(ctx, &args.args[1])?;
    match &n.payload {
        Payload::Int(n) if *n > 0 => {
            let n = *n as u64;
            let k = 64 - n.leading_zeros();
            let r = o.write(cell, |g| {
                if k <= 32 {
                    loop {
                        let r = g.bits32(k) as u64;
                        if r < n {
                            return r;
                        }
                    }
                }
                loop {
                    let lo = g.next_u32() as u64;
                    let hi = g.bits32(k - 32) as u64;
                    let r = lo | (hi << 32);
                    if r < n {
                        return r;
                    }
                }
            });
            Ok(ctx.vm.int(r as i64))
        }
        Payload::BigInt(b) if b.sign() == Sign::Plus => {
            let n = b.magnitude().clone();
            let k = n.bits();
            let words = o.write(cell, |g| {
                loop {
                    let w = g.bits_words(k);
                    if BigUint::new(w.clone()) < n {
                        return w;
                    }
                }
            });
            Ok(int_of_words(ctx, &words))
        }
        _ => Err(ctx.value_error("_randbelow() argument must be positive")),
    }
}

fn core_getstate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "getstate", 0)?;
    let g = o.read(cell, |g| (**g).clone());
    let vm = ctx.vm;
    let mut items: Vec<PyRef<B>> = g.state.iter().map(|w| vm.int(*w as i64)).collect();
    items.push(vm.int(g.index as i64));
    Ok(vm.tuple(items))
}

/// One word of a state tuple, as CPython's `PyLong_AsUnsignedLong` then a cast to 32 bits.
fn state_word<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, u32> {
    match &v.payload {
        Payload::Int(i) if *i >= 0 => Ok(*i as u32),
        Payload::Bool(b) => Ok(*b as u32),
        Payload::Int(_) => Err(ctx.overflow_error("can't convert negative value to unsigned int")),
        Payload::BigInt(b) if b.sign() == Sign::Minus => {
            Err(ctx.overflow_error("can't convert negative value to unsigned int"))
        }
        Payload::BigInt(b) => match u64::try_from(b.as_ref()) {
            Ok(w) => Ok(w as u32),
            Err(_) => Err(ctx.overflow_error("Python int too large to convert to C unsigned long")),
        },
        _ => Err(ctx.type_error("an integer is required")),
    }
}

fn core_setstate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "setstate", 1)?;
    let Payload::Tuple(items) = &args.args[1].payload else {
        return Err(ctx.type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(ctx.value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (w, v) in state.iter_mut().zip(items.iter()) {
        *w = state_word(ctx, v)?;
    }
    let index = match &items[N].payload {
        Payload::Int(i) => *i,
        Payload::Bool(b) => *b as i64,
        Payload::BigInt(_) => {
            return Err(ctx.overflow_error("Python int too large to convert to C long"));
        }
        _ => return Err(ctx.type_error("an integer is required")),
    };
    if !(0..=N as i64).contains(&index) {
        return Err(ctx.value_error("invalid state"));
    }
    o.write(cell, |g| **g = Mt { state, index: index as usize });
    Ok(ctx.vm.core.none.clone())
}

/// `_sha512(data)`: the SHA-512 digest of a `bytes`.
fn sha512_fn<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "_sha512", 1, 1, &[])?;
    let Payload::Bytes(b) = &args.args[0].payload else {
        return Err(ctx.type_error("_sha512() argument must be bytes"));
    };
    Ok(PyRef::new(Payload::Bytes(Box::new(sha512::digest(b)))))
}

/// `_urandom(n)`: `n` bytes of OS entropy (`os.urandom`).
fn urandom_fn<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "urandom", 1, 1, &[])?;
    let n = ops::seq::index_value(ctx, &args.args[0])?;
    if n < 0 {
        return Err(ctx.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    read_urandom(&mut buf).map_err(|e| ctx.err(&ctx.vm.core.exc.os_error, e.to_string()))?;
    Ok(PyRef::new(Payload::Bytes(buf.into_boxed_slice())))
}

/// `operator.index(x)`: the int itself for an int, `0`/`1` for a bool, the result of
/// `__index__` for other objects, else CPython's `TypeError`.
fn index<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B> {
    match &ops::value_of(v).payload {
        Payload::Int(_) | Payload::BigInt(_) => return Ok(ops::value_of(v).clone()),
        Payload::Bool(b) => return Ok(ctx.vm.int(*b as i64)),
        _ => {}
    }
    if ops::has_dunders(v)
        && let Some(r) = attr::call_dunder(ctx, v, "__index__", &[])?
    {
        return match &ops::value_of(&r).payload {
            Payload::Int(_) | Payload::BigInt(_) => Ok(ops::value_of(&r).clone()),
            Payload::Bool(b) => Ok(ctx.vm.int(*b as i64)),
            _ => Err(ctx.type_error(format!(
                "__index__ returned non-int (type {})",
                ops::type_name(ctx.vm, &r)
            ))),
        };
    }
    Err(ctx.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        ops::type_name(ctx.vm, v)
    )))
}

/// `_index(x)`: [`index`] for the Python layer.
fn index_fn<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "index", 1, 1, &[])?;
    index(ctx, &args.args[0])
}
