//! Searching: a validated request in, plain results out, in one pass over the index (hits, count and facets). Never prints.

mod body_term_query;
mod collapse;
mod exclusion;
mod facet_collector;
mod facet_summary;
mod match_collector;
pub(crate) mod prefix;
pub(crate) mod query_builder;
pub mod query_parser;
pub(crate) mod question_words;
mod ranking;
mod similar;
pub mod snippet;
mod stats;
mod stored;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use tantivy::query::{EnableScoring, Query};
use tantivy::{Executor, IndexReader, ReloadPolicy, Searcher};

use crate::error::{Error, Result};
use crate::index::{load_groups, schema, ArticleFields, ArticleIndex, DuplicateGroups};
use crate::results::{Hit, SearchResults};

pub use facet_collector::{DateGranularity, KeywordFacet};
pub use facet_summary::{DateFacet, FacetRequest};
pub use query_builder::{Filters, MatchMode};
pub use ranking::{parse_half_life, Recency, SortOrder};

use collapse::{page, Collapsed};
use match_collector::MatchCollector;
use query_builder::build_query;
use query_parser::parse_query;
use ranking::{apply_recency, DateSpan};
use snippet::QueryTerms;

/// A query with its options, validated.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub text: String,
    pub mode: MatchMode,
    /// Also match words with a typo or two (`--fuzzy`).
    pub fuzzy: bool,
    pub limit: usize,
    pub offset: usize,
    pub sort: SortOrder,
    pub recency: Option<Recency>,
    pub filters: Filters,
    pub facets: FacetRequest,
    /// One result per near-duplicate group (the default), or every article.
    pub collapse: bool,
}

/// Searches one index snapshot; open it once to run many queries.
pub struct ArticleSearcher {
    searcher: Searcher,
    /// Runs a query's segments, and the reading of its hits, on the machine's cores.
    executor: Executor,
    fields: ArticleFields,
    groups: Arc<DuplicateGroups>,
    directory: PathBuf,
}

/// At most this many threads work on one query.
const MAX_SEARCH_THREADS: usize = 4;

impl ArticleSearcher {
    /// A searcher over the index as last committed, with its near-duplicate groups.
    pub fn open(article_index: &ArticleIndex) -> Result<ArticleSearcher> {
        let reader: IndexReader = article_index
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(MAX_SEARCH_THREADS);
        let executor = if threads > 1 {
            Executor::multi_thread(threads, "newsearch-search-")?
        } else {
            Executor::single_thread()
        };
        Ok(ArticleSearcher {
            searcher,
            executor,
            fields: article_index.fields.clone(),
            groups: Arc::new(load_groups(&article_index.directory)),
            directory: article_index.directory.clone(),
        })
    }

    /// Runs one query: the ranked page of hits with snippets, the total, and facets over all matches.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = Instant::now();
        let nodes = parse_query(&request.text).map_err(|error| Error::InvalidQuery {
            query: request.text.clone(),
            column: error.column,
            message: error.message,
        })?;
        let built = build_query(
            &self.fields,
            &nodes,
            request.mode,
            request.fuzzy,
            &request.filters,
        );
        self.run(
            built.query.as_ref(),
            &built.highlight_terms,
            request,
            None,
            started,
        )
    }

    /// Runs a built query: every match ranked, near-duplicates folded (but the group
    /// `excluded_group`, left out), the page read with snippets, facets over all matches.
    fn run(
        &self,
        query: &dyn Query,
        highlight_terms: &QueryTerms,
        request: &SearchRequest,
        excluded_group: Option<u64>,
        started: Instant,
    ) -> Result<SearchResults> {
        let (mut matches, facet_counts) = self.searcher.search_with_executor(
            query,
            &(
                MatchCollector {
                    groups: Arc::clone(&self.groups),
                },
                request.facets.collector(),
            ),
            &self.executor,
            EnableScoring::enabled_from_searcher(&self.searcher),
        )?;
        if let Some(excluded) = excluded_group {
            matches.retain(|found| found.group != excluded);
        }
        if let Some(recency) = request.recency {
            if let Some(span) = self.date_span() {
                apply_recency(&mut matches, recency, span);
            }
        }
        let page = page(
            &mut matches,
            request.sort,
            request.collapse,
            request.offset,
            request.limit,
        );

        // Each hit reads its article and makes its snippet on its own: the hits of a page
        // are shared among the search threads.
        let hits = self
            .executor
            .map(
                |(index, result)| {
                    Ok(self.read_hit(result, request.offset + index + 1, highlight_terms))
                },
                page.results.iter().enumerate(),
            )?
            .into_iter()
            .collect::<Result<Vec<Hit>>>()?;

        Ok(SearchResults {
            query: request.text.clone(),
            query_terms: highlight_terms.listed(),
            total_hits: matches.len() as u64,
            total_distinct: page.total as u64,
            elapsed_ms: started.elapsed().as_secs_f64() * 1000.0,
            offset: request.offset,
            limit: request.limit,
            hits,
            facets: request.facets.summarize(facet_counts),
        })
    }
}

impl ArticleSearcher {
    /// The hit at `rank` for a collapsed result: its article with a snippet, its
    /// near-duplicates' ids.
    fn read_hit(
        &self,
        result: &Collapsed,
        rank: usize,
        highlight_terms: &QueryTerms,
    ) -> Result<Hit> {
        let article = self.read_article(result.best.address)?;
        let mut hit = Hit::new(article, highlight_terms);
        hit.rank = rank;
        hit.score = result.best.score;
        let others: Vec<_> = result.others.iter().map(|other| other.address).collect();
        hit.duplicates = self.read_ids(&others)?;
        Ok(hit)
    }

    /// The oldest and newest publication dates in the index, if any article has one.
    fn date_span(&self) -> Option<DateSpan> {
        let mut span: Option<DateSpan> = None;
        for segment in self.searcher.segment_readers() {
            let Ok(Some(dates)) = segment.fast_fields().column_opt::<i64>(schema::DATE) else {
                continue;
            };
            if dates.values.num_vals() == 0 {
                continue;
            }
            let (oldest, newest) = (dates.min_value(), dates.max_value());
            span = Some(span.map_or(DateSpan { oldest, newest }, |span| DateSpan {
                oldest: span.oldest.min(oldest),
                newest: span.newest.max(newest),
            }));
        }
        span
    }
}
