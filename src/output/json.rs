//! Results for scripts: one JSON document per query, the schema documented in the README.

use std::io::{self, Write};

use serde::Serialize;

/// Writes results (of one query, or one query of a batch) as one line of JSON.
pub(crate) fn print_json(results: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, results)?;
    writeln!(out)
}
