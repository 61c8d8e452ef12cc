//! End-to-end runs of the query language through the binary, in text and JSON: phrases, exclusions, OR and parentheses, field prefixes, prefixes, dates, typo tolerance, and errors with their column.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;

/// The ids of every article a query finds.
fn ids(index: &Path, arguments: &[&str]) -> BTreeSet<String> {
    query_json(index, &[arguments, &["--limit", "100"]].concat())
        .hits
        .into_iter()
        .map(|hit| hit.id)
        .collect()
}

/// The titles the text output lists, in order.
fn text_titles(index: &Path, arguments: &[&str]) -> Vec<String> {
    let output = query(index, &[arguments, &["--limit", "100"]].concat());
    assert_ne!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    listed_titles(&output)
}

fn union(a: &BTreeSet<String>, b: &BTreeSet<String>) -> BTreeSet<String> {
    a.union(b).cloned().collect()
}

#[test]
fn field_prefix_with_a_french_phrase() {
    let index = indexed();
    let results = query_json(index.path(), &[r#"title:"corée du nord""#]);
    assert_eq!(
        titles(&results),
        ["La Corée du Sud révèle l’échange de missiles entre la Russie et la Corée du Nord"]
    );
    assert_eq!(results.query_terms, ["core", "nord"]);
    assert_eq!(
        text_titles(index.path(), &[r#"title:"Coree du Nord""#]),
        titles(&results)
    );
    // The same phrase anywhere finds more.
    assert!(ids(index.path(), &[r#""corée du nord""#]).len() > 1);
}

#[test]
fn title_and_body_prefixes_look_in_one_field() {
    let index = indexed();
    // "Cybersécurité" is in the title only; its body says "sécurité".
    assert_eq!(
        titles(&query_json(index.path(), &["title:cybersécurité"])),
        ["Cybersécurité : les hôpitaux français visés par une vague d’attaques"]
    );
    let in_body = query(index.path(), &["body:cybersécurité"]);
    assert_eq!(in_body.status.code(), Some(1), "no body has the word");
    assert!(stdout(&in_body).starts_with("0 articles match"));
    assert_eq!(
        text_titles(index.path(), &["body:sécurité", "title:hôpitaux"]),
        ["Cybersécurité : les hôpitaux français visés par une vague d’attaques"]
    );
    // A word in both the title and the body is in the body.
    assert_eq!(
        titles(&query_json(index.path(), &["body:hôpitaux"])),
        ["Cybersécurité : les hôpitaux français visés par une vague d’attaques"]
    );
    // Phrases: "vague d'attaques" is only in the title.
    assert_eq!(ids(index.path(), &["title:\"vague d'attaques\""]).len(), 1);
    assert!(ids(index.path(), &["body:\"vague d'attaques\""]).is_empty());
    assert_eq!(
        ids(index.path(), &["body:\"attaques informatiques\""]).len(),
        1
    );
    // Across all articles, body: finds what the text finds minus the title-only matches.
    let korea = ids(index.path(), &["Corée"]);
    let in_body = ids(index.path(), &["body:Corée"]);
    assert!(in_body.is_subset(&korea) && !in_body.is_empty());
}

#[test]
fn excluded_word_with_an_elision() {
    let index = indexed();
    let korea = ids(index.path(), &["Corée"]);
    let ukraine = ids(index.path(), &["Ukraine"]);
    let without: BTreeSet<String> = korea.difference(&ukraine).cloned().collect();
    assert!(!without.is_empty() && without.len() < korea.len());
    assert_eq!(ids(index.path(), &["Corée -l'Ukraine"]), without);
    assert_eq!(ids(index.path(), &["Corée -l’Ukraine"]), without);
    assert_eq!(ids(index.path(), &["Corée -(Ukraine)"]), without);
    assert_eq!(
        text_titles(index.path(), &["Corée -l'Ukraine"]).len(),
        without.len()
    );
}

#[test]
fn or_between_words_and_groups() {
    let index = indexed();
    let japan = ids(index.path(), &["Japon"]);
    let baku = ids(index.path(), &["Bakou"]);
    let either = union(&japan, &baku);
    assert!(either.len() > japan.len() && either.len() > baku.len());
    assert_eq!(ids(index.path(), &["Japon OR Bakou"]), either);
    assert_eq!(text_titles(index.path(), &["Japon OR Bakou"]).len(), 3);
    // Lower-case "or" is the French word, not the operator.
    assert!(ids(index.path(), &["Japon or Bakou"]).is_superset(&either));

    // Parentheses: the group is required, and so is one of the plain words beside it.
    let missiles = ids(index.path(), &["missiles"]);
    let both: BTreeSet<String> = missiles.intersection(&either).cloned().collect();
    assert!(!both.is_empty() && both.len() < either.len());
    assert_eq!(ids(index.path(), &["(Japon OR Bakou) missiles"]), both);
    assert_eq!(
        ids(index.path(), &["--all", "missiles (Japon OR Bakou)"]),
        both
    );
    // Inside parentheses every word is required: OR between two groups.
    let japan_missiles = ids(index.path(), &["--all", "Japon missiles"]);
    assert_eq!(
        ids(index.path(), &["(Japon missiles) OR Bakou"]),
        union(&japan_missiles, &baku)
    );
    assert_eq!(
        ids(index.path(), &[r#"(Corée "mer du Japon") OR Bakou"#]).len(),
        2
    );
}

#[test]
fn keyword_fields_match_whole_values_ignoring_accents() {
    let index = indexed();
    let economy = query_json(index.path(), &["category:économie"]);
    assert_eq!(economy.total_hits, 2);
    assert!(economy
        .hits
        .iter()
        .all(|hit| matches!(hit.category.as_deref(), Some("Economie" | "Économie"))));
    assert_eq!(
        text_titles(index.path(), &[r#"author:"claire dubois""#]),
        ["Pyongyang tire deux missiles balistiques en mer du Japon"]
    );
    assert_eq!(ids(index.path(), &["author:clai*"]).len(), 1);
    assert_eq!(
        ids(index.path(), &["Corée category:(Monde OR International)"]).len(),
        4
    );
}

#[test]
fn source_prefix_on_json_records() {
    let corpus = fixtures().join("inputs/records.jsonl");
    let index = tempfile::TempDir::new().unwrap();
    index_into(index.path(), &[&corpus]);
    let results = query_json(index.path(), &["source:exemple"]);
    assert_eq!(results.total_hits, 2);
    assert!(results
        .hits
        .iter()
        .all(|hit| hit.source.as_deref() == Some("Exemple")));
    assert_eq!(
        text_titles(index.path(), &["source:exemple", "Lille"]),
        ["Le Tour de France part de Lille"]
    );
}

#[test]
fn prefixes_match_folded_words_and_their_stems() {
    let index = indexed();
    let results = query_json(index.path(), &["cyber*"]);
    assert_eq!(
        titles(&results),
        ["Cybersécurité : les hôpitaux français visés par une vague d’attaques"]
    );
    assert_eq!(results.query_terms, ["cyber*"]);
    assert_eq!(
        results.hits[0].snippet.highlights.len(),
        0,
        "the body has no word starting with cyber"
    );
    // "gouvernement" is indexed as its stem "gouvern": the prefix's own stem finds it.
    assert_eq!(
        text_titles(index.path(), &["gouvernem*"]),
        ["Réforme des retraites : l’Élysée défend son calendrier"]
    );
    let economy = query_json(index.path(), &["l'écono*"]);
    assert_eq!(
        ids(index.path(), &["économie OR économistes OR économique"]),
        economy.hits.iter().map(|hit| hit.id.clone()).collect()
    );
    let reform = economy
        .hits
        .iter()
        .find(|hit| hit.title.starts_with("Réforme"))
        .unwrap();
    let snippet: Vec<char> = reform.snippet.text.chars().collect();
    let highlighted: Vec<String> = reform
        .snippet
        .highlights
        .iter()
        .map(|[start, end]| snippet[*start..*end].iter().collect())
        .collect();
    assert!(
        highlighted.contains(&"économie".to_string()),
        "{highlighted:?}"
    );
}

#[test]
fn dates_in_the_query_work_like_the_flags() {
    let index = indexed();
    let october = ids(
        index.path(),
        &["Corée", "--since", "2024-10", "--until", "2024-10"],
    );
    assert!(!october.is_empty());
    assert_eq!(ids(index.path(), &["Corée date:2024-10"]), october);
    let range = ids(index.path(), &["date:2024-10-22..2024-11-03"]);
    assert_eq!(
        range,
        ids(
            index.path(),
            &[
                "--since",
                "2024-10-22",
                "--until",
                "2024-11-03",
                "date:1900.."
            ]
        )
    );
    assert_eq!(range.len(), 4);
    let newest_first = text_titles(index.path(), &["date:2024-11"]);
    assert_eq!(newest_first.len(), 3);
}

#[test]
fn fuzzy_finds_typos_only_when_asked() {
    let index = indexed();
    let strict = query(index.path(), &["Pyongyagn"]);
    assert_eq!(strict.status.code(), Some(1));
    let fuzzy = query_json(index.path(), &["Pyongyagn", "--fuzzy"]);
    assert!(fuzzy.total_hits >= 1);
    assert!(fuzzy
        .hits
        .iter()
        .any(|hit| hit.title.starts_with("Pyongyang tire")));
    assert_eq!(
        text_titles(index.path(), &["Bakuo", "--fuzzy"]),
        ["Climat : les négociations de la COP s'enlisent à Bakou"]
    );
    // Exact matches still rank first, with the same hits as without --fuzzy.
    assert_eq!(
        titles(&query_json(index.path(), &["missiles", "--fuzzy"]))[0],
        titles(&query_json(index.path(), &["missiles"]))[0]
    );
}

#[test]
fn bad_queries_are_refused_with_their_column() {
    let index = indexed();
    for (text, expected) in [
        (
            "Corée (Nord OR Sud",
            "invalid query: '(' is never closed at column 7",
        ),
        (
            "Corée) Nord",
            "invalid query: ')' has no matching '(' at column 6",
        ),
        (
            "Corée OR",
            "invalid query: OR needs a word, phrase or group on its right at column 7",
        ),
        ("title: Séoul", "invalid query: title: needs a word"),
        (
            "Séoul date:2024-13",
            "invalid query: date:2024-13: \"2024-13\" is not a date",
        ),
        (
            "a* Séoul",
            "invalid query: a*: a prefix needs at least 2 letters",
        ),
    ] {
        let output = query(index.path(), &[text]);
        assert_eq!(output.status.code(), Some(2), "{text}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(
            message.starts_with(&format!("newsearch: {expected}")),
            "{text}: {message}"
        );
        assert!(output.stdout.is_empty(), "{text}");
        let json = query(index.path(), &[text, "--json"]);
        assert_eq!(json.status.code(), Some(2), "{text}");
        assert!(json.stdout.is_empty(), "{text}");
    }
    let output = query(index.path(), &["Corée (Nord OR Sud"]);
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("\n  Corée (Nord OR Sud\n        ^\n"),
        "a caret under the column: {message}"
    );
}

#[test]
fn query_help_documents_the_syntax() {
    let index = tempfile::TempDir::new().unwrap();
    let help = stdout(
        &newsearch(index.path())
            .args(["query", "--help"])
            .output()
            .unwrap(),
    );
    for construct in [
        "\"Corée du Nord\"",
        "-l'Ukraine",
        "Japon OR Bakou",
        "(Macron retraites) OR Borne",
        "title:Séoul",
        "body:\"mer du Japon\"",
        "category:Économie",
        "gouvern*",
        "date:2024-10-01..2024-11-15",
        "--fuzzy",
    ] {
        assert!(help.contains(construct), "{construct}");
    }
}

#[test]
fn deep_nesting_is_answered_up_to_the_bound_and_refused_beyond() {
    use newsearch::search::query_parser::MAX_NESTING;
    let index = indexed();
    // (shape, text before, opening, closing): `before + opening × depth + Corée + closing × depth`.
    let shapes = [
        ("groups", "", "(", ")"),
        ("negations", "Séoul ", "-(", ")"),
        ("ORs", "", "(", " OR Séoul)"),
        ("field prefixes", "", "title:(", ")"),
    ];
    for (shape, before, opening, closing) in shapes {
        let nested = |depth: usize| {
            format!(
                "{before}{}Corée{}",
                opening.repeat(depth),
                closing.repeat(depth)
            )
        };
        // The deepest query allowed runs, on the search threads too, in a debug build.
        let output = query(index.path(), &[&nested(MAX_NESTING), "--json"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{shape}: {stderr}"
        );
        let results: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert!(results["hits"].is_array(), "{shape}");
        // Deeper, up to the depth that used to overflow a stack, is a clear error.
        for depth in [MAX_NESTING + 1, 461, 10_000] {
            let output = query(index.path(), &[&nested(depth)]);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{shape} {depth}: {stderr}");
            assert!(
                stderr.starts_with(&format!(
                    "newsearch: invalid query: parentheses nest more than {MAX_NESTING} deep at column "
                )),
                "{shape} {depth}: {stderr}"
            );
        }
    }
}
