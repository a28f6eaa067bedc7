//! The oracle on hand-made outputs: a correct run passes, and each kind of known-bad output
//! (a panic, an exit by signal, a hang, a leak, a value never stored, a lost or duplicated
//! element, a disallowed exception, a missing report) is reported.

use super::*;
use serde_json::json;

fn tag(space: u64, w: u64, seq: u64) -> u64 {
    (space * 16 + w) * 1_000_000 + seq
}

/// The state `_setup()` makes, with thread 1 having appended its 2 Q values and popped
/// the main thread's first one.
fn state() -> Value {
    let t = |sp, w, r: std::ops::Range<u64>| r.map(|s| json!(tag(sp, w, s))).collect::<Vec<_>>();
    let mut q = t(2, 0, 1..8);
    q.extend(t(2, 1, 0..2));
    json!({
        "L0": t(1, 0, 0..8), "L1": t(1, 0, 8..16), "Q": q,
        "D": (0..6).map(|i| json!([format!("k{i}"), tag(1, 0, 16 + i)])).collect::<Vec<_>>(),
        "DQ": (0..6).map(|i| json!([tag(3, 0, i), format!("v{}", tag(3, 0, i))])).collect::<Vec<_>>(),
        "S": t(5, 0, 0..8), "SQ": t(4, 0, 0..6),
        "box": [["a0", tag(1, 0, 26)]], "box_items": t(1, 0, 22..26), "cls": [tag(1, 0, 27)],
        "G": [tag(1, 1, 0)], "G2": [tag(1, 0, 29), tag(1, 0, 29)],
    })
}

fn report(k: u64) -> Value {
    let (next, qgot) = if k == 1 {
        (json!([0, 1, 2, 0, 0, 0]), json!([tag(2, 0, 0)]))
    } else {
        (json!([0, 0, 0, 0, 0, 0]), json!([]))
    };
    json!({"k": k, "local": false, "next": next, "exc": {"list.pop": {"IndexError: pop from empty list": 3}},
           "bad": [], "qgot": qgot, "dqgot": [], "sqgot": []})
}

fn main_line(state: Value, reports: Vec<Value>) -> String {
    let m = json!({"threads": 2, "next0": [0, 30, 8, 6, 6, 0], "reports": reports, "state": state});
    format!("TF-MAIN {m}\n")
}

fn ok(stdout: String) -> Outcome {
    Outcome { code: Some(0), stdout, ..Default::default() }
}

fn kinds(f: &[Finding]) -> Vec<Kind> {
    f.iter().map(|f| f.kind).collect()
}

#[test]
fn a_correct_run_passes() {
    let f = check(2, &ok(main_line(state(), vec![report(1), report(2)])));
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn threads_in_their_own_processes_pass_with_their_own_state() {
    // `shard`: the main thread's state is untouched; each thread reports its own.
    let mut initial = state();
    initial["Q"] = json!((0..8).map(|s| tag(2, 0, s)).collect::<Vec<_>>());
    initial["G"] = json!([tag(1, 0, 28)]);
    let mut out = main_line(initial, vec![]);
    for k in [1, 2] {
        let mut r = report(k);
        r["local"] = json!(true);
        r["next0"] = json!([0, 30, 8, 6, 6, 0]);
        let mut st = state();
        if k == 2 {
            st["Q"] = json!((0..8).map(|s| tag(2, 0, s)).collect::<Vec<_>>());
            st["G"] = json!([]);
        }
        r["state"] = st;
        out.push_str(&format!("TF-THREAD {r}\n"));
    }
    let f = check(2, &ok(out));
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_panic_is_a_crash_with_its_message() {
    let mut o = ok(String::new());
    o.code = Some(101);
    o.stderr = "thread 'Thread-1' panicked at crates/vm/src/ops/seq.rs:233:27:\nrange end index 9 out of range for slice of length 4\n".into();
    let f = check(2, &o);
    assert_eq!(f[0].kind, Kind::Crash);
    assert!(f[0].detail.contains("seq.rs:233:27: range end index 9 out of range"), "{f:?}");
    assert_eq!(
        f[0].signature(),
        "crash: panicked at crates/vm/src/ops/seq.rs:N:N: range end index N out of range for slice of length N"
    );
}

#[test]
fn a_panic_in_the_standard_library_is_placed_at_the_workspace_frame_and_a_hang_after_it_is_reported()
 {
    let o = Outcome {
        killed_after_panic: true,
        stderr: "thread 'T' (12) panicked at /rustc/abc/library/core/src/slice/index.rs:1020:51:\n\
                 range end index 22 out of range for slice of length 14\nstack backtrace:\n\
                 0: x\n             at /rustc/abc/library/core/src/panicking.rs:80:14\n\
                 1: y\n             at /work/orig/crates/vm/src/ops/seq.rs:236:25\n"
            .into(),
        ..Default::default()
    };
    let f = check(2, &o);
    assert_eq!(kinds(&f), vec![Kind::Crash, Kind::Hang], "{f:?}");
    assert_eq!(
        f[0].detail,
        "panicked at crates/vm/src/ops/seq.rs:236:25 (in library/core/src/slice/index.rs:1020:51): range end index 22 out of range for slice of length 14"
    );
}

#[test]
fn a_signal_an_exit_status_and_stray_stderr_are_crashes() {
    let mut o = ok(main_line(state(), vec![report(1), report(2)]));
    o.code = None;
    o.signal = Some(11);
    assert!(check(2, &o).iter().any(|f| f.kind == Kind::Crash && f.detail.contains("SIGSEGV")));
    o.signal = None;
    o.code = Some(1);
    assert!(check(2, &o).iter().any(|f| f.detail == "exit status 1"));
    o.stderr =
        "Traceback (most recent call last):\n  ...\nNameError: name 'x' is not defined\n".into();
    assert!(
        check(2, &o)
            .iter()
            .any(|f| f.detail == "exit status 1: NameError: name 'x' is not defined")
    );
    o.stderr.clear();
    o.code = Some(0);
    o.stderr = "Exception in thread Thread-1:\nTraceback (most recent call last):\n".into();
    assert!(
        check(2, &o)
            .iter()
            .any(|f| f.kind == Kind::Crash && f.detail.contains("unexpected stderr"))
    );
}

#[test]
fn a_hang_and_a_leak_are_reported() {
    let o = Outcome { timed_out: true, ..Default::default() };
    assert_eq!(kinds(&check(2, &o)), vec![Kind::Hang]);
    let mut o = ok(main_line(state(), vec![report(1), report(2)]));
    o.code = Some(3);
    o.stderr = "gillab: leak check failed: 4 objects still alive after teardown\n".into();
    assert_eq!(kinds(&check(2, &o)), vec![Kind::Leak]);
}

#[test]
fn a_value_never_stored_is_an_invariant_failure() {
    let mut st = state();
    st["L1"][3] = json!(tag(1, 1, 5)); // thread 1 stored only seq 0 in space 1
    let f = check(2, &ok(main_line(st, vec![report(1), report(2)])));
    assert!(
        f.iter()
            .any(|f| f.kind == Kind::Invariant
                && f.detail.contains("L1 holds 1 value(s) never stored")),
        "{f:?}"
    );
    let mut st = state();
    st["G2"] = json!([tag(1, 0, 29), tag(1, 0, 28)]);
    let f = check(2, &ok(main_line(st, vec![report(1), report(2)])));
    assert!(f.iter().any(|f| f.detail.contains("G2 is not a pair")), "{f:?}");
    let mut r = report(2);
    r["bad"] = json!(["space 1: 'garbage'"]);
    let f = check(2, &ok(main_line(state(), vec![report(1), r])));
    assert!(f.iter().any(|f| f.detail.contains("thread 2 read a value never stored")), "{f:?}");
}

#[test]
fn lost_and_duplicated_elements_are_invariant_failures() {
    let mut st = state();
    st["Q"].as_array_mut().unwrap().pop();
    let f = check(2, &ok(main_line(st, vec![report(1), report(2)])));
    assert!(f.iter().any(|f| f.detail.contains("Q: 1 of 10 added value(s) lost")), "{f:?}");
    let mut r = report(2);
    r["qgot"] = json!([tag(2, 0, 3)]);
    let f = check(2, &ok(main_line(state(), vec![report(1), r])));
    assert!(
        f.iter().any(|f| f.detail.contains("removed twice or removed and still there")),
        "{f:?}"
    );
}

#[test]
fn an_exception_cpython_cannot_raise_is_reported() {
    let mut r = report(2);
    r["exc"] = json!({"list.append": {"TypeError: 'NoneType' object is not callable": 1},
                      "list.setslice_ext": {"ValueError: attempt to assign sequence of size 2 to extended slice of size 3": 4}});
    let f = check(2, &ok(main_line(state(), vec![report(1), r])));
    assert_eq!(kinds(&f), vec![Kind::Exception], "{f:?}");
    assert!(f[0].detail.starts_with("list.append raised `TypeError"), "{f:?}");
}

#[test]
fn missing_reports_and_garbage_output_are_reported() {
    let f = check(2, &ok(main_line(state(), vec![report(1)])));
    assert!(f.iter().any(|f| f.detail == "no report from thread 2"), "{f:?}");
    let f = check(2, &ok(String::from("hello\n")));
    assert!(f.iter().any(|f| f.detail.contains("unexpected output line: hello")), "{f:?}");
    assert!(f.iter().any(|f| f.detail == "no TF-MAIN line"), "{f:?}");
}
