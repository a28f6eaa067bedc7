//! `import`: built-in modules first, then `NAME.py` next to the main script.

use super::Frame;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::{ModuleObj, Payload, PyRef};
use crate::ops::{attr, dicts};

/// `IMPORT_NAME i`: imports `names[i]` and pushes the top-level package.
pub fn import_name<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &mut Frame<'_, B>,
    i: u32,
) -> PyResult<B, ()> {
    let name = f.code.code.names[i as usize].clone();
    let mut top = None;
    let mut path = String::new();
    for part in name.split('.') {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(part);
        let m = import_module(ctx, &path)?;
        if top.is_none() {
            top = Some(m);
        }
    }
    match top {
        Some(m) => {
            f.push(m);
            Ok(())
        }
        None => Err(ctx.err(&ctx.vm.core.exc.module_not_found_error, "Empty module name")),
    }
}

/// `IMPORT_FROM i`: `[m] -> [m, m.name]`.
pub fn import_from<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &mut Frame<'_, B>,
    i: u32,
) -> PyResult<B, ()> {
    let m = f.top().clone();
    let name = f.code.names[i as usize].clone();
    let text = f.code.code.names[i as usize].as_str();
    match attr::getattr_opt(
        ctx,
        &m,
        text,
        match &name.payload {
            Payload::Str(s) => s.hash(),
            _ => 0,
        },
    )? {
        Some(v) => {
            f.push(v);
            Ok(())
        }
        None => {
            let mname = match &m.payload {
                Payload::Module(mo) => mo.name.clone(),
                _ => "?".into(),
            };
            Err(ctx.err(
                &ctx.vm.core.exc.import_error,
                format!("cannot import name '{text}' from '{mname}' (unknown location)"),
            ))
        }
    }
}

/// Imports a module by its full name, caching it in `sys.modules`.
pub fn import_module<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str) -> PyResult<B> {
    let vm = ctx.vm;
    if let Some(m) = dicts::get_text(&vm.core.modules, name) {
        return Ok(m);
    }
    if let Some(m) = crate::builtins::make_module(ctx, name)? {
        dicts::set_name(&vm.core.modules, vm.intern(name), m.clone());
        bind_in_parent(vm, name, &m);
        return Ok(m);
    }
    let file = vm.script_dir.join(format!("{}.py", name.replace('.', "/")));
    let Ok(bytes) = std::fs::read(&file) else {
        return Err(
            ctx.err(&vm.core.exc.module_not_found_error, format!("No module named '{name}'"))
        );
    };
    let filename = file.to_string_lossy().to_string();
    // Like a compile error, the SyntaxError carries its whole report.
    let source = crate::source::decode(&bytes, &filename, crate::source::Origin::Import)
        .map_err(|report| ctx.err(&vm.core.exc.syntax_error, report))?;
    let m = new_module(vm, name);
    dicts::set_name(&vm.core.modules, vm.intern(name), m.clone());
    if let Err(e) = exec_source(ctx, &source, &filename, &m) {
        dicts::del_name(&vm.core.modules, name);
        return Err(e);
    }
    bind_in_parent(vm, name, &m);
    Ok(m)
}

/// Makes submodule `a.b` the attribute `b` of its imported parent `a`, as CPython does.
fn bind_in_parent<B: Backend>(vm: &crate::Vm<B>, name: &str, m: &PyRef<B>) {
    let Some((parent, child)) = name.rsplit_once('.') else { return };
    if let Some(p) = dicts::get_text(&vm.core.modules, parent)
        && let Payload::Module(pm) = &p.payload
        && dicts::get_text(&pm.dict, child).is_none()
    {
        dicts::set_name(&pm.dict, vm.intern(child), m.clone());
    }
}

/// A new empty module with `__name__` set.
pub fn new_module<B: Backend>(vm: &crate::Vm<B>, name: &str) -> PyRef<B> {
    module_object(vm, name, false)
}

/// A new empty module with `__name__` set, for a module implemented in Rust.
pub fn new_builtin_module<B: Backend>(vm: &crate::Vm<B>, name: &str) -> PyRef<B> {
    module_object(vm, name, true)
}

fn module_object<B: Backend>(vm: &crate::Vm<B>, name: &str, builtin: bool) -> PyRef<B> {
    let d = vm.dict(Dict::new());
    dicts::set_name(&d, vm.intern("__name__"), vm.str(name));
    let m = PyRef::new(Payload::Module(Box::new(ModuleObj {
        name: name.to_string(),
        dict: d.clone(),
        builtin,
    })));
    // Modules and their namespaces live for the whole program and every thread reads them.
    vm.immortalize(&m);
    vm.immortalize(&d);
    m
}

/// Compiles `source` and runs it as the body of module `m`.
pub fn exec_source<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    source: &str,
    filename: &str,
    m: &PyRef<B>,
) -> PyResult<B, ()> {
    let vm = ctx.vm;
    vm.add_source(filename, source);
    let code = match gillab_compiler::compile_source(source, filename) {
        Ok(c) => c,
        Err(e) => {
            let class = match e.kind {
                gillab_syntax::SyntaxErrorKind::Syntax => &vm.core.exc.syntax_error,
                gillab_syntax::SyntaxErrorKind::Indentation => &vm.core.exc.indentation_error,
                gillab_syntax::SyntaxErrorKind::Tab => &vm.core.exc.tab_error,
            };
            return Err(ctx.err(class, e.render(filename, source)));
        }
    };
    let Payload::Module(mo) = &m.payload else { return Ok(()) };
    let code_obj = crate::builtins::code_object(vm, code).map_err(|m| ctx.runtime_error(m))?;
    let Payload::Code(c) = &code_obj.payload else { return Ok(()) };
    super::run_code(ctx, c, &mo.dict, None, mo.dict.clone())?;
    Ok(())
}
