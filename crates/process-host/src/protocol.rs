//! The wire protocol: one JSON object per line (NDJSON), parent → worker on the worker's
//! stdin, worker → parent on its stdout. Every message has a `"t"` tag.
//!
//! | direction | `t` | fields | meaning |
//! |---|---|---|---|
//! | parent → worker | `call` | `id`, `module`, `qualname`, `args`, `kwargs`, `mode`, `kind`, `name` | run a job |
//! | worker → parent | `ready` | | the module body ran; jobs may come |
//! | worker → parent | `boot_error` | `error` | the module body raised; the worker exits |
//! | worker → parent | `out` | `stream`, `text` | one whole line the job printed (or a last partial one) |
//! | worker → parent | `returned` | `id`, `value` | the job returned `value` |
//! | worker → parent | `raised` | `id`, `error` | the job raised |
//!
//! Closing the worker's stdin asks it to exit. Values are in the VM's tagged encoding
//! (`gillab_vm::builtins::modules::multiprocessing::wire`); an `error` carries the exception's
//! class by module and qualified name, its encoded args, `str(exc)` and the traceback text.

use gillab_vm::procs::{Call, CallMode, JobKind, RemoteError};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Parent → worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case", deny_unknown_fields)]
pub enum ToWorker {
    /// Run a job.
    Call {
        /// The job id, echoed in the answer.
        id: u64,
        /// The callable's module.
        module: String,
        /// The callable's qualified name (empty: do nothing).
        qualname: String,
        /// Positional arguments (a wire list).
        args: Value,
        /// Keyword arguments (an object of wire values).
        kwargs: Value,
        /// `single`, `map` or `starmap`.
        mode: Mode,
        /// `task`, `thread` or `process`.
        kind: Kind,
        /// The process name, for `kind: process`.
        #[serde(default)]
        name: String,
    },
}

/// Worker → parent.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case", deny_unknown_fields)]
pub enum FromWorker {
    /// The module body ran.
    Ready {},
    /// The module body raised; the worker exits.
    BootError {
        /// The exception.
        error: WireError,
    },
    /// Output of the running job: whole lines.
    Out {
        /// `stdout` or `stderr`.
        stream: StreamName,
        /// The text.
        text: String,
    },
    /// A job returned.
    Returned {
        /// The job.
        id: u64,
        /// Its value.
        value: Value,
    },
    /// A job raised.
    Raised {
        /// The job.
        id: u64,
        /// The exception.
        error: WireError,
    },
}

/// An output stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StreamName {
    /// Standard output.
    Stdout,
    /// Standard error.
    Stderr,
}

/// How the callable is applied ([`CallMode`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// `f(*args, **kwargs)`.
    Single,
    /// `[f(x) for x in args[0]]`.
    Map,
    /// `[f(*x) for x in args[0]]`.
    Starmap,
}

/// What the job is for ([`JobKind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A pool task.
    Task,
    /// A remote thread.
    Thread,
    /// A process target (the worker exits after it).
    Process,
}

/// An exception crossing the boundary ([`RemoteError`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireError {
    /// The class's module.
    pub module: String,
    /// The class's qualified name.
    pub qualname: String,
    /// Encoded `args`, if they could be encoded.
    pub args: Option<Value>,
    /// `str(exc)`.
    pub message: String,
    /// The traceback text.
    pub traceback: String,
}

impl From<RemoteError> for WireError {
    fn from(e: RemoteError) -> WireError {
        WireError {
            module: e.module,
            qualname: e.qualname,
            args: e.args,
            message: e.message,
            traceback: e.traceback,
        }
    }
}

impl From<WireError> for RemoteError {
    fn from(e: WireError) -> RemoteError {
        RemoteError {
            module: e.module,
            qualname: e.qualname,
            args: e.args,
            message: e.message,
            traceback: e.traceback,
        }
    }
}

impl ToWorker {
    /// The message for job `id`.
    pub fn call(id: u64, call: Call, kind: &JobKind) -> ToWorker {
        let (kind, name) = match kind {
            JobKind::Task => (Kind::Task, String::new()),
            JobKind::Thread => (Kind::Thread, String::new()),
            JobKind::Process { name } => (Kind::Process, name.clone()),
        };
        let mode = match call.mode {
            CallMode::Single => Mode::Single,
            CallMode::Map => Mode::Map,
            CallMode::Starmap => Mode::Starmap,
        };
        ToWorker::Call {
            id,
            module: call.module,
            qualname: call.qualname,
            args: call.args,
            kwargs: call.kwargs,
            mode,
            kind,
            name,
        }
    }

    /// Back to the job: `(id, call, kind)`.
    pub fn into_job(self) -> (u64, Call, JobKind) {
        let ToWorker::Call { id, module, qualname, args, kwargs, mode, kind, name } = self;
        let mode = match mode {
            Mode::Single => CallMode::Single,
            Mode::Map => CallMode::Map,
            Mode::Starmap => CallMode::Starmap,
        };
        let kind = match kind {
            Kind::Task => JobKind::Task,
            Kind::Thread => JobKind::Thread,
            Kind::Process => JobKind::Process { name },
        };
        (id, Call { module, qualname, args, kwargs, mode }, kind)
    }
}

/// One message as a line (with its newline).
pub fn encode<T: Serialize>(msg: &T) -> String {
    // Serialising these types cannot fail: every map key is a string.
    let mut line = serde_json::to_string(msg).unwrap_or_else(|_| "{}".into());
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn call_roundtrip_keeps_the_job() {
        let call = Call {
            module: "__main__".into(),
            qualname: "f".into(),
            args: serde_json::json!([1, {"tuple": [2.0, "x"]}]),
            kwargs: serde_json::json!({"k": null}),
            mode: CallMode::Starmap,
        };
        let line = encode(&ToWorker::call(7, call.clone(), &JobKind::Process { name: "P".into() }));
        assert!(line.ends_with('\n') && !line[..line.len() - 1].contains('\n'));
        let back: ToWorker = serde_json::from_str(&line).unwrap();
        assert_eq!(back.into_job(), (7, call, JobKind::Process { name: "P".into() }));
    }

    #[test]
    fn unknown_and_malformed_messages_are_rejected() {
        for bad in [
            "garbage",
            "{}",
            r#"{"t":"bogus"}"#,
            r#"{"t":"returned","id":"x","value":1}"#,
            r#"{"t":"ready","extra":1}"#,
        ] {
            assert!(serde_json::from_str::<FromWorker>(bad).is_err(), "{bad}");
        }
        assert!(matches!(
            serde_json::from_str::<FromWorker>(r#"{"t":"returned","id":3,"value":[1]}"#),
            Ok(FromWorker::Returned { id: 3, .. })
        ));
    }
}
