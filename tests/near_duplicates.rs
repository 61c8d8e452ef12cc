//! End-to-end runs of near-duplicate collapsing through the binary, in text and JSON: one result per group with the others' ids, `--no-collapse`, groups kept up to date by re-indexing.

mod common;

use std::path::Path;

use common::*;
use tempfile::TempDir;

/// The seed pages and two copies of the first one: exact, and with a few words changed.
fn indexed_with_copies() -> TempDir {
    let index = TempDir::new().unwrap();
    let output = index_into(
        index.path(),
        &[&fixtures().join("seeds"), &fixtures().join("duplicates")],
    );
    assert!(output.status.success());
    assert!(
        stdout(&output).contains("; 1 exact duplicate;"),
        "{}",
        stdout(&output)
    );
    index
}

fn ids_of(results: &Results) -> Vec<&str> {
    results.hits.iter().map(|hit| hit.id.as_str()).collect()
}

#[test]
fn copies_fold_into_one_result_with_their_ids() {
    let index = indexed_with_copies();
    let folded = query_json(index.path(), &["soldats nord-coréens Ukraine"]);
    let all = query_json(
        index.path(),
        &["soldats nord-coréens Ukraine", "--no-collapse"],
    );
    assert_eq!(folded.total_hits, all.total_hits);
    assert_eq!(all.total_distinct, all.total_hits);
    assert_eq!(folded.total_distinct, folded.total_hits - 2);
    assert_eq!(folded.hits.len(), all.hits.len() - 2);
    let story = &folded.hits[0];
    assert!(story.title.starts_with("Soldats nord-coréens en Ukraine"));
    assert_eq!(story.duplicates.len(), 2);
    // The copies are the articles with the same title, ranked just below it without folding.
    let copies: Vec<&str> = all
        .hits
        .iter()
        .filter(|hit| hit.title == story.title && hit.id != story.id)
        .map(|hit| hit.id.as_str())
        .collect();
    assert_eq!(story.duplicates, copies);
    assert!(all.hits.iter().all(|hit| hit.duplicates.is_empty()));
    for copy in &copies {
        assert!(!ids_of(&folded).contains(copy));
    }

    let text = stdout(&query(index.path(), &["soldats nord-coréens Ukraine"]));
    assert!(
        text.contains(&format!(
            "+ 2 near-duplicates: {}, {}\n",
            copies[0], copies[1]
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "articles match «soldats nord-coréens Ukraine» ({} after folding near-duplicates;",
            folded.total_distinct
        )),
        "{text}"
    );
    let plain = stdout(&query(
        index.path(),
        &["soldats nord-coréens Ukraine", "--no-collapse"],
    ));
    assert!(!plain.contains("near-duplicate"), "{plain}");
}

#[test]
fn paging_counts_folded_results() {
    let index = indexed_with_copies();
    let whole = query_json(index.path(), &["Corée"]);
    let second_page = query_json(index.path(), &["Corée", "--limit", "2", "--offset", "2"]);
    assert_eq!(ids_of(&second_page), ids_of(&whole)[2..4]);
}

#[test]
fn a_later_run_groups_new_copies_with_earlier_articles() {
    let index = indexed_with_copies();
    let copies = fixtures().join("duplicates");
    let story = |index: &Path| {
        query_json(index, &["soldats nord-coréens Ukraine"]).hits[0]
            .duplicates
            .len()
    };
    assert_eq!(story(index.path()), 2);
    // A fresh index of the seeds alone: nothing to fold.
    let alone = TempDir::new().unwrap();
    index_into(alone.path(), &[&fixtures().join("seeds")]);
    assert_eq!(story(alone.path()), 0);
    // Adding the copies to it in a second run groups them with the article indexed earlier.
    index_into(alone.path(), &[&copies]);
    assert_eq!(story(alone.path()), 2);
}

#[test]
fn copies_fold_without_the_groups_file_or_with_a_stale_one() {
    let query_text = "soldats nord-coréens Ukraine";
    let folds = |index: &Path, case: &str| {
        let results = query_json(index, &[query_text]);
        let all = query_json(index, &[query_text, "--no-collapse"]);
        assert_eq!(results.total_distinct, all.total_hits - 2, "{case}");
        assert_eq!(results.hits[0].duplicates.len(), 2, "{case}");
    };
    let index = indexed_with_copies();
    let groups_file = index.path().join("near-duplicates.json");
    std::fs::remove_file(&groups_file).unwrap();
    folds(index.path(), "no groups file (a run killed at its end)");
    std::fs::write(&groups_file, "{\"max_distance\": 3, \"gro").unwrap();
    folds(index.path(), "a damaged groups file");

    // The groups file of the seeds alone, left beside an index that has the copies too: a
    // run killed between its last commit and the groups.
    let index = TempDir::new().unwrap();
    assert!(index_into(index.path(), &[&fixtures().join("seeds")])
        .status
        .success());
    let stale = std::fs::read(index.path().join("near-duplicates.json")).unwrap();
    let output = index_into(
        index.path(),
        &[&fixtures().join("seeds"), &fixtures().join("duplicates")],
    );
    assert!(output.status.success(), "{}", stdout(&output));
    std::fs::write(index.path().join("near-duplicates.json"), stale).unwrap();
    folds(index.path(), "a stale groups file");
}
