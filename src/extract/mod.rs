//! Reading input files into articles: one reader per format behind the single dispatch point `read_articles`.

mod byline;
pub mod french_date;
mod page_lines;
mod section;
pub mod txt;

use std::borrow::Cow;
use std::path::Path;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::article::{stable_id, Article};
use crate::date::Date;

/// The input formats newsearch reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A scraped page as plain text (`.txt`, or no extension).
    PageText,
}

impl Format {
    /// The format of a file, from its name; `None` for files newsearch does not read.
    pub fn of(path: &Path) -> Option<Format> {
        match path.extension().and_then(|extension| extension.to_str()) {
            None => Some(Format::PageText),
            Some(extension) if extension.eq_ignore_ascii_case("txt") => Some(Format::PageText),
            Some(_) => None,
        }
    }
}

/// What a reader knows about a file besides its bytes.
#[derive(Debug, Clone)]
pub struct FileContext<'a> {
    /// Where the file is; also the base of the ids of its articles.
    pub path: &'a Path,
    /// The folder the file sits in under the indexed root: the category when the page states none.
    pub folder_category: Option<&'a str>,
    /// Today's date, the bound of inferred years.
    pub today: Date,
}

/// Why a file yielded no article.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("not UTF-8 text (invalid byte at offset {0})")]
    NotUtf8(usize),
    #[error("empty file")]
    Empty,
    #[error("no article text found")]
    NoArticle,
}

/// Reads the articles of one file, handing each to `emit` as soon as it is read, so that
/// a file of many articles is never held whole in memory.
pub fn read_file(
    format: Format,
    context: &FileContext,
    emit: &mut dyn FnMut(Article),
) -> Result<(), ExtractError> {
    let bytes = std::fs::read(context.path)?;
    match format {
        Format::PageText => emit(read_page_file(&bytes, context)?),
    }
    Ok(())
}

/// The text in Unicode NFC, so that stored titles and bodies compare and print alike
/// whatever form the page was saved in (the analyzer folds both forms anyway).
fn to_nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

fn decode_utf8(bytes: &[u8]) -> Result<&str, ExtractError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| ExtractError::NotUtf8(error.valid_up_to()))
}

fn read_page_file(bytes: &[u8], context: &FileContext) -> Result<Article, ExtractError> {
    let text = to_nfc(decode_utf8(bytes)?);
    if text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    let page = txt::read_page(&text, context.today);
    if page.body.is_empty() {
        return Err(ExtractError::NoArticle);
    }
    let file_stem = || {
        context
            .path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
    };
    Ok(Article {
        id: stable_id(&context.path.to_string_lossy()),
        title: page.title.or_else(file_stem).unwrap_or_default(),
        date: page.date,
        category: page
            .category
            .or_else(|| context.folder_category.map(str::to_string)),
        author: page.author,
        url: None,
        source: None,
        body: page.body,
        path: context.path.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &Path, bytes: &[u8]) -> Result<Article, ExtractError> {
        let context = FileContext {
            path,
            folder_category: Some("Economie"),
            today: Date::new(2026, 11, 21).unwrap(),
        };
        read_page_file(bytes, &context)
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a/b.txt")), Some(Format::PageText));
        assert_eq!(Format::of(Path::new("a/b.TXT")), Some(Format::PageText));
        assert_eq!(Format::of(Path::new("a/README")), Some(Format::PageText));
        assert_eq!(Format::of(Path::new("a/b.png")), None);
    }

    #[test]
    fn folder_gives_the_category_a_page_does_not_state() {
        let path = Path::new("news/Economie/page.txt");
        let text = "Le prix du blé s'envole\n\nLe prix du blé a bondi de dix pour cent cette semaine sur les marchés européens.\n";
        let article = read(path, text.as_bytes()).unwrap();
        assert_eq!(article.category.as_deref(), Some("Economie"));
        assert_eq!(article.title, "Le prix du blé s'envole");
        assert_eq!(article.id, stable_id("news/Economie/page.txt"));
    }

    #[test]
    fn bad_files_say_why() {
        let path = Path::new("x.txt");
        assert!(matches!(read(path, b""), Err(ExtractError::Empty)));
        assert!(matches!(read(path, b" \n\t\n"), Err(ExtractError::Empty)));
        assert!(matches!(
            read(path, b"abc\xFF"),
            Err(ExtractError::NotUtf8(3))
        ));
        assert!(read(
            path,
            "\u{FEFF}Un titre assez long\nUn paragraphe.".as_bytes()
        )
        .is_ok());
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
        };
        let result = read_file(Format::PageText, &context, &mut |_| {});
        assert!(matches!(result, Err(ExtractError::Io(_))));
    }
}
