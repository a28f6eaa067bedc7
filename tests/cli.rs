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
    let want: Vec<String> = gillab::backends().iter().map(|e| e.name.to_string()).collect();
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
fn gil_policies_are_checked_against_the_backends_facts() {
    let d = scratch("pol.py", "import sys\nprint(sys.getswitchinterval())\n");
    // An unknown policy is clap's error (status 2), naming the choices.
    let out = gillab(&["run", "--gil-policy", "fifo", "pol.py"], &d.0);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown GIL policy 'fifo'"), "{}", text(&out.stderr));
    for e in gillab::backends() {
        let out = gillab(&["run", "--backend", e.name, "--gil-policy", "ticks", "pol.py"], &d.0);
        if e.facts.takes_policy(gillab::Policy::Ticks) {
            assert!(out.status.success(), "{}: {}", e.name, text(&out.stderr));
        } else {
            // A backend without a GIL refuses the flag instead of ignoring it.
            assert_eq!(out.status.code(), Some(2), "{}", e.name);
            assert!(text(&out.stderr).contains("has none"), "{}", text(&out.stderr));
        }
    }
    // The switch interval reaches a backend with a GIL through its capability.
    let out = gillab(&["run", "--switch-interval", "0.002", "pol.py"], &d.0);
    assert_eq!(text(&out.stdout), "0.002\n");
}

#[test]
fn backends_json_gives_each_entrys_facts() {
    let out = gillab(&["backends", "--json"], &std::env::temp_dir());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(lines.len(), gillab::backends().len());
    for (j, e) in lines.iter().zip(gillab::backends()) {
        assert_eq!(j["name"], e.name);
        assert_eq!(j["threads_share_memory"], e.threads_share_memory());
        assert_eq!(j["gil_policies"].as_array().map(Vec::len), Some(e.policies().len()));
    }
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

#[test]
fn a_directory_runs_its_main_module_or_says_it_has_none() {
    let d = scratch("dirs.py", "");
    std::fs::create_dir_all(d.0.join("app")).expect("mkdir");
    std::fs::create_dir_all(d.0.join("empty")).expect("mkdir");
    std::fs::write(
        d.0.join("app/__main__.py"),
        "import sys\nprint(sys.argv, __name__, __file__)\n",
    )
    .expect("write");
    let out = gillab(&["run", "empty"], &d.0);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "gillab: can't find '__main__' module in 'empty'\n");
    assert_eq!(text(&out.stdout), "");
    let out = gillab(&["run", "app", "x"], &d.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "['app', 'x'] __main__ app/__main__.py\n");
}

#[test]
fn source_that_is_not_utf8_is_a_syntax_error_unless_its_encoding_is_declared() {
    let d = scratch("encodings.py", "");
    let write = |name: &str, bytes: &[u8]| std::fs::write(d.0.join(name), bytes).expect("write");
    write("bad.py", b"print(1)\nx = '\xff'\n");
    for cmd in ["run", "dis"] {
        let out = gillab(&[cmd, "bad.py"], &d.0);
        assert_eq!(out.status.code(), Some(1), "{cmd}");
        assert_eq!(text(&out.stdout), "", "{cmd}");
        assert_eq!(
            text(&out.stderr),
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file bad.py on line 2, but no \
             encoding declared; see https://peps.python.org/pep-0263/ for details\n",
            "{cmd}"
        );
    }
    // PEP 263: a declaration on the first two lines is honoured, a byte-order mark skipped.
    write("latin.py", b"#!/usr/bin/env python\n# -*- coding: latin-1 -*-\nprint('\xe9')\n");
    write("bom.py", b"\xef\xbb\xbfprint('bom')\n");
    for (name, want) in [("latin.py", "\u{e9}\n"), ("bom.py", "bom\n")] {
        let out = gillab(&["run", name], &d.0);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        assert_eq!(text(&out.stdout), want);
    }
    write("unknown.py", b"# coding: no-such-codec\nprint(1)\n");
    let out = gillab(&["run", "unknown.py"], &d.0);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "SyntaxError: encoding problem: no-such-codec\n");
    // An imported module that is not UTF-8 is a SyntaxError at the import, not a missing module.
    write("badmod.py", b"x = 1\n\xff\n");
    write(
        "main.py",
        b"try:\n    import badmod\nexcept SyntaxError as e:\n    print('SyntaxError')\n",
    );
    let out = gillab(&["run", "main.py"], &d.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "SyntaxError\n");
}

/// An exception escaping the `close()` of a generator dropped while suspended is printed as
/// CPython prints an unraisable exception (the generator's repr, then the exception alone,
/// without its GeneratorExit context) and the program goes on with status 0.
#[test]
fn an_error_closing_a_dropped_generator_is_printed_and_ignored() {
    let src = "def bad():\n    try:\n        yield 1\n    finally:\n        raise ValueError('in finally')\n\n\
               b = bad()\nnext(b)\nb = None\nprint('after')\n";
    let d = scratch("unraisable.py", src);
    for backend in ["gil", "atomic", "biased", "objlock"] {
        let out = gillab(&["run", "--backend", backend, "--check-leaks", "unraisable.py"], &d.0);
        assert_eq!(out.status.code(), Some(0), "{backend}");
        assert_eq!(text(&out.stdout), "after\n", "{backend}");
        let err = text(&out.stderr);
        let (first, rest) = err.split_once('\n').unwrap_or_default();
        assert!(first.starts_with("Exception ignored in: <generator object bad at 0x"), "{err}");
        assert_eq!(
            rest,
            "Traceback (most recent call last):\n  File \"unraisable.py\", line 5, in bad\n    \
             raise ValueError('in finally')\nValueError: in finally\n",
            "{backend}"
        );
    }
}
