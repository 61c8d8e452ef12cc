//! Results for scripts: one JSON document per query, the schema documented in the README.

use std::io::{self, Write};

use crate::results::SearchResults;

/// Writes the results as one line of JSON.
pub fn print_json(results: &SearchResults, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, results)?;
    writeln!(out)
}
