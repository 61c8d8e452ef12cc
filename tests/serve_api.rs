//! `newsearch serve`'s JSON API over a real socket: each endpoint answers what the command line prints with `--json`, errors have their status and reason, a commit is seen without a restart, and bad requests leave the server up.

mod common;
mod serve_support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;

use common::{fixtures, index_into, indexed, newsearch};
use serde_json::Value;
use serve_support::{encode, printed_json, request, timeless, Server};

/// The command line's `--json` document for these arguments.
fn cli_json(index: &Path, arguments: &[&str]) -> Value {
    printed_json(
        &newsearch(index).args(arguments).output().unwrap(),
        arguments,
    )
}

/// An API request's query-string pairs.
type Parameters<'a> = &'a [(&'a str, &'a str)];

#[test]
fn search_answers_what_query_json_prints_for_every_option() {
    let index = indexed();
    let server = Server::start(index.path(), &[]);
    // Each case: the API's parameters, then the same search on the command line.
    let cases: &[(Parameters, &[&str])] = &[
        (&[("q", "Corée")], &["Corée"]),
        (
            &[
                ("q", "Corée du Nord"),
                ("facets", "category,date,author,source"),
                ("limit", "3"),
                ("offset", "1"),
            ],
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
            &[("q", "missiles"), ("sort", "date"), ("no-collapse", "true")],
            &["missiles", "--sort", "date", "--no-collapse"],
        ),
        (
            &[("q", "Corée"), ("sort", "-date"), ("recency", "30d")],
            &["Corée", "--sort", "-date", "--recency", "30d"],
        ),
        (
            &[
                ("q", "Corée"),
                ("category", "Monde"),
                ("category", "International"),
                ("since", "2024-10"),
                ("until", "2024-12-31"),
            ],
            &[
                "Corée",
                "--category",
                "Monde",
                "--category",
                "International",
                "--since",
                "2024-10",
                "--until",
                "2024-12-31",
            ],
        ),
        (
            &[
                ("q", "sécurité"),
                ("facet-date", "2024-01..2024-10-15,2024-10-16.."),
                ("facet-limit", "2"),
                ("all", "1"),
            ],
            &[
                "sécurité",
                "--facet-date",
                "2024-01..2024-10-15,2024-10-16..",
                "--facet-limit",
                "2",
                "--all",
            ],
        ),
        (
            &[
                ("q", "Coree Seol"),
                ("fuzzy", "true"),
                ("facet-date", "day"),
            ],
            &["Coree Seol", "--fuzzy", "--facet-date", "day"],
        ),
    ];
    for (parameters, arguments) in cases {
        let target = format!(
            "/api/search?{}",
            parameters
                .iter()
                .map(|(name, value)| format!("{name}={}", encode(value)))
                .collect::<Vec<_>>()
                .join("&")
        );
        let (status, answer) = server.json(&target);
        assert_eq!(status, 200, "{target}: {answer}");
        let expected = cli_json(
            index.path(),
            &[&["query"], *arguments, &["--json"]].concat(),
        );
        assert!(
            expected["total_hits"].as_u64().unwrap() > 0,
            "{arguments:?} finds something"
        );
        assert_eq!(timeless(answer), timeless(expected), "{target}");
    }
}

#[test]
fn article_similar_and_stats_answer_as_the_command_line() {
    let index = indexed();
    let server = Server::start(index.path(), &[]);
    let (_, found) = server.json("/api/search?q=missiles&limit=1");
    let id = found["hits"][0]["id"].as_str().unwrap().to_string();

    let (status, article) = server.json(&format!("/api/articles/{id}"));
    assert_eq!(status, 200);
    assert_eq!(article, cli_json(index.path(), &["show", &id, "--json"]));
    assert!(article.get("body_highlights").is_none());

    let (status, marked) = server.json(&format!("/api/articles/{id}?q=missiles"));
    assert_eq!(status, 200);
    assert_eq!(
        marked,
        cli_json(
            index.path(),
            &["show", &id, "--query", "missiles", "--json"]
        )
    );
    let body: Vec<char> = marked["body"].as_str().unwrap().chars().collect();
    let marks = marked["body_highlights"].as_array().unwrap();
    assert!(!marks.is_empty());
    for mark in marks {
        let (start, end) = (mark[0].as_u64().unwrap(), mark[1].as_u64().unwrap());
        let word: String = body[start as usize..end as usize].iter().collect();
        assert!(word.to_lowercase().starts_with("missile"), "{word}");
    }

    let (status, similar) = server.json(&format!("/api/articles/{id}/similar?limit=3"));
    assert_eq!(status, 200);
    let expected = cli_json(index.path(), &["similar", &id, "--limit", "3", "--json"]);
    assert!(!similar["hits"].as_array().unwrap().is_empty());
    assert_eq!(timeless(similar), timeless(expected));

    let (status, stats) = server.json("/api/stats");
    assert_eq!(status, 200);
    assert_eq!(stats, cli_json(index.path(), &["stats", "--json"]));
    assert_eq!(stats["articles"], 10);
}

#[test]
fn errors_are_json_with_their_status_and_reason() {
    let index = indexed();
    let server = Server::start(index.path(), &[]);

    // A query that cannot be read: 400, the command line's message and column.
    let (status, error) = server.json(&format!("/api/search?q={}", encode("Corée (Kiev OR Séoul")));
    assert_eq!(status, 400);
    assert_eq!(error["column"], 7);
    let cli = newsearch(index.path())
        .args(["query", "Corée (Kiev OR Séoul"])
        .output()
        .unwrap();
    let cli_message = String::from_utf8_lossy(&cli.stderr);
    let message = error["error"].as_str().unwrap();
    assert!(
        message.contains("'(' is never closed at column 7"),
        "{message}"
    );
    assert!(cli_message.contains(message), "{cli_message} / {message}");

    let bad = |target: &str, status: u16, reason: &str| {
        let (got, error) = server.json(target);
        assert_eq!(got, status, "{target}: {error}");
        let message = error["error"].as_str().unwrap();
        assert!(message.contains(reason), "{target}: {message}");
    };
    bad("/api/search?q=a&sort=best", 400, "'best'");
    bad("/api/search?q=a&limit=ten", 400, "--limit");
    bad("/api/search?q=a&limit=1000000", 400, "at most 100");
    bad(
        "/api/search?q=a&offset=99999999999999999999",
        400,
        "--offset",
    );
    bad("/api/search?q=a&offset=50000", 400, "paging stops");
    bad("/api/search?q=a&since=octobre", 400, "octobre");
    bad(
        "/api/search?q=a&batch=/etc/passwd",
        400,
        "unknown parameter",
    );
    bad("/api/search?q=a&timeout=soon", 400, "timeout");
    bad("/api/search?q=%FF", 400, "");
    bad(
        &format!("/api/search?q={}", "mot%20".repeat(2000)),
        400,
        "at most 1000",
    );
    bad(
        &format!("/api/search?q={}a{}", "(".repeat(100), ")".repeat(100)),
        400,
        "parentheses nest more than 32 deep at column 33",
    );
    bad(
        "/api/search?q=a&synonyms=/etc/passwd",
        400,
        "unknown parameter",
    );
    bad("/api/search?q=a&no-synonyms=true", 400, "unknown parameter");
    // Parentheses inside a phrase are words, as on the command line.
    let (status, _) = server.json(&format!(
        "/api/search?q={}",
        encode(&format!("\"{}missiles\"", "(".repeat(40)))
    ));
    assert_eq!(status, 200);
    bad("/api/articles/no-such-id", 404, "no-such-id");
    bad("/api/articles/no-such-id/similar", 404, "no-such-id");
    bad("/api/articles/x?colour=red", 400, "unknown parameter");
    bad("/api/stats?verbose=1", 400, "unknown parameter");
    bad("/api/nothing", 404, "/api/search");

    let posted = request(server.addr, "POST", "/api/search?q=a", Some("{}"));
    assert_eq!(posted.status, 405);
    assert!(posted.body.contains("read-only"));
    let deleted = request(server.addr, "DELETE", "/api/articles/x", None);
    assert_eq!(deleted.status, 405);
    let body = "x".repeat(20_000);
    let large = request(server.addr, "GET", "/api/stats", Some(&body));
    assert_eq!(large.status, 413);
    let error: Value = serde_json::from_str(&large.body).unwrap();
    assert!(error["error"].as_str().unwrap().contains("read-only"));
}

#[test]
fn the_page_and_its_files_come_from_the_binary_with_a_strict_policy() {
    let index = indexed();
    let server = Server::start(index.path(), &[]);
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(page
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(page.body.contains("<html lang=\"fr\">"));
    let policy = page.header("content-security-policy").unwrap();
    assert!(policy.contains("script-src 'self'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    // Every file the page names is served, and nothing is fetched from elsewhere.
    for asset in [
        "/assets/style.css",
        "/assets/app.js",
        "/assets/render.js",
        "/assets/timeline.js",
    ] {
        let file = server.get(asset);
        assert_eq!(file.status, 200, "{asset}");
        assert!(!file.body.is_empty(), "{asset}");
        assert!(!file.body.contains("://cdn"), "{asset}");
        assert_eq!(file.header("x-content-type-options"), Some("nosniff"));
    }
    assert!(page.body.contains("/assets/app.js"));
    assert_eq!(server.get("/assets/nothing.js").status, 404);
}

#[test]
fn a_commit_is_seen_by_the_running_server_without_a_restart() {
    let index = indexed();
    let server = Server::start(index.path(), &[]);
    let (_, before) = server.json("/api/search?q=festival%20Avignon");
    assert_eq!(before["total_hits"], 0);
    let (_, stats) = server.json("/api/stats");
    assert_eq!(stats["articles"], 10);

    // `newsearch index` adds articles while the server runs and answers queries.
    let asking = std::thread::scope(|scope| {
        let querying = scope.spawn(|| {
            let mut totals = Vec::new();
            for _ in 0..40 {
                let (status, stats) = server.json("/api/stats");
                assert_eq!(status, 200, "{stats}");
                totals.push(stats["articles"].as_u64().unwrap());
            }
            totals
        });
        let output = index_into(index.path(), &[&fixtures().join("web")]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        querying.join().unwrap()
    });
    // Every answer during the run is a whole commit: the old one or the new one.
    assert!(
        asking
            .iter()
            .all(|&articles| articles == 10 || articles == 21),
        "{asking:?}"
    );

    let (_, after) = server.json("/api/search?q=festival%20Avignon");
    assert_eq!(after["total_hits"], 1, "{after}");
    assert_eq!(
        after["hits"][0]["title"],
        "Le festival d'Avignon s'ouvre sous la pluie"
    );
    let (_, stats) = server.json("/api/stats");
    assert_eq!(stats["articles"], 21);
}

#[test]
fn bad_clients_leave_the_server_answering() {
    let index = indexed();
    let mut server = Server::start(index.path(), &["--max-connections", "64"]);

    // A request head over the bound is refused.
    let mut stream = TcpStream::connect(server.addr).unwrap();
    let huge = format!(
        "GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Filler: {}\r\n\r\n",
        "a".repeat(200_000)
    );
    let _ = stream.write_all(huge.as_bytes());
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 431"),
        "{answer}"
    );

    // Garbage instead of HTTP, and clients that connect and say nothing.
    let mut garbage = TcpStream::connect(server.addr).unwrap();
    garbage
        .write_all(b"\x00\x01 not http at all\r\n\r\n")
        .unwrap();
    let silent: Vec<TcpStream> = (0..20)
        .map(|_| TcpStream::connect(server.addr).unwrap())
        .collect();

    // Many clients at once, each answered.
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..24)
            .map(|worker| {
                let server = &server;
                scope.spawn(move || {
                    for round in 0..5 {
                        let target = if (worker + round) % 2 == 0 {
                            "/api/search?q=Cor%C3%A9e&facets=category,date,author,source"
                        } else {
                            "/api/search?q=%22Cor%C3%A9e"
                        };
                        let (status, answer) = server.json(target);
                        assert_eq!(status, 200, "{answer}");
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.join().unwrap();
        }
    });
    drop(silent);
    assert!(server.is_running());
    let (status, _) = server.json("/api/stats");
    assert_eq!(status, 200);
}

#[test]
fn silent_and_slow_clients_are_closed_by_the_server() {
    let index = indexed();
    let server = Server::start(index.path(), &[]);
    let silent = TcpStream::connect(server.addr).unwrap();
    let slow = TcpStream::connect(server.addr).unwrap();
    let started = std::time::Instant::now();
    // The slow one sends a header line every second and never ends its request.
    let dripping = std::thread::spawn(move || {
        let mut slow = slow;
        slow.set_read_timeout(Some(std::time::Duration::from_secs(30)))
            .unwrap();
        let _ = slow.write_all(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n");
        for line in 0..30 {
            std::thread::sleep(std::time::Duration::from_secs(1));
            if slow
                .write_all(format!("X-Goutte-{line}: a\r\n").as_bytes())
                .is_err()
            {
                break;
            }
        }
        let mut answer = Vec::new();
        let _ = slow.read_to_end(&mut answer);
        started.elapsed()
    });
    let mut silent = silent;
    silent
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    let mut answer = Vec::new();
    silent
        .read_to_end(&mut answer)
        .expect("closed by the server, not by the read timeout");
    let silent_for = started.elapsed();
    let slow_for = dripping.join().unwrap();
    for (who, seconds) in [("silent", silent_for), ("slow", slow_for)] {
        assert!(
            seconds.as_secs() < 20,
            "the {who} client was closed after {seconds:?}"
        );
    }
    let (status, _) = server.json("/api/stats");
    assert_eq!(status, 200);
}

#[test]
fn a_query_over_its_budget_is_refused_and_the_server_goes_on() {
    let index = indexed();
    // One query at a time: a request that waits for its turn longer than its budget is refused.
    let server = Server::start(index.path(), &["--max-queries", "1"]);
    let answers: Vec<_> = std::thread::scope(|scope| {
        let waiting: Vec<_> = (0..16)
            .map(|_| {
                scope.spawn(|| {
                    server.get("/api/search?q=Cor%C3%A9e%20missiles&fuzzy=1&facets=category,date,author,source&facet-date=day&timeout=1ms")
                })
            })
            .collect();
        waiting.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let statuses: Vec<u16> = answers.iter().map(|answer| answer.status).collect();
    assert!(
        statuses
            .iter()
            .all(|&status| status == 503 || status == 200),
        "{statuses:?}"
    );
    let refused: Vec<_> = answers
        .iter()
        .filter(|answer| answer.status == 503)
        .collect();
    assert!(!refused.is_empty(), "16 queries for one slot: {statuses:?}");
    for answer in refused {
        assert!(
            answer.body.contains("time budget of 1 ms"),
            "{}",
            answer.body
        );
        assert_eq!(answer.header("retry-after"), Some("1"));
    }
    let (status, _) = server.json("/api/stats");
    assert_eq!(status, 200);
}

#[test]
fn any_address_but_loopback_is_said_to_be_open_to_the_network() {
    let index = indexed();
    let mut server = Server::start_at(index.path(), "0.0.0.0:0", &[]);
    let (status, _) = server.json("/api/stats");
    assert_eq!(status, 200);
    assert!(server.startup.contains("0.0.0.0:"), "{}", server.startup);
    let mut stderr = server.stderr.take().unwrap();
    let mut warning = [0u8; 512];
    let read = stderr.read(&mut warning).unwrap();
    let warning = String::from_utf8_lossy(&warning[..read]);
    assert!(
        warning.contains("reachable from the network") && warning.contains("no authentication"),
        "{warning}"
    );

    let loopback = Server::start(index.path(), &[]);
    assert!(loopback.addr.ip().is_loopback());
}

#[test]
fn without_javascript_the_page_holds_the_results_and_the_article() {
    let index = tempfile::TempDir::new().unwrap();
    let output = index_into(index.path(), &[&fixtures().join("web")]);
    assert!(output.status.success());
    let server = Server::start(index.path(), &[]);

    let page = server.get("/?q=Cor%C3%A9e%20du%20Nord&sort=date&category=Monde");
    assert_eq!(page.status, 200);
    assert!(page
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(page.body.contains(r#"name="q" value="Corée du Nord""#));
    assert!(page.body.contains(r#"<option value="date" selected>"#));
    let (_, expected) =
        server.json("/api/search?q=Cor%C3%A9e%20du%20Nord&sort=date&category=Monde&limit=10");
    let titles: Vec<&str> = page
        .body
        .split(r#"<h3><a href=""#)
        .skip(1)
        .map(|hit| {
            hit.split_once("\">")
                .unwrap()
                .1
                .split("</a>")
                .next()
                .unwrap()
        })
        .collect();
    let expected_titles: Vec<&str> = expected["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), expected_titles.len());
    for (title, expected) in titles.iter().zip(&expected_titles) {
        assert_eq!(title.replace("&#39;", "'"), **expected);
    }
    assert!(page.body.contains("<mark>Corée</mark>"));
    assert!(page
        .body
        .contains(&format!("{} articles</p>", expected["total_hits"])));

    // Articles with only some of the words are listed as such, never as "no article".
    let partial = server.get("/?q=Cor%C3%A9e%20pingouin");
    assert!(
        partial
            .body
            .contains("Aucun article n’a tous les mots ; 9 en ont une partie."),
        "{}",
        partial.body
    );
    let listed = partial.body.matches(r#"<li class="hit"#).count();
    assert!(listed > 0);
    assert_eq!(
        partial.body.matches(r#"<li class="hit partial""#).count(),
        listed
    );
    assert_eq!(
        partial
            .body
            .matches("Correspondance partielle : sans « pingouin »")
            .count(),
        listed
    );
    // A misspelt word gets a link to the search with the word the index holds.
    let misspelt = server.get("/?q=misiles&category=Monde");
    // (An article's spelling of the word: "missile" or "missiles".)
    let suggested = misspelt
        .body
        .split_once(r#"Vouliez-vous dire <a href="/?q="#)
        .map(|(_, rest)| rest.split_once(" ?</p>").unwrap().0);
    let Some(suggested) = suggested else {
        panic!("no suggestion: {}", misspelt.body)
    };
    let (word, rest) = suggested.split_once('&').unwrap();
    assert!(word.starts_with("missile"), "{suggested}");
    assert_eq!(
        rest,
        format!("amp;category=Monde&amp;offset=0\">{word}</a> (5)")
    );

    // Markup in the corpus is escaped; the article opens with the query's words marked.
    let hostile = server.get("/?q=gras");
    assert!(hostile.body.contains("&lt;script&gt;window.__injected"));
    assert!(!hostile.body.contains("<script>window"));
    assert!(!hostile.body.contains("<b>en gras"));
    let (_, found) = server.json("/api/search?q=gras");
    let id = found["hits"][0]["id"].as_str().unwrap().to_string();
    let article = server.get(&format!("/?id={id}&q=Cor%C3%A9e"));
    assert!(article
        .body
        .contains(r#"<article id="article" tabindex="-1">"#));
    assert!(article
        .body
        .contains("<mark>Corée</mark> du Nord &lt;img src=x onerror="));
    assert!(!article.body.contains("<img"));
    assert!(!article.body.contains("<iframe"));

    // A query that cannot be read is said in the page; an unknown article too.
    let broken = server.get("/?q=(Cor%C3%A9e");
    assert_eq!(broken.status, 200);
    assert!(broken.body.contains("never closed at column 1"));
    let unknown = server.get("/?id=nothing-here");
    assert!(unknown.body.contains("nothing-here"));
    // The bare page, and an address the page does not understand, are the page.
    assert!(server.get("/").body.contains(r#"aria-live="polite"></p>"#));
    assert_eq!(server.get("/?q=%FF").status, 200);
}
