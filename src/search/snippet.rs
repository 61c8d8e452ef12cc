//! The passage that matters: the article's best sentences for the query, cut on characters, matched words marked.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::analysis::{for_each_term_starting, FirstBytes, HYPHENS};

use super::prefix::prefix_matches;
use crate::results::Snippet;

/// The longest snippet, in characters (not counting the "…" marks).
pub(crate) const SNIPPET_CHARS: usize = 240;

const ELLIPSIS: char = '…';

/// Abbreviations whose final dot does not end a sentence ("M. Macron").
const ABBREVIATIONS: &[&str] = &[
    "M", "Mme", "Mmes", "MM", "Mlle", "Mgr", "Dr", "Pr", "St", "Ste", "av", "cf", "etc", "No", "n°",
];

/// The words a query looks for, as the index holds them: what snippets highlight.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct QueryTerms {
    /// Analysed terms (stemmed, folded).
    pub exact: BTreeSet<String>,
    /// Folded, unstemmed prefixes (`econo` for `écono*`), matched as `search::prefix` says.
    pub prefixes: BTreeSet<String>,
}

impl QueryTerms {
    /// The query term or prefix an analysed word matches.
    fn matching(&self, term: &str) -> Option<&str> {
        self.exact.get(term).map(String::as_str).or_else(|| {
            self.prefixes
                .iter()
                .find(|prefix| prefix_matches(prefix, term))
                .map(String::as_str)
        })
    }

    /// The terms, then the prefixes written with their `*`.
    pub(crate) fn listed(&self) -> Vec<String> {
        let prefixes = self.prefixes.iter().map(|prefix| format!("{prefix}*"));
        self.exact.iter().cloned().chain(prefixes).collect()
    }
}

/// The best passage of `body` for the query's terms: the sentence with the most distinct
/// query words (then the most matches), followed by the next sentences while they fit.
/// Without any match, the article's opening.
pub(crate) fn make_snippet(body: &str, terms: &QueryTerms, max_chars: usize) -> Snippet {
    let matches = term_matches(body, terms);
    let sentences = sentence_ranges(body);
    let Some(best) = best_sentence(&sentences, &matches) else {
        return Snippet {
            text: String::new(),
            highlights: Vec::new(),
        };
    };
    let window = passage_window(body, &sentences, best, &matches, max_chars);
    let starts_cut = !sentences
        .iter()
        .any(|sentence| sentence.start == window.start);
    let ends_cut = !sentences.iter().any(|sentence| sentence.end == window.end);
    render(body, window, &matches, starts_cut, ends_cut)
}

/// Every word of `text` that matches a query term, as `[start, end)` character offsets.
pub(crate) fn highlights(text: &str, terms: &QueryTerms) -> Vec<[usize; 2]> {
    // Matches come in text order: characters are counted once, from one offset to the next.
    let (mut counted_bytes, mut counted_chars) = (0, 0);
    let mut char_index = |byte: usize| {
        if byte < counted_bytes {
            (counted_bytes, counted_chars) = (0, 0);
        }
        counted_chars += text[counted_bytes..byte].chars().count();
        counted_bytes = byte;
        counted_chars
    };
    let matches = term_matches(text, terms);
    whole_names(text, matches.iter().map(|(range, _)| range.clone()))
        .into_iter()
        .map(|range| [char_index(range.start), char_index(range.end)])
        .collect()
}

/// The byte ranges to mark for matched words in text order: words joined by one hyphen
/// are marked as one ("Notre-Dame", "nord-coréens"), so a name reads as one highlight.
fn whole_names(text: &str, words: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut marked: Vec<Range<usize>> = Vec::new();
    for word in words {
        match marked.last_mut() {
            Some(last) if is_one_hyphen(&text[last.end..word.start.max(last.end)]) => {
                last.end = word.end;
            }
            _ => marked.push(word),
        }
    }
    marked
}

fn is_one_hyphen(gap: &str) -> bool {
    let mut characters = gap.chars();
    characters.next().is_some_and(|c| HYPHENS.contains(&c)) && characters.next().is_none()
}

/// The byte ranges of the words of `body` that match a query term, with the term, in order.
fn term_matches<'t>(body: &str, terms: &'t QueryTerms) -> Vec<(Range<usize>, &'t str)> {
    let mut matches = Vec::new();
    let first_bytes = FirstBytes::of(
        terms
            .exact
            .iter()
            .chain(&terms.prefixes)
            .map(String::as_str),
    );
    for_each_term_starting(body, &first_bytes, |offsets, term| {
        if let Some(term) = terms.matching(term) {
            matches.push((offsets, term));
        }
    });
    matches
}

/// Byte ranges of the sentences of `text`, trimmed; paragraphs and lines always end one.
fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut characters = text.char_indices().peekable();
    while let Some((index, character)) = characters.next() {
        let end_here = match character {
            '\n' => Some(index),
            '.' | '!' | '?' | '…' => {
                let mut end = index + character.len_utf8();
                while let Some(&(next_index, next)) = characters.peek() {
                    if matches!(next, '»' | '"' | '”' | ')' | '.' | '!' | '?') {
                        end = next_index + next.len_utf8();
                        characters.next();
                    } else {
                        break;
                    }
                }
                let next_starts_sentence = text[end..].trim_start().starts_with(|c: char| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '"' | '“')
                });
                let followed_by_space = text[end..].starts_with(char::is_whitespace);
                let after_abbreviation = character == '.' && is_abbreviation_before(text, index);
                (followed_by_space && next_starts_sentence && !after_abbreviation).then_some(end)
            }
            _ => None,
        };
        if let Some(end) = end_here {
            push_trimmed(text, start..end, &mut sentences);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut sentences);
    sentences
}

fn is_abbreviation_before(text: &str, dot: usize) -> bool {
    let word_start = text[..dot]
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '°')
        .map_or(0, |(index, c)| index + c.len_utf8());
    let word = &text[word_start..dot];
    ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.starts_with(char::is_uppercase))
}

fn push_trimmed(text: &str, range: Range<usize>, sentences: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let leading = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = range.start + leading;
        sentences.push(start..start + trimmed.len());
    }
}

/// Index of the sentence with the most distinct matched terms, then the most matches;
/// the first sentence when nothing matches.
fn best_sentence(sentences: &[Range<usize>], matches: &[(Range<usize>, &str)]) -> Option<usize> {
    let score = |sentence: &Range<usize>| {
        let inside: Vec<&str> = matches
            .iter()
            .filter(|(offsets, _)| sentence.contains(&offsets.start))
            .map(|(_, term)| *term)
            .collect();
        let distinct: BTreeSet<&str> = inside.iter().copied().collect();
        (distinct.len(), inside.len())
    };
    let mut best: Option<(usize, (usize, usize))> = None;
    for (index, sentence) in sentences.iter().enumerate() {
        let sentence_score = score(sentence);
        if best.is_none_or(|(_, best_score)| sentence_score > best_score) {
            best = Some((index, sentence_score));
        }
    }
    best.map(|(index, _)| index)
}

/// The byte range to show: the best sentence and the ones after it while they fit; a
/// sentence too long to fit is cut around its first match, on word boundaries.
fn passage_window(
    body: &str,
    sentences: &[Range<usize>],
    best: usize,
    matches: &[(Range<usize>, &str)],
    max_chars: usize,
) -> Range<usize> {
    let sentence = sentences[best].clone();
    let chars_in = |range: Range<usize>| body[range].chars().count();
    if chars_in(sentence.clone()) > max_chars {
        let first_match = matches
            .iter()
            .find(|(offsets, _)| sentence.contains(&offsets.start))
            .map_or(sentence.start, |(offsets, _)| offsets.start);
        let lead_in = max_chars / 4;
        let start = word_start_at_or_after(
            body,
            back_by_chars(body, first_match, lead_in).max(sentence.start),
            sentence.start,
        );
        let end = word_end_at_or_before(
            body,
            forward_by_chars(body, start, max_chars).min(sentence.end),
            start,
        );
        return start..end;
    }
    let mut end = sentence.end;
    for next in &sentences[best + 1..] {
        if chars_in(sentence.start..next.end) > max_chars {
            break;
        }
        end = next.end;
    }
    sentence.start..end
}

fn back_by_chars(text: &str, from: usize, count: usize) -> usize {
    text[..from]
        .char_indices()
        .rev()
        .nth(count.saturating_sub(1))
        .map_or(0, |(index, _)| index)
}

fn forward_by_chars(text: &str, from: usize, count: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(count)
        .map_or(text.len(), |(index, _)| from + index)
}

/// The start of the first whole word at or after `position` (not before `floor`).
fn word_start_at_or_after(text: &str, position: usize, floor: usize) -> usize {
    if position <= floor {
        return floor;
    }
    match text[position..].find(char::is_whitespace) {
        Some(space) => {
            let after_space = position + space;
            after_space + (text[after_space..].len() - text[after_space..].trim_start().len())
        }
        None => position,
    }
}

/// The end of the last whole word at or before `position` (not before `floor`).
fn word_end_at_or_before(text: &str, position: usize, floor: usize) -> usize {
    if position >= text.len() || text[position..].starts_with(char::is_whitespace) {
        return position;
    }
    text[floor..position]
        .rfind(char::is_whitespace)
        .map_or(position, |space| floor + space)
}

/// The snippet text of a window, white space collapsed, with "…" marks and highlights in characters.
fn render(
    body: &str,
    window: Range<usize>,
    matches: &[(Range<usize>, &str)],
    starts_cut: bool,
    ends_cut: bool,
) -> Snippet {
    let mut text = String::new();
    let mut chars = 0;
    if starts_cut {
        text.push(ELLIPSIS);
        text.push(' ');
        chars += 2;
    }
    // Character index in `text` of each byte offset of the window that starts a character.
    let mut char_at: Vec<(usize, usize)> = Vec::new();
    let mut previous_was_space = false;
    for (index, character) in body[window.clone()].char_indices() {
        char_at.push((window.start + index, chars));
        if character.is_whitespace() {
            if !previous_was_space {
                text.push(' ');
                chars += 1;
            }
            previous_was_space = true;
        } else {
            text.push(character);
            chars += 1;
            previous_was_space = false;
        }
    }
    char_at.push((window.end, chars));
    if ends_cut {
        text.push(' ');
        text.push(ELLIPSIS);
    }
    let char_index = |byte: usize| {
        char_at
            .binary_search_by_key(&byte, |&(offset, _)| offset)
            .map(|found| char_at[found].1)
            .ok()
    };
    let in_window = matches
        .iter()
        .filter(|(offsets, _)| offsets.start >= window.start && offsets.end <= window.end)
        .map(|(offsets, _)| offsets.clone());
    let highlights = whole_names(body, in_window)
        .into_iter()
        .filter_map(|offsets| Some([char_index(offsets.start)?, char_index(offsets.end)?]))
        .collect();
    Snippet { text, highlights }
}

/// The words a snippet marks, as text: what tests of both engines' snippets compare.
#[cfg(test)]
pub(crate) fn highlighted(snippet: &Snippet) -> Vec<String> {
    let characters: Vec<char> = snippet.text.chars().collect();
    snippet
        .highlights
        .iter()
        .map(|[start, end]| characters[*start..*end].iter().collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::terms;

    fn query_terms(text: &str) -> QueryTerms {
        QueryTerms {
            exact: terms(text).into_iter().collect(),
            prefixes: BTreeSet::new(),
        }
    }

    const BODY: &str = "Le sommet s'est ouvert à Bruxelles. Les dirigeants européens ont discuté du budget.\n\nLa Corée du Nord a envoyé des soldats en Russie. Séoul s'en inquiète. M. Yoon a convoqué l'ambassadeur.";

    #[test]
    fn highlights_mark_every_match_of_the_whole_text_in_characters() {
        let text = "Séoul répond. La Corée du Nord tire ; la Corée du Sud, à Séoul, s'inquiète.";
        let marks = highlights(text, &query_terms("coree seoul"));
        let characters: Vec<char> = text.chars().collect();
        let marked: Vec<String> = marks
            .iter()
            .map(|[start, end]| characters[*start..*end].iter().collect())
            .collect();
        assert_eq!(marked, ["Séoul", "Corée", "Corée", "Séoul"]);
        assert!(highlights(text, &query_terms("Japon")).is_empty());
    }

    #[test]
    fn picks_the_sentence_with_the_query_words() {
        let snippet = make_snippet(BODY, &query_terms("Corée du Nord"), SNIPPET_CHARS);
        assert!(
            snippet.text.starts_with("La Corée du Nord a envoyé"),
            "{}",
            snippet.text
        );
        assert_eq!(highlighted(&snippet), ["Corée", "Nord"]);
        assert!(!snippet.text.contains('…'), "{}", snippet.text);
    }

    #[test]
    fn a_hyphenated_name_is_highlighted_whole() {
        let body = "Une dame visite Notre-Dame-des-Landes. Les travaux de Notre-Dame avancent.";
        let snippet = make_snippet(body, &query_terms("Notre-Dame"), SNIPPET_CHARS);
        assert_eq!(highlighted(&snippet), ["dame", "Notre-Dame", "Notre-Dame"]);
        let text = "Saint-Denis, puis Saint - Denis";
        let characters: Vec<char> = text.chars().collect();
        let marked: Vec<String> = highlights(text, &query_terms("Saint-Denis"))
            .iter()
            .map(|[start, end]| characters[*start..*end].iter().collect())
            .collect();
        assert_eq!(marked, ["Saint-Denis", "Saint", "Denis"]);
    }

    #[test]
    fn accents_and_inflections_are_highlighted_as_written() {
        let snippet = make_snippet(BODY, &query_terms("coree soldat seoul"), SNIPPET_CHARS);
        assert_eq!(highlighted(&snippet), ["Corée", "soldats", "Séoul"]);
    }

    #[test]
    fn prefixes_highlight_every_word_they_start() {
        let terms = QueryTerms {
            exact: BTreeSet::new(),
            prefixes: ["sold".to_string()].into(),
        };
        let snippet = make_snippet(BODY, &terms, SNIPPET_CHARS);
        assert_eq!(highlighted(&snippet), ["soldats"]);
        assert_eq!(terms.listed(), ["sold*"]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let sentences = sentence_ranges("M. Yoon a parlé. Il est parti.");
        assert_eq!(sentences.len(), 2);
    }

    #[test]
    fn sentence_ends_after_multibyte_characters() {
        let text = "contre l’Ukraine. Les bénéfices pour Séoul… Énorme.";
        let sentences: Vec<&str> = sentence_ranges(text)
            .into_iter()
            .map(|range| &text[range])
            .collect();
        assert_eq!(
            sentences,
            ["contre l’Ukraine.", "Les bénéfices pour Séoul…", "Énorme."]
        );
    }

    #[test]
    fn long_sentences_are_cut_on_words_with_ellipses() {
        let long = format!(
            "{} la Corée du Nord {}",
            "mot ".repeat(200),
            "fin ".repeat(200)
        );
        let snippet = make_snippet(&long, &query_terms("Corée"), 80);
        assert!(snippet.text.starts_with("… "), "{}", snippet.text);
        assert!(snippet.text.ends_with(" …"), "{}", snippet.text);
        assert!(snippet.text.chars().count() <= 80 + 4);
        assert_eq!(highlighted(&snippet), ["Corée"]);
        assert!(!snippet.text.contains("mo …") && !snippet.text.contains("… ot"));
    }

    #[test]
    fn without_a_match_the_opening_is_shown() {
        let snippet = make_snippet(BODY, &query_terms("Kremlin"), SNIPPET_CHARS);
        assert!(snippet.text.starts_with("Le sommet"));
        assert!(snippet.highlights.is_empty());
    }

    #[test]
    fn multibyte_text_is_cut_on_characters() {
        let body = "é".repeat(1000);
        let snippet = make_snippet(&body, &query_terms("x"), 50);
        assert_eq!(snippet.text.chars().filter(|c| *c == 'é').count(), 50);
    }
}
