//! A query that finds no or very few articles suggests the closest indexed words, with how many articles have them, in text and JSON.

mod common;

use common::*;

#[test]
fn a_misspelt_name_gets_the_closest_indexed_spelling() {
    let index = matching_index();
    let index = index.path();
    let results = query_json(index, &["Mélanchon"]);
    assert_eq!(results.total_hits, 0);
    assert_eq!(
        results.suggestions,
        [Suggestion {
            word: "Mélanchon".into(),
            suggestion: "Mélenchon".into(),
            articles: 2
        }]
    );
    // Typed without accents, among other words: only the misspelt one gets a suggestion.
    let results = query_json(index, &["melanchon debat"]);
    assert_eq!(results.suggestions.len(), 1);
    assert_eq!(results.suggestions[0].word, "melanchon");
    assert_eq!(results.suggestions[0].suggestion, "Mélenchon");

    // Two edits away, allowed for a word of eight letters or more.
    assert_eq!(
        query_json(index, &["Mélannchon"]).suggestions[0].suggestion,
        "Mélenchon"
    );

    let output = query(index, &["Pyongyagn"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("Did you mean «Pyongyang» (2 articles) for «Pyongyagn»?"),
        "{text}"
    );
}

#[test]
fn queries_with_matches_or_short_words_get_no_suggestion() {
    let index = matching_index();
    let index = index.path();
    assert!(query_json(index, &["Macron"]).suggestions.is_empty());
    // A rare word spelt right has no much more common neighbour.
    let rabat = query_json(index, &["Rabat"]);
    assert_eq!(rabat.total_hits, 1);
    assert!(rabat.suggestions.is_empty(), "{:?}", rabat.suggestions);
    // Words of three letters or fewer are too close to too many others.
    assert!(query_json(index, &["Kev"]).suggestions.is_empty());
    // A typo of four letters or more is one edit away from its suggestion.
    assert_eq!(
        query_json(index, &["Kiav"]).suggestions[0].suggestion,
        "Kiev"
    );
}
