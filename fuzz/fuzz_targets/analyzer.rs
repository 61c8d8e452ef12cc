//! Fuzz target: see `checks::analyzer`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::analyzer(data));
