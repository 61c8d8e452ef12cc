//! Facets from aggregations: `terms` on the raw keyword fields, a calendar `date_histogram` or `date_range` on the date, a `missing` count for each; sorted and limited as the embedded engine does.

use crate::date::{Date, Granularity};
use serde_json::{json, Map, Value};

use crate::results::{DateFacetUnit, FacetCount, Facets};
use crate::search::{DateFacet, FacetRequest, KeywordFacet};

/// The most values a keyword facet asks the cluster for.
const MAX_KEYWORD_VALUES: usize = 10_000;

fn keyword_field(facet: KeywordFacet) -> &'static str {
    match facet {
        KeywordFacet::Category => "category",
        KeywordFacet::Author => "author",
        KeywordFacet::Source => "source",
    }
}

/// The aggregations that count `request`'s facets over all matches.
pub(crate) fn aggregations(request: &FacetRequest) -> Map<String, Value> {
    let mut aggregations = Map::new();
    let size = request.limit.clamp(1, MAX_KEYWORD_VALUES);
    for &facet in &request.keywords {
        let field = format!("{}.raw", keyword_field(facet));
        aggregations.insert(
            keyword_field(facet).to_string(),
            json!({"terms": {
                "field": field,
                "size": size,
                // Counts most first, ties by value: the embedded engine's order.
                "order": [{"_count": "desc"}, {"_key": "asc"}],
                "shard_size": (size * 3 / 2 + 10).max(100)
            }}),
        );
        aggregations.insert(
            format!("{}_missing", keyword_field(facet)),
            json!({"missing": {"field": field}}),
        );
    }
    match &request.date {
        Some(DateFacet::Periods(granularity)) => {
            let (interval, format) = match granularity {
                Granularity::Year => ("year", "yyyy"),
                Granularity::Month => ("month", "yyyy-MM"),
                Granularity::Day => ("day", "yyyy-MM-dd"),
            };
            aggregations.insert(
                "date".to_string(),
                json!({"date_histogram": {
                    "field": "date",
                    "calendar_interval": interval,
                    "format": format,
                    "min_doc_count": 1,
                    "order": {"_key": "desc"}
                }}),
            );
        }
        Some(DateFacet::Ranges(ranges)) => {
            let ranges: Vec<Value> = ranges
                .iter()
                .enumerate()
                .map(|(index, days)| {
                    let mut range = Map::new();
                    range.insert("key".into(), index.to_string().into());
                    if let Some(from) = days.from {
                        range.insert("from".into(), from.to_string().into());
                    }
                    // The aggregation's end is exclusive: the day after the inclusive one.
                    if let Some(to) = days.to {
                        range.insert("to".into(), day_after(to).to_string().into());
                    }
                    Value::Object(range)
                })
                .collect();
            aggregations.insert(
                "date".to_string(),
                json!({"date_range": {"field": "date", "format": "yyyy-MM-dd", "ranges": ranges}}),
            );
        }
        None => {}
    }
    if request.date.is_some() {
        aggregations.insert(
            "date_missing".to_string(),
            json!({"missing": {"field": "date"}}),
        );
    }
    aggregations
}

fn day_after(date: Date) -> Date {
    Date::from_days_since_epoch(date.days_since_epoch() + 1)
}

/// The facets of an answer's aggregations, as the embedded engine lists them: values most
/// frequent first (ties by value), periods newest first, ranges in the order asked, at
/// most `limit` values, the count of articles without a value last when there are any.
pub(crate) fn facets(request: &FacetRequest, answer: &Value) -> Facets {
    let missing = |name: &str| {
        let count = answer[name]["doc_count"].as_u64().unwrap_or(0);
        (count > 0).then_some(FacetCount { value: None, count })
    };
    let mut facets = Facets::default();
    for &facet in &request.keywords {
        let name = keyword_field(facet);
        let mut list: Vec<FacetCount> = buckets(&answer[name])
            .iter()
            .map(|bucket| FacetCount {
                value: bucket["key"].as_str().map(str::to_string),
                count: bucket["doc_count"].as_u64().unwrap_or(0),
            })
            .take(request.limit)
            .collect();
        list.extend(missing(&format!("{name}_missing")));
        match facet {
            KeywordFacet::Category => facets.category = Some(list),
            KeywordFacet::Author => facets.author = Some(list),
            KeywordFacet::Source => facets.source = Some(list),
        }
    }
    let Some(date) = &request.date else {
        return facets;
    };
    let date_buckets = buckets(&answer["date"]);
    let mut list: Vec<FacetCount> = match date {
        DateFacet::Periods(granularity) => {
            facets.date_granularity = Some((*granularity).into());
            date_buckets
                .iter()
                .map(|bucket| FacetCount {
                    value: bucket["key_as_string"].as_str().map(str::to_string),
                    count: bucket["doc_count"].as_u64().unwrap_or(0),
                })
                .take(request.limit)
                .collect()
        }
        DateFacet::Ranges(ranges) => {
            facets.date_granularity = Some(DateFacetUnit::Range);
            let iso = |day: Option<Date>| day.map(|day| day.to_string()).unwrap_or_default();
            ranges
                .iter()
                .enumerate()
                .map(|(index, days)| FacetCount {
                    value: Some(format!("{}..{}", iso(days.from), iso(days.to))),
                    count: date_buckets
                        .iter()
                        .find(|bucket| bucket["key"].as_str() == Some(&index.to_string()))
                        .and_then(|bucket| bucket["doc_count"].as_u64())
                        .unwrap_or(0),
                })
                .collect()
        }
    };
    list.extend(missing("date_missing"));
    facets.date = Some(list);
    facets
}

fn buckets(aggregation: &Value) -> &[Value] {
    aggregation["buckets"].as_array().map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::DayRange;

    fn pairs(list: &[FacetCount]) -> Vec<(Option<&str>, u64)> {
        list.iter()
            .map(|entry| (entry.value.as_deref(), entry.count))
            .collect()
    }

    #[test]
    fn answers_become_limited_lists_with_the_missing_count_last() {
        let request = FacetRequest {
            keywords: vec![KeywordFacet::Author],
            date: Some(DateFacet::Periods(Granularity::Month)),
            limit: 2,
        };
        let answer = json!({
            "author": {"buckets": [{"key": "AFP", "doc_count": 5}, {"key": "Le Monde", "doc_count": 2}]},
            "author_missing": {"doc_count": 1},
            "date": {"buckets": [
                {"key_as_string": "2024-11", "doc_count": 1},
                {"key_as_string": "2024-10", "doc_count": 2},
                {"key_as_string": "2023-01", "doc_count": 4}
            ]},
            "date_missing": {"doc_count": 0}
        });
        let facets = facets(&request, &answer);
        assert_eq!(
            pairs(facets.author.as_ref().unwrap()),
            [(Some("AFP"), 5), (Some("Le Monde"), 2), (None, 1)]
        );
        assert_eq!(
            pairs(facets.date.as_ref().unwrap()),
            [(Some("2024-11"), 1), (Some("2024-10"), 2)]
        );
        assert!(facets.category.is_none());
    }

    #[test]
    fn ranges_end_the_day_after_and_keep_their_order() {
        let request = FacetRequest {
            keywords: Vec::new(),
            date: Some(DateFacet::Ranges(vec![
                DayRange {
                    from: Date::new(2024, 1, 1),
                    to: Date::new(2024, 12, 31),
                },
                DayRange {
                    from: None,
                    to: Date::new(2023, 12, 31),
                },
            ])),
            limit: 10,
        };
        let aggregations = aggregations(&request);
        let ranges = &aggregations["date"]["date_range"]["ranges"];
        assert_eq!(ranges[0]["to"], "2025-01-01");
        assert_eq!(ranges[1].get("from"), None);
        let answer = json!({
            "date": {"buckets": [{"key": "1", "doc_count": 4}, {"key": "0", "doc_count": 3}]},
            "date_missing": {"doc_count": 2}
        });
        let facets = facets(&request, &answer);
        assert_eq!(
            pairs(facets.date.as_ref().unwrap()),
            [
                (Some("2024-01-01..2024-12-31"), 3),
                (Some("..2023-12-31"), 4),
                (None, 2)
            ]
        );
        assert_eq!(facets.date_granularity, Some(DateFacetUnit::Range));
    }
}
