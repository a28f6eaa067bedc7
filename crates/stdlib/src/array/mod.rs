//! `array`: typed arrays of numbers and characters (`array.array(typecode, initializer)`)
//! with the typecodes `b B u h H i I l L q Q f d` of CPython 3.11 on a 64-bit Linux
//! (`u` is a 4-byte `wchar_t`; `l`/`L` are 8 bytes).
//!
//! **Style: native Rust.** An array is a `Payload::Native` object whose Rust value is an
//! [`ArrayObj`]: its typecode (fixed) and its items as raw machine bytes inside the backend's
//! cell (`B::Cell<Vec<u8>>`, reached through `Object::read`/`Object::write`). Values are
//! converted to and from Python objects outside the cell (conversion may call `__index__`
//! or `__float__`); each read or write of the items is one short critical section, so
//! threads sharing an array never see a torn item or a half-applied slice assignment.
//!
//! Messages are CPython's: the overflow errors of each typecode (`signed char is greater
//! than maximum`, `unsigned int is greater than maximum`, ...), the constructor's argument
//! errors, and those of the sequence operations. [`methods`] holds the named methods,
//! [`seq`] the sequence protocol, operators, comparisons, `repr` and the iterator.
//!
//! Not provided: `__reduce_ex__` (pickling) and the buffer protocol (`memoryview(a)`,
//! `bytes(a)`); `buffer_info()` gives the address of the item storage, which moves when the
//! array grows, as in CPython.

mod methods;
mod seq;

use crate::num::{IntVal, float_of, index_or_error};
use gillab_vm::Backend;
use gillab_vm::builtins::{Args, NativeFn, add, add_property};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Layout, NativeObj, Payload, PyRef};
use gillab_vm::ops::{self, dicts, iter, type_name};
use gillab_vm::types::new_class;

/// The typecodes, in CPython's order.
pub(crate) const TYPECODES: &str = "bBuhHiIlLqQfd";

/// A typecode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Code(pub(crate) u8);

/// One item's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Val {
    Int(i128),
    Float(f64),
    Char(char),
}

impl Code {
    /// The code for `c`, if it is one of [`TYPECODES`].
    pub(crate) fn new(c: char) -> Option<Code> {
        if c.is_ascii() && TYPECODES.contains(c) { Some(Code(c as u8)) } else { None }
    }

    /// The code as a character.
    pub(crate) fn ch(self) -> char {
        self.0 as char
    }

    /// The size of one item in bytes.
    pub(crate) fn size(self) -> usize {
        match self.0 {
            b'b' | b'B' => 1,
            b'h' | b'H' => 2,
            b'i' | b'I' | b'f' | b'u' => 4,
            _ => 8,
        }
    }

    /// Whether the items are floats.
    pub(crate) fn is_float(self) -> bool {
        matches!(self.0, b'f' | b'd')
    }

    /// The item stored in `b` (exactly [`Code::size`] bytes).
    pub(crate) fn load(self, b: &[u8]) -> Val {
        let mut w = [0u8; 8];
        let n = self.size().min(b.len());
        w[..n].copy_from_slice(&b[..n]);
        let (w2, w4) = ([w[0], w[1]], [w[0], w[1], w[2], w[3]]);
        match self.0 {
            b'b' => Val::Int(w[0] as i8 as i128),
            b'B' => Val::Int(w[0] as i128),
            b'h' => Val::Int(i16::from_ne_bytes(w2) as i128),
            b'H' => Val::Int(u16::from_ne_bytes(w2) as i128),
            b'i' => Val::Int(i32::from_ne_bytes(w4) as i128),
            b'I' => Val::Int(u32::from_ne_bytes(w4) as i128),
            b'l' | b'q' => Val::Int(i64::from_ne_bytes(w) as i128),
            b'L' | b'Q' => Val::Int(u64::from_ne_bytes(w) as i128),
            b'f' => Val::Float(f32::from_ne_bytes(w4) as f64),
            b'd' => Val::Float(f64::from_ne_bytes(w)),
            _ => Val::Char(char::from_u32(u32::from_ne_bytes(w4)).unwrap_or('\u{fffd}')),
        }
    }

    /// Stores `v` (already checked by [`Code::convert`]) into `out` (exactly
    /// [`Code::size`] bytes).
    pub(crate) fn store(self, v: Val, out: &mut [u8]) {
        let bytes: [u8; 8] = match v {
            Val::Int(i) => (i as u64).to_ne_bytes(),
            Val::Float(f) if self.0 == b'f' => {
                let mut w = [0u8; 8];
                w[..4].copy_from_slice(&(f as f32).to_ne_bytes());
                w
            }
            Val::Float(f) => f.to_ne_bytes(),
            Val::Char(c) => (c as u64).to_ne_bytes(),
        };
        let n = self.size().min(out.len());
        // Little-endian machines keep the low bytes first; big-endian ones last.
        let src = if cfg!(target_endian = "little") { &bytes[..n] } else { &bytes[8 - n..] };
        out[..n].copy_from_slice(src);
    }

    /// The Python object for `v`.
    pub(crate) fn object<B: Backend>(self, ctx: &Ctx<'_, B>, v: Val) -> PyRef<B> {
        match v {
            Val::Int(i) => crate::num::int_obj(ctx, i),
            Val::Float(f) => ctx.vm.float(f),
            Val::Char(c) => ctx.vm.str(c.to_string()),
        }
    }

    /// The item value of object `v` for this typecode, with CPython's errors.
    pub(crate) fn convert<B: Backend>(
        self,
        ctx: &mut Ctx<'_, B>,
        v: &PyRef<B>,
    ) -> PyResult<B, Val> {
        if self.0 == b'u' {
            return match ops::as_str(v) {
                Some(s) => {
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => Ok(Val::Char(c)),
                        _ => Err(ctx.type_error("array item must be unicode character")),
                    }
                }
                None => Err(ctx.type_error("array item must be unicode character")),
            };
        }
        if self.is_float() {
            return match float_of(ctx, v)? {
                Some(f) => Ok(Val::Float(f)),
                None => {
                    Err(ctx
                        .type_error(format!("must be real number, not {}", type_name(ctx.vm, v))))
                }
            };
        }
        // Fast path: a small int.
        let iv = match &v.payload {
            Payload::Int(i) => IntVal::Fits(*i as i128),
            _ => index_or_error(ctx, v)?,
        };
        self.check_int(ctx, iv).map(Val::Int)
    }

    /// Range-checks an integer for this typecode.
    fn check_int<B: Backend>(self, ctx: &Ctx<'_, B>, iv: IntVal) -> PyResult<B, i128> {
        let long = |iv: IntVal| match iv {
            IntVal::Fits(i) if i64::try_from(i).is_ok() => Ok(i),
            _ => Err(ctx.overflow_error("Python int too large to convert to C long")),
        };
        let ranged = |i: i128, lo: i128, hi: i128, what: &str| {
            if i > hi {
                Err(ctx.overflow_error(format!("{what} is greater than maximum")))
            } else if i < lo {
                Err(ctx.overflow_error(format!("{what} is less than minimum")))
            } else {
                Ok(i)
            }
        };
        let unsigned = |iv: IntVal, neg: &str, big: &str| match iv {
            IntVal::Fits(i) if i < 0 => Err(ctx.overflow_error(neg.to_string())),
            IntVal::Huge(true) => Err(ctx.overflow_error(neg.to_string())),
            IntVal::Fits(i) if i <= u64::MAX as i128 => Ok(i),
            _ => Err(ctx.overflow_error(big.to_string())),
        };
        match self.0 {
            b'b' => ranged(long(iv)?, -128, 127, "signed char"),
            b'B' => ranged(long(iv)?, 0, 255, "unsigned byte integer"),
            b'h' => ranged(long(iv)?, i16::MIN as i128, i16::MAX as i128, "signed short integer"),
            b'H' => ranged(long(iv)?, 0, u16::MAX as i128, "unsigned short"),
            b'i' => ranged(long(iv)?, i32::MIN as i128, i32::MAX as i128, "signed integer"),
            b'I' => {
                let i = unsigned(
                    iv,
                    "can't convert negative value to unsigned int",
                    "Python int too large to convert to C unsigned long",
                )?;
                ranged(i, 0, u32::MAX as i128, "unsigned int")
            }
            b'l' => long(iv),
            b'L' => unsigned(
                iv,
                "can't convert negative value to unsigned int",
                "Python int too large to convert to C unsigned long",
            ),
            b'q' => match iv {
                IntVal::Fits(i) if i64::try_from(i).is_ok() => Ok(i),
                _ => Err(ctx.overflow_error("int too big to convert")),
            },
            _ => unsigned(iv, "can't convert negative int to unsigned", "int too big to convert"),
        }
    }
}

/// The Rust value of an array: the typecode, the class new arrays get (`array.array`), and
/// the items' bytes in the backend's cell.
pub(crate) struct ArrayObj<B: Backend> {
    pub(crate) code: Code,
    pub(crate) base: PyRef<B>,
    pub(crate) cell: B::Cell<Vec<u8>>,
}

/// A new array of class `cls` (and base class `base`) holding `data`.
pub(crate) fn new_array<B: Backend>(
    cls: &PyRef<B>,
    base: &PyRef<B>,
    code: Code,
    data: Vec<u8>,
) -> PyRef<B> {
    PyRef::new(Payload::Native(Box::new(NativeObj {
        class: cls.clone(),
        data: Box::new(ArrayObj::<B> { code, base: base.clone(), cell: B::cell_new(data) }),
    })))
}

/// The array behind `o`, if it is one.
pub(crate) fn as_array<B: Backend>(o: &PyRef<B>) -> Option<&ArrayObj<B>> {
    match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<ArrayObj<B>>(),
        _ => None,
    }
}

/// A method's receiver and its array, or CPython's descriptor `TypeError`.
pub(crate) fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    method: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a ArrayObj<B>)> {
    let Some(o) = args.positional().first() else {
        return Err(ctx.type_error(format!(
            "descriptor '{method}' of 'array.array' object needs an argument"
        )));
    };
    match as_array(o) {
        Some(a) => Ok((o, a)),
        None => Err(ctx.type_error(format!(
            "descriptor '{method}' for 'array.array' objects doesn't apply to a '{}' object",
            type_name(ctx.vm, o)
        ))),
    }
}

/// The positional arguments after `self` of a method taking `min..=max` of them and no
/// keywords, with CPython's messages.
pub(crate) fn positional<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<B, &'a [PyRef<B>]> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("{name}() takes no keyword arguments")));
    }
    let pos = args.positional().get(1..).unwrap_or(&[]);
    let n = pos.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    // `METH_O` and `METH_NOARGS` methods name themselves by their qualified name.
    if min == max && min == 1 && n != 1 {
        return Err(
            ctx.type_error(format!("array.{name}() takes exactly one argument ({n} given)"))
        );
    }
    if max == 0 && n > 0 {
        return Err(ctx.type_error(format!("array.{name}() takes no arguments ({n} given)")));
    }
    if min == max && n != min {
        return Err(ctx.type_error(format!("{name} expected {min} argument{}, got {n}", s(min))));
    }
    if n < min {
        return Err(
            ctx.type_error(format!("{name} expected at least {min} argument{}, got {n}", s(min)))
        );
    }
    if n > max {
        return Err(
            ctx.type_error(format!("{name} expected at most {max} argument{}, got {n}", s(max)))
        );
    }
    Ok(pos)
}

/// Converts every item of `items` for `code` into bytes (before any is stored, so that a
/// bad item leaves the array unchanged).
pub(crate) fn encode_all<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    code: Code,
    items: &[PyRef<B>],
) -> PyResult<B, Vec<u8>> {
    let size = code.size();
    let mut out = vec![0u8; items.len() * size];
    for (item, slot) in items.iter().zip(out.chunks_exact_mut(size)) {
        let v = code.convert(ctx, item)?;
        code.store(v, slot);
    }
    Ok(out)
}

/// The items of `data` as Python objects.
pub(crate) fn decode_all<B: Backend>(ctx: &Ctx<'_, B>, code: Code, data: &[u8]) -> Vec<PyRef<B>> {
    data.chunks_exact(code.size()).map(|c| code.object(ctx, code.load(c))).collect()
}

/// The text of a `u` array's bytes.
pub(crate) fn unicode_of(code: Code, data: &[u8]) -> String {
    data.chunks_exact(code.size())
        .map(|c| match code.load(c) {
            Val::Char(ch) => ch,
            _ => '\u{fffd}',
        })
        .collect()
}

/// The bytes of a `u` array holding `s`.
pub(crate) fn unicode_bytes(code: Code, s: &str) -> Vec<u8> {
    let mut out = vec![0u8; s.chars().count() * code.size()];
    for (ch, slot) in s.chars().zip(out.chunks_exact_mut(code.size())) {
        code.store(Val::Char(ch), slot);
    }
    out
}

/// `array.array(typecode[, initializer])`.
fn array_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = args.positional();
    let Some(cls) = pos.first() else { return Err(ctx.type_error("array.__new__(): no class")) };
    let base = array_base(cls);
    if !args.kwnames.is_empty() && base.is(cls) {
        return Err(ctx.type_error("array.array() takes no keyword arguments"));
    }
    let rest = pos.get(1..).unwrap_or(&[]);
    if rest.is_empty() {
        return Err(ctx.type_error("array() takes at least 1 argument (0 given)"));
    }
    if rest.len() > 2 {
        return Err(
            ctx.type_error(format!("array() takes at most 2 arguments ({} given)", rest.len()))
        );
    }
    let tc = &rest[0];
    let c = match ops::as_str(tc) {
        Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or(' '),
        _ => {
            return Err(ctx.type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                type_name(ctx.vm, tc)
            )));
        }
    };
    let Some(code) = Code::new(c) else {
        return Err(
            ctx.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    };
    let data = match rest.get(1) {
        None => Vec::new(),
        Some(init) => initial_data(ctx, code, init)?,
    };
    Ok(new_array(cls, &base, code, data))
}

/// The class `array.array` that `cls` derives from.
fn array_base<B: Backend>(cls: &PyRef<B>) -> PyRef<B> {
    let mut cur = cls.clone();
    loop {
        let next = match &cur.payload {
            Payload::Type(t) if t.module == "array" && t.name == "array" => return cur,
            Payload::Type(t) => t.base.clone(),
            _ => None,
        };
        match next {
            Some(n) => cur = n,
            None => return cls.clone(),
        }
    }
}

/// The items of a new array of `code` built from `init`.
fn initial_data<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    code: Code,
    init: &PyRef<B>,
) -> PyResult<B, Vec<u8>> {
    match &init.payload {
        Payload::Str(s) => {
            if code.0 != b'u' {
                return Err(ctx.type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    code.ch()
                )));
            }
            return Ok(unicode_bytes(code, s.as_str()));
        }
        Payload::Bytes(b) => {
            if !b.len().is_multiple_of(code.size()) {
                return Err(ctx.value_error("bytes length not a multiple of item size"));
            }
            return Ok(b.to_vec());
        }
        Payload::List(_) | Payload::Tuple(_) => {
            let items = ops::seq::to_vec(ctx, init)?;
            return encode_all(ctx, code, &items);
        }
        _ => {}
    }
    if let Some(other) = as_array::<B>(init) {
        if other.code == code {
            return Ok(init.read(&other.cell, |d| d.clone()));
        }
        if other.code.0 == b'u' {
            return Err(ctx.type_error(format!(
                "cannot use a unicode array to initialize an array with typecode '{}'",
                code.ch()
            )));
        }
    }
    let it = iter::get_iter(ctx, init)?;
    let mut out = Vec::new();
    let mut slot = vec![0u8; code.size()];
    while let Some(item) = iter::next(ctx, &it)? {
        let v = code.convert(ctx, &item)?;
        code.store(v, &mut slot);
        out.extend_from_slice(&slot);
    }
    Ok(out)
}

fn p_typecode<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, a) = this(ctx, &args, "typecode")?;
    Ok(ctx.vm.str(a.code.ch().to_string()))
}

fn p_itemsize<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, a) = this(ctx, &args, "itemsize")?;
    Ok(ctx.vm.int(a.code.size() as i64))
}

/// Fills the `array` module: the class `array` (also `ArrayType`) and `typecodes`.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    let Payload::Module(m) = &module.payload else { return Ok(()) };
    let vm = ctx.vm;
    let ns = m.dict.clone();
    let cls = new_class::<B>("array", "array", vm.core.object_type.clone(), Layout::Builtin);
    add(vm, &cls, "__new__", array_new as NativeFn<B>);
    add_property(vm, &cls, "typecode", p_typecode);
    add_property(vm, &cls, "itemsize", p_itemsize);
    methods::install(vm, &cls);
    seq::install(vm, &cls);
    dicts::set_name(&ns, vm.intern("array"), cls.clone());
    dicts::set_name(&ns, vm.intern("ArrayType"), cls);
    dicts::set_name(&ns, vm.intern("typecodes"), vm.str(TYPECODES));
    Ok(())
}
