//! Running a program: `__main__` from a file, uncaught exceptions printed as CPython prints
//! them, `SystemExit`, and teardown that frees every object the run made.

use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr};
use crate::eval::imports::{exec_source, new_module};
use crate::object::{Payload, PyRef};
use crate::ops::{self, dicts, repr};
use crate::source::ScriptError;
use crate::vm::Vm;
use crate::vm::VmOptions;
use std::path::Path;

/// The teardown the VM's `Drop` runs, also for tests that tear a VM down by hand.
pub use crate::vm::clear_namespaces;

/// How to run a program.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// How to build the VM (registry name, executor, GIL setup, rc elision).
    pub vm: VmOptions,
    /// `sys.argv` (the script path first).
    pub argv: Vec<String>,
    /// Print the backend's counters as one JSON line on stderr at exit.
    pub stats: bool,
    /// Report objects still alive after teardown (exit status 3 if any).
    pub check_leaks: bool,
}

/// Runs `path` as `__main__` on backend `B` and returns the process exit status. A file that
/// cannot be decoded (not UTF-8 and no other encoding declared) is CPython's `SyntaxError`.
pub fn run_file<B: Backend>(path: &Path, options: &RunOptions) -> i32 {
    let filename = path.to_string_lossy().to_string();
    let source = match crate::source::read_script(path) {
        Ok(s) => s,
        Err(ScriptError::Undecodable(report)) => {
            eprint!("{report}");
            return 1;
        }
        Err(ScriptError::Unreadable(e)) => {
            eprintln!("gillab: can't open file '{}': {e}", path.display());
            return 2;
        }
    };
    run_source::<B>(&source, &filename, options)
}

/// Runs `source` (named `filename`) as `__main__` and returns the exit status.
pub fn run_source<B: Backend>(source: &str, filename: &str, options: &RunOptions) -> i32 {
    let baseline = crate::object::live::live_objects();
    let script_dir = Path::new(filename).parent().map(Path::to_path_buf).unwrap_or_default();
    let argv =
        if options.argv.is_empty() { vec![filename.to_string()] } else { options.argv.clone() };
    let vm = Vm::<B>::new_shared(options.vm.clone(), argv, script_dir);
    let status = {
        let mut ctx = Ctx::attach(&vm);
        let main = new_module(&vm, "__main__");
        dicts::set_name(&vm.core.modules, vm.intern("__main__"), main.clone());
        if let Payload::Module(m) = &main.payload {
            dicts::set_name(&m.dict, vm.intern("__file__"), vm.str(filename));
            dicts::set_name(&m.dict, vm.intern("__builtins__"), vm.core.builtins.clone());
        }
        let result = exec_source(&mut ctx, source, filename, &main);
        crate::eval::generator::finalize_orphans(&mut ctx, None);
        let status = match result {
            Ok(()) => 0,
            Err(e) => handle_uncaught(&mut ctx, e),
        };
        drop(main);
        // Like CPython's `threading._shutdown`: wait for the non-daemon threads.
        let threads_done = dicts::get_text(&vm.core.modules, "threading").is_none()
            || crate::builtins::modules::threading::shutdown(&mut ctx);
        (status, threads_done)
    };
    let (status, threads_done) = status;
    crate::builtins::modules::write_stream(crate::builtins::modules::Stream::Stdout, "", true);
    if !threads_done {
        // Daemon threads are still running and may touch the VM: it must outlive them. The
        // process exits right after this returns, which stops them (as CPython does).
        std::mem::forget(vm);
        return status;
    }
    if options.stats {
        let mut stats = vm.backend.stats();
        stats.backend = vm.name();
        stats.refcount_ops = crate::object::live::rc_ops();
        eprintln!("{}", stats.to_json());
    }
    drop(vm);
    if options.check_leaks {
        let leaked = crate::object::live::live_objects() - baseline;
        if leaked != 0 {
            eprintln!("gillab: leak check failed: {leaked} objects still alive after teardown");
            return 3;
        }
    }
    status
}

/// Prints an uncaught exception (or handles `SystemExit`) and returns the exit status.
pub fn handle_uncaught<B: Backend>(ctx: &mut Ctx<'_, B>, e: PyErr<B>) -> i32 {
    let vm = ctx.vm;
    if ops::isinstance(vm, &e.0, &vm.core.exc.system_exit) {
        return system_exit_status(ctx, &e.0);
    }
    if ops::isinstance(vm, &e.0, &vm.core.exc.syntax_error) && syntax_error_text(&e.0).is_some() {
        if let Some(text) = syntax_error_text(&e.0) {
            crate::builtins::modules::write_stream(
                crate::builtins::modules::Stream::Stderr,
                &text,
                true,
            );
        }
        return 1;
    }
    let text = format_exception(ctx, &e.0);
    crate::builtins::modules::write_stream(crate::builtins::modules::Stream::Stdout, "", true);
    crate::builtins::modules::write_stream(crate::builtins::modules::Stream::Stderr, &text, true);
    1
}

/// Compile errors carry their fully rendered report as their single argument.
fn syntax_error_text<B: Backend>(e: &PyRef<B>) -> Option<String> {
    let Payload::Instance(i) = &e.payload else { return None };
    let st = i.exc.as_ref()?;
    let args = e.read(st, |s| s.args.clone());
    match &args.payload {
        Payload::Tuple(t) if t.len() == 1 => {
            let s = ops::as_str(&t[0])?;
            s.starts_with("  File \"").then(|| s.to_string())
        }
        _ => None,
    }
}

fn system_exit_status<B: Backend>(ctx: &mut Ctx<'_, B>, e: &PyRef<B>) -> i32 {
    let Payload::Instance(i) = &e.payload else { return 1 };
    let Some(st) = &i.exc else { return 1 };
    let args = e.read(st, |s| s.args.clone());
    let code = match &args.payload {
        Payload::Tuple(t) if t.len() == 1 => t[0].clone(),
        Payload::Tuple(t) if t.is_empty() => return 0,
        _ => args.clone(),
    };
    match &code.payload {
        Payload::None => 0,
        Payload::Int(n) => *n as i32,
        Payload::Bool(b) => *b as i32,
        _ => {
            let text = repr::str(ctx, &code).unwrap_or_default();
            crate::builtins::modules::write_stream(
                crate::builtins::modules::Stream::Stdout,
                "",
                true,
            );
            crate::builtins::modules::write_stream(
                crate::builtins::modules::Stream::Stderr,
                &format!("{text}\n"),
                true,
            );
            1
        }
    }
}

/// The full CPython-style report for an exception, with its cause/context chain.
///
/// The chain is walked in a loop, not by recursion: a program can build one as long as it
/// likes (CPython's recursive printer crashes on a long one).
pub fn format_exception<B: Backend>(ctx: &mut Ctx<'_, B>, exc: &PyRef<B>) -> String {
    // `links[i + 1]` is the cause or context of `links[i]`; each carries the line printed
    // between its own report and the next newer one.
    let mut links: Vec<(PyRef<B>, &str)> = vec![(exc.clone(), "")];
    let mut seen = std::collections::HashSet::from([exc.addr()]);
    while let Some((last, _)) = links.last() {
        let Payload::Instance(inst) = &last.payload else { break };
        let Some(st) = &inst.exc else { break };
        let (cause, context, suppress) =
            last.read(st, |s| (s.cause.clone(), s.context.clone(), s.suppress_context));
        let next = if let Some(c) = cause.filter(|c| !seen.contains(&c.addr())) {
            (c, "\nThe above exception was the direct cause of the following exception:\n\n")
        } else if let Some(c) = context.filter(|c| !suppress && !seen.contains(&c.addr())) {
            (c, "\nDuring handling of the above exception, another exception occurred:\n\n")
        } else {
            break;
        };
        seen.insert(next.0.addr());
        links.push(next);
    }
    let mut out = String::new();
    for (exc, separator) in links.iter().rev() {
        format_one(ctx, exc, &mut out);
        out.push_str(separator);
    }
    out
}

/// One exception's traceback and `Type: message` line.
fn format_one<B: Backend>(ctx: &mut Ctx<'_, B>, exc: &PyRef<B>, out: &mut String) {
    let Payload::Instance(inst) = &exc.payload else { return };
    let Some(st) = &inst.exc else { return };
    let tb = exc.read(st, |s| s.traceback.clone());
    if !tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        // As CPython: a run of identical entries prints three times, then a count.
        let mut last: Option<(&str, u32, &str)> = None;
        let mut repeats = 0usize;
        let flush = |out: &mut String, repeats: usize| {
            if repeats > 3 {
                let n = repeats - 3;
                out.push_str(&format!(
                    "  [Previous line repeated {n} more time{}]\n",
                    if n == 1 { "" } else { "s" }
                ));
            }
        };
        for entry in tb.iter().rev() {
            let key = (&*entry.code.filename, entry.line, entry.code.name.as_str());
            if last == Some(key) {
                repeats += 1;
                if repeats > 3 {
                    continue;
                }
            } else {
                flush(out, repeats);
                last = Some(key);
                repeats = 1;
            }
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                entry.code.filename, entry.line, entry.code.name
            ));
            if let Some(line) = ctx.vm.source_line(&entry.code.filename, entry.line)
                && !line.is_empty()
            {
                out.push_str(&format!("    {line}\n"));
            }
        }
        flush(out, repeats);
    }
    match crate::builtins::methods::syntax_error::report(ctx, exc) {
        Some(report) => out.push_str(&report),
        None => out.push_str(&exception_line(ctx, exc)),
    }
    out.push('\n');
}

/// `Type: message` (or just `Type`), with the module prefix for classes outside `__main__`.
pub fn exception_line<B: Backend>(ctx: &mut Ctx<'_, B>, exc: &PyRef<B>) -> String {
    let cls = ops::type_of(ctx.vm, exc);
    let name = match &cls.payload {
        Payload::Type(t) if t.module == "builtins" || t.module == "__main__" => t.qualname.clone(),
        Payload::Type(t) => format!("{}.{}", t.module, t.qualname),
        _ => "?".into(),
    };
    let msg = repr::str(ctx, exc).unwrap_or_else(|_| "<exception str() failed>".into());
    if msg.is_empty() { name } else { format!("{name}: {msg}") }
}
