//! One article for people (`newsearch show`): title, details, the whole text, its near-duplicates.

use std::io::{self, Write};

use crate::results::ArticleView;

use super::style::Style;
use super::terminal_safe::{terminal_safe, terminal_safe_lines};
use super::text::{details, display_path, marked};

/// Prints an article in full.
pub(crate) fn print_article(
    article: &ArticleView,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let summary = &article.article;
    writeln!(out, "{}", style.title(&terminal_safe(&summary.title)))?;
    let mut details = details(summary);
    details.extend(summary.source.clone());
    writeln!(
        out,
        "{}",
        style.metadata(&terminal_safe(&details.join(" · ")))
    )?;
    if let Some(url) = &summary.url {
        writeln!(out, "{}", style.dim(&terminal_safe(url)))?;
    }
    writeln!(
        out,
        "{}",
        style.dim(&format!(
            "{} · id {}",
            terminal_safe(&display_path(&summary.path)),
            summary.id
        ))
    )?;
    writeln!(out)?;
    let body = article.body.trim_end();
    match &article.body_highlights {
        Some(highlights) => writeln!(
            out,
            "{}",
            marked(body, highlights, style, terminal_safe_lines)
        )?,
        None => writeln!(out, "{}", terminal_safe_lines(body))?,
    }
    if !article.duplicates.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            style.dim(&format!(
                "Near-duplicates: {}",
                article.duplicates.join(", ")
            ))
        )?;
    }
    Ok(())
}
