//! Facet counts over every matching article, in the same pass as the hits: categories, authors, sources and days from fast fields.

use rustc_hash::FxHashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::schema::{AUTHOR, CATEGORY, DATE, SOURCE};

/// The period dates are counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateGranularity {
    Year,
    Month,
    Day,
}

impl DateGranularity {
    /// What to divide a `YYYYMMDD` value by to get its period.
    pub fn divisor(self) -> i64 {
        match self {
            DateGranularity::Year => 10_000,
            DateGranularity::Month => 100,
            DateGranularity::Day => 1,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DateGranularity::Year => "year",
            DateGranularity::Month => "month",
            DateGranularity::Day => "day",
        }
    }

    /// The ISO form of a period: `2024`, `2024-10` or `2024-10-22`.
    pub fn format(self, period: i64) -> String {
        match self {
            DateGranularity::Year => format!("{period:04}"),
            DateGranularity::Month => format!("{:04}-{:02}", period / 100, period % 100),
            DateGranularity::Day => format!(
                "{:04}-{:02}-{:02}",
                period / 10_000,
                period / 100 % 100,
                period % 100
            ),
        }
    }
}

/// A property whose values are counted: stored as a raw keyword fast field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeywordFacet {
    Category,
    Author,
    Source,
}

impl KeywordFacet {
    fn field_name(self) -> &'static str {
        match self {
            KeywordFacet::Category => CATEGORY,
            KeywordFacet::Author => AUTHOR,
            KeywordFacet::Source => SOURCE,
        }
    }
}

/// Counts matches per value of some keyword facets, and per publication day.
pub struct FacetCollector {
    pub keywords: Vec<KeywordFacet>,
    pub count_days: bool,
}

/// Raw counts: `None` keys count the articles without a value.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FacetCounts {
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

pub struct SegmentFacetCollector {
    keywords: Vec<KeywordCounter>,
    dates: Option<Column<i64>>,
    count_days: bool,
    day_counts: FxHashMap<Option<i64>, u64>,
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
                let column = reader.fast_fields().str(facet.field_name())?;
                Ok(KeywordCounter {
                    counts: vec![0; column.as_ref().map_or(0, |column| column.num_terms())],
                    column,
                    missing: 0,
                })
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(SegmentFacetCollector {
            keywords,
            dates: reader.fast_fields().column_opt::<i64>(DATE)?,
            count_days: self.count_days,
            day_counts: FxHashMap::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segment_counts: Vec<FacetCounts>) -> tantivy::Result<FacetCounts> {
        let mut total = FacetCounts {
            keywords: vec![FxHashMap::default(); self.keywords.len()],
            days: FxHashMap::default(),
        };
        for counts in segment_counts {
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
        if self.count_days {
            let day = self.dates.as_ref().and_then(|column| column.first(doc));
            *self.day_counts.entry(day).or_default() += 1;
        }
    }

    fn harvest(self) -> FacetCounts {
        FacetCounts {
            keywords: self
                .keywords
                .into_iter()
                .map(KeywordCounter::harvest)
                .collect(),
            days: self.day_counts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_print_as_iso() {
        assert_eq!(DateGranularity::Year.format(20241022 / 10_000), "2024");
        assert_eq!(DateGranularity::Month.format(20241022 / 100), "2024-10");
        assert_eq!(DateGranularity::Day.format(20241022), "2024-10-22");
    }
}
