//! Spelling suggestions from the cluster, as the embedded engine makes them (`search/spelling.rs`): for each word typed that few articles hold, the much more common indexed word closest to it, spelt as an article spells it.
//!
//! The candidates come from OpenSearch's term suggester over the searched `text` field
//! (its document counts summed over the shards); the choice among them is newsearch's own:
//! fewest edits (a swap of neighbours counting one), then most articles.

use serde_json::json;

use crate::analysis::analyze;
use crate::error::Result;
use crate::results::Suggestion;
use crate::search::query_parser::Node;
use crate::search::spelling::{edits_within, suggest, MORE_COMMON};

use super::searcher::ClusterSearcher;

/// How many candidates the suggester returns per word: enough that the closest is among
/// them whatever order the cluster ranks them in.
const CANDIDATES: usize = 50;

impl ClusterSearcher {
    /// A suggestion for each plain word of the query with a much more common neighbour
    /// within the typos `--fuzzy` allows.
    pub(super) fn suggestions(&self, nodes: &[Node]) -> Result<Vec<Suggestion>> {
        suggest(
            nodes,
            |term, distance| self.closest_term(term, distance),
            |term| self.spelling_of(term),
        )
    }

    /// The indexed term at most `distance` edits from `term` in the most articles (the
    /// closest first), if it is in at least [`MORE_COMMON`] times more articles than `term`.
    fn closest_term(&self, term: &str, distance: u8) -> Result<Option<(String, u64)>> {
        let answer = self.search_index(&json!({
            "size": 0,
            "track_total_hits": true,
            "query": {"term": {"text": term}},
            "suggest": {"closest": {
                "text": term,
                "term": {
                    "field": "text",
                    // The term is already analysed as the index analyses it.
                    "analyzer": "keyword",
                    "max_edits": distance,
                    "prefix_length": 0,
                    "min_word_length": 1,
                    "suggest_mode": "always",
                    "max_term_freq": 1.0,
                    "size": CANDIDATES,
                    "max_inspections": CANDIDATES,
                    "string_distance": "damerau_levenshtein"
                }
            }}
        }))?;
        let own = answer["hits"]["total"]["value"].as_u64().unwrap_or(0);
        let typed: Vec<char> = term.chars().collect();
        let options = answer["suggest"]["closest"][0]["options"]
            .as_array()
            .map_or(&[][..], Vec::as_slice);
        let best = options
            .iter()
            .filter_map(|option| {
                let candidate = option["text"].as_str()?;
                let articles = option["freq"].as_u64()?;
                let chars: Vec<char> = candidate.chars().collect();
                let edits = edits_within(&typed, &chars, usize::from(distance))?;
                let common = articles >= own.saturating_mul(MORE_COMMON).max(1);
                (edits > 0 && common).then(|| (edits, articles, candidate.to_string()))
            })
            .min_by(|one, other| {
                (one.0, std::cmp::Reverse(one.1), &one.2).cmp(&(
                    other.0,
                    std::cmp::Reverse(other.1),
                    &other.2,
                ))
            });
        Ok(best.map(|(_, articles, candidate)| (candidate, articles)))
    }

    /// The word as the first article holding `term` (by id) writes it.
    fn spelling_of(&self, term: &str) -> Result<Option<String>> {
        let answer = self.search_index(&json!({
            "size": 1,
            "query": {"term": {"text": term}},
            "sort": [{"id": "asc"}],
            "_source": ["title", "body"]
        }))?;
        let source = &answer["hits"]["hits"][0]["_source"];
        for field in ["title", "body"] {
            let Some(text) = source[field].as_str() else {
                continue;
            };
            if let Some(token) = analyze(text).into_iter().find(|token| token.term == term) {
                return Ok(text.get(token.offsets).map(str::to_string));
            }
        }
        Ok(None)
    }
}
