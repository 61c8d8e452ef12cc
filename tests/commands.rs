//! End-to-end runs of `show`, `similar` and `stats` through the binary, in text and JSON.

mod common;

use std::path::Path;

use common::*;
use serde::Deserialize;
use tempfile::TempDir;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Article {
    id: String,
    title: String,
    date: Option<String>,
    date_inferred: bool,
    category: Option<String>,
    author: Option<String>,
    source: Option<String>,
    url: Option<String>,
    path: String,
    body: String,
    duplicates: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stats {
    articles: u64,
    oldest_date: Option<String>,
    newest_date: Option<String>,
    undated: u64,
    categories: Vec<FacetCount>,
    months: Vec<FacetCount>,
    duplicate_groups: u64,
    duplicate_copies: u64,
    index_bytes: u64,
}

/// The seeds, the news fixtures, and two copies of the first seed page.
fn indexed_with_copies() -> TempDir {
    let index = TempDir::new().unwrap();
    let inputs = ["seeds", "news", "duplicates"].map(|name| fixtures().join(name));
    let output = index_into(index.path(), &inputs.each_ref().map(|path| path.as_path()));
    assert!(output.status.success());
    index
}

fn run(index: &Path, arguments: &[&str]) -> std::process::Output {
    newsearch(index).args(arguments).output().unwrap()
}

/// The id of the best article for a query, and the ids folded into it.
fn best(index: &Path, text: &str) -> (String, Vec<String>) {
    let hit = query_json(index, &[text]).hits.remove(0);
    (hit.id, hit.duplicates)
}

#[test]
fn show_prints_one_article_in_full() {
    let index = indexed_with_copies();
    let (id, copies) = best(index.path(), "Pyongyang missiles balistiques");
    let output = run(index.path(), &["show", &id, "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let article: Article = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(article.id, id);
    assert!(copies.is_empty() && article.duplicates.is_empty());
    assert_eq!(
        article.title,
        "Pyongyang tire deux missiles balistiques en mer du Japon"
    );
    assert_eq!(article.date.as_deref(), Some("2024-11-03"));
    assert!(!article.date_inferred && article.url.is_none() && article.source.is_none());
    assert_eq!(
        (article.category.as_deref(), article.author.as_deref()),
        (Some("Monde"), Some("Claire Dubois"))
    );
    assert!(article.path.ends_with("pyongyang-missiles.txt"));
    assert!(article.body.starts_with("La Corée du Nord a tiré dimanche"));
    assert!(article.body.contains("\n\n"), "paragraphs are kept");

    let text = stdout(&run(index.path(), &["show", &id]));
    assert!(text.starts_with(
        "Pyongyang tire deux missiles balistiques en mer du Japon\n2024-11-03 · Monde · Claire Dubois\n"
    ), "{text}");
    assert!(text.contains(&format!(" · id {id}\n\n")), "{text}");
    assert!(text.contains(article.body.trim_end()), "the whole text");
}

#[test]
fn show_lists_near_duplicates_and_refuses_unknown_ids() {
    let index = indexed_with_copies();
    let (id, copies) = best(index.path(), "soldats nord-coréens Ukraine");
    assert_eq!(copies.len(), 2);
    let article: Article =
        serde_json::from_slice(&run(index.path(), &["show", &id, "--json"]).stdout).unwrap();
    let mut listed = article.duplicates.clone();
    listed.sort();
    let mut expected = copies.clone();
    expected.sort();
    assert_eq!(listed, expected);
    let text = stdout(&run(index.path(), &["show", &copies[0]]));
    assert!(text.contains("Near-duplicates: "), "{text}");
    assert!(text.contains(&id), "a copy lists the original: {text}");

    let missing = run(index.path(), &["show", "0000000000000000"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr)
        .contains("no article has the id \"0000000000000000\""));
}

#[test]
fn similar_finds_related_articles_without_the_article_or_its_copies() {
    let index = indexed_with_copies();
    let (id, copies) = best(index.path(), "soldats nord-coréens Ukraine");
    let output = run(index.path(), &["similar", &id, "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let results: Results = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(results.query, id);
    let found: Vec<&str> = results.hits.iter().map(|hit| hit.id.as_str()).collect();
    assert!(!found.contains(&id.as_str()));
    assert!(copies.iter().all(|copy| !found.contains(&copy.as_str())));
    // The other articles on North Korean troops in Russia come first, the budget-free
    // economy and climate articles are not found at all.
    let top: Vec<&str> = titles(&results).into_iter().take(3).collect();
    assert!(
        top.iter()
            .any(|title| title.contains("soldats nord-coréens déjà engagés")),
        "{top:?}"
    );
    assert!(titles(&results)
        .iter()
        .all(|title| !title.starts_with("Climat") && !title.starts_with("Réforme")));

    let text = run(index.path(), &["similar", &id, "--limit", "3"]);
    assert_eq!(listed_titles(&text), top);
    let missing = run(index.path(), &["similar", "nope"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn stats_count_articles_dates_categories_months_groups_and_size() {
    let index = indexed_with_copies();
    let output = run(index.path(), &["stats", "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let stats: Stats = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(stats.articles, 12);
    assert_eq!(stats.oldest_date.as_deref(), Some("2024-07-11"));
    assert_eq!(stats.newest_date.as_deref(), Some("2024-11-20"));
    assert_eq!(stats.undated, 3);
    let total = |counts: &[FacetCount]| counts.iter().map(|entry| entry.count).sum::<u64>();
    assert_eq!((total(&stats.categories), total(&stats.months)), (12, 12));
    assert_eq!(stats.categories[0].value.as_deref(), Some("International"));
    assert_eq!(stats.months[0].value.as_deref(), Some("2024-11"));
    assert_eq!((stats.duplicate_groups, stats.duplicate_copies), (1, 2));
    let on_disk: u64 = std::fs::read_dir(index.path())
        .unwrap()
        .map(|entry| entry.unwrap().metadata().unwrap())
        .filter(|metadata| metadata.is_file())
        .map(|metadata| metadata.len())
        .sum();
    assert_eq!(stats.index_bytes, on_disk);

    let text = stdout(&run(index.path(), &["stats"]));
    assert!(text.starts_with(
        "Articles: 12 (from 2024-07-11 to 2024-11-20; 3 undated)\nNear-duplicate groups: 1 (2 articles folded into another of their group)\nIndex size: "
    ), "{text}");
    assert!(text.contains("Per category:\n  International "), "{text}");
    assert!(text.contains("Per month:\n  2024-11 "), "{text}");
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let index = indexed_with_copies();
    let (id, _) = best(index.path(), "Pyongyang");
    for arguments in [
        &["stats"][..],
        &["show", &id],
        &["similar", &id],
        &["query", "Corée"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsearch"))
            .env_remove("NEWSEARCH_INDEX")
            .arg("--index")
            .arg(index.path())
            .args(arguments)
            .stdout(writer)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{arguments:?}");
        assert!(
            output.stderr.is_empty(),
            "{arguments:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
