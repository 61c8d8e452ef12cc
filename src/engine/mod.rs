//! The seam between newsearch and the engine that holds its articles: a validated search request in, plain results out; articles in through the engine's writer.
//!
//! The query path: query text → parsed query ([`crate::search::query_parser`], engine-free)
//! → [`SearchRequest`] (query, filters, sort, facets, paging, collapse) → an engine
//! ([`ArticleSearch`]) → plain results ([`crate::results`]) → the printers. The indexing
//! path: files → [`crate::extract`] → articles → an engine's `ArticleWriter`, driven by
//! one run (`engine/indexing.rs`) that knows which files changed.
//!
//! Two engines stand behind it: the embedded tantivy index (the default, `engine/tantivy.rs`) and an
//! OpenSearch cluster ([`opensearch`]). The commands only see this module. (The tantivy
//! indexing run still lives whole in `index::index_files`; it becomes an `ArticleWriter`
//! when `search/` and `index/` move under this folder.)

mod indexing;
pub(crate) mod opensearch;
mod tantivy;

use std::path::PathBuf;

use crate::article::Article;
use crate::error::Result;
use crate::index::{
    FileState, IndexingOptions, IndexingProgress, IndexingReport, Manifest, SkippedFile,
};
use crate::results::{ArticleView, IndexStats, SearchResults};
use crate::search::Synonyms;

pub(crate) use crate::search::SearchRequest;

/// Where the articles are.
#[derive(Debug, Clone)]
pub(crate) enum Engine {
    /// The embedded index in this directory (the default).
    Tantivy { index_dir: PathBuf },
    /// An index on an OpenSearch cluster.
    OpenSearch(opensearch::Cluster),
}

/// What an engine answers: every query-side command goes through it. Shared by the
/// server's concurrent requests, hence `Send + Sync`.
pub(crate) trait ArticleSearch: Send + Sync {
    /// One query: the ranked page of hits with snippets, the totals, and the facets over
    /// all matches.
    fn search(&self, request: &SearchRequest) -> Result<SearchResults>;
    /// The article with this id, in full, with its near-duplicates' ids.
    fn article(&self, id: &str) -> Result<Option<ArticleView>>;
    /// The ids of the articles read from the file with this path key (its canonical path),
    /// in a stable order.
    fn ids_in_file(&self, path: &str) -> Result<Vec<String>>;
    /// Sets the article's `body_highlights`: the words of its body that `query` looks for,
    /// as the query's snippets find them. An error when the query cannot be read.
    fn mark_query(&self, article: &mut ArticleView, query: &str) -> Result<()>;
    /// The articles most like the one with this id (not it, nor its near-duplicates),
    /// paged as `request` says (its text is not used); `None` when no article has the id.
    fn similar(&self, id: &str, request: &SearchRequest) -> Result<Option<SearchResults>>;
    /// Counts over every article the engine holds.
    fn stats(&self) -> Result<IndexStats>;
}

/// What an engine's writer does for an indexing run ([`indexing::run`]), which decides
/// what to read and reports. A run's work is durable at each [`ArticleWriter::commit`]:
/// after a kill, the next run goes on from the last one.
pub(crate) trait ArticleWriter {
    /// The files the engine holds articles from, as of its last commit.
    fn manifest(&mut self) -> Result<Manifest>;
    /// Takes out the articles read from these files (path keys) and forgets the files:
    /// before they are read again, or because they are gone.
    fn remove_files(&mut self, keys: &[String]) -> Result<()>;
    /// Adds (or replaces, by id) one article.
    fn add(&mut self, article: &Article) -> Result<()>;
    /// Keeps these `--field` mappings with the articles from the next commit on, for the
    /// runs that give none (`Manifest::fields`).
    fn keep_fields(&mut self, pairs: &[String]);
    /// Makes every article added so far durable, with these files read in full since the
    /// last commit; returns how many articles the engine then holds.
    fn commit(&mut self, files: &[(String, FileState)]) -> Result<u64>;
    /// After the last commit: computes the near-duplicate groups of all the articles held,
    /// and returns the articles the engine refused to hold (never dropped silently).
    fn finish(&mut self) -> Result<Vec<SkippedFile>>;
}

impl Engine {
    /// A searcher over the articles as last committed.
    pub(crate) fn searcher(&self) -> Result<Box<dyn ArticleSearch>> {
        match self {
            Engine::Tantivy { index_dir } => tantivy::searcher(index_dir),
            Engine::OpenSearch(cluster) => Ok(Box::new(cluster.searcher()?)),
        }
    }

    /// A searcher for queries, using these synonyms (the other searchers use the built-in
    /// list).
    pub(crate) fn query_searcher(&self, synonyms: Synonyms) -> Result<Box<dyn ArticleSearch>> {
        match self {
            Engine::Tantivy { index_dir } => tantivy::query_searcher(index_dir, synonyms),
            Engine::OpenSearch(cluster) => {
                let mut searcher = cluster.searcher()?;
                searcher.set_synonyms(synonyms);
                Ok(Box::new(searcher))
            }
        }
    }

    /// Where the articles are, for people: the index folder, or the cluster's index and
    /// its first node.
    pub(crate) fn describe(&self) -> String {
        match self {
            Engine::Tantivy { index_dir } => index_dir.display().to_string(),
            Engine::OpenSearch(cluster) => format!(
                "the OpenSearch index {} on {}",
                cluster.index,
                cluster.urls.first().map_or("", String::as_str)
            ),
        }
    }

    /// Indexes the new and changed files under the inputs and removes the articles of
    /// files that are gone (see [`IndexingOptions`]). With `rebuild`, the embedded index is
    /// built anew aside and swapped in; the cluster's indexes, which newsearch made, are
    /// deleted first.
    pub(crate) fn index(
        &self,
        options: &IndexingOptions,
        progress: &dyn IndexingProgress,
    ) -> Result<IndexingReport> {
        match self {
            Engine::Tantivy { .. } => crate::index::index_files(options, progress),
            Engine::OpenSearch(cluster) => {
                // A rebuild keeps the `--field` mappings, as the embedded index's does.
                let mut inherited = None;
                if options.rebuild {
                    inherited = Some(cluster.stored_fields()?);
                    cluster.delete()?;
                }
                indexing::run(options, &mut cluster.writer()?, inherited, progress)
            }
        }
    }
}
