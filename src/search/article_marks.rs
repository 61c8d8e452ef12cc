//! An article with a query's words marked in its text: what `show --query` and the web page's article view highlight.

use crate::error::Result;
use crate::results::ArticleView;

use super::query_builder::{build_query, Filters, MatchMode};
use super::snippet::highlights;
use super::{parse, ArticleSearcher};

impl ArticleSearcher {
    /// Sets the article's `body_highlights`: every word of its body that `query` looks for,
    /// found as the query's snippets find them. An error when the query cannot be read.
    pub(crate) fn mark_query(&self, article: &mut ArticleView, query: &str) -> Result<()> {
        let nodes = parse(query)?;
        let built = build_query(
            &self.fields,
            &nodes,
            MatchMode::Any,
            false,
            &Filters::default(),
            &self.synonyms,
            &self.searcher,
        );
        article.body_highlights = Some(highlights(&article.body, &built.highlight_terms));
        Ok(())
    }
}
