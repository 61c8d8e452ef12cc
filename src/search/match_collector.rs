//! A collector that keeps every match with its score, date and near-duplicate group, so that sorting, recency and collapsing can run over all of them.

use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::schema::{DATE, SIMHASH};
use crate::index::DuplicateGroups;

/// One matching article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    pub score: Score,
    /// Publication date as `YYYYMMDD`.
    pub date: Option<i64>,
    /// Whether the article has near-duplicates.
    pub grouped: bool,
    /// The key of its near-duplicate group: its own signature when it is alone.
    pub group: u64,
    pub address: DocAddress,
}

impl Match {
    /// The key of the article's group, or `None` when it is alone.
    pub fn group_key(&self) -> Option<u64> {
        self.grouped.then_some(self.group)
    }
}

/// Collects every match (40 bytes each), with its group looked up in the collecting
/// threads rather than afterwards.
pub struct MatchCollector {
    pub groups: Arc<DuplicateGroups>,
}

pub struct SegmentMatchCollector {
    segment: SegmentOrdinal,
    dates: Option<Column<i64>>,
    signatures: Column<u64>,
    groups: Arc<DuplicateGroups>,
    matches: Vec<Match>,
}

impl Collector for MatchCollector {
    type Fruit = Vec<Match>;
    type Child = SegmentMatchCollector;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentMatchCollector> {
        Ok(SegmentMatchCollector {
            segment,
            dates: reader.fast_fields().column_opt::<i64>(DATE)?,
            signatures: reader.fast_fields().u64(SIMHASH)?,
            groups: Arc::clone(&self.groups),
            matches: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, mut segments: Vec<Vec<Match>>) -> tantivy::Result<Vec<Match>> {
        // Extend the largest segment's matches rather than copying every one of them.
        let largest = (0..segments.len()).max_by_key(|&index| segments[index].len());
        let mut all = largest.map_or_else(Vec::new, |index| segments.swap_remove(index));
        for matches in segments {
            all.extend(matches);
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentMatchCollector {
    type Fruit = Vec<Match>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let signature = self.signatures.first(doc).unwrap_or_default();
        let group = self.groups.grouped_key(signature);
        self.matches.push(Match {
            score,
            date: self.dates.as_ref().and_then(|column| column.first(doc)),
            grouped: group.is_some(),
            group: group.unwrap_or(signature),
            address: DocAddress::new(self.segment, doc),
        });
    }

    fn harvest(self) -> Vec<Match> {
        self.matches
    }
}
