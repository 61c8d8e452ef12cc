//! Which facets a query asks for, and its raw counts turned into sorted, limited `{value, count}` lists with ISO dates.

use rustc_hash::FxHashMap;
use std::cmp::Reverse;

use crate::results::{DateFacetUnit, FacetCount, Facets};

use super::facet_collector::{FacetCollector, FacetCounts, KeywordFacet};
use crate::date::{Date, DayRange, Granularity};

/// How matches are counted by publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateFacet {
    /// Per year, month or day.
    Periods(Granularity),
    /// Per range of days; ranges may overlap.
    Ranges(Vec<DayRange>),
}

/// The facets to count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetRequest {
    pub keywords: Vec<KeywordFacet>,
    pub date: Option<DateFacet>,
    /// At most this many values per facet (the most frequent; for periods, the newest);
    /// the bucket of articles without a value is always kept.
    pub limit: usize,
}

impl FacetRequest {
    pub(crate) fn collector(&self) -> FacetCollector {
        FacetCollector {
            keywords: self.keywords.clone(),
            count_days: self.date.is_some(),
        }
    }

    /// The counts as results: keyword values most frequent first, periods newest first,
    /// ranges in the order asked; the "no value" bucket last.
    pub(crate) fn summarize(&self, counts: FacetCounts) -> Facets {
        let mut facets = Facets::default();
        for (facet, values) in self.keywords.iter().zip(counts.keywords) {
            let list = Some(self.keyword_list(values));
            match facet {
                KeywordFacet::Category => facets.category = list,
                KeywordFacet::Author => facets.author = list,
                KeywordFacet::Source => facets.source = list,
            }
        }
        match &self.date {
            Some(DateFacet::Periods(granularity)) => {
                facets.date_granularity = Some((*granularity).into());
                facets.date = Some(self.period_list(&counts.days, *granularity));
            }
            Some(DateFacet::Ranges(ranges)) => {
                facets.date_granularity = Some(DateFacetUnit::Range);
                facets.date = Some(range_list(&counts.days, ranges));
            }
            None => {}
        }
        facets
    }

    fn keyword_list(&self, values: FxHashMap<Option<String>, u64>) -> Vec<FacetCount> {
        let mut list: Vec<FacetCount> = values
            .into_iter()
            .map(|(value, count)| FacetCount { value, count })
            .collect();
        list.sort_by(|a, b| {
            (a.value.is_none(), Reverse(a.count), &a.value).cmp(&(
                b.value.is_none(),
                Reverse(b.count),
                &b.value,
            ))
        });
        self.limited(list)
    }

    fn period_list(
        &self,
        days: &FxHashMap<Option<i64>, u64>,
        granularity: Granularity,
    ) -> Vec<FacetCount> {
        let mut periods: FxHashMap<Option<i64>, u64> = FxHashMap::default();
        for (day, count) in days {
            *periods
                .entry(day.map(|day| granularity.period_of(day)))
                .or_default() += count;
        }
        let mut periods: Vec<(Option<i64>, u64)> = periods.into_iter().collect();
        periods.sort_by_key(|(period, _)| (period.is_none(), Reverse(*period)));
        self.limited(
            periods
                .into_iter()
                .map(|(period, count)| FacetCount {
                    value: period.map(|period| granularity.format(period)),
                    count,
                })
                .collect(),
        )
    }

    /// The first `limit` values, and the "no value" bucket if it was cut.
    fn limited(&self, mut list: Vec<FacetCount>) -> Vec<FacetCount> {
        if list.len() > self.limit {
            let missing = list.pop().filter(|last| last.value.is_none());
            list.truncate(self.limit);
            list.extend(missing);
        }
        list
    }
}

fn range_list(days: &FxHashMap<Option<i64>, u64>, ranges: &[DayRange]) -> Vec<FacetCount> {
    let iso = |day: Option<Date>| day.map(|day| day.to_string()).unwrap_or_default();
    let mut list: Vec<FacetCount> = ranges
        .iter()
        .map(|&range| FacetCount {
            value: Some(format!("{}..{}", iso(range.from), iso(range.to))),
            count: days
                .iter()
                .filter(|(day, _)| day.is_some_and(|day| range.contains_yyyymmdd(day)))
                .map(|(_, count)| count)
                .sum(),
        })
        .collect();
    if let Some(&undated) = days.get(&None) {
        list.push(FacetCount {
            value: None,
            count: undated,
        });
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(limit: usize, date: DateFacet) -> FacetRequest {
        FacetRequest {
            keywords: vec![KeywordFacet::Author],
            date: Some(date),
            limit,
        }
    }

    fn counts() -> FacetCounts {
        FacetCounts {
            keywords: vec![[
                (Some("AFP".to_string()), 5),
                (Some("Reuters".to_string()), 2),
                (Some("Le Monde".to_string()), 2),
                (None, 1),
            ]
            .into_iter()
            .collect()],
            days: [
                (Some(20241022), 2),
                (Some(20241103), 1),
                (Some(20230105), 4),
                (None, 3),
            ]
            .into_iter()
            .collect(),
        }
    }

    fn pairs(list: &[FacetCount]) -> Vec<(Option<&str>, u64)> {
        list.iter()
            .map(|entry| (entry.value.as_deref(), entry.count))
            .collect()
    }

    #[test]
    fn limits_keep_the_no_value_bucket() {
        let facets = request(2, DateFacet::Periods(Granularity::Month)).summarize(counts());
        assert_eq!(
            pairs(facets.author.as_ref().unwrap()),
            [(Some("AFP"), 5), (Some("Le Monde"), 2), (None, 1)]
        );
        assert_eq!(
            pairs(facets.date.as_ref().unwrap()),
            [(Some("2024-11"), 1), (Some("2024-10"), 2), (None, 3)]
        );
        assert_eq!(facets.date_granularity, Some(DateFacetUnit::Month));
        assert!(facets.category.is_none() && facets.source.is_none());
    }

    #[test]
    fn ranges_count_each_range_in_order() {
        let ranges = vec![
            DayRange {
                from: Date::new(2024, 1, 1),
                to: Date::new(2024, 12, 31),
            },
            DayRange {
                from: None,
                to: Date::new(2023, 12, 31),
            },
            DayRange {
                from: Date::new(2024, 11, 1),
                to: None,
            },
        ];
        let facets = request(10, DateFacet::Ranges(ranges)).summarize(counts());
        assert_eq!(
            pairs(facets.date.as_ref().unwrap()),
            [
                (Some("2024-01-01..2024-12-31"), 3),
                (Some("..2023-12-31"), 4),
                (Some("2024-11-01.."), 1),
                (None, 3)
            ]
        );
        assert_eq!(facets.date_granularity, Some(DateFacetUnit::Range));
    }
}
