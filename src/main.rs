//! The `brug` binary: parses the command line and hands over to the library.
#![forbid(unsafe_code)]

use clap::Parser;

/// mimalloc instead of the system allocator: HTML minification and template
/// rendering make millions of small allocations, and glibc's malloc/free
/// took about a third of build time in profiles (see README, Benchmarks).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    brug::cli::run(brug::cli::Cli::parse())
}
