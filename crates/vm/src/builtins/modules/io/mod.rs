//! The `io` module and the built-in `open()`.
//!
//! `open()` returns a native object whose class matches CPython's: `TextIOWrapper` for text,
//! `BufferedReader`/`BufferedWriter`/`BufferedRandom` for binary files, and `FileIO` for
//! unbuffered binary files (all in module `_io`). One Rust type, [`FileData`], backs all of
//! them; its [`Kind`] selects the class-specific error messages. The OS file and its buffers
//! are a `file::State` behind a `parking_lot` mutex; the mutex is taken without holding the
//! VM when it is contended (another thread may be blocked in an OS call while holding it), and
//! no Python code runs while it is held.
//!
//! `StringIO` and `BytesIO` (`memory.rs`, `bytesio.rs`) are in-memory streams whose state is
//! in the backend's cell of their native object.
//!
//! The classes live in a hidden `_io` module (registered in `sys.modules`), created when the
//! `builtins` namespace is built; `open` is bound to it, and `import io` copies its contents.

mod bytesio;
mod file;
mod memory;
mod methods;
mod open;

use crate::backend::Backend;
use crate::builtins::{NativeFn, add, add_property};
use crate::eval::imports::new_module;
use crate::object::{BuiltinFn, Layout, Payload, PyRef};
use crate::ops::dicts;
use crate::types::new_class;
use crate::vm::Vm;
use file::{BUFFER_SIZE, State, TextConfig};
use methods::*;
use parking_lot::Mutex;
use std::sync::atomic::AtomicBool;

/// Which class a file object is; decides the error messages, as they differ per class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `TextIOWrapper`.
    Text,
    /// `BufferedReader`.
    Reader,
    /// `BufferedWriter`.
    Writer,
    /// `BufferedRandom`.
    Random,
    /// `FileIO` (`buffering=0`).
    Raw,
}

/// The Rust value inside a file object returned by `open()`.
pub struct FileData<B: Backend> {
    state: Mutex<State>,
    /// Set by `close()`; read without taking the mutex (which a thread blocked in an OS call
    /// may hold).
    closed: AtomicBool,
    /// The OS file descriptor.
    fd: Option<i64>,
    /// Whether the file is a terminal.
    tty: bool,
    kind: Kind,
    readable: bool,
    writable: bool,
    seekable: bool,
    /// `f.name`: the path as given (`str` or `bytes`).
    name: PyRef<B>,
    /// `f.mode`.
    mode: String,
    text: Option<TextConfig>,
    /// `io.UnsupportedOperation`.
    unsupported: PyRef<B>,
}

// ---------------------------------------------------------------------------------------------
// The module.
// ---------------------------------------------------------------------------------------------

/// Fills a namespace: for `builtins`, creates the `_io` module (the classes) and adds `open`
/// and the `OSError` extras; for the `io` module, copies `_io`'s contents.
pub(crate) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    if ns.is(&vm.core.builtins) {
        super::os::install_errors(vm);
        let m = build(vm);
        if let Payload::Module(mo) = &m.payload
            && let Some(open) = dicts::get_text(&mo.dict, "open")
        {
            dicts::set_name(ns, vm.intern("open"), open);
        }
        dicts::set_name(&vm.core.modules, vm.intern("_io"), m);
        return;
    }
    let m = match dicts::get_text(&vm.core.modules, "_io") {
        Some(m) if matches!(m.payload, Payload::Module(_)) => m,
        _ => build(vm),
    };
    let Payload::Module(mo) = &m.payload else { return };
    let entries: Vec<(PyRef<B>, PyRef<B>)> = match &mo.dict.payload {
        Payload::Dict(d) => mo.dict.read(d, |t| {
            t.iter().filter_map(|e| e.value.clone().map(|v| (e.key.clone(), v))).collect()
        }),
        _ => Vec::new(),
    };
    for (k, v) in entries {
        if crate::ops::as_str(&k) != Some("__name__") {
            dicts::set_name(ns, k, v);
        }
    }
}

/// Creates the `_io` module: the classes, `open`, and the constants.
fn build<B: Backend>(vm: &Vm<B>) -> PyRef<B> {
    let m = new_module(vm, "_io");
    let Payload::Module(mo) = &m.payload else { return m };
    let ns = &mo.dict;
    let put = |name: &str, v: PyRef<B>| dicts::set_name(ns, vm.intern(name), v);
    let base = new_class::<B>("IOBase", "io", vm.core.object_type.clone(), Layout::Builtin);
    let methods: [(&'static str, NativeFn<B>); 21] = [
        ("__new__", f_new),
        ("read", f_read),
        ("readline", f_readline),
        ("readlines", f_readlines),
        ("write", f_write),
        ("writelines", f_writelines),
        ("flush", f_flush),
        ("close", f_close),
        ("seek", f_seek),
        ("tell", f_tell),
        ("truncate", f_truncate),
        ("readable", f_readable),
        ("writable", f_writable),
        ("seekable", f_seekable),
        ("fileno", f_fileno),
        ("isatty", f_isatty),
        ("__enter__", f_enter),
        ("__exit__", f_exit),
        ("__iter__", f_iter),
        ("__next__", f_next),
        ("__repr__", f_repr),
    ];
    for (name, f) in methods {
        add(vm, &base, name, f);
    }
    add_property(vm, &base, "closed", p_closed);
    add_property(vm, &base, "name", p_name);
    add_property(vm, &base, "mode", p_mode);
    let sub = |name: &str, module: &str, b: &PyRef<B>| {
        new_class::<B>(name, module, b.clone(), Layout::Builtin)
    };
    let raw_base = sub("RawIOBase", "io", &base);
    let buffered_base = sub("BufferedIOBase", "io", &base);
    let text_base = sub("TextIOBase", "io", &base);
    let text = sub("TextIOWrapper", "_io", &text_base);
    for (name, getter) in [
        ("encoding", p_encoding as NativeFn<B>),
        ("errors", p_errors),
        ("newlines", p_newlines),
        ("line_buffering", p_line_buffering),
    ] {
        add_property(vm, &text, name, getter);
    }
    put("IOBase", base);
    put("RawIOBase", raw_base.clone());
    put("TextIOBase", text_base.clone());
    put("FileIO", sub("FileIO", "_io", &raw_base));
    put("BufferedReader", sub("BufferedReader", "_io", &buffered_base));
    put("BufferedWriter", sub("BufferedWriter", "_io", &buffered_base));
    put("BufferedRandom", sub("BufferedRandom", "_io", &buffered_base));
    put("BufferedIOBase", buffered_base.clone());
    put("TextIOWrapper", text);
    put("StringIO", memory::string_io_class(vm, &text_base));
    put("BytesIO", bytesio::bytes_io_class(vm, &buffered_base));
    put(
        "UnsupportedOperation",
        new_class::<B>(
            "UnsupportedOperation",
            "io",
            vm.core.exc.os_error.clone(),
            Layout::Exception,
        ),
    );
    put("DEFAULT_BUFFER_SIZE", vm.int(BUFFER_SIZE as i64));
    put("SEEK_SET", vm.int(0));
    put("SEEK_CUR", vm.int(1));
    put("SEEK_END", vm.int(2));
    // `open` carries the module as its receiver, so it finds the classes without a global.
    let open = PyRef::new(Payload::Builtin(Box::new(BuiltinFn {
        name: "open",
        func: open::io_open,
        bound: Some(m.clone()),
        reads_frame: false,
    })));
    put("open", open);
    m
}
