//! Turns the output of `newsearch query --batch` into what `../shared/bench` reads: a run file of ranked ids per query, and the `##peerstats` line of in-process latencies.
//!
//! `peer_output RAW.jsonl OUT.jsonl REPEAT VERSION`: RAW holds every pass of the batch (the
//! warm-up passes first); the run file comes from the last pass, the latencies from the last
//! REPEAT passes. A compiled helper starts in a millisecond, where an interpreter would add
//! tens of milliseconds to the cold query process the benchmark times.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use serde_json::{json, Value};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [raw, out, repeat, version] = args.as_slice() else {
        eprintln!("usage: peer_output RAW.jsonl OUT.jsonl REPEAT VERSION");
        return ExitCode::from(2);
    };
    match run(raw, out, repeat, version) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("peer_output: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(raw: &str, out: &str, repeat: &str, version: &str) -> Result<(), String> {
    let repeat: usize = repeat
        .parse()
        .map_err(|_| format!("bad REPEAT {repeat:?}"))?;
    let lines = read_lines(raw)?;
    let distinct = lines
        .iter()
        .map(|line| line["qid"].to_string())
        .collect::<HashSet<_>>()
        .len();
    let last_pass = &lines[lines.len().saturating_sub(distinct)..];
    let mut run_file = BufWriter::new(File::create(out).map_err(|e| format!("{out}: {e}"))?);
    for line in last_pass {
        let hits: Vec<&Value> = line["hits"]
            .as_array()
            .map(|hits| hits.iter().map(|hit| &hit["id"]).collect())
            .unwrap_or_default();
        let entry = json!({"qid": line["qid"], "hits": hits});
        writeln!(run_file, "{entry}").map_err(|e| format!("{out}: {e}"))?;
    }
    run_file.flush().map_err(|e| format!("{out}: {e}"))?;

    let timed = &lines[lines.len().saturating_sub(distinct * repeat)..];
    let mut latencies: Vec<f64> = timed
        .iter()
        .filter_map(|line| line["elapsed_ms"].as_f64())
        .collect();
    if latencies.is_empty() {
        return Err(format!("{raw}: no timed query"));
    }
    latencies.sort_by(f64::total_cmp);
    let percentile = |p: f64| {
        let place = (p / 100.0 * (latencies.len() - 1) as f64).round_ties_even() as usize;
        latencies[place.min(latencies.len() - 1)]
    };
    let stats = json!({
        "engine": version,
        "queries": distinct,
        "lat_p50_ms": percentile(50.0),
        "lat_p95_ms": percentile(95.0),
        "lat_p99_ms": percentile(99.0),
        "lat_mean_ms": latencies.iter().sum::<f64>() / latencies.len() as f64,
        "note": "in-process latency per query, with facets over all matches and snippets of the shown hits",
    });
    eprintln!("##peerstats {stats}");
    Ok(())
}

fn read_lines(path: &str) -> Result<Vec<Value>, String> {
    let file = File::open(path).map_err(|e| format!("{path}: {e}"))?;
    BufReader::new(file)
        .lines()
        .map(|line| {
            let line = line.map_err(|e| format!("{path}: {e}"))?;
            serde_json::from_str(&line).map_err(|e| format!("{path}: {e}"))
        })
        .collect()
}
