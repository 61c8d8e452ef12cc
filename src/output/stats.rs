//! What an index holds, for people (`newsearch stats`).

use std::io::{self, Write};

use crate::results::{FacetCount, IndexStats};

use super::style::Style;
use super::terminal_safe::terminal_safe;

/// Prints the statistics: totals first, then one line per category and per month.
pub(crate) fn print_stats(stats: &IndexStats, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let dates = match (&stats.oldest_date, &stats.newest_date) {
        (Some(oldest), Some(newest)) => format!("from {oldest} to {newest}"),
        _ => "no dated article".to_string(),
    };
    writeln!(
        out,
        "{} {} ({dates}; {} undated)",
        style.title("Articles:"),
        stats.articles,
        stats.undated
    )?;
    writeln!(
        out,
        "{} {} ({} articles folded into another of their group)",
        style.title("Near-duplicate groups:"),
        stats.duplicate_groups,
        stats.duplicate_copies
    )?;
    let size = match stats.index_bytes {
        bytes if bytes < 1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        bytes => format!("{:.1} MB", bytes as f64 / 1e6),
    };
    writeln!(out, "{} {size}", style.title("Index size:"))?;
    print_counts(
        out,
        style,
        "Per category:",
        &stats.categories,
        "no category",
    )?;
    print_counts(out, style, "Per month:", &stats.months, "no date")
}

fn print_counts(
    out: &mut dyn Write,
    style: Style,
    label: &str,
    counts: &[FacetCount],
    none: &str,
) -> io::Result<()> {
    writeln!(out, "{}", style.title(label))?;
    let width = counts
        .iter()
        .map(|entry| entry.value.as_deref().unwrap_or(none).chars().count())
        .max()
        .unwrap_or(0);
    for entry in counts {
        let value = terminal_safe(entry.value.as_deref().unwrap_or(none));
        writeln!(out, "  {value:<width$}  {:>7}", entry.count)?;
    }
    Ok(())
}
