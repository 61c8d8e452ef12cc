//! Bytes to text: decompression, the text's encoding, control characters, and which format a file's first bytes show.

mod compression;
mod control_characters;
mod text_encoding;

use std::io::{self, BufRead, Cursor, Read};
use std::path::Path;

pub(crate) use compression::expected_size;
pub(super) use compression::CountingReader;
pub(crate) use compression::{decompressed, open_decompressed, Compression, OpenedFile};
pub(crate) use control_characters::printable_text;
pub(crate) use text_encoding::{
    declared_html_charset, decode, looks_binary, replaced_bytes, to_nfc, Utf8Transcoder,
};

use super::{ExtractError, MAX_ARTICLE_BYTES};

/// The input formats newsearch reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A scraped page or a note as plain text or Markdown (`.txt`, `.md`, or no extension).
    PageText,
    /// A saved web page (`.html`, `.htm`).
    Html,
    /// Records, one article each: JSON Lines, NDJSON or a JSON array (`.jsonl`, `.ndjson`, `.json`).
    JsonRecords,
}

/// How many decompressed bytes are looked at to recognise a format.
const SNIFFED_BYTES: u64 = 64 * 1024;

/// The extensions newsearch reads and the format each announces (a name without one is a
/// page of text; a `.gz` or `.zst` suffix is looked through).
pub(crate) const EXTENSIONS: &[(&str, Format)] = &[
    ("txt", Format::PageText),
    ("md", Format::PageText),
    ("markdown", Format::PageText),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("xhtml", Format::Html),
    ("jsonl", Format::JsonRecords),
    ("ndjson", Format::JsonRecords),
    ("json", Format::JsonRecords),
];

impl Format {
    /// The format a file's name announces, looking through a `.gz` or `.zst` suffix
    /// (`dump.jsonl.zst` is JSON records); `None` for files newsearch does not read.
    pub fn of(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let name = ["gz", "zst"]
            .iter()
            .find_map(|suffix| name.strip_suffix(&format!(".{suffix}")))
            .unwrap_or(&name);
        match Path::new(name)
            .extension()
            .and_then(|extension| extension.to_str())
        {
            None => Some(Format::PageText),
            Some(extension) => EXTENSIONS
                .iter()
                .find(|(known, _)| *known == extension)
                .map(|&(_, format)| format),
        }
    }

    /// The format a file's first (decompressed) bytes show: HTML markup, or JSON records;
    /// `named` (from [`Format::of`]) when they show neither.
    pub fn detect(named: Format, first_bytes: &[u8]) -> Format {
        let start = sniffable_start(first_bytes);
        if looks_like_html(&start) {
            Format::Html
        } else if looks_like_json_records(&start) {
            Format::JsonRecords
        } else {
            named
        }
    }
}

/// The first bytes as text, without a byte order mark or leading whitespace.
pub(super) fn sniffable_start(first_bytes: &[u8]) -> String {
    decode(first_bytes, None).trim_start().to_string()
}

fn looks_like_html(start: &str) -> bool {
    let lower: String = start.chars().take(1024).collect::<String>().to_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|opening| lower.starts_with(opening))
        || (lower.starts_with('<') && lower.contains("<html"))
}

/// A first line that is a whole JSON object (JSON Lines), a lone `{` (objects written over
/// several lines), an array of objects, or an empty array and nothing else. `[ ]` followed
/// by text is how w3m prints an empty form field: that is page text.
fn looks_like_json_records(start: &str) -> bool {
    if let Some(rest) = start.strip_prefix('[') {
        let rest = rest.trim_start();
        return rest.starts_with('{')
            || rest
                .strip_prefix(']')
                .is_some_and(|after| after.trim().is_empty());
    }
    if !start.starts_with('{') {
        return false;
    }
    match start.split_once('\n') {
        Some((first_line, _)) => {
            let first_line = first_line.trim();
            first_line == "{"
                || serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(first_line)
                    .is_ok()
        }
        None => start.starts_with("{\""),
    }
}

/// The first bytes of a stream, and the stream as if none had been read.
pub(super) fn peek(mut reader: Box<dyn BufRead>) -> io::Result<(Vec<u8>, Box<dyn BufRead>)> {
    let mut first_bytes = Vec::new();
    (&mut reader)
        .take(SNIFFED_BYTES)
        .read_to_end(&mut first_bytes)?;
    let replayed = Cursor::new(first_bytes.clone()).chain(reader);
    Ok((first_bytes, Box::new(replayed)))
}

/// The whole (decompressed) file, up to [`MAX_ARTICLE_BYTES`].
pub(super) fn read_all(reader: Box<dyn BufRead>) -> Result<Vec<u8>, ExtractError> {
    let mut bytes = Vec::new();
    reader.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ExtractError::TooLarge);
    }
    Ok(bytes)
}

/// Decodes a single-page file, refuses binary data, and removes terminal escape sequences
/// and control characters.
pub(super) fn page_text(bytes: &[u8], declared: Option<&str>) -> Result<String, ExtractError> {
    let text = decode(bytes, declared);
    if looks_binary(&text) {
        return Err(ExtractError::NotText);
    }
    let text = printable_text(&text);
    if text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    Ok(text.into_owned())
}
