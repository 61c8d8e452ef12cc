//! Plain, serialisable search results: what the printers see (no tantivy types).

use serde::{Deserialize, Serialize};

use crate::date::Granularity;

/// The answer to one query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The query as the user typed it.
    pub query: String,
    /// The analysed terms searched for (stemmed, accent-free); empty when the query has no
    /// searchable word (only stop words or punctuation).
    pub query_terms: Vec<String>,
    /// How many articles match, all of them (not only the ones shown): those with every
    /// plain word of the query (with `--any`, any of them).
    pub total_hits: u64,
    /// How many articles have only some of the plain words: they rank among the matches by
    /// relevance (after them in a date order), marked partial, and are not in `total_hits`
    /// nor in the facets.
    #[serde(default)]
    pub partial_hits: u64,
    /// How many results the matches make once near-duplicates are folded into one (equal to
    /// `total_hits` with `--no-collapse`); paging counts these.
    pub total_distinct: u64,
    /// Time spent searching, collecting facets and making snippets, in milliseconds.
    pub elapsed_ms: f64,
    pub offset: usize,
    pub limit: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// For a query with fewer than 3 matches: the indexed words closest to the words typed
    /// that the index hardly holds, with the articles that have them.
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
}

/// A word of the query the index hardly holds, and the closest one it holds in many articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The word as typed.
    pub word: String,
    /// The indexed word, as an article spells it.
    pub suggestion: String,
    /// How many articles have it.
    pub articles: u64,
}

/// One query's results in a batch run: its id, then the same fields as a single query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchResults {
    /// The query's id: the text before a tab in the batch file, else its line number.
    pub qid: String,
    #[serde(flatten)]
    pub results: SearchResults,
}

/// A query of a batch that could not be run: its id, where it is, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchError {
    /// The query's id, as in [`BatchResults`].
    pub qid: String,
    /// Its line in the batch, counting from 1.
    pub line: usize,
    /// What is wrong, in one line.
    pub error: String,
    /// Where in the query text, 1-based in characters, when the query could not be read.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub column: Option<usize>,
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// 1 for the best match, counting from the first result overall (offset included).
    pub rank: usize,
    pub score: f32,
    #[serde(flatten)]
    pub article: ArticleSummary,
    pub snippet: Snippet,
    /// Ids of the matching near-duplicates folded into this hit, in rank order (empty with
    /// `--no-collapse`).
    pub duplicates: Vec<String>,
    /// Whether the article has every plain word of the query (`full`) or only some (`partial`).
    #[serde(rename = "match", default)]
    pub matched: MatchKind,
    /// The plain words of the query, as typed, that a partial match lacks (empty for a full one).
    #[serde(default)]
    pub missing: Vec<String>,
}

/// How a hit matches the query's plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// Every plain word (and every required part).
    #[default]
    Full,
    /// Only some of the plain words: ranked, not counted.
    Partial,
}

/// What identifies and describes an article, without its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: String,
    pub title: String,
    /// Publication date `YYYY-MM-DD`, or null when the article gives none.
    pub date: Option<String>,
    /// True when the year was inferred from the weekday ("ce lundi 21 octobre").
    pub date_inferred: bool,
    pub category: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The file the article was read from.
    pub path: String,
}

/// The best passage of an article for the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The passage, white space collapsed, with "…" where it was cut.
    pub text: String,
    /// Matched words as `[start, end)` offsets in Unicode scalar values (characters) of `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// What the date facet counts by: periods of a calendar unit, or the ranges asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateFacetUnit {
    Year,
    Month,
    Day,
    Range,
}

impl From<Granularity> for DateFacetUnit {
    fn from(granularity: Granularity) -> DateFacetUnit {
        match granularity {
            Granularity::Year => DateFacetUnit::Year,
            Granularity::Month => DateFacetUnit::Month,
            Granularity::Day => DateFacetUnit::Day,
        }
    }
}

/// Counts over all matching articles; a facet that was not asked for (`--facets`) is absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// Matches per category, most first; `value` is null for articles with no category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Vec<FacetCount>>,
    /// The unit of `date`: "year", "month", "day", or "range" for `--facet-date` ranges.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_granularity: Option<DateFacetUnit>,
    /// Matches per period (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), newest first, or per range
    /// (`YYYY-MM-DD..YYYY-MM-DD`, an open end left empty) in the order asked; `value` is
    /// null for articles with no date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Vec<FacetCount>>,
    /// Matches per author, most first (only with `--facets …author`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Vec<FacetCount>>,
    /// Matches per source, most first (only with `--facets …source`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Vec<FacetCount>>,
}

/// One facet value and how many matching articles have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: Option<String>,
    pub count: u64,
}

/// One article in full (`newsearch show`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleView {
    #[serde(flatten)]
    pub article: ArticleSummary,
    /// The article text, paragraphs separated by a blank line.
    pub body: String,
    /// Ids of the other articles of its near-duplicate group.
    pub duplicates: Vec<String>,
    /// Only with `show --query` (and the HTTP API's `q`): the query's words in `body`, as
    /// `[start, end)` offsets in Unicode scalar values (characters), in text order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_highlights: Option<Vec<[usize; 2]>>,
}

/// What an index holds (`newsearch stats`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexStats {
    pub articles: u64,
    /// The earliest and latest publication dates, `YYYY-MM-DD`, or null without dated articles.
    pub oldest_date: Option<String>,
    pub newest_date: Option<String>,
    /// Articles without a date.
    pub undated: u64,
    /// Articles per category, most first; `value` null for those without one.
    pub categories: Vec<FacetCount>,
    /// Articles per month (`YYYY-MM`), newest first; `value` null for undated ones.
    pub months: Vec<FacetCount>,
    /// Near-duplicate groups (two articles or more).
    pub duplicate_groups: u64,
    /// Articles that search results fold into another of their group.
    pub duplicate_copies: u64,
    /// Size of the index directory's files, in bytes.
    pub index_bytes: u64,
}
