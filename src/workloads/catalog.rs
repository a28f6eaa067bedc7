//! The workload catalog: every file in `benches/workloads/`, embedded in the binary (so
//! `gillab compare` runs from any folder), with its sizes and what its numbers mean. The
//! comparison and the criterion benches read this one list; the report (`gillab_report`,
//! which reads only records) gets the part it prints from it, as [`report_info`].
//!
//! It lives in the `gillab` package because that package owns `benches/`: the `include_str!`s
//! below stay inside their own package.

use gillab_report::WorkloadInfo;

/// One workload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Workload {
    /// Name (the file is `<name>.py`).
    pub name: &'static str,
    /// One line for the report.
    pub about: &'static str,
    /// What one operation is.
    pub unit: &'static str,
    /// Size for `gillab compare` (and `cargo bench` with `GILLAB_BENCH_FULL=1`).
    pub size: u64,
    /// Size for `gillab compare --quick` and `cargo bench`.
    pub quick_size: u64,
    /// Samples per configuration under `gillab compare --quick` without `--samples`: 3, or 2
    /// for the ftscalingbench-style group, so that the whole quick matrix stays near 3
    /// minutes on 2 cores (the full run takes 5 of every workload).
    pub quick_samples: usize,
    /// Whether CPython runs it meaningfully (the `native` module is gil-lab's own).
    pub cpython: bool,
    /// Whether every GIL policy is measured (otherwise only the default one).
    pub all_policies: bool,
    /// Whether 0 threads is a meaningful point (convoy: the server without CPU-bound load).
    pub zero_threads: bool,
    /// Whether it is measured at one point only (it sets up its own concurrency, as
    /// `many_waiters` does with N tasks and N threads): `compare` runs it at 1 thread.
    pub one_point: bool,
    /// Whether its threads must share memory (a global counter, a socket, a stop flag), so
    /// that it cannot run where threads are worker processes.
    pub shared_memory: bool,
    /// The Python source.
    pub source: &'static str,
}

impl Workload {
    /// The file name.
    pub fn file(&self) -> String {
        format!("{}.py", self.name)
    }

    /// What the report says about it.
    pub fn info(&self) -> WorkloadInfo {
        WorkloadInfo { name: self.name.into(), about: self.about.into(), unit: self.unit.into() }
    }
}

macro_rules! src {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/workloads/", $name, ".py"))
    };
}

/// Every workload, in report order.
pub const CATALOG: &[Workload] = &[
    Workload {
        name: "countdown",
        about: "CPU-bound, private data: `while n > 0: n -= 1` with COUNT split over N threads.",
        unit: "iterations",
        size: 30_000_000,
        quick_size: 10_000_000,
        quick_samples: 3,
        cpython: true,
        all_policies: true,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("countdown"),
    },
    Workload {
        name: "shared_read",
        about: "N threads read the value in every object of one shared list (one-element lists): reference-count traffic on shared objects.",
        unit: "element visits",
        size: 10_000_000,
        quick_size: 3_000_000,
        quick_samples: 3,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("shared_read"),
    },
    Workload {
        name: "counter",
        about: "N threads increment one global, first under a `threading.Lock`, then without one (lost updates counted).",
        unit: "increments",
        size: 3_000_000,
        quick_size: 1_000_000,
        quick_samples: 3,
        cpython: true,
        all_policies: true,
        zero_threads: false,
        one_point: false,
        shared_memory: true,
        source: src!("counter"),
    },
    Workload {
        name: "io_sleep",
        about: "N threads each sleep 1 ms many times (total sleeps fixed).",
        unit: "sleeps",
        size: 300,
        quick_size: 100,
        quick_samples: 3,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("io_sleep"),
    },
    Workload {
        name: "async_sleep",
        about: "N asyncio tasks in one thread each sleep 1 ms many times (total sleeps fixed): io_sleep with tasks instead of threads; threads = N tasks.",
        unit: "sleeps",
        size: 300,
        quick_size: 100,
        quick_samples: 3,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("async_sleep"),
    },
    Workload {
        name: "many_waiters",
        about: "The start-up time and resident memory of N waiters at once: N asyncio tasks in one thread, then N threads, each blocked on an event.",
        unit: "waiters",
        size: 10_000,
        quick_size: 10_000,
        quick_samples: 3,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: true,
        shared_memory: true,
        source: src!("many_waiters"),
    },
    Workload {
        name: "io_file",
        about: "N threads read a 1 MiB file in 64 KiB chunks (from the page cache).",
        unit: "chunk reads",
        size: 60_000,
        quick_size: 20_000,
        quick_samples: 3,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("io_file"),
    },
    Workload {
        name: "convoy",
        about: "An echo server thread on loopback answers a client while K CPU-bound threads spin (Beazley, bpo-7946); threads = K.",
        unit: "requests",
        size: 200,
        quick_size: 50,
        quick_samples: 3,
        cpython: true,
        all_policies: true,
        zero_threads: true,
        one_point: false,
        shared_memory: true,
        source: src!("convoy"),
    },
    Workload {
        name: "async_echo",
        about: "The convoy experiment with an asyncio echo server (one event loop, streams) answering a client while K CPU-bound threads spin; threads = K.",
        unit: "requests",
        size: 200,
        quick_size: 50,
        quick_samples: 3,
        cpython: true,
        all_policies: true,
        zero_threads: true,
        one_point: false,
        shared_memory: true,
        source: src!("async_echo"),
    },
    Workload {
        name: "native",
        about: "N threads call the rayon-backed `native.sum_of_squares`, releasing the interpreter, then holding it (`hold=True`).",
        unit: "elements summed",
        size: 600_000_000,
        quick_size: 200_000_000,
        quick_samples: 3,
        cpython: false,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("native"),
    },
    Workload {
        name: "spawn",
        about: "Start and join N threads (worker processes on a process backend), repeated for a number of rounds.",
        unit: "threads started and joined",
        size: 1_000,
        quick_size: 300,
        quick_samples: 3,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("spawn"),
    },
    Workload {
        name: "sharing",
        about: "One producer hands integers to one consumer, then the two bounce one back and forth, over `queue.Queue` between threads and over `multiprocessing.Queue`, `Pipe`, a locked shared `Array` and a `Manager`'s queue between processes: what sharing costs.",
        unit: "items handed over (5 channels)",
        size: 20_000,
        quick_size: 5_000,
        quick_samples: 3,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: true,
        shared_memory: true,
        source: src!("sharing"),
    },
    Workload {
        name: "create_object",
        about: "Each of N threads creates instances of a module-level class (two attributes set in `__init__`) and drops them: allocation and freeing of private objects (ftscalingbench's object creation).",
        unit: "objects created",
        size: 750_000,
        quick_size: 180_000,
        quick_samples: 2,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("create_object"),
    },
    Workload {
        name: "method_call",
        about: "N threads call a method that reads two attributes of ONE shared instance: reference-count traffic on a shared object and its bound method.",
        unit: "method calls",
        size: 1_400_000,
        quick_size: 350_000,
        quick_samples: 2,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("method_call"),
    },
    Workload {
        name: "module_function",
        about: "N threads call a module-level function doing a little integer arithmetic: the call path, no shared data but the function and the globals.",
        unit: "function calls",
        size: 2_200_000,
        quick_size: 500_000,
        quick_samples: 2,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("module_function"),
    },
    Workload {
        name: "attr_read",
        about: "N threads read three attributes of ONE shared instance: reference-count traffic on a shared object.",
        unit: "rounds (3 attribute reads)",
        size: 1_600_000,
        quick_size: 400_000,
        quick_samples: 2,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("attr_read"),
    },
    Workload {
        name: "dict_read",
        about: "N threads look up a small-int key and a short string key in ONE shared dict.",
        unit: "rounds (2 lookups)",
        size: 3_200_000,
        quick_size: 750_000,
        quick_samples: 2,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("dict_read"),
    },
    Workload {
        name: "closure_create",
        about: "Each iteration defines a nested function closing over the loop variable and calls it once.",
        unit: "closures made and called",
        size: 1_100_000,
        quick_size: 260_000,
        quick_samples: 2,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("closure_create"),
    },
    Workload {
        name: "tuple_const",
        about: "Each iteration unpacks the constant `(1, 2, 3)` and compares a tuple with the constant `(1, 2)`: constants shared through the code object.",
        unit: "rounds",
        size: 1_800_000,
        quick_size: 420_000,
        quick_samples: 2,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("tuple_const"),
    },
    Workload {
        name: "local_read",
        about: "Each of N threads reads an attribute of its own object, found by thread number in a module-level table (stands in for ftscalingbench's `threading.local` read).",
        unit: "reads",
        size: 2_600_000,
        quick_size: 600_000,
        quick_samples: 2,
        cpython: true,
        all_policies: false,
        zero_threads: false,
        one_point: false,
        shared_memory: false,
        source: src!("local_read"),
    },
];

/// The workload called `name`.
pub fn find(name: &str) -> Option<&'static Workload> {
    CATALOG.iter().find(|w| w.name == name)
}

/// What the report says about every workload, in report order (the catalog's).
pub fn report_info() -> Vec<WorkloadInfo> {
    CATALOG.iter().map(Workload::info).collect()
}

/// The catalog's names, comma-separated (for error messages).
pub fn names() -> String {
    CATALOG.iter().map(|w| w.name).collect::<Vec<_>>().join(", ")
}

/// Writes every workload's source into `dir` (created if needed) and returns it.
pub fn materialize(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for w in CATALOG {
        std::fs::write(dir.join(w.file()), w.source)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_workload_is_guarded_and_prints_json() {
        for w in CATALOG {
            assert!(w.source.contains("if __name__ == \"__main__\":"), "{}", w.name);
            assert!(w.source.contains(&format!("\"workload\": \"{}\"", w.name)), "{}", w.name);
            assert!(w.source.contains("time.perf_counter()"), "{}", w.name);
            assert!(w.quick_size <= w.size && w.quick_size > 0, "{}", w.name);
            assert!((2..=5).contains(&w.quick_samples), "{}", w.name);
        }
        assert!(find("countdown").is_some() && find("nope").is_none());
        assert!(names().starts_with("countdown, shared_read"));
        let info = report_info();
        assert_eq!(info.len(), CATALOG.len());
        assert_eq!(info[1].name, "shared_read");
        assert_eq!(info[1].unit, "element visits");
    }
}
