//! Running source text at run time: `compile()`, `exec()` and `eval()`; the namespaces of the
//! calling frame: `globals()`, `locals()` and `vars()`; `sys.displayhook` (what `PRINT_EXPR`
//! calls for `compile(..., 'single')` code); and the `builtins` module.
//!
//! `globals()`, `locals()`, `vars()`, `exec` and `eval` read their caller's frame, which the
//! eval loop hands over when it calls them ([`Ctx::caller`], `eval::frame_ns`). Called from
//! Rust instead (`map(globals, ...)`), they have no frame to read and raise a `RuntimeError`
//! unless they were given namespaces.
//!
//! Code run by `exec`/`eval` runs as a module body does, with `LOAD_NAME` reading the locals
//! mapping, then the globals, then the builtins; `__builtins__` is added to a globals dict that
//! lacks it, as CPython does. Compile errors are `SyntaxError`s with CPython's attributes
//! (`methods::syntax_error`).

use super::methods::syntax_error;
use super::{Args, add, add_frame_reader};
use crate::backend::Backend;
use crate::ctx::{CallerFrame, Ctx, PyResult};
use crate::object::{ModuleObj, Payload, PyRef};
use crate::ops::{self, attr, dicts, type_name};
use crate::vm::Vm;
use gillab_compiler::Mode;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let b = &vm.core.builtins;
    add(vm, b, "compile", compile);
    add_frame_reader(vm, "exec", exec);
    add_frame_reader(vm, "eval", eval);
    add_frame_reader(vm, "globals", globals);
    add_frame_reader(vm, "locals", locals);
    add_frame_reader(vm, "vars", vars);
    // As in CPython, a namespace without `__name__` finds the builtins' own.
    dicts::set_name(b, vm.intern("__name__"), vm.str("builtins"));
}

/// The `builtins` module: its namespace is the VM's builtins dict itself.
pub fn builtins_module<B: Backend>(vm: &Vm<B>) -> PyRef<B> {
    let m = PyRef::new(Payload::Module(Box::new(ModuleObj {
        name: "builtins".to_string(),
        dict: vm.core.builtins.clone(),
        builtin: true,
    })));
    vm.immortalize(&m);
    m
}

/// The calling frame's namespaces, or the error of a frame reader called from Rust.
fn caller<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str) -> PyResult<B, CallerFrame<B>> {
    ctx.caller.take().ok_or_else(|| {
        ctx.runtime_error(format!(
            "{name}(): no Python frame to read (gil-lab gives it only to calls made from Python code)"
        ))
    })
}

fn globals<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let frame = ctx.caller.take();
    args.check(ctx, "globals", 0, 0, &[])?;
    ctx.caller = frame;
    Ok(caller(ctx, "globals")?.globals)
}

fn locals<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let frame = ctx.caller.take();
    args.check(ctx, "locals", 0, 0, &[])?;
    ctx.caller = frame;
    Ok(caller(ctx, "locals")?.locals)
}

/// `vars()`: the caller's locals; `vars(obj)`: `obj.__dict__`.
fn vars<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let frame = ctx.caller.take();
    args.check(ctx, "vars", 0, 1, &[])?;
    let Some(obj) = args.positional().first() else {
        ctx.caller = frame;
        return Ok(caller(ctx, "vars")?.locals);
    };
    match attr::getattr_opt(ctx, obj, "__dict__", crate::hash_lit!("__dict__"))? {
        Some(d) => Ok(d),
        // A class: a copy of its namespace (CPython gives a read-only `mappingproxy`).
        None if let Payload::Type(t) = &obj.payload => {
            Ok(ctx.vm.dict(obj.read(&t.dict, |d| d.clone())))
        }
        None => Err(ctx.type_error("vars() argument must have __dict__ attribute")),
    }
}

/// Source text or a compiled code object, the first argument of `exec`/`eval`/`compile`.
enum Source<B: Backend> {
    Text(String),
    Code(PyRef<B>),
}

/// Reads the first argument of `fname`; `code_ok` for `exec`/`eval`, which also run code
/// objects.
fn source_arg<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    fname: &str,
    code_ok: bool,
) -> PyResult<B, Source<B>> {
    match &obj.payload {
        Payload::Str(s) => Ok(Source::Text(s.as_str().to_string())),
        Payload::Bytes(b) => {
            let text = crate::source::decode(b, "<string>", crate::source::Origin::Import)
                .map_err(|report| ctx.err(&ctx.vm.core.exc.syntax_error, report))?;
            Ok(Source::Text(text))
        }
        Payload::Code(_) if code_ok => Ok(Source::Code(obj.clone())),
        _ => {
            let what = if code_ok { "code object" } else { "AST object" };
            Err(ctx.type_error(format!("{fname}() arg 1 must be a string, bytes or {what}")))
        }
    }
}

/// Compiles `source` into a code object, raising CPython's `SyntaxError` for a compile error.
fn compile_text<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    source: &str,
    filename: &str,
    mode: Mode,
) -> PyResult<B> {
    let code = gillab_compiler::compile_mode(source, filename, mode).map_err(|e| {
        syntax_error::from_compile_error(ctx, &e, source, filename, mode == Mode::Exec)
    })?;
    super::code_object(ctx.vm, code).map_err(|m| ctx.runtime_error(m))
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`. The flags and
/// optimization level are accepted and ignored (no `__future__` flags, no `-O`).
fn compile<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    const NAMES: [&str; 6] = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"];
    let pos = args.positional();
    if pos.len() > NAMES.len() {
        return Err(ctx.type_error(format!(
            "compile() takes at most 6 arguments ({} given)",
            pos.len() + args.kwnames.len()
        )));
    }
    let mut slots: [Option<&PyRef<B>>; 6] = [None; 6];
    for (slot, v) in slots.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (k, v) in args.kwargs() {
        match NAMES.iter().position(|n| *n == k) {
            Some(i) if slots[i].is_none() => slots[i] = Some(v),
            Some(i) => {
                return Err(ctx.type_error(format!(
                    "argument for compile() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            None if k == "_feature_version" => {}
            None => {
                return Err(
                    ctx.type_error(format!("'{k}' is an invalid keyword argument for compile()"))
                );
            }
        }
    }
    for (i, slot) in slots.iter().take(3).enumerate() {
        if slot.is_none() {
            return Err(ctx.type_error(format!(
                "compile() missing required argument '{}' (pos {})",
                NAMES[i],
                i + 1
            )));
        }
    }
    let [Some(source), Some(filename), Some(mode), ..] = slots else {
        return Err(ctx.type_error("compile() missing required argument 'source' (pos 1)"));
    };
    let filename = match &filename.payload {
        Payload::Str(s) => s.as_str().to_string(),
        Payload::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        _ => {
            return Err(ctx.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                type_name(ctx.vm, filename)
            )));
        }
    };
    let Some(mode) = ops::as_str(mode) else {
        return Err(ctx.type_error(format!(
            "compile() argument 'mode' must be str, not {}",
            type_name(ctx.vm, mode)
        )));
    };
    let mode = match mode {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        _ => return Err(ctx.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let Source::Text(text) = source_arg(ctx, source, "compile", false)? else {
        return Err(ctx.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    compile_text(ctx, &text, &filename, mode)
}

/// The namespaces `exec`/`eval` run code in: the given dicts, or the caller's.
fn namespaces<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    frame: Option<CallerFrame<B>>,
    globals: Option<&PyRef<B>>,
    locals: Option<&PyRef<B>>,
    fname: &str,
) -> PyResult<B, (PyRef<B>, PyRef<B>)> {
    let is_none = |o: Option<&PyRef<B>>| o.is_none_or(|o| matches!(o.payload, Payload::None));
    let exec = fname == "exec";
    if !is_none(globals) && !globals.is_some_and(|g| matches!(g.payload, Payload::Dict(_))) {
        let g = globals.map_or_else(String::new, |g| type_name(ctx.vm, g));
        return Err(ctx.type_error(if exec {
            format!("exec() globals must be a dict, not {g}")
        } else {
            "globals must be a dict".to_string()
        }));
    }
    if let Some(l) = locals.filter(|_| !is_none(locals)) {
        let mapping = matches!(l.payload, Payload::Dict(_))
            || attr::lookup_special(ctx, l, "__getitem__").is_some();
        if !mapping {
            return Err(ctx.type_error(if exec {
                format!("locals must be a mapping or None, not {}", type_name(ctx.vm, l))
            } else {
                "locals must be a mapping".to_string()
            }));
        }
        if !matches!(l.payload, Payload::Dict(_)) {
            return Err(ctx.type_error(format!(
                "{fname}(): gil-lab supports only a dict as the locals mapping, not '{}'",
                type_name(ctx.vm, l)
            )));
        }
    }
    let (globals, locals) = match (globals.filter(|_| !is_none(globals)), locals) {
        (Some(g), l) => {
            let l = l.filter(|_| !is_none(locals)).unwrap_or(g);
            (g.clone(), l.clone())
        }
        (None, l) => {
            let Some(frame) = frame else {
                return Err(ctx.runtime_error(format!(
                    "{fname}(): no Python frame to read (gil-lab gives it only to calls made \
                     from Python code)"
                )));
            };
            let l = l.filter(|_| !is_none(locals)).cloned().unwrap_or(frame.locals);
            (frame.globals, l)
        }
    };
    if dicts::get_text(&globals, "__builtins__").is_none() {
        dicts::set_name(&globals, ctx.vm.intern("__builtins__"), ctx.vm.core.builtins.clone());
    }
    Ok((globals, locals))
}

/// Runs code object `code` with `globals` and the name namespace `locals`.
fn run<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    code: &PyRef<B>,
    globals: &PyRef<B>,
    locals: PyRef<B>,
    fname: &str,
) -> PyResult<B> {
    let Payload::Code(c) = &code.payload else {
        return Err(
            ctx.type_error(format!("{fname}() arg 1 must be a string, bytes or code object"))
        );
    };
    if c.code.nfreevars > 0 {
        return Err(ctx.type_error(format!(
            "code object passed to {fname}() may not contain free variables"
        )));
    }
    let r = crate::eval::run_code(ctx, c, globals, None, locals);
    keep_for_teardown(ctx.vm, globals);
    r
}

/// Registers `globals` for clearing at teardown when the code left functions or classes in it
/// (they refer back to it: a cycle nothing else would free), unless it is a module's own.
fn keep_for_teardown<B: Backend>(vm: &Vm<B>, globals: &PyRef<B>) {
    let Payload::Dict(d) = &globals.payload else { return };
    let makes_cycle = globals.read(d, |t| {
        t.iter().any(|e| {
            e.value.as_ref().is_some_and(|v| match &v.payload {
                Payload::Function(f) => f.globals.is(globals),
                Payload::Type(_) => true,
                _ => false,
            })
        })
    });
    if !makes_cycle || is_module_dict(vm, globals) {
        return;
    }
    let mut kept = vm.exec_namespaces.lock().unwrap_or_else(|e| e.into_inner());
    if !kept.iter().any(|k| k.is(globals)) {
        kept.push(globals.clone());
    }
}

/// Whether `d` is the namespace of a module in `sys.modules`.
fn is_module_dict<B: Backend>(vm: &Vm<B>, d: &PyRef<B>) -> bool {
    let Payload::Dict(cell) = &vm.core.modules.payload else { return false };
    let values: Vec<PyRef<B>> =
        vm.core.modules.read(cell, |t| t.iter().filter_map(|e| e.value.clone()).collect());
    values.iter().any(|m| matches!(&m.payload, Payload::Module(mo) if mo.dict.is(d)))
}

/// `exec(source, globals=None, locals=None)`.
fn exec<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let frame = ctx.caller.take();
    if let Some((k, _)) = args.kwargs().find(|(k, _)| *k != "closure") {
        return Err(ctx.type_error(format!("'{k}' is an invalid keyword argument for exec()")));
    }
    let pos = args.positional();
    let Some(source) = pos.first() else {
        return Err(ctx.type_error("exec() takes at least 1 positional argument (0 given)"));
    };
    if pos.len() > 3 {
        return Err(ctx.type_error(format!(
            "exec() takes at most 3 positional arguments ({} given)",
            pos.len()
        )));
    }
    let (globals, locals) = namespaces(ctx, frame, pos.get(1), pos.get(2), "exec")?;
    let code = match source_arg(ctx, source, "exec", true)? {
        Source::Code(c) => c,
        Source::Text(text) => compile_text(ctx, &text, "<string>", Mode::Exec)?,
    };
    run(ctx, &code, &globals, locals, "exec")?;
    Ok(ctx.vm.core.none.clone())
}

/// `eval(source, globals=None, locals=None)`: leading spaces and tabs of a source string are
/// ignored, as in CPython.
fn eval<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let frame = ctx.caller.take();
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("eval() takes no keyword arguments"));
    }
    let pos = args.positional();
    if pos.is_empty() || pos.len() > 3 {
        let (bound, n) = if pos.is_empty() { ("least", 1) } else { ("most", 3) };
        let s = if n == 1 { "" } else { "s" };
        return Err(
            ctx.type_error(format!("eval expected at {bound} {n} argument{s}, got {}", pos.len()))
        );
    }
    let source = source_arg(ctx, &pos[0], "eval", true)?;
    let (globals, locals) = namespaces(ctx, frame, pos.get(1), pos.get(2), "eval")?;
    let code = match source {
        Source::Code(c) => c,
        Source::Text(text) => {
            let text = text.trim_start_matches([' ', '\t']);
            compile_text(ctx, text, "<string>", Mode::Eval)?
        }
    };
    run(ctx, &code, &globals, locals, "eval")
}

/// `sys.displayhook(value)`: prints `repr(value)` and stores it as `builtins._`, unless it is
/// `None`.
pub fn displayhook<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "displayhook", 1, 1, &[])?;
    let v = &args.args[0];
    let vm = ctx.vm;
    if matches!(v.payload, Payload::None) {
        return Ok(vm.core.none.clone());
    }
    dicts::set_name(&vm.core.builtins, vm.intern("_"), vm.core.none.clone());
    let text = crate::ops::repr::repr(ctx, v)?;
    super::modules::write_to(ctx, None, &format!("{text}\n"), false)?;
    dicts::set_name(&vm.core.builtins, vm.intern("_"), v.clone());
    Ok(vm.core.none.clone())
}

/// `PRINT_EXPR`: hands `v` to `sys.displayhook` (the default hook when `sys` was never
/// imported).
pub fn print_expr<B: Backend>(ctx: &mut Ctx<'_, B>, v: PyRef<B>) -> PyResult<B, ()> {
    let hook = dicts::get_text(&ctx.vm.core.modules, "sys").and_then(|sys| match &sys.payload {
        Payload::Module(m) => dicts::get_text(&m.dict, "displayhook"),
        _ => None,
    });
    match hook {
        Some(h) => drop(crate::ops::call::call(ctx, &h, &[v], &[])?),
        None => drop(displayhook(ctx, Args { args: &[v], kwnames: &[] })?),
    }
    Ok(())
}
