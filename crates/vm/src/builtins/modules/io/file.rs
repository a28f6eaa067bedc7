//! The Rust side of a file object: the OS file with its read-ahead and write buffers (the
//! `Buffered*` layer) and, for text files, the decoding layer (`TextIOWrapper`).
//!
//! All of it lives behind one mutex in the native object. Every OS call (read, write, seek,
//! flush, close, truncate) runs inside `Ctx::allow_threads` and its closure captures only this
//! Rust state (the `File` and byte buffers), never an object (docs/safety.md, I1); decoding and
//! building results happen while attached. Dropping the state flushes pending writes and
//! closes the file.
//! The text layer is in `file/text.rs`.

mod text;

use crate::backend::Backend;
use crate::builtins::methods::str::Codec;
use crate::builtins::modules::os::{blocking, os_error};
use crate::ctx::{Ctx, PyResult};
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
pub(crate) use text::newlines_tuple;

/// CPython's `io.DEFAULT_BUFFER_SIZE`.
pub(crate) const BUFFER_SIZE: usize = 8192;

/// The most one OS read asks for.
const MAX_CHUNK: usize = 1 << 20;

/// `EINVAL` (the same number on Linux, macOS and the BSDs).
const EINVAL: i32 = 22;

/// The `newline` argument of a text file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Newline {
    /// `None`: any of `\n`, `\r`, `\r\n` ends a line and reads as `\n`; writes use `\n`.
    Universal,
    /// `''`: lines end as in universal mode, nothing is translated.
    Untranslated,
    /// `'\n'`.
    Lf,
    /// `'\r'`: lines end at `\r`; `\n` is written as `\r`.
    Cr,
    /// `'\r\n'`: lines end at `\r\n`; `\n` is written as `\r\n`.
    CrLf,
}

/// A text file's fixed settings.
pub(crate) struct TextConfig {
    /// The codec.
    pub codec: Codec,
    /// `f.encoding` as given (`UTF-8` by default).
    pub encoding: String,
    /// `f.errors`.
    pub errors: String,
    /// The newline mode.
    pub newline: Newline,
    /// Flush after each write that contains a newline.
    pub line_buffering: bool,
}

/// The mutable state of one open (or closed) file.
pub(crate) struct State {
    /// The OS file; `None` once closed.
    file: Option<File>,
    /// Read-ahead (binary files); `rbuf[rpos..]` has not been consumed.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Bytes written but not yet given to the OS.
    wbuf: Vec<u8>,
    /// Write buffer size; 0 writes straight through (`FileIO`).
    buffer_size: usize,
    /// Text layer: decoded text, consumed up to `dpos`.
    decoded: String,
    dpos: usize,
    /// Text layer: raw bytes not decoded yet.
    held: Vec<u8>,
    /// Line endings seen (`SEEN_*` bits).
    seen: u8,
}

/// Reads up to `n` more bytes onto the end of `buf`; the number read (0 at end of file).
fn read_more(file: &mut File, buf: &mut Vec<u8>, n: usize) -> io::Result<usize> {
    let old = buf.len();
    buf.resize(old + n, 0);
    loop {
        match file.read(&mut buf[old..]) {
            Ok(k) => {
                buf.truncate(old + k);
                return Ok(k);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                buf.truncate(old);
                return Err(e);
            }
        }
    }
}

impl State {
    /// The state of a newly opened file; `buffer_size` 0 means unbuffered writes.
    pub(crate) fn new(file: File, buffer_size: usize) -> State {
        State {
            file: Some(file),
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
            buffer_size,
            decoded: String::new(),
            dpos: 0,
            held: Vec::new(),
            seen: 0,
        }
    }

    /// Whether the file was closed.
    pub(crate) fn is_closed(&self) -> bool {
        self.file.is_none()
    }

    fn closed_error<B: Backend>(ctx: &Ctx<'_, B>) -> crate::ctx::PyErr<B> {
        ctx.value_error("I/O operation on closed file.")
    }

    /// Runs a blocking operation on the OS file with the VM released.
    fn os<B: Backend, R>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        f: impl FnOnce(&mut File) -> io::Result<R>,
    ) -> PyResult<B, R> {
        let Some(file) = self.file.as_mut() else { return Err(Self::closed_error(ctx)) };
        blocking(ctx, || f(file)).map_err(|e| os_error(ctx, &e, None, None))
    }

    // -----------------------------------------------------------------------------------------
    // The binary layer.

    /// Gives pending writes to the OS.
    pub(crate) fn flush_writes<B: Backend>(&mut self, ctx: &mut Ctx<'_, B>) -> PyResult<B, ()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let buf = std::mem::take(&mut self.wbuf);
        self.os(ctx, |f| f.write_all(&buf))
    }

    /// Drops the read-ahead, moving the OS position back to the logical position.
    fn drop_read_ahead<B: Backend>(&mut self, ctx: &mut Ctx<'_, B>) -> PyResult<B, ()> {
        let ahead = (self.rbuf.len() - self.rpos) as i64;
        if ahead > 0 {
            self.os(ctx, |f| f.seek(SeekFrom::Current(-ahead)))?;
        }
        self.rbuf.clear();
        self.rpos = 0;
        Ok(())
    }

    /// Reads one more chunk into the read-ahead (which is compacted first if consumed);
    /// `false` at end of file.
    fn fill<B: Backend>(&mut self, ctx: &mut Ctx<'_, B>) -> PyResult<B, bool> {
        if self.rpos == self.rbuf.len() {
            self.rbuf.clear();
            self.rpos = 0;
        }
        let Some(file) = self.file.as_mut() else { return Err(Self::closed_error(ctx)) };
        let buf = &mut self.rbuf;
        let n = blocking(ctx, || read_more(file, buf, BUFFER_SIZE))
            .map_err(|e| os_error(ctx, &e, None, None))?;
        Ok(n > 0)
    }

    /// Takes `n` bytes of read-ahead.
    fn take(&mut self, n: usize) -> Vec<u8> {
        let out = self.rbuf[self.rpos..self.rpos + n].to_vec();
        self.rpos += n;
        out
    }

    /// `read(n)` (`None`: to end of file). Buffered files read until `n` bytes or end of file;
    /// unbuffered ones make one OS read.
    pub(crate) fn read<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        n: Option<usize>,
    ) -> PyResult<B, Vec<u8>> {
        self.flush_writes(ctx)?;
        let avail = self.rbuf.len() - self.rpos;
        let Some(n) = n else {
            let mut out = self.take(avail);
            self.os(ctx, |f| f.read_to_end(&mut out))?;
            return Ok(out);
        };
        if avail >= n {
            return Ok(self.take(n));
        }
        let mut out = self.take(avail);
        let unbuffered = self.buffer_size == 0;
        if unbuffered && !out.is_empty() {
            return Ok(out);
        }
        while out.len() < n {
            let want = n - out.len();
            if unbuffered || want >= BUFFER_SIZE {
                // In pieces, so a huge `n` allocates only what the file holds.
                let k = self.os(ctx, |f| read_more(f, &mut out, want.min(MAX_CHUNK)))?;
                if k == 0 || unbuffered {
                    break;
                }
            } else {
                if !self.fill(ctx)? {
                    break;
                }
                let k = want.min(self.rbuf.len() - self.rpos);
                out.extend_from_slice(&self.rbuf[self.rpos..self.rpos + k]);
                self.rpos += k;
            }
        }
        Ok(out)
    }

    /// `readline(limit)` on bytes.
    pub(crate) fn readline<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        limit: Option<usize>,
    ) -> PyResult<B, Vec<u8>> {
        self.flush_writes(ctx)?;
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let mut scanned = 0;
        loop {
            let end = limit.map_or(self.rbuf.len(), |l| l.min(self.rbuf.len()));
            if let Some(i) = self.rbuf[scanned..end].iter().position(|&b| b == b'\n') {
                return Ok(self.take(scanned + i + 1));
            }
            if limit.is_some_and(|l| l <= self.rbuf.len()) {
                return Ok(self.take(end));
            }
            scanned = end;
            if !self.fill(ctx)? {
                return Ok(self.take(self.rbuf.len()));
            }
        }
    }

    /// `write(data)`: buffered, or straight to the OS when unbuffered or large.
    pub(crate) fn write<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        data: Vec<u8>,
    ) -> PyResult<B, usize> {
        if !self.rbuf.is_empty() {
            self.drop_read_ahead(ctx)?;
        }
        let n = data.len();
        if self.buffer_size == 0 || n >= self.buffer_size {
            self.flush_writes(ctx)?;
            self.os(ctx, |f| f.write_all(&data))?;
        } else {
            self.wbuf.extend_from_slice(&data);
            if self.wbuf.len() >= self.buffer_size {
                self.flush_writes(ctx)?;
            }
        }
        Ok(n)
    }

    /// `tell()` on bytes: the OS position corrected for buffered data.
    pub(crate) fn tell<B: Backend>(&mut self, ctx: &mut Ctx<'_, B>) -> PyResult<B, u64> {
        let pos = self.os(ctx, |f| f.stream_position())?;
        let ahead = (self.rbuf.len() - self.rpos) as u64;
        Ok(pos.saturating_sub(ahead) + self.wbuf.len() as u64)
    }

    /// `seek(offset, whence)` on bytes; the new absolute position.
    pub(crate) fn seek<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        offset: i64,
        whence: u8,
    ) -> PyResult<B, u64> {
        self.flush_writes(ctx)?;
        let ahead = (self.rbuf.len() - self.rpos) as i64;
        let to = match whence {
            0 => match u64::try_from(offset) {
                Ok(o) => SeekFrom::Start(o),
                Err(_) => {
                    return Err(os_error(ctx, &io::Error::from_raw_os_error(EINVAL), None, None));
                }
            },
            1 => SeekFrom::Current(offset.saturating_sub(ahead)),
            _ => SeekFrom::End(offset),
        };
        let pos = self.os(ctx, |f| f.seek(to))?;
        self.rbuf.clear();
        self.rpos = 0;
        Ok(pos)
    }

    /// `truncate(size)` (default: the current position); the position does not move.
    pub(crate) fn truncate<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        size: Option<u64>,
    ) -> PyResult<B, u64> {
        self.flush_writes(ctx)?;
        self.drop_read_ahead(ctx)?;
        let size = match size {
            Some(s) => s,
            None => self.tell(ctx)?,
        };
        self.os(ctx, |f| f.set_len(size))?;
        Ok(size)
    }

    /// `flush()`.
    pub(crate) fn flush<B: Backend>(&mut self, ctx: &mut Ctx<'_, B>) -> PyResult<B, ()> {
        self.flush_writes(ctx)
    }

    /// `close()`: flushes, then closes the OS file even if flushing failed (whose error is
    /// then raised). Closing a closed file does nothing.
    pub(crate) fn close<B: Backend>(&mut self, ctx: &mut Ctx<'_, B>) -> PyResult<B, ()> {
        if self.file.is_none() {
            return Ok(());
        }
        let flushed = self.flush_writes(ctx);
        let file = self.file.take();
        self.wbuf.clear();
        self.rbuf.clear();
        self.rpos = 0;
        self.clear_text();
        ctx.allow_threads(move || drop(file));
        flushed
    }

    /// The OS file descriptor.
    pub(crate) fn fileno(&self) -> Option<i64> {
        #[cfg(unix)]
        {
            use std::os::fd::AsRawFd;
            self.file.as_ref().map(|f| f.as_raw_fd() as i64)
        }
        #[cfg(not(unix))]
        {
            None
        }
    }
}

impl Drop for State {
    fn drop(&mut self) {
        // A file dropped while open (garbage-collected): write out what is buffered, then the
        // `File` closes itself. Errors have nowhere to go, as in CPython's finalizer.
        if let Some(f) = self.file.as_mut()
            && !self.wbuf.is_empty()
        {
            let _ = f.write_all(&self.wbuf);
        }
    }
}
