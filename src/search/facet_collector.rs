//! Facet counts over every matching article, in the same pass as the top hits: categories and dates from fast fields.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::schema::{CATEGORY, DATE};

/// The period dates are counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateGranularity {
    Year,
    Month,
    Day,
}

impl DateGranularity {
    /// What to divide a `YYYYMMDD` value by to get its period.
    fn divisor(self) -> i64 {
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

/// Counts matches per category and per date period.
pub struct FacetCollector {
    pub granularity: DateGranularity,
}

/// Raw counts: `None` keys count the articles without a value.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    pub categories: HashMap<Option<String>, u64>,
    /// Keyed by period (`YYYY`, `YYYYMM` or `YYYYMMDD` as a number).
    pub dates: HashMap<Option<i64>, u64>,
}

pub struct SegmentFacetCollector {
    categories: Option<StrColumn>,
    dates: Option<Column<i64>>,
    divisor: i64,
    /// Count per term ordinal of the segment's category dictionary.
    category_counts: Vec<u64>,
    uncategorised: u64,
    date_counts: HashMap<i64, u64>,
    undated: u64,
}

impl Collector for FacetCollector {
    type Fruit = FacetCounts;
    type Child = SegmentFacetCollector;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCollector> {
        let categories = reader.fast_fields().str(CATEGORY)?;
        let dates = reader.fast_fields().column_opt::<i64>(DATE)?;
        Ok(SegmentFacetCollector {
            category_counts: vec![0; categories.as_ref().map_or(0, |column| column.num_terms())],
            categories,
            dates,
            divisor: self.granularity.divisor(),
            uncategorised: 0,
            date_counts: HashMap::new(),
            undated: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segment_counts: Vec<FacetCounts>) -> tantivy::Result<FacetCounts> {
        let mut total = FacetCounts::default();
        for counts in segment_counts {
            for (category, count) in counts.categories {
                *total.categories.entry(category).or_default() += count;
            }
            for (period, count) in counts.dates {
                *total.dates.entry(period).or_default() += count;
            }
        }
        Ok(total)
    }
}

impl SegmentCollector for SegmentFacetCollector {
    type Fruit = FacetCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        match self
            .categories
            .as_ref()
            .and_then(|column| column.term_ords(doc).next())
        {
            Some(ordinal) => self.category_counts[ordinal as usize] += 1,
            None => self.uncategorised += 1,
        }
        match self.dates.as_ref().and_then(|column| column.first(doc)) {
            Some(date) => *self.date_counts.entry(date / self.divisor).or_default() += 1,
            None => self.undated += 1,
        }
    }

    fn harvest(self) -> FacetCounts {
        let mut counts = FacetCounts::default();
        if let Some(column) = &self.categories {
            let mut name = String::new();
            for (ordinal, &count) in self
                .category_counts
                .iter()
                .enumerate()
                .filter(|(_, &count)| count > 0)
            {
                name.clear();
                if column
                    .ord_to_str(ordinal as u64, &mut name)
                    .unwrap_or(false)
                {
                    counts.categories.insert(Some(name.clone()), count);
                }
            }
        }
        if self.uncategorised > 0 {
            counts.categories.insert(None, self.uncategorised);
        }
        counts.dates.extend(
            self.date_counts
                .into_iter()
                .map(|(period, count)| (Some(period), count)),
        );
        if self.undated > 0 {
            counts.dates.insert(None, self.undated);
        }
        counts
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
