//! Facet counts over every matching article, in the same pass as the hits: categories, authors, sources and days from fast fields.

use rustc_hash::FxHashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::date::{dense_day_number, from_dense_day_number};
use crate::index::document::{date_column, keyword_column, KeywordField};

/// A property whose values are counted: stored as a raw keyword fast field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeywordFacet {
    Category,
    Author,
    Source,
}

impl KeywordFacet {
    fn field(self) -> KeywordField {
        match self {
            KeywordFacet::Category => KeywordField::Category,
            KeywordFacet::Author => KeywordField::Author,
            KeywordFacet::Source => KeywordField::Source,
        }
    }
}

/// Counts matches per value of some keyword facets, and per publication day.
pub(crate) struct FacetCollector {
    pub keywords: Vec<KeywordFacet>,
    pub count_days: bool,
}

/// Raw counts: `None` keys count the articles without a value.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct FacetCounts {
    /// One map per keyword facet asked for, in the same order.
    pub keywords: Vec<FxHashMap<Option<String>, u64>>,
    /// Keyed by day as `YYYYMMDD` (empty unless days were asked for).
    pub days: FxHashMap<Option<i64>, u64>,
}

/// Counts per term ordinal of one keyword column of a segment.
struct KeywordCounter {
    column: Option<StrColumn>,
    counts: Vec<u64>,
    missing: u64,
}

impl KeywordCounter {
    /// Counts the values of a block of articles: their ordinals read in one call, which
    /// costs less per article than one lookup each.
    fn collect_block(&mut self, docs: &[DocId], ordinals: &mut Vec<Option<u64>>) {
        ordinals.clear();
        ordinals.resize(docs.len(), None);
        if let Some(column) = &self.column {
            column.ords().first_vals(docs, ordinals);
        }
        for ordinal in ordinals.iter() {
            match ordinal {
                Some(ordinal) => self.counts[*ordinal as usize] += 1,
                None => self.missing += 1,
            }
        }
    }

    fn collect(&mut self, doc: DocId) {
        match self
            .column
            .as_ref()
            .and_then(|column| column.term_ords(doc).next())
        {
            Some(ordinal) => self.counts[ordinal as usize] += 1,
            None => self.missing += 1,
        }
    }

    /// The counts by value, resolved from the ordinals.
    fn harvest(self) -> FxHashMap<Option<String>, u64> {
        let mut counts = FxHashMap::default();
        if let Some(column) = &self.column {
            let mut name = String::new();
            for (ordinal, &count) in self.counts.iter().enumerate().filter(|(_, &n)| n > 0) {
                name.clear();
                if column
                    .ord_to_str(ordinal as u64, &mut name)
                    .unwrap_or(false)
                {
                    counts.insert(Some(name.clone()), count);
                }
            }
        }
        if self.missing > 0 {
            counts.insert(None, self.missing);
        }
        counts
    }
}

/// Counts per day of one segment: in an array indexed from the segment's first day when its
/// dates span a few centuries at most (no hashing per match), in a map otherwise.
struct DayCounter {
    dates: Option<Column<i64>>,
    first_day: i64,
    counts: Vec<u32>,
    undated: u64,
    /// Days outside the array.
    others: FxHashMap<Option<i64>, u64>,
}

/// The widest span of days counted in an array (about 500 years).
const MAX_DENSE_DAYS: i64 = 200_000;

impl DayCounter {
    fn for_column(dates: Option<Column<i64>>) -> DayCounter {
        let span = dates
            .as_ref()
            .filter(|column| column.values.num_vals() > 0)
            .map(|column| {
                (
                    dense_day_number(column.min_value()),
                    dense_day_number(column.max_value()),
                )
            })
            .filter(|(first, last)| (0..MAX_DENSE_DAYS).contains(&(last - first)));
        let (first_day, days) = span.map_or((0, 0), |(first, last)| (first, last - first + 1));
        DayCounter {
            dates,
            first_day,
            counts: vec![0; days as usize],
            undated: 0,
            others: FxHashMap::default(),
        }
    }

    fn collect(&mut self, doc: DocId) {
        self.count(self.dates.as_ref().and_then(|column| column.first(doc)));
    }

    /// Counts one article published on `day` (`None`: undated).
    fn count(&mut self, day: Option<i64>) {
        let Some(day) = day else {
            self.undated += 1;
            return;
        };
        let slot = usize::try_from(dense_day_number(day) - self.first_day)
            .ok()
            .and_then(|offset| self.counts.get_mut(offset));
        match slot {
            Some(count) => *count += 1,
            None => *self.others.entry(Some(day)).or_default() += 1,
        }
    }

    fn harvest(self) -> FxHashMap<Option<i64>, u64> {
        let mut days = self.others;
        days.reserve(self.counts.iter().filter(|&&count| count > 0).count() + 1);
        for (offset, &count) in self.counts.iter().enumerate().filter(|(_, &n)| n > 0) {
            let day = from_dense_day_number(self.first_day + offset as i64);
            *days.entry(Some(day)).or_default() += u64::from(count);
        }
        if self.undated > 0 {
            days.insert(None, self.undated);
        }
        days
    }
}

pub(crate) struct SegmentFacetCollector {
    keywords: Vec<KeywordCounter>,
    /// Counts by day, when the date facet is asked for.
    days: Option<DayCounter>,
    /// A block's keyword ordinals, kept to be reused from one block to the next.
    ordinals: Vec<Option<u64>>,
}

impl SegmentFacetCollector {
    /// Counts a block of articles of the segment, whose publication dates (from the
    /// segment's date column) the caller has already read: `dates[i]` is `docs[i]`'s.
    pub(crate) fn collect_block(&mut self, docs: &[DocId], dates: &[Option<i64>]) {
        for counter in &mut self.keywords {
            counter.collect_block(docs, &mut self.ordinals);
        }
        if let Some(days) = &mut self.days {
            for &day in dates {
                days.count(day);
            }
        }
    }
}

impl Collector for FacetCollector {
    type Fruit = FacetCounts;
    type Child = SegmentFacetCollector;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCollector> {
        let keywords = self
            .keywords
            .iter()
            .map(|facet| {
                let column = keyword_column(reader, facet.field())?;
                Ok(KeywordCounter {
                    counts: vec![0; column.as_ref().map_or(0, |column| column.num_terms())],
                    column,
                    missing: 0,
                })
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        let days = if self.count_days {
            Some(DayCounter::for_column(date_column(reader)?))
        } else {
            None
        };
        Ok(SegmentFacetCollector {
            keywords,
            days,
            ordinals: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segment_counts: Vec<FacetCounts>) -> tantivy::Result<FacetCounts> {
        // The first segment's counts are the start: only the others are added in.
        let mut segments = segment_counts.into_iter();
        let mut total = segments.next().unwrap_or_else(|| FacetCounts {
            keywords: vec![FxHashMap::default(); self.keywords.len()],
            days: FxHashMap::default(),
        });
        for counts in segments {
            for (facet, values) in total.keywords.iter_mut().zip(counts.keywords) {
                for (value, count) in values {
                    *facet.entry(value).or_default() += count;
                }
            }
            for (day, count) in counts.days {
                *total.days.entry(day).or_default() += count;
            }
        }
        Ok(total)
    }
}

impl SegmentCollector for SegmentFacetCollector {
    type Fruit = FacetCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for counter in &mut self.keywords {
            counter.collect(doc);
        }
        if let Some(days) = &mut self.days {
            days.collect(doc);
        }
    }

    fn harvest(self) -> FacetCounts {
        FacetCounts {
            keywords: self
                .keywords
                .into_iter()
                .map(KeywordCounter::harvest)
                .collect(),
            days: self.days.map(DayCounter::harvest).unwrap_or_default(),
        }
    }
}
