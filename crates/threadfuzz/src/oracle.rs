//! The oracle: decides whether one run of a generated program went right.
//!
//! A run fails on a crash (an exit by signal, an exit status other than 0, a Rust panic, a
//! `fatal runtime error`, a stack overflow, anything at all on stderr), a hang (the run's
//! timeout), a failed leak check, output that is not the program's report, an exception that
//! CPython could not raise for that op ([`crate::allow`]), or a broken invariant: a value read
//! or left in a container that no thread stored, a missing or duplicated thread report, or an
//! element of `Q`, `DQ` or `SQ` lost or duplicated (what was added must equal what was removed
//! plus what is left).

use crate::ops;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

/// How a process ended, and what it wrote.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Exit status, if it exited.
    pub code: Option<i32>,
    /// The signal that ended it, if one did.
    pub signal: Option<i32>,
    /// Killed by the fuzzer after its timeout.
    pub timed_out: bool,
    /// Killed by the fuzzer because it went on after a thread panicked.
    pub killed_after_panic: bool,
    /// Its stdout.
    pub stdout: String,
    /// Its stderr.
    pub stderr: String,
}

/// What kind of failure a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Panic, abort, signal, bad exit status, or unexpected stderr.
    Crash,
    /// Did not finish within the timeout.
    Hang,
    /// `--check-leaks` failed.
    Leak,
    /// The report is missing or malformed.
    Output,
    /// An exception CPython could not raise for that op.
    Exception,
    /// An invariant does not hold.
    Invariant,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Kind::Crash => "crash",
            Kind::Hang => "hang",
            Kind::Leak => "leak",
            Kind::Output => "output",
            Kind::Exception => "exception",
            Kind::Invariant => "invariant",
        };
        f.write_str(s)
    }
}

/// One thing wrong with a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Its kind.
    pub kind: Kind,
    /// What exactly.
    pub detail: String,
}

impl Finding {
    fn new(kind: Kind, detail: impl Into<String>) -> Self {
        Finding { kind, detail: detail.into() }
    }

    /// The finding with numbers blanked out: equal for the same bug seen twice.
    pub fn signature(&self) -> String {
        let mut s = String::new();
        let mut in_num = false;
        for c in self.detail.chars() {
            if c.is_ascii_digit() {
                if !in_num {
                    s.push('N');
                }
                in_num = true;
            } else {
                in_num = false;
                s.push(c);
            }
        }
        format!("{}: {}", self.kind, s.chars().take(200).collect::<String>())
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.detail)
    }
}

/// Checks one run of a program with `threads` threads.
pub fn check(threads: usize, out: &Outcome) -> Vec<Finding> {
    let mut found = process_findings(out);
    if out.timed_out || out.killed_after_panic {
        return found;
    }
    found.extend(report_findings(threads, &out.stdout));
    found
}

/// Findings from how the process ended and from its stderr.
fn process_findings(out: &Outcome) -> Vec<Finding> {
    let mut found = Vec::new();
    let err = &out.stderr;
    let lines: Vec<&str> = err.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if let Some(p) = line.find("panicked at ") {
            // `thread 'X' panicked at FILE:L:C:` then the message on the next line; a panic
            // inside the standard library is placed at the first frame of the workspace.
            let mut at = line[p + "panicked at ".len()..].trim_end_matches(':').to_string();
            if at.starts_with('/')
                && let Some(frame) = workspace_frame(&lines[i..])
            {
                at = format!("{frame} (in {})", short_path(&at));
            }
            let msg = lines.get(i + 1).copied().unwrap_or("");
            found.push(Finding::new(Kind::Crash, format!("panicked at {at}: {msg}")));
        }
    }
    if out.timed_out {
        found.push(Finding::new(Kind::Hang, "did not finish before the timeout"));
        return found;
    }
    if out.killed_after_panic {
        found.push(Finding::new(Kind::Hang, "still running after a thread panicked (killed)"));
        return found;
    }
    for needle in ["fatal runtime error", "stack overflow", "Segmentation fault", "Aborted"] {
        if let Some(line) = lines.iter().find(|l| l.contains(needle)) {
            found.push(Finding::new(Kind::Crash, line.trim().to_string()));
        }
    }
    if let Some(line) = lines.iter().find(|l| l.contains("leak check failed")) {
        found.push(Finding::new(Kind::Leak, line.trim().to_string()));
    }
    if let Some(sig) = out.signal {
        found.push(Finding::new(
            Kind::Crash,
            format!("killed by signal {sig} ({})", signal_name(sig)),
        ));
    } else if out.code != Some(0) && !found.iter().any(|f| f.kind == Kind::Leak) {
        let code = out.code.map_or("?".into(), |c| c.to_string());
        // The last line of stderr is usually what went wrong (a traceback's exception line).
        let detail = match lines.iter().rev().find(|l| !l.trim().is_empty()) {
            Some(last) if found.is_empty() => format!("exit status {code}: {}", clip(last.trim())),
            _ => format!("exit status {code}"),
        };
        found.push(Finding::new(Kind::Crash, detail));
    }
    if found.is_empty() && !err.trim().is_empty() {
        let first: Vec<&str> = lines.iter().take(6).copied().collect();
        found.push(Finding::new(Kind::Crash, format!("unexpected stderr: {}", first.join(" | "))));
    }
    found
}

/// The first backtrace frame (`at PATH:L:C`) outside the standard library and the crate
/// registry, relative to the workspace.
fn workspace_frame(lines: &[&str]) -> Option<String> {
    lines.iter().take(200).filter_map(|l| l.trim().strip_prefix("at ")).find_map(|p| {
        let p = p.trim();
        let foreign = p.starts_with("/rustc/") || p.contains("/.cargo/") || p.contains("/library/");
        (!foreign && p.contains(".rs:")).then(|| short_path(p))
    })
}

/// `/work/x/crates/vm/src/a.rs:1:2` → `crates/vm/src/a.rs:1:2`; std paths → `library/core/src/...`.
fn short_path(p: &str) -> String {
    for marker in ["/crates/", "/library/"] {
        if let Some(i) = p.find(marker) {
            return p[i + 1..].to_string();
        }
    }
    p.to_string()
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => "signal",
    }
}

/// Findings from the `TF-MAIN` and `TF-THREAD` lines.
fn report_findings(threads: usize, stdout: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut main = None;
    let mut locals = Vec::new();
    for line in stdout.lines() {
        let parsed = if let Some(j) = line.strip_prefix("TF-MAIN ") {
            serde_json::from_str::<Value>(j).map(|v| {
                if main.is_some() {
                    found.push(Finding::new(Kind::Output, "two TF-MAIN lines"));
                }
                main = Some(v);
            })
        } else if let Some(j) = line.strip_prefix("TF-THREAD ") {
            serde_json::from_str::<Value>(j).map(|v| locals.push(v))
        } else {
            found.push(Finding::new(
                Kind::Output,
                format!("unexpected output line: {}", clip(line)),
            ));
            continue;
        };
        if let Err(e) = parsed {
            found.push(Finding::new(Kind::Output, format!("bad JSON ({e}): {}", clip(line))));
        }
    }
    let Some(main) = main else {
        found.push(Finding::new(Kind::Output, "no TF-MAIN line"));
        return found;
    };
    if main["threads"].as_u64() != Some(threads as u64) {
        found.push(Finding::new(Kind::Output, format!("TF-MAIN threads is {}", main["threads"])));
    }
    let shared: Vec<&Value> =
        main["reports"].as_array().map(|a| a.iter().collect()).unwrap_or_default();
    let mut seen: BTreeMap<u64, usize> = BTreeMap::new();
    for r in shared.iter().copied().chain(locals.iter()) {
        let Some(k) = r["k"].as_u64() else {
            found.push(Finding::new(Kind::Output, "a report without k"));
            continue;
        };
        *seen.entry(k).or_default() += 1;
        check_report(k, r, &mut found);
    }
    for k in 1..=threads as u64 {
        match seen.get(&k) {
            None => found.push(Finding::new(Kind::Output, format!("no report from thread {k}"))),
            Some(1) => {}
            Some(n) => {
                found.push(Finding::new(Kind::Output, format!("{n} reports from thread {k}")))
            }
        }
    }
    if let Some(k) = seen.keys().find(|k| **k == 0 || **k > threads as u64) {
        found.push(Finding::new(Kind::Output, format!("report from unknown thread {k}")));
    }
    // The shared state with every report made in this process; each thread that ran in a
    // process of its own (`local`), with its own state.
    let mut shared_counts = BTreeMap::new();
    shared_counts.insert(0, counts(&main["next0"]));
    for r in &shared {
        shared_counts.insert(r["k"].as_u64().unwrap_or(99) as usize, counts(&r["next"]));
    }
    check_state("shared", threads, &main["state"], &shared_counts, &shared, &mut found);
    for r in &locals {
        let k = r["k"].as_u64().unwrap_or(99) as usize;
        let mut c = BTreeMap::new();
        c.insert(0, counts(&r["next0"]));
        c.insert(k, counts(&r["next"]));
        check_state(
            &format!("thread {k} (own process)"),
            threads,
            &r["state"],
            &c,
            &[r],
            &mut found,
        );
    }
    found
}

fn clip(s: &str) -> String {
    if s.len() > 160 {
        let mut end = 160;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}...", &s[..end])
    } else {
        s.to_string()
    }
}

fn counts(v: &Value) -> Vec<u64> {
    v.as_array().map(|a| a.iter().map(|x| x.as_u64().unwrap_or(0)).collect()).unwrap_or_default()
}

/// Exceptions against the allow-list, and values read that were never stored.
fn check_report(k: u64, r: &Value, found: &mut Vec<Finding>) {
    if let Some(ex) = r["exc"].as_object() {
        for (op, msgs) in ex {
            let Some(spec) = ops::spec(op) else {
                found.push(Finding::new(Kind::Output, format!("thread {k}: unknown op {op}")));
                continue;
            };
            for (msg, n) in msgs.as_object().into_iter().flatten() {
                if !spec.raises.iter().any(|e| e.matches(msg)) {
                    found.push(Finding::new(
                        Kind::Exception,
                        format!("{op} raised `{msg}` ({} times in thread {k}); CPython cannot", n),
                    ));
                }
            }
        }
    } else {
        found.push(Finding::new(Kind::Output, format!("thread {k}: no exception counts")));
    }
    for b in r["bad"].as_array().into_iter().flatten() {
        found.push(Finding::new(
            Kind::Invariant,
            format!("thread {k} read a value never stored: {}", b.as_str().unwrap_or("?")),
        ));
    }
}

/// A stored value's tag: (space, writer, seq).
fn decode(v: &Value) -> Option<(u64, u64, u64)> {
    let v = v.as_u64()?;
    let hi = v / 1_000_000;
    Some((hi / 16, hi % 16, v % 1_000_000))
}

fn tag(space: u64, writer: u64, seq: u64) -> u64 {
    (space * 16 + writer) * 1_000_000 + seq
}

struct Scope<'a> {
    name: &'a str,
    threads: usize,
    counts: &'a BTreeMap<usize, Vec<u64>>,
}

impl Scope<'_> {
    fn valid(&self, v: &Value, space: u64) -> bool {
        let Some((sp, w, seq)) = decode(v) else { return false };
        if sp != space || w as usize > self.threads {
            return false;
        }
        if space == 5 {
            return seq < 16;
        }
        self.counts.get(&(w as usize)).and_then(|c| c.get(space as usize)).is_some_and(|n| seq < *n)
    }

    fn all_valid(&self, what: &str, vals: &[&Value], space: u64, found: &mut Vec<Finding>) {
        let bad: Vec<String> =
            vals.iter().filter(|v| !self.valid(v, space)).map(|v| v.to_string()).collect();
        if !bad.is_empty() {
            found.push(Finding::new(
                Kind::Invariant,
                format!(
                    "{}: {what} holds {} value(s) never stored: {}",
                    self.name,
                    bad.len(),
                    first(&bad)
                ),
            ));
        }
    }

    /// Added = removed + left, with nothing twice.
    fn conserved(
        &self,
        what: &str,
        space: u64,
        left: &[&Value],
        removed: &[&Value],
        found: &mut Vec<Finding>,
    ) {
        let mut expected = BTreeSet::new();
        for (w, c) in self.counts {
            for seq in 0..c.get(space as usize).copied().unwrap_or(0) {
                expected.insert(tag(space, *w as u64, seq));
            }
        }
        let mut seen: HashMap<u64, usize> = HashMap::new();
        let mut foreign = Vec::new();
        for v in left.iter().chain(removed) {
            match v.as_u64() {
                Some(x) if expected.contains(&x) => *seen.entry(x).or_default() += 1,
                _ => foreign.push(v.to_string()),
            }
        }
        let twice: Vec<String> =
            seen.iter().filter(|(_, n)| **n > 1).map(|(v, n)| format!("{v} x{n}")).collect();
        let lost: Vec<String> =
            expected.iter().filter(|v| !seen.contains_key(v)).map(|v| v.to_string()).collect();
        let name = self.name;
        if !foreign.is_empty() {
            found.push(Finding::new(
                Kind::Invariant,
                format!(
                    "{name}: {what} holds or gave {} value(s) never added: {}",
                    foreign.len(),
                    first(&foreign)
                ),
            ));
        }
        if !twice.is_empty() {
            found.push(Finding::new(
                Kind::Invariant,
                format!(
                    "{name}: {what}: {} value(s) removed twice or removed and still there: {}",
                    twice.len(),
                    first(&twice)
                ),
            ));
        }
        if !lost.is_empty() {
            found.push(Finding::new(
                Kind::Invariant,
                format!(
                    "{name}: {what}: {} of {} added value(s) lost (neither removed nor left): {}",
                    lost.len(),
                    expected.len(),
                    first(&lost)
                ),
            ));
        }
    }
}

fn first(items: &[String]) -> String {
    let mut s = items.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > 5 {
        s.push_str(", ...");
    }
    s
}

fn arr(v: &Value) -> Vec<&Value> {
    v.as_array().map(|a| a.iter().collect()).unwrap_or_default()
}

/// The pairs `[key, value]` of a dumped dict.
fn pairs(v: &Value) -> Vec<(&Value, &Value)> {
    arr(v).into_iter().filter_map(|p| Some((p.get(0)?, p.get(1)?))).collect()
}

fn check_state(
    name: &str,
    threads: usize,
    st: &Value,
    counts: &BTreeMap<usize, Vec<u64>>,
    reports: &[&Value],
    found: &mut Vec<Finding>,
) {
    if !st.is_object() {
        found.push(Finding::new(Kind::Output, format!("{name}: no state")));
        return;
    }
    let sc = Scope { name, threads, counts };
    for l in ["L0", "L1", "box_items", "cls", "G"] {
        sc.all_valid(l, &arr(&st[l]), 1, found);
    }
    let d = pairs(&st["D"]);
    let keys_ok = d.iter().all(|(k, _)| {
        k.as_str()
            .and_then(|k| k.strip_prefix('k'))
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|n| n < 12)
    });
    if !keys_ok || d.len() != arr(&st["D"]).len() {
        found.push(Finding::new(
            Kind::Invariant,
            format!("{name}: D has a key never stored: {}", st["D"]),
        ));
    }
    sc.all_valid("D", &d.iter().map(|(_, v)| *v).collect::<Vec<_>>(), 1, found);
    let bx = pairs(&st["box"]);
    if bx.iter().any(|(n, _)| !matches!(n.as_str(), Some("a0" | "a1" | "a2" | "a3"))) {
        found.push(Finding::new(
            Kind::Invariant,
            format!("{name}: box has an attribute never set: {}", st["box"]),
        ));
    }
    sc.all_valid("box attributes", &bx.iter().map(|(_, v)| *v).collect::<Vec<_>>(), 1, found);
    let g2 = arr(&st["G2"]);
    if g2.len() != 2 || g2[0] != g2[1] || !sc.valid(g2[0], 1) {
        found.push(Finding::new(
            Kind::Invariant,
            format!("{name}: G2 is not a pair as stored: {}", st["G2"]),
        ));
    }
    sc.all_valid("S", &arr(&st["S"]), 5, found);
    let got = |i: usize| -> Vec<&Value> {
        let key = ["qgot", "dqgot", "sqgot"][i];
        reports.iter().flat_map(|r| arr(&r[key])).collect()
    };
    sc.conserved("Q", 2, &arr(&st["Q"]), &got(0), found);
    let dq = pairs(&st["DQ"]);
    let wrong: Vec<String> = dq
        .iter()
        .filter(|(k, v)| v.as_str() != Some(&format!("v{}", k.as_u64().unwrap_or(u64::MAX))))
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    if !wrong.is_empty() {
        found.push(Finding::new(
            Kind::Invariant,
            format!("{name}: DQ maps keys to values never stored with them: {}", first(&wrong)),
        ));
    }
    sc.conserved("DQ", 3, &dq.iter().map(|(k, _)| *k).collect::<Vec<_>>(), &got(1), found);
    sc.conserved("SQ", 4, &arr(&st["SQ"]), &got(2), found);
}

#[cfg(test)]
mod tests;
