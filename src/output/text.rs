//! Results for people: ranked titles with their date, category and passage, then the total and the facets.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use crate::results::{
    ArticleSummary, DateFacetUnit, FacetCount, Hit, MatchKind, SearchResults, Snippet,
};

use super::style::Style;
use super::terminal_safe::terminal_safe;

/// Prints search results as text.
pub(crate) fn print_results(
    results: &SearchResults,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rank_width = results
        .hits
        .last()
        .map_or(1, |hit| hit.rank.to_string().len());
    for hit in &results.hits {
        print_hit(hit, rank_width, style, out)?;
    }
    print_summary(results, style, out)
}

fn print_hit(hit: &Hit, rank_width: usize, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let indent = " ".repeat(rank_width + 2);
    let article = &hit.article;
    writeln!(
        out,
        "{:>rank_width$}. {}",
        hit.rank,
        style.title(&terminal_safe(&article.title))
    )?;
    // The id is what `show` and `similar` take; the URL, when known, is where the article
    // lives (the path of a JSON Lines record names the whole file).
    let mut details = details(article);
    details.push(article.id.clone());
    details.push(
        article
            .url
            .clone()
            .unwrap_or_else(|| display_path(&article.path)),
    );
    writeln!(
        out,
        "{indent}{}",
        style.metadata(&terminal_safe(&details.join(" · ")))
    )?;
    if !hit.snippet.text.is_empty() {
        writeln!(out, "{indent}{}", highlighted(&hit.snippet, style))?;
    }
    if hit.matched == MatchKind::Partial {
        let missing = hit
            .missing
            .iter()
            .map(|word| format!("«{}»", terminal_safe(word)))
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(
            out,
            "{indent}{}",
            style.dim(&format!("partial match: without {missing}"))
        )?;
    }
    if !hit.duplicates.is_empty() {
        let copies = match hit.duplicates.len() {
            1 => "1 near-duplicate".to_string(),
            count => format!("{count} near-duplicates"),
        };
        writeln!(
            out,
            "{indent}{}",
            style.dim(&format!("+ {copies}: {}", hit.duplicates.join(", ")))
        )?;
    }
    writeln!(out)
}

/// The date (or "no date"), category and author of an article, those it has.
pub(super) fn details(article: &ArticleSummary) -> Vec<String> {
    let mut details = vec![match (&article.date, article.date_inferred) {
        (Some(date), true) => format!("{date} (year inferred)"),
        (Some(date), false) => date.clone(),
        (None, _) => "no date".to_string(),
    }];
    details.extend(article.category.clone());
    details.extend(article.author.clone());
    details
}

/// The snippet with its matched words styled.
fn highlighted(snippet: &Snippet, style: Style) -> String {
    marked(&snippet.text, &snippet.highlights, style, terminal_safe)
}

/// `text` as safe terminal text (made so by `safe`), the characters in `highlights` styled.
pub(super) fn marked(
    text: &str,
    highlights: &[[usize; 2]],
    style: Style,
    safe: fn(&str) -> Cow<'_, str>,
) -> String {
    let characters: Vec<char> = text.chars().collect();
    let plain = |characters: &[char]| safe(&characters.iter().collect::<String>()).into_owned();
    let mut marked = String::with_capacity(text.len());
    let mut position = 0;
    for &[start, end] in highlights {
        if start < position || end > characters.len() {
            continue;
        }
        marked.push_str(&plain(&characters[position..start]));
        marked.push_str(&style.match_highlight(&plain(&characters[start..end])));
        position = end;
    }
    marked.push_str(&plain(&characters[position..]));
    marked
}

/// A stored path as the user would type it: relative to the current folder when inside it.
pub(super) fn display_path(path: &str) -> String {
    let path = Path::new(path);
    std::env::current_dir()
        .ok()
        .and_then(|current| path.strip_prefix(current).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

/// The count line, the notes about what was not counted or found, and the facets.
fn print_summary(results: &SearchResults, style: Style, out: &mut dyn Write) -> io::Result<()> {
    print_count(results, out)?;
    print_notes(results, style, out)?;
    if results.total_hits > 0 {
        print_facets(results, style, out)?;
    }
    Ok(())
}

/// "N articles match «query» (…)".
fn print_count(results: &SearchResults, out: &mut dyn Write) -> io::Result<()> {
    let articles = if results.total_hits == 1 {
        "article matches"
    } else {
        "articles match"
    };
    let shown = match (results.hits.first(), results.hits.last()) {
        (Some(first), Some(last)) => format!("showing {}–{}, ", first.rank, last.rank),
        _ => String::new(),
    };
    let folded = if results.total_distinct < results.total_hits {
        format!("{} after folding near-duplicates; ", results.total_distinct)
    } else {
        String::new()
    };
    let query = match results.query.trim() {
        "" => String::new(),
        query => format!(" «{}»", terminal_safe(query)),
    };
    writeln!(
        out,
        "{} {articles}{query} ({folded}{shown}{:.1} ms)",
        results.total_hits, results.elapsed_ms
    )
}

/// Partial matches not counted, spelling suggestions, and a query with nothing to search.
fn print_notes(results: &SearchResults, style: Style, out: &mut dyn Write) -> io::Result<()> {
    if results.partial_hits > 0 {
        let (have, are) = if results.partial_hits == 1 {
            ("has", "it is")
        } else {
            ("have", "they are")
        };
        writeln!(
            out,
            "{}",
            style.dim(&format!(
                "{} more {have} only some of the words: {are} shown by relevance, marked partial, and not counted.",
                results.partial_hits
            ))
        )?;
    }
    for suggestion in &results.suggestions {
        let articles = match suggestion.articles {
            1 => "1 article".to_string(),
            count => format!("{count} articles"),
        };
        writeln!(
            out,
            "Did you mean «{}» ({articles}) for «{}»?",
            style.title(&terminal_safe(&suggestion.suggestion)),
            terminal_safe(&suggestion.word)
        )?;
    }
    // Without words, a query that finds articles browses them (`*`, dates, categories).
    if results.query_terms.is_empty() && results.total_hits == 0 && !results.query.trim().is_empty()
    {
        writeln!(
            out,
            "{}",
            style.dim("The query has no searchable word: only stop words or punctuation.")
        )?;
    }
    Ok(())
}

fn print_facets(results: &SearchResults, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let facets = &results.facets;
    let dates_label = match facets.date_granularity {
        Some(DateFacetUnit::Range) => "Date ranges",
        Some(DateFacetUnit::Year) => "Dates by year",
        Some(DateFacetUnit::Month) | None => "Dates by month",
        Some(DateFacetUnit::Day) => "Dates by day",
    };
    let lists = [
        ("Categories", &facets.category, "no category"),
        ("Authors", &facets.author, "no author"),
        ("Sources", &facets.source, "no source"),
        (dates_label, &facets.date, "no date"),
    ];
    for (label, counts, none) in lists {
        if let Some(counts) = counts {
            print_facet(out, style, label, counts, none)?;
        }
    }
    Ok(())
}

fn print_facet(
    out: &mut dyn Write,
    style: Style,
    label: &str,
    counts: &[FacetCount],
    none: &str,
) -> io::Result<()> {
    let entries: Vec<String> = counts
        .iter()
        .map(|entry| {
            let value = entry.value.as_deref().unwrap_or(none);
            format!("{} {}", terminal_safe(value), entry.count)
        })
        .collect();
    writeln!(
        out,
        "{} {}",
        style.dim(&format!("{label}:")),
        entries.join(" · ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_wrap_the_matched_characters() {
        let snippet = Snippet {
            text: "La Corée du Nord".to_string(),
            highlights: vec![[3, 8], [12, 16]],
        };
        assert_eq!(highlighted(&snippet, Style::plain()), "La Corée du Nord");
        let coloured = highlighted(&snippet, Style::for_stdout(crate::cli::ColorChoice::Always));
        assert_eq!(
            coloured,
            "La \x1b[1;31mCorée\x1b[0m du \x1b[1;31mNord\x1b[0m"
        );
    }
}
