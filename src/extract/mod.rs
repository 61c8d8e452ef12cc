//! Reading input files into articles: one reader per format behind the single dispatch point `read_file`.
//!
//! The flow, one layer per folder: `input` turns bytes into text (decompression, encoding,
//! which format the first bytes show); `page` reads one page into one article (scraped
//! text, Markdown, HTML) and `records` reads JSON dumps (JSON Lines, NDJSON, JSON arrays),
//! one article per record; `clues` holds what both find in French news writing (dates,
//! bylines, sections, dated folders) and says which clue decided each field. Adding a
//! format is one new reader and one arm in `read_stream`.

mod clues;
mod input;
mod page;
mod records;

use std::io::{self, BufRead};
use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use crate::article::Article;
use crate::date::Date;

use clues::dated_folders::is_date_folder;
pub(crate) use clues::Clues;
pub use input::Format;
use input::{
    declared_html_charset, decompressed, looks_binary, open_decompressed, peek, printable_text,
    read_all, replaced_bytes, sniffable_start, Compression, CountingReader, OpenedFile,
};
pub(crate) use input::{expected_size, EXTENSIONS};
use page::{read_html_file, read_page_file};
pub(crate) use records::ArticleField;
pub use records::FieldMap;

/// The largest page file (decompressed) and the largest JSON record read, in bytes. A page
/// or record beyond it is skipped and reported; reading stops there, so memory stays bounded.
pub const MAX_ARTICLE_BYTES: u64 = 32 << 20;

/// What a reader knows about a file besides its bytes.
#[derive(Debug, Clone)]
pub struct FileContext<'a> {
    /// Where the file is.
    pub path: &'a Path,
    /// The folder the file sits in under the indexed root: the category when the page states none.
    pub folder_category: Option<&'a str>,
    /// Today's date, the bound of inferred years.
    pub today: Date,
    /// Record keys the user mapped to article fields (`--field body=contenu`), for JSON records.
    pub field_map: &'a FieldMap,
}

impl FileContext<'_> {
    /// The folder's name as a category, without control characters; a folder named after
    /// a date (`2024`, `10`, `2024-10`) says when, not what about, and is none.
    fn folder_category(&self) -> Option<String> {
        self.folder_category
            .filter(|name| !is_date_folder(name))
            .map(|category| printable_text(category).into_owned())
    }
}

/// Why a file yielded no article, or stopped yielding them.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("cannot read: {0}")]
    Io(#[from] io::Error),
    #[error(
        "cannot decompress the {compression} data: {reason} (the file may be truncated or damaged)"
    )]
    Decompress {
        compression: &'static str,
        reason: String,
    },
    #[error("binary data, not text")]
    NotText,
    #[error("empty file")]
    Empty,
    #[error("no article text found")]
    NoArticle,
    #[error("larger than {} MiB, the limit for one page (not read)", MAX_ARTICLE_BYTES >> 20)]
    TooLarge,
}

/// A record of a many-article file that could not be indexed; the file's other records were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordProblem {
    /// 1-based line of the record in the (decompressed) file: the line itself for JSON Lines,
    /// the line where the record ends for records written over several lines.
    pub line: usize,
    /// What is wrong, for people: "malformed JSON: …", "no article text (looked for …)".
    pub reason: String,
    /// The text was kept, repaired as `reason` says (stray bytes read as U+FFFD): a note
    /// naming the file, not a record left out.
    pub text_kept: bool,
}

impl RecordProblem {
    /// A record that could not be read.
    fn skipped(line: usize, reason: String) -> RecordProblem {
        RecordProblem {
            line,
            reason,
            text_kept: false,
        }
    }
}

/// Bytes that were not UTF-8 in a file otherwise UTF-8: each read as U+FFFD, the text kept.
#[derive(Default)]
struct StrayBytes {
    count: usize,
    first_line: usize,
}

impl StrayBytes {
    /// Counts `count` stray bytes on the 1-based `line`.
    fn add(&mut self, count: usize, line: usize) {
        if count > 0 && self.count == 0 {
            self.first_line = line;
        }
        self.count += count;
    }

    /// The stray bytes of a single page, read with the encoding it declares.
    fn of_page(bytes: &[u8], declared: Option<&str>) -> StrayBytes {
        let mut strays = StrayBytes::default();
        let count = replaced_bytes(bytes, declared);
        if count > 0 {
            let before_first = bytes
                .utf8_chunks()
                .next()
                .map_or(0, |chunk| chunk.valid().len());
            let line = 1 + bytes[..before_first]
                .iter()
                .filter(|&&byte| byte == b'\n')
                .count();
            strays.add(count, line);
        }
        strays
    }

    /// The note that names the file, when there were any.
    fn note(&self) -> Option<RecordProblem> {
        let plural = if self.count == 1 { "" } else { "s" };
        (self.count > 0).then(|| RecordProblem {
            line: self.first_line,
            reason: format!(
                "{} byte{plural} not UTF-8 read as U+FFFD (the first on this line); the text is indexed",
                self.count
            ),
            text_kept: true,
        })
    }
}

/// Reads the articles of one file, handing each to `emit` as soon as it is read, so that
/// a file of many articles is never held whole in memory.
///
/// `format` is what the file's name says ([`Format::of`]); the content overrides it when it
/// clearly is HTML or JSON records. Compressed files (gzip, zstd) are read through.
/// Returns the records that could not be read (always none for single-page formats); an
/// `Err` means the file as a whole failed, though articles read before a late failure
/// (a truncated archive) were already emitted.
pub fn read_file(
    format: Format,
    context: &FileContext,
    emit: &mut dyn FnMut(Article),
) -> Result<Vec<RecordProblem>, ExtractError> {
    read_file_counted(format, context, &Arc::default(), emit)
}

/// Reads a file as [`read_file`] does, adding to `read` each byte of text as it is read
/// (decompressed bytes for a compressed file): what moves progress inside one big file.
pub(crate) fn read_file_counted(
    format: Format,
    context: &FileContext,
    read: &Arc<AtomicU64>,
    emit: &mut dyn FnMut(Article),
) -> Result<Vec<RecordProblem>, ExtractError> {
    let opened = open_decompressed(context.path)?;
    let counted = OpenedFile {
        reader: Box::new(CountingReader::new(opened.reader, Arc::clone(read))),
        compression: opened.compression,
    };
    read_opened(format, counted, context, &mut |article, _| emit(article))
}

/// Reads the articles of a file as [`read_file`] does, handing each with the clues that
/// decided its fields: what `newsearch extract` shows.
pub(crate) fn explain_file(
    format: Format,
    context: &FileContext,
    emit: &mut dyn FnMut(Article, Clues),
) -> Result<Vec<RecordProblem>, ExtractError> {
    read_opened(format, open_decompressed(context.path)?, context, emit)
}

/// Reads the articles of a file's bytes as [`read_file`] does, from any reader: for bytes
/// that are not in a file (tests, fuzzing). `context.path` is only used for ids and titles.
pub fn read_bytes(
    format: Format,
    bytes: impl BufRead + 'static,
    context: &FileContext,
    emit: &mut dyn FnMut(Article),
) -> Result<Vec<RecordProblem>, ExtractError> {
    read_opened(format, decompressed(bytes)?, context, &mut |article, _| {
        emit(article)
    })
}

fn read_opened(
    format: Format,
    opened: OpenedFile,
    context: &FileContext,
    emit: &mut dyn FnMut(Article, Clues),
) -> Result<Vec<RecordProblem>, ExtractError> {
    let compression = opened.compression;
    read_stream(format, opened.reader, context, emit).map_err(|error| match error {
        ExtractError::Io(error) if compression != Compression::None => ExtractError::Decompress {
            compression: compression.name(),
            reason: error.to_string(),
        },
        other => other,
    })
}

/// The dispatch point: one arm per format.
fn read_stream(
    format: Format,
    reader: Box<dyn BufRead>,
    context: &FileContext,
    emit: &mut dyn FnMut(Article, Clues),
) -> Result<Vec<RecordProblem>, ExtractError> {
    let (first_bytes, reader) = peek(reader)?;
    if first_bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::Empty);
    }
    if looks_binary(&sniffable_start(&first_bytes)) {
        return Err(ExtractError::NotText);
    }
    let (article, clues, strays) = match Format::detect(format, &first_bytes) {
        Format::PageText => {
            let bytes = read_all(reader)?;
            let (article, clues) = read_page_file(&bytes, context)?;
            (article, clues, StrayBytes::of_page(&bytes, None))
        }
        Format::Html => {
            let bytes = read_all(reader)?;
            let declared = declared_html_charset(&bytes);
            let (article, clues) = read_html_file(&bytes, declared.as_deref(), context)?;
            (
                article,
                clues,
                StrayBytes::of_page(&bytes, declared.as_deref()),
            )
        }
        Format::JsonRecords => {
            return records::read_json_records(reader, context, &mut |article| {
                let clues = Clues::all(
                    "the record's field",
                    !article.title.is_empty(),
                    article.date.is_some(),
                    article.category.is_some(),
                    article.author.is_some(),
                );
                emit(article, clues);
            });
        }
    };
    emit(article, clues);
    Ok(strays.note().into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &Path, bytes: &[u8]) -> Result<Article, ExtractError> {
        let context = FileContext {
            path,
            folder_category: Some("Economie"),
            today: Date::new(2026, 11, 21).unwrap(),
            field_map: &FieldMap::default(),
        };
        read_page_file(bytes, &context).map(|(article, _)| article)
    }

    #[test]
    fn dated_folders_are_dates_not_categories() {
        let text = "Une note sans date ni rubrique, écrite pour elle-même.";
        let context = FileContext {
            path: Path::new("archive/2024/10/03/note.txt"),
            folder_category: Some("03"),
            today: Date::new(2026, 11, 21).unwrap(),
            field_map: &FieldMap::default(),
        };
        let (article, clues) = read_page_file(text.as_bytes(), &context).unwrap();
        assert_eq!(article.category, None);
        assert_eq!(
            article.date.map(|d| d.date.to_string()).as_deref(),
            Some("2024-10-03")
        );
        assert_eq!(article.title, "note");
        assert_eq!(clues.title, Some("the file name"));
        assert!(clues.date.unwrap().contains("folders"));
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a/b.txt")), Some(Format::PageText));
        assert_eq!(Format::of(Path::new("a/b.TXT")), Some(Format::PageText));
        assert_eq!(Format::of(Path::new("a/README")), Some(Format::PageText));
        assert_eq!(Format::of(Path::new("a/note.md")), Some(Format::PageText));
        assert_eq!(Format::of(Path::new("a/b.png")), None);
        assert_eq!(Format::of(Path::new("a/b.htm")), Some(Format::Html));
        assert_eq!(Format::of(Path::new("a/b.html.gz")), Some(Format::Html));
        assert_eq!(
            Format::of(Path::new("a/b.jsonl.zst")),
            Some(Format::JsonRecords)
        );
        assert_eq!(
            Format::of(Path::new("a/b.NDJSON")),
            Some(Format::JsonRecords)
        );
        assert_eq!(Format::of(Path::new("a/b.json")), Some(Format::JsonRecords));
        assert_eq!(Format::of(Path::new("a/b.gz")), Some(Format::PageText));
        assert_eq!(Format::of(Path::new("a/b.tar.gz")), None);
    }

    #[test]
    fn formats_by_content() {
        let detect = |bytes: &[u8]| Format::detect(Format::PageText, bytes);
        assert_eq!(detect(b"  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(detect(b"\xEF\xBB\xBF<html lang=fr>"), Format::Html);
        assert_eq!(detect(b"<!-- saved -->\n<html>"), Format::Html);
        assert_eq!(
            detect(b"{\"title\": \"a\"}\n{\"title\""),
            Format::JsonRecords
        );
        assert_eq!(detect(b"{\n  \"title\": \"a\"\n}"), Format::JsonRecords);
        assert_eq!(detect(b"[\n {\"title\": \"a\"}]"), Format::JsonRecords);
        assert_eq!(detect(b"{ pas du JSON }\nUne ligne"), Format::PageText);
        assert_eq!(detect(b"[]\n"), Format::JsonRecords);
        assert_eq!(
            detect(b"[ ] Se souvenir de moi\nUn titre"),
            Format::PageText
        );
        assert_eq!(detect(b"[ ]\nOrthographe [ ]"), Format::PageText);
        assert_eq!(detect(b"Un titre\n\nUn paragraphe."), Format::PageText);
        assert_eq!(
            Format::detect(Format::Html, b"<div>un fragment</div>"),
            Format::Html
        );
        assert_eq!(
            Format::detect(Format::JsonRecords, b"{broken"),
            Format::JsonRecords
        );
    }

    #[test]
    fn folder_gives_the_category_a_page_does_not_state() {
        let path = Path::new("news/Economie/page.txt");
        let text = "Le prix du blé s'envole\n\nLe prix du blé a bondi de dix pour cent cette semaine sur les marchés européens.\n";
        let article = read(path, text.as_bytes()).unwrap();
        assert_eq!(article.category.as_deref(), Some("Economie"));
        assert_eq!(article.title, "Le prix du blé s'envole");
        assert_eq!(article.id, "", "a page gives no id of its own");
    }

    #[test]
    fn bad_files_say_why() {
        let path = Path::new("x.txt");
        assert!(matches!(read(path, b""), Err(ExtractError::Empty)));
        assert!(matches!(read(path, b" \n\t\n"), Err(ExtractError::Empty)));
        assert!(matches!(
            read(path, b"abc\x00\x01\x02"),
            Err(ExtractError::NotText)
        ));
        assert!(read(
            path,
            "\u{FEFF}Un titre assez long\nUn paragraphe.".as_bytes()
        )
        .is_ok());
    }

    #[test]
    fn latin1_pages_are_decoded() {
        let bytes = b"Le pr\xE9sident s'exprime\n\nLe pr\xE9sident de la R\xE9publique a parl\xE9 ce soir \xE0 la t\xE9l\xE9vision pendant une heure enti\xE8re.\n";
        let article = read(Path::new("x.txt"), bytes).unwrap();
        assert_eq!(article.title, "Le président s'exprime");
        assert!(article
            .body
            .contains("République a parlé ce soir à la télévision"));
    }

    #[test]
    fn decomposed_text_is_stored_composed() {
        let text = "Se\u{301}oul re\u{301}agit aux tirs\n\nSe\u{301}oul a re\u{301}agi vivement mardi aux tirs de missiles venus du Nord.";
        let article = read(Path::new("nfd.txt"), text.as_bytes()).unwrap();
        assert_eq!(article.title, "Séoul réagit aux tirs");
        assert!(article.body.starts_with("Séoul a réagi"));
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let context = FileContext {
            path: Path::new("/nonexistent/newsearch/page.txt"),
            folder_category: None,
            today: Date::new(2026, 11, 21).unwrap(),
            field_map: &FieldMap::default(),
        };
        let result = read_file(Format::PageText, &context, &mut |_| {});
        assert!(matches!(result, Err(ExtractError::Io(_))));
    }
}
