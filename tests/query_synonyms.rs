//! Names that stand for one another — Kiev and Kyiv, Pékin and Beijing, UE and Union européenne — find each other at query time, from the built-in list and a user's file.

mod common;

use common::*;

fn sorted_ids(index: &std::path::Path, arguments: &[&str]) -> Vec<String> {
    let mut ids = hit_ids(index, arguments);
    ids.sort();
    ids
}

#[test]
fn built_in_synonyms_find_each_other_and_are_listed() {
    let index = matching_index();
    let index = index.path();
    for (query, expected) in [
        ("Kiev", ["kiev-bombes", "kyiv-cafes"]),
        ("Kyiv", ["kiev-bombes", "kyiv-cafes"]),
        ("Beijing", ["beijing-jeux", "pekin-taiwan"]),
        ("NATO", ["nato-exercice", "otan-sommet"]),
        ("UE", ["ue-sanctions", "union-europeenne"]),
        ("Union européenne", ["ue-sanctions", "union-europeenne"]),
        (
            r#""union européenne""#,
            ["ue-sanctions", "union-europeenne"],
        ),
    ] {
        let results = query_json(index, &[query]);
        assert_eq!(results.total_hits, 2, "{query}");
        let mut full: Vec<String> = results
            .hits
            .iter()
            .filter(|hit| hit.matched == "full")
            .map(|hit| record_name(&hit.id))
            .collect();
        full.sort();
        assert_eq!(full, expected, "{query}");
    }
    // "l'Union populaire" has one word of the name: a partial match.
    let union = query_json(index, &["Union européenne"]);
    assert_eq!(union.partial_hits, 1);
    // The name typed ranks first; its synonym weighs half as much.
    assert_eq!(hit_ids(index, &["Kyiv"])[0], "kyiv-cafes");
    assert_eq!(hit_ids(index, &["Kiev"])[0], "kiev-bombes");
    let results = query_json(index, &["Kyiv"]);
    assert_eq!(results.query_terms, ["kiev", "kyiv"]);
    // A synonym is highlighted in the passage like the word typed.
    let kiev = results
        .hits
        .iter()
        .find(|hit| record_name(&hit.id) == "kiev-bombes")
        .unwrap();
    let highlighted: Vec<String> = kiev
        .snippet
        .highlights
        .iter()
        .map(|&[start, end]| {
            kiev.snippet
                .text
                .chars()
                .skip(start)
                .take(end - start)
                .collect()
        })
        .collect();
    assert!(highlighted.contains(&"Kiev".to_string()), "{highlighted:?}");
    let text = stdout(&query(index, &["Kyiv"]));
    assert!(text.contains("2 articles match «Kyiv»"), "{text}");

    // An exclusion leaves out the synonyms too.
    assert_eq!(
        hit_ids(index, &["capitale", "-Kiev"]),
        Vec::<String>::new(),
        "both capitals are Kiev or Kyiv"
    );
}

#[test]
fn no_synonyms_searches_the_word_alone() {
    let index = matching_index();
    let results = query_json(index.path(), &["Kyiv", "--no-synonyms"]);
    assert_eq!(results.query_terms, ["kyiv"]);
    assert_eq!(
        hit_ids(index.path(), &["Kyiv", "--no-synonyms"]),
        ["kyiv-cafes"]
    );
}

#[test]
fn a_user_file_adds_groups_and_joins_known_ones() {
    let index = matching_index();
    let index = index.path();
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        file.path(),
        "# mes synonymes\nmaillot, gilet\n\nKyiv, capitale ukrainienne\n",
    )
    .unwrap();
    let path = file.path().to_str().unwrap();
    let gilets = query_json(index, &["gilets jaunes", "--synonyms", path]);
    assert_eq!(
        gilets.total_hits, 2,
        "the maillots jaunes are gilets jaunes now"
    );
    // Kiev, Kyiv and "capitale ukrainienne" are one group.
    let capital = sorted_ids(index, &["Kiev", "--synonyms", path]);
    assert_eq!(capital, ["kiev-bombes", "kyiv-cafes"]);
    let results = query_json(index, &[r#""capitale ukrainienne""#, "--synonyms", path]);
    assert_eq!(results.total_hits, 2);

    std::fs::write(file.path(), "Kiev, Kyiv\nKiev\n").unwrap();
    let refused = query(index, &["Kiev", "--synonyms", path]);
    assert_eq!(refused.status.code(), Some(2));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("line 2"), "{message}");
}
