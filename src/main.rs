//! The `brug` binary: parses the command line and hands over to the library.
#![forbid(unsafe_code)]

use clap::Parser;

/// mimalloc instead of the system allocator: HTML minification and template
/// rendering make millions of small allocations, and glibc's malloc/free
/// took about a third of build time in profiles (see README, Benchmarks).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // The render threads recurse as deep as a page nests (Markdown, raw
    // HTML, the minifier), and a debug build's frames are large: 16 MiB
    // of stack, not rayon's 2, keeps the deepest page brug accepts (a
    // hundred levels of each) well inside. Only the pages used are mapped.
    let threads = rayon::ThreadPoolBuilder::new().stack_size(16 << 20);
    // It fails only if a pool was built already, which nothing does before.
    let _ = threads.build_global();
    brug::cli::run(brug::cli::Cli::parse())
}
