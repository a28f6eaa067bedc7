//! The `gillab` command line: `run`, `dis`, `backends`.

use crate::{WithBackend, backends, with_backend};
use clap::{Parser, Subcommand};
use gillab_vm::source::Origin;
use gillab_vm::{Backend, BackendOptions, RunOptions};
use std::path::{Path, PathBuf};

/// gil-lab: run Python programs under interchangeable memory-safety backends.
#[derive(Parser, Debug)]
#[command(name = "gillab", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run a Python file.
    Run(RunArgs),
    /// Print the bytecode of a Python file (the module and every function in it).
    Dis {
        /// The file to disassemble.
        file: PathBuf,
    },
    /// List the backends.
    Backends,
    /// Run the benchmark matrix (workloads × backends × threads, CPython as reference) and
    /// write records and a report (`results/<machine-label>/REPORT.md`).
    Compare(crate::compare::CompareArgs),
    /// Regenerate REPORT.md, report.json and the plots from recorded benchmark results.
    Report(crate::compare::ReportArgs),
    /// Serve as a worker process of `multiprocessing` and the `shard` backend (internal: the
    /// parent starts it and talks NDJSON over its stdin/stdout).
    #[command(hide = true)]
    Worker(WorkerArgs),
}

/// Arguments of the hidden `gillab worker`.
#[derive(clap::Args, Debug)]
pub struct WorkerArgs {
    /// Starting a thread while the module body runs is the bootstrapping error (the parent
    /// runs on the `shard` backend, where threads are processes).
    #[arg(long)]
    pub thread_guard: bool,
    /// GIL switch interval in seconds.
    #[arg(long, default_value_t = 0.005)]
    pub switch_interval: f64,
    /// The program (the parent's).
    pub file: PathBuf,
    /// `sys.argv[1:]`.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// GIL hand-off policies (see `crates/backend-gil`).
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum GilPolicy {
    /// CPython 3.2+: drop requests after one switch interval, forced switching.
    Interval,
    /// Python 2: release and re-take every `--check-interval` checks.
    Ticks,
    /// `interval`, with threads returning from I/O served first.
    IoPriority,
}

impl GilPolicy {
    /// The name the backend reads.
    pub fn name(self) -> &'static str {
        match self {
            GilPolicy::Interval => "interval",
            GilPolicy::Ticks => "ticks",
            GilPolicy::IoPriority => "io-priority",
        }
    }
}

/// Arguments of `gillab run`.
#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// Memory-safety backend (see `gillab backends`).
    #[arg(long, short = 'b', default_value = "gil")]
    pub backend: String,
    /// GIL switch interval in seconds (CPython's `sys.setswitchinterval`).
    #[arg(long, default_value_t = 0.005)]
    pub switch_interval: f64,
    /// GIL hand-off policy: `interval` (CPython 3.2+), `ticks` (Python 2), `io-priority`
    /// (threads back from I/O are served first; the convoy-effect fix).
    #[arg(long, value_enum, default_value_t = GilPolicy::Interval)]
    pub gil_policy: GilPolicy,
    /// Bytecodes between forced releases under `--gil-policy ticks`.
    #[arg(long, default_value_t = 100)]
    pub check_interval: u32,
    /// Turn off the reference-count elision of fused int fast paths (every local and constant
    /// read then pushes a counted reference, as a plain stack machine does).
    #[arg(long)]
    pub no_rc_elision: bool,
    /// Print the backend's counters as one JSON line on stderr at exit.
    #[arg(long)]
    pub stats: bool,
    /// Fail with status 3 if any object is still alive after teardown (used by the tests).
    #[arg(long, hide = true)]
    pub check_leaks: bool,
    /// The program.
    pub file: PathBuf,
    /// Arguments passed to the program in `sys.argv[1:]`.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

struct Run<'a> {
    path: &'a Path,
    options: RunOptions,
}

impl WithBackend for Run<'_> {
    type Output = i32;
    fn run<B: Backend>(self) -> i32 {
        let path = self.path.to_path_buf();
        let options = self.options;
        // The VM runs on a thread of its own so that its stack fits the recursion limit.
        let handle = std::thread::Builder::new()
            .name("MainThread".into())
            .stack_size(gillab_vm::THREAD_STACK_SIZE)
            .spawn(move || gillab_vm::run_file::<B>(&path, &options));
        match handle.map(|h| h.join()) {
            Ok(Ok(status)) => status,
            Ok(Err(_)) => 70,
            Err(e) => {
                eprintln!("gillab: cannot start the interpreter thread: {e}");
                70
            }
        }
    }
}

/// Runs the CLI and returns the process exit status.
pub fn main(cli: Cli) -> i32 {
    match cli.command {
        Command::Backends => {
            for (name, desc) in backends() {
                println!("{name:<10} {desc}");
            }
            0
        }
        // The compiler recurses over the syntax tree: give it the interpreter's stack.
        Command::Dis { file } => std::thread::Builder::new()
            .stack_size(gillab_vm::THREAD_STACK_SIZE)
            .spawn(move || dis(&file))
            .map_or(70, |h| h.join().unwrap_or(70)),
        Command::Run(args) => run(args),
        Command::Compare(args) => crate::compare::compare(args),
        Command::Report(args) => crate::compare::report(args),
        Command::Worker(args) => worker(args),
    }
}

fn run(args: RunArgs) -> i32 {
    if !backends().iter().any(|(n, _)| *n == args.backend) {
        let names: Vec<_> = backends().iter().map(|(n, _)| *n).collect();
        eprintln!("gillab: unknown backend '{}' (choose from: {})", args.backend, names.join(", "));
        return 2;
    }
    // A directory runs its `__main__.py`, as in CPython (`sys.argv[0]` stays the directory).
    let program = if args.file.is_dir() {
        let main = args.file.join("__main__.py");
        if !main.is_file() {
            eprintln!("gillab: can't find '__main__' module in '{}'", args.file.display());
            return 1;
        }
        main
    } else {
        args.file.clone()
    };
    if !program.is_file() {
        eprintln!("gillab: can't open file '{}': No such file or directory", args.file.display());
        return 2;
    }
    if args.switch_interval.is_nan() || args.switch_interval <= 0.0 {
        eprintln!("gillab: --switch-interval must be positive");
        return 2;
    }
    let mut argv = vec![args.file.to_string_lossy().to_string()];
    argv.extend(args.args.iter().cloned());
    let options = RunOptions {
        backend: BackendOptions {
            switch_interval: args.switch_interval,
            check_interval: args.check_interval.max(1),
            gil_policy: args.gil_policy.name().to_string(),
            rc_elision: !args.no_rc_elision,
        },
        argv,
        stats: args.stats,
        check_leaks: args.check_leaks,
    };
    // Workers for `multiprocessing` (every backend) and for `shard`'s threads start lazily.
    let mut worker_flags = vec!["--switch-interval".to_string(), args.switch_interval.to_string()];
    if args.backend == "shard" {
        worker_flags.push("--thread-guard".into());
    }
    let host = gillab_shard::Host::new(program.clone(), options.argv.clone(), worker_flags);
    gillab_vm::procs::set_host(host.clone());
    let status = with_backend(&args.backend, Run { path: &program, options }).unwrap_or(2);
    host.shutdown();
    status
}

fn worker(args: WorkerArgs) -> i32 {
    let mut argv = vec![args.file.to_string_lossy().to_string()];
    argv.extend(args.args);
    let options = BackendOptions { switch_interval: args.switch_interval, ..Default::default() };
    gillab_shard::worker::worker_main(gillab_shard::worker::WorkerArgs {
        program: args.file,
        argv,
        options,
        thread_guard: args.thread_guard,
    })
}

fn dis(file: &Path) -> i32 {
    let filename = file.to_string_lossy();
    let source = match std::fs::read(file) {
        Ok(bytes) => match gillab_vm::source::decode(&bytes, &filename, Origin::Script) {
            Ok(s) => s,
            Err(report) => {
                eprint!("{report}");
                return 1;
            }
        },
        Err(e) => {
            eprintln!("gillab: can't open file '{}': {e}", file.display());
            return 2;
        }
    };
    match gillab_compiler::compile_source(&source, &filename) {
        Ok(code) => {
            print!("{}", gillab_compiler::dis::disassemble(&code));
            0
        }
        Err(e) => {
            eprint!("{}", e.render(&filename, &source));
            1
        }
    }
}
