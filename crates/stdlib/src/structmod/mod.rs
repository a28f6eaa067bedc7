//! `struct`: `pack`, `unpack`, `calcsize`, `pack_into`, `unpack_from`, `iter_unpack`, the
//! `Struct` class and `struct.error`, with the byte orders `@ = < > !` and the codes
//! `x c b B ? h H i I l L q Q n N e f d s p P` of CPython 3.11 (native sizes and alignment
//! of x86-64 Linux).
//!
//! **Style: native Rust.** A `Struct` is a `Payload::Native` object holding its parsed
//! layout ([`format`]), immutable after creation, so it needs no cell; an
//! `unpack_iterator` keeps its position in the backend's cell. [`codec`] packs and unpacks
//! single fields with CPython's checks and `struct.error` messages.
//!
//! Buffers: `bytes` and `array.array` objects are read; `pack_into` writes into an
//! `array.array` (gil-lab has no `bytearray` or `memoryview`; other objects get CPython's
//! "argument must be read-write bytes-like object" `TypeError`). The module functions parse
//! their format on every call (CPython caches compiled formats; the results are the same).

mod codec;
mod format;

use crate::array::as_array;
use crate::num::ssize_of;
use codec::Fail;
use format::Layout;
use gillab_vm::Backend;
use gillab_vm::builtins::{Args, NativeFn, add, add_property};
use gillab_vm::ctx::{Ctx, PyErr, PyResult};
use gillab_vm::object::{Layout as ClassLayout, NativeObj, Payload, PyRef};
use gillab_vm::ops::{dicts, type_name};
use gillab_vm::types::new_class;

/// The Rust value of a `Struct`: the format as given and its layout.
struct StructObj {
    format: String,
    layout: Layout,
}

/// `struct.error(msg)`.
fn struct_error<B: Backend>(ctx: &Ctx<'_, B>, msg: &str) -> PyErr<B> {
    let cls = dicts::get_text(&ctx.vm.core.modules, "struct").and_then(|m| match &m.payload {
        Payload::Module(mo) => dicts::get_text(&mo.dict, "error"),
        _ => None,
    });
    match cls {
        Some(c) => ctx.err(&c, msg),
        None => ctx.value_error(msg),
    }
}

fn raise<B: Backend>(ctx: &Ctx<'_, B>, f: Fail<B>) -> PyErr<B> {
    match f {
        Fail::Struct(m) => struct_error(ctx, &m),
        Fail::Py(e) => e,
    }
}

/// The format text of a `str` or `bytes` argument.
fn format_text<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, String> {
    match &v.payload {
        Payload::Str(s) => Ok(s.as_str().to_string()),
        Payload::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
        _ => Err(ctx.type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            type_name(ctx.vm, v)
        ))),
    }
}

fn compile<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, StructObj> {
    let format = format_text(ctx, v)?;
    let layout = format::parse(&format).map_err(|m| struct_error(ctx, m))?;
    Ok(StructObj { format, layout })
}

/// The bytes of a readable buffer (`bytes`, `array.array`).
fn read_buffer<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, Vec<u8>> {
    match &v.payload {
        Payload::Bytes(b) => Ok(b.to_vec()),
        _ => match as_array::<B>(v) {
            Some(a) => Ok(v.read(&a.cell, |d| d.clone())),
            None => Err(ctx.type_error(format!(
                "a bytes-like object is required, not '{}'",
                type_name(ctx.vm, v)
            ))),
        },
    }
}

impl StructObj {
    fn pack<B: Backend>(
        &self,
        ctx: &mut Ctx<'_, B>,
        values: &[PyRef<B>],
        what: &str,
    ) -> PyResult<B, Vec<u8>> {
        let l = &self.layout;
        if values.len() != l.fields.len() {
            return Err(struct_error(
                ctx,
                &format!(
                    "{what} expected {} items for packing (got {})",
                    l.fields.len(),
                    values.len()
                ),
            ));
        }
        let mut out = vec![0u8; l.size];
        for (f, v) in l.fields.iter().zip(values) {
            let slot = &mut out[f.offset..f.offset + f.size];
            codec::pack(ctx, l.order, *f, v, slot).map_err(|e| raise(ctx, e))?;
        }
        Ok(out)
    }

    fn unpack<B: Backend>(&self, ctx: &Ctx<'_, B>, data: &[u8]) -> PyRef<B> {
        let l = &self.layout;
        let items = l
            .fields
            .iter()
            .map(|f| codec::unpack(ctx, l.order, *f, &data[f.offset..f.offset + f.size]))
            .collect();
        ctx.vm.tuple(items)
    }

    fn unpack_exact<B: Backend>(&self, ctx: &Ctx<'_, B>, buf: &PyRef<B>) -> PyResult<B> {
        let data = read_buffer(ctx, buf)?;
        if data.len() != self.layout.size {
            return Err(struct_error(
                ctx,
                &format!("unpack requires a buffer of {} bytes", self.layout.size),
            ));
        }
        Ok(self.unpack(ctx, &data))
    }

    fn unpack_from<B: Backend>(
        &self,
        ctx: &mut Ctx<'_, B>,
        buf: &PyRef<B>,
        offset: Option<&PyRef<B>>,
    ) -> PyResult<B> {
        let mut off = match offset {
            Some(v) => ssize_of(ctx, v)?,
            None => 0,
        };
        let data = read_buffer(ctx, buf)?;
        let (len, size) = (data.len() as i64, self.layout.size as i64);
        if off < 0 {
            if off + len < 0 {
                let m = format!("offset {off} out of range for {len}-byte buffer");
                return Err(struct_error(ctx, &m));
            }
            if off + size > 0 {
                let m = format!("not enough data to unpack {size} bytes at offset {off}");
                return Err(struct_error(ctx, &m));
            }
            off += len;
        }
        if len - off < size {
            let m = format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes \
                 at offset {off} (actual buffer size is {len})",
                size + off
            );
            return Err(struct_error(ctx, &m));
        }
        Ok(self.unpack(ctx, &data[off as usize..(off + size) as usize]))
    }

    /// `pack_into(buffer, offset, *values)` (`args` holds all three parts).
    fn pack_into<B: Backend>(&self, ctx: &mut Ctx<'_, B>, args: &[PyRef<B>]) -> PyResult<B> {
        let n = self.layout.fields.len();
        if args.len() != n + 2 {
            let m = match args.len() {
                0 => "pack_into expected buffer argument".to_string(),
                1 => "pack_into expected offset argument".to_string(),
                k => format!("pack_into expected {n} items for packing (got {})", k - 2),
            };
            return Err(struct_error(ctx, &m));
        }
        let buf = &args[0];
        let Some(arr) = as_array::<B>(buf) else {
            return Err(ctx.type_error(format!(
                "argument must be read-write bytes-like object, not {}",
                type_name(ctx.vm, buf)
            )));
        };
        let off = ssize_of(ctx, &args[1])?;
        let packed = self.pack(ctx, &args[2..], "pack_into")?;
        let size = packed.len() as i64;
        let r = buf.write(&arr.cell, |d| {
            let len = d.len() as i64;
            let mut off = off;
            if off < 0 {
                if off + size > 0 {
                    return Err(format!("no space to pack {size} bytes at offset {off}"));
                }
                if off + len < 0 {
                    return Err(format!("offset {off} out of range for {len}-byte buffer"));
                }
                off += len;
            }
            if len - off < size {
                return Err(format!(
                    "pack_into requires a buffer of at least {} bytes for packing {size} bytes \
                     at offset {off} (actual buffer size is {len})",
                    size + off
                ));
            }
            d[off as usize..(off + size) as usize].copy_from_slice(&packed);
            Ok(())
        });
        r.map_err(|m| struct_error(ctx, &m))?;
        Ok(ctx.vm.core.none.clone())
    }

    fn iter_unpack<B: Backend>(&self, ctx: &mut Ctx<'_, B>, buf: &PyRef<B>) -> PyResult<B> {
        let size = self.layout.size;
        if size == 0 {
            return Err(struct_error(ctx, "cannot iteratively unpack with a struct of length 0"));
        }
        let data = read_buffer(ctx, buf)?;
        if !data.len().is_multiple_of(size) {
            let m = format!("iterative unpacking requires a buffer of a multiple of {size} bytes");
            return Err(struct_error(ctx, &m));
        }
        let m = gillab_vm::eval::imports::import_module(ctx, "struct")?;
        let cls = gillab_vm::ops::attr::getattr_str(ctx, &m, "_unpack_iterator")?;
        let st = StructObj { format: self.format.clone(), layout: self.layout.clone() };
        Ok(PyRef::new(Payload::Native(Box::new(NativeObj {
            class: cls,
            data: Box::new(UnpackIter::<B> { st, data, pos: B::cell_new(0) }),
        }))))
    }
}

// ---- the Struct class -----------------------------------------------------------------------

fn this<'a, B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'a, B>) -> PyResult<B, &'a StructObj> {
    args.args
        .first()
        .and_then(|o| match &o.payload {
            Payload::Native(n) => n.data.downcast_ref::<StructObj>(),
            _ => None,
        })
        .ok_or_else(|| ctx.type_error("descriptor requires a '_struct.Struct' object"))
}

fn s_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = crate::itertools::clinic(ctx, &args, "Struct", &["format"], 1, 1)?;
    let fmt = a[0].cloned().unwrap_or_else(|| ctx.vm.core.none.clone());
    let st = compile(ctx, &fmt)?;
    Ok(PyRef::new(Payload::Native(Box::new(NativeObj {
        class: args.args[0].clone(),
        data: Box::new(st),
    }))))
}

fn s_pack<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let st = this(ctx, &args)?;
    no_keywords(ctx, &args, "pack")?;
    let b = st.pack(ctx, &args.args[1..], "pack")?;
    Ok(PyRef::new(Payload::Bytes(b.into_boxed_slice())))
}

fn s_pack_into<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let st = this(ctx, &args)?;
    no_keywords(ctx, &args, "pack_into")?;
    st.pack_into(ctx, &args.args[1..])
}

fn s_unpack<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let st = this(ctx, &args)?;
    let buf = one(ctx, &args, 1, "Struct.unpack")?;
    st.unpack_exact(ctx, buf)
}

fn s_unpack_from<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let st = this(ctx, &args)?;
    let (buf, off) = buffer_offset(ctx, &args, 1)?;
    st.unpack_from(ctx, buf, off)
}

fn s_iter_unpack<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let st = this(ctx, &args)?;
    let buf = one(ctx, &args, 1, "Struct.iter_unpack")?;
    st.iter_unpack(ctx, buf)
}

fn p_format<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let st = this(ctx, &args)?;
    Ok(ctx.vm.str(st.format.as_str()))
}

fn p_size<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let st = this(ctx, &args)?;
    Ok(ctx.vm.int(st.layout.size as i64))
}

// ---- argument helpers --------------------------------------------------------------------

fn no_keywords<B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'_, B>, name: &str) -> PyResult<B, ()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(ctx.type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// The single argument after `skip` leading ones of a `METH_O` function `qual`.
fn one<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    skip: usize,
    qual: &str,
) -> PyResult<B, &'a PyRef<B>> {
    let short = qual.rsplit('.').next().unwrap_or(qual);
    no_keywords(ctx, args, short)?;
    match args.positional().get(skip..).unwrap_or(&[]) {
        [v] => Ok(v),
        other => {
            Err(ctx
                .type_error(format!("{qual}() takes exactly one argument ({} given)", other.len())))
        }
    }
}

/// Exactly `n` positional arguments, with the argument-clinic message.
fn exactly<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
    n: usize,
) -> PyResult<B, &'a [PyRef<B>]> {
    no_keywords(ctx, args, name)?;
    let pos = args.positional();
    if pos.len() != n {
        return Err(ctx.type_error(format!("{name} expected {n} arguments, got {}", pos.len())));
    }
    Ok(pos)
}

/// `buffer, offset=0` after one leading argument (`self` or the format), which is parameter
/// number `first - 1` in the messages.
fn buffer_offset<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    first: usize,
) -> PyResult<B, (&'a PyRef<B>, Option<&'a PyRef<B>>)> {
    let pos = args.positional().get(1..).unwrap_or(&[]);
    if pos.len() > 2 {
        return Err(ctx.type_error(format!(
            "unpack_from() takes at most {} arguments ({} given)",
            first + 1,
            pos.len() + first - 1
        )));
    }
    let mut slots = [pos.first(), pos.get(1)];
    for (k, v) in args.kwargs() {
        let i = match k {
            "buffer" => 0,
            "offset" => 1,
            _ => {
                return Err(ctx.type_error(format!(
                    "'{k}' is an invalid keyword argument for unpack_from()"
                )));
            }
        };
        if slots[i].is_some() {
            return Err(ctx.type_error(format!(
                "argument for unpack_from() given by name ('{k}') and position ({})",
                i + first
            )));
        }
        slots[i] = Some(v);
    }
    match slots[0] {
        Some(b) => Ok((b, slots[1])),
        None => Err(ctx
            .type_error(format!("unpack_from() missing required argument 'buffer' (pos {first})"))),
    }
}

/// The compiled format of a module function's first argument.
fn first_format<B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'_, B>) -> PyResult<B, StructObj> {
    match args.positional().first() {
        Some(f) => compile(ctx, f),
        None => Err(ctx.type_error("missing format argument")),
    }
}

// ---- module functions ----------------------------------------------------------------------

fn m_pack<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    no_keywords(ctx, &args, "pack")?;
    let st = first_format(ctx, &args)?;
    let b = st.pack(ctx, &args.args[1..], "pack")?;
    Ok(PyRef::new(Payload::Bytes(b.into_boxed_slice())))
}

fn m_pack_into<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    no_keywords(ctx, &args, "pack_into")?;
    let st = first_format(ctx, &args)?;
    st.pack_into(ctx, &args.args[1..])
}

fn m_unpack<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = exactly(ctx, &args, "unpack", 2)?;
    let st = compile(ctx, &a[0])?;
    st.unpack_exact(ctx, &a[1])
}

fn m_unpack_from<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if args.positional().is_empty() {
        return Err(ctx.type_error("unpack_from() takes at least 1 positional argument (0 given)"));
    }
    let (buf, off) = buffer_offset(ctx, &args, 2)?;
    let st = compile(ctx, &args.args[0])?;
    st.unpack_from(ctx, buf, off)
}

fn m_iter_unpack<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = exactly(ctx, &args, "iter_unpack", 2)?;
    let st = compile(ctx, &a[0])?;
    st.iter_unpack(ctx, &a[1])
}

fn m_calcsize<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let f = one(ctx, &args, 0, "_struct.calcsize")?;
    let st = compile(ctx, f)?;
    Ok(ctx.vm.int(st.layout.size as i64))
}

fn m_clearcache<B: Backend>(ctx: &mut Ctx<'_, B>, _args: Args<'_, B>) -> PyResult<B> {
    Ok(ctx.vm.core.none.clone())
}

// ---- unpack_iterator -----------------------------------------------------------------------

/// An `unpack_iterator`: the layout, a copy of the buffer, and the next offset in the cell.
struct UnpackIter<B: Backend> {
    st: StructObj,
    data: Vec<u8>,
    pos: B::Cell<usize>,
}

fn iter_this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
) -> PyResult<B, (&'a PyRef<B>, &'a UnpackIter<B>)> {
    let o = args.args.first();
    o.and_then(|o| match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<UnpackIter<B>>().map(|d| (o, d)),
        _ => None,
    })
    .ok_or_else(|| ctx.type_error("descriptor requires a '_struct.unpack_iterator' object"))
}

fn it_iter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = iter_this(ctx, &args)?;
    Ok(o.clone())
}

fn it_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, it) = iter_this(ctx, &args)?;
    let size = it.st.layout.size;
    let len = it.data.len();
    let at = o.write(&it.pos, |p| {
        if *p + size <= len {
            *p += size;
            Some(*p - size)
        } else {
            None
        }
    });
    match at {
        Some(at) => Ok(it.st.unpack(ctx, &it.data[at..at + size])),
        None => Err(ctx.stop_iteration()),
    }
}

fn it_length_hint<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, it) = iter_this(ctx, &args)?;
    let left = o.read(&it.pos, |p| (it.data.len() - *p) / it.st.layout.size.max(1));
    Ok(ctx.vm.int(left as i64))
}

/// Fills the `struct` module.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    let Payload::Module(m) = &module.payload else { return Ok(()) };
    let vm = ctx.vm;
    let ns = m.dict.clone();
    let error =
        new_class::<B>("error", "struct", vm.core.exc.exception.clone(), ClassLayout::Exception);
    dicts::set_name(&ns, vm.intern("error"), error);
    let cls =
        new_class::<B>("Struct", "_struct", vm.core.object_type.clone(), ClassLayout::Builtin);
    let methods: [(&'static str, NativeFn<B>); 6] = [
        ("__new__", s_new),
        ("pack", s_pack),
        ("pack_into", s_pack_into),
        ("unpack", s_unpack),
        ("unpack_from", s_unpack_from),
        ("iter_unpack", s_iter_unpack),
    ];
    for (name, f) in methods {
        add(vm, &cls, name, f);
    }
    add_property(vm, &cls, "format", p_format);
    add_property(vm, &cls, "size", p_size);
    dicts::set_name(&ns, vm.intern("Struct"), cls);
    let it = new_class::<B>(
        "unpack_iterator",
        "_struct",
        vm.core.object_type.clone(),
        ClassLayout::Builtin,
    );
    add(vm, &it, "__iter__", it_iter);
    add(vm, &it, "__next__", it_next);
    add(vm, &it, "__length_hint__", it_length_hint);
    dicts::set_name(&ns, vm.intern("_unpack_iterator"), it);
    let funcs: [(&'static str, NativeFn<B>); 7] = [
        ("pack", m_pack),
        ("pack_into", m_pack_into),
        ("unpack", m_unpack),
        ("unpack_from", m_unpack_from),
        ("iter_unpack", m_iter_unpack),
        ("calcsize", m_calcsize),
        ("_clearcache", m_clearcache),
    ];
    for (name, f) in funcs {
        add(vm, &ns, name, f);
    }
    Ok(())
}
