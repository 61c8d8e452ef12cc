//! End-to-end runs of the facets through the binary, in text and JSON: which facets, date units and ranges, limits.

mod common;

use common::*;

fn pairs(counts: &Option<Vec<FacetCount>>) -> Vec<(Option<&str>, u64)> {
    counts
        .as_ref()
        .expect("the facet was asked for")
        .iter()
        .map(|entry| (entry.value.as_deref(), entry.count))
        .collect()
}

#[test]
fn chosen_facets_only_and_authors_over_all_matches() {
    let index = indexed();
    let results = query_json(
        index.path(),
        &["Corée", "--facets", "author,source", "--limit", "1"],
    );
    assert!(results.facets.category.is_none() && results.facets.date.is_none());
    assert!(results.facets.date_granularity.is_none());
    let authors = pairs(&results.facets.author);
    assert_eq!(authors.iter().map(|(_, count)| count).sum::<u64>(), 7);
    assert!(authors.contains(&(Some("Claire Dubois"), 1)), "{authors:?}");
    assert_eq!(authors.last(), Some(&(None, 2)), "no author, last");
    assert_eq!(pairs(&results.facets.source), [(None, 7)]);

    let text = stdout(&query(
        index.path(),
        &["Corée", "--facets", "author,source"],
    ));
    assert!(text.contains("\nAuthors: "), "{text}");
    assert!(text.contains("Claire Dubois 1"), "{text}");
    assert!(text.contains("\nSources: no source 7\n"), "{text}");
    assert!(
        !text.contains("Categories:") && !text.contains("Dates by"),
        "{text}"
    );
}

#[test]
fn facet_limit_keeps_the_biggest_values_and_the_no_value_bucket() {
    let index = indexed();
    let results = query_json(
        index.path(),
        &[
            "Corée",
            "--facets",
            "category,author,date",
            "--facet-limit",
            "1",
        ],
    );
    assert_eq!(
        pairs(&results.facets.category),
        [(Some("International"), 2), (None, 3)],
        "International and Monde tie at 2: the name decides"
    );
    assert_eq!(pairs(&results.facets.author).len(), 2);
    assert_eq!(
        pairs(&results.facets.date),
        [(Some("2024-11"), 1), (None, 2)]
    );
    let text = stdout(&query(index.path(), &["Corée", "--facet-limit", "1"]));
    assert!(
        text.contains(
            "Categories: International 2 · no category 3\nDates by month: 2024-11 1 · no date 2\n"
        ),
        "{text}"
    );
}

#[test]
fn date_facet_by_day_and_by_ranges() {
    let index = indexed();
    let by_day = query_json(index.path(), &["Corée", "--facet-date", "day"]);
    assert_eq!(by_day.facets.date_granularity.as_deref(), Some("day"));
    assert_eq!(
        pairs(&by_day.facets.date)[..2],
        [(Some("2024-11-03"), 1), (Some("2024-10-22"), 2)]
    );
    let ranges = query_json(
        index.path(),
        &[
            "Corée",
            "--facet-date",
            "..2024-09,2024-10..2024-10-21,2024-10-22..",
        ],
    );
    assert_eq!(ranges.facets.date_granularity.as_deref(), Some("range"));
    assert_eq!(
        pairs(&ranges.facets.date),
        [
            (Some("..2024-09-30"), 1),
            (Some("2024-10-01..2024-10-21"), 1),
            (Some("2024-10-22.."), 3),
            (None, 2)
        ]
    );
    let text = stdout(&query(index.path(), &["Corée", "--facet-date", "2024"]));
    assert!(
        text.contains("Date ranges: 2024-01-01..2024-12-31 5 · no date 2"),
        "{text}"
    );
    for bad in ["2024-13", "2024-11..2024-10", "weekly"] {
        let output = query(index.path(), &["Corée", "--facet-date", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("--facet-date"));
    }
}
