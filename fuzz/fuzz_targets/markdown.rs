//! Fuzz target: the Markdown of a page of the `web` fixture, rendered with
//! its links resolved against that handbook, and its anchors checked.
//! What one input does is in `fuzz/harness.rs`, which
//! `tests/fuzz_regressions.rs` runs too.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::markdown(data));
