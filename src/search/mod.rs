//! Searching: a validated request in, plain results out, in one pass over the index (hits, count and facets). Never prints.

mod facet_collector;
mod prefix;
mod query_builder;
pub mod query_parser;
pub mod snippet;

use std::time::Instant;

use tantivy::collector::{Count, TopDocs};
use tantivy::schema::{Field, TantivyDocument, Value};
use tantivy::{DocAddress, IndexReader, ReloadPolicy, Searcher};

use crate::date::Date;
use crate::error::{Error, Result};
use crate::index::{ArticleFields, ArticleIndex};
use crate::results::{FacetCount, Facets, Hit, SearchResults};

pub use facet_collector::DateGranularity;
pub use query_builder::{Filters, MatchMode};

use facet_collector::{FacetCollector, FacetCounts};
use query_builder::build_query;
use query_parser::parse_query;
use snippet::{make_snippet, QueryTerms, SNIPPET_CHARS};

/// A query with its options, validated.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub text: String,
    pub mode: MatchMode,
    /// Also match words with a typo or two (`--fuzzy`).
    pub fuzzy: bool,
    pub limit: usize,
    pub offset: usize,
    pub filters: Filters,
    pub date_granularity: DateGranularity,
}

/// Searches one index snapshot; open it once to run many queries.
pub struct ArticleSearcher {
    searcher: Searcher,
    fields: ArticleFields,
}

impl ArticleSearcher {
    /// A searcher over the index as last committed.
    pub fn open(article_index: &ArticleIndex) -> Result<ArticleSearcher> {
        let reader: IndexReader = article_index
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(ArticleSearcher {
            searcher: reader.searcher(),
            fields: article_index.fields.clone(),
        })
    }

    /// Runs one query: the ranked page of hits with snippets, the total, and facets over all matches.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let searcher = &self.searcher;
        let fields = &self.fields;
        let started = Instant::now();
        let nodes = parse_query(&request.text).map_err(|error| Error::InvalidQuery {
            query: request.text.clone(),
            column: error.column,
            message: error.message,
        })?;
        let built = build_query(
            fields,
            &nodes,
            request.mode,
            request.fuzzy,
            &request.filters,
        );

        let top_docs = TopDocs::with_limit(request.limit.max(1))
            .and_offset(request.offset)
            .order_by_score();
        let facets = FacetCollector {
            granularity: request.date_granularity,
        };
        let (top, total_hits, facet_counts) =
            searcher.search(&built.query, &(top_docs, Count, facets))?;

        let hits = top
            .into_iter()
            .take(request.limit)
            .enumerate()
            .map(|(index, (score, address))| {
                let mut hit = read_hit(searcher, fields, address, &built.highlight_terms)?;
                hit.rank = request.offset + index + 1;
                hit.score = score;
                Ok(hit)
            })
            .collect::<Result<Vec<Hit>>>()?;

        Ok(SearchResults {
            query: request.text.clone(),
            query_terms: built.highlight_terms.listed(),
            total_hits: total_hits as u64,
            elapsed_ms: started.elapsed().as_secs_f64() * 1000.0,
            offset: request.offset,
            limit: request.limit,
            hits,
            facets: sorted_facets(facet_counts, request.date_granularity),
        })
    }
}

/// The stored fields of one hit and its snippet (rank and score are set by the caller).
fn read_hit(
    searcher: &Searcher,
    fields: &ArticleFields,
    address: DocAddress,
    highlight_terms: &QueryTerms,
) -> Result<Hit> {
    let document: TantivyDocument = searcher.doc(address)?;
    let text = |field: Field| {
        document
            .get_first(field)
            .and_then(|value| value.as_str())
            .map(str::to_string)
    };
    let date = document
        .get_first(fields.date)
        .and_then(|value| value.as_i64())
        .and_then(Date::from_yyyymmdd);
    let body = text(fields.body).unwrap_or_default();
    Ok(Hit {
        rank: 0,
        score: 0.0,
        id: text(fields.id).unwrap_or_default(),
        title: text(fields.title).unwrap_or_default(),
        date: date.map(|date| date.to_string()),
        date_inferred: document
            .get_first(fields.date_inferred)
            .and_then(|value| value.as_bool())
            .unwrap_or(false),
        category: text(fields.category),
        author: text(fields.author),
        source: text(fields.source),
        url: text(fields.url),
        path: text(fields.path).unwrap_or_default(),
        snippet: make_snippet(&body, highlight_terms, SNIPPET_CHARS),
    })
}

/// Categories by count (then name), dates newest first; the "none" bucket last in both.
fn sorted_facets(counts: FacetCounts, granularity: DateGranularity) -> Facets {
    let mut category: Vec<FacetCount> = counts
        .categories
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    category.sort_by(|a, b| {
        (a.value.is_none(), std::cmp::Reverse(a.count), &a.value).cmp(&(
            b.value.is_none(),
            std::cmp::Reverse(b.count),
            &b.value,
        ))
    });
    let mut periods: Vec<(Option<i64>, u64)> = counts.dates.into_iter().collect();
    periods.sort_by_key(|(period, _)| (period.is_none(), std::cmp::Reverse(*period)));
    Facets {
        category,
        date_granularity: granularity.name().to_string(),
        date: periods
            .into_iter()
            .map(|(period, count)| FacetCount {
                value: period.map(|period| granularity.format(period)),
                count,
            })
            .collect(),
    }
}
