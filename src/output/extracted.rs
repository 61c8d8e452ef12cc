//! What `newsearch extract` read from files: the serialisable report and its text form for people.

use std::io::{self, Write};

use serde::Serialize;

use crate::article::Article;
use crate::extract::Clues;

use super::style::Style;
use super::terminal_safe::{terminal_safe, terminal_safe_lines};

/// What `newsearch extract --json` prints: the files in the order they were named.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ExtractReport {
    pub files: Vec<ExtractedFile>,
}

/// One file as newsearch reads it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ExtractedFile {
    /// The file as it was named on the command line.
    pub path: String,
    /// The articles read from it (one for a page, one per record for JSON records).
    pub articles: Vec<ExtractedArticle>,
    /// Records of a many-article file that were not read, with the reason.
    pub problems: Vec<ExtractedProblem>,
    /// Why the file gave no article (or stopped giving them), or null.
    pub error: Option<String>,
}

/// One article's fields, its text, and the clue that decided each field.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ExtractedArticle {
    /// The id the input gives the article (a JSON record's `id`), or null; the index makes
    /// each article's own id from it and the article's place below the indexed folder.
    pub id: Option<String>,
    pub title: String,
    /// `YYYY-MM-DD`, or null.
    pub date: Option<String>,
    /// The year was inferred from the weekday ("ce lundi 21 octobre").
    pub date_inferred: bool,
    pub category: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The text that is indexed, paragraphs separated by a blank line.
    pub body: String,
    /// For each field, in words, the clue it was read from; null when the field is empty.
    pub clues: Clues,
}

/// A record that could not be read, with its line.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ExtractedProblem {
    pub line: usize,
    pub reason: String,
    /// The text was kept with the repair `reason` names: a note, not a record left out.
    pub text_kept: bool,
}

impl ExtractedArticle {
    pub(crate) fn new(article: Article, clues: Clues) -> ExtractedArticle {
        ExtractedArticle {
            id: Some(article.id).filter(|id| !id.is_empty()),
            title: article.title,
            date: article.date.map(|date| date.date.to_string()),
            date_inferred: article.date.is_some_and(|date| date.year_inferred),
            category: article.category,
            author: article.author,
            source: article.source,
            url: article.url,
            body: article.body,
            clues,
        }
    }
}

/// Prints each file's articles: every field with its clue, then the text.
pub(crate) fn print_extracted(
    report: &ExtractReport,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (index, file) in report.files.iter().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", style.title(&terminal_safe(&file.path)))?;
        for article in &file.articles {
            print_article_fields(article, style, out)?;
            writeln!(out)?;
            writeln!(out, "{}", terminal_safe_lines(article.body.trim_end()))?;
        }
        for problem in &file.problems {
            let line = format!("line {}: {}", problem.line, problem.reason);
            writeln!(out, "{}", style.dim(&terminal_safe(&line)))?;
        }
    }
    Ok(())
}

fn print_article_fields(
    article: &ExtractedArticle,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let date = article
        .date
        .as_ref()
        .map(|date| match article.date_inferred {
            true => format!("{date} (year inferred)"),
            false => date.clone(),
        });
    let title = (!article.title.is_empty()).then(|| article.title.clone());
    let fields = [
        ("title", title, article.clues.title),
        ("date", date, article.clues.date),
        ("category", article.category.clone(), article.clues.category),
        ("author", article.author.clone(), article.clues.author),
        ("source", article.source.clone(), None),
        ("url", article.url.clone(), None),
    ];
    for (name, value, clue) in fields {
        let value = value.map_or_else(
            || style.dim("none"),
            |value| terminal_safe(&value).into_owned(),
        );
        let clue = clue.map_or_else(String::new, |clue| style.dim(&format!("  ← {clue}")));
        writeln!(
            out,
            "  {}{value}{clue}",
            style.metadata(&format!("{name:<10}"))
        )?;
    }
    Ok(())
}
