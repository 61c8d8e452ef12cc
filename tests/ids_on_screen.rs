//! What is on screen leads on: text results show each hit's id (and URL), which `show` and `similar` take; `show` also takes the file an article was read from.

mod common;

use common::*;

/// The metadata line of each hit in text output, split on " · ".
fn metadata_lines(text: &str) -> Vec<Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    lines
        .windows(2)
        .filter(|pair| {
            pair[0]
                .split_once(". ")
                .is_some_and(|(rank, _)| rank.trim().parse::<usize>().is_ok())
        })
        .map(|pair| pair[1].trim().split(" · ").map(str::to_string).collect())
        .collect()
}

#[test]
fn text_results_show_the_id_that_show_and_similar_take() {
    let index = indexed();
    let index = index.path();
    let text = stdout(&query(index, &["Séoul sommet"]));
    let lines = metadata_lines(&text);
    assert!(!lines.is_empty(), "{text}");
    let ids = hit_ids(index, &["Séoul sommet"]);
    for (details, id) in lines.iter().zip(&ids) {
        // date · category · author · id · file
        assert_eq!(&details[details.len() - 2], id, "{details:?}");
        assert!(details.last().unwrap().ends_with(".txt"), "{details:?}");
    }
    let first = &lines[0][lines[0].len() - 2];
    let shown = newsearch(index).args(["show", first]).output().unwrap();
    assert_eq!(shown.status.code(), Some(0));
    assert!(stdout(&shown).contains(&format!("id {first}")));
    let similar = newsearch(index).args(["similar", first]).output().unwrap();
    assert!(matches!(similar.status.code(), Some(0 | 1)), "{similar:?}");
}

#[test]
fn text_results_show_the_url_when_the_article_has_one() {
    let index = matching_index();
    let text = stdout(&query(index.path(), &["Macron Maroc"]));
    let lines = metadata_lines(&text);
    assert_eq!(
        lines[0][lines[0].len() - 2..],
        [
            record("macron-maroc"),
            "https://exemple.fr/france/macron-maroc".to_string()
        ],
        "{text}"
    );
}

#[test]
fn show_takes_the_file_an_article_was_read_from() {
    let index = indexed();
    let index = index.path();
    let file = fixtures().join("news/Monde/seoul-sommet.txt");
    let by_file = newsearch(index)
        .args(["show", "--json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(by_file.status.code(), Some(0), "{by_file:?}");
    let article: serde_json::Value = serde_json::from_slice(&by_file.stdout).unwrap();
    let id = article["id"].as_str().unwrap();
    let by_id = newsearch(index)
        .args(["show", "--json", id])
        .output()
        .unwrap();
    assert_eq!(by_file.stdout, by_id.stdout);

    // A file of many articles names a few of them; a file not indexed says so.
    let matching = matching_index();
    let many = newsearch(matching.path())
        .arg("show")
        .arg(matching_corpus())
        .output()
        .unwrap();
    assert_eq!(many.status.code(), Some(2));
    let message = String::from_utf8_lossy(&many.stderr);
    let listed = message
        .split_once("holds 30 articles (")
        .and_then(|(_, rest)| rest.split_once("…)"))
        .map(|(ids, _)| ids.split(", ").map(str::to_string).collect::<Vec<_>>())
        .unwrap_or_else(|| panic!("{message}"));
    // Three of the file's articles, by id, whichever way the index laid them out.
    assert_eq!(listed.len(), 3, "{message}");
    assert!(listed.windows(2).all(|pair| pair[0] < pair[1]), "{message}");
    for id in &listed {
        let shown = newsearch(matching.path())
            .args(["show", "--json", id])
            .output()
            .unwrap();
        let article: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
        let path = article["path"].as_str().unwrap_or_default();
        assert!(path.ends_with("articles.jsonl"), "{id}: {path}");
    }
    let elsewhere = newsearch(matching.path())
        .arg("show")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(elsewhere.status.code(), Some(2));
    let message = String::from_utf8_lossy(&elsewhere.stderr);
    assert!(message.contains("is not in the index"), "{message}");
}
