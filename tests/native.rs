//! The `native` module: correct results, and the difference between releasing the VM
//! (`hold=False`, like NumPy) and holding it (`hold=True`) while the Rust code runs.

mod common;

fn run_program(name: &str, source: &str) -> String {
    let dir = std::env::temp_dir().join(format!("gillab-native-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let file = dir.join("prog.py");
    std::fs::write(&file, source).expect("write");
    let out = common::gillab_ok(&["run", file.to_str().expect("utf-8")]);
    let _ = std::fs::remove_dir_all(&dir);
    out
}

#[test]
fn results_match_python() {
    let out = run_program(
        "results",
        "import native\n\
         print(native.sum_of_squares(0), native.sum_of_squares(10))\n\
         print(native.sum_of_squares(100000) == sum(i * i for i in range(100000)))\n\
         print(native.sum_of_squares(10, hold=True))\n\
         data = bytes(range(256)) * 1000\n\
         print(native.checksum(data) == native.checksum(data, hold=True) == native.checksum(data, 1))\n\
         print(native.checksum(b'a') != native.checksum(b'b'))\n\
         try:\n    native.sum_of_squares(-1)\nexcept ValueError as e:\n    print('ValueError', e)\n",
    );
    assert_eq!(out, "0 285\nTrue\n285\nTrue\nTrue\nValueError n must be >= 0\n");
}

#[test]
fn releasing_lets_other_threads_run() {
    // While a worker thread is inside the native call, the main thread spins and records the
    // longest pause it saw, as a fraction of the call's own duration. Nothing is compared with
    // an absolute time, so the build profile and the machine's speed or load do not matter:
    // released, the main thread keeps running through the call (its longest pause is a
    // scheduling or switch-interval gap, a few percent of the call); held, it is frozen for
    // the whole call (its longest pause covers the call). The data is built before the thread
    // starts, and the call borrows it rather than copying it with the VM held.
    let out = run_program(
        "release",
        "import native, threading, time\n\
         DATA = b'x' * 1000000\n\
         def pause_fraction(hold):\n\
         \x20   state = {}\n\
         \x20   def work():\n\
         \x20       state['start'] = time.perf_counter()\n\
         \x20       native.checksum(DATA, 300, hold=hold)\n\
         \x20       state['end'] = time.perf_counter()\n\
         \x20   t = threading.Thread(target=work)\n\
         \x20   worst = 0.0\n\
         \x20   last = time.perf_counter()\n\
         \x20   t.start()\n\
         \x20   while 'end' not in state:\n\
         \x20       now = time.perf_counter()\n\
         \x20       if 'start' in state:\n\
         \x20           worst = max(worst, now - last)\n\
         \x20       last = now\n\
         \x20   t.join()\n\
         \x20   return worst / (state['end'] - state['start'])\n\
         released = pause_fraction(False)\n\
         held = pause_fraction(True)\n\
         print(released < 0.5, held > 0.5, released < held)\n\
         print(released, held)\n",
    );
    let first = out.lines().next().unwrap_or("");
    assert_eq!(first, "True True True", "{out}");
}
