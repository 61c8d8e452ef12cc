//! Operators people bring from other engines — AND, NOT, +word, "phrase"~N, word~ — do what they say or are refused with their column, and are never searched as words.

mod common;

use common::*;

#[test]
fn not_leaves_out_and_is_never_searched() {
    let index = matching_index();
    let index = index.path();
    let without = sorted(hit_ids(index, &["Trump NOT Corée"]));
    assert_eq!(without, ["trump-decret", "trump-poutine"]);
    assert_eq!(without, sorted(hit_ids(index, &["Trump -Corée"])));
    let results = query_json(index, &["Trump NOT Corée"]);
    assert_eq!(
        results.query_terms,
        ["trump"],
        "NOT and Corée are not searched"
    );
    // In lower case it is a word like any other.
    assert!(query_json(index, &["Trump not"]).query_terms.len() == 2);
}

#[test]
fn and_requires_both_sides() {
    let index = matching_index();
    let index = index.path();
    let and = query_json(index, &["Trump AND Poutine"]);
    let plain = query_json(index, &["Trump Poutine"]);
    assert_eq!(and.total_hits, 1);
    assert_eq!(and.total_hits, plain.total_hits);
    assert_eq!(and.partial_hits, 0, "both words are required");
    assert!(plain.partial_hits > 0, "Trump alone is a partial match");
    assert_eq!(hit_ids(index, &["Trump AND Poutine"]), ["trump-poutine"]);
    assert_eq!(and.query_terms, ["poutin", "trump"]);
}

#[test]
fn plus_requires_a_word() {
    let index = matching_index();
    let index = index.path();
    // Without the +, articles with only Séoul or only Coréé follow as partial matches.
    let plain = query_json(index, &["Séoul Corée"]);
    assert!(plain.partial_hits > 0);
    let required = query_json(index, &["+Séoul", "Corées"]);
    assert_eq!(required.partial_hits, 0);
    assert_eq!(required.total_hits, plain.total_hits);
    assert!(required.hits.iter().all(|hit| hit.matched == "full"));
}

#[test]
fn a_phrase_with_a_distance_lets_words_in_between() {
    let index = matching_index();
    let index = index.path();
    // "Trump et Poutine", "Donald Trump et Vladimir Poutine": never side by side.
    assert_eq!(total_hits(index, r#""Trump Poutine""#), 0);
    assert_eq!(hit_ids(index, &[r#""Trump Poutine"~5"#]), ["trump-poutine"]);
    // One word between them in the title: ~1 is enough, in the order typed; the other
    // order costs two moves more (as in Lucene).
    assert_eq!(total_hits(index, r#""Trump Poutine"~1"#), 1);
    assert_eq!(total_hits(index, r#""Poutine Trump"~1"#), 0);
    assert_eq!(total_hits(index, r#""Poutine Trump"~3"#), 1);
    let refused = query(index, &[r#""Trump Poutine"~500"#]);
    assert_eq!(refused.status.code(), Some(2));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("column 16"), "{message}");
}

#[test]
fn a_tilde_tolerates_typos_in_that_word_only() {
    let index = matching_index();
    let index = index.path();
    assert_eq!(total_hits(index, "Pyongyagn"), 0);
    let typo = sorted(hit_ids(index, &["Pyongyagn~"]));
    assert_eq!(typo, ["seoul-defense", "trump-coree-nord"]);
    assert_eq!(typo, sorted(hit_ids(index, &["Pyongyagn~2"])));
    assert_eq!(typo, sorted(hit_ids(index, &["Pyongyagn", "--fuzzy"])));
    // Only the word with the tilde: "Trupm" stays exact, so nothing has both.
    let results = query_json(index, &["Pyongyagn~ Trupm"]);
    assert_eq!(results.total_hits, 0);
    assert_eq!(results.partial_hits, 2);
    assert!(
        results.hits[0].missing == ["Trupm"],
        "{:?}",
        results.hits[0]
    );
    let refused = query(index, &["Trump~7"]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn operators_without_operands_are_refused_with_their_column() {
    let index = matching_index();
    for (text, column) in [
        ("Corée AND", 7),
        ("AND Corée", 1),
        ("Corée NOT", 7),
        ("Corée OR", 7),
    ] {
        let output = query(index.path(), &[text]);
        assert_eq!(output.status.code(), Some(2), "{text}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(
            message.contains(&format!("column {column}")),
            "{text}: {message}"
        );
    }
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}
