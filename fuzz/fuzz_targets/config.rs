//! Fuzz target: `handbook.toml`, parsed and validated, and the `web`
//! fixture's content loaded with it.
//! What one input does is in `fuzz/harness.rs`, which
//! `tests/fuzz_regressions.rs` runs too.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::config(data));
