//! The `brug` binary: parses the command line and hands over to the library.
#![forbid(unsafe_code)]

use clap::Parser;

fn main() -> std::process::ExitCode {
    brug::cli::run(brug::cli::Cli::parse())
}
