//! More like this: the articles that share the most distinctive words of one article, its own near-duplicates left out.
//!
//! tantivy's `MoreLikeThisQuery` keeps its best terms in hash order, so two runs could pick
//! different terms among equals; this one breaks ties by the term itself, and its terms are
//! the ones the snippets highlight.

use std::collections::HashMap;
use std::time::Instant;

use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use crate::analysis::terms;
use crate::error::Result;
use crate::results::SearchResults;

use super::query_builder::BuiltQuery;
use super::snippet::QueryTerms;
use super::{ArticleSearcher, SearchRequest};

/// How many of the article's words make the query: the most distinctive (tf-idf).
const MAX_QUERY_TERMS: usize = 25;

impl ArticleSearcher {
    /// The articles most like the one with this id (not it, nor its near-duplicates), ranked
    /// and paged as `request` says (its text is not used); `None` when no article has the id.
    pub(crate) fn similar(
        &self,
        id: &str,
        request: &SearchRequest,
    ) -> Result<Option<SearchResults>> {
        let started = Instant::now();
        let Some(address) = self.find(id)? else {
            return Ok(None);
        };
        let article = self.read_article(address)?;
        let own_group = self.groups.key(self.signature(address)?);
        // A word found only in the article and its copies says nothing about other articles.
        let group_size = self.group_members(own_group)?.len() as u64;
        let text = format!("{}\n{}", article.article.title, article.body);
        let weighted = self.distinctive_terms(&text, group_size)?;
        let best = weighted.first().map_or(1.0, |(_, weight)| *weight);
        let query = BooleanQuery::new(
            weighted
                .iter()
                .map(|(term, weight)| {
                    let term = Term::from_field_text(self.fields.text, term);
                    let query = TermQuery::new(term, IndexRecordOption::WithFreqs);
                    (
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(query), weight / best)) as Box<dyn Query>,
                    )
                })
                .collect(),
        );
        let built = BuiltQuery {
            query: Box::new(query),
            words: Vec::new(),
            highlight_terms: QueryTerms {
                exact: weighted.into_iter().map(|(term, _)| term).collect(),
                prefixes: Default::default(),
            },
            plain_terms: None,
        };
        let mut results = self.run(&built, request, Some(own_group), started)?;
        results.query = id.to_string();
        Ok(Some(results))
    }

    /// The terms of `text` with the highest tf-idf, best first, ties by the term; terms in no
    /// more than `min_articles` articles are left out.
    fn distinctive_terms(&self, text: &str, min_articles: u64) -> Result<Vec<(String, f32)>> {
        let mut frequencies: HashMap<String, u32> = HashMap::new();
        for term in terms(text) {
            *frequencies.entry(term).or_default() += 1;
        }
        let articles = self.searcher.num_docs().max(1) as f32;
        let mut weighted = Vec::new();
        for (term, frequency) in frequencies {
            let in_articles = self
                .searcher
                .doc_freq(&Term::from_field_text(self.fields.text, &term))?;
            if in_articles <= min_articles {
                continue;
            }
            let idf =
                (1.0 + (articles - in_articles as f32 + 0.5) / (in_articles as f32 + 0.5)).ln();
            weighted.push((term, frequency as f32 * idf));
        }
        weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        weighted.truncate(MAX_QUERY_TERMS);
        Ok(weighted)
    }
}
