//! From clauses to one tantivy query: BM25 over title and body as one text, a title bonus, a bonus for words standing together, filters applied.

use std::collections::BTreeSet;
use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use crate::analysis::{analyze, keyword, AnalyzedToken};
use crate::index::ArticleFields;

use super::query_text::Clause;
use super::question_words::is_question_word;

/// Weight of the title's own BM25, added to the BM25 of the whole text (title and body),
/// so that a title match weighs more than the same match in the body. Chosen on
/// `../shared/eval` (see BENCHMARKS.md): 0.1 helps both sets; from 0.2 up, news-dev's
/// top 10 fills with articles outside its judged pool, and 1 and more hurt PIAF.
pub const TITLE_BOOST: f32 = 0.1;
/// Added once when the query's words stand together (in order, within
/// [`PROXIMITY_SLOP`]): a fixed bonus rather than a phrase score, which over-rewarded
/// articles repeating the phrase and hurt both evaluation sets.
pub const PROXIMITY_BONUS: f32 = 0.5;
/// How many positions the query's words may move and still count as standing together.
pub const PROXIMITY_SLOP: u32 = 2;

/// Which articles a query's words select, and how they rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchMode {
    /// Articles with every word.
    All,
    /// Articles with any word, ranked by relevance (more words, rarer words, closer
    /// together rank higher).
    Any,
}

/// Restrictions that do not change the ranking.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Any of these categories (compared folded).
    pub categories: Vec<String>,
    /// Inclusive bounds on the publication date, as `YYYYMMDD`.
    pub date_from: Option<i64>,
    pub date_to: Option<i64>,
}

impl Filters {
    fn is_empty(&self) -> bool {
        self.categories.is_empty() && self.date_from.is_none() && self.date_to.is_none()
    }
}

/// The query to run and the terms to highlight.
pub struct BuiltQuery {
    pub query: Box<dyn Query>,
    /// Analysed terms of the words and phrases searched for.
    pub highlight_terms: BTreeSet<String>,
}

/// Builds the query for `clauses`. Quoted phrases are always required; words follow `mode`.
pub fn build_query(
    fields: &ArticleFields,
    clauses: &[Clause],
    mode: MatchMode,
    filters: &Filters,
) -> BuiltQuery {
    let mut required: Vec<Box<dyn Query>> = Vec::new();
    let mut optional: Vec<Box<dyn Query>> = Vec::new();
    let mut excluded: Vec<Box<dyn Query>> = Vec::new();
    let mut highlight_terms = BTreeSet::new();
    for clause in clauses
        .iter()
        .filter(|clause| !is_dropped_question_word(clause, clauses))
    {
        let tokens = analyze(&clause.text);
        let Some(query) = title_or_body(fields, &tokens) else {
            continue;
        };
        if clause.is_excluded {
            excluded.push(query);
            continue;
        }
        highlight_terms.extend(tokens.into_iter().map(|token| token.term));
        if clause.is_phrase || mode == MatchMode::All {
            required.push(query);
        } else {
            optional.push(query);
        }
    }
    let has_words = !required.is_empty() || !optional.is_empty();

    let mut top: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if !optional.is_empty() {
        let any_word = BooleanQuery::new(
            optional
                .into_iter()
                .map(|query| (Occur::Should, query))
                .collect(),
        );
        top.push((Occur::Must, Box::new(any_word)));
    }
    top.extend(required.into_iter().map(|query| (Occur::Must, query)));
    if has_words {
        top.extend(proximity_bonus(fields, clauses).map(|query| (Occur::Should, query)));
    } else if !filters.is_empty() || !excluded.is_empty() {
        top.push((Occur::Must, Box::new(AllQuery)));
    } else {
        return BuiltQuery {
            query: Box::new(EmptyQuery),
            highlight_terms,
        };
    }
    top.extend(excluded.into_iter().map(|query| (Occur::MustNot, query)));
    top.extend(
        filter_queries(fields, filters)
            .into_iter()
            .map(|query| (Occur::Must, query)),
    );
    BuiltQuery {
        query: Box::new(BooleanQuery::new(top)),
        highlight_terms,
    }
}

/// Whether a plain word of the query only asks ("combien", "pourquoi") while other words
/// say what about: it is then left out.
fn is_dropped_question_word(clause: &Clause, clauses: &[Clause]) -> bool {
    let is_plain_word = |clause: &Clause| !clause.is_phrase && !clause.is_excluded;
    is_plain_word(clause)
        && is_question_word(&clause.text)
        && clauses
            .iter()
            .any(|other| is_plain_word(other) && !is_question_word(&other.text))
}

/// Matches the analysed tokens in the article's text, with the title bonus: one term, or a phrase.
fn title_or_body(fields: &ArticleFields, tokens: &[AnalyzedToken]) -> Option<Box<dyn Query>> {
    let title = in_field(fields.title, tokens, 0)?;
    let text = in_field(fields.text, tokens, 0)?;
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Should, Box::new(BoostQuery::new(title, TITLE_BOOST))),
        (Occur::Should, text),
    ])))
}

/// One field's query for the tokens: a term query, or a phrase keeping the tokens' gaps.
fn in_field(field: Field, tokens: &[AnalyzedToken], slop: u32) -> Option<Box<dyn Query>> {
    match tokens {
        [] => None,
        [single] => Some(Box::new(TermQuery::new(
            Term::from_field_text(field, &single.term),
            IndexRecordOption::WithFreqs,
        ))),
        [first, ..] => {
            let terms = tokens
                .iter()
                .map(|token| {
                    (
                        token.position - first.position,
                        Term::from_field_text(field, &token.term),
                    )
                })
                .collect();
            Some(Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)))
        }
    }
}

/// A fixed bonus for articles where the query's plain words stand close together, in order.
fn proximity_bonus(fields: &ArticleFields, clauses: &[Clause]) -> Option<Box<dyn Query>> {
    let words: Vec<&str> = clauses
        .iter()
        .filter(|clause| !clause.is_phrase && !clause.is_excluded)
        .filter(|clause| !is_dropped_question_word(clause, clauses))
        .map(|clause| clause.text.as_str())
        .collect();
    let tokens = analyze(&words.join(" "));
    if tokens.len() < 2 {
        return None;
    }
    let together = in_field(fields.text, &tokens, PROXIMITY_SLOP)?;
    Some(Box::new(ConstScoreQuery::new(together, PROXIMITY_BONUS)))
}

/// Category and date restrictions, scored zero so that they do not move the ranking.
fn filter_queries(fields: &ArticleFields, filters: &Filters) -> Vec<Box<dyn Query>> {
    let mut queries: Vec<Box<dyn Query>> = Vec::new();
    if !filters.categories.is_empty() {
        let any_category = filters
            .categories
            .iter()
            .map(|category| {
                let term = Term::from_field_text(fields.category, &keyword(category));
                (
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
                )
            })
            .collect();
        queries.push(Box::new(BooleanQuery::new(any_category)));
    }
    if filters.date_from.is_some() || filters.date_to.is_some() {
        let bound = |value: Option<i64>| {
            value.map_or(Bound::Unbounded, |day| {
                Bound::Included(Term::from_field_i64(fields.date, day))
            })
        };
        queries.push(Box::new(RangeQuery::new(
            bound(filters.date_from),
            bound(filters.date_to),
        )));
    }
    queries
        .into_iter()
        .map(|query| Box::new(ConstScoreQuery::new(query, 0.0)) as Box<dyn Query>)
        .collect()
}
