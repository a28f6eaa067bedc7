//! The `gillab` binary.

use clap::Parser;

fn main() {
    // A panic anywhere (a bug: no Python program may cause one) ends the process at once, in
    // every build profile. With unwinding (debug builds, where `panic = "abort"` does not
    // apply), a panicking interpreter thread would otherwise die alone, leaving the others
    // blocked on it forever: a hang instead of a crash that tests and the fuzzer can see.
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        report(info);
        std::process::abort();
    }));
    let argv = gillab::cli::program_args_verbatim(std::env::args_os().collect());
    let cli = gillab::cli::Cli::parse_from(argv);
    std::process::exit(gillab::cli::main(cli));
}
