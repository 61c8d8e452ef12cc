//! Names with small words — Notre-Dame, Saint-Denis, Aix-en-Provence, Jean-Luc Mélenchon, Kim Jong-un — are searched as the name, the stop words inside a hyphenated name included.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;
use tempfile::TempDir;

/// A temporary index of the names fixture: short records, each name beside an article
/// that has its words apart.
fn names_index() -> TempDir {
    let directory = TempDir::new().unwrap();
    let output = index_into(directory.path(), &[&fixtures().join("names")]);
    assert!(output.status.success(), "{}", stderr(&output));
    directory
}

/// The record's own id for an article id of the names fixture.
fn name_of(id: &str) -> String {
    record_name_in(&fixtures().join("names/articles.jsonl"), id)
}

/// The articles that have the name "Notre-Dame", hyphen and all.
const WITH_NOTRE_DAME: [&str; 4] = [
    "incendie-notre-dame",
    "notre-dame-des-landes",
    "reouverture-notre-dame",
    "zad-evacuation",
];

/// The hits of a query, by record, in rank order, and which of them match fully.
fn hits(index: &Path, arguments: &[&str]) -> (Vec<String>, Vec<String>) {
    let results = query_json(index, arguments);
    let all = results.hits.iter().map(|hit| name_of(&hit.id)).collect();
    let full = results
        .hits
        .iter()
        .filter(|hit| hit.matched == "full")
        .map(|hit| name_of(&hit.id))
        .collect();
    (all, full)
}

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names
}

#[test]
fn a_hyphenated_name_is_searched_with_its_small_words() {
    let index = names_index();
    let index = index.path();
    for spelling in ["Notre-Dame", "NOTRE-DAME", "Notre‑Dame"] {
        let results = query_json(index, &[spelling]);
        assert_eq!(results.query_terms, ["dam", "notr"], "{spelling}");
        let (all, _) = hits(index, &[spelling]);
        // "Notre voisine, une vieille dame" has both words, not the name.
        assert_eq!(sorted(all), WITH_NOTRE_DAME, "{spelling}");
        assert_eq!(results.total_hits, 4, "{spelling}");
    }
    // In lower case a compound may be no name ("au-delà"): its words apart are looked for
    // too, below the name.
    let (all, _) = hits(index, &["notre-dame"]);
    assert_eq!(sorted(all[..4].to_vec()), WITH_NOTRE_DAME);
    assert_eq!(all[4..], ["dame-voisine"]);
    let (all, full) = hits(index, &["Saint-Denis"]);
    assert_eq!(
        (all, full),
        (
            vec!["stade-saint-denis".to_string()],
            vec!["stade-saint-denis".to_string()]
        )
    );
    let (all, _) = hits(index, &["Aix-en-Provence"]);
    assert_eq!(
        all,
        ["festival-aix"],
        "the vignerons' Aix and Provence are apart"
    );
    let (all, _) = hits(index, &["Jean-Luc Mélenchon"]);
    assert_eq!(all, ["melenchon-meeting"]);
}

#[test]
fn the_name_is_found_however_the_query_writes_it() {
    let index = names_index();
    let index = index.path();
    // With more words: the name is one of them, the article with all of them first.
    let (all, full) = hits(index, &["Notre-Dame de Paris"]);
    assert_eq!(full, ["incendie-notre-dame"]);
    assert_eq!(all[0], "incendie-notre-dame");
    assert!(!all.contains(&"dame-voisine".to_string()), "{all:?}");
    let (all, _) = hits(index, &["\"Notre-Dame de Paris\""]);
    assert_eq!(all, ["incendie-notre-dame"]);
    let (all, _) = hits(index, &["\"la cathédrale Notre-Dame\""]);
    assert_eq!(all, ["incendie-notre-dame"]);
    // A name whose other words still make a phrase is also found with its small words
    // written apart, below the name as typed.
    for text in ["Notre-Dame-des-Landes", "\"Notre-Dame-des-Landes\""] {
        let (all, full) = hits(index, &[text]);
        assert_eq!(all, ["notre-dame-des-landes", "zad-evacuation"], "{text}");
        assert_eq!(full.len(), 2, "{text}");
    }
    // Typed apart with capitals, the name ranks its articles first; "notre" alone is a
    // stop word, so the other lady is found too, below them.
    let (all, full) = hits(index, &["Notre Dame"]);
    assert_eq!(sorted(all[..4].to_vec()), WITH_NOTRE_DAME);
    assert_eq!(all[4], "dame-voisine");
    assert_eq!(full.len(), 5);
    let results = query_json(index, &["Notre Dame"]);
    assert_eq!(results.query_terms, ["dam", "notr"]);
    // Lower case, the words are words: "dame" is all that is searched.
    let results = query_json(index, &["notre dame"]);
    assert_eq!(results.query_terms, ["dam"]);
    // A name whose last syllable is a small word is found written both ways.
    for spelling in ["Kim Jong-un", "Kim Jong Un", "kim jong-un"] {
        let (_, full) = hits(index, &[spelling]);
        assert_eq!(sorted(full), ["kim-tir", "kim-visite"], "{spelling}");
    }
    // Two words typed apart still find the name, and the words apart after it.
    let (all, full) = hits(index, &["Saint Denis"]);
    assert_eq!(all[0], "stade-saint-denis");
    assert_eq!(sorted(full), ["saint-patron", "stade-saint-denis"]);
}

/// A compound in lower case is no name: "c'est-à-dire" is read as "c'est à dire", so an
/// article is not made longer (and every word of it scored lower) for saying it.
#[test]
fn a_compound_in_lower_case_weighs_as_its_words_apart() {
    let index = names_index();
    let results = query_json(index.path(), &["budget", "--no-collapse"]);
    let scores: Vec<(String, f32)> = results
        .hits
        .iter()
        .map(|hit| (name_of(&hit.id), hit.score))
        .collect();
    assert_eq!(scores.len(), 2, "{scores:?}");
    assert_eq!(scores[0].1, scores[1].1, "{scores:?}");
    // Typed in a query, the compound is found where articles write it, and apart.
    let (_, full) = hits(index.path(), &["c'est-à-dire", "--no-collapse"]);
    assert_eq!(sorted(full), ["budget-mots-apart", "budget-trait-union"]);
}

#[test]
fn the_name_is_highlighted_whole() {
    let index = names_index();
    let index = index.path();
    let results = query_json(index, &["Notre-Dame"]);
    for hit in &results.hits {
        let characters: Vec<char> = hit.snippet.text.chars().collect();
        let marked: Vec<String> = hit
            .snippet
            .highlights
            .iter()
            .map(|&[start, end]| characters[start..end].iter().collect())
            .collect();
        assert!(!marked.is_empty(), "{}", hit.snippet.text);
        assert!(
            marked.iter().all(|word| word == "Notre-Dame"),
            "{marked:?} in {}",
            hit.snippet.text
        );
    }
    let text = stdout(&query(index, &["Saint-Denis", "--color", "always"]));
    assert!(text.contains("\x1b[1;31mSaint-Denis\x1b[0m"), "{text}");
}

#[test]
fn prefixes_and_exclusions_keep_their_meaning() {
    let index = names_index();
    let index = index.path();
    let (all, _) = hits(index, &["dam*"]);
    assert_eq!(
        sorted(all),
        [
            "dame-voisine",
            "incendie-notre-dame",
            "notre-dame-des-landes",
            "reouverture-notre-dame",
            "zad-evacuation"
        ]
    );
    let (all, _) = hits(index, &["dame", "-Notre-Dame"]);
    assert_eq!(all, ["dame-voisine"]);
    let (all, _) = hits(index, &["aéroport", "-\"Notre-Dame-des-Landes\""]);
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn an_index_of_an_earlier_analysis_of_names_is_rebuilt_on_request() {
    let index = names_index();
    let meta_path = index.path().join("meta.json");
    let mut meta: Value = serde_json::from_slice(&std::fs::read(&meta_path).unwrap()).unwrap();
    let mut payload: Value = serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
    payload["format"] = Value::from(4);
    meta["payload"] = Value::String(payload.to_string());
    std::fs::write(&meta_path, meta.to_string()).unwrap();
    let refused = query(index.path(), &["Notre-Dame"]);
    assert_eq!(refused.status.code(), Some(2));
    let message = stderr(&refused);
    assert!(
        message.contains("index format 4; this version reads format 5")
            && message.contains("newsearch index --rebuild"),
        "{message}"
    );
    let rebuilt = newsearch(index.path())
        .args(["index", "--rebuild"])
        .arg(fixtures().join("names"))
        .output()
        .unwrap();
    assert!(rebuilt.status.success(), "{}", stderr(&rebuilt));
    assert_eq!(query_json(index.path(), &["Notre-Dame"]).total_hits, 4);
}
