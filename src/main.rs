//! The `gillab` binary.

use clap::Parser;

fn main() {
    let cli = gillab::cli::Cli::parse();
    std::process::exit(gillab::cli::main(cli));
}
