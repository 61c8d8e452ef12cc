//! One page to one article: scraped text, Markdown and HTML each read into the same fields, and one assembler that fills what the page leaves out from the file's name and folders.

pub(crate) mod headline;
pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod numbered_links;
pub(crate) mod page_lines;
pub(crate) mod paragraphs;
pub(crate) mod txt;

use std::path::Path;

use crate::article::{Article, PublicationDate};

use super::clues::dated_folders::folder_day;
use super::clues::Clues;
use super::input::{page_text, printable_text};
use super::{ExtractError, FileContext};
use page_lines::strip_bullet;

/// The fields of one article read from a single page (text or HTML).
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct PageFields {
    pub title: Option<String>,
    pub date: Option<PublicationDate>,
    pub category: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Paragraphs separated by blank lines.
    pub body: String,
}

pub(super) fn read_page_file(
    bytes: &[u8],
    context: &FileContext,
) -> Result<(Article, Clues), ExtractError> {
    let text = page_text(bytes, None)?;
    let (page, clues) = if is_markdown_file(context.path) || markdown::is_markdown(&text) {
        markdown::read_markdown(&text, context.today)
    } else {
        txt::read_page(&text, context.today)
    };
    page_article(page, clues, context)
}

/// `.md` and `.markdown` files, also compressed (`notes.md.gz`).
fn is_markdown_file(path: &Path) -> bool {
    let name = path.to_string_lossy().to_lowercase();
    let name = name.trim_end_matches(".gz").trim_end_matches(".zst");
    name.ends_with(".md") || name.ends_with(".markdown")
}

/// An HTML page's article; `declared` is the charset its markup declares, if any.
pub(super) fn read_html_file(
    bytes: &[u8],
    declared: Option<&str>,
    context: &FileContext,
) -> Result<(Article, Clues), ExtractError> {
    let text = page_text(bytes, declared)?;
    let (page, clues) = html::read_html(&text, context.today);
    page_article(page, clues, context)
}

/// The article of a single-page file (a page gives no id of its own): the file name as a
/// last-resort title, the folder as a last-resort category, a day named by the folders as a
/// last-resort date.
fn page_article(
    page: PageFields,
    mut clues: Clues,
    context: &FileContext,
) -> Result<(Article, Clues), ExtractError> {
    // Again after reading: HTML entities (`&#27;`) decode to control characters too.
    let clean = |text: String| printable_text(&text).into_owned();
    let body = without_authors_biography(clean(page.body), page.author.as_deref());
    if body.trim().is_empty() {
        return Err(ExtractError::NoArticle);
    }
    let title = page.title.map(clean).or_else(|| {
        clues.title = Some("the file name");
        file_stem(context.path)
    });
    let date = page.date.or_else(|| {
        let day = folder_day(context.path)?;
        clues.date = Some("the folders' names (the page states no date)");
        Some(PublicationDate {
            date: day,
            year_inferred: false,
        })
    });
    let category = page.category.map(clean).or_else(|| {
        let folder = context.folder_category()?;
        clues.category = Some("the folder's name");
        Some(folder)
    });
    let article = Article {
        id: String::new(),
        title: title.unwrap_or_default(),
        date,
        category,
        author: page.author.map(clean),
        url: page.url.map(clean),
        source: page.source.map(clean),
        body,
        path: context.path.to_path_buf(),
    };
    Ok((article, clues))
}

/// Words of an author's biography printed under an article.
const MAX_BIOGRAPHY_WORDS: usize = 60;

/// The body without a last paragraph that opens on the author's name: the biography a
/// page prints under the article ("Claire Dumas est journaliste à … depuis 2015."), or its
/// author box printed as a list's item ("• Claire Dumas Journaliste Suivre …").
fn without_authors_biography(body: String, author: Option<&str>) -> String {
    let Some(name) = author
        .and_then(|authors| authors.split(',').next())
        .map(str::trim)
        .filter(|name| name.split_whitespace().count() >= 2)
    else {
        return body;
    };
    let Some((text, last)) = body.rsplit_once("\n\n") else {
        return body;
    };
    let is_biography = strip_bullet(last)
        .0
        .strip_prefix(name)
        .is_some_and(|rest| rest.starts_with(' '))
        && last.split_whitespace().count() <= MAX_BIOGRAPHY_WORDS;
    if is_biography {
        text.to_string()
    } else {
        body
    }
}

/// The file's name without extension, without control characters, as a last-resort title.
fn file_stem(path: &Path) -> Option<String> {
    path.file_stem()
        .map(|stem| printable_text(&stem.to_string_lossy()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authors_biography_under_the_article_is_not_its_text() {
        let body = "Les fromageries manquent de lait.\n\nClaire Dumas est journaliste à La Voix du Jura depuis 2015.";
        assert_eq!(
            without_authors_biography(body.to_string(), Some("Claire Dumas")),
            "Les fromageries manquent de lait."
        );
        let boxed = "Les fromageries manquent de lait.\n\n• Claire Dumas (avec Paul Durand) Journaliste Suivre ce journaliste";
        assert_eq!(
            without_authors_biography(boxed.to_string(), Some("Claire Dumas")),
            "Les fromageries manquent de lait."
        );
        // Another name, a single word, or the only paragraph: the text stays whole.
        for author in [Some("Paul Durand"), Some("Claire"), None] {
            assert_eq!(without_authors_biography(body.to_string(), author), body);
        }
        let only = "Claire Dumas est journaliste à La Voix du Jura depuis 2015.";
        assert_eq!(
            without_authors_biography(only.to_string(), Some("Claire Dumas")),
            only
        );
    }
}
