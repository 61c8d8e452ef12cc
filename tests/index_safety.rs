//! Opening damaged, foreign and incompatible indexes, and two writers at once: clear messages that say what to do, never a panic, never harm to the index being written.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use tantivy::schema::{Schema, TantivyDocument, STORED, TEXT};
use tantivy::Index;
use tempfile::TempDir;

mod common;
use common::{newsearch, total_hits};

use newsearch::index::open_index;

fn news_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/news")
}

fn index_news(index: &Path, extra: &[&str]) -> Output {
    newsearch(index)
        .arg("index")
        .args(extra)
        .arg(news_fixtures())
        .output()
        .unwrap()
}

/// The segment files of an index with this extension.
fn segment_files(index: &Path, extension: &str) -> Vec<PathBuf> {
    std::fs::read_dir(index)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|found| found == extension))
        .collect()
}

/// Both commands refuse the index with `message` and the advice to rebuild; a rebuild
/// then makes a working index.
fn assert_refused_then_rebuilt(index: &Path, message: &str) {
    let query = newsearch(index).args(["query", "Séoul"]).output().unwrap();
    let indexing = index_news(index, &[]);
    for output in [query, indexing] {
        let errors = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{errors}");
        assert!(errors.contains(message), "{message:?} not in {errors}");
        assert!(
            errors.contains("run `newsearch index --rebuild`"),
            "{errors}"
        );
        assert!(!errors.contains("panicked"), "{errors}");
    }
    let rebuilt = index_news(index, &["--rebuild"]);
    assert!(
        rebuilt.status.success(),
        "{}",
        String::from_utf8_lossy(&rebuilt.stderr)
    );
    assert_eq!(total_hits(index, "Séoul"), 2);
}

fn built_index() -> TempDir {
    let index = TempDir::new().unwrap();
    assert!(index_news(index.path(), &[]).status.success());
    assert_eq!(total_hits(index.path(), "Séoul"), 2);
    index
}

#[test]
fn a_missing_segment_file_is_a_damaged_index() {
    let index = built_index();
    std::fs::remove_file(&segment_files(index.path(), "store")[0]).unwrap();
    assert_refused_then_rebuilt(index.path(), "is damaged");
}

#[test]
fn a_truncated_segment_file_is_a_damaged_index() {
    let index = built_index();
    let postings = &segment_files(index.path(), "idx")[0];
    let bytes = std::fs::read(postings).unwrap();
    std::fs::write(postings, &bytes[..bytes.len() / 2]).unwrap();
    assert_refused_then_rebuilt(index.path(), "is damaged");
}

#[test]
fn a_wrong_article_count_in_meta_json_is_a_damaged_index_for_every_command() {
    for change in [3_i64, -1] {
        let index = built_index();
        let meta_path = index.path().join("meta.json");
        let mut meta: Value =
            serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
        let max_doc = &mut meta["segments"][0]["max_doc"];
        *max_doc = Value::from(max_doc.as_i64().unwrap() + change);
        std::fs::write(&meta_path, meta.to_string()).unwrap();
        for command in [
            &["stats"][..],
            &["show", "0000000000000000"],
            &["similar", "0000000000000000"],
            &["query", "Séoul"],
        ] {
            let output = newsearch(index.path()).args(command).output().unwrap();
            let errors = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{command:?}: {errors}");
            assert!(
                errors.contains("is damaged (meta.json counts"),
                "{command:?}: {errors}"
            );
        }
        assert_refused_then_rebuilt(index.path(), "is damaged (meta.json counts");
    }
}

#[test]
fn flipped_bits_in_the_postings_never_crash_a_command() {
    let index = built_index();
    let postings = segment_files(index.path(), "idx")
        .into_iter()
        .max_by_key(|path| std::fs::metadata(path).unwrap().len())
        .unwrap();
    let pristine = std::fs::read(&postings).unwrap();
    for place in (0..pristine.len()).step_by(pristine.len() / 6 + 1) {
        let mut bytes = pristine.clone();
        bytes[place] ^= 0x40;
        std::fs::write(&postings, &bytes).unwrap();
        for command in [&["query", "Séoul OR climat OR retraites"][..], &["stats"]] {
            let output = newsearch(index.path()).args(command).output().unwrap();
            let errors = String::from_utf8_lossy(&output.stderr);
            // Answers (the damage may not be read), or says "damaged": never a crash, and
            // never the internal error that a panic left uncaught by the checks would give.
            match output.status.code() {
                Some(0 | 1) => {}
                Some(2) => assert!(
                    errors.contains("is damaged"),
                    "byte {place}, {command:?}: {errors}"
                ),
                other => panic!("byte {place}, {command:?}: status {other:?}: {errors}"),
            }
        }
    }
}

#[test]
fn garbage_in_meta_json_is_a_damaged_index() {
    let index = built_index();
    std::fs::write(index.path().join("meta.json"), "garbage{").unwrap();
    assert_refused_then_rebuilt(index.path(), "is damaged");
}

#[test]
fn an_index_of_another_format_is_incompatible() {
    let index = built_index();
    let meta_path = index.path().join("meta.json");
    let mut meta: Value = serde_json::from_slice(&std::fs::read(&meta_path).unwrap()).unwrap();
    meta["payload"] = Value::String(r#"{"format": 99, "files": {}}"#.to_string());
    std::fs::write(&meta_path, meta.to_string()).unwrap();
    assert_refused_then_rebuilt(
        index.path(),
        "was made by another version of newsearch (index format 99; this version reads format 5)",
    );
}

/// Another program's tantivy index holds only names newsearch writes too, but it is not
/// newsearch's: refused, never rebuilt (that would delete it).
#[test]
fn a_foreign_tantivy_index_is_not_a_newsearch_index_and_is_left_alone() {
    let index = TempDir::new().unwrap();
    let mut schema = Schema::builder();
    schema.add_text_field("content", TEXT | STORED);
    Index::create_in_dir(index.path(), schema.build()).unwrap();
    let meta = std::fs::read(index.path().join("meta.json")).unwrap();
    let query = newsearch(index.path())
        .args(["query", "Séoul"])
        .output()
        .unwrap();
    for output in [
        query,
        index_news(index.path(), &[]),
        index_news(index.path(), &["--rebuild"]),
    ] {
        let errors = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{errors}");
        assert!(errors.contains("not a newsearch index"), "{errors}");
        assert!(
            errors.contains("its meta.json is not a newsearch index's"),
            "{errors}"
        );
        assert!(!errors.contains("--rebuild"), "{errors}");
    }
    assert_eq!(std::fs::read(index.path().join("meta.json")).unwrap(), meta);
}

#[test]
fn an_index_of_an_older_schema_is_incompatible() {
    let index = TempDir::new().unwrap();
    let mut schema = Schema::builder();
    for name in ["id", "path", "text"] {
        schema.add_text_field(name, TEXT | STORED);
    }
    Index::create_in_dir(index.path(), schema.build()).unwrap();
    assert_refused_then_rebuilt(index.path(), "was made by another version of newsearch");
}

#[test]
fn a_second_writer_fails_at_once_and_queries_see_the_last_commit() {
    let index = built_index();
    let article_index = open_index(index.path()).unwrap();
    let fields = &article_index.fields;
    let mut writer = article_index
        .index
        .writer_with_num_threads(1, 20 << 20)
        .unwrap();
    let mut document = TantivyDocument::default();
    document.add_text(fields.path, "/elsewhere/fantome.txt");
    document.add_text(fields.title, "Le fantôme de l'opéra");
    document.add_text(fields.text, "Le fantôme de l'opéra");
    document.add_text(fields.body, "Le fantôme hante l'opéra.");
    writer.add_document(document).unwrap();

    let second = index_news(index.path(), &[]);
    let errors = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(2), "{errors}");
    assert!(
        errors.contains("is being written by another `newsearch index`")
            && errors.contains(".tantivy-writer.lock"),
        "{errors}"
    );
    assert_eq!(total_hits(index.path(), "Séoul"), 2, "the last commit");
    assert_eq!(total_hits(index.path(), "fantôme"), 0, "not committed yet");

    writer.commit().unwrap();
    drop(writer);
    assert_eq!(
        total_hits(index.path(), "fantôme"),
        1,
        "the first writer's work"
    );
    assert_eq!(total_hits(index.path(), "Séoul"), 2);
    assert!(index_news(index.path(), &[]).status.success());
}
