//! `docs/adding-a-backend.md`, proved: a backend defined here, in a test, from nothing but its
//! own code and one registry line, runs conformance fixtures with CPython's output.
//!
//! [`MutexGil`] is a global interpreter lock whose lock is a `std::sync::Mutex` (with a
//! `Condvar`), CPython 3.2's interval hand-off in miniature, and which offers the GIL
//! capability ([`GilControl`]: `sys.setswitchinterval` reaches it). Its counts are atomics and
//! its cells are `std::sync::Mutex`es: safe types, so the only `unsafe` is the contract itself.
//! The registry line is in [`registry`]; the fixtures run in this process on the VM's own
//! `run_source`, with the output captured through the VM's output sink.

use gillab::{Backend, Entry, Policy, Strategy, WithBackend};
use gillab_vm::backend::{Counter, Facts, GilConfig, GilControl, GilFacts, GilStats, Stats};
use std::path::Path;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// The GIL's state, behind the one `std::sync::Mutex`.
struct State {
    locked: bool,
    /// Times the lock passed to another thread.
    switches: u64,
}

/// A GIL on `std::sync::{Mutex, Condvar}`.
struct MutexGil {
    state: Mutex<State>,
    cond: Condvar,
    /// Set by a waiter whose switch interval ran out; the holder hands over at its breaker.
    drop_request: AtomicBool,
    interval_ns: AtomicU64,
    acquisitions: AtomicU64,
}

impl MutexGil {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn take(&self) {
        self.acquisitions.fetch_add(1, Ordering::Relaxed);
        let mut st = self.lock();
        while st.locked {
            let seen = st.switches;
            let interval = Duration::from_nanos(self.interval_ns.load(Ordering::Relaxed));
            let (g, timeout) =
                self.cond.wait_timeout(st, interval).unwrap_or_else(|e| e.into_inner());
            st = g;
            if timeout.timed_out() && st.locked && st.switches == seen {
                // Relaxed: a hint polled by the holder; the hand-off is ordered by the mutex.
                self.drop_request.store(true, Ordering::Relaxed);
            }
        }
        st.locked = true;
        st.switches += 1;
        // Relaxed: as above.
        self.drop_request.store(false, Ordering::Relaxed);
    }

    fn give(&self) {
        self.lock().locked = false;
        self.cond.notify_one();
    }
}

// SAFETY: `take` returns only once `locked` went from false to true under the mutex, and
// `give` clears it; so at most one thread is attached at a time, and the mutex orders one
// holder's accesses before the next's. Counts are atomics and cells are mutexes, so (1) and
// (2) hold even without that; `release` frees at once, which is sound because no other thread
// is attached to hold a loaded reference (3); `poll` and `allow_threads` wait with the lock
// given back (4).
unsafe impl Backend for MutexGil {
    const FACTS: Facts = Facts {
        description: "a GIL on std::sync::Mutex (the extra-backend test)",
        strategy: Strategy::GlobalLock,
        gil: Some(GilFacts { policies: &[Policy::Interval], default: Policy::Interval }),
        counters: &Counter::GIL,
    };

    type RefCount = AtomicIsize;
    type Cell<T: Send + Sync> = Mutex<T>;
    type Thread = ();

    fn new() -> MutexGil {
        MutexGil {
            state: Mutex::new(State { locked: false, switches: 0 }),
            cond: Condvar::new(),
            drop_request: AtomicBool::new(false),
            interval_ns: AtomicU64::new(5_000_000),
            acquisitions: AtomicU64::new(0),
        }
    }

    fn rc_new() -> AtomicIsize {
        AtomicIsize::new(1)
    }

    fn incref(rc: &AtomicIsize) {
        // Relaxed: the GIL orders every count operation.
        rc.fetch_add(1, Ordering::Relaxed);
    }

    fn decref(rc: &AtomicIsize) -> bool {
        // Relaxed: as in `incref`.
        rc.fetch_sub(1, Ordering::Relaxed) == 1
    }

    fn refcount(rc: &AtomicIsize) -> isize {
        rc.load(Ordering::Relaxed)
    }

    fn cell_new<T: Send + Sync>(value: T) -> Mutex<T> {
        Mutex::new(value)
    }

    fn cell_read<T: Send + Sync, R>(cell: &Mutex<T>, f: impl FnOnce(&T) -> R) -> R {
        f(&cell.lock().unwrap_or_else(|e| e.into_inner()))
    }

    fn cell_write<T: Send + Sync, R>(cell: &Mutex<T>, f: impl FnOnce(&mut T) -> R) -> R {
        f(&mut cell.lock().unwrap_or_else(|e| e.into_inner()))
    }

    fn cell_get_mut<T: Send + Sync>(cell: &mut Mutex<T>) -> &mut T {
        cell.get_mut().unwrap_or_else(|e| e.into_inner())
    }

    unsafe fn release(ptr: NonNull<u8>, destroy: unsafe fn(NonNull<u8>)) {
        // SAFETY: forwarded from the caller; no other thread is attached (see the impl).
        unsafe { destroy(ptr) }
    }

    fn attach(&self) {
        self.take();
    }

    fn detach(&self, _thread: ()) {
        self.give();
    }

    fn breaker(&self, _thread: &mut ()) -> bool {
        // Relaxed: a hint; see `take`.
        self.drop_request.load(Ordering::Relaxed)
    }

    fn poll(&self, _thread: &mut ()) {
        self.give();
        std::thread::yield_now();
        self.take();
    }

    fn allow_threads<R>(&self, _thread: &mut (), f: impl FnOnce() -> R) -> R {
        self.give();
        let r = f();
        self.take();
        r
    }

    fn stats(&self) -> Stats {
        Stats {
            gil: Some(GilStats {
                gil_acquisitions: self.acquisitions.load(Ordering::Relaxed),
                gil_switches: self.lock().switches,
                forced_switches: 0,
                drop_requests: 0,
                tick_releases: 0,
                io_priority_requests: 0,
                gil_wait_seconds: 0.0,
                gil_policy: Policy::Interval,
                switch_interval: self.switch_interval(),
            }),
            ..Stats::default()
        }
    }

    fn gil(&self) -> Option<&dyn GilControl> {
        Some(self)
    }
}

impl GilControl for MutexGil {
    fn configure(&self, config: &GilConfig) {
        self.set_switch_interval(config.switch_interval);
    }

    fn policy(&self) -> Policy {
        Policy::Interval
    }

    fn switch_interval(&self) -> f64 {
        self.interval_ns.load(Ordering::Relaxed) as f64 / 1e9
    }

    fn set_switch_interval(&self, seconds: f64) {
        self.interval_ns.store((seconds * 1e9) as u64, Ordering::Relaxed);
    }
}

/// The test's registry: the reference `gil` and the new backend, one line each.
mod registry {
    use super::MutexGil;

    gillab::registry! {
        gil: gillab_backend_gil::Gil = Threads,
        mutex_gil: MutexGil = Threads,
    }
}

/// What a fixture printed and its exit status.
#[derive(Debug, PartialEq)]
struct Outcome {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Output captured from the VM (the process-wide sink, installed once).
static CAPTURED: Mutex<(String, String)> = Mutex::new((String::new(), String::new()));

/// Runs `fixture` from `tests/conformance` on the chosen backend, in this process.
struct RunFixture<'a> {
    fixture: &'a str,
}

impl WithBackend for RunFixture<'_> {
    type Output = Outcome;
    fn run<B: Backend>(self, entry: &'static Entry) -> Outcome {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
        let file = format!("{}.py", self.fixture);
        let source = std::fs::read_to_string(dir.join(&file)).expect("fixture");
        let options = gillab_vm::RunOptions {
            vm: gillab_vm::VmOptions {
                name: entry.name,
                executor: entry.executor,
                gil: GilConfig { switch_interval: 0.001, ..GilConfig::default() },
                rc_elision: true,
                attr_cache: true,
                global_cache: true,
            },
            argv: vec![file.clone()],
            stats: false,
            check_leaks: true,
        };
        *CAPTURED.lock().unwrap_or_else(|e| e.into_inner()) = Default::default();
        // The interpreter runs on a thread with the stack the recursion limit needs.
        let status = gillab_vm::spawn_os_thread(
            "MainThread".into(),
            Box::new(move || {
                let status = gillab_vm::run::run_source::<B>(&source, &file, &options);
                STATUS.store(status as isize, Ordering::Relaxed);
            }),
        )
        .expect("thread")
        .join()
        .map(|()| STATUS.load(Ordering::Relaxed) as i32)
        .unwrap_or(70);
        let (stdout, stderr) =
            std::mem::take(&mut *CAPTURED.lock().unwrap_or_else(|e| e.into_inner()));
        Outcome { status, stdout, stderr }
    }
}

static STATUS: AtomicIsize = AtomicIsize::new(0);

fn expected(fixture: &str) -> Outcome {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let read = |ext: &str| std::fs::read_to_string(dir.join(format!("{fixture}.{ext}")));
    Outcome {
        status: read("exit").map_or(0, |s| s.trim().parse().expect("exit status")),
        stdout: read("stdout").unwrap_or_default(),
        stderr: read("stderr").unwrap_or_default(),
    }
}

/// Fixtures that exercise what a backend provides: counts and frees (classes, closures,
/// tracebacks with the leak check), contents (lists, dicts), threads that hand the GIL over,
/// locks and conditions that block with the VM released, and `sys.getrefcount`.
const FIXTURES: &[&str] = &[
    "classes__basic",
    "functions__decorators",
    "errors__uncaught_method",
    "sys__getrefcount",
    "literature__countdown_threads",
    "literature__locked_counter",
    "threading__condition",
    "threading__barrier",
    "threading__lock",
];

#[test]
fn a_backend_defined_in_a_test_runs_fixtures_like_cpython() {
    gillab_vm::procs::set_output_sink(Box::new(|is_stderr, text| {
        let mut c = CAPTURED.lock().unwrap_or_else(|e| e.into_inner());
        if is_stderr { c.1.push_str(text) } else { c.0.push_str(text) }
    }));
    let entry = registry::ENTRIES.iter().find(|e| e.name == "mutex_gil").expect("registered");
    assert_eq!(entry.facts, MutexGil::FACTS);
    assert!(entry.facts.takes_policy(Policy::Interval) && !entry.facts.takes_policy(Policy::Ticks));
    for fixture in FIXTURES {
        let got = registry::with_backend("mutex_gil", RunFixture { fixture }).expect("registered");
        assert_eq!(got, expected(fixture), "mutex_gil::{fixture}");
    }
    // The same harness agrees with the reference GIL, so a failure above is the backend's.
    let got = registry::with_backend("gil", RunFixture { fixture: FIXTURES[0] }).expect("gil");
    assert_eq!(got, expected(FIXTURES[0]));
}

#[test]
fn the_gil_capability_is_reached_through_the_trait() {
    let b = MutexGil::new();
    let gil = b.gil().expect("a GIL");
    gil.configure(&GilConfig { switch_interval: 0.002, ..GilConfig::default() });
    assert_eq!(gil.switch_interval(), 0.002);
    gil.set_switch_interval(0.01);
    assert_eq!(b.stats().to_json()["switch_interval"], 0.01);
    let mut declared = MutexGil::FACTS.counters.to_vec();
    declared.sort();
    assert_eq!(b.stats().offered(), declared);
}
