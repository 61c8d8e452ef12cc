//! The progress bar on a terminal: it is told of the text as one big dump is read, counts the text of a compressed dump, in MiB like the summary. Runs the binary under `script` (a pseudo-terminal), skipped with a message where there is none.

use std::cell::RefCell;
use std::path::Path;
use std::process::Command;

use newsearch::index::{index_files, IndexingOptions, IndexingProgress};
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

/// Whether `script` is there to give newsearch a terminal (says so when it is not).
fn has_script() -> bool {
    let found = Command::new("script").arg("--version").output().is_ok();
    if !found {
        eprintln!("SKIPPED: no `script` command to give newsearch a terminal");
    }
    found
}

/// What a terminal shows while `newsearch index DUMP` runs in it, once it ended with status 0.
fn index_on_a_terminal(dump: &Path) -> String {
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
    let screen = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(output.status.code(), Some(0), "{screen}");
    screen
}

#[test]
fn the_bar_counts_in_binary_units_like_the_summary() {
    if !has_script() {
        return;
    }
    let corpus = TempDir::new().unwrap();
    let dump = corpus.path().join("depeches.jsonl");
    write_dump(&dump, 1200);
    let screen = index_on_a_terminal(&dump);
    assert!(
        screen.contains("Indexed 1200 articles") && screen.contains(" from 1 file in "),
        "{screen}"
    );
    assert!(screen.contains(" MiB/s)"), "the summary in MiB/s: {screen}");
    let drawn = positions(&screen);
    assert!(
        drawn.iter().any(|position| position.ends_with(" MiB")),
        "the bar's position in MiB, drew {drawn:?}"
    );
    assert!(
        screen.contains("MiB/s eta") || screen.contains("KiB/s eta"),
        "the bar's rate is in binary units too: {screen}"
    );
}

/// Every `read` the run tells its progress, and when the file was done.
#[derive(Default)]
struct ReadRecorder {
    events: RefCell<Vec<Option<u64>>>,
}

impl IndexingProgress for ReadRecorder {
    fn started(&self, _files: u64, _bytes: u64) {}
    fn read(&self, bytes: u64) {
        self.events.borrow_mut().push(Some(bytes));
    }
    fn file_done(&self, _expected: u64, _read: u64) {
        self.events.borrow_mut().push(None);
    }
    fn committing(&self) {}
}

/// How often the bar is drawn depends on the machine's speed; what it is told does not:
/// the bytes of one big dump come in many steps before the file is done, adding up to it.
#[test]
fn the_bar_is_told_of_the_text_read_while_one_big_dump_is_read() {
    let corpus = TempDir::new().unwrap();
    let dump = corpus.path().join("depeches.jsonl");
    write_dump(&dump, 1200);
    let index = TempDir::new().unwrap();
    let options = IndexingOptions::new(index.path().to_path_buf(), vec![dump.clone()]);
    let recorder = ReadRecorder::default();
    index_files(&options, &recorder).unwrap();
    let events = recorder.events.into_inner();
    let done_at = events
        .iter()
        .position(Option::is_none)
        .expect("the file was done");
    let steps: Vec<u64> = events[..done_at]
        .iter()
        .flatten()
        .copied()
        .filter(|&bytes| bytes > 0)
        .collect();
    assert!(steps.len() >= 3, "told in {} steps: {steps:?}", steps.len());
    let size = std::fs::metadata(&dump).unwrap().len();
    assert_eq!(steps.iter().sum::<u64>(), size);
}

/// The last total the bar drew, in MiB (`… / 2.41 MiB`).
fn last_total_mib(screen: &str) -> Option<f64> {
    screen
        .split(['\r', '\n'])
        .filter_map(|line| line.split_once("] "))
        .filter_map(|(_, rest)| rest.split_once('/'))
        .filter_map(|(_, total)| total.split_once(" MiB"))
        .filter_map(|(number, _)| number.trim().parse().ok())
        .next_back()
}

#[test]
fn a_compressed_dump_counts_its_text_not_its_compressed_bytes() {
    if !has_script() {
        return;
    }
    let corpus = TempDir::new().unwrap();
    let plain = corpus.path().join("depeches.jsonl");
    write_dump(&plain, 1200);
    let text = std::fs::read(&plain).unwrap();
    std::fs::remove_file(&plain).unwrap();
    let dump = corpus.path().join("depeches.jsonl.zst");
    std::fs::write(&dump, zstd::encode_all(&text[..], 19).unwrap()).unwrap();
    let stored_mib = std::fs::metadata(&dump).unwrap().len() as f64 / (1024.0 * 1024.0);
    let text_mib = text.len() as f64 / (1024.0 * 1024.0);
    assert!(stored_mib < 0.8 * text_mib, "{stored_mib} {text_mib}");
    let screen = index_on_a_terminal(&dump);
    assert!(screen.contains("Indexed 1200 articles"), "{screen}");
    let total = last_total_mib(&screen).expect("the bar drew a total in MiB");
    assert!(
        (total - text_mib).abs() < 0.01,
        "the bar's total is the dump's text ({text_mib:.2} MiB), not its {stored_mib:.2} MiB on disk: {total}"
    );
}
