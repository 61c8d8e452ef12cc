//! Markdown articles: the first heading is the title, the metadata line under it gives date, section and byline, markup is removed from the text.
//!
//! A Markdown article (`.md`, or text that opens with a `# Titre` heading) states its
//! headline plainly, so nothing is guessed: the first heading is the title. The short lines
//! between it and the first paragraph are the metadata line ("*Par Jeanne Martin — 3
//! octobre 2024 — Politique*"): each part separated by a dash, a bar or a middle dot is a
//! date, a byline or a section. The rest is the body: paragraphs (lines of one block joined),
//! list items, subheadings and quotes, with emphasis, links, images and code marks removed.

use crate::date::Date;

use crate::extract::clues::byline::byline_author;
use crate::extract::clues::french_date::find_dates;
use crate::extract::clues::section::stated_category;
use crate::extract::clues::Clues;
use crate::extract::page::PageFields;

/// Metadata lines have at most this many words; a longer line is the first paragraph.
const MAX_METADATA_WORDS: usize = 24;
/// How many lines under the title may be metadata.
const MAX_METADATA_LINES: usize = 3;

/// Whether the text is a Markdown article: its first line is a `#` heading, or a line
/// underlined with `===`.
pub(crate) fn is_markdown(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|line| !line.is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    heading_text(first).is_some()
        || lines
            .next()
            .is_some_and(|second| second.len() >= 3 && second.chars().all(|c| c == '='))
}

/// Reads a Markdown article.
pub(crate) fn read_markdown(text: &str, today: Date) -> (PageFields, Clues) {
    let blocks = blocks(text);
    let mut fields = PageFields::default();
    let mut clues = Clues::default();
    let mut rest = blocks.as_slice();
    if let Some((first, after)) = rest.split_first() {
        if first.is_heading {
            fields.title = Some(first.text.clone());
            clues.title = Some("the first heading (Markdown)");
            rest = after;
        }
    }
    let metadata_lines = rest
        .iter()
        .take(MAX_METADATA_LINES)
        .take_while(|block| {
            !block.is_heading && block.text.split_whitespace().count() <= MAX_METADATA_WORDS
        })
        .take_while(|block| read_metadata(&block.text, today, &mut fields, &mut clues))
        .count();
    // Metadata with nothing under it is the text of a note, not a header.
    let body = match &rest[metadata_lines..] {
        [] => rest,
        body => body,
    };
    fields.body = body
        .iter()
        .map(|block| block.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    if fields.body.is_empty() {
        // A note that is only a heading is still a note.
        fields.body = fields.title.clone().unwrap_or_default();
    }
    (fields, clues)
}

/// Reads a metadata line into the fields it states; false when it states none (it is text).
fn read_metadata(line: &str, today: Date, fields: &mut PageFields, clues: &mut Clues) -> bool {
    let mut stated = false;
    for part in line
        .split(['—', '–', '|', '·', '•'])
        .flat_map(|part| part.split(" - "))
        .map(str::trim)
    {
        if part.is_empty() {
            continue;
        }
        if let Some(author) = byline_author(part) {
            fields.author.get_or_insert(author);
            clues.author = Some("the metadata line under the heading (Markdown)");
            stated = true;
        } else if let Some(mention) = find_dates(part, today).into_iter().next() {
            fields.date.get_or_insert(mention.as_publication());
            clues.date = Some("the metadata line under the heading (Markdown)");
            stated = true;
        } else if let Some(category) = stated_category(part) {
            fields.category.get_or_insert(category);
            clues.category = Some("the metadata line under the heading (Markdown)");
            stated = true;
        }
    }
    stated
}

/// One block of a Markdown text, its markup removed.
struct Block {
    text: String,
    is_heading: bool,
}

/// The blocks of the text: headings, list items and paragraphs (the lines of a paragraph
/// joined); rules and code fences dropped, their contents kept.
fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let flush = |paragraph: &mut Vec<String>, blocks: &mut Vec<Block>| {
        let text = paragraph.join(" ").trim().to_string();
        if !text.is_empty() {
            blocks.push(Block {
                text,
                is_heading: false,
            });
        }
        paragraph.clear();
    };
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for (index, line) in lines.iter().enumerate() {
        let underline =
            lines.get(index + 1).is_some_and(|next| is_underline(next)) && !line.is_empty();
        if line.is_empty() || is_rule(line) || line.starts_with("```") || is_underline(line) {
            flush(&mut paragraph, &mut blocks);
            continue;
        }
        if let Some(heading) = heading_text(line).or(underline.then_some(*line)) {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block {
                text: inline_text(heading),
                is_heading: true,
            });
            continue;
        }
        let line = line.trim_start_matches('>').trim_start();
        if let Some(item) = ["- ", "* ", "+ "]
            .iter()
            .find_map(|marker| line.strip_prefix(marker))
        {
            flush(&mut paragraph, &mut blocks);
            paragraph.push(format!("• {}", inline_text(item)));
            continue;
        }
        paragraph.push(inline_text(line));
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

/// The text of an ATX heading (`## Titre ##`), or `None` for another line.
fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    let rest = line[hashes..].strip_prefix(' ')?;
    (1..=6)
        .contains(&hashes)
        .then(|| rest.trim().trim_end_matches('#').trim_end())
}

/// `===` or `---` under a line makes it a heading.
fn is_underline(line: &str) -> bool {
    line.len() >= 3 && (line.chars().all(|c| c == '=') || line.chars().all(|c| c == '-'))
}

/// `***`, `- - -`, `___`: a thematic break.
fn is_rule(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ["*", "_"]
            .iter()
            .any(|mark| marks.chars().all(|c| c.to_string() == *mark))
}

/// A line without inline markup: images dropped, links reduced to their text, emphasis,
/// code marks and hard-break backslashes removed.
fn inline_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find(['[', '*', '_', '`', '\\']) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let image = out.ends_with('!') && tail.starts_with('[');
        if let Some((text, after)) = tail.starts_with('[').then(|| link(tail)).flatten() {
            if image {
                out.pop();
            } else {
                out.push_str(text);
            }
            rest = after;
            continue;
        }
        let character = tail.chars().next().unwrap_or(' ');
        let is_mark = match character {
            '*' | '`' | '\\' => true,
            // An underscore inside a word (snake_case, a file name) is not emphasis.
            '_' => !word_before(&out) || !tail[1..].starts_with(char::is_alphanumeric),
            _ => false,
        };
        if !is_mark {
            out.push(character);
        }
        rest = &tail[character.len_utf8()..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` ends inside a word (an underscore there is part of a name, not emphasis).
fn word_before(text: &str) -> bool {
    text.chars().last().is_some_and(char::is_alphanumeric)
}

/// `[text](address)` at the start of `tail`: the text and what follows the link.
fn link(tail: &str) -> Option<(&str, &str)> {
    let close = tail.find("](")?;
    let text = &tail[1..close];
    if text.contains(['[', ']']) {
        return None;
    }
    let after_open = &tail[close + 2..];
    let end = after_open.find(')')?;
    Some((text, &after_open[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 21).unwrap()
    }

    const ARTICLE: &str = "\
# Le Sénat adopte le **budget** 2025

*Par Jeanne Martin — 3 octobre 2024 — Politique*

Le Sénat a adopté mardi soir le [projet de loi de finances](https://exemple.fr/plf),
après trois semaines de débats _souvent houleux_.

![Hémicycle](https://exemple.fr/senat.jpg)

## Un vote large

- 190 voix pour ;
- 109 contre.

> « C'est un budget de responsabilité », a dit le `rapporteur`.
";

    #[test]
    fn a_markdown_article_is_read() {
        assert!(is_markdown(ARTICLE));
        let (fields, clues) = read_markdown(ARTICLE, today());
        assert_eq!(
            fields.title.as_deref(),
            Some("Le Sénat adopte le budget 2025")
        );
        assert_eq!(fields.author.as_deref(), Some("Jeanne Martin"));
        assert_eq!(
            fields.date.map(|date| date.date.to_string()).as_deref(),
            Some("2024-10-03")
        );
        assert_eq!(fields.category.as_deref(), Some("Politique"));
        assert_eq!(clues.title, Some("the first heading (Markdown)"));
        assert_eq!(
            fields.body,
            "Le Sénat a adopté mardi soir le projet de loi de finances, après trois semaines de débats souvent houleux.\n\n\
             Un vote large\n\n• 190 voix pour ;\n\n• 109 contre.\n\n\
             « C'est un budget de responsabilité », a dit le rapporteur."
        );
    }

    #[test]
    fn without_metadata_the_first_paragraph_is_text() {
        let (fields, _) = read_markdown("Titre\n=====\n\nUne seule phrase de note.\n", today());
        assert_eq!(fields.title.as_deref(), Some("Titre"));
        assert_eq!(fields.date, None);
        assert_eq!(fields.body, "Une seule phrase de note.");
    }

    #[test]
    fn a_heading_alone_is_kept() {
        let (fields, _) = read_markdown("# Relire le contrat\n", today());
        assert_eq!(fields.title.as_deref(), Some("Relire le contrat"));
        assert_eq!(fields.body, "Relire le contrat");
        let (dated, _) = read_markdown("Réunion le 3 octobre 2024\n", today());
        assert_eq!(dated.body, "Réunion le 3 octobre 2024");
    }

    #[test]
    fn plain_text_is_not_markdown() {
        assert!(!is_markdown("Un titre\n\nUn paragraphe.\n"));
        assert!(!is_markdown("#hashtag en tête\n"));
        assert_eq!(
            inline_text("mon_fichier_source et snake_case"),
            "mon_fichier_source et snake_case"
        );
        assert_eq!(
            inline_text("*gras* suivi de ](x) et [lien](y)"),
            "gras suivi de ](x) et lien"
        );
        for tricky in [
            "[", "](", "![", "_", "\\", "[é](", "*é_", "[a]b](c)", "#", "# ", "é\\",
        ] {
            inline_text(tricky);
            read_markdown(tricky, today());
        }
    }
}
