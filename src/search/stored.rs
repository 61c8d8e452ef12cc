//! Reading stored articles: by address or by id, as full articles or as hits with a snippet.

use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption, TantivyDocument, Value};
use tantivy::{DocAddress, Term};

use crate::date::Date;
use crate::error::Result;
use crate::index::schema::SIMHASH;
use crate::results::{ArticleSummary, ArticleView, Hit};

use super::snippet::{make_snippet, QueryTerms, SNIPPET_CHARS};
use super::ArticleSearcher;

impl ArticleSearcher {
    /// The stored fields of the article at `address` (its duplicates left empty).
    pub(super) fn read_article(&self, address: DocAddress) -> Result<ArticleView> {
        let fields = &self.fields;
        let document: TantivyDocument = self.searcher.doc(address)?;
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
        Ok(ArticleView {
            article: ArticleSummary {
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
            },
            body: text(fields.body).unwrap_or_default(),
            duplicates: Vec::new(),
        })
    }

    /// The stored id of an article.
    pub(super) fn read_id(&self, address: DocAddress) -> Result<String> {
        let document: TantivyDocument = self.searcher.doc(address)?;
        Ok(document
            .get_first(self.fields.id)
            .and_then(|value| value.as_str())
            .unwrap_or_default()
            .to_string())
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

    /// The article with this id, in full, with the ids of its near-duplicates.
    pub fn article(&self, id: &str) -> Result<Option<ArticleView>> {
        let Some(address) = self.find(id)? else {
            return Ok(None);
        };
        let mut article = self.read_article(address)?;
        let signature = self.signature(address)?;
        article.duplicates = self
            .group_members(self.groups.key(signature))?
            .into_iter()
            .filter(|&other| other != address)
            .map(|other| self.read_id(other))
            .collect::<Result<_>>()?;
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
        }
    }
}

impl ArticleSearcher {
    /// The near-duplicate signature of the article at `address`.
    pub(super) fn signature(&self, address: DocAddress) -> Result<u64> {
        let column = self
            .searcher
            .segment_reader(address.segment_ord)
            .fast_fields()
            .u64(SIMHASH)?;
        Ok(column.first(address.doc_id).unwrap_or_default())
    }

    /// Every live article of the group with this key.
    pub(super) fn group_members(&self, key: u64) -> Result<Vec<DocAddress>> {
        let mut members = Vec::new();
        for (segment_ord, segment) in self.searcher.segment_readers().iter().enumerate() {
            let column = segment.fast_fields().u64(SIMHASH)?;
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
