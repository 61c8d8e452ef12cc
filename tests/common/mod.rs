//! Helpers shared by the end-to-end tests: a hermetic `newsearch` command, temporary indexes of the fixtures, and the JSON schema as a script decodes it.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Output};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde::Deserialize;
use tempfile::TempDir;

/// The JSON schema as a script would decode it: unknown or missing fields fail the tests.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Results {
    pub query: String,
    pub query_terms: Vec<String>,
    pub total_hits: u64,
    pub partial_hits: u64,
    pub total_distinct: u64,
    pub elapsed_ms: f64,
    pub offset: usize,
    pub limit: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    pub suggestions: Vec<Suggestion>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Suggestion {
    pub word: String,
    pub suggestion: String,
    pub articles: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hit {
    pub rank: usize,
    pub score: f32,
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub date_inferred: bool,
    pub category: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub path: String,
    pub snippet: Snippet,
    pub duplicates: Vec<String>,
    #[serde(rename = "match")]
    pub matched: String,
    pub missing: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facets {
    pub category: Option<Vec<FacetCount>>,
    pub date_granularity: Option<String>,
    pub date: Option<Vec<FacetCount>>,
    pub author: Option<Vec<FacetCount>>,
    pub source: Option<Vec<FacetCount>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FacetCount {
    pub value: Option<String>,
    pub count: u64,
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `newsearch` with none of the user's settings from the environment (index, engine,
/// cluster, settings file, `NO_COLOR`).
pub fn bare_newsearch() -> std::process::Command {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin!("newsearch"));
    for variable in [
        "NEWSEARCH_INDEX",
        "NEWSEARCH_ENGINE",
        "NEWSEARCH_URL",
        "NEWSEARCH_OS_INDEX",
        "NEWSEARCH_CONFIG",
        "NO_COLOR",
    ] {
        command.env_remove(variable);
    }
    command
}

/// A hermetic `newsearch` command: no inherited index or colour settings.
pub fn newsearch(index: &Path) -> Command {
    Command::from_std(newsearch_process(index))
}

/// The same command as a plain process, for tests that spawn it and signal it while it runs.
pub fn newsearch_process(index: &Path) -> std::process::Command {
    let mut command = bare_newsearch();
    command
        // No settings file but the test's own: not the user's, not one in the folder.
        .env("NEWSEARCH_CONFIG", "/dev/null")
        .arg("--index")
        .arg(index);
    command
}

/// Runs `newsearch index` with these arguments into the index at `index`.
pub fn index_into(index: &Path, arguments: &[impl AsRef<OsStr>]) -> Output {
    newsearch(index)
        .arg("index")
        .args(arguments)
        .output()
        .unwrap()
}

/// The seed pages and the news fixtures (10 articles).
pub fn fixture_corpus() -> [PathBuf; 2] {
    [fixtures().join("seeds"), fixtures().join("news")]
}

/// A temporary index of the fixture corpus.
pub fn indexed() -> TempDir {
    let directory = TempDir::new().unwrap();
    let [seeds, news] = fixture_corpus();
    let output = index_into(directory.path(), &[&seeds, &news]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    directory
}

pub fn query(index: &Path, arguments: &[&str]) -> Output {
    newsearch(index)
        .arg("query")
        .args(arguments)
        .output()
        .unwrap()
}

pub fn query_json(index: &Path, arguments: &[&str]) -> Results {
    let output = query(index, &[arguments, &["--json"]].concat());
    assert!(
        output.status.code() != Some(2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON of the documented schema")
}

pub fn titles(results: &Results) -> Vec<&str> {
    results.hits.iter().map(|hit| hit.title.as_str()).collect()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// What a run said on standard error, as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The titles a text output lists, in rank order.
pub fn listed_titles(output: &Output) -> Vec<String> {
    stdout(output)
        .lines()
        .filter_map(|line| line.split_once(". "))
        .filter(|(rank, _)| rank.trim().parse::<usize>().is_ok())
        .map(|(_, title)| title.to_string())
        .collect()
}

/// How many articles match `text`, read from the query's JSON output.
pub fn total_hits(index: &Path, text: &str) -> u64 {
    let output = newsearch(index)
        .args(["query", text, "--json"])
        .output()
        .unwrap();
    let results: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    results["total_hits"].as_u64().unwrap()
}

/// Copies the folder `from` and everything in it to `to`, as `cp -r` does.
pub fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_folder(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// The matching fixture: 30 short news records (one JSON Lines dump) written to tell apart
/// full and partial matches, spellings, names and dates.
pub fn matching_corpus() -> PathBuf {
    fixtures().join("matching/articles.jsonl")
}

/// A temporary index of the matching fixture.
pub fn matching_index() -> TempDir {
    let directory = TempDir::new().unwrap();
    let output = index_into(directory.path(), &[&matching_corpus()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    directory
}

/// The id the index gives the matching fixture's record whose own `id` is `name`: made from
/// the file's place (the file itself was given) and the record's id.
pub fn record(name: &str) -> String {
    newsearch::article::ArticleKey {
        relative_path: "articles.jsonl".to_string(),
        identity: format!("id:{name}"),
        occurrence: 1,
    }
    .id()
}

/// The record's own id (`gilets-jaunes`) for an article id of the matching fixture, to keep
/// assertions readable; any other id as it is.
pub fn record_name(id: &str) -> String {
    record_name_in(&matching_corpus(), id)
}

/// The record's own id for an article id of `corpus`, an `articles.jsonl` indexed as one
/// input folder; any other id as it is.
pub fn record_name_in(corpus: &Path, id: &str) -> String {
    let records = std::fs::read_to_string(corpus).unwrap();
    records
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record["id"].as_str().map(str::to_string))
        .find(|name| record(name) == id)
        .unwrap_or_else(|| id.to_string())
}

/// The ids of the hits a query shows, in rank order (records of the matching fixture by
/// their own id, see [`record_name`]).
pub fn hit_ids(index: &Path, arguments: &[&str]) -> Vec<String> {
    query_json(index, arguments)
        .hits
        .into_iter()
        .map(|hit| record_name(&hit.id))
        .collect()
}

/// Sends the signal `name` ("STOP", "CONT", "INT") to a running `newsearch`.
pub fn signal(child: &Child, name: &str) {
    let status = std::process::Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(status.success());
}

/// Waits until `ready` holds, or fails after a minute.
pub fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let started = Instant::now();
    while !ready() {
        assert!(started.elapsed() < Duration::from_secs(60), "never: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}
