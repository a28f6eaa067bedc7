//! The GIL's behaviour, observed from Python programs run by `gillab`: the GIL does not make
//! `n += 1` atomic, a lock does, and a drop request is honoured so CPU-bound threads do not
//! starve. Each run is bounded by a timeout; the racy test tries a bounded number of times.

mod common;

fn run(args: &[&str]) -> String {
    common::gillab_ok(args)
}

fn first_number(s: &str) -> u64 {
    s.split_whitespace().next().and_then(|w| w.parse().ok()).expect("a count")
}

#[test]
fn unlocked_increment_loses_updates_under_ticks() {
    // Python 2's GIL (switches between any two bytecodes) with a check interval of 1.
    let mut lost = false;
    for _ in 0..5 {
        let out = run(&[
            "run",
            "--gil-policy",
            "ticks",
            "--check-interval",
            "1",
            "examples/counter_unlocked.py",
            "4",
            "20000",
        ]);
        if first_number(&out) < 80_000 {
            lost = true;
            break;
        }
    }
    assert!(lost, "no update was lost in 5 tries: the race was not reproduced");
}

#[test]
fn locked_increment_never_loses_updates() {
    for policy in ["interval", "ticks", "io-priority"] {
        let out = run(&[
            "run",
            "--gil-policy",
            policy,
            "--check-interval",
            "1",
            "--switch-interval",
            "0.0001",
            "examples/counter_locked.py",
            "4",
            "5000",
        ]);
        assert_eq!(first_number(&out), 20_000, "{policy}: {out}");
    }
}

#[test]
fn drop_requests_keep_cpu_bound_threads_progressing() {
    let dir = std::env::temp_dir().join(format!("gillab-gil-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let prog = dir.join("starve.py");
    std::fs::write(
        &prog,
        "import threading, time\n\
         begin = time.perf_counter()\n\
         stop = begin + 1.0\n\
         gaps = {}\n\
         def spin(name):\n\
         \x20   last = time.perf_counter()\n\
         \x20   worst = 0.0\n\
         \x20   while True:\n\
         \x20       now = time.perf_counter()\n\
         \x20       worst = max(worst, now - last)\n\
         \x20       last = now\n\
         \x20       if now > stop:\n\
         \x20           break\n\
         \x20   gaps[name] = worst\n\
         ts = [threading.Thread(target=spin, args=(i,)) for i in range(2)]\n\
         for t in ts: t.start()\n\
         for t in ts: t.join()\n\
         span = time.perf_counter() - begin\n\
         print(gaps[0] / span, gaps[1] / span)\n",
    )
    .expect("write");
    let out = run(&["run", "--switch-interval", "0.005", prog.to_str().expect("utf-8 path")]);
    let _ = std::fs::remove_dir_all(&dir);
    let gaps: Vec<f64> = out.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    assert_eq!(gaps.len(), 2, "{out}");
    for g in gaps {
        // Each gap is a fraction of the whole run. A thread that is served waits about one
        // switch interval (5 ms, under 1 % of the run) at a time, plus whatever the OS adds on
        // a loaded machine; a starved thread waits for the other to finish, most of the run.
        // Half the run separates the two whatever the machine's speed.
        assert!(g < 0.5, "a thread waited {:.0} % of the run for the GIL: {out}", g * 100.0);
    }
}
