//! `newsearch serve --engine opensearch` on a real 3-node cluster (`cluster_support`, one cluster for this file's tests): the API answers what the command line prints on the same cluster, the page holds its results, and a cluster that stops answering gets a 503 within the time budget while the server goes on.

mod cluster_support;
mod common;
mod serve_support;

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use cluster_support::{cluster, corpus_on, newsearch_on, Cluster};
use serde_json::Value;
use serve_support::{encode, printed_json, timeless, Server};

/// `newsearch serve` on the cluster's index `name`, reached through these node URLs.
fn serve_on(urls: &[String], name: &str, arguments: &[&str]) -> Server {
    // The index folder is not read: the articles are on the cluster.
    let unused = tempfile::TempDir::new().unwrap();
    let cluster_arguments = [
        "--engine",
        "opensearch",
        "--url",
        &urls.join(","),
        "--os-index",
        name,
    ];
    Server::start(unused.path(), &[&cluster_arguments, arguments].concat())
}

/// The command line's `--json` document for these arguments, on the cluster's index `name`.
fn cli_json(cluster: &Cluster, name: &str, arguments: &[&str]) -> Value {
    let output = newsearch_on(cluster, name)
        .args(arguments)
        .output()
        .unwrap();
    printed_json(&output, arguments)
}

#[test]
fn the_api_answers_what_the_command_line_prints_on_the_cluster() {
    let Some(cluster) = cluster() else { return };
    corpus_on(cluster, "serve-api");
    let server = serve_on(&cluster.urls, "serve-api", &[]);
    let stats = cli_json(cluster, "serve-api", &["stats", "--json"]);
    assert!(
        server.startup.contains(&format!(
            "the OpenSearch index serve-api on {} ({} articles)",
            cluster.urls[0], stats["articles"]
        )),
        "{}",
        server.startup
    );

    // Each case: the API's parameters, then the same search on the command line.
    let cases: &[(&str, &[&str])] = &[
        ("q=Cor%C3%A9e", &["Corée"]),
        (
            "q=Cor%C3%A9e%20du%20Nord&facets=category,date,author,source&limit=3&offset=1",
            &[
                "Corée du Nord",
                "--facets",
                "category,date,author,source",
                "--limit",
                "3",
                "--offset",
                "1",
            ],
        ),
        (
            "q=missiles&sort=date&no-collapse=true",
            &["missiles", "--sort", "date", "--no-collapse"],
        ),
        (
            "q=Cor%C3%A9e&sort=-date&recency=30d&category=Monde&since=2024-10",
            &[
                "Corée",
                "--sort",
                "-date",
                "--recency",
                "30d",
                "--category",
                "Monde",
                "--since",
                "2024-10",
            ],
        ),
        (
            "q=Japon%20OR%20Bakou&facet-date=2024-01..2024-10-15,2024-10-16..&all=1",
            &[
                "Japon OR Bakou",
                "--facet-date",
                "2024-01..2024-10-15,2024-10-16..",
                "--all",
            ],
        ),
        ("q=Pyongyagn&fuzzy=true", &["Pyongyagn", "--fuzzy"]),
        ("q=Kyiv", &["Kyiv"]),
    ];
    for (parameters, arguments) in cases {
        let target = format!("/api/search?{parameters}");
        let (status, answer) = server.json(&target);
        assert_eq!(status, 200, "{target}: {answer}");
        let expected = cli_json(
            cluster,
            "serve-api",
            &[&["query"], *arguments, &["--json"]].concat(),
        );
        assert!(
            expected["total_hits"].as_u64().unwrap() > 0,
            "{arguments:?} finds something"
        );
        assert_eq!(timeless(answer), timeless(expected), "{target}");
    }

    // The built-in synonyms, as the embedded server uses them: Kyiv finds Kiev too.
    let (_, kyiv) = server.json("/api/search?q=Kyiv");
    assert_eq!(kyiv["query_terms"], serde_json::json!(["kiev", "kyiv"]));

    let (_, found) = server.json("/api/search?q=missiles&limit=1");
    let id = found["hits"][0]["id"].as_str().unwrap().to_string();
    let (status, marked) = server.json(&format!("/api/articles/{id}?q=missiles"));
    assert_eq!(status, 200);
    let show = ["show", &id, "--query", "missiles", "--json"];
    assert_eq!(marked, cli_json(cluster, "serve-api", &show));
    assert!(!marked["body_highlights"].as_array().unwrap().is_empty());
    let (status, similar) = server.json(&format!("/api/articles/{id}/similar?limit=3"));
    assert_eq!(status, 200);
    assert!(!similar["hits"].as_array().unwrap().is_empty());
    let expected = cli_json(
        cluster,
        "serve-api",
        &["similar", &id, "--limit", "3", "--json"],
    );
    assert_eq!(timeless(similar), timeless(expected));
    // The store's size moves as the cluster merges its segments: the rest is compared.
    let sizeless = |mut stats: Value| {
        stats.as_object_mut().unwrap().remove("index_bytes");
        stats
    };
    let (status, served_stats) = server.json("/api/stats");
    assert_eq!(status, 200);
    assert_eq!(sizeless(served_stats), sizeless(stats));

    // Errors as on the embedded engine: the query's column, an unknown id.
    let (status, error) = server.json(&format!("/api/search?q={}", encode("Corée (Kiev OR Séoul")));
    assert_eq!(status, 400);
    assert_eq!(error["column"], 7);
    let (status, error) = server.json("/api/articles/no-such-id");
    assert_eq!(status, 404, "{error}");
}

#[test]
fn the_page_holds_the_clusters_results_without_javascript() {
    let Some(cluster) = cluster() else { return };
    corpus_on(cluster, "serve-page");
    let server = serve_on(&cluster.urls, "serve-page", &[]);
    let page = server.get("/?q=Cor%C3%A9e%20du%20Nord&sort=date");
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"name="q" value="Corée du Nord""#));
    let (_, expected) = server.json("/api/search?q=Cor%C3%A9e%20du%20Nord&sort=date&limit=10");
    let hits = expected["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    for hit in hits {
        let title = hit["title"].as_str().unwrap().replace('\'', "&#39;");
        assert!(page.body.contains(&title), "{title}");
    }
    assert!(page.body.contains("<mark>Corée</mark>"));
    let id = hits[0]["id"].as_str().unwrap();
    let article = server.get(&format!("/?id={id}&q=Cor%C3%A9e"));
    assert!(article
        .body
        .contains(r#"<article id="article" tabindex="-1">"#));
    assert!(article.body.contains("<mark>Corée</mark>"));
}

#[test]
fn a_missing_index_is_refused_at_startup() {
    let Some(cluster) = cluster() else { return };
    let output = newsearch_on(cluster, "never-indexed")
        .arg("serve")
        .args(["--addr", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no index never-indexed"), "{stderr}");
}

/// A relay in front of a node that can hold the requests it is sent, as a node that stops
/// answering does (a stalled JVM, a lost network): it then reads them and sends nothing on.
struct Relay {
    url: String,
    holding: Arc<AtomicBool>,
}

impl Relay {
    fn to(node_url: &str) -> Relay {
        let node: SocketAddr = node_url.trim_start_matches("http://").parse().unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let holding = Arc::new(AtomicBool::new(false));
        let held = Arc::clone(&holding);
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let Ok(upstream) = TcpStream::connect(node) else {
                    continue;
                };
                let (client_reader, upstream_writer) =
                    (client.try_clone().unwrap(), upstream.try_clone().unwrap());
                let held = Arc::clone(&held);
                std::thread::spawn(move || pass(client_reader, upstream_writer, Some(&held)));
                std::thread::spawn(move || pass(upstream, client, None));
            }
        });
        Relay { url, holding }
    }

    fn hold(&self, holding: bool) {
        self.holding.store(holding, Ordering::SeqCst);
    }
}

/// Copies `from` to `to`, each read waiting while `held` says so.
fn pass(mut from: TcpStream, mut to: TcpStream, held: Option<&AtomicBool>) {
    let mut buffer = [0u8; 16 << 10];
    while let Ok(read @ 1..) = from.read(&mut buffer) {
        while held.is_some_and(|held| held.load(Ordering::SeqCst)) {
            std::thread::sleep(Duration::from_millis(20));
        }
        if to.write_all(&buffer[..read]).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Write);
}

#[test]
fn a_cluster_that_stops_answering_gets_503_within_the_budget_and_the_server_goes_on() {
    let Some(cluster) = cluster() else { return };
    corpus_on(cluster, "serve-stalled");
    let relay = Relay::to(&cluster.urls[0]);
    let server = serve_on(
        std::slice::from_ref(&relay.url),
        "serve-stalled",
        &["--query-timeout", "2s", "--max-queries", "2"],
    );
    let (status, before) = server.json("/api/search?q=Cor%C3%A9e");
    assert_eq!(status, 200, "{before}");

    relay.hold(true);
    // More searches than the server runs at once, each waiting on the cluster or its turn.
    let searches: Vec<_> = (0..3)
        .map(|_| {
            let addr = server.addr;
            std::thread::spawn(move || {
                serve_support::request(addr, "GET", "/api/search?q=missiles", None)
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    // Meanwhile the server answers what needs no query: its runtime is not blocked.
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<html lang=\"fr\">"));
    assert_eq!(server.get("/api/nothing").status, 404);
    for search in searches {
        let answer = search.join().unwrap();
        assert_eq!(answer.status, 503, "{}", answer.body);
        assert!(
            answer.body.contains("time budget of 2000 ms"),
            "{}",
            answer.body
        );
        assert_eq!(answer.header("retry-after"), Some("1"));
    }

    relay.hold(false);
    // The abandoned calls give up soon after the budget and free their turns: the next
    // searches answer as before.
    let started = Instant::now();
    let after = loop {
        let (status, answer) = server.json("/api/search?q=Cor%C3%A9e");
        if status == 200 {
            break answer;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server never recovered: {status} {answer}"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(timeless(after), timeless(before));
}

#[test]
fn a_settings_file_points_query_and_serve_at_the_cluster() {
    let Some(cluster) = cluster() else { return };
    corpus_on(cluster, "serve-settings");
    let folder = tempfile::TempDir::new().unwrap();
    let urls: Vec<String> = cluster.urls.iter().map(|url| format!("{url:?}")).collect();
    let settings = format!(
        "engine = \"opensearch\"\nurl = [{}]\nos-index = \"serve-settings\"\n",
        urls.join(", ")
    );
    std::fs::write(folder.path().join("newsearch.toml"), settings).unwrap();
    let expected = cluster_support::query_on(cluster, "serve-settings", &["Corée"]);
    assert!(expected.total_hits > 0);

    // As typed in the folder: no flag, no variable.
    let output = common::bare_newsearch()
        .current_dir(folder.path())
        .env("XDG_CONFIG_HOME", folder.path().join("no-user-settings"))
        .args(["query", "Corée", "--json"])
        .output()
        .unwrap();
    let found: common::Results = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("{error}: {}", String::from_utf8_lossy(&output.stderr)));
    assert_eq!(found.total_hits, expected.total_hits);
    assert_eq!(found.hits.len(), expected.hits.len());

    let file = folder.path().join("newsearch.toml");
    let server = Server::start(folder.path(), &["--config", file.to_str().unwrap()]);
    assert!(
        server.startup.contains(&format!(
            "the OpenSearch index serve-settings on {}",
            cluster.urls[0]
        )),
        "{}",
        server.startup
    );
    let (status, answer) = server.json("/api/search?q=Cor%C3%A9e");
    assert_eq!(status, 200);
    assert_eq!(answer["total_hits"], expected.total_hits);
}
