//! A collector that keeps every match with its score, date and signature, so that sorting, recency and near-duplicate collapsing can run over all of them.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::schema::{DATE, SIMHASH};

/// One matching article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    pub score: Score,
    /// Publication date as `YYYYMMDD`.
    pub date: Option<i64>,
    /// The body's SimHash signature (near-duplicate groups).
    pub signature: u64,
    pub address: DocAddress,
}

/// Collects every match (about 32 bytes each).
pub struct MatchCollector;

pub struct SegmentMatchCollector {
    segment: SegmentOrdinal,
    dates: Option<Column<i64>>,
    signatures: Column<u64>,
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
        self.matches.push(Match {
            score,
            date: self.dates.as_ref().and_then(|column| column.first(doc)),
            signature: self.signatures.first(doc).unwrap_or_default(),
            address: DocAddress::new(self.segment, doc),
        });
    }

    fn harvest(self) -> Vec<Match> {
        self.matches
    }
}
