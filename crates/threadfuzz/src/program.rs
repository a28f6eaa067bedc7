//! The program generator: from a seed, a multi-threaded Python program (valid CPython 3.11
//! and gil-lab Python) whose threads run random operations from [`crate::ops`] on shared
//! state, each in its own `try:`, and report what they saw.
//!
//! Layout of a program: a header (seed, parameters, `NTHREADS`, `ROUNDS`, `CAP`, a barrier),
//! the prelude (`prelude.py`: value tags, checks, `_setup`, `_state`, the JSON report), one
//! function per thread (its ops, repeated `ROUNDS` times after the barrier) and
//! `if __name__ == "__main__": _main([...])`, which starts the threads, joins them and prints
//! one `TF-MAIN` JSON line.
//!
//! On a backend whose threads are processes (`shard`), a thread finds itself in another process
//! (`os.getpid()` differs from its parent's) and runs on fresh state of its own (`_setup()`),
//! then prints its own `TF-THREAD` line with that state: the same checks then hold per thread.

use crate::Rng;
use crate::ops::{self, Emit, Group, OpSpec};
use rand::{RngExt, SeedableRng};

const PRELUDE: &str = include_str!("prelude.py");

/// Most threads a program may have (writer numbers must fit the 16 slots of a value tag).
pub const MAX_THREADS: usize = 15;

/// What the generator may choose from.
#[derive(Debug, Clone)]
pub struct GenOptions {
    /// Threads per program: chosen in `2..=max_threads` (at most [`MAX_THREADS`]).
    pub max_threads: usize,
    /// Groups to use; `None`: a random few per program.
    pub groups: Option<Vec<Group>>,
}

impl Default for GenOptions {
    fn default() -> Self {
        GenOptions { max_threads: 4, groups: None }
    }
}

/// A generated program.
#[derive(Debug, Clone)]
pub struct Program {
    /// The seed it was generated from.
    pub seed: u64,
    /// Its threads.
    pub threads: usize,
    /// Times each thread runs its ops.
    pub rounds: usize,
    /// Ops per thread per round.
    pub ops_per_round: Vec<usize>,
    /// The groups its ops come from.
    pub groups: Vec<Group>,
    /// The Python source.
    pub source: String,
}

impl Program {
    /// Ops all threads run in total.
    pub fn total_ops(&self) -> usize {
        self.ops_per_round.iter().sum::<usize>() * self.rounds
    }
}

fn pick_groups(rng: &mut Rng) -> Vec<Group> {
    // Lists (the slice races) are in most programs; a few other groups join them, so that
    // threads meet on the same objects often.
    loop {
        let mut gs: Vec<Group> = Group::ALL
            .into_iter()
            .filter(|g| rng.random_bool(if *g == Group::List { 0.85 } else { 0.25 }))
            .collect();
        gs.truncate(3);
        if !gs.is_empty() {
            return gs;
        }
    }
}

fn pick_op<'a>(rng: &mut Rng, choices: &[(&'a OpSpec, u32)]) -> &'a OpSpec {
    let total: u32 = choices.iter().map(|(_, w)| w).sum();
    let mut x = rng.random_range(0..total);
    for (s, w) in choices {
        if x < *w {
            return s;
        }
        x -= w;
    }
    choices[choices.len() - 1].0
}

/// Generates the program for `seed`.
pub fn generate(seed: u64, opts: &GenOptions) -> Program {
    let mut rng = Rng::seed_from_u64(seed);
    let max = opts.max_threads.clamp(2, MAX_THREADS);
    let threads = rng.random_range(2..=max);
    let rounds = rng.random_range(4..=16);
    let cap = rng.random_range(12..=40);
    let groups = match &opts.groups {
        Some(g) if !g.is_empty() => g.clone(),
        _ => pick_groups(&mut rng),
    };
    let mut src = String::new();
    src.push_str(&format!(
        "# gillab-threadfuzz program: seed {seed}, {threads} threads, {rounds} rounds, groups {}.\n",
        groups.iter().map(|g| g.name()).collect::<Vec<_>>().join(",")
    ));
    src.push_str(
        "# Runs under CPython 3.11 and gil-lab; prints one TF-MAIN line (JSON) for the oracle.\n",
    );
    src.push_str("import os\nimport sys\nimport threading\n\n");
    src.push_str(&format!("NTHREADS = {threads}\nROUNDS = {rounds}\nCAP = {cap}\n"));
    src.push_str("BARRIER = threading.Barrier(NTHREADS)\n\n");
    src.push_str(PRELUDE);
    let mut ops_per_round = Vec::new();
    for k in 1..=threads {
        // Each thread leans its own way: per-op weights scaled by a random factor.
        let choices: Vec<(&OpSpec, u32)> = ops::table()
            .iter()
            .filter(|s| s.weight > 0 && groups.contains(&s.group))
            .map(|s| (s, s.weight * rng.random_range(0..=4)))
            .filter(|(_, w)| *w > 0)
            .collect();
        let choices = if choices.is_empty() {
            ops::table()
                .iter()
                .filter(|s| s.weight > 0 && groups.contains(&s.group))
                .map(|s| (s, s.weight))
                .collect()
        } else {
            choices
        };
        let n = rng.random_range(8..=30);
        ops_per_round.push(n);
        src.push_str(&format!("\n\ndef _thread_{k}(k, pid):\n"));
        src.push_str("    global L0, L1, Q, D, S, G, G2\n");
        src.push_str("    local = os.getpid() != pid\n");
        src.push_str("    if local:\n        _setup()\n    else:\n        BARRIER.wait()\n");
        src.push_str("    ex = {}\n    bad = []\n    got = ([], [], [])\n");
        src.push_str("    mine = []\n    mydq = []\n    mysq = []\n");
        src.push_str("    for _r in range(ROUNDS):\n");
        for _ in 0..n {
            let spec = pick_op(&mut rng, &choices);
            let mut e = Emit { rng: &mut rng, threads, cap };
            for b in (spec.emit)(&mut e) {
                src.push_str("        try:\n");
                for line in &b.lines {
                    src.push_str(&format!("            {line}\n"));
                }
                src.push_str(&format!(
                    "        except Exception as e:\n            _rec(ex, \"{}\", e)\n",
                    b.op
                ));
            }
        }
        src.push_str("    _finish(k, local, ex, bad, got)\n");
    }
    src.push_str("\n\nif __name__ == \"__main__\":\n    _main([");
    src.push_str(&(1..=threads).map(|k| format!("_thread_{k}")).collect::<Vec<_>>().join(", "));
    src.push_str("])\n");
    Program { seed, threads, rounds, ops_per_round, groups, source: src }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_program_other_seed_other_program() {
        let o = GenOptions::default();
        let a = generate(42, &o);
        assert_eq!(a.source, generate(42, &o).source);
        assert_ne!(a.source, generate(43, &o).source);
        assert!((2..=4).contains(&a.threads));
        assert!(a.source.contains("if __name__ == \"__main__\":"));
        assert!(a.source.contains("seed 42,"));
    }

    #[test]
    fn thread_count_and_groups_follow_the_options() {
        let o = GenOptions { max_threads: 2, groups: Some(vec![Group::Queue]) };
        for seed in 0..20 {
            let p = generate(seed, &o);
            assert_eq!(p.threads, 2);
            assert_eq!(p.groups, vec![Group::Queue]);
            assert!(!p.source.contains("L0.") && p.source.contains("Q."), "seed {seed}");
        }
    }

    #[test]
    fn programs_use_every_group_and_the_headline_slice_ops() {
        let o = GenOptions::default();
        let all: String = (0..200).map(|s| generate(s, &o).source).collect();
        for needle in [
            "_rec(ex, \"list.setslice\"",
            "_rec(ex, \"list.setslice_ext\"",
            "_rec(ex, \"list.sort_key\"",
            "_rec(ex, \"list.extend_other\"",
            "_rec(ex, \"list.clear\"",
            "_rec(ex, \"list.iter\"",
            "_rec(ex, \"queue.pop\"",
            "_rec(ex, \"dict.iter\"",
            "_rec(ex, \"dictqueue.popitem\"",
            "_rec(ex, \"set.iter\"",
            "_rec(ex, \"setqueue.remove\"",
            "_rec(ex, \"instance.del\"",
            "_rec(ex, \"global.del\"",
        ] {
            assert!(all.contains(needle), "no program has {needle}");
        }
        assert!(all.contains("L0.extend(L1)") && all.contains("L1.extend(L0)"));
    }

    /// Programs compile under CPython when python3 is installed (it is not required: without it
    /// the test says so on stderr and checks nothing else).
    #[test]
    fn programs_compile_under_cpython() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut files = Vec::new();
        for seed in 0..40 {
            let f = dir.path().join(format!("p{seed}.py"));
            std::fs::write(&f, generate(seed, &GenOptions::default()).source).expect("write");
            files.push(f);
        }
        let out =
            std::process::Command::new("python3").args(["-m", "py_compile"]).args(&files).output();
        let Ok(out) = out else {
            eprintln!("python3 not found: generated programs were not compiled by CPython");
            return;
        };
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}
