//! The worker side: `gillab worker [--thread-guard] PROGRAM [ARGS...]`.
//!
//! Reads [`ToWorker`] lines from stdin and writes [`FromWorker`] lines to stdout. The
//! interpreter's `sys.stdout`/`sys.stderr` are captured (the file descriptors carry the
//! protocol) and sent as `out` messages of whole lines, so the parent can print them without
//! interleaving inside a line. The interpreter is the VM's
//! [`worker_main`](gillab_vm::builtins::modules::multiprocessing::worker::worker_main) on the
//! `gil` backend.

use crate::protocol::{FromWorker, StreamName, ToWorker, WireError, encode};
use gillab_backend_gil::Gil;
use gillab_vm::VmOptions;
use gillab_vm::builtins::modules::multiprocessing::worker::{self, WorkerLink};
use gillab_vm::procs::{self, Call, JobKind, Outcome, RemoteError};
use parking_lot::Mutex;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::Arc;

/// What `gillab worker` was started with.
#[derive(Debug, Clone)]
pub struct WorkerArgs {
    /// The program (the same file as the parent's).
    pub program: PathBuf,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Interpreter options.
    pub options: VmOptions,
    /// Whether starting a thread during the module body is the bootstrapping error (the parent
    /// runs on the `shard` backend, where threads are processes).
    pub thread_guard: bool,
}

/// The protocol writer, shared by the output sink and the job answers.
struct Writer {
    out: Mutex<Pending>,
}

/// Output not yet sent: the unfinished last line of each stream.
struct Pending {
    stdout: String,
    stderr: String,
}

impl Pending {
    /// Sends whatever is left of unfinished lines.
    fn flush_partial(&mut self) {
        let Pending { stdout, stderr } = self;
        for (buf, stream) in [(stdout, StreamName::Stdout), (stderr, StreamName::Stderr)] {
            if !buf.is_empty() {
                let text = std::mem::take(buf);
                Writer::send_locked(&FromWorker::Out { stream, text });
            }
        }
    }
}

impl Writer {
    fn send_locked(msg: &FromWorker) {
        let line = encode(msg);
        let mut out = std::io::stdout().lock();
        // A write error means the parent is gone; the next read of stdin ends the worker.
        let _ = out.write_all(line.as_bytes());
        let _ = out.flush();
    }

    /// Buffers `text` and sends every completed line.
    fn output(&self, is_stderr: bool, text: &str) {
        let mut p = self.out.lock();
        let (buf, stream) = if is_stderr {
            (&mut p.stderr, StreamName::Stderr)
        } else {
            (&mut p.stdout, StreamName::Stdout)
        };
        buf.push_str(text);
        if let Some(end) = buf.rfind('\n') {
            let rest = buf.split_off(end + 1);
            let lines = std::mem::replace(buf, rest);
            for line in lines.split_inclusive('\n') {
                Writer::send_locked(&FromWorker::Out { stream, text: line.to_string() });
            }
        }
    }

    /// Sends any unfinished lines, then `msg`.
    fn send(&self, msg: &FromWorker) {
        let mut p = self.out.lock();
        p.flush_partial();
        Writer::send_locked(msg);
    }
}

struct StdioLink {
    writer: Arc<Writer>,
}

impl WorkerLink for StdioLink {
    fn next_job(&self) -> Option<(u64, Call, JobKind)> {
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => match serde_json::from_str::<ToWorker>(&line) {
                Ok(msg) => Some(msg.into_job()),
                Err(e) => {
                    eprintln!("gillab worker: malformed message from the parent: {e}");
                    None
                }
            },
        }
    }

    fn ready(&self) {
        self.writer.send(&FromWorker::Ready {});
    }

    fn boot_failed(&self, error: RemoteError) {
        self.writer.send(&FromWorker::BootError { error: WireError::from(error) });
    }

    fn done(&self, id: u64, outcome: Outcome) {
        let msg = match outcome {
            Outcome::Returned(value) => FromWorker::Returned { id, value },
            Outcome::Raised(e) => FromWorker::Raised { id, error: WireError::from(e) },
            // The worker itself never loses a job; report it as an exception if it ever did.
            Outcome::Lost(message) => FromWorker::Raised {
                id,
                error: WireError {
                    module: "builtins".into(),
                    qualname: "RuntimeError".into(),
                    args: None,
                    traceback: format!("RuntimeError: {message}\n"),
                    message,
                },
            },
        };
        self.writer.send(&msg);
    }
}

/// Runs a worker process to completion and returns its exit status.
pub fn worker_main(args: WorkerArgs) -> i32 {
    let writer = Arc::new(Writer {
        out: Mutex::new(Pending { stdout: String::new(), stderr: String::new() }),
    });
    let sink = writer.clone();
    procs::set_output_sink(Box::new(move |is_stderr, text| sink.output(is_stderr, text)));
    procs::set_thread_guard(args.thread_guard);
    let link = StdioLink { writer: writer.clone() };
    // The interpreter runs on a thread whose stack fits the recursion limit.
    let handle = std::thread::Builder::new()
        .name("MainThread".into())
        .stack_size(gillab_vm::THREAD_STACK_SIZE)
        .spawn(move || {
            let status = worker::worker_main::<Gil>(&args.program, args.argv, args.options, &link);
            link.writer.output(false, "");
            status
        });
    let status = match handle.map(|h| h.join()) {
        Ok(Ok(status)) => status,
        _ => 70,
    };
    // Whatever is left of an unfinished line goes out before the process ends.
    writer.out.lock().flush_partial();
    status
}
