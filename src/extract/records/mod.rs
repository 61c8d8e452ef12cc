//! JSON Lines, NDJSON and JSON arrays of records: one article per record, streamed so that a dump of any size is never held whole.
//!
//! A file whose first character is `[` is one array, read element by element; otherwise
//! every line is one record (a pretty-printed file of objects, whose first line is a lone
//! `{`, is read as a stream of objects). A line that is not a JSON object, or a record
//! without text, becomes a [`RecordProblem`] and reading goes on with the next line.

mod field_map;

pub(crate) use field_map::ArticleField;
pub use field_map::FieldMap;

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::rc::Rc;

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::article::{Article, PublicationDate};

use super::{ExtractError, FileContext, RecordProblem, StrayBytes, MAX_ARTICLE_BYTES};
use crate::extract::clues::date_value::{exact, parse_date_value, unix_moment};
use crate::extract::clues::local_day::{day_on_the_publishers_clock, utc_time};
use crate::extract::input::{decode, printable_text, replaced_bytes, to_nfc, Utf8Transcoder};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How the records of a JSON file are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// One record per line.
    Lines,
    /// One array of records.
    Array,
    /// Objects one after another, each over several lines.
    ObjectStream,
}

/// Reads every record of a JSON file, handing each article to `emit` as soon as it is read.
pub(super) fn read_json_records(
    reader: Box<dyn BufRead>,
    context: &FileContext,
    emit: &mut dyn FnMut(Article),
) -> Result<Vec<RecordProblem>, ExtractError> {
    let mut reader = utf8_stream(reader)?;
    let mut problems = Vec::new();
    let mut on_record = |record: Result<Value, String>, line: usize| match record
        .and_then(|record| article_from_record(record, context))
    {
        Ok(article) => emit(article),
        Err(reason) => problems.push(RecordProblem::skipped(line, reason)),
    };
    match layout(&mut reader)? {
        Layout::Lines => {
            let strays = read_lines(reader, &mut on_record)?;
            problems.extend(strays.note());
        }
        document => {
            if let Some(problem) = read_document(reader, document, &mut on_record)? {
                problems.push(problem);
            }
        }
    }
    Ok(problems)
}

/// The stream as UTF-8 bytes: a UTF-8 byte order mark is skipped, UTF-16 is transcoded.
fn utf8_stream(mut reader: Box<dyn BufRead>) -> io::Result<Box<dyn BufRead>> {
    let first_bytes = reader.fill_buf()?;
    if first_bytes.starts_with(UTF8_BOM) {
        reader.consume(UTF8_BOM.len());
        return Ok(reader);
    }
    match encoding_rs::Encoding::for_bom(first_bytes) {
        Some((encoding, bom_length)) => {
            reader.consume(bom_length);
            Ok(Box::new(BufReader::new(Utf8Transcoder::new(
                reader, encoding,
            ))))
        }
        None => Ok(reader),
    }
}

/// Looks at the first non-blank line without consuming anything but leading whitespace.
fn layout(reader: &mut Box<dyn BufRead>) -> io::Result<Layout> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(Layout::Lines);
        }
        let blank = buffer
            .iter()
            .take_while(|byte| byte.is_ascii_whitespace() && **byte != b'\n')
            .count();
        if blank < buffer.len() {
            let rest = &buffer[blank..];
            return Ok(match rest[0] {
                b'[' => Layout::Array,
                b'{' if rest[1..]
                    .iter()
                    .take_while(|byte| **byte != b'\n')
                    .all(u8::is_ascii_whitespace)
                    && rest[1..].contains(&b'\n') =>
                {
                    Layout::ObjectStream
                }
                b'\n' => {
                    reader.consume(blank + 1);
                    continue;
                }
                _ => Layout::Lines,
            });
        }
        reader.consume(blank);
    }
}

/// Reads one record per line; blank lines are skipped, broken ones reported. Returns the
/// bytes that were not UTF-8 in lines otherwise UTF-8 (read as U+FFFD).
fn read_lines(
    mut reader: Box<dyn BufRead>,
    on_record: &mut dyn FnMut(Result<Value, String>, usize),
) -> Result<StrayBytes, ExtractError> {
    let mut line = Vec::new();
    let mut number = 0;
    let mut strays = StrayBytes::default();
    loop {
        let Some(fits) = read_bounded_line(&mut reader, &mut line)? else {
            return Ok(strays);
        };
        number += 1;
        if !fits {
            on_record(Err(record_too_large()), number);
            continue;
        }
        let decoded = decode(&line, None);
        // Text comes out borrowed when the line was valid UTF-8: only others are counted.
        if let Cow::Owned(_) = decoded {
            strays.add(replaced_bytes(&line, None), number);
        }
        let text = decoded.trim();
        if text.is_empty() {
            continue;
        }
        let record = serde_json::from_str::<Value>(text).map_err(|error| malformed(&error));
        on_record(record, number);
    }
}

/// Reads the next line into `line` (replacing its content). `None` at the end of the stream;
/// `Some(false)` when the line is longer than [`MAX_ARTICLE_BYTES`]: it is then read through
/// but not kept, so that memory stays bounded.
fn read_bounded_line(reader: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<Option<bool>> {
    line.clear();
    let mut read_any = false;
    let mut fits = true;
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(read_any.then_some(fits));
        }
        read_any = true;
        let (chunk, ends_line) = match buffer.iter().position(|byte| *byte == b'\n') {
            Some(newline) => (&buffer[..=newline], true),
            None => (buffer, false),
        };
        let length = chunk.len();
        if fits && (line.len() + length) as u64 <= MAX_ARTICLE_BYTES {
            line.extend_from_slice(chunk);
        } else {
            fits = false;
            line.clear();
        }
        reader.consume(length);
        if ends_line {
            return Ok(Some(fits));
        }
    }
}

fn record_too_large() -> String {
    format!(
        "record larger than {} MiB, the limit for one record (not read)",
        MAX_ARTICLE_BYTES >> 20
    )
}

/// The message of a JSON syntax error without serde_json's position suffix.
fn malformed(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(end) => &message[..end],
        None => &message,
    };
    format!("malformed JSON: {message} (column {})", error.column())
}

/// Counts the lines of the bytes read through it, so that a record can be placed, and the
/// bytes since the last record, so that one record never holds more than [`MAX_ARTICLE_BYTES`].
struct LineCounter<R> {
    inner: R,
    newlines: Rc<Cell<usize>>,
    bytes_since_record: Rc<Cell<u64>>,
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let count = self.inner.read(buffer)?;
        let newlines = buffer[..count]
            .iter()
            .filter(|byte| **byte == b'\n')
            .count();
        self.newlines.set(self.newlines.get() + newlines);
        let bytes = self.bytes_since_record.get() + count as u64;
        self.bytes_since_record.set(bytes);
        if bytes > MAX_ARTICLE_BYTES {
            return Err(io::Error::other(format!(
                "{}; the rest of the file was not read",
                record_too_large()
            )));
        }
        Ok(count)
    }
}

/// Reads an array of records or a stream of multi-line objects. A syntax error ends the
/// reading (nothing after it can be trusted) and is returned as the last problem.
fn read_document(
    reader: Box<dyn BufRead>,
    layout: Layout,
    on_record: &mut dyn FnMut(Result<Value, String>, usize),
) -> Result<Option<RecordProblem>, ExtractError> {
    let newlines = Rc::new(Cell::new(0));
    let bytes_since_record = Rc::new(Cell::new(0));
    let counter = LineCounter {
        inner: reader,
        newlines: Rc::clone(&newlines),
        bytes_since_record: Rc::clone(&bytes_since_record),
    };
    let mut deserializer = serde_json::Deserializer::from_reader(counter);
    let current_line = || newlines.get() + 1;
    let mut on_value = |value: Value| {
        bytes_since_record.set(0);
        on_record(Ok(value), current_line());
    };
    let result = if layout == Layout::Array {
        (&mut deserializer).deserialize_seq(RecordSequence {
            on_value: &mut on_value,
        })
    } else {
        serde_json::Deserializer::into_iter::<Value>(deserializer)
            .try_for_each(|value| value.map(&mut on_value))
    };
    match result {
        Ok(()) => Ok(None),
        Err(error) if error.is_io() => Err(ExtractError::Io(io::Error::other(error))),
        Err(error) => Ok(Some(RecordProblem::skipped(
            error.line(),
            format!("{}; the rest of the file was not read", malformed(&error)),
        ))),
    }
}

/// Hands each element of a JSON array to `on_value` as soon as it is parsed.
struct RecordSequence<'a> {
    on_value: &'a mut dyn FnMut(Value),
}

impl<'de> Visitor<'de> for RecordSequence<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an array of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut sequence: A) -> Result<(), A::Error> {
        while let Some(value) = sequence.next_element::<Value>()? {
            (self.on_value)(value);
        }
        Ok(())
    }
}

/// The article a record describes, or why it cannot be indexed.
fn article_from_record(record: Value, context: &FileContext) -> Result<Article, String> {
    let record = match record {
        Value::Object(record) => record,
        other => return Err(format!("not a JSON object but {}", kind_of(&other))),
    };
    let field = |field: ArticleField| find_field(&record, context.field_map, field);
    let body = field(ArticleField::Body).map(body_text).unwrap_or_default();
    if body.is_empty() {
        let keys: Vec<&str> = context.field_map.keys_for(ArticleField::Body).collect();
        return Err(format!(
            "no article text (looked for {}; map another key with --field body=KEY)",
            keys.join(", ")
        ));
    }
    let url = field(ArticleField::Url).and_then(plain_text);
    Ok(Article {
        id: field(ArticleField::Id)
            .and_then(plain_text)
            .unwrap_or_default(),
        title: field(ArticleField::Title)
            .and_then(plain_text)
            .unwrap_or_default(),
        date: field(ArticleField::Date).and_then(|value| date_of(value, url.as_deref(), context)),
        category: field(ArticleField::Category)
            .and_then(first_text)
            .or_else(|| context.folder_category()),
        author: field(ArticleField::Author).and_then(names),
        url,
        source: field(ArticleField::Source).and_then(plain_text),
        body,
        path: context.path.to_path_buf(),
    })
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The first non-empty value among the keys for `field`, matched without regard to case;
/// a dotted key also walks into nested objects.
fn find_field<'r>(
    record: &'r Map<String, Value>,
    field_map: &FieldMap,
    field: ArticleField,
) -> Option<&'r Value> {
    field_map
        .keys_for(field)
        .filter_map(|key| value_at(record, key))
        .find(|value| !is_empty(value))
}

fn value_at<'r>(record: &'r Map<String, Value>, key: &str) -> Option<&'r Value> {
    let direct = record.get(key).or_else(|| {
        record
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(key))
            .map(|(_, value)| value)
    });
    direct.or_else(|| {
        let (head, rest) = key.split_once('.')?;
        match value_at(record, head)? {
            Value::Object(inner) => value_at(inner, rest),
            _ => None,
        }
    })
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.iter().all(is_empty),
        _ => false,
    }
}

/// A string, a number, or the `name` of an object (`{"name": "Le Monde"}`).
fn plain_text(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => clean_text(text),
        Value::Number(number) => number.to_string(),
        Value::Object(object) => return object.get("name").and_then(plain_text),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// The first of several values (`"categories": ["politique", "societe"]`).
fn first_text(value: &Value) -> Option<String> {
    match value {
        Value::Array(items) => items.iter().find_map(plain_text),
        other => plain_text(other),
    }
}

/// One or several names, joined by ", ".
fn names(value: &Value) -> Option<String> {
    match value {
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(plain_text).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        other => plain_text(other),
    }
}

/// The body: a string, or an array of paragraphs joined by blank lines.
fn body_text(value: &Value) -> String {
    match value {
        Value::String(text) if text.contains('\r') => clean_text(&text.replace("\r\n", "\n")),
        Value::String(text) => clean_text(text),
        Value::Array(items) => items
            .iter()
            .filter_map(plain_text)
            .collect::<Vec<_>>()
            .join("\n\n"),
        _ => String::new(),
    }
}

/// A string value in NFC, without escape sequences or control characters, trimmed.
fn clean_text(text: &str) -> String {
    printable_text(&to_nfc(Cow::Borrowed(text)))
        .trim()
        .to_string()
}

/// The date a record's value states; a moment in UTC (a timestamp ending in "Z", a Unix
/// time) is dated on the clock of the country the article's address names, France's by default.
fn date_of(value: &Value, url: Option<&str>, context: &FileContext) -> Option<PublicationDate> {
    match value {
        Value::String(text) => {
            let date = parse_date_value(text, context.today)?;
            Some(match utc_time(text) {
                Some(time) => PublicationDate {
                    date: day_on_the_publishers_clock(time, url),
                    ..date
                },
                None => date,
            })
        }
        Value::Number(number) => number
            .as_i64()
            .and_then(unix_moment)
            .map(|time| exact(day_on_the_publishers_clock(time, url))),
        _ => None,
    }
}
