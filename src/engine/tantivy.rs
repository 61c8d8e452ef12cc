//! The embedded engine behind the seam: the tantivy index of `index/` searched by `search::ArticleSearcher`.

use std::path::Path;

use crate::error::Result;
use crate::index::open_index;
use crate::results::{ArticleView, IndexStats, SearchResults};
use crate::search::{ArticleSearcher, Synonyms};

use super::{ArticleSearch, SearchRequest};

/// A searcher over the index in `index_dir`, as last committed.
pub(super) fn searcher(index_dir: &Path) -> Result<Box<dyn ArticleSearch>> {
    Ok(Box::new(ArticleSearcher::open(&open_index(index_dir)?)?))
}

/// A searcher over the index in `index_dir` that expands queries with these synonyms.
pub(super) fn query_searcher(
    index_dir: &Path,
    synonyms: Synonyms,
) -> Result<Box<dyn ArticleSearch>> {
    let mut searcher = ArticleSearcher::open(&open_index(index_dir)?)?;
    searcher.set_synonyms(synonyms);
    Ok(Box::new(searcher))
}

/// tantivy's errors name no file: the engine's say which index they were met in.
impl ArticleSearch for ArticleSearcher {
    fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        ArticleSearcher::search(self, request).map_err(|error| error.searching(self.directory()))
    }

    fn article(&self, id: &str) -> Result<Option<ArticleView>> {
        ArticleSearcher::article(self, id).map_err(|error| error.searching(self.directory()))
    }

    fn ids_in_file(&self, path: &str) -> Result<Vec<String>> {
        ArticleSearcher::ids_in_file(self, path).map_err(|error| error.searching(self.directory()))
    }

    fn mark_query(&self, article: &mut ArticleView, query: &str) -> Result<()> {
        ArticleSearcher::mark_query(self, article, query)
            .map_err(|error| error.searching(self.directory()))
    }

    fn similar(&self, id: &str, request: &SearchRequest) -> Result<Option<SearchResults>> {
        ArticleSearcher::similar(self, id, request)
            .map_err(|error| error.searching(self.directory()))
    }

    fn stats(&self) -> Result<IndexStats> {
        ArticleSearcher::stats(self).map_err(|error| error.searching(self.directory()))
    }
}
