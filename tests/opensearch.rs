//! The OpenSearch engine end to end, on a real 3-node cluster (1 replica) that these tests start through `opensearch/cluster` and share: the same hits, facets, snippets and JSON as the embedded engine on the fixture corpus, idempotent and incremental indexing, `show`/`similar`/`stats`, and the analysis difference measured.
//!
//! The cluster is skipped, with a message, only when Java or Maven is missing, unless
//! `NEWSEARCH_REQUIRE_OPENSEARCH` is set (as `.ci/run` does), which makes that a failure.
//! Its nodes halt when this test process ends (`NEWSEARCH_WATCH_PID`), passing or not.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::{fixture_corpus, fixtures, indexed, query_json, Results};
use newsearch::analysis::analyze;
use serde_json::Value;

/// Nodes of the shared cluster, and how much heap each JVM gets.
const NODES: u16 = 3;
const HEAP_MB: &str = "384";

/// The shared cluster: the HTTP URLs of its nodes.
struct Cluster {
    urls: Vec<String>,
}

static CLUSTER: OnceLock<Option<Cluster>> = OnceLock::new();

/// The shared cluster, started on first use; `None` (with a message) when Java or Maven
/// is missing.
fn cluster() -> Option<&'static Cluster> {
    CLUSTER.get_or_init(start_cluster).as_ref()
}

fn start_cluster() -> Option<Cluster> {
    for (tool, flag) in [("java", "-version"), ("mvn", "-v")] {
        let works = Command::new(tool)
            .arg(flag)
            .output()
            .is_ok_and(|output| output.status.success());
        if !works {
            let message = format!(
                "skipping the OpenSearch tests: `{tool}` is not installed (they need Java 17 and Maven 3.8)"
            );
            assert!(
                std::env::var_os("NEWSEARCH_REQUIRE_OPENSEARCH").is_none(),
                "{message}, and NEWSEARCH_REQUIRE_OPENSEARCH is set"
            );
            eprintln!("{message}");
            return None;
        }
    }
    let (http, transport) = free_ports();
    let directory = Path::new(env!("CARGO_TARGET_TMPDIR")).join("opensearch-cluster");
    // The nodes' data from an earlier run of these tests: theirs, never a user's.
    let _ = std::fs::remove_dir_all(&directory);
    let output = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("opensearch/cluster"))
        .args(["start", &NODES.to_string()])
        .env("NEWSEARCH_CLUSTER_DIR", &directory)
        .env("HTTP_PORT", http.to_string())
        .env("TRANSPORT_PORT", transport.to_string())
        .env("HEAP_MB", HEAP_MB)
        .env("NEWSEARCH_WATCH_PID", std::process::id().to_string())
        .output()
        .expect("opensearch/cluster runs");
    assert!(
        output.status.success(),
        "the cluster did not start:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(Cluster {
        urls: (http..http + NODES)
            .map(|port| format!("http://127.0.0.1:{port}"))
            .collect(),
    })
}

/// A first HTTP port and a first transport port with `NODES` free ports each.
fn free_ports() -> (u16, u16) {
    let free = |first: u16| {
        (first..first + NODES).all(|port| TcpListener::bind(("127.0.0.1", port)).is_ok())
    };
    (19_200..29_200)
        .step_by(10)
        .find(|&http| free(http) && free(http + 10_000))
        .map(|http| (http, http + 10_000))
        .expect("free loopback ports for the test cluster")
}

/// `newsearch` on the cluster's index `name`; no setting inherited from the environment.
fn newsearch_on(cluster: &Cluster, name: &str) -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin!("newsearch"));
    for variable in [
        "NEWSEARCH_INDEX",
        "NEWSEARCH_ENGINE",
        "NEWSEARCH_URL",
        "NEWSEARCH_OS_INDEX",
        "NO_COLOR",
    ] {
        command.env_remove(variable);
    }
    command
        .args(["--engine", "opensearch", "--url", &cluster.urls.join(",")])
        .args(["--os-index", name]);
    command
}

fn succeeded(output: Output) -> Output {
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Indexes these inputs into the cluster's index `name`; returns the summary line.
fn index_on(cluster: &Cluster, name: &str, inputs: &[&Path]) -> String {
    let output = newsearch_on(cluster, name)
        .arg("index")
        .args(inputs)
        .output()
        .unwrap();
    String::from_utf8_lossy(&succeeded(output).stdout).into_owned()
}

fn query_on(cluster: &Cluster, name: &str, arguments: &[&str]) -> Results {
    let output = newsearch_on(cluster, name)
        .arg("query")
        .args(arguments)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        output.status.code() != Some(2),
        "{arguments:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON of the documented schema")
}

fn json_on(cluster: &Cluster, name: &str, arguments: &[&str]) -> Value {
    let output = newsearch_on(cluster, name)
        .args(arguments)
        .arg("--json")
        .output()
        .unwrap();
    serde_json::from_slice(&succeeded(output).stdout).unwrap()
}

/// Each hit as its near-duplicate group (its id and its folded copies'), in rank order:
/// which copy of a group leads when their scores tie is each engine's index order.
fn groups(results: &Results) -> Vec<BTreeSet<&str>> {
    results
        .hits
        .iter()
        .map(|hit| {
            let copies = hit.duplicates.iter().map(String::as_str);
            std::iter::once(hit.id.as_str()).chain(copies).collect()
        })
        .collect()
}

/// The fixture corpus (seeds and news) indexed on the cluster under `name`.
fn corpus_on(cluster: &Cluster, name: &str) {
    let [seeds, news] = fixture_corpus();
    let duplicates = fixtures().join("duplicates");
    index_on(cluster, name, &[&seeds, &news, &duplicates]);
}

/// Every construct of the query language, with the options that change what matches.
const QUERIES: &[&[&str]] = &[
    &["Corée"],
    &["Corée Séoul"],
    &["Corée Séoul", "--all"],
    &["\"Corée du Nord\""],
    &["missiles -Japon"],
    &["Corée -\"Corée du Sud\""],
    &["Japon OR Bakou"],
    &["(Japon OR Corée) missiles"],
    &["(Macron retraites) OR \"Élisabeth Borne\""],
    &["title:Séoul"],
    &["title:\"corée du nord\""],
    &["body:Séoul"],
    &["body:\"mer du Japon\""],
    &["category:Économie"],
    &["author:\"Claire Dubois\""],
    &["author:clai*"],
    &["gouvern*"],
    &["l'écono*"],
    &["l’économie"],
    &["date:2024-10"],
    &["date:2024-10-01..2024-11-15"],
    &["Pyongyagn", "--fuzzy"],
    &["Kim Jong-un"],
    &["soldats"],
    &["soldats", "--no-collapse"],
    &["Corée", "--since", "2024-11"],
    &["Corée", "--category", "Monde"],
    &["missiles", "--sort", "date"],
    &["missiles", "--sort=-date"],
    &["Combien de missiles la Corée du Nord a-t-elle tirés ?"],
    &[
        "climat",
        "--facets",
        "category,date,author,source",
        "--facet-date",
        "year",
    ],
    &["Corée", "--facet-date", "2023,2024-01..2024-10,2024-11.."],
];

#[test]
fn every_query_construct_gives_the_embedded_engines_hits_facets_and_highlights() {
    let Some(cluster) = cluster() else { return };
    corpus_on(cluster, "constructs");
    let local = indexed();
    let duplicates = fixtures().join("duplicates");
    succeeded(common::index_into(local.path(), &[&duplicates]));
    let mut ranked_same = 0;
    let mut largest_score_difference = 0f32;
    for arguments in QUERIES {
        let arguments = [*arguments, &["--limit", "100"]].concat();
        let embedded = query_json(local.path(), &arguments);
        let cluster_results = query_on(cluster, "constructs", &arguments);
        let context = format!("{arguments:?}");
        assert_eq!(cluster_results.total_hits, embedded.total_hits, "{context}");
        assert_eq!(
            cluster_results.total_distinct, embedded.total_distinct,
            "{context}"
        );
        assert_eq!(
            cluster_results.query_terms, embedded.query_terms,
            "{context}"
        );
        let set = |results| groups(results).into_iter().collect::<BTreeSet<_>>();
        assert_eq!(set(&cluster_results), set(&embedded), "{context}");
        ranked_same += usize::from(groups(&cluster_results) == groups(&embedded));
        assert_eq!(
            format!("{:?}", cluster_results.facets),
            format!("{:?}", embedded.facets),
            "{context}"
        );
        for hit in &cluster_results.hits {
            let local_hit = embedded
                .hits
                .iter()
                .find(|other| other.id == hit.id || other.duplicates.contains(&hit.id))
                .unwrap();
            let difference = (hit.score - local_hit.score).abs() / local_hit.score.abs().max(1e-3);
            largest_score_difference = largest_score_difference.max(difference);
            assert_highlights_are_query_terms(&hit.snippet, &cluster_results.query_terms, &context);
            assert_eq!(
                hit.snippet.highlights.is_empty(),
                local_hit.snippet.highlights.is_empty(),
                "{context}: {} {:?} / {:?}",
                hit.id,
                hit.snippet,
                local_hit.snippet
            );
        }
    }
    eprintln!(
        "OpenSearch vs embedded: {ranked_same} of {} queries rank their hits in the same order; scores differ by {:.0}% at most",
        QUERIES.len(),
        largest_score_difference * 100.0
    );
    // Same hits, same facets; the order may differ where BM25 statistics differ slightly
    // (reported above), but not for most queries.
    assert!(
        ranked_same * 4 >= QUERIES.len() * 3,
        "{ranked_same} of {}",
        QUERIES.len()
    );
}

/// Every highlighted word of a snippet analyses to one of the query's terms, or starts with
/// one of its prefixes.
fn assert_highlights_are_query_terms(snippet: &common::Snippet, terms: &[String], context: &str) {
    let characters: Vec<char> = snippet.text.chars().collect();
    for [start, end] in &snippet.highlights {
        let word: String = characters[*start..*end].iter().collect();
        let analysed = analyze(&word);
        assert!(
            analysed.iter().any(
                |token| terms.iter().any(|term| match term.strip_suffix('*') {
                    Some(prefix) => token.term.starts_with(&prefix[..prefix.len().min(4)]),
                    None => *term == token.term,
                })
            ),
            "{context}: highlighted {word:?} is none of {terms:?}"
        );
    }
}

#[test]
fn a_rerun_never_duplicates_and_changed_and_removed_files_are_followed() {
    let Some(cluster) = cluster() else { return };
    let folder = tempfile::TempDir::new().unwrap();
    let news = fixtures().join("news");
    for entry in walk(&news) {
        let target = folder.path().join(entry.strip_prefix(&news).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &target).unwrap();
    }
    let count = || {
        json_on(cluster, "incremental", &["stats"])["articles"]
            .as_u64()
            .unwrap()
    };
    let climate = || query_on(cluster, "incremental", &["climat"]).total_hits;
    let first = index_on(cluster, "incremental", &[folder.path()]);
    assert!(first.contains("the index holds 5 articles"), "{first}");
    let again = index_on(cluster, "incremental", &[folder.path()]);
    assert!(again.contains("5 unchanged files"), "{again}");
    assert_eq!(count(), 5);
    let climate_before = climate();

    let climate_file = folder.path().join("sommet-climat.txt");
    std::fs::write(
        &climate_file,
        "Titre : Un autre sommet\n\nLes glaciers fondent au Groenland.\n",
    )
    .unwrap();
    let removed = walk(&folder.path().join("Monde")).remove(0);
    std::fs::remove_file(&removed).unwrap();
    let third = index_on(cluster, "incremental", &[folder.path()]);
    assert!(
        third.contains("1 missing files removed") || third.contains("1 missing file removed"),
        "{third}"
    );
    assert_eq!(count(), 4);
    assert_eq!(
        query_on(cluster, "incremental", &["Groenland"]).total_hits,
        1
    );
    assert_eq!(climate(), climate_before - 1);
}

fn walk(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn show_similar_and_stats_answer_as_the_embedded_engine() {
    let Some(cluster) = cluster() else { return };
    corpus_on(cluster, "commands");
    let local = indexed();
    let duplicates = fixtures().join("duplicates");
    succeeded(common::index_into(local.path(), &[&duplicates]));
    let local_json = |arguments: &[&str]| -> Value {
        let output = common::newsearch(local.path())
            .args(arguments)
            .arg("--json")
            .output()
            .unwrap();
        serde_json::from_slice(&succeeded(output).stdout).unwrap()
    };

    let (mut embedded, mut on_cluster) = (
        local_json(&["stats"]),
        json_on(cluster, "commands", &["stats"]),
    );
    for stats in [&mut embedded, &mut on_cluster] {
        // The bytes each engine takes are its own.
        stats.as_object_mut().unwrap().remove("index_bytes");
    }
    assert_eq!(on_cluster, embedded);

    let soldiers = query_json(local.path(), &["soldats", "--no-collapse"]);
    let id = soldiers.hits[0].id.as_str();
    let shown = json_on(cluster, "commands", &["show", id]);
    assert_eq!(shown, local_json(&["show", id]));

    let embedded_similar = local_json(&["similar", id]);
    let cluster_similar = json_on(cluster, "commands", &["similar", id]);
    let decode = |results: Value| -> Results { serde_json::from_value(results).unwrap() };
    let (embedded_similar, cluster_similar) = (decode(embedded_similar), decode(cluster_similar));
    assert_eq!(groups(&cluster_similar), groups(&embedded_similar));
    assert!(!groups(&cluster_similar)
        .iter()
        .any(|group| group.contains(id)));
}

#[test]
fn the_clusters_french_analyzer_gives_newsearch_terms() {
    let Some(cluster) = cluster() else { return };
    index_on(cluster, "analysis", &[&fixtures().join("news")]);
    let mut texts = Vec::new();
    let [seeds, news] = fixture_corpus();
    for file in walk(&seeds).into_iter().chain(walk(&news)) {
        texts.push(std::fs::read_to_string(file).unwrap());
    }
    texts.push("L’économie des États-Unis et l'Élysée, aujourd'hui jusqu'à Kim Jong-un".into());
    let (mut same, mut total) = (0usize, 0usize);
    let agent = ureq::agent();
    for text in &texts {
        let request = serde_json::json!({"analyzer": "newsearch_french", "text": text});
        let answer = agent
            .post(&format!("{}/analysis/_analyze", cluster.urls[0]))
            .set("Content-Type", "application/json")
            .send_string(&request.to_string())
            .unwrap()
            .into_string()
            .unwrap();
        let answer: Value = serde_json::from_str(&answer).unwrap();
        let theirs: Vec<String> = answer["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .map(|token| token["token"].as_str().unwrap().to_string())
            .collect();
        let ours: Vec<String> = analyze(text).into_iter().map(|token| token.term).collect();
        if texts.last() == Some(text) {
            assert_eq!(theirs, ours, "{text}");
        }
        // Terms in common, counted as multisets: a term one side lacks shifts no other.
        let mut counts: HashMap<&str, i64> = HashMap::new();
        for term in &ours {
            *counts.entry(term).or_default() += 1;
        }
        for term in &theirs {
            let count = counts.entry(term).or_default();
            if *count > 0 {
                same += 1;
            }
            *count -= 1;
        }
        total += ours.len().max(theirs.len());
    }
    eprintln!("the cluster's analyzer gives newsearch's term at {same} of {total} positions on the fixture corpus");
    assert!(same * 1000 >= total * 995, "{same} of {total}");
}
