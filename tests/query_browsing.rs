//! Listing articles without words (no text, or `*`), totals without hits (`-n 0`), and batches that report a bad line and go on, from a file or standard input.

mod common;

use common::*;
use serde_json::Value;

#[test]
fn no_text_lists_articles_by_date_with_facets() {
    let index = matching_index();
    let index = index.path();
    let results = query_json(index, &["--since", "2024", "--sort", "date"]);
    assert_eq!(results.total_hits, 9, "the articles of 2024");
    assert_eq!(results.partial_hits, 0);
    let dates: Vec<&str> = results
        .hits
        .iter()
        .map(|hit| hit.date.as_deref().unwrap())
        .collect();
    assert_eq!(dates[0], "2024-12-07");
    assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]), "{dates:?}");
    let categories = results.facets.category.unwrap();
    assert_eq!(categories.iter().map(|entry| entry.count).sum::<u64>(), 9);

    // With a category, and oldest first.
    let france = hit_ids(
        index,
        &["--category", "France", "--since", "2024", "--sort", "-date"],
    );
    assert_eq!(
        france,
        [
            "macron-nucleaire",
            "macron-maroc",
            "independant-candidat",
            "retraites-cheminots"
        ]
    );

    // The text output has no "no searchable word" warning and no empty quotes.
    let output = query(index, &["--since", "2024-12"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("Notre-Dame de Paris rouvre ses portes"),
        "{text}"
    );
    assert!(text.contains("1 article matches (showing 1–1"), "{text}");
    assert!(!text.contains("searchable"), "{text}");
}

#[test]
fn a_star_is_every_article() {
    let index = matching_index();
    let index = index.path();
    let everything = query_json(index, &["*"]);
    assert_eq!(everything.total_hits, 30);
    assert_eq!(everything.hits.len(), 10);
    assert_eq!(query_json(index, &[]).total_hits, 30);
    // With filters or exclusions in the text, it lists what they leave.
    assert_eq!(query_json(index, &["* date:2024-06"]).total_hits, 2);
    assert_eq!(query_json(index, &["* -Trump"]).total_hits, 26);
    // A date alone lists that period, without a word to warn about.
    let output = query(index, &["date:2024-06"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("2 articles match «date:2024-06»"), "{text}");
    assert!(!text.contains("searchable"), "{text}");
    // Only stop words is not browsing: nothing, and said so.
    let output = query(index, &["de la"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("no searchable word"));
}

#[test]
fn limit_zero_gives_totals_and_facets_without_hits() {
    let index = matching_index();
    let index = index.path();
    for arguments in [
        &["Trump", "-n", "0"][..],
        &["Trump", "--no-collapse", "-n0"],
    ] {
        let results = query_json(index, arguments);
        assert!(results.hits.is_empty(), "{arguments:?}");
        assert_eq!(results.limit, 0);
        assert_eq!(results.total_hits, 4);
        assert_eq!(results.facets.category.unwrap()[0].count, 4);
    }
    let text = stdout(&query(index, &["gilets jaunes", "-n", "0"]));
    assert!(
        text.starts_with("1 article matches «gilets jaunes»"),
        "{text}"
    );
    assert!(
        text.contains("2 more have only some of the words"),
        "{text}"
    );
}

/// The JSON lines a batch printed.
fn records(output: &std::process::Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn a_bad_line_of_a_batch_is_an_error_record_and_the_batch_goes_on() {
    let index = matching_index();
    let batch = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        batch.path(),
        "# news queries\nk1\tKiev\nk2\t(Corée OR\n\nPékin\nk4\t\"Trump Poutine\"~99\n",
    )
    .unwrap();
    let output = newsearch(index.path())
        .args(["query", "--batch"])
        .arg(batch.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "some queries failed");
    let records = records(&output);
    assert_eq!(records.len(), 4, "{records:?}");
    assert_eq!(records[0]["qid"], "k1");
    assert_eq!(records[0]["total_hits"], 2, "Kiev and Kyiv");
    assert_eq!(records[1]["qid"], "k2");
    assert_eq!(records[1]["line"], 3);
    assert_eq!(records[1]["column"], 8);
    assert!(records[1]["error"]
        .as_str()
        .unwrap()
        .contains("OR needs a word"));
    // A line without an id has its line number as id.
    assert_eq!(records[2]["qid"], "5");
    assert_eq!(records[2]["total_hits"], 2, "Pékin and Beijing");
    assert_eq!(records[3]["qid"], "k4");
    assert_eq!(records[3]["line"], 6);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 3 (query k2)"), "{stderr}");
    assert!(
        stderr.contains("2 of the batch's queries could not be run (line 3, 6)"),
        "{stderr}"
    );
}

#[test]
fn a_batch_reads_standard_input() {
    let index = matching_index();
    let output = newsearch(index.path())
        .args(["query", "--batch", "-", "-n", "1"])
        .write_stdin("a\tSéoul\nb\tgilets jaunes\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let records = records(&output);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["hits"][0]["id"], record("trump-seoul").as_str());
    assert_eq!(records[1]["qid"], "b");
    assert_eq!(records[1]["total_hits"], 1);
    assert_eq!(records[1]["partial_hits"], 2);
}
