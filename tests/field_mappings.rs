//! `--field` mappings are stored with the index: a changed mapping reads the dumps again, a later run without the flag keeps them and says so, `--rebuild` keeps them, `--forget-fields` drops them.

use std::path::Path;

use tempfile::TempDir;

mod common;
use common::{index_into, newsearch, stderr, stdout, total_hits};

fn record(id: &str, titre: &str, contenu: &str) -> String {
    format!("{{\"id\": \"{id}\", \"titre\": \"{titre}\", \"contenu\": \"{contenu}\"}}\n")
}

/// A dump whose article text is under a key newsearch does not know: `contenu`.
fn dump(folder: &Path) {
    std::fs::write(
        folder.join("depeches.jsonl"),
        [
            record(
                "afp-1",
                "Le budget",
                "Le gouvernement présente son budget au Parlement.",
            ),
            record(
                "afp-2",
                "La grève",
                "Une grève perturbe le trafic ferroviaire.",
            ),
        ]
        .concat(),
    )
    .unwrap();
}

#[test]
fn mappings_are_remembered_until_forgotten() {
    let corpus = TempDir::new().unwrap();
    dump(corpus.path());
    let folder = corpus.path().to_str().unwrap();
    let index_dir = TempDir::new().unwrap();
    let index_dir = index_dir.path();

    // newsearch index news: no article text, and the message says which flag to give.
    let first = index_into(index_dir, &[folder]);
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("--field body=KEY"),
        "{}",
        stderr(&first)
    );
    assert_eq!(total_hits(index_dir, "budget"), 0);

    // newsearch index news --field body=contenu: the unchanged dump is read again.
    let mapped = index_into(index_dir, &[folder, "--field", "body=contenu"]);
    assert_eq!(mapped.status.code(), Some(0), "{}", stderr(&mapped));
    let summary = stdout(&mapped);
    assert!(
        summary.contains("Indexed 2 articles from 1 file"),
        "{summary}"
    );
    assert!(
        summary.contains("--field body=contenu (now stored with the index for later runs; 1 unchanged file read again for them)"),
        "{summary}"
    );
    assert_eq!(total_hits(index_dir, "budget"), 1);

    // A plain run keeps the mapping, says so, and reads nothing.
    let plain = index_into(index_dir, &[folder]);
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    let summary = stdout(&plain);
    assert!(
        summary.contains("Indexed 0 articles from 0 files"),
        "{summary}"
    );
    assert!(
        summary.contains("mappings stored with the index: --field body=contenu"),
        "{summary}"
    );
    assert_eq!(total_hits(index_dir, "budget"), 1);

    // An edited dump is read with the stored mapping.
    let mut records = std::fs::read_to_string(corpus.path().join("depeches.jsonl")).unwrap();
    records.push_str(&record(
        "afp-3",
        "Le port",
        "Le port de Marseille s'agrandit.",
    ));
    std::fs::write(corpus.path().join("depeches.jsonl"), records).unwrap();
    let edited = index_into(index_dir, &[folder]);
    assert_eq!(edited.status.code(), Some(0), "{}", stderr(&edited));
    assert!(stdout(&edited).contains("Indexed 3 articles from 1 file"));
    assert_eq!(total_hits(index_dir, "Marseille"), 1);

    // --rebuild keeps the mapping too.
    let rebuilt = index_into(index_dir, &[folder, "--rebuild"]);
    assert_eq!(rebuilt.status.code(), Some(0), "{}", stderr(&rebuilt));
    assert!(stdout(&rebuilt).contains("the index holds 3 articles"));
    assert!(stdout(&rebuilt).contains("--field body=contenu"));
    assert_eq!(total_hits(index_dir, "grève"), 1);

    // --forget-fields reads the dump again without it.
    let forgotten = index_into(index_dir, &[folder, "--forget-fields"]);
    assert_eq!(forgotten.status.code(), Some(1), "{}", stderr(&forgotten));
    assert!(
        stdout(&forgotten).contains(
            "The --field mappings stored with the index are forgotten; 1 unchanged file read again for them."
        ),
        "{}",
        stdout(&forgotten)
    );
    assert_eq!(total_hits(index_dir, "budget"), 0);
    let after = index_into(index_dir, &[folder]);
    assert!(!stdout(&after).contains("--field"), "{}", stdout(&after));
}

#[test]
fn a_rebuild_of_a_damaged_index_keeps_its_mappings() {
    let corpus = TempDir::new().unwrap();
    dump(corpus.path());
    let folder = corpus.path().to_str().unwrap();
    let index_dir = TempDir::new().unwrap();
    let index_dir = index_dir.path();
    let mapped = index_into(index_dir, &[folder, "--field", "body=contenu"]);
    assert_eq!(mapped.status.code(), Some(0), "{}", stderr(&mapped));
    // A segment's count in meta.json no longer matches the segment: the index is damaged.
    let meta_path = index_dir.join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&meta_path).unwrap()).unwrap();
    let max_doc = meta["segments"][0]["max_doc"].as_i64().unwrap();
    meta["segments"][0]["max_doc"] = serde_json::Value::from(max_doc + 5);
    std::fs::write(&meta_path, serde_json::to_vec(&meta).unwrap()).unwrap();
    let damaged = newsearch(index_dir)
        .args(["query", "grève"])
        .output()
        .unwrap();
    assert!(
        stderr(&damaged).contains("is damaged"),
        "{}",
        stderr(&damaged)
    );

    let rebuilt = index_into(index_dir, &[folder, "--rebuild"]);
    assert_eq!(rebuilt.status.code(), Some(0), "{}", stderr(&rebuilt));
    assert!(
        stdout(&rebuilt).contains("--field body=contenu"),
        "{}",
        stdout(&rebuilt)
    );
    assert_eq!(total_hits(index_dir, "grève"), 1);
    assert_eq!(total_hits(index_dir, "budget"), 1);
}

#[test]
fn a_changed_mapping_reads_the_dumps_again_but_not_the_pages() {
    let corpus = TempDir::new().unwrap();
    dump(corpus.path());
    std::fs::write(
        corpus.path().join("page.html"),
        "<html><head><title>Le climat</title></head><body><article><p>Le sommet sur le climat s'ouvre à Bakou.</p></article></body></html>",
    )
    .unwrap();
    let folder = corpus.path().to_str().unwrap();
    let index_dir = TempDir::new().unwrap();
    let index_dir = index_dir.path();
    let first = index_into(index_dir, &[folder, "--field", "body=contenu"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(stdout(&first).contains("Indexed 3 articles from 2 files"));

    // The title was under `titre`: mapping it reads the dump again, not the page.
    let titles = index_into(
        index_dir,
        &[folder, "--field", "body=contenu", "--field", "title=titre"],
    );
    assert_eq!(titles.status.code(), Some(0), "{}", stderr(&titles));
    let summary = stdout(&titles);
    assert!(
        summary.contains("Indexed 2 articles from 1 file"),
        "{summary}"
    );
    assert!(summary.contains("1 unchanged file;"), "{summary}");
    assert!(
        summary.contains("1 unchanged file read again for them"),
        "{summary}"
    );
    assert_eq!(total_hits(index_dir, "title:grève"), 1);
    assert_eq!(total_hits(index_dir, "budget OR grève OR climat"), 3);

    // The same mappings written otherwise are the same mappings: nothing is read.
    let respelled = index_into(
        index_dir,
        &[
            folder,
            "--field",
            "title = titre",
            "--field",
            "body = contenu",
        ],
    );
    let summary = stdout(&respelled);
    assert!(
        summary.contains("Indexed 0 articles from 0 files"),
        "{summary}"
    );
    assert!(summary.contains("(as stored with the index)"), "{summary}");
}
