//! The summary of an indexing run: one line on stdout, each skipped or repaired file on stderr with its reason.

use std::io::{self, Write};

use crate::index::{IndexingReport, SkippedFile};

use super::style::Style;
use super::terminal_safe::terminal_safe;

/// Prints the skipped files and those indexed with a repair (to `errors`) and the summary
/// line (to `out`); with `list_other_formats`, the files in formats newsearch does not read
/// too (to `errors`).
pub(crate) fn print_index_report(
    report: &IndexingReport,
    style: Style,
    list_other_formats: bool,
    out: &mut dyn Write,
    errors: &mut dyn Write,
) -> io::Result<()> {
    print_files(errors, "skipped", &report.skipped)?;
    print_files(errors, "note:", &report.repaired)?;
    if list_other_formats {
        for path in &report.other_formats {
            writeln!(
                errors,
                "newsearch: not read (not a format newsearch reads): {}",
                terminal_safe(&path.display().to_string())
            )?;
        }
    }
    print_missing_and_moved(report, errors)?;
    print_summary_line(report, style, list_other_formats, out)?;
    print_field_mappings(report, out)?;
    if report.interrupted {
        writeln!(
            errors,
            "newsearch: interrupted: the index holds the {} committed so far; run the same command again to finish",
            plural(report.articles_in_index, "article")
        )?;
    }
    Ok(())
}

/// `1 file`, `2 files`.
fn plural(count: u64, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}

/// One line per file no longer found (its articles removed, or kept with `--keep-missing`)
/// and per folder found moved, on `errors`.
fn print_missing_and_moved(report: &IndexingReport, errors: &mut dyn Write) -> io::Result<()> {
    let action = if report.missing_kept {
        "kept the articles of"
    } else {
        "removed the articles of"
    };
    for path in &report.missing_files {
        writeln!(
            errors,
            "newsearch: {action} {}: no longer found under the inputs",
            terminal_safe(&path.display().to_string())
        )?;
    }
    for moved in &report.moved {
        writeln!(
            errors,
            "newsearch: {} moved to {}: forgot the old paths of {}",
            terminal_safe(&moved.from.display().to_string()),
            terminal_safe(&moved.to.display().to_string()),
            plural(moved.files, "file"),
        )?;
    }
    Ok(())
}

/// The one line that sums the run up: what was indexed, how fast, and what was not.
fn print_summary_line(
    report: &IndexingReport,
    style: Style,
    list_other_formats: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let seconds = report.elapsed.as_secs_f64().max(1e-9);
    let copies = if report.copies > 0 {
        format!(
            "; {} already indexed from another copy",
            plural(report.copies, "article")
        )
    } else {
        String::new()
    };
    let other_formats = match report.other_formats.len() as u64 {
        0 => String::new(),
        count => format!(
            " ({} in other formats not read{})",
            plural(count, "file"),
            if list_other_formats {
                ""
            } else {
                ": --verbose lists them"
            }
        ),
    };
    let missing_word = if report.missing_kept {
        "kept"
    } else {
        "removed"
    };
    writeln!(
        out,
        "{} from {} in {:.2} s ({:.0} articles/s, {:.1} MiB/s); {}{copies}; {} skipped{other_formats}; {}; {} {missing_word}; the index holds {}.",
        style.title(&format!("Indexed {}", plural(report.articles, "article"))),
        plural(report.files, "file"),
        seconds,
        report.articles as f64 / seconds,
        report.bytes as f64 / (1024.0 * 1024.0) / seconds,
        plural(report.exact_duplicates, "exact duplicate"),
        report.skipped.len(),
        plural(report.unchanged_files, "unchanged file"),
        plural(report.missing_files.len() as u64, "missing file"),
        plural(report.articles_in_index, "article"),
    )
}

/// One line per file (and line of a record), on `errors`: `newsearch: LABEL PATH:LINE: reason`.
fn print_files(errors: &mut dyn Write, label: &str, files: &[SkippedFile]) -> io::Result<()> {
    for file in files {
        let line = file.line.map(|line| format!(":{line}")).unwrap_or_default();
        writeln!(
            errors,
            "newsearch: {label} {}{line}: {}",
            terminal_safe(&file.path.display().to_string()),
            terminal_safe(&file.reason)
        )?;
    }
    Ok(())
}

/// Says which `--field` mappings records were read with when there are any, or that they
/// were forgotten: a run without `--field` may use mappings the user no longer has in mind.
fn print_field_mappings(report: &IndexingReport, out: &mut dyn Write) -> io::Result<()> {
    let fields = &report.fields;
    let pairs: Vec<String> = fields
        .pairs
        .iter()
        .map(|pair| format!("--field {}", terminal_safe(pair)))
        .collect();
    let read_again = if fields.files_read_again > 0 {
        format!(
            "; {} read again for them",
            plural(fields.files_read_again, "unchanged file")
        )
    } else {
        String::new()
    };
    if fields.from_index && !pairs.is_empty() {
        writeln!(
            out,
            "JSON records read with the mappings stored with the index: {} (give --field to replace them, --forget-fields to drop them).",
            pairs.join(" ")
        )?;
    } else if !fields.from_index && !pairs.is_empty() {
        let stored = if fields.changed && report.interrupted {
            "stored with the index once a run completes"
        } else if fields.changed {
            "now stored with the index for later runs"
        } else {
            "as stored with the index"
        };
        writeln!(
            out,
            "JSON records read with {} ({stored}{read_again}).",
            pairs.join(" ")
        )?;
    } else if fields.changed {
        writeln!(
            out,
            "The --field mappings stored with the index are forgotten{read_again}."
        )?;
    }
    Ok(())
}
