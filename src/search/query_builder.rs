//! From clauses to one tantivy query: BM25 over title and body, the title weighted up, words standing together rewarded, filters applied.

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

/// How much a match in the title weighs against the same match in the body.
pub const TITLE_BOOST: f32 = 2.0;
/// How much the query's words standing together (within [`PROXIMITY_SLOP`]) add.
pub const PROXIMITY_BOOST: f32 = 1.0;
/// How many positions the query's words may move and still count as standing together.
pub const PROXIMITY_SLOP: u32 = 2;

/// Added to the score of articles that contain every word, in [`MatchMode::AllFirst`]:
/// larger than any BM25 score, so that they rank above articles with only some words.
pub const ALL_WORDS_BONUS: f32 = 1000.0;

/// Which articles a query's words select, and how they rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchMode {
    /// Articles with every word.
    All,
    /// Articles with any word, ranked by BM25 alone.
    Any,
    /// Articles with any word, those with every word ranked first.
    AllFirst,
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
    for clause in clauses {
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
    if mode == MatchMode::AllFirst && optional.len() > 1 {
        let every_word = BooleanQuery::new(
            optional
                .iter()
                .map(|query| (Occur::Must, query.box_clone()))
                .collect(),
        );
        top.push((
            Occur::Should,
            Box::new(ConstScoreQuery::new(Box::new(every_word), ALL_WORDS_BONUS)),
        ));
    }
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
        top.extend(proximity_boost(fields, clauses).map(|query| (Occur::Should, query)));
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

/// Matches the analysed tokens in the title (boosted) or the body: one term, or a phrase.
fn title_or_body(fields: &ArticleFields, tokens: &[AnalyzedToken]) -> Option<Box<dyn Query>> {
    let title = in_field(fields.title, tokens, 0)?;
    let body = in_field(fields.body, tokens, 0)?;
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Should, Box::new(BoostQuery::new(title, TITLE_BOOST))),
        (Occur::Should, body),
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

/// Rewards articles where the query's plain words stand close together, in order.
fn proximity_boost(fields: &ArticleFields, clauses: &[Clause]) -> Option<Box<dyn Query>> {
    let words: Vec<&str> = clauses
        .iter()
        .filter(|clause| !clause.is_phrase && !clause.is_excluded)
        .map(|clause| clause.text.as_str())
        .collect();
    let tokens = analyze(&words.join(" "));
    if tokens.len() < 2 {
        return None;
    }
    let in_title = in_field(fields.title, &tokens, PROXIMITY_SLOP)?;
    let in_body = in_field(fields.body, &tokens, PROXIMITY_SLOP)?;
    let either = BooleanQuery::new(vec![
        (
            Occur::Should,
            Box::new(BoostQuery::new(in_title, TITLE_BOOST)) as Box<dyn Query>,
        ),
        (Occur::Should, in_body),
    ]);
    Some(Box::new(BoostQuery::new(Box::new(either), PROXIMITY_BOOST)))
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
