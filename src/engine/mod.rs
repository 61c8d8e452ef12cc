//! The seam between newsearch and the engine that holds its articles: a validated search request in, plain results out; articles in through the engine's indexing run.
//!
//! The query path: query text → parsed query ([`crate::search::query_parser`], engine-free)
//! → [`SearchRequest`] (query, filters, sort, facets, paging, collapse) → an engine
//! ([`ArticleSearch`]) → plain results ([`crate::results`]) → the printers. The commands
//! only see this module; the embedded tantivy index (`engine/tantivy.rs`) is the one engine so far.

mod tantivy;

use std::path::PathBuf;

use crate::error::Result;
use crate::index::{IndexingOptions, IndexingProgress, IndexingReport};
use crate::results::{ArticleView, IndexStats, SearchResults};

pub use crate::search::SearchRequest;

/// Where the articles are.
#[derive(Debug, Clone)]
pub enum Engine {
    /// The embedded index in this directory (the default).
    Tantivy { index_dir: PathBuf },
}

/// What an engine answers: every query-side command goes through it.
pub trait ArticleSearch {
    /// One query: the ranked page of hits with snippets, the totals, and the facets over
    /// all matches.
    fn search(&self, request: &SearchRequest) -> Result<SearchResults>;
    /// The article with this id, in full, with its near-duplicates' ids.
    fn article(&self, id: &str) -> Result<Option<ArticleView>>;
    /// The articles most like the one with this id (not it, nor its near-duplicates),
    /// paged as `request` says (its text is not used); `None` when no article has the id.
    fn similar(&self, id: &str, request: &SearchRequest) -> Result<Option<SearchResults>>;
    /// Counts over every article the engine holds.
    fn stats(&self) -> Result<IndexStats>;
}

impl Engine {
    /// A searcher over the articles as last committed.
    pub fn searcher(&self) -> Result<Box<dyn ArticleSearch>> {
        match self {
            Engine::Tantivy { index_dir } => tantivy::searcher(index_dir),
        }
    }

    /// Indexes the new and changed files under the inputs and removes the articles of
    /// files that are gone (see [`IndexingOptions`]).
    pub fn index(
        &self,
        options: &IndexingOptions,
        progress: &dyn IndexingProgress,
    ) -> Result<IndexingReport> {
        match self {
            Engine::Tantivy { .. } => crate::index::index_files(options, progress),
        }
    }

    /// Deletes what newsearch made (`index --rebuild`): the index directory; nothing newsearch did not create.
    pub fn delete(&self) -> Result<()> {
        match self {
            Engine::Tantivy { index_dir } => crate::index::delete_index(index_dir),
        }
    }
}
