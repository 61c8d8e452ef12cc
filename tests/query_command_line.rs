//! The command line a person types for `newsearch query`: words starting with `-` are exclusions, options work before and after the text, and no option is ever read as query text.

mod common;

use common::*;

#[test]
fn exclusions_typed_without_quotes_are_query_text() {
    let index = matching_index();
    let index = index.path();
    // `-nucléaire` used to be read as `-n ucléaire`.
    let macron = hit_ids(index, &["Macron", "-nucléaire"]);
    assert!(macron.contains(&"macron-maroc".to_string()), "{macron:?}");
    assert!(
        !macron.contains(&"macron-nucleaire".to_string()),
        "{macron:?}"
    );
    assert_eq!(macron, hit_ids(index, &["Macron -nucléaire"]));
    // `-attentat` used to be read as `-a`.
    let output = query(index, &["Macron", "-attentat"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");

    // A query that starts with an exclusion, typed as two words or quoted as one.
    let trump = hit_ids(index, &["-Corée", "Trump"]);
    assert_eq!(
        sorted(trump.clone()),
        ["trump-decret", "trump-poutine"],
        "Trump without Corée"
    );
    assert_eq!(trump, hit_ids(index, &["-Corée Trump"]));

    // An excluded phrase first: Séoul, but not the articles that say « Corée du Sud ».
    assert_eq!(
        hit_ids(index, &[r#"-"Corée du Sud" Séoul"#]),
        ["seoul-jeux"]
    );
    let results = query_json(index, &[r#"-"Corée du Sud" Séoul"#]);
    assert_eq!(results.query, r#"-"Corée du Sud" Séoul"#);
}

#[test]
fn options_work_before_and_after_the_text() {
    let index = matching_index();
    let index = index.path();
    let after = hit_ids(index, &["Trump", "-Corée", "--sort", "-date", "-n", "1"]);
    assert_eq!(after, ["trump-decret"], "the oldest first, one hit");
    for arguments in [
        &["-n", "1", "--sort=-date", "Trump", "-Corée"][..],
        &["--sort", "-date", "Trump", "-n1", "-Corée"],
        &["Trump", "--limit=1", "-Corée", "--sort", "-date"],
    ] {
        assert_eq!(hit_ids(index, arguments), after, "{arguments:?}");
    }
    // The global options too, after the text.
    let output = newsearch(index)
        .args(["query", "Trump", "--color", "never", "-Corée"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    // After a lone `--`, everything is text, even what looks like an option.
    let output = query(index, &["-n", "2", "--json", "--", "Trump", "-n", "--all"]);
    let results: Results = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(results.query, "Trump -n --all");
    assert_eq!(results.limit, 2);
}

#[test]
fn no_option_is_swallowed_into_the_query() {
    let index = matching_index();
    let index = index.path();
    for (arguments, named) in [
        (&["Macron", "--josn"][..], "--josn"),
        (&["Macron", "-j"], "-j"),
        (&["-x", "Macron"], "-x"),
        (&["Macron", "-n"], "--limit"),
        (&["Macron", "-n", "cinq"], "cinq"),
    ] {
        let output = query(index, arguments);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{arguments:?}: {stderr}");
        assert!(stderr.contains(named), "{arguments:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{arguments:?}");
    }
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}
