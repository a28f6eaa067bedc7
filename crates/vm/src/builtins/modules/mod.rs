//! Built-in modules: `sys`, `time`, `dis`, `math`, and the standard streams.

pub mod above;
pub mod io;
mod math;
pub mod multiprocessing;
mod native;
pub mod os;
mod queue;
mod queue_shared;
pub mod socket;
pub mod sync;
mod sys;
pub mod thread_local;
pub mod threading;
mod time;

use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::eval::imports::new_builtin_module;
use crate::object::{NativeObj, Payload, PyRef};
use crate::ops::{attr, call, dicts};
use std::io::Write;

/// Creates the built-in module `name`, or `None`.
pub fn make<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str) -> PyResult<B, Option<PyRef<B>>> {
    let vm = ctx.vm;
    if name == "builtins" {
        return Ok(Some(crate::builtins::exec::builtins_module(vm)));
    }
    let m = new_builtin_module(vm, name);
    let Payload::Module(mo) = &m.payload else { return Ok(None) };
    let ns = &mo.dict;
    match name {
        "sys" => sys::fill(vm, ns),
        "time" => time::fill(vm, ns),
        "math" => math::fill(vm, ns),
        "dis" => add(vm, ns, "dis", dis),
        "threading" => threading::fill(vm, ns),
        "queue" => queue::fill(vm, ns),
        "os" => os::fill(vm, ns),
        "native" => native::fill(vm, ns),
        "socket" => socket::fill(vm, ns),
        "io" => io::fill(vm, ns),
        "_multiprocessing" => multiprocessing::fill(vm, ns),
        "multiprocessing" => multiprocessing::fill_python(ctx, &m)?,
        _ => match above::provider::<B>() {
            Some(f) if f(ctx, name, &m)? => {}
            _ => return Ok(None),
        },
    }
    // A built-in module's functions and classes are shared by every thread that imports it.
    if let Payload::Dict(d) = &ns.payload {
        vm.immortalize_values(ns, d);
    }
    Ok(Some(m))
}

fn module_dict<B: Backend>(m: &PyRef<B>) -> Option<&PyRef<B>> {
    match &m.payload {
        Payload::Module(m) => Some(&m.dict),
        _ => None,
    }
}

/// Which OS stream a standard-stream object writes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// File descriptor 1.
    Stdout,
    /// File descriptor 2.
    Stderr,
}

/// Writes `text` to the stream.
pub fn write_stream(stream: Stream, text: &str, flush: bool) {
    // A worker process's streams are captured and sent to its parent as messages.
    if let Some(sink) = crate::procs::output_sink() {
        sink(stream == Stream::Stderr, text);
        return;
    }
    // Output errors (a closed pipe) are ignored, as CPython ignores them at exit.
    match stream {
        Stream::Stdout => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(text.as_bytes());
            if flush {
                let _ = out.flush();
            }
        }
        Stream::Stderr => {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(text.as_bytes());
        }
    }
}

fn stream_of<B: Backend>(o: &PyRef<B>) -> Option<Stream> {
    match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<Stream>().copied(),
        _ => None,
    }
}

/// `print(..., file=f)`: the real stream for the standard streams (and `None`, meaning
/// `sys.stdout`), else `f.write(text)`.
pub fn write_to<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    file: Option<&PyRef<B>>,
    text: &str,
    flush: bool,
) -> PyResult<B, ()> {
    let target = match file {
        Some(f) => f.clone(),
        None => match dicts::get_text(&ctx.vm.core.modules, "sys")
            .as_ref()
            .and_then(module_dict)
            .and_then(|d| dicts::get_text(d, "stdout"))
        {
            Some(s) => s,
            None => {
                check_encodable(ctx, text)?;
                write_stream(Stream::Stdout, text, flush);
                return Ok(());
            }
        },
    };
    if let Some(s) = stream_of(&target) {
        check_encodable(ctx, text)?;
        write_stream(s, text, flush);
        return Ok(());
    }
    let w = attr::getattr_str(ctx, &target, "write")?;
    let s = ctx.vm.str(text);
    call::call(ctx, &w, &[s], &[])?;
    Ok(())
}

/// Raises CPython's `UnicodeEncodeError` for text with a lone surrogate, which the standard
/// streams (UTF-8, strict) cannot write.
fn check_encodable<B: Backend>(ctx: &Ctx<'_, B>, text: &str) -> PyResult<B, ()> {
    if gillab_syntax::surrogate::contains_surrogate(text) {
        let codec = crate::builtins::methods::str::Codec::Utf8;
        crate::builtins::methods::str::encode(ctx, text, codec, "strict")?;
    }
    Ok(())
}

/// The `sys.stdout` / `sys.stderr` objects.
pub fn stream_object<B: Backend>(vm: &crate::Vm<B>, stream: Stream) -> PyRef<B> {
    let cls = crate::types::new_type::<B>(
        "TextIOWrapper",
        Some(vm.core.object_type.clone()),
        crate::object::Layout::Builtin,
    );
    add(vm, &cls, "write", stream_write);
    add(vm, &cls, "flush", stream_flush);
    PyRef::new(Payload::Native(Box::new(NativeObj { class: cls, data: Box::new(stream) })))
}

fn stream_write<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "write", 2, 2, &[])?;
    let Some(stream) = stream_of(&args.args[0]) else { return Err(ctx.type_error("not a stream")) };
    let Some(text) = crate::ops::as_str(&args.args[1]) else {
        return Err(ctx.type_error(format!(
            "write() argument must be str, not {}",
            crate::ops::type_name(ctx.vm, &args.args[1])
        )));
    };
    check_encodable(ctx, text)?;
    write_stream(stream, text, false);
    Ok(ctx.vm.int(text.chars().count() as i64))
}

fn stream_flush<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let Some(s) = args.args.first().and_then(stream_of) {
        write_stream(s, "", true);
    }
    Ok(ctx.vm.core.none.clone())
}

fn dis<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "dis", 1, 1, &[])?;
    let target = &args.args[0];
    let code = match &target.payload {
        Payload::Function(f) => f.code.clone(),
        Payload::Method(m) => match &m.0.payload {
            Payload::Function(f) => f.code.clone(),
            _ => return Err(ctx.type_error("don't know how to disassemble method objects")),
        },
        Payload::Code(_) => target.clone(),
        _ => {
            return Err(ctx.type_error(format!(
                "don't know how to disassemble {} objects",
                crate::ops::type_name(ctx.vm, target)
            )));
        }
    };
    let Payload::Code(c) = &code.payload else { return Err(ctx.type_error("no code")) };
    let text = gillab_compiler::dis::disassemble(&c.code);
    write_to(ctx, None, &text, false)?;
    Ok(ctx.vm.core.none.clone())
}
