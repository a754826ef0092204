//! Fuzz target: the search analyser of both languages, as the index uses it.
//! What one input does is in `fuzz/harness.rs`, which
//! `tests/fuzz_regressions.rs` runs too.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::search_analyzer(data));
