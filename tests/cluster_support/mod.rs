//! The OpenSearch tests' cluster: a real 3-node cluster (1 replica) started through `opensearch/cluster`, shared by the tests of one test binary, and `newsearch` run on it.
//!
//! The cluster is skipped, with a message, only when Java or Maven is missing, unless
//! `NEWSEARCH_REQUIRE_OPENSEARCH` is set (as `.ci/run` does), which makes that a failure.
//! Its nodes halt when the test process ends (`NEWSEARCH_WATCH_PID`), passing or not.
#![allow(dead_code)]

use std::fs::File;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock};

use serde_json::Value;

use crate::common::{bare_newsearch, fixture_corpus, fixtures, Results};

/// Nodes of the shared cluster, and how much heap each JVM gets.
const NODES: u16 = 3;
const HEAP_MB: &str = "384";

/// A cluster these tests started: the HTTP URLs of its nodes and its folder (data, logs,
/// pids).
pub struct Cluster {
    pub urls: Vec<String>,
    pub directory: PathBuf,
}

static SHARED: OnceLock<Option<Cluster>> = OnceLock::new();
/// Clusters start one at a time, so that two never pick the same free ports.
static STARTING: Mutex<()> = Mutex::new(());
/// Held from a test process's first cluster until the process ends: a second `cargo test`
/// running at the same time waits for it, instead of picking the ports this one's nodes are
/// about to bind and emptying the folders they write in.
static RUNNING_CLUSTERS: OnceLock<File> = OnceLock::new();

/// The shared cluster, started on first use; `None` (with a message) when Java or Maven
/// is missing.
pub fn cluster() -> Option<&'static Cluster> {
    SHARED.get_or_init(|| start_cluster("shared", &[])).as_ref()
}

/// Whether Java and Maven are there; says why not (or fails when the cluster is required).
pub fn java_and_maven() -> bool {
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
            return false;
        }
    }
    true
}

/// Starts a cluster of `NODES` nodes named `name`, with these node settings, green when it
/// returns.
pub fn start_cluster(name: &str, settings: &[&str]) -> Option<Cluster> {
    if !java_and_maven() {
        return None;
    }
    let _one_at_a_time = STARTING.lock().unwrap_or_else(|error| error.into_inner());
    RUNNING_CLUSTERS.get_or_init(lock_clusters_of_other_runs);
    let (http, transport) = free_ports();
    // Named after the test binary too: two binaries' clusters never share a folder.
    let directory = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("opensearch-{}-{name}", env!("CARGO_CRATE_NAME")));
    // The nodes' data from an earlier run of these tests: theirs, never a user's.
    let _ = std::fs::remove_dir_all(&directory);
    let output = cluster_script(&directory)
        .args(["start", &NODES.to_string(), "--"])
        .args(settings)
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
        directory,
    })
}

/// Takes the lock on this machine's test clusters (ports are the machine's, whatever the
/// checkout), waiting (with a message) while another test process holds it.
fn lock_clusters_of_other_runs() -> File {
    let path = std::env::temp_dir().join("newsearch-test-clusters.lock");
    let file = File::create(&path).expect("the test clusters' lock file can be created");
    if file.try_lock().is_err() {
        eprintln!("waiting for another test run's OpenSearch clusters to end");
        file.lock().expect("the test clusters' lock can be taken");
    }
    file
}

pub fn cluster_script(directory: &Path) -> Command {
    let mut command =
        Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("opensearch/cluster"));
    command.env("NEWSEARCH_CLUSTER_DIR", directory);
    command
}

/// A first HTTP port and a first transport port with `NODES` free ports each.
pub fn free_ports() -> (u16, u16) {
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
pub fn newsearch_on(cluster: &Cluster, name: &str) -> Command {
    let mut command = bare_newsearch();
    command
        .env("NEWSEARCH_CONFIG", "/dev/null")
        .args(["--engine", "opensearch", "--url", &cluster.urls.join(",")])
        .args(["--os-index", name]);
    command
}

pub fn succeeded(output: Output) -> Output {
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Indexes these inputs into the cluster's index `name`; returns the summary line.
pub fn index_on(cluster: &Cluster, name: &str, inputs: &[&Path]) -> String {
    let output = newsearch_on(cluster, name)
        .arg("index")
        .args(inputs)
        .output()
        .unwrap();
    String::from_utf8_lossy(&succeeded(output).stdout).into_owned()
}

pub fn query_on(cluster: &Cluster, name: &str, arguments: &[&str]) -> Results {
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

pub fn json_on(cluster: &Cluster, name: &str, arguments: &[&str]) -> Value {
    let output = newsearch_on(cluster, name)
        .args(arguments)
        .arg("--json")
        .output()
        .unwrap();
    serde_json::from_slice(&succeeded(output).stdout).unwrap()
}

/// The fixture corpus (seeds and news) indexed on the cluster under `name`.
pub fn corpus_on(cluster: &Cluster, name: &str) {
    let [seeds, news] = fixture_corpus();
    let duplicates = fixtures().join("duplicates");
    index_on(cluster, name, &[&seeds, &news, &duplicates]);
}
