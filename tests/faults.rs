//! Faults that tell the truth: a read-only index answers queries and says "read-only" to `index`; a full disk is named and leaves the next run able to go on. Both run in a private mount namespace (`unshare`), and are skipped with a message where one cannot be made.

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

mod common;
use common::{fixtures, index_into, stdout};

/// Runs `script` with `sh` in a private user and mount namespace, where it may mount
/// file systems that vanish with it; `None` (and a message) where the system allows none.
fn in_private_mounts(script: &str) -> Option<Output> {
    let probe = Command::new("unshare")
        .args(["-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /tmp"])
        .output();
    if !probe.is_ok_and(|output| output.status.success()) {
        eprintln!("SKIPPED: cannot make a private mount namespace here (unshare -rm, mount)");
        return None;
    }
    let output = Command::new("unshare")
        .args(["-rm", "sh", "-c", script])
        .env("NEWSEARCH", assert_cmd::cargo::cargo_bin!("newsearch"))
        .env_remove("NEWSEARCH_INDEX")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    Some(output)
}

fn quoted(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', r"'\''"))
}

/// The sections of a script's output, split where it echoes `--- NAME`.
fn section<'a>(text: &'a str, name: &str) -> &'a str {
    let start = text
        .find(&format!("--- {name}\n"))
        .unwrap_or_else(|| panic!("no section {name} in\n{text}"))
        + name.len()
        + 5;
    let rest = &text[start..];
    &rest[..rest.find("--- ").unwrap_or(rest.len())]
}

#[test]
fn a_read_only_index_answers_queries_and_says_read_only_to_index() {
    let index = TempDir::new().unwrap();
    let news = fixtures().join("news");
    let built = index_into(index.path(), &[&news]);
    assert!(built.status.success(), "{}", stdout(&built));
    let (index, news) = (quoted(index.path()), quoted(&news));
    let script = format!(
        r#"mount --bind {index} {index} && mount -o remount,bind,ro {index} || exit 99
echo "--- query"; "$NEWSEARCH" --index {index} query Séoul --json 2>&1; echo "exit $?"
echo "--- stats"; "$NEWSEARCH" --index {index} stats 2>&1; echo "exit $?"
echo "--- index"; "$NEWSEARCH" --index {index} index {news} 2>&1; echo "exit $?"
echo "--- rebuild"; "$NEWSEARCH" --index {index} index --rebuild {news} 2>&1; echo "exit $?"
echo "--- end""#
    );
    let Some(output) = in_private_mounts(&script) else {
        return;
    };
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    let query = section(&text, "query");
    assert!(query.contains("\"total_hits\":2"), "{query}");
    assert!(query.ends_with("exit 0\n"), "{query}");
    assert!(section(&text, "stats").contains("Articles: 5"), "{text}");
    for run in ["index", "rebuild"] {
        let said = section(&text, run);
        assert!(
            said.contains("is read-only (Read-only file system (os error 30)): queries read it, but `newsearch index` cannot write it"),
            "{run}: {said}"
        );
        assert!(
            !said.contains("damaged") && !said.contains("--rebuild"),
            "{said}"
        );
        assert!(said.ends_with("exit 2\n"), "{run}: {said}");
    }
}

/// `count` pages of pseudo-random words, about 12 kB each: text that compresses badly, so
/// that the index of a few hundred of them fills a small disk.
fn write_noise_pages(folder: &Path, count: usize) {
    std::fs::create_dir_all(folder).unwrap();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for page in 0..count {
        let words: Vec<String> = (0..1500)
            .map(|_| {
                let length = 3 + next() % 8;
                (0..length)
                    .map(|_| char::from(b'a' + (next() % 26) as u8))
                    .collect()
            })
            .collect();
        std::fs::write(
            folder.join(format!("page-{page:04}.txt")),
            format!("Page {page}\n\n{}.\n", words.join(" ")),
        )
        .unwrap();
    }
}

#[test]
fn a_full_disk_is_named_its_files_removed_and_the_next_run_goes_on() {
    let root = TempDir::new().unwrap();
    let small = root.path().join("small");
    std::fs::create_dir(&small).unwrap();
    std::fs::copy(
        fixtures().join("news/sommet-climat.txt"),
        small.join("sommet-climat.txt"),
    )
    .unwrap();
    let big = root.path().join("big");
    write_noise_pages(&big, 120);
    let disk = root.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let (disk, small, big) = (quoted(&disk), quoted(&small), quoted(&big));
    let script = format!(
        r#"mount -t tmpfs -o size=1m tmpfs {disk} || exit 99
index={disk}/index
echo "--- first"; "$NEWSEARCH" --index "$index" index {small} 2>&1; echo "exit $?"
ls -A "$index" | sort > {disk}/../before
echo "--- full"; "$NEWSEARCH" --index "$index" index {small} {big} 2>&1; echo "exit $?"
echo "--- left"; ls -A "$index" | sort | diff {disk}/../before - && echo "same files"
echo "--- again"; "$NEWSEARCH" --index "$index" index {small} {big} 2>&1; echo "exit $?"
echo "--- after"; "$NEWSEARCH" --index "$index" index {small} 2>&1; echo "exit $?"
echo "--- query"; "$NEWSEARCH" --index "$index" query climat --json 2>&1; echo "exit $?"
echo "--- end""#
    );
    let Some(output) = in_private_mounts(&script) else {
        return;
    };
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(section(&text, "first").ends_with("exit 0\n"), "{text}");
    for run in ["full", "again"] {
        let said = section(&text, run);
        assert!(
            said.contains("newsearch: no space left on device at ")
                && said
                    .contains("the index keeps its last commit and this run's files were removed"),
            "{run}: {said}"
        );
        assert!(
            !said.contains("panicked") && !said.contains("killed"),
            "{said}"
        );
        assert!(said.ends_with("exit 2\n"), "{run}: {said}");
    }
    assert_eq!(
        section(&text, "left"),
        "same files\n",
        "the failed run's files are gone"
    );
    let after = section(&text, "after");
    assert!(after.contains("1 unchanged file"), "{after}");
    assert!(after.ends_with("exit 0\n"), "{after}");
    assert!(
        section(&text, "query").contains("\"total_hits\":1"),
        "{text}"
    );
}
