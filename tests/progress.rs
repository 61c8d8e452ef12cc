//! The progress bar on a terminal: it moves while one big dump is read, in MiB like the summary. Runs the binary under `script` (a pseudo-terminal), skipped with a message where there is none.

use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

/// A JSON Lines dump of `records` articles of 300 pseudo-random words (about 2 kB each).
fn write_dump(path: &Path, records: usize) {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut lines = String::new();
    for record in 0..records {
        let words: Vec<String> = (0..300)
            .map(|_| {
                (0..3 + next() % 7)
                    .map(|_| char::from(b'a' + (next() % 26) as u8))
                    .collect()
            })
            .collect();
        lines.push_str(&format!(
            "{{\"id\": \"{record}\", \"title\": \"Dépêche {record}\", \"body\": \"{}.\"}}\n",
            words.join(" ")
        ));
    }
    std::fs::write(path, lines).unwrap();
}

/// The positions the bar showed, in the order drawn (`1.25 MiB` of `… MiB`).
fn positions(screen: &str) -> Vec<String> {
    screen
        .split(['\r', '\n'])
        .filter_map(|line| line.split_once("] "))
        .filter_map(|(_, rest)| rest.split_once('/'))
        .map(|(position, _)| position.to_string())
        .collect()
}

#[test]
fn the_bar_moves_while_one_big_dump_is_read() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("SKIPPED: no `script` command to give newsearch a terminal");
        return;
    }
    let corpus = TempDir::new().unwrap();
    let dump = corpus.path().join("depeches.jsonl");
    write_dump(&dump, 1200);
    let index = TempDir::new().unwrap();
    let command = format!(
        "'{}' --index '{}' index '{}'",
        assert_cmd::cargo::cargo_bin!("newsearch").display(),
        index.path().display(),
        dump.display()
    );
    let output = Command::new("script")
        .args(["-qfec", &command, "/dev/null"])
        .env_remove("NEWSEARCH_INDEX")
        .env_remove("NO_COLOR")
        .env("TERM", "xterm")
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{screen}");
    assert!(
        screen.contains("Indexed 1200 articles") && screen.contains(" from 1 file in "),
        "{screen}"
    );
    assert!(screen.contains(" MiB/s)"), "the summary in MiB/s: {screen}");
    let drawn = positions(&screen);
    let moving: Vec<&String> = drawn
        .iter()
        .filter(|position| position.ends_with("KiB") || position.ends_with("MiB"))
        .collect();
    let mut distinct = moving.clone();
    distinct.dedup();
    assert!(
        distinct.len() >= 3,
        "the bar should move inside the file, drew {drawn:?}"
    );
    assert!(
        screen.contains("MiB/s eta") || screen.contains("KiB/s eta"),
        "the bar's rate is in binary units too: {screen}"
    );
}
