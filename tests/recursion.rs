//! Unbounded recursion ends in `RecursionError` — a traceback and exit status 1 — on every
//! backend, in the main thread and in threads, and in this debug build (whose Rust frames are
//! much bigger than a release build's): also recursion that runs no Python frame (a slot that
//! calls itself through built-ins, an object that is its own `__call__`), and also with the
//! recursion limit raised so high that only the stack guard can stop it. Never a Rust stack
//! overflow, an abort, or memory growing until the OOM killer ends it.

use std::time::Duration;

mod common;

/// Programs whose last statement recurses without end; `LIMIT` is replaced by the recursion
/// limit to set.
const PROGRAMS: &[(&str, &str)] = &[
    ("repr_is_str", "class Foo: pass\nFoo.__repr__ = Foo.__str__\nstr(Foo())\n"),
    ("own_call", "class Caller: pass\nc = Caller()\nCaller.__call__ = c\nc()\n"),
    ("own_init", "class Init: pass\nInit.__init__ = Init\nInit()\n"),
    ("exception_arg", "e = Exception()\ne.args = (e,)\nstr(e)\n"),
    ("getattr_hook", "class G: pass\ng = G()\nG.__getattr__ = G.__call__ = g\ng.x\n"),
    ("sort_key", "class K: pass\nk = K()\nK.__call__ = k\n[2, 1].sort(key=k)\n"),
    ("map_callback", "class K: pass\nk = K()\nK.__call__ = k\nlist(map(k, [1]))\n"),
    ("python", "def f(n):\n    return f(n + 1)\nf(0)\n"),
];

/// Runs `source` (after `import sys; sys.setrecursionlimit(limit)`) on `backend`, in the main
/// thread or in a thread started by the main thread, and checks the outcome.
fn check(backend: &str, name: &str, source: &str, limit: u64, in_thread: bool) {
    let dir = std::env::temp_dir().join(format!(
        "gillab-recursion-{}-{backend}-{name}-{limit}-{in_thread}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let body = if in_thread {
        // The thread's RecursionError is reported by the thread machinery; the main thread
        // then recurses too, so the status is 1 either way. The guard is what `shard` (whose
        // threads run in worker processes that import the program) needs.
        let indented: String = source.lines().map(|l| format!("    {l}\n")).collect();
        format!(
            "import threading\n\ndef run():\n{indented}\nif __name__ == '__main__':\n    \
             t = threading.Thread(target=run)\n    t.start()\n    t.join()\n    \
             print('joined')\n    run()\n"
        )
    } else {
        source.to_string()
    };
    let program = format!("import sys\nsys.setrecursionlimit({limit})\n{body}");
    std::fs::write(dir.join("prog.py"), program).expect("write");
    let out = common::gillab_within(
        &["run", "--backend", backend, "prog.py"],
        &dir,
        Duration::from_secs(120),
    );
    let _ = std::fs::remove_dir_all(&dir);
    let what = format!("{backend} {name} limit={limit} thread={in_thread}");
    let out = out.unwrap_or_else(|| panic!("{what}: timed out"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{what}: status {:?}\n{stderr}", out.status);
    let head =
        if in_thread { "Exception in thread Thread-1 (run):\nTraceback" } else { "Traceback" };
    assert!(stderr.starts_with(head), "{what}:\n{stderr}");
    let last = stderr.lines().last().unwrap_or("");
    assert!(
        last.starts_with("RecursionError: maximum recursion depth exceeded"),
        "{what}: last line {last:?}\n{stderr}"
    );
    assert!(!stderr.contains("panicked") && !stderr.contains("overflow"), "{what}:\n{stderr}");
    if in_thread {
        assert_eq!(stdout, "joined\n", "{what}");
        let reports = stderr.matches("\nRecursionError: maximum recursion depth exceeded").count();
        assert_eq!(reports, 2, "{what}: the thread's and the main thread's\n{stderr}");
    }
}

fn check_backend(backend: &str) {
    for (name, source) in PROGRAMS {
        for in_thread in [false, true] {
            // The default limit, and one so high that only the stack guard can stop it.
            for limit in [1000, 100_000_000] {
                check(backend, name, source, limit, in_thread);
            }
        }
    }
}

macro_rules! backend_tests {
    ($($name:ident: $ty:ty = $exec:ident,)*) => {
        $(
            #[test]
            fn $name() {
                check_backend(stringify!($name));
            }
        )*
    };
}

gillab::for_each_backend!(backend_tests);

/// A cause chain as long as a program likes is printed in full, in linear time, without
/// recursing once per link (CPython's recursive printer crashes on one this long).
#[test]
fn a_long_exception_chain_is_printed() {
    let dir = std::env::temp_dir().join(format!("gillab-recursion-chain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let program = "last = ValueError(-1)\nfor i in range(100000):\n    try:\n        \
                   raise ValueError(i) from last\n    except ValueError as e:\n        \
                   last = e\nraise last\n";
    std::fs::write(dir.join("prog.py"), program).expect("write");
    // The report is about 20 MB: it goes to a file, as a pipe nobody reads would block it.
    let err = std::fs::File::create(dir.join("stderr")).expect("create");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gillab"))
        .args(["run", "prog.py"])
        .current_dir(&dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(err)
        .spawn()
        .expect("spawn");
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            let _ = std::fs::remove_dir_all(&dir);
            panic!("timed out");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = std::fs::read_to_string(dir.join("stderr")).expect("read");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(status.code(), Some(1));
    assert!(stderr.starts_with("ValueError: -1\n\nThe above exception was the direct cause"));
    assert_eq!(stderr.matches("\nThe above exception was the direct cause").count(), 100_000);
    assert!(stderr.ends_with("    raise ValueError(i) from last\nValueError: 99999\n"));
}
