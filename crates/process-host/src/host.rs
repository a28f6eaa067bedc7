//! The parent side: [`Host`] starts workers (this same executable with the hidden `worker`
//! subcommand), hands them jobs, and turns what comes back into job results.
//!
//! One mutex guards all bookkeeping (workers, pools, jobs) and one condition variable
//! announces every change; jobs are coarse, so this is never the bottleneck. Each worker has a
//! reader thread that owns its stdout: it parses one line at a time, forwards `out` lines whole
//! to the parent's own streams, records results, and on end of file reaps the child (so no
//! zombie is left) and fails whatever the worker still owed with a message naming the worker
//! and its exit status or signal. A line that is not a valid message, or an answer to a job
//! the worker was not running, gets the worker killed: its job fails at once (within a
//! second), results already received are kept.
//!
//! A pool sends a worker one job at a time, so at most one job message sits in a worker's
//! stdin pipe; remote threads use a pool that grows by one worker whenever no idle worker is
//! left; a `Process` is a one-worker pool whose worker exits after its job.

use crate::protocol::{FromWorker, StreamName, ToWorker, encode};
use gillab_vm::builtins::modules::multiprocessing::shm;
use gillab_vm::procs::{Call, JobKind, JobResult, Outcome, ProcessHost, RemoteError};
use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
// parking_lot rather than std: its lock is compiled with the rest of the crate graph, so
// ThreadSanitizer (`.ci/tsan`) sees its synchronisation; std's prebuilt futex lock it does not.
use parking_lot::{Condvar, Mutex, MutexGuard};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

/// Longest line accepted from a worker (a longer one is a protocol violation).
const MAX_LINE: u64 = 256 << 20;

/// What a pool is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PoolKind {
    /// `multiprocessing.Pool`.
    Pool,
    /// The shard backend's remote threads (grows on demand).
    Threads,
    /// One `multiprocessing.Process`; `true` for a daemonic one (killed at exit).
    Process { daemon: bool },
}

struct WorkerSlot {
    name: String,
    pid: u32,
    pool: u64,
    child: Option<Child>,
    stdin: Option<ChildStdin>,
    ready: bool,
    busy: Option<u64>,
    /// Why the worker was killed for breaking the protocol.
    fault: Option<String>,
    /// Exit code (negative: signal) once reaped.
    exit_code: Option<i32>,
}

impl WorkerSlot {
    fn alive(&self) -> bool {
        self.exit_code.is_none() && self.fault.is_none()
    }
}

struct PoolSlot {
    kind: PoolKind,
    workers: Vec<u64>,
    queue: VecDeque<u64>,
    closed: bool,
    boot_error: Option<RemoteError>,
    /// A worker of this pool has run the module body without error.
    booted: bool,
    /// How the last worker that died went, for jobs left with no worker.
    last_death: Option<String>,
}

struct JobSlot {
    line: Option<String>,
    result: Option<JobResult>,
    assigned: bool,
    /// Nobody waits for it (a process's job): dropped when it ends.
    discard: bool,
}

#[derive(Default)]
struct Inner {
    next_id: u64,
    workers: HashMap<u64, WorkerSlot>,
    pools: HashMap<u64, PoolSlot>,
    jobs: HashMap<u64, JobSlot>,
    thread_pool: Option<u64>,
    readers: Vec<std::thread::JoinHandle<()>>,
    /// The interpreter has exited: workers still busy are killed, and their jobs, which
    /// nobody can wait for any more, are left unanswered (a daemon thread's stand-in stays
    /// blocked instead of reporting a lost worker while the process exits).
    closing: bool,
}

impl Inner {
    fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    fn finish(&mut self, job: u64, result: JobResult) {
        if let Some(j) = self.jobs.get_mut(&job) {
            if j.discard {
                self.jobs.remove(&job);
            } else if j.result.is_none() {
                j.result = Some(result);
                j.line = None;
            }
        }
    }

    /// Sends queued jobs to idle workers of `pool`; fails them if no worker can run them; asks
    /// idle workers of a closed, drained pool to exit.
    fn dispatch(&mut self, pool: u64) {
        let Some(p) = self.pools.get_mut(&pool) else { return };
        if let Some(err) = p.boot_error.clone() {
            let queued: Vec<u64> = p.queue.drain(..).collect();
            for job in queued {
                self.finish(
                    job,
                    JobResult { worker: "worker".into(), outcome: Outcome::Raised(err.clone()) },
                );
            }
        }
        let Some(p) = self.pools.get_mut(&pool) else { return };
        let workers = p.workers.clone();
        for w in &workers {
            let Some(p) = self.pools.get_mut(&pool) else { return };
            let Some(slot) = self.workers.get_mut(w) else { continue };
            if !(slot.alive() && slot.ready && slot.busy.is_none()) {
                continue;
            }
            let Some(job) = p.queue.pop_front() else { break };
            let line = self.jobs.get_mut(&job).and_then(|j| {
                j.assigned = true;
                j.line.take()
            });
            slot.busy = Some(job);
            if let (Some(stdin), Some(line)) = (&mut slot.stdin, line) {
                // A failed write means the worker is exiting; its reader fails the job at EOF.
                let _ = stdin.write_all(line.as_bytes()).and_then(|()| stdin.flush());
            }
        }
        let Some(p) = self.pools.get_mut(&pool) else { return };
        let live = p.workers.iter().any(|w| self.workers.get(w).is_some_and(|s| s.alive()));
        if !live && !p.queue.is_empty() {
            let why = p.last_death.clone().unwrap_or_else(|| "the pool has no workers".into());
            let queued: Vec<u64> = p.queue.drain(..).collect();
            for job in queued {
                self.finish(
                    job,
                    JobResult {
                        worker: "pool".into(),
                        outcome: Outcome::Lost(format!("no worker left to run the job: {why}")),
                    },
                );
            }
        }
        let Some(p) = self.pools.get_mut(&pool) else { return };
        if p.closed && p.queue.is_empty() {
            for w in &p.workers {
                if let Some(slot) = self.workers.get_mut(w)
                    && slot.busy.is_none()
                {
                    slot.stdin = None;
                }
            }
        }
    }
}

/// The parent side of multi-process execution (see the module docs).
pub struct Host {
    me: Weak<Host>,
    exe: PathBuf,
    program: PathBuf,
    argv: Vec<String>,
    worker_flags: Vec<String>,
    inner: Mutex<Inner>,
    cv: Condvar,
}

impl Host {
    /// A host whose workers run `program` with `sys.argv == argv`. `worker_flags` are extra
    /// `gillab worker` options (`--thread-guard`, `--switch-interval X`).
    pub fn new(program: PathBuf, argv: Vec<String>, worker_flags: Vec<String>) -> Arc<Host> {
        let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("gillab"));
        Arc::new_cyclic(|me| Host {
            me: me.clone(),
            exe,
            program,
            argv,
            worker_flags,
            inner: Mutex::new(Inner::default()),
            cv: Condvar::new(),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock()
    }

    /// Waits (releasing the lock) until `f` gives a value or the deadline passes.
    fn wait_until<'a, T>(
        &'a self,
        mut g: MutexGuard<'a, Inner>,
        deadline: Option<Instant>,
        mut f: impl FnMut(&mut Inner) -> Option<T>,
    ) -> (MutexGuard<'a, Inner>, Option<T>) {
        loop {
            if let Some(v) = f(&mut g) {
                return (g, Some(v));
            }
            match deadline {
                None => self.cv.wait(&mut g),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return (g, None);
                    }
                    let _ = self.cv.wait_for(&mut g, d - now);
                }
            }
        }
    }

    fn new_pool(inner: &mut Inner, kind: PoolKind) -> u64 {
        let id = inner.id();
        inner.pools.insert(
            id,
            PoolSlot {
                kind,
                workers: Vec::new(),
                queue: VecDeque::new(),
                closed: false,
                boot_error: None,
                booted: false,
                last_death: None,
            },
        );
        id
    }

    /// Starts a worker for `pool` and its reader thread.
    fn spawn_worker(&self, inner: &mut Inner, pool: u64) -> Result<u64, String> {
        let mut child = Command::new(&self.exe)
            .arg("worker")
            .env("GILLAB_ROOT_PID", shm::root_pid().to_string())
            .args(&self.worker_flags)
            .arg("--")
            .arg(&self.program)
            .args(self.argv.iter().skip(1))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start a worker process ({}): {e}", self.exe.display()))?;
        let id = inner.id();
        let pid = child.id();
        let name = format!("worker-{id} (pid {pid})");
        let stdout = child.stdout.take();
        let stdin = child.stdin.take();
        inner.workers.insert(
            id,
            WorkerSlot {
                name,
                pid,
                pool,
                child: Some(child),
                stdin,
                ready: false,
                busy: None,
                fault: None,
                exit_code: None,
            },
        );
        if let Some(p) = inner.pools.get_mut(&pool) {
            p.workers.push(id);
        }
        let me = self.me.clone();
        let reader =
            std::thread::Builder::new().name(format!("shard-reader-{id}")).spawn(move || {
                if let (Some(host), Some(out)) = (me.upgrade(), stdout) {
                    host.read_worker(id, out);
                }
            });
        match reader {
            Ok(h) => inner.readers.push(h),
            Err(e) => {
                self.kill(inner, id);
                return Err(format!("cannot start a reader thread: {e}"));
            }
        }
        Ok(id)
    }

    fn kill(&self, inner: &mut Inner, worker: u64) {
        if let Some(slot) = inner.workers.get_mut(&worker) {
            if let Some(c) = slot.child.as_mut() {
                // The child is not reaped yet (its reader takes it out of the slot first), so
                // the pid is still this worker's.
                let _ = c.kill();
            }
            // Closed after the signal: an idle worker that saw end of file on its stdin first
            // would exit with status 0 before the signal, and its fault would read "exited".
            slot.stdin = None;
        }
    }

    /// The reader thread of one worker.
    fn read_worker(&self, id: u64, out: impl Read) {
        let mut reader = BufReader::new(out);
        let mut line = Vec::new();
        loop {
            line.clear();
            match (&mut reader).take(MAX_LINE).read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            if !line.ends_with(b"\n") && line.len() as u64 >= MAX_LINE {
                self.fault(id, "sent a line longer than the protocol allows".into());
                break;
            }
            let parsed = std::str::from_utf8(&line)
                .ok()
                .and_then(|s| serde_json::from_str::<FromWorker>(s).ok());
            match parsed {
                Some(msg) => self.on_message(id, msg),
                None => {
                    let shown: String =
                        String::from_utf8_lossy(&line).trim_end().chars().take(60).collect();
                    self.fault(id, format!("sent a malformed or unknown message ({shown:?})"));
                }
            }
        }
        self.reap(id);
    }

    fn fault(&self, id: u64, why: String) {
        let mut g = self.lock();
        if let Some(slot) = g.workers.get_mut(&id)
            && slot.fault.is_none()
        {
            slot.fault = Some(why);
        }
        self.kill(&mut g, id);
    }

    fn on_message(&self, id: u64, msg: FromWorker) {
        if let FromWorker::Out { stream, text } = &msg {
            let stream = match stream {
                StreamName::Stdout => gillab_vm::builtins::modules::Stream::Stdout,
                StreamName::Stderr => gillab_vm::builtins::modules::Stream::Stderr,
            };
            gillab_vm::builtins::modules::write_stream(stream, text, true);
            return;
        }
        let mut g = self.lock();
        let Some(slot) = g.workers.get_mut(&id) else { return };
        if slot.fault.is_some() {
            return;
        }
        let worker = slot.name.clone();
        let pool = slot.pool;
        match msg {
            FromWorker::Out { .. } => {}
            FromWorker::Ready {} if !slot.ready => {
                slot.ready = true;
                if let Some(p) = g.pools.get_mut(&pool) {
                    p.booted = true;
                }
            }
            FromWorker::BootError { error } if !slot.ready => {
                slot.ready = true;
                let error = RemoteError::from(error);
                if let Some(p) = g.pools.get_mut(&pool) {
                    if matches!(p.kind, PoolKind::Process { .. }) {
                        // As CPython's child does, the traceback goes to stderr; exit code 1.
                        gillab_vm::builtins::modules::write_stream(
                            gillab_vm::builtins::modules::Stream::Stderr,
                            &error.traceback,
                            true,
                        );
                    }
                    p.boot_error = Some(error);
                }
            }
            FromWorker::Returned { id: job, value } if slot.busy == Some(job) => {
                slot.busy = None;
                g.finish(job, JobResult { worker, outcome: Outcome::Returned(value) });
            }
            FromWorker::Raised { id: job, error } if slot.busy == Some(job) => {
                slot.busy = None;
                g.finish(job, JobResult { worker, outcome: Outcome::Raised(error.into()) });
            }
            other => {
                let what = match other {
                    FromWorker::Ready {} | FromWorker::BootError { .. } => {
                        "a second start-up message"
                    }
                    _ => "an answer to a job it was not running",
                };
                slot.fault = Some(format!("sent {what}"));
                self.kill(&mut g, id);
            }
        }
        g.dispatch(pool);
        drop(g);
        self.cv.notify_all();
    }

    /// After end of file on a worker's stdout: reap it and fail what it owed.
    fn reap(&self, id: u64) {
        let child = self.lock().workers.get_mut(&id).and_then(|s| s.child.take());
        let status = child.and_then(reap_child);
        let mut g = self.lock();
        let g_closing = g.closing;
        let Some(slot) = g.workers.get_mut(&id) else { return };
        let (code, how) = describe(status);
        slot.exit_code = Some(code);
        slot.stdin = None;
        let how = match &slot.fault {
            Some(f) => format!("{} {f}; then it {how}", slot.name),
            None => format!("{} {how}", slot.name),
        };
        let busy = slot.busy.take().filter(|_| !g_closing);
        let started = slot.ready;
        let pool = slot.pool;
        let worker = slot.name.clone();
        if let Some(job) = busy {
            let msg = format!("{how} while running a job");
            g.finish(job, JobResult { worker, outcome: Outcome::Lost(msg) });
        }
        if let Some(p) = g.pools.get_mut(&pool) {
            let when = if started { "" } else { " during start-up" };
            p.last_death = Some(format!("{how}{when}"));
        }
        g.dispatch(pool);
        drop(g);
        self.cv.notify_all();
    }

    /// Ends every worker at interpreter exit, as CPython's `multiprocessing.util._exit_function`
    /// does: daemonic processes are killed at once, the other processes are waited for
    /// (CPython joins non-daemonic children at exit); then idle workers are asked to exit, and
    /// busy pool and thread workers are killed after a grace second. Every child is reaped
    /// before this returns.
    pub fn shutdown(&self) {
        let mut g = self.lock();
        g.closing = true;
        let process_pools: Vec<(u64, bool)> = g
            .pools
            .iter()
            .filter_map(|(id, p)| match p.kind {
                PoolKind::Process { daemon } => Some((*id, daemon)),
                _ => None,
            })
            .collect();
        // Idle workers are asked to exit; not a process's, which may still be starting up and
        // is sent its job once ready (it exits by itself after that job).
        for slot in g.workers.values_mut() {
            if slot.busy.is_none() && !process_pools.iter().any(|(p, _)| *p == slot.pool) {
                slot.stdin = None;
            }
        }
        let grace = Instant::now() + Duration::from_secs(1);
        let processes: Vec<(u64, bool)> = g
            .workers
            .iter()
            .filter_map(|(id, s)| {
                process_pools.iter().find(|(p, _)| *p == s.pool).map(|(_, d)| (*id, *d))
            })
            .collect();
        for (id, daemon) in &processes {
            if *daemon {
                self.kill(&mut g, *id);
            }
        }
        let processes: Vec<u64> = processes.into_iter().map(|(id, _)| id).collect();
        let (g, _) = self.wait_until(g, None, |i| {
            let done =
                processes.iter().all(|w| i.workers.get(w).is_none_or(|s| s.exit_code.is_some()));
            done.then_some(())
        });
        let all_done =
            |i: &mut Inner| i.workers.values().all(|s| s.exit_code.is_some()).then_some(());
        let (mut g, done) = self.wait_until(g, Some(grace), all_done);
        if done.is_none() {
            let ids: Vec<u64> = g.workers.keys().copied().collect();
            for id in ids {
                self.kill(&mut g, id);
            }
        }
        drop(g);
        let readers = std::mem::take(&mut self.lock().readers);
        for r in readers {
            let _ = r.join();
        }
    }
}

/// Waits for a child whose stdout closed; kills it if it lingers. Then removes the shared
/// segments it created and could not unlink (it was killed, or they outlived its VM).
fn reap_child(mut c: Child) -> Option<ExitStatus> {
    let pid = c.id();
    let status = wait_child(&mut c);
    shm::sweep_dead(Some(pid));
    status
}

fn wait_child(c: &mut Child) -> Option<ExitStatus> {
    let deadline = Instant::now() + Duration::from_secs(1);
    while Instant::now() < deadline {
        match c.try_wait() {
            Ok(Some(s)) => return Some(s),
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(_) => break,
        }
    }
    let _ = c.kill();
    c.wait().ok()
}

/// The signal that ended a process, where the platform has signals.
fn signal(s: &ExitStatus) -> Option<i32> {
    #[cfg(unix)]
    {
        std::os::unix::process::ExitStatusExt::signal(s)
    }
    #[cfg(not(unix))]
    {
        let _ = s;
        None
    }
}

/// `(exit code, words)`: negative codes are signals, as `Process.exitcode` reports them.
fn describe(status: Option<ExitStatus>) -> (i32, String) {
    match status {
        Some(s) => match (s.code(), signal(&s)) {
            (Some(c), _) => (c, format!("exited with status {c}")),
            (None, Some(sig)) => (-sig, format!("was killed by signal {sig}")),
            _ => (-1, "ended".into()),
        },
        None => (-1, "could not be waited for".into()),
    }
}

impl ProcessHost for Host {
    fn pool_new(&self, processes: usize) -> Result<u64, String> {
        let mut g = self.lock();
        let pool = Host::new_pool(&mut g, PoolKind::Pool);
        for _ in 0..processes {
            if let Err(e) = self.spawn_worker(&mut g, pool) {
                let ids = g.pools.get(&pool).map(|p| p.workers.clone()).unwrap_or_default();
                for w in ids {
                    self.kill(&mut g, w);
                }
                return Err(e);
            }
        }
        Ok(pool)
    }

    fn submit(&self, pool: u64, call: Call) -> Result<u64, String> {
        let mut g = self.lock();
        match g.pools.get(&pool) {
            Some(p) if !p.closed => {}
            _ => return Err("Pool not running".into()),
        }
        let id = g.id();
        let line = encode(&ToWorker::call(id, call, &JobKind::Task));
        g.jobs.insert(
            id,
            JobSlot { line: Some(line), result: None, assigned: false, discard: false },
        );
        if let Some(p) = g.pools.get_mut(&pool) {
            p.queue.push_back(id);
        }
        g.dispatch(pool);
        Ok(id)
    }

    fn pool_close(&self, pool: u64) {
        let mut g = self.lock();
        if let Some(p) = g.pools.get_mut(&pool) {
            p.closed = true;
        }
        g.dispatch(pool);
    }

    fn pool_terminate(&self, pool: u64) {
        let mut g = self.lock();
        let Some(p) = g.pools.get_mut(&pool) else { return };
        p.closed = true;
        let queued: Vec<u64> = p.queue.drain(..).collect();
        let workers = p.workers.clone();
        for job in queued {
            let outcome = Outcome::Lost("the pool was terminated before the job ran".into());
            g.finish(job, JobResult { worker: "pool".into(), outcome });
        }
        for w in workers {
            self.kill(&mut g, w);
        }
        drop(g);
        self.cv.notify_all();
        self.pool_join(pool);
    }

    fn pool_join(&self, pool: u64) {
        let g = self.lock();
        let (g, _) = self.wait_until(g, None, |i| {
            let Some(p) = i.pools.get(&pool) else { return Some(()) };
            p.workers
                .iter()
                .all(|w| i.workers.get(w).is_none_or(|s| s.exit_code.is_some()))
                .then_some(())
        });
        drop(g);
    }

    fn thread_start(&self, call: Call) -> Result<u64, Box<RemoteError>> {
        let mut g = self.lock();
        let pool = match g.thread_pool {
            Some(p) => p,
            None => {
                let p = Host::new_pool(&mut g, PoolKind::Threads);
                g.thread_pool = Some(p);
                p
            }
        };
        let id = g.id();
        let line = encode(&ToWorker::call(id, call, &JobKind::Thread));
        g.jobs.insert(
            id,
            JobSlot { line: Some(line), result: None, assigned: false, discard: false },
        );
        let (queued, free) = {
            let p = &g.pools[&pool];
            let free = p
                .workers
                .iter()
                .filter(|w| g.workers.get(w).is_some_and(|s| s.alive() && s.busy.is_none()))
                .count();
            (p.queue.len() + 1, free)
        };
        if let Some(p) = g.pools.get_mut(&pool) {
            p.queue.push_back(id);
        }
        if free < queued
            && let Err(e) = self.spawn_worker(&mut g, pool)
        {
            g.jobs.remove(&id);
            if let Some(p) = g.pools.get_mut(&pool) {
                p.queue.retain(|j| *j != id);
            }
            return Err(Box::new(RemoteError {
                module: "builtins".into(),
                qualname: "RuntimeError".into(),
                args: Some(
                    serde_json::json!({ "tuple": [format!("can't start new thread: {e}")] }),
                ),
                message: format!("can't start new thread: {e}"),
                traceback: String::new(),
            }));
        }
        g.dispatch(pool);
        if g.pools.get(&pool).is_some_and(|p| p.booted) {
            // The program's module body is known to run in a worker: the job will start as
            // soon as its worker is ready, so workers for many threads start in parallel.
            return Ok(id);
        }
        // The first remote thread waits until a worker took the job, so that a module body
        // that fails (the missing `__main__` guard) raises here, in `Thread.start`.
        let (mut g, _) = self.wait_until(g, None, |i| {
            let Some(j) = i.jobs.get(&id) else { return Some(()) };
            (j.assigned || j.result.is_some()).then_some(())
        });
        if let Some(j) = g.jobs.get(&id)
            && !j.assigned
            && let Some(JobResult { outcome: Outcome::Raised(err), .. }) = &j.result
        {
            let err = Box::new(err.clone());
            g.jobs.remove(&id);
            return Err(err);
        }
        Ok(id)
    }

    fn process_start(&self, call: Call, name: &str, daemon: bool) -> Result<u64, String> {
        let mut g = self.lock();
        let pool = Host::new_pool(&mut g, PoolKind::Process { daemon });
        let worker = self.spawn_worker(&mut g, pool)?;
        let id = g.id();
        let kind = JobKind::Process { name: name.to_string() };
        let line = encode(&ToWorker::call(id, call, &kind));
        g.jobs
            .insert(id, JobSlot { line: Some(line), result: None, assigned: false, discard: true });
        if let Some(p) = g.pools.get_mut(&pool) {
            p.queue.push_back(id);
            p.closed = true;
        }
        g.dispatch(pool);
        Ok(worker)
    }

    fn process_wait(&self, id: u64, timeout: Option<Duration>) -> Option<i32> {
        let g = self.lock();
        let deadline = timeout.map(|t| Instant::now() + t);
        self.wait_until(g, deadline, |i| match i.workers.get(&id) {
            Some(s) => s.exit_code.map(Some),
            None => Some(None),
        })
        .1
        .flatten()
    }

    fn process_kill(&self, id: u64) {
        let mut g = self.lock();
        self.kill(&mut g, id);
    }

    fn process_pid(&self, id: u64) -> Option<u32> {
        self.lock().workers.get(&id).map(|s| s.pid)
    }

    fn wait(&self, job: u64, timeout: Option<Duration>) -> Option<JobResult> {
        let g = self.lock();
        let deadline = timeout.map(|t| Instant::now() + t);
        let lost = || JobResult {
            worker: "host".into(),
            outcome: Outcome::Lost(format!("job {job} is unknown or was already collected")),
        };
        self.wait_until(g, deadline, |i| match i.jobs.get(&job) {
            None => Some(lost()),
            Some(j) if j.result.is_some() => i.jobs.remove(&job).and_then(|j| j.result),
            Some(_) => None,
        })
        .1
    }
}
