//! Turns the output of `newsearch query --batch` into what `../shared/bench` reads: a run file of ranked ids per query, and the `##peerstats` line of in-process latencies.
//!
//! `peer_output RAW.jsonl OUT.jsonl REPEAT VERSION [IDS.tsv]`: RAW holds every pass of the
//! batch (the warm-up passes first); the run file comes from the last pass, the latencies from
//! the last REPEAT passes. A compiled helper starts in a millisecond, where an interpreter would
//! add tens of milliseconds to the cold query process the benchmark times.
//!
//! newsearch's ids are made from each article's place and its record's id (`ArticleKey`);
//! the benchmark's judgements name records by their own id. `peer_output ids CORPUS.jsonl
//! IDS.tsv` writes, once the corpus is indexed, each newsearch id with its record's id, and
//! the run file names hits by record id through it.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::process::ExitCode;

use newsearch::article::{Article, FileArticleKeys};
use serde_json::{json, Value};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.as_slice() {
        [command, corpus, ids] if command == "ids" => record_ids(corpus, ids),
        [raw, out, repeat, version] => run(raw, out, repeat, version, None),
        [raw, out, repeat, version, ids] => run(raw, out, repeat, version, Some(ids)),
        _ => {
            eprintln!(
                "usage: peer_output RAW.jsonl OUT.jsonl REPEAT VERSION [IDS.tsv] | peer_output ids CORPUS.jsonl IDS.tsv"
            );
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("peer_output: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `NEWSEARCH_ID<TAB>RECORD_ID` for each record of the corpus that has an id, the id
/// newsearch gives it when the corpus file is indexed by name.
fn record_ids(corpus: &str, ids: &str) -> Result<(), String> {
    let name = std::path::Path::new(corpus)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .ok_or_else(|| format!("{corpus}: not a file"))?;
    let mut keys = FileArticleKeys::new(&name);
    let mut map = BufWriter::new(File::create(ids).map_err(|e| format!("{ids}: {e}"))?);
    let file = File::open(corpus).map_err(|e| format!("{corpus}: {e}"))?;
    // The corpus as newsearch reads it: a `.zst` or `.gz` dump decompressed.
    let records: Box<dyn Read> = if corpus.ends_with(".zst") {
        Box::new(zstd::stream::read::Decoder::new(file).map_err(|e| format!("{corpus}: {e}"))?)
    } else if corpus.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    for line in BufReader::new(records).lines() {
        let line = line.map_err(|e| format!("{corpus}: {e}"))?;
        let Ok(record) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let record_id = match &record["id"] {
            Value::String(id) => id.clone(),
            Value::Number(id) => id.to_string(),
            _ => continue,
        };
        let article = Article {
            id: record_id.clone(),
            ..Article::default()
        };
        let id = keys.next_key(&article).id();
        writeln!(map, "{id}\t{record_id}").map_err(|e| format!("{ids}: {e}"))?;
    }
    map.flush().map_err(|e| format!("{ids}: {e}"))
}

/// The record ids by newsearch id that `record_ids` wrote.
fn read_record_ids(ids: &str) -> Result<HashMap<String, String>, String> {
    let text = std::fs::read_to_string(ids).map_err(|e| format!("{ids}: {e}"))?;
    Ok(text
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(id, record)| (id.to_string(), record.to_string()))
        .collect())
}

fn run(
    raw: &str,
    out: &str,
    repeat: &str,
    version: &str,
    ids: Option<&String>,
) -> Result<(), String> {
    let record_ids = ids.map(|ids| read_record_ids(ids)).transpose()?;
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
        let hits: Vec<Value> = line["hits"]
            .as_array()
            .map(|hits| {
                hits.iter()
                    .map(|hit| {
                        let id = hit["id"].as_str().unwrap_or_default();
                        let named = record_ids.as_ref().and_then(|ids| ids.get(id));
                        Value::from(named.map_or(id, String::as_str))
                    })
                    .collect()
            })
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
