//! One archive, one copy of each article: ids made from the place below the indexed folder and what the article is, canonical paths, moved and renamed archives, copies side by side, repeated record ids.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use tempfile::TempDir;

mod common;
use common::{copy_folder, fixtures, newsearch, query_json, Results};

fn index(index: &Path, inputs: &[&Path]) -> Output {
    let output = newsearch(index).arg("index").args(inputs).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Every article of the index, uncollapsed, by a query on a word each fixture has.
fn everything(index: &Path, word: &str) -> Results {
    query_json(index, &[word, "--no-collapse", "-n", "1000"])
}

fn ids(results: &Results) -> BTreeSet<String> {
    results.hits.iter().map(|hit| hit.id.clone()).collect()
}

fn assert_no_hit_is_its_own_duplicate(results: &Results) {
    for hit in &results.hits {
        assert!(
            !hit.duplicates.contains(&hit.id),
            "{} lists itself as its own near-duplicate",
            hit.id
        );
    }
}

/// The news fixtures and a dump, as one archive.
fn archive(root: &Path) -> PathBuf {
    let news = root.join("news");
    copy_folder(&fixtures().join("news"), &news);
    std::fs::write(
        news.join("depeches.jsonl"),
        [
            r#"{"id": "afp-1", "title": "Le Sénat vote le budget", "body": "Le Sénat a voté le budget dans la nuit, après des débats houleux."}"#,
            r#"{"id": "afp-2", "title": "Grève à la SNCF", "body": "Une grève perturbe le trafic ferroviaire ce mardi dans toute la France."}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    news
}

/// A query that every article of the archive matches (one word each).
const WORD: &str = "hôpitaux OR retraites OR climat OR missiles OR Séoul OR Sénat OR grève";

#[test]
fn a_moved_archive_keeps_its_ids_and_forgets_its_old_paths() {
    let root = TempDir::new().unwrap();
    let news = archive(root.path());
    let index_dir = TempDir::new().unwrap();
    index(index_dir.path(), &[&news]);
    let before = everything(index_dir.path(), WORD);
    assert_eq!(before.total_hits, 7);

    // mv news news-moved && newsearch index news-moved (one file deleted on the way)
    let moved = root.path().join("news-moved");
    std::fs::rename(&news, &moved).unwrap();
    std::fs::remove_file(moved.join("sommet-climat.txt")).unwrap();
    let output = index(index_dir.path(), &[&moved]);
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        errors.contains("moved to") && errors.contains("news-moved"),
        "{errors}"
    );
    let after = everything(index_dir.path(), WORD);
    assert_eq!(
        after.total_hits, 6,
        "one copy of each article, the deleted one gone"
    );
    let expected: BTreeSet<String> = before
        .hits
        .iter()
        .filter(|hit| !hit.path.ends_with("sommet-climat.txt"))
        .map(|hit| hit.id.clone())
        .collect();
    assert_eq!(ids(&after), expected, "the ids did not change");
    for hit in &after.hits {
        assert!(hit.path.contains("news-moved"), "{}", hit.path);
    }
    assert_no_hit_is_its_own_duplicate(&after);

    // The next run has nothing to do.
    let again = index(index_dir.path(), &[&moved]);
    let summary = String::from_utf8_lossy(&again.stdout);
    assert!(
        summary.contains("Indexed 0 articles from 0 files"),
        "{summary}"
    );
}

#[test]
fn keep_missing_keeps_the_files_of_a_moved_archive_that_are_not_found_again() {
    let root = TempDir::new().unwrap();
    let news = archive(root.path());
    let index_dir = TempDir::new().unwrap();
    index(index_dir.path(), &[&news]);
    // A copy without one file is indexed while the first is away (an unplugged drive).
    let copy = root.path().join("news-copie");
    copy_folder(&news, &copy);
    std::fs::remove_file(copy.join("sommet-climat.txt")).unwrap();
    let away = root.path().join(".debranche");
    std::fs::rename(&news, &away).unwrap();
    let output = newsearch(index_dir.path())
        .args(["index", "--keep-missing"])
        .arg(&copy)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let after = everything(index_dir.path(), WORD);
    assert_eq!(after.total_hits, 7, "the file found nowhere else is kept");
    let kept: Vec<&str> = after
        .hits
        .iter()
        .filter(|hit| !hit.path.contains("news-copie"))
        .map(|hit| hit.path.as_str())
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].ends_with("sommet-climat.txt"), "{kept:?}");
    assert_no_hit_is_its_own_duplicate(&after);
}

#[test]
fn ids_do_not_depend_on_where_the_archive_is() {
    let first = TempDir::new().unwrap();
    let second = TempDir::new().unwrap();
    let here = archive(first.path());
    let there = archive(&second.path().join("ailleurs/sauvegarde"));
    let (index_here, index_there) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    index(index_here.path(), &[&here]);
    index(index_there.path(), &[&there]);
    assert_eq!(
        ids(&everything(index_here.path(), WORD)),
        ids(&everything(index_there.path(), WORD))
    );
}

#[test]
fn a_folder_through_a_link_and_by_its_own_path_is_indexed_once() {
    let root = TempDir::new().unwrap();
    let news = archive(root.path());
    // A link inside the archive to one of its folders, and a link to the archive.
    std::os::unix::fs::symlink(news.join("Monde"), news.join("International")).unwrap();
    let link = root.path().join("lien-vers-news");
    std::os::unix::fs::symlink(&news, &link).unwrap();
    let index_dir = TempDir::new().unwrap();
    index(index_dir.path(), &[&news]);
    assert_eq!(everything(index_dir.path(), WORD).total_hits, 7);
    let output = index(index_dir.path(), &[&link]);
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(
        summary.contains("Indexed 0 articles from 0 files"),
        "{summary}"
    );
    let results = everything(index_dir.path(), WORD);
    assert_eq!(results.total_hits, 7);
    assert_no_hit_is_its_own_duplicate(&results);
}

fn record(id: &str, title: &str, body: &str) -> String {
    format!("{{\"id\": \"{id}\", \"title\": \"{title}\", \"body\": \"{body}\"}}\n")
}

#[test]
fn repeated_record_ids_are_told_apart() {
    let corpus = TempDir::new().unwrap();
    // The same id in two dumps, and twice in one dump, for different articles; and one
    // record copied word for word into another dump.
    std::fs::write(
        corpus.path().join("lemonde-2017.jsonl"),
        [
            record(
                "lemonde2017-2172",
                "Le budget",
                "Le gouvernement présente son budget.",
            ),
            record(
                "lemonde2017-2172",
                "La réforme",
                "La réforme du travail est adoptée.",
            ),
            record(
                "lemonde2017-9",
                "Le port",
                "Le port de Marseille s'agrandit encore.",
            ),
        ]
        .concat(),
    )
    .unwrap();
    std::fs::write(
        corpus.path().join("lemonde-2017-bis.jsonl"),
        [
            record(
                "lemonde2017-2172",
                "Les retraites",
                "Les retraites font débat au Sénat.",
            ),
            record(
                "lemonde2017-9",
                "Le port",
                "Le port de Marseille s'agrandit encore.",
            ),
        ]
        .concat(),
    )
    .unwrap();
    let index_dir = TempDir::new().unwrap();
    index(index_dir.path(), &[corpus.path()]);
    let results = everything(index_dir.path(), "budget OR réforme OR retraites OR port");
    assert_eq!(results.total_hits, 5, "no record merged with another");
    assert_eq!(ids(&results).len(), 5, "five ids");
    assert_no_hit_is_its_own_duplicate(&results);
    let collapsed = query_json(index_dir.path(), &["port Marseille"]);
    assert_eq!(
        collapsed.hits.len(),
        1,
        "the copied record folds into one result"
    );
    assert_eq!(collapsed.hits[0].duplicates.len(), 1);
    assert_no_hit_is_its_own_duplicate(&collapsed);
}

#[test]
fn dumps_with_the_same_name_in_two_folders_keep_all_their_records() {
    let corpus = TempDir::new().unwrap();
    for (year, words) in [("2023", ["neige", "pluie"]), ("2024", ["soleil", "orage"])] {
        let folder = corpus.path().join(year);
        std::fs::create_dir(&folder).unwrap();
        let body = |word: &str| format!("Le temps de {year} : la {word} domine la semaine.");
        std::fs::write(
            folder.join("dump.jsonl"),
            [
                record("1", "Météo", &body(words[0])),
                record("2", "Météo", &body(words[1])),
            ]
            .concat(),
        )
        .unwrap();
    }
    let index_dir = TempDir::new().unwrap();
    index(
        index_dir.path(),
        &[&corpus.path().join("2023"), &corpus.path().join("2024")],
    );
    for word in ["neige", "pluie", "soleil", "orage"] {
        assert_eq!(
            query_json(index_dir.path(), &[word]).total_hits,
            1,
            "{word}"
        );
    }
    assert_eq!(ids(&everything(index_dir.path(), "temps")).len(), 4);
}

#[test]
fn a_second_copy_of_an_archive_is_not_indexed_twice_and_takes_over_when_the_first_goes() {
    let root = TempDir::new().unwrap();
    let news = archive(root.path());
    let backup = root.path().join("sauvegarde");
    copy_folder(&news, &backup);
    let index_dir = TempDir::new().unwrap();
    let output = index(index_dir.path(), &[&news, &backup]);
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(
        summary.contains("7 articles already indexed from another copy"),
        "{summary}"
    );
    let results = everything(index_dir.path(), WORD);
    assert_eq!(results.total_hits, 7);
    let original_ids = ids(&results);

    std::fs::remove_dir_all(&news).unwrap();
    index(index_dir.path(), &[&backup]);
    let results = everything(index_dir.path(), WORD);
    assert_eq!(results.total_hits, 7);
    assert_eq!(ids(&results), original_ids);
    for hit in &results.hits {
        assert!(hit.path.contains("sauvegarde"), "{}", hit.path);
    }
}
