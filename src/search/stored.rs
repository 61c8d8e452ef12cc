//! Reading stored articles: by address or by id, as full articles or as hits with a snippet.

use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, TantivyDocument};
use tantivy::{DocAddress, Term};

use crate::error::Result;
use crate::index::document::{id_column, signature_column};
use crate::results::{ArticleSummary, ArticleView, Hit, MatchKind};

use super::snippet::{make_snippet, QueryTerms, SNIPPET_CHARS};
use super::ArticleSearcher;

impl ArticleSearcher {
    /// The stored fields of the article at `address` (its duplicates left empty).
    pub(super) fn read_article(&self, address: DocAddress) -> Result<ArticleView> {
        let document: TantivyDocument = self.searcher.doc(address)?;
        let article = self.fields.article(&document);
        Ok(ArticleView {
            article: ArticleSummary {
                id: article.id,
                title: article.title,
                date: article.date.map(|date| date.date.to_string()),
                date_inferred: article.date.is_some_and(|date| date.year_inferred),
                category: article.category,
                author: article.author,
                source: article.source,
                url: article.url,
                path: article.path.to_string_lossy().into_owned(),
            },
            body: article.body,
            duplicates: Vec::new(),
            body_highlights: None,
        })
    }

    /// The ids of articles, in the order given, from the id fast field: each segment's
    /// dictionary is read once, in order, for all the articles it holds.
    pub(super) fn read_ids(&self, addresses: &[DocAddress]) -> Result<Vec<String>> {
        let mut ids = vec![String::new(); addresses.len()];
        let mut segments: Vec<u32> = addresses.iter().map(|a| a.segment_ord).collect();
        segments.sort_unstable();
        segments.dedup();
        for segment_ord in segments {
            let segment = self.searcher.segment_reader(segment_ord);
            let Some(column) = id_column(segment)? else {
                continue;
            };
            // (term ordinal, place in `addresses`) for this segment's articles, by ordinal.
            let mut wanted: Vec<(u64, usize)> = addresses
                .iter()
                .enumerate()
                .filter(|(_, address)| address.segment_ord == segment_ord)
                .filter_map(|(place, address)| {
                    Some((column.term_ords(address.doc_id).next()?, place))
                })
                .collect();
            wanted.sort_unstable();
            let ordinals: Vec<u64> = wanted.iter().map(|&(ordinal, _)| ordinal).collect();
            let mut places = wanted.iter().map(|&(_, place)| place);
            column
                .dictionary()
                .sorted_ords_to_term_cb(&ordinals, |bytes| {
                    if let Some(place) = places.next() {
                        ids[place] = String::from_utf8_lossy(bytes).into_owned();
                    }
                })
                .map_err(tantivy::TantivyError::from)?;
        }
        Ok(ids)
    }

    /// Where the article with this id is, if the index has it.
    pub(super) fn find(&self, id: &str) -> Result<Option<DocAddress>> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        let found = self
            .searcher
            .search(&query, &tantivy::collector::DocSetCollector)?;
        Ok(found.into_iter().min())
    }

    /// The ids of the articles read from the file at `path`, as the index stores it (the
    /// canonical path), in index order.
    pub(crate) fn ids_in_file(&self, path: &str) -> Result<Vec<String>> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.path, path),
            IndexRecordOption::Basic,
        );
        let found: Vec<DocAddress> = self
            .searcher
            .search(&query, &tantivy::collector::DocSetCollector)?
            .into_iter()
            .collect();
        // By id, as on the cluster: the order of segments is no order a person knows, and
        // it may change from one run to the next.
        let mut ids = self.read_ids(&found)?;
        ids.sort_unstable();
        Ok(ids)
    }

    /// The article with this id, in full, with the ids of its near-duplicates.
    pub(crate) fn article(&self, id: &str) -> Result<Option<ArticleView>> {
        let Some(address) = self.find(id)? else {
            return Ok(None);
        };
        let mut article = self.read_article(address)?;
        let signature = self.signature(address)?;
        let others: Vec<DocAddress> = self
            .group_members(self.groups.key(signature))?
            .into_iter()
            .filter(|&other| other != address)
            .collect();
        article.duplicates = self.read_ids(&others)?;
        Ok(Some(article))
    }
}

impl Hit {
    /// A hit for `article` with its best passage for the query terms (rank and score are set
    /// by the caller).
    pub(super) fn new(article: ArticleView, terms: &QueryTerms) -> Hit {
        Hit {
            rank: 0,
            score: 0.0,
            snippet: make_snippet(&article.body, terms, SNIPPET_CHARS),
            article: article.article,
            duplicates: Vec::new(),
            matched: MatchKind::Full,
            missing: Vec::new(),
        }
    }
}

impl ArticleSearcher {
    /// The near-duplicate signature of the article at `address`.
    pub(super) fn signature(&self, address: DocAddress) -> Result<u64> {
        let column = signature_column(self.searcher.segment_reader(address.segment_ord))?;
        Ok(column.first(address.doc_id).unwrap_or_default())
    }

    /// Every live article of the group with this key.
    pub(super) fn group_members(&self, key: u64) -> Result<Vec<DocAddress>> {
        let mut members = Vec::new();
        for (segment_ord, segment) in self.searcher.segment_readers().iter().enumerate() {
            let column = signature_column(segment)?;
            members.extend(
                segment
                    .doc_ids_alive()
                    .filter(|&doc| {
                        column
                            .first(doc)
                            .is_some_and(|signature| self.groups.key(signature) == key)
                    })
                    .map(|doc| DocAddress::new(segment_ord as u32, doc)),
            );
        }
        Ok(members)
    }
}
