//! The `gillab` command line: `run`, `dis`, `backends`.

use crate::{Entry, Executor, Policy, WithBackend, backends, with_backend};
use clap::{Parser, Subcommand};
use gillab_vm::builtins::modules::multiprocessing::shm;
use gillab_vm::source::ScriptError;
use gillab_vm::{Backend, GilConfig, RunOptions, VmOptions};
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
    Backends {
        /// One JSON object per backend, with its facts (GIL policies, whether threads share
        /// memory, counters), for tools that drive `gillab`.
        #[arg(long)]
        json: bool,
    },
    /// Run the benchmark matrix (workloads × backends × threads, CPython as reference) and
    /// write records and a report (`results/<machine-label>/REPORT.md`).
    Compare(crate::compare::CompareArgs),
    /// Regenerate REPORT.md, report.json and the plots from recorded benchmark results.
    Report(crate::compare::ReportArgs),
    /// Serve as a worker process of `multiprocessing` and of the process executor (internal:
    /// the parent starts it and talks NDJSON over its stdin/stdout).
    #[command(hide = true)]
    Worker(WorkerArgs),
}

/// Arguments of the hidden `gillab worker`.
#[derive(clap::Args, Debug)]
pub struct WorkerArgs {
    /// Starting a thread while the module body runs is the bootstrapping error (the parent
    /// runs with the process executor, where threads are processes).
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

/// Arguments of `gillab run`.
#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// Memory-safety backend (see `gillab backends`; the default is the registry's first).
    #[arg(long, short = 'b', default_value = crate::ENTRIES[0].name)]
    pub backend: String,
    /// GIL switch interval in seconds (CPython's `sys.setswitchinterval`).
    #[arg(long, default_value_t = 0.005)]
    pub switch_interval: f64,
    /// GIL hand-off policy, for a backend with a GIL: `interval` (CPython 3.2+, the default),
    /// `ticks` (Python 2), `io-priority` (threads back from I/O are served first; the
    /// convoy-effect fix).
    #[arg(long)]
    pub gil_policy: Option<Policy>,
    /// Bytecodes between forced releases under `--gil-policy ticks`.
    #[arg(long, default_value_t = 100)]
    pub check_interval: u32,
    /// Turn off the reference-count elision of fused int fast paths (every local and constant
    /// read then pushes a counted reference, as a plain stack machine does).
    #[arg(long)]
    pub no_rc_elision: bool,
    /// Turn off the type-attribute cache (every class-attribute lookup then walks the class
    /// and its MRO, as before issue 16).
    #[arg(long)]
    pub no_attr_cache: bool,
    /// Turn off the global sites (every `LOAD_GLOBAL` then hashes and probes the globals and
    /// the builtins, as before issue 16).
    #[arg(long)]
    pub no_global_cache: bool,
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
    fn run<B: Backend>(self, _entry: &'static Entry) -> i32 {
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

/// Makes `gillab run [OPTIONS] FILE ARGS...` hand ARGS to the program untouched, as
/// `python3 FILE ARGS...` does: `-h`, `--help` and `--` after FILE are the program's (a
/// benchmark's `-h` prints its own usage). clap would take `-h` there as its own help flag and
/// drop a `--`, so a `--` is put right after FILE; which of `run`'s options take a value (and so
/// skip the next word while FILE is looked for) comes from the clap definition itself.
pub fn program_args_verbatim(argv: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    use clap::CommandFactory;
    let cli = Cli::command();
    let Some(run) = cli.find_subcommand("run") else { return argv };
    if argv.get(1).is_none_or(|a| a != "run") {
        return argv;
    }
    let takes_value = |word: &str| -> bool {
        let found = if let Some(long) = word.strip_prefix("--") {
            if long.contains('=') {
                return false;
            }
            run.get_arguments().find(|a| a.get_long() == Some(long))
        } else {
            let mut chars = word.chars().skip(1);
            match (chars.next(), chars.next()) {
                (Some(c), None) => run.get_arguments().find(|a| a.get_short() == Some(c)),
                _ => None,
            }
        };
        found.is_some_and(|a| a.get_action().takes_values())
    };
    let mut i = 2;
    while let Some(word) = argv.get(i).map(|w| w.to_string_lossy().into_owned()) {
        if word == "--" {
            return argv;
        }
        if !word.starts_with('-') || word == "-" {
            let mut out = argv[..=i].to_vec();
            out.push("--".into());
            out.extend_from_slice(&argv[i + 1..]);
            return out;
        }
        i += if takes_value(&word) { 2 } else { 1 };
    }
    argv
}

/// Runs the CLI and returns the process exit status.
pub fn main(cli: Cli) -> i32 {
    register_stdlib();
    match cli.command {
        Command::Backends { json } => {
            for e in backends() {
                if json {
                    println!("{}", e.to_json());
                } else {
                    println!("{:<10} {}", e.name, e.description());
                }
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
    let Some(entry) = crate::entry(&args.backend) else {
        let names: Vec<_> = backends().iter().map(|e| e.name).collect();
        eprintln!("gillab: unknown backend '{}' (choose from: {})", args.backend, names.join(", "));
        return 2;
    };
    if let Some(policy) = args.gil_policy
        && !entry.facts.takes_policy(policy)
    {
        if entry.facts.gil.is_none() {
            eprintln!(
                "gillab: --gil-policy applies to a backend with a GIL; '{}' has none",
                entry.name
            );
        } else {
            let names: Vec<_> = entry.policies().iter().map(|p| p.name()).collect();
            eprintln!(
                "gillab: backend '{}' has no GIL policy '{policy}' (it has: {})",
                entry.name,
                names.join(", ")
            );
        }
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
        vm: VmOptions {
            name: entry.name,
            executor: entry.executor,
            gil: GilConfig {
                policy: args.gil_policy,
                switch_interval: args.switch_interval,
                check_interval: args.check_interval.max(1),
            },
            rc_elision: !args.no_rc_elision,
            attr_cache: !args.no_attr_cache,
            global_cache: !args.no_global_cache,
        },
        argv,
        stats: args.stats,
        check_leaks: args.check_leaks,
    };
    // Workers for `multiprocessing` (every backend) and for the process executor's threads
    // start lazily.
    let mut worker_flags = vec!["--switch-interval".to_string(), args.switch_interval.to_string()];
    if entry.executor == Executor::Processes {
        worker_flags.push("--thread-guard".into());
    }
    let host = gillab_process_host::Host::new(program.clone(), options.argv.clone(), worker_flags);
    gillab_vm::procs::set_host(host.clone());
    // Shared segments (`multiprocessing.Value`/`Array`) left by runs that were killed.
    if std::env::var_os("GILLAB_ROOT_PID").is_none() {
        shm::sweep_dead(None);
    }
    let status = with_backend(&args.backend, Run { path: &program, options }).unwrap_or(2);
    host.shutdown();
    // Every child is reaped (and its segments swept); what this process created and did not
    // free by now (a leaked object) goes too.
    shm::sweep_dead(Some(std::process::id()));
    status
}

fn worker(args: WorkerArgs) -> i32 {
    let mut argv = vec![args.file.to_string_lossy().to_string()];
    argv.extend(args.args);
    let gil = GilConfig { switch_interval: args.switch_interval, ..GilConfig::default() };
    let options = VmOptions { gil, ..VmOptions::default() };
    gillab_process_host::worker::worker_main(gillab_process_host::worker::WorkerArgs {
        program: args.file,
        argv,
        options,
        thread_guard: args.thread_guard,
    })
}

fn dis(file: &Path) -> i32 {
    let filename = file.to_string_lossy();
    let source = match gillab_vm::source::read_script(file) {
        Ok(s) => s,
        Err(ScriptError::Undecodable(report)) => {
            eprint!("{report}");
            return 1;
        }
        Err(ScriptError::Unreadable(e)) => {
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

/// Makes the modules of `gillab-stdlib` importable by every backend's VMs.
fn register_stdlib() {
    struct Register;
    impl WithBackend for Register {
        type Output = ();
        fn run<B: Backend>(self, _entry: &'static Entry) {
            gillab_stdlib::register::<B>();
        }
    }
    for e in backends() {
        with_backend(e.name, Register);
    }
}

#[cfg(test)]
mod tests {
    use super::program_args_verbatim;

    fn words(v: &[&str]) -> Vec<std::ffi::OsString> {
        v.iter().map(|w| w.into()).collect()
    }

    #[test]
    fn the_programs_arguments_stay_its_own() {
        let cases: &[(&[&str], &[&str])] = &[
            (&["gillab", "run", "p.py", "-h"], &["gillab", "run", "p.py", "--", "-h"]),
            (
                &["gillab", "run", "-b", "atomic", "--stats", "p.py", "--", "x"],
                &["gillab", "run", "-b", "atomic", "--stats", "p.py", "--", "--", "x"],
            ),
            (
                &["gillab", "run", "--backend=gil", "--switch-interval", "0.1", "p.py"],
                &["gillab", "run", "--backend=gil", "--switch-interval", "0.1", "p.py", "--"],
            ),
            (&["gillab", "run", "--help"], &["gillab", "run", "--help"]),
            (&["gillab", "run", "--", "p.py", "-h"], &["gillab", "run", "--", "p.py", "-h"]),
            (&["gillab", "compare", "x"], &["gillab", "compare", "x"]),
        ];
        for (given, want) in cases {
            assert_eq!(program_args_verbatim(words(given)), words(want), "{given:?}");
        }
    }
}
