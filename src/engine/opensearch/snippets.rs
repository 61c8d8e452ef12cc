//! Snippets from the cluster's highlighter: the query's terms marked in the body's best passage, turned into newsearch's snippet (white space collapsed, "…" where cut, highlights in characters).

use serde_json::{json, Value};

use crate::analysis::fold::is_apostrophe;
use crate::analysis::ELIDED;
use crate::results::Snippet;
use crate::search::prefix::shorter_stems;
use crate::search::snippet::QueryTerms;

use super::mapping::highlight_field;

/// Marks the highlighter puts around a matched word: private-use characters, which no
/// article text holds once extracted (an HTML tag could stand in the text).
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';
const ELLIPSIS: char = '…';

/// The `highlight` part of a search: the body's best passage for the query's terms (every
/// occurrence of a term, as the embedded engine marks them, not only phrase matches).
pub(crate) fn highlight(terms: &QueryTerms) -> Value {
    let mut alternatives: Vec<Value> = Vec::new();
    if !terms.exact.is_empty() {
        alternatives.push(json!({"terms": {"body": terms.exact}}));
    }
    for prefix in &terms.prefixes {
        alternatives.push(json!({"prefix": {"body": prefix}}));
        let cut = shorter_stems(prefix);
        if !cut.is_empty() {
            alternatives.push(json!({"terms": {"body": cut}}));
        }
    }
    let query = if alternatives.is_empty() {
        json!({"match_none": {}})
    } else {
        json!({"bool": {"should": alternatives}})
    };
    json!({
        "pre_tags": [OPEN.to_string()],
        "post_tags": [CLOSE.to_string()],
        "fields": {"body": highlight_field(query)}
    })
}

/// The snippet of a hit from the highlighter's passage (`None`: an empty body).
pub(crate) fn snippet(passage: Option<&str>) -> Snippet {
    let Some(passage) = passage.map(str::trim).filter(|passage| !passage.is_empty()) else {
        return Snippet {
            text: String::new(),
            highlights: Vec::new(),
        };
    };
    let mut text = String::new();
    let mut chars = 0;
    let starts_cut = !starts_sentence(passage);
    if starts_cut {
        text.push(ELLIPSIS);
        text.push(' ');
        chars += 2;
    }
    let mut highlights = Vec::new();
    let mut open_at = None;
    let mut previous_was_space = false;
    for character in passage.chars() {
        match character {
            OPEN => open_at = Some(chars),
            CLOSE => {
                if let Some(start) = open_at.take() {
                    highlights.push([start, chars]);
                }
            }
            _ if character.is_whitespace() => {
                if !previous_was_space {
                    text.push(' ');
                    chars += 1;
                }
                previous_was_space = true;
            }
            _ => {
                text.push(character);
                chars += 1;
                previous_was_space = false;
            }
        }
    }
    if !ends_sentence(passage) {
        text.push(' ');
        text.push(ELLIPSIS);
    }
    let characters: Vec<char> = text.chars().collect();
    for highlight in &mut highlights {
        highlight[0] += elided_article_chars(&characters[highlight[0]..highlight[1]]);
    }
    Snippet { text, highlights }
}

/// How many characters of a highlighted word an elided article takes ("l’" of
/// "l’Ukraine"): the embedded engine marks the word without it.
fn elided_article_chars(word: &[char]) -> usize {
    let Some(apostrophe) = word.iter().position(|&c| is_apostrophe(c)) else {
        return 0;
    };
    let article: String = word[..apostrophe].iter().collect::<String>().to_lowercase();
    if ELIDED.contains(&article.as_str()) && apostrophe + 1 < word.len() {
        apostrophe + 1
    } else {
        0
    }
}

fn starts_sentence(passage: &str) -> bool {
    passage
        .chars()
        .find(|&c| c != OPEN && c != CLOSE)
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '"' | '“'))
}

fn ends_sentence(passage: &str) -> bool {
    passage
        .chars()
        .rev()
        .find(|&c| c != OPEN && c != CLOSE)
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '»' | '"' | '”' | ')'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::snippet::highlighted;

    #[test]
    fn marks_become_character_offsets_without_elided_articles() {
        let snippet = snippet(Some(
            "La \u{E000}Corée\u{E001} du  Nord\n menace \u{E000}l’Ukraine\u{E001}.",
        ));
        assert_eq!(snippet.text, "La Corée du Nord menace l’Ukraine.");
        assert_eq!(highlighted(&snippet), ["Corée", "Ukraine"]);
    }

    #[test]
    fn a_passage_cut_inside_sentences_gets_ellipses() {
        let snippet = snippet(Some("soldats \u{E000}nord-coréens\u{E001} envoyés en"));
        assert_eq!(snippet.text, "… soldats nord-coréens envoyés en …");
        assert_eq!(highlighted(&snippet), ["nord-coréens"]);
    }

    #[test]
    fn the_highlight_query_holds_terms_and_prefixes() {
        let terms = QueryTerms {
            exact: ["core".to_string()].into(),
            prefixes: ["gouvernem".to_string()].into(),
        };
        let request = highlight(&terms).to_string();
        assert!(
            request.contains(r#"{"terms":{"body":["core"]}}"#),
            "{request}"
        );
        assert!(
            request.contains(r#"{"prefix":{"body":"gouvernem"}}"#),
            "{request}"
        );
    }
}
