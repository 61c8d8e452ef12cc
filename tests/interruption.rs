//! Killing and interrupting real indexing runs: the index always opens at a committed state, and a re-run makes it equal to a clean build.
//!
//! The short version runs in `cargo test`; `NEWSEARCH_LONG_TESTS=1` kills at more points
//! over a larger corpus (the orangesum dump, split into files, when `../shared/data` exists).

use std::cell::RefCell;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::{newsearch, newsearch_process, signal, wait_until};

use newsearch::index::{index_files, open_index, IndexingOptions, IndexingProgress};

/// Queries whose top 10 must be the same in a resumed index and in a clean build.
const QUERIES: [&str; 6] = [
    "Corée du Nord",
    "ministre des affaires étrangères",
    "élection présidentielle",
    "\"la police\"",
    "économie France",
    "artistes Mali",
];

fn long_tests() -> bool {
    std::env::var_os("NEWSEARCH_LONG_TESTS").is_some()
}

/// The sentences of the sample pages: real French text to build articles from.
fn sentences() -> Vec<String> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut sentences = Vec::new();
    for entry in std::fs::read_dir(seeds).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        sentences.extend(
            text.split(['.', '\n'])
                .map(str::trim)
                .filter(|sentence| sentence.split_whitespace().count() >= 6)
                .map(|sentence| sentence.replace('"', "'")),
        );
    }
    sentences.sort();
    sentences
}

/// A corpus of JSON Lines dumps and text pages made of those sentences, in a fixed
/// pseudo-random order; `files` files of `records` articles each.
fn write_corpus(folder: &Path, files: usize, records: usize) {
    let sentences = sentences();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        sentences[(state % sentences.len() as u64) as usize].as_str()
    };
    for file in 0..files {
        if file % 4 == 3 {
            let body: Vec<&str> = (0..8).map(|_| next()).collect();
            let page = format!("{}\n\n{}.\n", next(), body.join(". "));
            std::fs::write(folder.join(format!("page-{file:03}.txt")), page).unwrap();
            continue;
        }
        let mut dump = std::fs::File::create(folder.join(format!("dump-{file:03}.jsonl"))).unwrap();
        for record in 0..records {
            let body: Vec<&str> = (0..6).map(|_| next()).collect();
            writeln!(
                dump,
                "{{\"id\": \"{file}-{record}\", \"title\": \"{}\", \"body\": \"{}.\"}}",
                next(),
                body.join(". ")
            )
            .unwrap();
        }
    }
}

/// The orangesum dump split into files of 1000 records, when the shared data is there.
fn write_orangesum(folder: &Path) -> bool {
    let dump =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/orangesum/orangesum.jsonl.zst");
    let Ok(file) = std::fs::File::open(dump) else {
        return false;
    };
    let text = std::io::read_to_string(zstd::stream::read::Decoder::new(file).unwrap()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for (number, chunk) in lines.chunks(1000).enumerate() {
        std::fs::write(
            folder.join(format!("orangesum-{number:02}.jsonl")),
            chunk.join("\n"),
        )
        .unwrap();
    }
    true
}

/// Records the article count of every commit of a run.
#[derive(Default)]
struct CommitRecorder {
    counts: RefCell<Vec<u64>>,
}

impl IndexingProgress for CommitRecorder {
    fn started(&self, _files: u64, _bytes: u64) {}
    fn file_done(&self, _expected: u64, _read: u64) {}
    fn committing(&self) {}
    fn committed(&self, articles_in_index: u64) {
        self.counts.borrow_mut().push(articles_in_index);
    }
}

/// Small enough for several commits in the short corpus (each commit costs a flush and fsyncs).
const COMMIT_EVERY: u64 = 120;

/// The article counts of every committed state of a run from an empty index.
fn committed_states(corpus: &Path) -> Vec<u64> {
    let index = TempDir::new().unwrap();
    let options = IndexingOptions {
        memory_budget: 64 << 20,
        commit_every: COMMIT_EVERY,
        ..IndexingOptions::new(index.path().to_path_buf(), vec![corpus.to_path_buf()])
    };
    let recorder = CommitRecorder::default();
    index_files(&options, &recorder).unwrap();
    let mut counts = recorder.counts.into_inner();
    counts.insert(0, 0);
    counts
}

fn start_indexing(index: &Path, corpus: &Path) -> Child {
    newsearch_process(index)
        .arg("index")
        .arg("--commit-every")
        .arg(COMMIT_EVERY.to_string())
        .arg(corpus)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn finish_indexing(index: &Path, corpus: &Path) -> String {
    let output = start_indexing(index, corpus).wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Articles in the committed index; 0 when no commit was made yet.
fn article_count(index: &Path) -> u64 {
    if !index.join("meta.json").exists() {
        return 0;
    }
    let opened = open_index(index).expect("a killed run leaves an index that opens");
    opened.index.reader().unwrap().searcher().num_docs()
}

/// The JSON results of every query.
fn query_results(index: &Path) -> Vec<Value> {
    QUERIES
        .iter()
        .map(|text| {
            let output = newsearch(index)
                .args(["query", text, "--json"])
                .output()
                .unwrap();
            serde_json::from_slice(&output.stdout).expect("valid JSON")
        })
        .collect()
}

/// How many articles match each query.
fn total_hits(index: &Path) -> Vec<u64> {
    query_results(index)
        .iter()
        .map(|results| results["total_hits"].as_u64().unwrap())
        .collect()
}

/// The top 10 of every query as groups of equal score, best first, each group's ids sorted:
/// the order among articles of the same score depends on where they sit in the index. The
/// last group may continue past the 10th hit, so only its size is kept.
fn top_tens(index: &Path) -> Vec<Vec<(String, Vec<String>)>> {
    query_results(index)
        .iter()
        .map(|results| {
            let mut groups: Vec<(String, Vec<String>)> = Vec::new();
            for hit in results["hits"].as_array().unwrap() {
                let score = format!("{:.4}", hit["score"].as_f64().unwrap());
                let id = hit["id"].as_str().unwrap().to_string();
                match groups.last_mut() {
                    Some((last, ids)) if *last == score => ids.push(id),
                    _ => groups.push((score, vec![id])),
                }
            }
            for (_, ids) in &mut groups {
                ids.sort();
            }
            if let Some((_, ids)) = groups.last_mut() {
                *ids = vec![ids.len().to_string()];
            }
            groups
        })
        .collect()
}

struct CleanBuild {
    count: u64,
    top_tens: Vec<Vec<(String, Vec<String>)>>,
    total_hits: Vec<u64>,
    duration: Duration,
}

fn clean_build(corpus: &Path) -> CleanBuild {
    let index = TempDir::new().unwrap();
    let started = Instant::now();
    finish_indexing(index.path(), corpus);
    let duration = started.elapsed();
    let top_tens = top_tens(index.path());
    assert!(top_tens.iter().all(|top| !top.is_empty()), "{top_tens:?}");
    CleanBuild {
        count: article_count(index.path()),
        top_tens,
        total_hits: total_hits(index.path()),
        duration,
    }
}

fn kill_at_many_points(corpus: &Path, points: u32) {
    let states = committed_states(corpus);
    assert!(states.len() >= 5, "several commits: {states:?}");
    let clean = clean_build(corpus);
    assert_eq!(*states.last().unwrap(), clean.count);
    let mut seen = Vec::new();
    for point in 1..=points {
        let index = TempDir::new().unwrap();
        let mut run = start_indexing(index.path(), corpus);
        std::thread::sleep(clean.duration * point / (points + 1));
        run.kill().unwrap();
        run.wait().unwrap();
        let count = article_count(index.path());
        assert!(
            states.contains(&count),
            "killed at point {point}: {count} articles, not a committed state of {states:?}"
        );
        seen.push(count);
        finish_indexing(index.path(), corpus);
        assert_eq!(article_count(index.path()), clean.count, "point {point}");
        assert_eq!(top_tens(index.path()), clean.top_tens, "point {point}");
    }
    seen.dedup();
    assert!(
        seen.len() >= 3,
        "the kills fell on several committed states: {seen:?}"
    );
}

#[test]
fn killed_runs_leave_a_committed_state_and_resume_to_a_clean_build() {
    let corpus = TempDir::new().unwrap();
    if long_tests() && write_orangesum(corpus.path()) {
        kill_at_many_points(corpus.path(), 40);
    } else {
        let files = if long_tests() { 400 } else { 32 };
        write_corpus(corpus.path(), files, 30);
        kill_at_many_points(corpus.path(), if long_tests() { 40 } else { 20 });
    }
}

#[test]
fn ctrl_c_commits_what_is_done_and_the_next_run_resumes_while_others_wait() {
    let corpus = TempDir::new().unwrap();
    write_corpus(corpus.path(), 32, 30);
    let clean = clean_build(corpus.path());
    let index = TempDir::new().unwrap();
    let run = start_indexing(index.path(), corpus.path());
    // Paused after its first commit, the run holds the writer's lock with more to read,
    // however fast or loaded the machine.
    wait_until("the run's first commit", || article_count(index.path()) > 0);
    signal(&run, "STOP");

    // Meanwhile, a second run is refused at once and a query sees the last commit.
    let second = start_indexing(index.path(), corpus.path())
        .wait_with_output()
        .unwrap();
    let refusal = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(2), "{refusal}");
    assert!(refusal.contains(".tantivy-writer.lock"), "{refusal}");
    let during = newsearch(index.path())
        .args(["query", "Corée", "--json"])
        .output()
        .unwrap();
    assert_ne!(during.status.code(), Some(2));
    serde_json::from_slice::<Value>(&during.stdout).expect("valid JSON");

    // The interruption waits for the run to go on, then stops it at once.
    signal(&run, "INT");
    signal(&run, "CONT");
    let output = run.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stdout}{stderr}");
    let count = article_count(index.path());
    assert!(count < clean.count, "interrupted before the end: {count}");
    assert!(
        stderr.contains(&format!(
            "newsearch: interrupted: the index holds the {count} articles committed so far; run the same command again to finish"
        )),
        "{stderr}"
    );
    let summary = finish_indexing(index.path(), corpus.path());
    assert!(
        summary.starts_with(&format!("Indexed {} articles", clean.count - count)),
        "{summary}"
    );
    assert_eq!(article_count(index.path()), clean.count);
    // The articles of the file being read at the interruption were deleted before the
    // commit; until segments merge they still weigh in word statistics, so scores may
    // differ slightly from a clean build: compare what matches, not the order.
    assert_eq!(total_hits(index.path()), clean.total_hits);
}
