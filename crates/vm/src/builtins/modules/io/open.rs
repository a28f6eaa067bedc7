//! `open()`: argument checks in CPython's order, the OS open (with the VM released), and the
//! file object.

use super::file::{BUFFER_SIZE, Newline, State, TextConfig};
use super::{FileData, Kind};
use crate::backend::Backend;
use crate::builtins::Args;
use crate::builtins::methods::str::{Codec, lookup_codec, unknown_encoding};
use crate::builtins::methods::text::index_arg;
use crate::builtins::modules::os::{self, not_none, opt_str, params};
use crate::ctx::{Ctx, PyResult};
use crate::object::{NativeObj, Payload, PyRef};
use crate::ops::{dicts, is_true, type_name};
use parking_lot::Mutex;
use std::io::{Seek, SeekFrom};
use std::sync::atomic::AtomicBool;

/// `EISDIR` (the same number on Linux, macOS and the BSDs).
const EISDIR: i32 = 21;

/// `EBADF` (the same number on Linux, macOS and the BSDs).
const EBADF: i32 = 9;

/// What a mode string asks for.
#[derive(Default)]
struct Mode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_mode<B: Backend>(ctx: &Ctx<'_, B>, mode: &str) -> PyResult<B, Mode> {
    let mut m = Mode::default();
    let invalid = || ctx.value_error(format!("invalid mode: '{mode}'"));
    for (i, c) in mode.char_indices() {
        let flag = match c {
            'x' => &mut m.creating,
            'r' => &mut m.reading,
            'w' => &mut m.writing,
            'a' => &mut m.appending,
            '+' => &mut m.updating,
            't' => &mut m.text,
            'b' => &mut m.binary,
            _ => return Err(invalid()),
        };
        *flag = true;
        if mode[i + c.len_utf8()..].contains(c) {
            return Err(invalid());
        }
    }
    if m.text && m.binary {
        return Err(ctx.value_error("can't have text and binary mode at once"));
    }
    let n = [m.creating, m.reading, m.writing, m.appending].iter().filter(|&&b| b).count();
    if n > 1 {
        return Err(ctx.value_error("must have exactly one of create/read/write/append mode"));
    }
    Ok(m)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
/// opener=None)`; the receiver (first argument) is the `_io` module.
pub(super) fn io_open<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let vm = ctx.vm;
    let names = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];
    let p = params(ctx, &args, 1, "open", &names, 1)?;
    let Some(module) = args.args.first() else { return Err(ctx.type_error("open: no module")) };
    let Some(file) = p[0] else { return Err(ctx.type_error("open() missing argument")) };
    let mode_text = match p[1] {
        None => "r",
        Some(v) => match &v.payload {
            Payload::Str(s) => s.as_str(),
            _ => {
                return Err(ctx.type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    type_name(vm, v)
                )));
            }
        },
    };
    let buffering = match p[2] {
        Some(v) => index_arg(ctx, v)?,
        None => -1,
    };
    let encoding = opt_str(ctx, p[3], "open", "encoding")?;
    let errors = opt_str(ctx, p[4], "open", "errors")?;
    let newline = opt_str(ctx, p[5], "open", "newline")?;
    let closefd = match p[6] {
        Some(v) => is_true(ctx, v)?,
        None => true,
    };
    let m = parse_mode(ctx, mode_text)?;
    if m.binary {
        for (given, what) in [
            (encoding.is_some(), "an encoding"),
            (errors.is_some(), "an errors"),
            (newline.is_some(), "a newline"),
        ] {
            if given {
                return Err(ctx.value_error(format!("binary mode doesn't take {what} argument")));
            }
        }
    }
    let unsupported = module_attr(ctx, module, "UnsupportedOperation")?;
    let fd = match &file.payload {
        Payload::Int(i) => i32::try_from(*i).ok(),
        Payload::Bool(b) => Some(*b as i32),
        _ => None,
    };
    if let Some(fd) = fd {
        // CPython's FileIO checks these before anything else about a descriptor.
        if fd < 0 {
            return Err(ctx.value_error("negative file descriptor"));
        }
        let target = format!("/dev/fd/{fd}");
        if os::blocking(ctx, move || std::fs::metadata(target)).is_err() {
            let e = std::io::Error::from_raw_os_error(EBADF);
            return Err(os::os_error(ctx, &e, None, None));
        }
        // Wrapping a descriptor that another object may own (and close) would break Rust's
        // I/O safety, so an open descriptor is refused.
        return Err(ctx.err(&unsupported, "gil-lab: open() of a file descriptor is not supported"));
    }
    let path = os::fspath(ctx, file, None)?;
    if !(m.creating || m.reading || m.writing || m.appending) {
        return Err(ctx.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    if !closefd {
        return Err(ctx.value_error("Cannot use closefd=False with file name"));
    }
    if not_none(p[7]).is_some() {
        return Err(ctx.err(&unsupported, "gil-lab: open() does not support an opener"));
    }
    let readable = m.reading || m.updating;
    let writable = m.writing || m.appending || m.creating || m.updating;
    let mut opts = std::fs::OpenOptions::new();
    opts.read(readable)
        .write(writable && !m.appending)
        .append(m.appending)
        .truncate(m.writing)
        .create(m.writing || m.appending)
        .create_new(m.creating);
    let target = path.path.clone();
    let appending = m.appending;
    let opened = os::blocking(ctx, move || {
        let mut f = opts.open(&target)?;
        if f.metadata()?.is_dir() {
            return Err(std::io::Error::from_raw_os_error(EISDIR));
        }
        if appending {
            f.seek(SeekFrom::End(0))?;
        }
        let seekable = f.stream_position().is_ok();
        let tty = std::io::IsTerminal::is_terminal(&f);
        Ok((f, seekable, tty))
    });
    let (f, seekable, tty) = opened.map_err(|e| os::os_error(ctx, &e, Some(&path.obj), None))?;
    // As in CPython, these are checked once the file is open (a failure closes it again).
    let text = if m.binary {
        None
    } else {
        if buffering == 0 {
            return Err(ctx.value_error("can't have unbuffered text I/O"));
        }
        let nl = match newline {
            None => Newline::Universal,
            Some("") => Newline::Untranslated,
            Some("\n") => Newline::Lf,
            Some("\r") => Newline::Cr,
            Some("\r\n") => Newline::CrLf,
            Some(other) => return Err(ctx.value_error(format!("illegal newline value: {other}"))),
        };
        let codec = match encoding {
            None => Codec::Utf8,
            Some(e) => match lookup_codec(e) {
                Some(c @ (Codec::Utf8 | Codec::Ascii | Codec::Latin1)) => c,
                Some(_) => {
                    return Err(ctx.err(
                        &vm.core.exc.lookup_error,
                        format!("gil-lab: text files do not support the encoding '{e}'"),
                    ));
                }
                None => return Err(unknown_encoding(ctx, e)),
            },
        };
        Some(TextConfig {
            codec,
            encoding: encoding.unwrap_or("UTF-8").to_string(),
            errors: errors.unwrap_or("strict").to_string(),
            newline: nl,
            line_buffering: buffering == 1 || (buffering < 0 && tty),
        })
    };
    let kind = match (&text, buffering, m.updating, m.reading) {
        (Some(_), ..) => Kind::Text,
        (None, 0, ..) => Kind::Raw,
        (None, _, true, _) => Kind::Random,
        (None, _, false, true) => Kind::Reader,
        (None, ..) => Kind::Writer,
    };
    let mode = if text.is_some() {
        mode_text.to_string()
    } else {
        let plus = if readable && writable { "+" } else { "" };
        if m.creating {
            format!("xb{plus}")
        } else if m.appending {
            format!("ab{plus}")
        } else if readable {
            format!("rb{plus}")
        } else {
            "wb".to_string()
        }
    };
    let class_name = match kind {
        Kind::Text => "TextIOWrapper",
        Kind::Reader => "BufferedReader",
        Kind::Writer => "BufferedWriter",
        Kind::Random => "BufferedRandom",
        Kind::Raw => "FileIO",
    };
    let class = module_attr(ctx, module, class_name)?;
    let buffer_size = match (kind, buffering) {
        (Kind::Raw, _) => 0,
        (_, b) if b > 1 => b as usize,
        _ => BUFFER_SIZE,
    };
    let state = State::new(f, buffer_size);
    let data: FileData<B> = FileData {
        fd: state.fileno(),
        closed: AtomicBool::new(false),
        tty,
        state: Mutex::new(state),
        kind,
        readable,
        writable,
        seekable,
        name: path.obj,
        mode,
        text,
        unsupported,
    };
    Ok(PyRef::new(Payload::Native(Box::new(NativeObj { class, data: Box::new(data) }))))
}

/// An attribute of the `_io` module.
fn module_attr<B: Backend>(ctx: &Ctx<'_, B>, module: &PyRef<B>, name: &str) -> PyResult<B> {
    match &module.payload {
        Payload::Module(m) => dicts::get_text(&m.dict, name),
        _ => None,
    }
    .ok_or_else(|| ctx.runtime_error(format!("io: _io.{name} is missing")))
}
