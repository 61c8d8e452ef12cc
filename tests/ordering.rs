//! End-to-end runs of the result order through the binary, in text and JSON: relevance, date either way, paging, recency.

mod common;

use common::*;

/// The dates of the hits, in order (`None` for undated).
fn dates(results: &Results) -> Vec<Option<String>> {
    results.hits.iter().map(|hit| hit.date.clone()).collect()
}

#[test]
fn date_orders_put_undated_articles_last() {
    let index = indexed();
    let newest = query_json(index.path(), &["Corée", "--sort", "date"]);
    let found = dates(&newest);
    let dated: Vec<&String> = found.iter().flatten().collect();
    assert!(dated.len() >= 3 && dated.len() < found.len());
    assert!(dated.windows(2).all(|pair| pair[0] >= pair[1]), "{found:?}");
    assert!(found[dated.len()..].iter().all(Option::is_none));
    assert_eq!(newest.hits[0].date.as_deref(), Some("2024-11-03"));

    let oldest = query_json(index.path(), &["Corée", "--sort=-date"]);
    let found = dates(&oldest);
    let dated: Vec<&String> = found.iter().flatten().collect();
    assert!(dated.windows(2).all(|pair| pair[0] <= pair[1]), "{found:?}");
    assert!(found[dated.len()..].iter().all(Option::is_none));
    assert_eq!(oldest.hits[0].date.as_deref(), Some("2024-07-11"));

    let text = query(index.path(), &["Corée", "--sort", "-date"]);
    assert_eq!(listed_titles(&text), titles(&oldest));
}

#[test]
fn relevance_is_the_default_and_scores_never_increase() {
    let index = indexed();
    let default = query_json(index.path(), &["Corée du Nord"]);
    let relevance = query_json(index.path(), &["Corée du Nord", "--sort", "relevance"]);
    assert_eq!(titles(&default), titles(&relevance));
    assert!(default
        .hits
        .windows(2)
        .all(|pair| pair[0].score >= pair[1].score));
}

#[test]
fn paging_a_date_order_partitions_it() {
    let index = indexed();
    let all = query_json(
        index.path(),
        &["date:2000..", "--sort", "date", "--limit", "7"],
    );
    assert_eq!(all.total_hits, 7);
    let mut paged = Vec::new();
    for offset in ["0", "3", "6"] {
        let page = query_json(
            index.path(),
            &[
                "date:2000..",
                "--sort",
                "date",
                "--limit",
                "3",
                "--offset",
                offset,
            ],
        );
        paged.extend(page.hits.into_iter().map(|hit| hit.id));
    }
    let whole: Vec<String> = all.hits.into_iter().map(|hit| hit.id).collect();
    assert_eq!(paged, whole, "equal dates and scores keep one order");
    let again = query_json(
        index.path(),
        &["date:2000..", "--sort", "date", "--limit", "7"],
    );
    assert_eq!(
        again.hits.into_iter().map(|hit| hit.id).collect::<Vec<_>>(),
        whole
    );
}

#[test]
fn recency_lifts_recent_articles() {
    let index = indexed();
    let plain = query_json(index.path(), &["Corée"]);
    let recent = query_json(index.path(), &["Corée", "--recency", "1d"]);
    assert_ne!(plain.hits[0].title, recent.hits[0].title);
    assert_eq!(recent.hits[0].date.as_deref(), Some("2024-11-03"));
    assert!(recent
        .hits
        .windows(2)
        .all(|pair| pair[0].score >= pair[1].score));
    // Scores halve per half-life of age, counted from the newest article in the index
    // (2024-11-20): 17 days for the article of 2024-11-03.
    let score_of =
        |results: &Results, id: &str| results.hits.iter().find(|hit| hit.id == id).unwrap().score;
    let newest = &recent.hits[0].id;
    let ratio = score_of(&recent, newest) / score_of(&plain, newest);
    assert!((ratio / 0.5f32.powi(17) - 1.0).abs() < 1e-3, "{ratio}");
    // A long half-life changes little: the same best article as plain relevance.
    let gentle = query_json(index.path(), &["Corée", "--recency", "10y"]);
    assert_eq!(gentle.hits[0].title, plain.hits[0].title);
    let text = query(index.path(), &["Corée", "--recency", "1d"]);
    assert_eq!(listed_titles(&text)[0], recent.hits[0].title);
}

#[test]
fn bad_orders_are_refused() {
    let index = indexed();
    for arguments in [
        &["Corée", "--recency", "trente"][..],
        &["Corée", "--recency", "0d"],
        &["Corée", "--sort", "popularity"],
    ] {
        let output = query(index.path(), arguments);
        assert_eq!(output.status.code(), Some(2), "{arguments:?}");
        assert!(!output.stderr.is_empty());
    }
}
