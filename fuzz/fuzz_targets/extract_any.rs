//! Fuzz target: see `checks::extract_any`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::extract_any(data));
