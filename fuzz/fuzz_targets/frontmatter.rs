//! Fuzz target: a whole page file (UTF-8, front matter, the checks against
//! handbook.toml, the rewrite of `brug status --stamp`).
//! What one input does is in `fuzz/harness.rs`, which
//! `tests/fuzz_regressions.rs` runs too.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::frontmatter(data));
