//! Fuzz target: the PageText reader on any bytes (see `checks::extract`).
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::extract(newsearch::extract::Format::PageText, data));
