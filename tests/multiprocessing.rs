//! `multiprocessing` and the `shard` backend from outside: faults in workers (killed, exiting
//! mid-job, writing garbage on the protocol pipe) become Python exceptions in the parent within
//! a second, no child process outlives or is left unreaped by a run, unsendable values and the
//! missing `__main__` guard raise CPython's errors, and a remote thread's exception is reported
//! as a thread's. The programs are in `tests/multiprocessing/`; every run is bounded in time.
//! (The examples that print what CPython prints are `multiprocessing__*` conformance fixtures.)

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/multiprocessing")
}

fn run(backend: &str, file: &str, args: &[&str]) -> Output {
    let mut cmd = vec!["run", "--backend", backend, file];
    cmd.extend(args);
    common::gillab_within(&cmd, &dir(), Duration::from_secs(60))
        .unwrap_or_else(|| panic!("{file} on {backend} did not finish within 60 s"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn backends_lists_shard() {
    assert!(common::gillab_ok(&["backends"]).lines().any(|l| l.starts_with("shard ")));
}

#[test]
fn pool_and_process_basics_match_cpython_semantics() {
    for backend in ["gil", "shard"] {
        let out = run(backend, "basic.py", &[]);
        let stdout = text(&out.stdout);
        assert!(out.status.success(), "{backend}: {}", text(&out.stderr));
        assert!(stdout.contains("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]\n"), "{stdout}");
        assert!(
            stdout.contains(
                "(1, [2, (3,)], {'a': b'xy', 2: None}, 1208925819614629174706176, 1.5, True)"
            ),
            "{stdout}"
        );
        assert!(stdout.contains("caught ValueError('bad value 3')\ncause RemoteTraceback\n"));
        assert!(stdout.contains("hello from child\nexitcode 0 False\n"), "{stdout}");
    }
}

#[test]
fn unsendable_callables_and_values_raise_pickling_errors() {
    let out = run("gil", "errors.py", &[]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for want in [
        "TypeError Can't pickle <function <lambda>>: attribute lookup <lambda> on __main__ failed",
        "AttributeError Can't pickle local object 'nested.<locals>.inner'",
        "TypeError cannot pickle 'lock' object",
        "TypeError cannot pickle 'set' object",
        "TypeError cannot send a dict with a 'tuple' key",
        "Process-1 1\nProcess-2 3\nProcess-3 0\nProcess-4 0\nProcess-5 0\n",
    ] {
        assert!(stdout.contains(want), "missing {want:?} in:\n{stdout}");
    }
    let stderr = text(&out.stderr);
    assert!(stderr.contains("Process Process-1:\nTraceback (most recent call last):\n"));
    assert!(stderr.contains("KeyError: 'k'\n"), "{stderr}");
}

#[test]
fn worker_exiting_mid_job_raises_and_keeps_earlier_results() {
    let out = run("gil", "fault_exit.py", &[]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.starts_with("first 41\nProcessError: worker-"), "{stdout}");
    assert!(stdout.contains(") exited with status 7 while running a job\nkept 41\n"), "{stdout}");
    assert!(stdout.contains("ProcessError: no worker left to run the job: worker-"), "{stdout}");
}

#[test]
fn worker_writing_garbage_is_killed_and_its_job_fails() {
    let out = run("gil", "fault_garbage.py", &[]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.starts_with("before ok\nProcessError: worker-"), "{stdout}");
    assert!(
        stdout.contains(
            "sent a malformed or unknown message (\"garbage, not a protocol message\"); then it \
             was killed by signal 9 while running a job"
        ),
        "{stdout}"
    );
}

/// Runs `gillab ARGS` with stdout read line by line; `on_line` sees each line and the child's
/// pid. The child is killed if it runs past `timeout`.
fn run_streaming(
    args: &[&str],
    timeout: Duration,
    mut on_line: impl FnMut(&str, u32),
) -> (String, String, std::process::ExitStatus) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gillab"))
        .args(args)
        .current_dir(dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn gillab");
    let pid = child.id();
    let stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
        s
    });
    let (tx, rx) = std::sync::mpsc::channel();
    let out_reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let start = Instant::now();
    let mut all = String::new();
    loop {
        let left = timeout.saturating_sub(start.elapsed());
        match rx.recv_timeout(left.min(Duration::from_millis(50))) {
            Ok(line) => {
                on_line(&line, pid);
                all.push_str(&line);
                all.push('\n');
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                if start.elapsed() > timeout {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!("gillab {args:?} timed out; output so far:\n{all}");
                }
            }
        }
    }
    let _ = out_reader.join();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gillab {args:?} did not exit");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    (all, err_reader.join().unwrap_or_default(), status)
}

#[test]
fn killed_worker_raises_in_the_parent_long_before_its_job_would_end() {
    let pidfile = std::env::temp_dir().join(format!("gillab-kill-{}.pid", std::process::id()));
    let _ = std::fs::remove_file(&pidfile);
    let path = pidfile.to_string_lossy().to_string();
    let mut killed_at = None;
    let mut reported_at = None;
    let (out, err, status) =
        run_streaming(&["run", "fault_kill.py", &path], Duration::from_secs(60), |line, _| {
            if line == "first kept" {
                // The job writes its worker's pid, then hangs; kill that worker.
                let start = Instant::now();
                let pid = loop {
                    if let Ok(p) = std::fs::read_to_string(&pidfile)
                        && let Ok(p) = p.trim().parse::<u32>()
                    {
                        break p;
                    }
                    assert!(start.elapsed() < Duration::from_secs(30), "no pid file");
                    std::thread::sleep(Duration::from_millis(10));
                };
                let ok = Command::new("kill").args(["-9", &pid.to_string()]).status();
                assert!(ok.is_ok_and(|s| s.success()), "kill -9 {pid}");
                killed_at = Some(Instant::now());
            }
            if line.starts_with("ProcessError:") {
                reported_at = Some(Instant::now());
            }
        });
    let _ = std::fs::remove_file(&pidfile);
    assert!(status.success(), "{out}\n{err}");
    assert!(out.contains("was killed by signal 9 while running a job\nagain kept\n"), "{out}");
    let delay = reported_at.expect("reported") - killed_at.expect("killed");
    // The job would sleep for 60 s: a parent that noticed only when the job ended, or never,
    // fails here. Noticing is an event (end of file on the worker's pipe), not a timed wait,
    // so the bound is a fraction of the job, not a latency target.
    assert!(delay < Duration::from_secs(20), "took {delay:?} to notice the killed worker");
}

/// Pids of the processes whose parent is `parent`, with their state letter.
fn children_of(parent: u32) -> Vec<(u32, char)> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir("/proc") else { return out };
    for e in rd.flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
        // `pid (comm) state ppid ...`; comm may hold spaces, so split after the last ')'.
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else { continue };
        let mut f = rest.split_whitespace();
        let state = f.next().and_then(|s| s.chars().next()).unwrap_or('?');
        if f.next().and_then(|p| p.parse::<u32>().ok()) == Some(parent) {
            out.push((pid, state));
        }
    }
    out
}

fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| s.rsplit_once(')').map(|(_, r)| r.trim_start().starts_with('Z')))
        .is_some_and(|zombie| !zombie)
}

#[test]
fn no_zombie_or_orphan_processes_after_a_run() {
    // Busy workers the program leaves behind at exit: the unclosed pool's one started worker
    // and a manager never shut down, and on `shard` also the worker running the daemon thread.
    // (The manager shut down before the scan must be reaped by then, like every worker.)
    for (backend, busy) in [("gil", 2), ("shard", 3)] {
        let flag =
            std::env::temp_dir().join(format!("gillab-zombies-{}-{backend}", std::process::id()));
        let flag_s = flag.to_string_lossy().to_string();
        let touch = |suffix: &str| {
            std::fs::write(format!("{flag_s}{suffix}"), "").expect("write flag file");
        };
        let mut seen_workers = Vec::new();
        let mut during = None;
        let (out, err, status) = run_streaming(
            &["run", "--backend", backend, "zombies.py", &flag_s],
            Duration::from_secs(120),
            |line, pid| {
                if line == "finished, scan now" {
                    // Every worker so far has finished: each must be reaped, not left a zombie.
                    // Reaping may lag the print, so poll; the deadline only catches a zombie
                    // that stays.
                    let deadline = Instant::now() + Duration::from_secs(30);
                    let mut left = children_of(pid);
                    while !left.is_empty() && Instant::now() < deadline {
                        std::thread::sleep(Duration::from_millis(10));
                        left = children_of(pid);
                    }
                    during = Some(left);
                    touch(".scanned");
                }
                if line == "exiting" {
                    // The program waits for us: wait until its busy workers have all started.
                    let deadline = Instant::now() + Duration::from_secs(30);
                    loop {
                        seen_workers = children_of(pid).into_iter().map(|(p, _)| p).collect();
                        if seen_workers.len() >= busy || Instant::now() > deadline {
                            break;
                        }
                        std::thread::sleep(Duration::from_millis(10));
                    }
                    touch(".seen");
                }
            },
        );
        for suffix in [".scanned", ".seen"] {
            let _ = std::fs::remove_file(format!("{flag_s}{suffix}"));
        }
        assert!(status.success(), "{backend}: {out}\n{err}");
        let during = during.expect("scanned");
        assert!(during.is_empty(), "{backend}: children left after their work: {during:?}");
        assert!(seen_workers.len() >= busy, "{backend}: busy workers seen: {seen_workers:?}");
        // The run has exited: the busy workers it left were killed and reaped, not orphaned.
        // The deadline is a hang guard: a worker killed at exit disappears at once.
        let deadline = Instant::now() + Duration::from_secs(30);
        while seen_workers.iter().any(|p| alive(*p)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        let orphans: Vec<_> = seen_workers.iter().filter(|p| alive(**p)).collect();
        assert!(orphans.is_empty(), "{backend}: workers outlived the run: {orphans:?}");
    }
}

#[test]
fn daemonic_process_is_killed_at_exit_and_non_daemonic_is_joined() {
    for backend in gillab::backends().iter().map(|e| e.name) {
        let flag = std::env::temp_dir()
            .join(format!("gillab-daemon-exit-{}-{backend}", std::process::id()));
        let _ = std::fs::remove_file(&flag);
        let flag_arg = flag.to_string_lossy().into_owned();
        let mut daemon_pid = None;
        let start = Instant::now();
        let (out, err, status) = run_streaming(
            &["run", "--backend", backend, "daemon_exit.py", &flag_arg],
            Duration::from_secs(60),
            |line, _| {
                if let Some(p) = line.strip_prefix("daemon pid ") {
                    daemon_pid = p.parse::<u32>().ok();
                }
            },
        );
        let took = start.elapsed();
        let _ = std::fs::remove_file(&flag);
        assert!(status.success(), "{backend}: {out}\n{err}");
        // The daemon was running its endless target when the program exited...
        assert!(out.contains("daemon running True True\n"), "{backend}: {out}");
        assert!(out.contains("AssertionError: process has already started\n"), "{backend}: {out}");
        // ... and the non-daemonic process was still waited for.
        assert!(out.ends_with("exiting\nnon-daemon done 1\n"), "{backend}: {out}");
        // Before the fix the exit waited for the daemon for ever.
        assert!(took < Duration::from_secs(10), "{backend}: exit took {took:?}");
        let pid = daemon_pid.unwrap_or_else(|| panic!("{backend}: no daemon pid in {out}"));
        // Killed and reaped by the run, not orphaned.
        let deadline = Instant::now() + Duration::from_secs(5);
        while alive(pid) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(!alive(pid), "{backend}: the daemonic process {pid} outlived the run");
    }
}

#[test]
fn missing_main_guard_raises_cpythons_runtime_error() {
    for (backend, file) in [("shard", "noguard.py"), ("gil", "noguard_pool.py")] {
        let start = Instant::now();
        let out = run(backend, file, &[]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{backend} {file}: {stderr}");
        assert!(
            stderr.contains("RuntimeError: \n        An attempt has been made to start a new process before the\n        current process has finished its bootstrapping phase."),
            "{backend} {file}: {stderr}"
        );
        assert!(stderr.contains("if __name__ == '__main__':"), "{stderr}");
        // A hang guard: the error is raised before any worker starts work.
        assert!(start.elapsed() < Duration::from_secs(60), "{file} took {:?}", start.elapsed());
    }
}

#[test]
fn shard_threads_do_not_share_globals() {
    let out = run("shard", "threads.py", &[]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Each thread's `n += 1` changed its own worker's copy; the parent's stayed 0.
    assert!(stdout.ends_with("main saw 0\n"), "{stdout}");
    for k in 0..3 {
        assert!(stdout.contains(&format!("thread {k} saw ")), "{stdout}");
    }
    let out = run("gil", "threads.py", &[]);
    assert!(text(&out.stdout).ends_with("main saw 3000\n"));
}

#[test]
fn remote_thread_exception_is_reported_as_a_threads() {
    let out = run("shard", "thread_error.py", &[]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.starts_with(
            "Exception in thread worker-thread:\nTraceback (most recent call last):\n"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("in fail\n    raise ValueError(\"thread failed with %d\" % x)\n"));
    assert!(stderr.ends_with("ValueError: thread failed with 5\n"), "{stderr}");
    // The parent's own lock works as usual around the remote thread.
    assert_eq!(text(&out.stdout), "lock held after: False\n");
}

/// The names in `/dev/shm` of the shared segments of the run whose first process is `root`.
fn segments_of(root: u32) -> Vec<String> {
    let prefix = format!("gillab-{root}-");
    std::fs::read_dir("/dev/shm")
        .map(|d| {
            d.flatten()
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter(|n| n.starts_with(&prefix))
                .collect()
        })
        .unwrap_or_default()
}

/// The program printed `root PID` last: none of that run's segments may be left.
fn assert_no_segment_left(backend: &str, stdout: &str) {
    let root: u32 = stdout
        .lines()
        .find_map(|l| l.strip_prefix("root "))
        .and_then(|p| p.trim().parse().ok())
        .expect("root pid");
    assert_eq!(segments_of(root), Vec::<String>::new(), "{backend}: segments left");
}

/// A child killed while it holds a `Value`'s lock: the parent's acquire raises instead of
/// hanging. A child killed while it holds a segment it created: the parent removes it when it
/// reaps the child. A pipe whose only writer is killed: `EOFError`. A child killed while
/// blocked in a queue's `get`: the queue still works. Nothing of the run is left in
/// `/dev/shm`, on every backend.
#[test]
fn shared_memory_faults_raise_and_leave_no_segment() {
    for backend in ["gil", "objlock", "atomic", "biased", "shard"] {
        let out = run(backend, "shared_fault.py", &[]);
        let stdout = text(&out.stdout);
        assert!(out.status.success(), "{backend}: {stdout}{}", text(&out.stderr));
        assert!(
            stdout.starts_with(
                "RuntimeError: the shared lock's holder (process PID) exited without releasing \
                 it\nnoticed long before the holder's sleep would end: True\nchild's segment exists: True\nafter reaping it: []\n\
                 EOFError once the only writer was killed\nstill works\n"
            ),
            "{backend}: {stdout}"
        );
        assert_no_segment_left(backend, &stdout);
    }
}

/// Faults around a manager, on every backend: a child killed while it holds a manager `Lock`
/// (the parent's acquire raises instead of hanging), a child killed while blocked in a
/// manager queue's `get` (the item it would have taken goes to the next getter), and a manager
/// killed while a child waits on it (the child's call raises `EOFError`). Nothing of the run is
/// left in `/dev/shm`.
#[test]
fn manager_faults_raise_and_leave_no_segment() {
    for backend in ["gil", "objlock", "atomic", "biased", "shard"] {
        let out = run(backend, "manager_fault.py", &[]);
        let stdout = text(&out.stdout);
        assert!(out.status.success(), "{backend}: {stdout}{}", text(&out.stderr));
        assert!(
            stdout.starts_with(
                "RuntimeError: the holder of this manager Lock (process PID) died without \
                 releasing it\nnoticed long before the holder's sleep would end: True\n\
                 still works\nchild's call raised EOFError: True exit code 0\n"
            ),
            "{backend}: {stdout}"
        );
        assert!(stdout.contains(" exit code -9\nroot "), "{backend}: {stdout}");
        assert_no_segment_left(backend, &stdout);
    }
}

/// A run killed with SIGKILL cannot unlink its segments; the next run removes them. Its
/// manager process notices that its owner died and exits rather than living on.
#[test]
fn segments_of_a_killed_run_are_removed_by_the_next() {
    let mut root = None;
    let mut manager = None;
    let _ = run_streaming(&["run", "shared_hang.py"], Duration::from_secs(60), |line, pid| {
        if let Some(rest) = line.strip_prefix("ready ") {
            manager = rest.split_whitespace().nth(1).and_then(|p| p.parse::<u32>().ok());
            // The Value's segment, the manager's request queue and the reply queue.
            assert_eq!(segments_of(pid).len(), 3, "the segments exist");
            root = Some(pid);
            let ok = Command::new("kill").args(["-9", &pid.to_string()]).status();
            assert!(ok.is_ok_and(|s| s.success()), "kill -9 {pid}");
        }
    });
    // (Not checked here that the segment outlived the kill: another test's run, in parallel,
    // may already have removed it.)
    let root = root.expect("the program said ready");
    let manager = manager.expect("the manager's pid");
    // The manager checks its owner every half second; the deadline is a hang guard.
    let deadline = Instant::now() + Duration::from_secs(30);
    while alive(manager) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!alive(manager), "the manager {manager} outlived its killed run");
    let out = run("gil", "basic.py", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(segments_of(root), Vec::<String>::new(), "the next run removed it");
}

/// On `shard`, a `queue.Queue` passed to threads moves into shared memory, so the queue-fed
/// thread pool runs unchanged; a `LifoQueue` is refused with a `TypeError` that says why; and a
/// module-level queue that a worker's thread blocks on (its own copy, which nothing fills)
/// raises a `RuntimeError` that says why, instead of hanging.
#[test]
fn shard_shares_passed_queues_and_explains_the_rest() {
    let out = run("shard", "queue_pool.py", &[]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert_eq!(
        stdout,
        "40 [(0, 0), (1, 0), (2, 1)] (39, 19019) True 0\nEmpty\nTypeError: a LifoQueue cannot \
         be shared with a thread in another process (the shard backend shares only FIFO \
         queue.Queue objects, through shared memory)\n"
    );
    let out = run("shard", "global_queue.py", &[]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{stdout}{stderr}");
    assert_eq!(stdout, "done\n");
    assert_eq!(stderr.matches("RuntimeError: this thread runs in a worker process").count(), 2);
    assert!(stderr.contains("Pass the queue to the thread as an argument"), "{stderr}");
}
