//! What a query counts as a match: the articles with every word (or the phrase); those with only some of the words may follow by relevance, marked partial, but are never counted, faceted or put first in a date order.

mod common;

use common::*;

/// The ids of the hits, each with its match kind.
fn kinds(results: &Results) -> Vec<(String, String)> {
    results
        .hits
        .iter()
        .map(|hit| (record_name(&hit.id), hit.matched.clone()))
        .collect()
}

#[test]
fn totals_and_facets_count_the_articles_with_every_word() {
    let index = matching_index();
    let index = index.path();
    let results = query_json(index, &["gilets jaunes"]);
    assert_eq!(results.total_hits, 1, "{:?}", kinds(&results));
    assert_eq!(results.total_distinct, 1);
    assert_eq!(
        results.partial_hits, 2,
        "gilets de sauvetage, maillots jaunes"
    );
    // The full match ranks first; the partial ones follow, each saying what it lacks.
    assert_eq!(record_name(&results.hits[0].id), "gilets-jaunes");
    assert_eq!(results.hits[0].matched, "full");
    assert!(results.hits[0].missing.is_empty());
    let mut partial: Vec<(String, &[String])> = results.hits[1..]
        .iter()
        .map(|hit| {
            assert_eq!(hit.matched, "partial", "{}", hit.id);
            (record_name(&hit.id), hit.missing.as_slice())
        })
        .collect();
    partial.sort();
    assert_eq!(
        partial,
        [
            ("gilets-sauvetage".to_string(), &["jaunes".to_string()][..]),
            ("maillots-jaunes".to_string(), &["gilets".to_string()][..]),
        ]
    );
    // Facets are over the full match only: one article, in France.
    let categories = results.facets.category.unwrap();
    assert_eq!(categories.len(), 1, "{categories:?}");
    assert_eq!(categories[0].value.as_deref(), Some("France"));
    assert_eq!(categories[0].count, 1);

    // "réforme des retraites": the 49.3 article has every word, the cheminots only one.
    let results = query_json(index, &["réforme des retraites"]);
    assert_eq!((results.total_hits, results.partial_hits), (1, 1));
    assert_eq!(
        kinds(&results),
        [
            ("retraites-reforme".to_string(), "full".to_string()),
            ("retraites-cheminots".to_string(), "partial".to_string())
        ]
    );
}

#[test]
fn a_phrase_counts_only_the_articles_with_the_phrase() {
    let index = matching_index();
    let results = query_json(index.path(), &[r#""Corée du Nord""#]);
    assert_eq!(results.total_hits, 1);
    assert_eq!(results.partial_hits, 0);
    assert_eq!(
        kinds(&results),
        [("trump-coree-nord".into(), "full".into())]
    );
}

#[test]
fn partial_matches_never_lead_a_date_order() {
    let index = matching_index();
    let index = index.path();
    // The maillots jaunes (2023) and the gilets de sauvetage (2021) are newer than the
    // gilets jaunes (2018), but have only one of the words.
    let newest = query_json(index, &["gilets jaunes", "--sort", "date"]);
    assert_eq!(record_name(&newest.hits[0].id), "gilets-jaunes");
    assert_eq!(
        kinds(&newest)[1..],
        [
            ("maillots-jaunes".into(), "partial".into()),
            ("gilets-sauvetage".into(), "partial".into())
        ]
    );
    let oldest = hit_ids(index, &["gilets jaunes", "--sort", "-date", "-n", "1"]);
    assert_eq!(oldest, ["gilets-jaunes"]);
    // Paging a date order goes from the full matches into the partial ones.
    let second = hit_ids(index, &["gilets jaunes", "--sort", "date", "--offset", "1"]);
    assert_eq!(second, ["maillots-jaunes", "gilets-sauvetage"]);
}

#[test]
fn date_filters_apply_to_full_and_partial_matches() {
    let index = matching_index();
    let results = query_json(index.path(), &["gilets jaunes", "--since", "2020"]);
    assert_eq!(results.total_hits, 0);
    assert_eq!(results.partial_hits, 2);
    assert!(results.hits.iter().all(|hit| hit.matched == "partial"));
    let results = query_json(index.path(), &["gilets jaunes", "--until", "2018-12"]);
    assert_eq!((results.total_hits, results.partial_hits), (1, 0));
}

#[test]
fn all_hides_partial_matches_and_any_counts_them() {
    let index = matching_index();
    let index = index.path();
    let all = query_json(index, &["gilets jaunes", "--all"]);
    assert_eq!((all.total_hits, all.partial_hits), (1, 0));
    assert_eq!(kinds(&all), [("gilets-jaunes".into(), "full".into())]);
    let any = query_json(index, &["gilets jaunes", "--any"]);
    assert_eq!((any.total_hits, any.partial_hits), (3, 0));
    assert_eq!(any.facets.category.unwrap().len(), 3);
    // With --any an article with one word is counted, and still says what it lacks.
    assert_eq!(record_name(&any.hits[0].id), "gilets-jaunes");
    assert!(any.hits[1..].iter().all(|hit| hit.matched == "partial"));
    assert!(any.hits[1..].iter().all(|hit| hit.missing.len() == 1));
}

#[test]
fn text_results_say_which_matches_are_partial() {
    let index = matching_index();
    let output = query(index.path(), &["gilets jaunes"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("1 article matches «gilets jaunes»"), "{text}");
    assert!(
        text.contains("2 more have only some of the words"),
        "{text}"
    );
    assert!(text.contains("partial match: without «jaunes»"), "{text}");
    assert!(text.contains("partial match: without «gilets»"), "{text}");
    assert!(text.contains("Categories: France 1\n"), "{text}");

    // Only partial matches: nothing matches (exit status 1), but they are shown.
    let output = query(index.path(), &["gilets jaunes", "--since", "2020"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("0 articles match"), "{text}");
    assert!(text.contains("gilets de sauvetage"), "{text}");
}

#[test]
fn prefixes_rank_by_relevance_like_words() {
    let index = matching_index();
    let index = index.path();
    // The Scottish article says "indépendance" four times, the candidate "indépendant"
    // once and is ten years newer: a flat score for prefixes put the newer one first.
    let prefix = query_json(index, &["indépend*"]);
    assert_eq!(
        prefix
            .hits
            .iter()
            .map(|hit| record_name(&hit.id))
            .collect::<Vec<_>>(),
        ["independance-ecosse", "independant-candidat"]
    );
    assert!(prefix.hits[0].score > prefix.hits[1].score);
    assert_eq!(
        hit_ids(index, &["indépend*"]),
        hit_ids(index, &["indépendance"])
    );
}
