//! The benches' judgements read with newsearch's ids: `benches/engines/qrels_by_newsearch_id.py` rewrites qrels that name JSON records by their own ids into the ids `query --json` lists, so the evaluation sets (news-dev-2, PIAF) keep scoring what newsearch finds.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// The script's output for these qrels over the matching fixture; `None` (with a message)
/// when Python is missing.
fn rewritten(qrels: &str) -> Option<std::process::Output> {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipping: python3 is not installed (the bench scripts need it)");
        return None;
    }
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), qrels).unwrap();
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/engines/qrels_by_newsearch_id.py");
    Some(
        Command::new("python3")
            .arg(script)
            .arg(matching_corpus())
            .arg(file.path())
            .output()
            .unwrap(),
    )
}

#[test]
fn judged_records_get_the_ids_the_engine_lists() {
    let Some(output) = rewritten(
        "q1\t0\tkiev-bombes\t2\nq1\t0\tkyiv-cafes\t1\nq1\t0\tailleurs-42\t1\nq2\totan-sommet\t1\n",
    ) else {
        return;
    };
    assert!(output.status.success(), "{output:?}");
    let lines: Vec<Vec<String>> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| line.split('\t').map(str::to_string).collect())
        .collect();
    let index = matching_index();
    let mut found: Vec<String> = query_json(index.path(), &["Kiev"])
        .hits
        .into_iter()
        .map(|hit| hit.id)
        .collect();
    found.sort();
    let mut judged = vec![lines[0][2].clone(), lines[1][2].clone()];
    judged.sort();
    assert_eq!(
        judged, found,
        "the two Kiev articles, by the ids newsearch lists"
    );
    assert_eq!(lines[0][3], "2", "the grade is kept");
    // A document of no record of the corpus stays as it is; three-column qrels are read too.
    assert_eq!(lines[2][2], "ailleurs-42");
    let otan = query_json(index.path(), &["title:OTAN", "--no-synonyms"]);
    assert_eq!(lines[3], ["q2", &otan.hits[0].id, "1"]);
}
