//! The `gillab` command line as a user meets it: exit statuses, error formats, `dis`,
//! `backends`. Every child process is bounded by a timeout.

use std::io::Write;
use std::process::Output;

mod common;

fn gillab(args: &[&str], dir: &std::path::Path) -> Output {
    common::gillab(args, dir)
}

fn scratch(name: &str, source: &str) -> tempdir::Dir {
    tempdir::Dir::new(name, source)
}

/// A throwaway directory holding one program.
mod tempdir {
    use std::path::PathBuf;

    pub struct Dir(pub PathBuf);

    impl Dir {
        pub fn new(name: &str, source: &str) -> Dir {
            let dir = std::env::temp_dir().join(format!(
                "gillab-cli-{}-{}",
                std::process::id(),
                name.replace('.', "_")
            ));
            std::fs::create_dir_all(&dir).expect("mkdir");
            std::fs::write(dir.join(name), source).expect("write");
            Dir(dir)
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn backends_lists_the_registry() {
    let out = gillab(&["backends"], &std::env::temp_dir());
    assert!(out.status.success());
    let names: Vec<String> = text(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    let want: Vec<String> = gillab::backends().iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(names, want);
}

#[test]
fn unknown_backend_and_missing_file_exit_2() {
    let d = scratch("ok.py", "print(1)\n");
    let out = gillab(&["run", "--backend", "no-such", "ok.py"], &d.0);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr).lines().count(), 1, "{}", text(&out.stderr));
    let out = gillab(&["run", "missing.py"], &d.0);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr).lines().count(), 1);
}

#[test]
fn syntax_error_has_line_caret_and_status_1() {
    let d = scratch("bad.py", "x = 1\ny = (1,\n");
    for cmd in [&["run", "bad.py"][..], &["dis", "bad.py"][..]] {
        let out = gillab(cmd, &d.0);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            text(&out.stderr),
            "  File \"bad.py\", line 2\n    y = (1,\n        ^\nSyntaxError: '(' was never closed\n"
        );
    }
}

#[test]
fn uncaught_exception_prints_a_traceback() {
    let d = scratch("boom.py", "def f():\n    return 1 // 0\n\nf()\n");
    let out = gillab(&["run", "boom.py"], &d.0);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "Traceback (most recent call last):\n  File \"boom.py\", line 4, in <module>\n    f()\n  \
         File \"boom.py\", line 2, in f\n    return 1 // 0\nZeroDivisionError: integer division or modulo by zero\n"
    );
}

#[test]
fn runaway_recursion_is_a_recursion_error() {
    let d = scratch("rec.py", "def f(n):\n    return f(n + 1)\n\nf(0)\n");
    let out = gillab(&["run", "rec.py"], &d.0);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("[Previous line repeated 996 more times]"), "{err}");
    assert!(err.ends_with("RecursionError: maximum recursion depth exceeded\n"), "{err}");
}

#[test]
fn argv_reaches_the_program() {
    let d = scratch("args.py", "import sys\nprint(sys.argv)\n");
    let out = gillab(&["run", "args.py", "a", "-b", "--c"], &d.0);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "['args.py', 'a', '-b', '--c']\n");
}

#[test]
fn dis_shows_module_and_functions() {
    let d = scratch("cd.py", "def countdown(n):\n    while n > 0:\n        n -= 1\n");
    let out = gillab(&["dis", "cd.py"], &d.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.contains("MAKE_FUNCTION"), "{s}");
    assert!(s.contains("Disassembly of <code object countdown"), "{s}");
    assert!(s.lines().any(|l| l.contains("BINARY_OP") && l.ends_with("23 (-=)")), "{s}");
    assert!(s.contains("JUMP_BACKWARD"), "{s}");
}

#[test]
fn stats_prints_one_json_line() {
    let d = scratch("s.py", "x = 1\n");
    let out = gillab(&["run", "--stats", "s.py"], &d.0);
    assert!(out.status.success());
    let err = text(&out.stderr);
    let line = err.lines().last().expect("a stats line");
    let v: serde_json::Value = serde_json::from_str(line).expect("json");
    assert_eq!(v["backend"], "gil");
    assert!(v["gil_acquisitions"].as_u64().is_some());
}

#[test]
fn program_reads_stdin_free_and_flushes_output_on_exit() {
    let d = scratch("p.py", "import sys\nsys.stdout.write('no newline')\n");
    let out = gillab(&["run", "p.py"], &d.0);
    assert_eq!(text(&out.stdout), "no newline");
    let _ = std::io::stdout().flush();
}
