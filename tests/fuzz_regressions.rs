//! Replays every input kept in `fuzz/regressions/<target>/` (inputs that once crashed a fuzz target, and hand-made hostile ones) through the same checks the fuzz targets run.

use std::path::Path;

use newsearch::extract::Format;

#[path = "../fuzz/checks.rs"]
mod checks;

/// Runs `check` on every file of the target's folder; returns how many there were.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        eprintln!("{}", path.display());
        check(&data);
        count += 1;
    }
    assert!(count > 0, "{} holds no input", folder.display());
    count
}

#[test]
fn query_inputs() {
    replay("query", checks::query);
}

#[test]
fn analyzer_inputs() {
    replay("analyzer", checks::analyzer);
}

#[test]
fn page_text_inputs() {
    replay("extract_page_text", |data| {
        checks::extract(Format::PageText, data)
    });
}

#[test]
fn html_inputs() {
    replay("extract_html", |data| checks::extract(Format::Html, data));
}

#[test]
fn json_records_inputs() {
    replay("extract_json_records", |data| {
        checks::extract(Format::JsonRecords, data)
    });
}

#[test]
fn any_format_inputs() {
    replay("extract_any", checks::extract_any);
}
