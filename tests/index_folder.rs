//! A user's folder is never at risk: newsearch makes an index only in a new or empty folder, marks it, and opens, rebuilds or cleans only a folder it marked (deleting only its own files); `--rebuild` takes the writer lock and swaps a complete index in.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};

use assert_cmd::Command;
use tempfile::TempDir;

mod common;
use common::{
    copy_folder, fixtures, newsearch, newsearch_process, signal, stderr, total_hits, wait_until,
};

use newsearch::index::MARKER_FILE;

/// `newsearch` with no `--index`: the folder comes from the arguments, the environment or
/// the default, as when a person types it.
fn bare_newsearch() -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin!("newsearch"));
    command.env_remove("NEWSEARCH_INDEX").env_remove("NO_COLOR");
    command
}

/// Every file under `folder` with its bytes, and every folder (as an empty entry).
fn snapshot(folder: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut entries = BTreeMap::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            let relative = path.strip_prefix(folder).unwrap().to_path_buf();
            if path.is_dir() {
                entries.insert(relative, None);
                pending.push(path);
            } else {
                entries.insert(relative, Some(std::fs::read(&path).unwrap()));
            }
        }
    }
    entries
}

/// A news archive as people keep one: pages in folders, and files newsearch does not read.
fn archive(root: &Path) -> PathBuf {
    let news = root.join("news");
    copy_folder(&fixtures().join("news"), &news);
    std::fs::write(news.join("precieux.docx"), b"PK\x03\x04 mes notes").unwrap();
    std::fs::create_dir(news.join("sub")).unwrap();
    std::fs::write(news.join("sub/notes.md"), "# Notes\n\nÀ relire.\n").unwrap();
    news
}

/// Refused with exit status 2 as "not a newsearch index", with no advice that would delete it.
fn assert_not_an_index(output: &Output) {
    let errors = stderr(output);
    assert_eq!(output.status.code(), Some(2), "{errors}");
    assert!(errors.contains("not a newsearch index"), "{errors}");
    assert!(errors.contains("choose another --index"), "{errors}");
    assert!(!errors.contains("--rebuild"), "{errors}");
    assert!(!errors.contains("damaged"), "{errors}");
    assert!(!errors.contains("panicked"), "{errors}");
}

#[test]
fn indexing_an_archive_into_itself_is_refused_and_changes_nothing() {
    let root = TempDir::new().unwrap();
    let news = archive(root.path());
    let before = snapshot(&news);

    // cd news && newsearch --index . index .
    for extra in [&[][..], &["--rebuild"][..]] {
        let output = bare_newsearch()
            .current_dir(&news)
            .args(["--index", ".", "index", "."])
            .args(extra)
            .output()
            .unwrap();
        assert_not_an_index(&output);
    }
    // newsearch --index news index news
    for extra in [&[][..], &["--rebuild"][..]] {
        let output = bare_newsearch()
            .current_dir(root.path())
            .args(["--index", "news", "index", "news"])
            .args(extra)
            .output()
            .unwrap();
        assert_not_an_index(&output);
        assert!(
            stderr(&output).contains("precieux.docx"),
            "{}",
            stderr(&output)
        );
    }
    // NEWSEARCH_INDEX pointing at the archive
    for extra in [&[][..], &["--rebuild"][..]] {
        let output = bare_newsearch()
            .current_dir(root.path())
            .env("NEWSEARCH_INDEX", &news)
            .arg("index")
            .args(extra)
            .arg(fixtures().join("seeds"))
            .output()
            .unwrap();
        assert_not_an_index(&output);
    }
    for command in [
        &["query", "climat"][..],
        &["stats"][..],
        &["show", "0123"][..],
    ] {
        let output = bare_newsearch()
            .current_dir(root.path())
            .env("NEWSEARCH_INDEX", &news)
            .args(command)
            .output()
            .unwrap();
        assert_not_an_index(&output);
    }
    assert_eq!(snapshot(&news), before, "the archive is untouched");
}

#[test]
fn a_folder_with_its_own_meta_json_is_not_an_index() {
    let root = TempDir::new().unwrap();
    let project = root.path().join("proj");
    std::fs::create_dir(&project).unwrap();
    std::fs::write(
        project.join("meta.json"),
        r#"{"name": "mon-site", "version": "1.0"}"#,
    )
    .unwrap();
    std::fs::write(
        project.join("index.html"),
        "<html><body>Accueil</body></html>",
    )
    .unwrap();
    let dataset = root.path().join("dataset");
    std::fs::create_dir(&dataset).unwrap();
    std::fs::write(
        dataset.join("meta.json"),
        r#"{"schema": [{"name": "titre"}]}"#,
    )
    .unwrap();

    for folder in [&project, &dataset] {
        let before = snapshot(folder);
        assert_not_an_index(&newsearch(folder).args(["query", "x"]).output().unwrap());
        for extra in [&[][..], &["--rebuild"][..]] {
            let output = newsearch(folder)
                .arg("index")
                .args(extra)
                .arg(fixtures().join("news"))
                .output()
                .unwrap();
            assert_not_an_index(&output);
        }
        assert_eq!(
            snapshot(folder),
            before,
            "{} is untouched",
            folder.display()
        );
    }
}

#[test]
fn an_index_is_made_only_in_a_new_or_empty_folder_and_marked() {
    let root = TempDir::new().unwrap();
    let new = root.path().join("a/new/index");
    let output = newsearch(&new)
        .arg("index")
        .arg(fixtures().join("news"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let marker = std::fs::read_to_string(new.join(MARKER_FILE)).unwrap();
    assert!(marker.starts_with("newsearch index\n"), "{marker}");

    let empty = root.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let output = newsearch(&empty)
        .args(["index", "--rebuild"])
        .arg(fixtures().join("news"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(empty.join(MARKER_FILE).is_file());
    assert_eq!(total_hits(&empty, "climat"), total_hits(&new, "climat"));
}

#[test]
fn a_rebuild_deletes_only_newsearch_files() {
    let index = TempDir::new().unwrap();
    let news = fixtures().join("news");
    let first = newsearch(index.path())
        .arg("index")
        .arg(&news)
        .output()
        .unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    // Someone saves a file in the index folder, and a folder.
    std::fs::write(index.path().join("a-garder.txt"), "mes notes").unwrap();
    std::fs::create_dir(index.path().join("brouillons")).unwrap();
    std::fs::write(index.path().join("brouillons/b.txt"), "brouillon").unwrap();
    let segments_before: Vec<String> = segment_names(index.path());

    let output = newsearch(index.path())
        .args(["index", "--rebuild"])
        .arg(fixtures().join("seeds"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(index.path().join("a-garder.txt")).unwrap(),
        "mes notes"
    );
    assert_eq!(
        std::fs::read_to_string(index.path().join("brouillons/b.txt")).unwrap(),
        "brouillon"
    );
    assert_eq!(total_hits(index.path(), "climat"), 0, "only the seeds now");
    assert!(total_hits(index.path(), "Corée") > 0);
    let segments_after = segment_names(index.path());
    assert!(
        segments_before
            .iter()
            .all(|old| !segments_after.contains(old)),
        "the old segment files are gone: {segments_before:?} {segments_after:?}"
    );
    assert!(!index.path().join(".newsearch-rebuild").exists());
    assert!(index.path().join(MARKER_FILE).is_file());
}

/// The names of the segment files in an index folder (32 hex digits, a dot, a component).
fn segment_names(index: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(index)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.len() > 33 && name.as_bytes()[32] == b'.')
        .collect();
    names.sort();
    names
}

#[test]
fn an_index_made_before_markers_is_recognised_and_rebuilt() {
    let index = TempDir::new().unwrap();
    let output = newsearch(index.path())
        .arg("index")
        .arg(fixtures().join("news"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let hits = total_hits(index.path(), "climat");
    std::fs::remove_file(index.path().join(MARKER_FILE)).unwrap();

    let output = newsearch(index.path())
        .args(["index", "--rebuild"])
        .arg(fixtures().join("news"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(total_hits(index.path(), "climat"), hits);
    assert!(
        index.path().join(MARKER_FILE).is_file(),
        "marked from now on"
    );
}

#[test]
fn meta_json_replaced_by_a_folder_has_a_way_out() {
    let index = TempDir::new().unwrap();
    let news = fixtures().join("news");
    assert!(newsearch(index.path())
        .arg("index")
        .arg(&news)
        .output()
        .unwrap()
        .status
        .success());
    let hits = total_hits(index.path(), "climat");
    let meta = index.path().join("meta.json");
    std::fs::remove_file(&meta).unwrap();
    std::fs::create_dir(&meta).unwrap();

    for command in [&["query", "climat"][..], &["index"][..]] {
        let output = newsearch(index.path())
            .args(command)
            .arg(if command[0] == "index" {
                news.as_os_str()
            } else {
                "x".as_ref()
            })
            .output()
            .unwrap();
        let errors = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{errors}");
        assert!(errors.contains("is damaged"), "{errors}");
        assert!(
            errors.contains("run `newsearch index --rebuild`"),
            "{errors}"
        );
    }
    // A file in it: someone's, so it is left alone and the rebuild says so.
    std::fs::write(meta.join("a.txt"), "à moi").unwrap();
    let output = newsearch(index.path())
        .args(["index", "--rebuild"])
        .arg(&news)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("move it away"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(meta.join("a.txt")).unwrap(),
        "à moi"
    );

    std::fs::remove_file(meta.join("a.txt")).unwrap();
    let output = newsearch(index.path())
        .args(["index", "--rebuild"])
        .arg(&news)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(total_hits(index.path(), "climat"), hits);
}

/// Pages of plain French prose: enough files for a run that lasts a while.
fn write_pages(folder: &Path, count: usize, tag: &str) {
    std::fs::create_dir_all(folder).unwrap();
    for page in 0..count {
        let text = format!(
            "Dépêche {tag} numéro {page}\n\n\
             Le conseil municipal a voté mardi soir un budget de {page} euros pour la rénovation des écoles du quartier {tag}. \
             Les habitants ont été nombreux à venir écouter les débats, selon la mairie, qui promet des travaux avant l'été. \
             L'opposition dénonce un calendrier trop serré et demande une nouvelle consultation des parents d'élèves.\n"
        );
        std::fs::write(folder.join(format!("{tag}-{page:04}.txt")), text).unwrap();
    }
}

/// How many articles the index holds, from `stats --json`; `None` when it does not open.
fn articles(index: &Path) -> Option<u64> {
    let output = newsearch(index).args(["stats", "--json"]).output().unwrap();
    if !output.status.success() {
        return None;
    }
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    stats["articles"].as_u64()
}

#[test]
fn a_rebuild_waits_for_no_one_and_breaks_no_running_index() {
    let corpus = TempDir::new().unwrap();
    write_pages(corpus.path(), 600, "lot");
    let index = TempDir::new().unwrap();
    let running: Child = newsearch_process(index.path())
        .args(["index", "--commit-every", "20"])
        .arg(corpus.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_until("a first commit", || articles(index.path()).unwrap_or(0) > 0);
    signal(&running, "STOP");
    let committed = articles(index.path()).unwrap();

    let rebuild = newsearch(index.path())
        .args(["index", "--rebuild"])
        .arg(fixtures().join("news"))
        .output()
        .unwrap();
    let errors = stderr(&rebuild);
    assert_eq!(rebuild.status.code(), Some(2), "{errors}");
    assert!(
        errors.contains("is being written by another `newsearch index`"),
        "{errors}"
    );
    assert_eq!(articles(index.path()), Some(committed), "nothing changed");

    signal(&running, "CONT");
    let finished = running.wait_with_output().unwrap();
    assert!(finished.status.success(), "{}", stderr(&finished));
    assert_eq!(articles(index.path()), Some(600));
}

#[test]
fn queries_during_a_rebuild_see_the_previous_index_until_the_new_one_is_complete() {
    let old_corpus = TempDir::new().unwrap();
    write_pages(old_corpus.path(), 30, "ancien");
    let new_corpus = TempDir::new().unwrap();
    write_pages(new_corpus.path(), 1000, "nouveau");
    let index = TempDir::new().unwrap();
    let first = newsearch(index.path())
        .arg("index")
        .arg(old_corpus.path())
        .output()
        .unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(articles(index.path()), Some(30));

    let mut rebuild: Child = newsearch_process(index.path())
        .args(["index", "--rebuild", "--commit-every", "10"])
        .arg(new_corpus.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let aside_meta = index.path().join(".newsearch-rebuild/meta.json");
    wait_until("the rebuild's first commit", || {
        std::fs::read_to_string(&aside_meta).is_ok_and(|meta| meta.contains("nouveau-"))
    });
    signal(&rebuild, "STOP");
    assert_eq!(articles(index.path()), Some(30), "the previous index");
    assert_eq!(total_hits(index.path(), "nouveau"), 0);
    signal(&rebuild, "CONT");

    let mut seen = Vec::new();
    while rebuild.try_wait().unwrap().is_none() {
        let count = articles(index.path());
        assert!(
            count == Some(30) || count == Some(1000),
            "a query saw {count:?} articles during the rebuild"
        );
        seen.push(count);
    }
    let finished = rebuild.wait_with_output().unwrap();
    assert!(finished.status.success(), "{}", stderr(&finished));
    assert_eq!(articles(index.path()), Some(1000));
    assert_eq!(total_hits(index.path(), "ancien"), 0);
    assert!(!index.path().join(".newsearch-rebuild").exists());
    println!("counts seen while the rebuild ran: {seen:?}");
}

/// What `newsearch index` printed, and the skipped-file lines of its stderr.
fn skipped_lines(output: &Output) -> Vec<String> {
    stderr(output)
        .lines()
        .filter(|line| line.contains("skipped"))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_index_is_never_read_as_input() {
    let root = TempDir::new().unwrap();
    let news = root.path().join("news");
    copy_folder(&fixtures().join("news"), &news);
    // cd news && newsearch index . (the default --index is ./index, inside the archive)
    let run = || {
        bare_newsearch()
            .current_dir(&news)
            .args(["index", "."])
            .output()
            .unwrap()
    };
    let first = run();
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(news.join("index").join(MARKER_FILE).is_file());
    let second = run();
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(skipped_lines(&second).is_empty(), "{}", stderr(&second));
    let summary = String::from_utf8_lossy(&second.stdout);
    assert!(
        summary.contains("Indexed 0 articles from 0 files"),
        "{summary}"
    );
    assert!(summary.contains("5 unchanged files"), "{summary}");

    // Another newsearch index inside the inputs, marked or made before markers, and the
    // index folder given as an input: never read.
    let other = news.join("Monde/ancien-index");
    let made = newsearch(&other)
        .arg("index")
        .arg(fixtures().join("seeds"))
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", stderr(&made));
    let unmarked = news.join("Economie/index-sans-marque");
    copy_folder(&other, &unmarked);
    std::fs::remove_file(unmarked.join(MARKER_FILE)).unwrap();
    let third = bare_newsearch()
        .current_dir(&news)
        .args(["index", ".", "index"])
        .output()
        .unwrap();
    assert_eq!(third.status.code(), Some(0), "{}", stderr(&third));
    assert!(skipped_lines(&third).is_empty(), "{}", stderr(&third));
    let summary = String::from_utf8_lossy(&third.stdout);
    assert!(
        summary.contains("Indexed 0 articles from 0 files"),
        "{summary}"
    );
}

/// The repository's `index/` folder, as a fresh clone has it (only its `.gitignore`), takes
/// the README's first command and keeps that file through a rebuild.
#[test]
fn the_repository_index_folder_takes_the_quick_start_command() {
    let scratch = TempDir::new().unwrap();
    let folder = scratch.path().join("index");
    std::fs::create_dir(&folder).unwrap();
    let repository_index = Path::new(env!("CARGO_MANIFEST_DIR")).join("index");
    std::fs::copy(
        repository_index.join(".gitignore"),
        folder.join(".gitignore"),
    )
    .unwrap();
    let gitignore = std::fs::read(folder.join(".gitignore")).unwrap();
    let seeds = fixtures().join("seeds");
    for arguments in [&["index"][..], &["index", "--rebuild"][..]] {
        let output = newsearch(&folder)
            .args(arguments)
            .arg(&seeds)
            .output()
            .unwrap();
        assert!(output.status.success(), "{arguments:?}: {output:?}");
    }
    let mentioning = std::fs::read_dir(&seeds)
        .unwrap()
        .filter(|entry| {
            std::fs::read_to_string(entry.as_ref().unwrap().path())
                .unwrap()
                .contains("Corée")
        })
        .count() as u64;
    assert_eq!(total_hits(&folder, "Corée"), mentioning);
    assert_eq!(std::fs::read(folder.join(".gitignore")).unwrap(), gitignore);
}
