//! Spelling suggestions: for a query that finds no or very few articles, the indexed word closest to each word typed that the index hardly holds, spelt as an article spells it, with how many articles have it.
//!
//! It runs only when a query finds fewer than [`FEW_MATCHES`] articles, when the time is spent
//! on a query that would otherwise answer nothing useful.

use std::collections::BTreeSet;

use tantivy::collector::DocSetCollector;
use tantivy::query::{FuzzyTermQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use crate::analysis::{analyze, analyze_query};
use crate::error::Result;
use crate::results::Suggestion;

use super::query_builder::typo_distance;
use super::query_parser::{Node, Scope, TextKind};
use super::ArticleSearcher;

/// Below this many matches, a query gets suggestions.
pub(crate) const FEW_MATCHES: u64 = 3;

/// How many times more articles than the word typed a suggestion must be found in: a rare
/// word spelt right is not "corrected" into a common neighbour.
pub(crate) const MORE_COMMON: u64 = 10;

impl ArticleSearcher {
    /// A suggestion for each word of the query (outside quotes and operators) that the
    /// index holds in few articles and that has a much more common neighbour within the
    /// typos `--fuzzy` allows.
    pub(super) fn suggestions(&self, nodes: &[Node]) -> Result<Vec<Suggestion>> {
        suggest(
            nodes,
            |term, distance| {
                let own = self.articles_with(term)?;
                self.closest_term(term, distance, own)
            },
            |term| self.spelling_of(term),
        )
    }

    /// How many articles have this term.
    fn articles_with(&self, term: &str) -> Result<u64> {
        Ok(self
            .searcher
            .doc_freq(&Term::from_field_text(self.fields.text, term))?)
    }

    /// The indexed term at most `distance` edits from `term` found in the most articles (the
    /// closest first), if it is in at least [`MORE_COMMON`] times more than `own`.
    fn closest_term(&self, term: &str, distance: u8, own: u64) -> Result<Option<(String, u64)>> {
        let typed: Vec<char> = term.chars().collect();
        // The term dictionary is walked by a Levenshtein automaton, so only the terms within
        // reach are visited; their exact distance (a swap counting one) is counted after.
        let within_reach = FuzzyTermQuery::new(
            Term::from_field_text(self.fields.text, term),
            distance,
            true,
        )
        .automaton()?;
        let mut candidates: BTreeSet<(usize, String)> = BTreeSet::new();
        for segment in self.searcher.segment_readers() {
            let index = segment.inverted_index(self.fields.text)?;
            let mut stream = index
                .terms()
                .search(&within_reach)
                .into_stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                let Ok(indexed) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                let indexed_chars: Vec<char> = indexed.chars().collect();
                if let Some(edits) = edits_within(&typed, &indexed_chars, usize::from(distance)) {
                    if edits > 0 {
                        candidates.insert((edits, indexed.to_string()));
                    }
                }
            }
        }
        let mut best: Option<(usize, String, u64)> = None;
        for (edits, candidate) in candidates {
            let articles = self.articles_with(&candidate)?;
            if articles == 0 || articles < own.saturating_mul(MORE_COMMON).max(1) {
                continue;
            }
            let better = best.as_ref().is_none_or(|(best_edits, _, best_articles)| {
                (edits, std::cmp::Reverse(articles))
                    < (*best_edits, std::cmp::Reverse(*best_articles))
            });
            if better {
                best = Some((edits, candidate, articles));
            }
        }
        Ok(best.map(|(_, term, articles)| (term, articles)))
    }

    /// The word as the first article holding `term` writes it (`Mélenchon` for `melenchon`).
    fn spelling_of(&self, term: &str) -> Result<Option<String>> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.text, term),
            IndexRecordOption::Basic,
        );
        let Some(address) = self
            .searcher
            .search(&query, &DocSetCollector)?
            .into_iter()
            .min()
        else {
            return Ok(None);
        };
        let article = self.read_article(address)?;
        for text in [&article.article.title, &article.body] {
            if let Some(token) = analyze(text).into_iter().find(|token| token.term == term) {
                return Ok(text.get(token.offsets).map(str::to_string));
            }
        }
        Ok(None)
    }
}

/// A suggestion for each plain word of the query that is one term long enough to have
/// typos: `closest` finds its much more common neighbour (the term and its articles) within
/// `--fuzzy`'s distance, `spell` the word an article writes for that term. Each engine
/// gives its own two.
pub(crate) fn suggest(
    nodes: &[Node],
    mut closest: impl FnMut(&str, u8) -> Result<Option<(String, u64)>>,
    mut spell: impl FnMut(&str) -> Result<Option<String>>,
) -> Result<Vec<Suggestion>> {
    let mut suggestions = Vec::new();
    for word in typed_words(nodes) {
        let tokens = analyze_query(word);
        let [token] = tokens.as_slice() else {
            continue;
        };
        let Some(distance) = typo_distance(&token.term) else {
            continue;
        };
        let Some((term, articles)) = closest(&token.term, distance)? else {
            continue;
        };
        let spelt = spell(&term)?.unwrap_or(term);
        suggestions.push(Suggestion {
            word: word.to_string(),
            suggestion: spelt,
            articles,
        });
    }
    Ok(suggestions)
}

/// The plain words of a query as typed (top level, in the text, title or body, not quoted).
fn typed_words(nodes: &[Node]) -> Vec<&str> {
    nodes
        .iter()
        .filter_map(|node| match node {
            Node::Leaf {
                scope: Scope::Text | Scope::Title | Scope::Body,
                kind: TextKind::Word | TextKind::Typo(_),
                text,
            } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// The edit distance between two words (a swap of neighbours counting one), if it is at
/// most `limit`.
pub(crate) fn edits_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    // Optimal string alignment, one row per character of `a`, stopped early when a whole
    // row exceeds the limit.
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(before[j - 2] + 1);
            }
            current[j] = value;
            row_min = row_min.min(value);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|&edits| edits <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edits(a: &str, b: &str, limit: usize) -> Option<usize> {
        let chars = |word: &str| word.chars().collect::<Vec<_>>();
        edits_within(&chars(a), &chars(b), limit)
    }

    #[test]
    fn edits_count_swaps_as_one_and_stop_at_the_limit() {
        assert_eq!(edits("melanchon", "melenchon", 2), Some(1));
        assert_eq!(edits("pyongyagn", "pyongyang", 2), Some(1));
        assert_eq!(edits("kiev", "kyiv", 2), Some(2));
        assert_eq!(edits("kiev", "kyiv", 1), None);
        assert_eq!(edits("macron", "macron", 1), Some(0));
        assert_eq!(edits("a", "abcd", 2), None);
        assert_eq!(edits("", "ab", 2), Some(2));
    }
}
