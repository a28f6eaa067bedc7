//! `platform`: Python source (`python/platform.py`) over the native `_gillab_platform`,
//! which asks the OS: `uname()` through uname(2), and the C library's version (glibc's
//! `gnu_get_libc_version`).

use gillab_vm::Backend;
use gillab_vm::builtins::{Args, add};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Payload, PyRef};

const SOURCE: &str = include_str!("python/platform.py");

/// Fills `platform`.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    gillab_vm::eval::imports::exec_source(ctx, SOURCE, "<frozen platform>", module)
}

/// Fills `_gillab_platform`.
pub fn fill_native<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) {
    let Payload::Module(m) = &module.payload else { return };
    add(ctx.vm, &m.dict, "uname", uname);
    add(ctx.vm, &m.dict, "libc_version", libc_version);
}

/// A C string field of `utsname` as text.
#[cfg(unix)]
fn field(chars: &[libc::c_char]) -> String {
    let bytes: Vec<u8> = chars.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `uname()`: `(sysname, nodename, release, version, machine)`, or `OSError`.
fn uname<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "uname", 0, 0, &[])?;
    #[cfg(unix)]
    {
        // SAFETY: `utsname` is plain old data (arrays of C chars), for which all zeroes is
        // a valid value.
        let mut u: libc::utsname = unsafe { std::mem::zeroed() };
        // SAFETY: `u` is a valid, writable `utsname` that lives across the call.
        if unsafe { libc::uname(&mut u) } != 0 {
            let e = std::io::Error::last_os_error();
            return Err(ctx.err(&ctx.vm.core.exc.os_error, e.to_string()));
        }
        let vm = ctx.vm;
        let items = [&u.sysname[..], &u.nodename, &u.release, &u.version, &u.machine]
            .iter()
            .map(|f| vm.str(field(f)))
            .collect();
        Ok(vm.tuple(items))
    }
    #[cfg(not(unix))]
    {
        let vm = ctx.vm;
        let items = [std::env::consts::OS, "", "", "", std::env::consts::ARCH]
            .iter()
            .map(|s| vm.str(*s))
            .collect();
        Ok(vm.tuple(items))
    }
}

/// The version of the C library the process runs with (`"2.36"`), or `None` where it is not
/// glibc.
fn libc_version<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "libc_version", 0, 0, &[])?;
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: glibc returns a pointer to a static NUL-terminated string.
        let p = unsafe { libc::gnu_get_libc_version() };
        if !p.is_null() {
            // SAFETY: `p` is non-null and points to a NUL-terminated string that lives for
            // the whole process.
            let s = unsafe { std::ffi::CStr::from_ptr(p) };
            return Ok(ctx.vm.str(s.to_string_lossy().into_owned()));
        }
    }
    Ok(ctx.vm.core.none.clone())
}
