//! Searching: a validated request in, plain results out, in one pass over the index (hits, count and facets). Never prints.

mod article_marks;
mod body_term_query;
mod collapse;
mod exclusion;
mod facet_collector;
mod facet_summary;
mod match_collector;
mod plain_terms;
pub(crate) mod prefix;
pub(crate) mod query_builder;
pub mod query_parser;
pub(crate) mod question_words;
mod ranking;
mod search_threads;
mod similar;
pub(crate) mod snippet;
pub(crate) mod spelling;
mod stats;
mod stored;
mod synonyms;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use tantivy::query::{EnableScoring, Query, Weight};
use tantivy::{DocAddress, DocSet, IndexReader, ReloadPolicy, Searcher};

use crate::error::{Error, Result};
use crate::index::document::date_column;
use crate::index::{load_groups, ArticleFields, ArticleIndex, DuplicateGroups};
use crate::results::{Hit, MatchKind, SearchResults};

pub use facet_collector::KeywordFacet;
pub use facet_summary::{DateFacet, FacetRequest};
pub use query_builder::{Filters, MatchMode};
pub(crate) use ranking::parse_half_life;
pub use ranking::{Recency, SortOrder};
pub(crate) use synonyms::Synonyms;

use collapse::{page, page_again, Collapsed, Page};
use match_collector::{Dropped, Found, Match, MatchCollector};
use plain_terms::PlainTermsWeight;
use query_builder::{build_query, BuiltQuery, PlainWord};
use query_parser::parse_query;
use ranking::{apply_recency, compare, DateSpan};
use search_threads::SearchThreads;

/// The syntax tree of a query's text, or the error that names the column.
pub(crate) fn parse(text: &str) -> Result<Vec<query_parser::Node>> {
    parse_query(text).map_err(|error| Error::InvalidQuery {
        query: text.to_string(),
        column: error.column,
        message: error.message,
    })
}

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

/// How many blocks of stored articles (16 KiB each once decompressed) a searcher keeps
/// decompressed, over all the segments (32 MiB, filled only by the blocks read), and never
/// fewer than tantivy's 100 per segment. Reading a hit's article decompresses its whole block, so a query run again, or its next
/// page, reads its hits from memory as long as their blocks stay. tantivy keeps 100 per
/// segment: twenty queries on eight times orangesum show hits from 189 blocks, and run
/// again they found 5% of them still kept.
const STORED_BLOCKS_KEPT: usize = 2048;

/// Searches one index snapshot; open it once to run many queries.
pub struct ArticleSearcher {
    searcher: Searcher,
    /// Runs a query's segments, and the reading of its hits, on the machine's cores.
    threads: SearchThreads,
    fields: ArticleFields,
    groups: Arc<DuplicateGroups>,
    directory: PathBuf,
    /// Names that stand for one another in queries (the built-in list unless set).
    synonyms: Synonyms,
}

impl ArticleSearcher {
    /// A searcher over the index as last committed, with its near-duplicate groups.
    pub fn open(article_index: &ArticleIndex) -> Result<ArticleSearcher> {
        let segments = article_index.index.searchable_segment_metas()?.len();
        let blocks_per_segment = (STORED_BLOCKS_KEPT / segments.max(1)).max(100);
        let reader: IndexReader = article_index
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .doc_store_cache_num_blocks(blocks_per_segment)
            .try_into()?;
        let searcher = reader.searcher();
        let groups = load_groups(&article_index.directory, &searcher)?;
        Ok(ArticleSearcher {
            searcher,
            threads: SearchThreads::new()?,
            fields: article_index.fields.clone(),
            groups: Arc::new(groups),
            directory: article_index.directory.clone(),
            synonyms: Synonyms::built_in(),
        })
    }

    /// The folder of the index searched.
    pub(crate) fn directory(&self) -> &Path {
        &self.directory
    }

    /// Uses these synonyms in queries instead of the built-in list.
    pub(crate) fn set_synonyms(&mut self, synonyms: Synonyms) {
        self.synonyms = synonyms;
    }

    /// Runs one query: the ranked page of hits with snippets, the total, and facets over all matches.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = Instant::now();
        let nodes = parse(&request.text)?;
        let built = build_query(
            &self.fields,
            &nodes,
            request.mode,
            request.fuzzy,
            &request.filters,
            &self.synonyms,
            &self.searcher,
        );
        let mut results = self.run(&built, request, None, started)?;
        if results.total_hits < spelling::FEW_MATCHES {
            results.suggestions = self.suggestions(&nodes)?;
            // The time reported is the whole query's, suggestions included.
            results.elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        }
        Ok(results)
    }

    /// Runs a built query: every article found ranked, near-duplicates folded (but the
    /// group `excluded_group`, left out), the page read with snippets; totals and facets
    /// over the matches.
    fn run(
        &self,
        built: &BuiltQuery,
        request: &SearchRequest,
        excluded_group: Option<u64>,
        started: Instant,
    ) -> Result<SearchResults> {
        let (found, page) = self.collect_page(built, request, excluded_group)?;
        let Found {
            matches,
            facets: facet_counts,
            partial,
            ..
        } = found;
        let hits = self.read_hits(&page, request, built)?;
        let counted = matches.iter().filter(|found| found.counted).count();
        Ok(SearchResults {
            query: request.text.clone(),
            query_terms: built.highlight_terms.listed(),
            total_hits: counted as u64,
            partial_hits: partial,
            total_distinct: page.total as u64,
            elapsed_ms: started.elapsed().as_secs_f64() * 1000.0,
            offset: request.offset,
            limit: request.limit,
            hits,
            facets: request.facets.summarize(facet_counts),
            suggestions: Vec::new(),
        })
    }

    /// Every match of the query, collected in one pass with the facets, and the page
    /// among them; collected again keeping every partial match when one left out may
    /// belong on the page (first scoring every partial match, when some were passed over
    /// and it cannot be told without their scores).
    fn collect_page(
        &self,
        built: &BuiltQuery,
        request: &SearchRequest,
        excluded_group: Option<u64>,
    ) -> Result<(Found, Page)> {
        let every_word = self.every_word(built)?;
        let collect = |partial_limit, plain_terms: Option<Arc<PlainTermsWeight>>| {
            self.threads.collect(
                &self.searcher,
                built.query.as_ref(),
                &MatchCollector {
                    groups: Arc::clone(&self.groups),
                    every_word: every_word.clone().filter(|_| plain_terms.is_none()),
                    count_partial: request.mode == MatchMode::Any,
                    partial_limit,
                    facets: request.facets.collector(),
                    plain_terms,
                },
            )
        };
        let limit = partial_limit(request);
        let plain_terms = self.plain_terms(built, request, limit)?;
        let mut found = collect(limit, plain_terms.clone())?;
        let mut page = self.page(&mut found.matches, request, excluded_group);
        if let Some(plain_terms) = &plain_terms {
            page = self.with_proximity(plain_terms, &mut found.matches, page, request)?;
        }
        if found.best_dropped.is_none() {
            return Ok((found, page));
        }
        let complete = match page_is_complete(&page, found.best_dropped, request) {
            Some(complete) => complete,
            None => {
                found = collect(limit, None)?;
                page = self.page(&mut found.matches, request, excluded_group);
                page_is_complete(&page, found.best_dropped, request) == Some(true)
            }
        };
        if !complete {
            found = collect(None, None)?;
            page = self.page(&mut found.matches, request, excluded_group);
        }
        Ok((found, page))
    }

    /// The weights that collect a query of plain words of one term each without scoring
    /// every partial match, when the query is one and only some partial matches are kept.
    fn plain_terms(
        &self,
        built: &BuiltQuery,
        request: &SearchRequest,
        partial_limit: Option<usize>,
    ) -> Result<Option<Arc<PlainTermsWeight>>> {
        match &built.plain_terms {
            Some(plain) if request.mode == MatchMode::Every && partial_limit.is_some() => {
                // In a date order, equal dates are ordered by score: every score is needed.
                let bonus_later = request.sort == SortOrder::Relevance;
                let weight =
                    PlainTermsWeight::new(plain, &self.fields, &self.searcher, bonus_later)?;
                Ok(Some(Arc::new(weight)))
            }
            _ => Ok(None),
        }
    }

    /// The page of `matches` once the proximity bonus is added to the full matches
    /// collected without it that may reach the page, `page` being the page made without it
    /// (by relevance). Adding a bonus only raises scores, so the page's last result does
    /// not score less than in `page`: a match that cannot reach that score with the bonus
    /// stays below the page, and needs none. The other matches of the page's groups get
    /// theirs too, as they are listed in order.
    fn with_proximity(
        &self,
        plain_terms: &PlainTermsWeight,
        matches: &mut [Match],
        page: Page,
        request: &SearchRequest,
    ) -> Result<Page> {
        if !matches.iter().any(|found| found.bonus_pending) {
            return Ok(page);
        }
        let floor = match page.results.last() {
            Some(last) if page.results.len() == request.limit => last.best.score,
            _ => f32::NEG_INFINITY,
        };
        plain_terms.add_proximity(&self.searcher, matches.iter_mut(), floor)?;
        let mut page = page_again(
            &page,
            matches,
            request.sort,
            request.collapse,
            request.offset,
            request.limit,
        );
        // All at once: each call reads the words' positions anew in every segment.
        let others = page
            .results
            .iter_mut()
            .flat_map(|result| &mut result.others);
        plain_terms.add_proximity(&self.searcher, others, f32::NEG_INFINITY)?;
        for result in &mut page.results {
            result
                .others
                .sort_unstable_by(|a, b| compare(a, b, request.sort));
        }
        Ok(page)
    }

    /// The weight of the articles with every plain word (a full match), when the query
    /// has plain words an article may have only some of.
    fn every_word(&self, built: &BuiltQuery) -> Result<Option<Arc<dyn Weight>>> {
        let Some(all) = built.every_word_query() else {
            return Ok(None);
        };
        let weight = all.weight(EnableScoring::disabled_from_searcher(&self.searcher))?;
        Ok(Some(Arc::from(weight)))
    }

    /// The page's hits with their articles and snippets. Each hit reads its article and
    /// makes its snippet on its own: the hits of a page are shared among the search threads.
    fn read_hits(
        &self,
        page: &Page,
        request: &SearchRequest,
        built: &BuiltQuery,
    ) -> Result<Vec<Hit>> {
        let words = PageWords::new(&built.words, &self.searcher, &page.results)?;
        self.threads
            .executor
            .map(
                |(index, result)| {
                    Ok(self.read_hit(result, request.offset + index + 1, built, &words))
                },
                page.results.iter().enumerate(),
            )?
            .into_iter()
            .collect()
    }
}

impl ArticleSearcher {
    /// The page of results the request asks for among `matches` (the group `excluded_group`
    /// left out), recency applied.
    fn page(
        &self,
        matches: &mut Vec<Match>,
        request: &SearchRequest,
        excluded_group: Option<u64>,
    ) -> Page {
        if let Some(excluded) = excluded_group {
            matches.retain(|found| found.collapse_key != excluded);
        }
        if let Some(recency) = request.recency {
            if let Some(span) = self.date_span() {
                apply_recency(matches, recency, span);
            }
        }
        page(
            matches,
            request.sort,
            request.collapse,
            request.offset,
            request.limit,
        )
    }

    /// The hit at `rank` for a collapsed result: its article with a snippet, its
    /// near-duplicates' ids.
    fn read_hit(
        &self,
        result: &Collapsed,
        rank: usize,
        built: &BuiltQuery,
        words: &PageWords,
    ) -> Result<Hit> {
        let article = self.read_article(result.best.address)?;
        let mut hit = Hit::new(article, &built.highlight_terms);
        hit.rank = rank;
        hit.score = result.best.score;
        if !result.best.full {
            hit.matched = MatchKind::Partial;
            hit.missing = words.missing(&self.searcher, result.best.address)?;
        }
        let others: Vec<_> = result.others.iter().map(|other| other.address).collect();
        hit.duplicates = self.read_ids(&others)?;
        Ok(hit)
    }

    /// The oldest and newest publication dates in the index, if any article has one.
    fn date_span(&self) -> Option<DateSpan> {
        let mut span: Option<DateSpan> = None;
        for segment in self.searcher.segment_readers() {
            let Ok(Some(dates)) = date_column(segment) else {
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

/// How many partial matches a page may need, the best-scored: by relevance, a few times
/// the page (near-duplicates fold several into one result); in a date order, where they
/// follow every counted match, none unless the page goes past those (then all, see
/// [`page_is_complete`]); all of them when recency changes the scores afterwards.
fn partial_limit(request: &SearchRequest) -> Option<usize> {
    match (request.sort, request.recency) {
        (_, Some(_)) => None,
        (SortOrder::Relevance, None) => Some(
            request
                .offset
                .saturating_add(request.limit)
                .saturating_mul(PARTIAL_MATCHES_PER_RESULT)
                .saturating_add(PARTIAL_MATCHES_KEPT),
        ),
        (SortOrder::NewestFirst | SortOrder::OldestFirst, None) => Some(0),
    }
}

/// Partial matches kept per result of the page, and beyond them: enough for results that
/// fold eight copies of a story into one.
const PARTIAL_MATCHES_PER_RESULT: usize = 8;
const PARTIAL_MATCHES_KEPT: usize = 64;

/// Whether `page`, made without the partial matches that scored `best_dropped` or less,
/// is the page of all of them: it is full, and by relevance its last result scores above
/// them (in a date order they would come after it). `None` when that depends on the
/// scores of partial matches passed over unscored.
fn page_is_complete(
    page: &Page,
    best_dropped: Option<Dropped>,
    request: &SearchRequest,
) -> Option<bool> {
    if page.results.len() < request.limit {
        return Some(false);
    }
    match (request.sort, page.results.last(), best_dropped) {
        (_, _, None) | (_, None, _) => Some(true),
        (SortOrder::Relevance, Some(last), Some(dropped)) => {
            let score = last.best.score;
            if score > dropped.at_most {
                Some(true)
            } else if score <= dropped.at_least {
                Some(false)
            } else {
                None
            }
        }
        (SortOrder::NewestFirst | SortOrder::OldestFirst, Some(last), _) => Some(last.best.counted),
    }
}

/// The plain words of a query, ready to say which of them a partial match on the page
/// lacks; weighed only when the page shows one.
struct PageWords<'a> {
    words: Vec<(&'a str, Box<dyn Weight>)>,
}

impl<'a> PageWords<'a> {
    fn new(
        words: &'a [PlainWord],
        searcher: &Searcher,
        results: &[Collapsed],
    ) -> Result<PageWords<'a>> {
        let mut weighed = Vec::new();
        if results.iter().any(|result| !result.best.full) {
            for word in words {
                let weight = word
                    .query
                    .weight(EnableScoring::disabled_from_searcher(searcher))?;
                weighed.push((word.text.as_str(), weight));
            }
        }
        Ok(PageWords { words: weighed })
    }

    /// The words, as typed, that the article at `address` does not have.
    fn missing(&self, searcher: &Searcher, address: DocAddress) -> Result<Vec<String>> {
        let segment = searcher.segment_reader(address.segment_ord);
        let mut missing = Vec::new();
        for (text, weight) in &self.words {
            let mut scorer = weight.scorer(segment, 1.0)?;
            if scorer.doc() > address.doc_id || scorer.seek(address.doc_id) != address.doc_id {
                missing.push(text.to_string());
            }
        }
        Ok(missing)
    }
}
