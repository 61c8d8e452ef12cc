//! A collector that keeps every match with its score, date and near-duplicate group, tells full matches (every plain word) from partial ones, counts the facets of the matches, and keeps only the best-scored partial matches when a page needs no more, so that sorting, recency and collapsing can run over them.
//!
//! Most of the articles a query of several words finds have only some of them: at eight
//! times orangesum, "taux de chômage en France" finds 143,000 articles and 520 have every
//! word. Partial matches are counted but only the best of them kept (their date and group
//! read), so that the work per article found is one comparison, and the work per match does
//! not grow with them.
//!
//! The columns of the articles kept (signature, date, facet values) are read when a segment
//! is harvested, in blocks rather than one article at a time as they come in: a block's
//! lookups in the near-duplicate groups and in the columns follow one another, so the
//! memory reads of one article overlap those of the next, instead of waiting in turn
//! between two steps of the scorers. At eight times orangesum a query keeps thousands of
//! articles, and these reads were most of the collector's own time.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{Scorer, Weight};
use tantivy::{DocAddress, DocId, DocSet, Score, SegmentOrdinal, SegmentReader};

use crate::index::document::{date_column, signature_column};
use crate::index::DuplicateGroups;

use super::facet_collector::{FacetCollector, FacetCounts, SegmentFacetCollector};
use super::plain_terms::PlainTermsWeight;

/// One article found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Match {
    pub score: Score,
    /// Publication date as `YYYYMMDD`.
    pub date: Option<i64>,
    /// Whether the article has near-duplicates.
    pub has_duplicates: bool,
    /// Whether it has every plain word of the query.
    pub full: bool,
    /// Whether it counts as a match (totals, facets, first in a date order): a full match,
    /// or any article found with `--any`.
    pub counted: bool,
    /// What results are collapsed by: its near-duplicate group's key, or its own
    /// signature when it is alone.
    pub collapse_key: u64,
    pub address: DocAddress,
    /// Whether the proximity bonus is still to be added to `score` if the words stand
    /// together in it: looked for only in the matches that may reach the page
    /// ([`super::plain_terms::PlainTermsWeight::add_proximity`]).
    pub bonus_pending: bool,
}

impl Match {
    /// The key of the article's group, or `None` when it is alone.
    pub(super) fn group_key(&self) -> Option<u64> {
        self.has_duplicates.then_some(self.collapse_key)
    }
}

/// Collects every article found (40 bytes each), with its group looked up in the
/// collecting threads rather than afterwards, and the facets of the counted ones.
pub(super) struct MatchCollector {
    pub groups: Arc<DuplicateGroups>,
    /// The articles with every plain word, asked of each article found; `None` when every
    /// article found has them all.
    pub every_word: Option<Arc<dyn Weight>>,
    /// Whether an article with only some of the plain words counts as a match (`--any`).
    pub count_partial: bool,
    /// How many of the partial matches (not counted) to keep, the best-scored: all of them
    /// when `None`.
    pub partial_limit: Option<usize>,
    pub facets: FacetCollector,
    /// The query's plain words, when it is only words of one term each and only some of
    /// the partial matches are kept: the segments are then collected without scoring
    /// every partial match ([`PlainTermsWeight`]), and `every_word` is not needed.
    pub plain_terms: Option<Arc<PlainTermsWeight>>,
}

/// What the collector found.
pub(super) struct Found {
    /// Every counted match, and the partial matches kept.
    pub matches: Vec<Match>,
    pub facets: FacetCounts,
    /// How many partial matches there are, kept or not.
    pub partial: u64,
    /// The best score of a partial match that was not kept: every match ranking above it
    /// is in `matches`. `None` when every partial match was kept.
    pub best_dropped: Option<Dropped>,
}

/// The best score of the partial matches not kept, as far as it is known: exactly
/// (`at_least == at_most`) when every one was scored, else within bounds, for some were
/// passed over unscored as they could not score above the lowest one kept.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Dropped {
    pub at_least: Score,
    pub at_most: Score,
}

impl Dropped {
    /// Both: the best of the partial matches dropped by either.
    fn max(self, other: Dropped) -> Dropped {
        Dropped {
            at_least: self.at_least.max(other.at_least),
            at_most: self.at_most.max(other.at_most),
        }
    }
}

/// An article kept while collecting, before its columns are read.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    doc: DocId,
    score: Score,
    /// Whether it has every plain word.
    full: bool,
    bonus_pending: bool,
}

/// The partial matches of a segment: the best-scored ones kept (or all), the others counted.
struct PartialMatches {
    limit: Option<usize>,
    /// The kept ones when there is a limit, the lowest score on top.
    best: BinaryHeap<Reverse<ByScore>>,
    /// Every one, without a limit.
    every: Vec<Candidate>,
    count: u64,
    /// The best score of those scored and not kept.
    best_dropped: Option<Score>,
    /// The most that those passed over unscored may score.
    passed_over: Option<Score>,
}

/// A candidate ordered by its score.
struct ByScore(Candidate);

impl PartialEq for ByScore {
    fn eq(&self, other: &ByScore) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for ByScore {}

impl PartialOrd for ByScore {
    fn partial_cmp(&self, other: &ByScore) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ByScore {
    fn cmp(&self, other: &ByScore) -> std::cmp::Ordering {
        self.0.score.total_cmp(&other.0.score)
    }
}

impl PartialMatches {
    fn new(limit: Option<usize>) -> PartialMatches {
        PartialMatches {
            limit,
            best: BinaryHeap::new(),
            every: Vec::new(),
            count: 0,
            best_dropped: None,
            passed_over: None,
        }
    }

    /// The score a partial match must exceed to be kept, once as many are kept as the
    /// limit allows; `None` while any partial match would be kept.
    fn threshold(&self) -> Option<Score> {
        match self.limit {
            Some(limit) if self.best.len() >= limit => Some(
                self.best
                    .peek()
                    .map_or(Score::INFINITY, |Reverse(lowest)| lowest.0.score),
            ),
            _ => None,
        }
    }

    /// Counts `count` partial matches not kept, unscored, that score at most `at_most`.
    fn pass_over(&mut self, count: u64, at_most: Score) {
        self.count += count;
        if count > 0 {
            self.passed_over = Some(self.passed_over.map_or(at_most, |most| most.max(at_most)));
        }
    }

    /// The best score of the partial matches not kept, `None` when all were kept.
    fn dropped(&self) -> Option<Dropped> {
        let at_least = self.best_dropped.unwrap_or(Score::NEG_INFINITY);
        match (self.best_dropped, self.passed_over) {
            (None, None) => None,
            (_, passed_over) => Some(Dropped {
                at_least,
                at_most: passed_over.map_or(at_least, |most| most.max(at_least)),
            }),
        }
    }

    /// Whether a partial match of this score is to be kept (and read).
    fn keeps(&mut self, score: Score) -> bool {
        self.count += 1;
        let keeps = match self.limit {
            None => true,
            Some(limit) if self.best.len() < limit => true,
            Some(_) => self
                .best
                .peek()
                .is_some_and(|Reverse(lowest)| score > lowest.0.score),
        };
        if !keeps {
            self.drop_score(score);
        }
        keeps
    }

    fn keep(&mut self, found: Candidate) {
        let Some(limit) = self.limit else {
            self.every.push(found);
            return;
        };
        self.best.push(Reverse(ByScore(found)));
        if self.best.len() > limit {
            if let Some(Reverse(lowest)) = self.best.pop() {
                self.drop_score(lowest.0.score);
            }
        }
    }

    /// The kept ones, in no order.
    fn into_kept(self) -> impl Iterator<Item = Candidate> {
        self.every
            .into_iter()
            .chain(self.best.into_iter().map(|Reverse(kept)| kept.0))
    }

    fn drop_score(&mut self, score: Score) {
        self.best_dropped = Some(self.best_dropped.map_or(score, |best| best.max(score)));
    }
}

pub(super) struct SegmentMatchCollector {
    segment: SegmentOrdinal,
    dates: Option<Column<i64>>,
    signatures: Column<u64>,
    groups: Arc<DuplicateGroups>,
    /// The segment's articles with every plain word, moved forward as articles come in
    /// (they come in document order).
    every_word: Option<Box<dyn Scorer>>,
    count_partial: bool,
    facets: SegmentFacetCollector,
    /// The counted matches, in document order.
    counted: Vec<Candidate>,
    partial: PartialMatches,
    block: Block,
}

/// The articles of one block and their column values, the buffers reused from block to block.
#[derive(Default)]
struct Block {
    docs: Vec<DocId>,
    signatures: Vec<Option<u64>>,
    dates: Vec<Option<i64>>,
}

/// How many articles are read together: enough for their lookups to overlap, few enough
/// for the buffers to stay in the processor's cache.
const BLOCK_LEN: usize = 512;

impl Collector for MatchCollector {
    type Fruit = Found;
    type Child = SegmentMatchCollector;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentMatchCollector> {
        Ok(SegmentMatchCollector {
            segment,
            dates: date_column(reader)?,
            signatures: signature_column(reader)?,
            groups: Arc::clone(&self.groups),
            every_word: self
                .every_word
                .as_ref()
                .map(|weight| weight.scorer(reader, 1.0))
                .transpose()?,
            count_partial: self.count_partial,
            facets: self.facets.for_segment(segment, reader)?,
            counted: Vec::new(),
            partial: PartialMatches::new(self.partial_limit),
            block: Block::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Found> {
        let mut collector = self.for_segment(segment, reader)?;
        match &self.plain_terms {
            Some(plain_terms) => plain_terms.collect_segment(reader, &mut collector)?,
            None => {
                let alive = reader.alive_bitset();
                weight.for_each(reader, &mut |doc, score| {
                    if alive.is_none_or(|alive| alive.is_alive(doc)) {
                        collector.collect(doc, score);
                    }
                })?
            }
        }
        Ok(collector.harvest())
    }

    fn merge_fruits(&self, segments: Vec<Found>) -> tantivy::Result<Found> {
        let mut partial = 0;
        let mut best_dropped: Option<Dropped> = None;
        let mut facets = Vec::with_capacity(segments.len());
        let mut segments: Vec<Vec<Match>> = segments
            .into_iter()
            .map(|found| {
                partial += found.partial;
                best_dropped = match (best_dropped, found.best_dropped) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    (a, b) => a.or(b),
                };
                facets.push(found.facets);
                found.matches
            })
            .collect();
        // Extend the largest segment's matches rather than copying every one of them.
        let largest = (0..segments.len()).max_by_key(|&index| segments[index].len());
        let mut all = largest.map_or_else(Vec::new, |index| segments.swap_remove(index));
        for matches in segments {
            all.extend(matches);
        }
        Ok(Found {
            matches: all,
            facets: self.facets.merge_fruits(facets)?,
            partial,
            best_dropped,
        })
    }
}

impl SegmentMatchCollector {
    /// Keeps the article `doc` found with `score`, counted if it is a `full` match (or
    /// with `--any`), else among the best-scored partial matches, or only counted. A full
    /// match may be kept with its proximity bonus still to be added (`bonus_pending`).
    pub(super) fn collect_match(
        &mut self,
        doc: DocId,
        score: Score,
        full: bool,
        bonus_pending: bool,
    ) {
        let found = Candidate {
            doc,
            score,
            full,
            bonus_pending,
        };
        if full || self.count_partial {
            self.counted.push(found);
        } else if self.partial.keeps(score) {
            self.partial.keep(found);
        }
    }

    /// The score a partial match must exceed to be kept; `None` while any would be.
    pub(super) fn partial_threshold(&self) -> Option<Score> {
        self.partial.threshold()
    }

    /// Counts `count` partial matches passed over unscored, each known to score at most
    /// `at_most`, no more than [`Self::partial_threshold`].
    pub(super) fn pass_over_partial(&mut self, count: u64, at_most: Score) {
        self.partial.pass_over(count, at_most);
    }

    /// Whether the article has every plain word.
    fn has_every_word(&mut self, doc: DocId) -> bool {
        let Some(every_word) = &mut self.every_word else {
            return true;
        };
        if every_word.doc() < doc {
            every_word.seek(doc);
        }
        every_word.doc() == doc
    }

    /// The matches of `candidates`, their columns read (and, when they are `counted`, their
    /// facets counted) a block at a time, appended to `matches` in the same order.
    fn read(&mut self, candidates: &[Candidate], counted: bool, matches: &mut Vec<Match>) {
        for chunk in candidates.chunks(BLOCK_LEN) {
            let block = &mut self.block;
            block.docs.clear();
            block.docs.extend(chunk.iter().map(|found| found.doc));
            block.signatures.clear();
            block.signatures.resize(chunk.len(), None);
            self.signatures
                .first_vals(&block.docs, &mut block.signatures);
            block.dates.clear();
            block.dates.resize(chunk.len(), None);
            if let Some(dates) = &self.dates {
                dates.first_vals(&block.docs, &mut block.dates);
            }
            if counted {
                self.facets.collect_block(&block.docs, &block.dates);
            }
            let columns = block.signatures.iter().zip(&block.dates);
            for (found, (signature, &date)) in chunk.iter().zip(columns) {
                let signature = signature.unwrap_or_default();
                let group = self.groups.grouped_key(signature);
                matches.push(Match {
                    score: found.score,
                    date,
                    has_duplicates: group.is_some(),
                    full: found.full,
                    counted,
                    collapse_key: group.unwrap_or(signature),
                    address: DocAddress::new(self.segment, found.doc),
                    bonus_pending: found.bonus_pending,
                });
            }
        }
    }
}

impl SegmentCollector for SegmentMatchCollector {
    type Fruit = Found;

    fn collect(&mut self, doc: DocId, score: Score) {
        let full = self.has_every_word(doc);
        self.collect_match(doc, score, full, false);
    }

    fn harvest(mut self) -> Found {
        let (partial, best_dropped) = (self.partial.count, self.partial.dropped());
        let counted = std::mem::take(&mut self.counted);
        let kept: Vec<Candidate> = std::mem::replace(&mut self.partial, PartialMatches::new(None))
            .into_kept()
            .collect();
        let mut matches = Vec::with_capacity(counted.len() + kept.len());
        self.read(&counted, true, &mut matches);
        self.read(&kept, false, &mut matches);
        Found {
            matches,
            facets: self.facets.harvest(),
            partial,
            best_dropped,
        }
    }
}
