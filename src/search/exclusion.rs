//! Excluded clauses (`-word`, `-"phrase"`) wrapped so that tantivy's exclusion only ever seeks forward in them.
//!
//! tantivy 0.27's exclusion asks whether a document is in the excluded set with
//! `seek_danger(doc)`, even when the excluded scorer already stands past `doc`; a phrase
//! scorer asserts against that (a panic in debug builds, found by the `query` fuzz target
//! with `-"économie réforme"`). The wrapper keeps tantivy's default `seek_danger`, which
//! answers from the current document when it already stands at or past the target and
//! otherwise seeks forward, so the wrapped scorer never moves backwards.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader};

/// A query to exclude, answering membership questions in any order.
#[derive(Debug)]
pub(super) struct ExcludedQuery(pub Box<dyn Query>);

impl ExcludedQuery {
    /// `query`, wrapped for use under `Occur::MustNot`.
    pub(super) fn boxed(query: Box<dyn Query>) -> Box<dyn Query> {
        Box::new(ExcludedQuery(query))
    }
}

impl Clone for ExcludedQuery {
    fn clone(&self) -> ExcludedQuery {
        ExcludedQuery(self.0.box_clone())
    }
}

impl Query for ExcludedQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ExcludedWeight(self.0.weight(enable_scoring)?)))
    }
}

struct ExcludedWeight(Box<dyn Weight>);

impl Weight for ExcludedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ForwardOnlyScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

/// A scorer that is only ever sought forward, whatever it is asked.
struct ForwardOnlyScorer(Box<dyn Scorer>);

impl DocSet for ForwardOnlyScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let current = self.0.doc();
        if current >= target {
            current
        } else {
            self.0.seek(target)
        }
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }
}

impl Scorer for ForwardOnlyScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}
