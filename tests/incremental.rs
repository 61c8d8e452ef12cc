//! Indexing again: only new and changed files are read, a changed dump replaces exactly its own articles, gone files are removed (or kept with --keep-missing).

use std::path::Path;
use std::process::Output;
use std::time::{Duration, SystemTime};

use tempfile::TempDir;

mod common;
use common::{newsearch, total_hits};

fn page(title: &str, sentence: &str) -> String {
    format!("{title}\n\n{sentence} Les habitants ont été nombreux à venir voir le résultat, selon la mairie.\n")
}

fn record(id: &str, body: &str) -> String {
    format!("{{\"id\": \"{id}\", \"title\": \"Dépêche {id}\", \"body\": \"{body}\"}}\n")
}

fn index(index: &Path, corpus: &Path, extra: &[&str]) -> (String, String) {
    let output: Output = newsearch(index)
        .arg("index")
        .args(extra)
        .arg(corpus)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    (String::from_utf8(output.stdout).unwrap(), stderr)
}

/// Writes `text` to `path` and moves its modification time forward, so that even a
/// rewrite of the same size within the clock's resolution is seen as a change.
fn rewrite(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
    let later = SystemTime::now() + Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(later)
        .unwrap();
}

fn write_corpus(corpus: &Path) {
    let write = |name: &str, text: String| std::fs::write(corpus.join(name), text).unwrap();
    write(
        "tramway.txt",
        page("Le tramway arrive", "Le tramway relie le centre."),
    );
    write(
        "piscine.txt",
        page("La piscine rouvre", "La piscine municipale rouvre."),
    );
    write(
        "stade.txt",
        page("Le stade s'agrandit", "Le stade gagne des places."),
    );
    write(
        "sport.jsonl",
        [
            record("s1", "Le cycliste gagne l'étape."),
            record("s2", "Le nageur bat le record."),
        ]
        .concat(),
    );
    write(
        "culture.jsonl",
        [
            record("c1", "Le violoniste joue à Lyon."),
            record("c2", "Le peintre expose à Nantes."),
        ]
        .concat(),
    );
}

#[test]
fn a_second_run_reads_only_what_changed() {
    let corpus = TempDir::new().unwrap();
    write_corpus(corpus.path());
    let index_dir = TempDir::new().unwrap();
    let (first, _) = index(index_dir.path(), corpus.path(), &[]);
    assert!(
        first.starts_with("Indexed 7 articles from 5 files in "),
        "{first}"
    );

    let (unchanged, _) = index(index_dir.path(), corpus.path(), &[]);
    assert!(
        unchanged.starts_with("Indexed 0 articles from 0 files in "),
        "{unchanged}"
    );
    assert!(
        unchanged
            .contains("; 5 unchanged files; 0 missing files removed; the index holds 7 articles."),
        "{unchanged}"
    );

    // Same size, new words: only the modification time tells.
    rewrite(
        &corpus.path().join("piscine.txt"),
        &page("La patinoire rouvre", "La patinoire municipale rouvre."),
    );
    std::fs::remove_file(corpus.path().join("stade.txt")).unwrap();
    std::fs::write(
        corpus.path().join("musee.txt"),
        page("Le musée s'ouvre", "Le musée accueille ses visiteurs."),
    )
    .unwrap();
    rewrite(
        &corpus.path().join("sport.jsonl"),
        &[
            record("s1", "Le cycliste gagne l'étape."),
            record("s3", "Le rameur franchit la ligne."),
        ]
        .concat(),
    );
    let (changed, stderr) = index(index_dir.path(), corpus.path(), &[]);
    assert!(
        changed.starts_with("Indexed 4 articles from 3 files in "),
        "{changed}"
    );
    assert!(
        changed
            .contains("; 2 unchanged files; 1 missing file removed; the index holds 7 articles."),
        "{changed}"
    );
    let gone = corpus.path().canonicalize().unwrap().join("stade.txt");
    assert_eq!(
        stderr,
        format!(
            "newsearch: removed the articles of {}: no longer found under the inputs\n",
            gone.display()
        )
    );
    for (word, expected) in [
        ("piscine", 0),
        ("patinoire", 1),
        ("stade", 0),
        ("musée", 1),
        ("nageur", 0),
        ("rameur", 1),
        ("cycliste", 1),
        ("violoniste", 1),
        ("peintre", 1),
        ("tramway", 1),
    ] {
        assert_eq!(total_hits(index_dir.path(), word), expected, "{word}");
    }
}

#[test]
fn keep_missing_keeps_the_articles_of_gone_files() {
    let corpus = TempDir::new().unwrap();
    write_corpus(corpus.path());
    let index_dir = TempDir::new().unwrap();
    index(index_dir.path(), corpus.path(), &[]);
    std::fs::remove_file(corpus.path().join("culture.jsonl")).unwrap();
    let (summary, stderr) = index(index_dir.path(), corpus.path(), &["--keep-missing"]);
    assert!(
        summary.contains("; 4 unchanged files; 1 missing file kept; the index holds 7 articles."),
        "{summary}"
    );
    assert!(
        stderr.contains("kept the articles of ") && stderr.contains("culture.jsonl"),
        "{stderr}"
    );
    assert_eq!(total_hits(index_dir.path(), "violoniste"), 1);

    let (summary, _) = index(index_dir.path(), corpus.path(), &[]);
    assert!(
        summary.contains("; 1 missing file removed; the index holds 5 articles."),
        "{summary}"
    );
    assert_eq!(total_hits(index_dir.path(), "violoniste"), 0);
}

#[test]
fn files_outside_the_inputs_are_not_missing() {
    let corpus = TempDir::new().unwrap();
    write_corpus(corpus.path());
    let other = TempDir::new().unwrap();
    std::fs::write(
        other.path().join("port.txt"),
        page("Le port s'agrandit", "Le port accueille des cargos."),
    )
    .unwrap();
    let index_dir = TempDir::new().unwrap();
    index(index_dir.path(), corpus.path(), &[]);
    let (summary, _) = index(index_dir.path(), other.path(), &[]);
    assert!(
        summary.contains("; 0 missing files removed; the index holds 8 articles."),
        "{summary}"
    );
    assert_eq!(total_hits(index_dir.path(), "tramway"), 1);
    assert_eq!(total_hits(index_dir.path(), "port"), 1);
}

#[test]
fn rebuild_starts_from_scratch() {
    let corpus = TempDir::new().unwrap();
    write_corpus(corpus.path());
    let index_dir = TempDir::new().unwrap();
    index(index_dir.path(), corpus.path(), &[]);
    let (summary, _) = index(index_dir.path(), corpus.path(), &["--rebuild"]);
    assert!(
        summary.starts_with("Indexed 7 articles from 5 files in "),
        "{summary}"
    );
    assert!(summary.contains("; 0 unchanged files; "), "{summary}");
}
