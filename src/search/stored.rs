//! Reading stored articles: by address or by id, as full articles or as hits with a snippet.

use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, TantivyDocument};
use tantivy::{DocAddress, DocId, DocSet, InvertedIndexReader, Term};

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

    /// The ids of articles, in the order given, from the id fast field: each id is looked
    /// up in the term dictionary of the id field by the fast field's ordinal (see
    /// [`indexed_id`]); those it does not give are read from the fast field's own
    /// dictionary, once per segment, in order, for all the articles it holds.
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
            let terms = segment.inverted_index(self.fields.id)?;
            let mut bytes = Vec::new();
            // (term ordinal, place in `addresses`) for this segment's articles that the
            // term dictionary did not name, by ordinal.
            let mut wanted: Vec<(u64, usize)> = Vec::new();
            for (place, address) in addresses.iter().enumerate() {
                if address.segment_ord != segment_ord {
                    continue;
                }
                let Some(ordinal) = column.term_ords(address.doc_id).next() else {
                    continue;
                };
                match indexed_id(&terms, ordinal, address.doc_id, &mut bytes)? {
                    Some(id) => ids[place] = id,
                    None => wanted.push((ordinal, place)),
                }
            }
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

/// The id of the article `doc` from the term dictionary of the id field, at the ordinal its
/// id has in the id fast field's dictionary, if the article is indexed under that term.
///
/// Both dictionaries list a segment's ids in the same order, so the ordinals agree; when
/// they do not (the check of the postings fails), `None` says to read the fast field's
/// dictionary instead. The term dictionary is read without decompressing anything, where
/// the fast field's dictionary decompresses a block of ids for each id read: a page of
/// ten results with seven near-duplicates each read about forty such blocks.
fn indexed_id(
    terms: &InvertedIndexReader,
    ordinal: u64,
    doc: DocId,
    bytes: &mut Vec<u8>,
) -> Result<Option<String>> {
    let dictionary = terms.terms();
    let named = ordinal < dictionary.num_terms() as u64
        && dictionary
            .ord_to_term(ordinal, bytes)
            .map_err(tantivy::TantivyError::from)?;
    if !named {
        return Ok(None);
    }
    let Some(info) = dictionary
        .get(&*bytes)
        .map_err(tantivy::TantivyError::from)?
    else {
        return Ok(None);
    };
    let mut postings = terms
        .read_postings_from_terminfo(&info, IndexRecordOption::Basic)
        .map_err(tantivy::TantivyError::from)?;
    if postings.doc() > doc || postings.seek(doc) != doc {
        return Ok(None);
    }
    Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
}

#[cfg(test)]
mod tests {
    use tantivy::schema::{Schema, FAST, STRING};
    use tantivy::{doc, Index};

    use super::*;

    #[test]
    fn the_term_dictionary_names_only_the_article_indexed_under_the_term() {
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING | FAST);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for text in ["c", "a", "b"] {
            writer.add_document(doc!(id => text)).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let segment = searcher.segment_reader(0);
        let terms = segment.inverted_index(id).unwrap();
        let column = segment.fast_fields().str("id").unwrap().unwrap();
        let mut bytes = Vec::new();
        for (doc, expected) in [(0, "c"), (1, "a"), (2, "b")] {
            let ordinal = column.term_ords(doc).next().unwrap();
            let found = indexed_id(&terms, ordinal, doc, &mut bytes).unwrap();
            assert_eq!(found.as_deref(), Some(expected));
            // Another article's ordinal names nothing: the column's dictionary is read.
            let other = (ordinal + 1) % 3;
            assert_eq!(indexed_id(&terms, other, doc, &mut bytes).unwrap(), None);
        }
        assert_eq!(indexed_id(&terms, 3, 0, &mut bytes).unwrap(), None);
    }
}
