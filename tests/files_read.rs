//! Which files a run reads: `.ignore` and `.gitignore` files and `--exclude` globs are honoured, files in formats newsearch does not read are counted without an error, a file named on the command line is always read or reported.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

mod common;
use common::{copy_folder, fixtures, index_into, stderr, stdout, total_hits};

/// The news fixtures (5 pages) with a report, a photo and a spreadsheet beside them.
fn archive(root: &Path) -> PathBuf {
    let news = root.join("news");
    copy_folder(&fixtures().join("news"), &news);
    std::fs::write(news.join("rapport.pdf"), b"%PDF-1.4\n%\xe2\xe3").unwrap();
    std::fs::create_dir(news.join("images")).unwrap();
    std::fs::write(news.join("images/photo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    std::fs::write(news.join("chiffres.csv"), "annee,ventes\n2024,12\n").unwrap();
    news
}

/// Writes a one-paragraph page about `word`.
fn page(path: &Path, word: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        path,
        format!("Une page sur {word}\n\nCette page parle de {word} en détail, avec plusieurs phrases sur {word}.\n"),
    )
    .unwrap();
}

#[test]
fn files_in_other_formats_are_counted_not_reported_and_not_an_error() {
    let root = TempDir::new().unwrap();
    let news = archive(root.path());
    let news = news.to_str().unwrap();
    let index_dir = TempDir::new().unwrap();
    for run in ["first", "second"] {
        let output = index_into(index_dir.path(), &[news]);
        assert_eq!(output.status.code(), Some(0), "{run}: {}", stderr(&output));
        assert_eq!(stderr(&output), "", "{run}: nothing is wrong");
        assert!(
            stdout(&output)
                .contains("0 skipped (3 files in other formats not read: --verbose lists them);"),
            "{run}: {}",
            stdout(&output)
        );
    }
    let listed = index_into(index_dir.path(), &[news, "--verbose"]);
    assert_eq!(listed.status.code(), Some(0), "{}", stderr(&listed));
    let errors = stderr(&listed);
    for name in ["chiffres.csv", "images/photo.png", "rapport.pdf"] {
        assert!(
            errors.contains(&format!(
                "newsearch: not read (not a format newsearch reads): {news}/{name}\n"
            )),
            "{name}: {errors}"
        );
    }
    assert_eq!(errors.lines().count(), 3, "{errors}");

    // A file named on the command line is expected to be read: it is reported.
    let pdf = format!("{news}/rapport.pdf");
    let named = index_into(index_dir.path(), &[news, &pdf]);
    assert_eq!(named.status.code(), Some(1), "{}", stderr(&named));
    assert!(
        stderr(&named).contains("rapport.pdf: not a format newsearch reads"),
        "{}",
        stderr(&named)
    );
}

#[test]
fn ignore_files_leave_out_what_they_name() {
    let root = TempDir::new().unwrap();
    let news = archive(root.path());
    page(&news.join("brouillons/projet.txt"), "brouillon");
    page(&news.join("Monde/notes-perso.txt"), "pense-bête");
    std::fs::write(news.join(".ignore"), "brouillons/\nnotes-*.txt\n").unwrap();
    let index_dir = TempDir::new().unwrap();
    let output = index_into(index_dir.path(), &[news.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Indexed 5 articles from 5 files"),
        "{}",
        stdout(&output)
    );
    assert_eq!(total_hits(index_dir.path(), "brouillon"), 0);
    assert_eq!(total_hits(index_dir.path(), "pense-bête"), 0);
    assert_eq!(total_hits(index_dir.path(), "retraites"), 1);

    // Named on the command line, an ignored file is read all the same.
    let named = news.join("brouillons/projet.txt");
    let output = index_into(index_dir.path(), &[named.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(total_hits(index_dir.path(), "brouillon"), 1);
}

#[test]
fn a_gitignore_counts_in_a_git_repository_as_in_ripgrep_and_fd() {
    let root = TempDir::new().unwrap();
    let news = archive(root.path());
    page(&news.join("export/tout.txt"), "exportation");
    std::fs::write(news.join(".gitignore"), "export/\n").unwrap();
    let index_dir = TempDir::new().unwrap();
    let folder = news.to_str().unwrap();
    index_into(index_dir.path(), &[folder]);
    assert_eq!(
        total_hits(index_dir.path(), "exportation"),
        1,
        "outside a git repository, a .gitignore is not followed"
    );
    std::fs::create_dir(news.join(".git")).unwrap();
    let output = index_into(index_dir.path(), &[folder]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("removed the articles of"));
    assert_eq!(total_hits(index_dir.path(), "exportation"), 0);
}

#[test]
fn exclude_globs_leave_out_files_and_folders() {
    let root = TempDir::new().unwrap();
    let news = archive(root.path());
    let folder = news.to_str().unwrap();
    let index_dir = TempDir::new().unwrap();
    let output = index_into(
        index_dir.path(),
        &[folder, "--exclude", "Monde", "--exclude", "sommet-*.txt"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Indexed 2 articles from 2 files"),
        "{}",
        stdout(&output)
    );
    assert_eq!(total_hits(index_dir.path(), "Séoul"), 0);
    assert_eq!(total_hits(index_dir.path(), "retraites"), 1);

    // A glob that cannot be read stops the run before anything is read.
    let bad = index_into(index_dir.path(), &[folder, "--exclude", "Monde/[a-"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("--exclude \"Monde/[a-\": ") && stderr(&bad).contains(".gitignore"),
        "{}",
        stderr(&bad)
    );
    assert_eq!(total_hits(index_dir.path(), "retraites"), 1);
}

#[test]
fn a_stray_byte_in_utf8_text_is_replaced_and_the_file_named_not_skipped() {
    let root = TempDir::new().unwrap();
    let news = root.path().join("news");
    std::fs::create_dir(&news).unwrap();
    // One damaged byte (\xEF alone) in UTF-8 text, on the third line of a page and in the
    // second record of a dump: the accents around it must stay accents.
    let page = news.join("canicule.txt");
    std::fs::write(
        &page,
        b"La canicule s'installe\n\nUn \xC3\xA9t\xC3\xA9 br\xC3\xBBlant s'installe sur la France, et la m\xC3\xA9t\xC3\xA9o annonce 40 degr\xC3\xA9s.\nLa na\xEFve m\xC3\xA9t\xC3\xA9o du jour annonce 40 degr\xC3\xA9s \xC3\xA0 Lyon.\n",
    )
    .unwrap();
    let dump = news.join("depeches.jsonl");
    std::fs::write(
        &dump,
        [
            &b"{\"id\": \"a\", \"title\": \"Orages\", \"body\": \"Des orages \xC3\xA9clatent sur la Bretagne.\"}\n"[..],
            b"{\"id\": \"b\", \"title\": \"S\xC3\xA9cheresse\", \"body\": \"La s\xC3\xA9cheresse \xEF touche l'\xC3\xA9t\xC3\xA9 breton.\"}\n",
        ]
        .concat(),
    )
    .unwrap();
    let index_dir = TempDir::new().unwrap();
    let output = index_into(index_dir.path(), &[&news]);
    let said = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "read, not skipped: {said}");
    assert!(
        stdout(&output).contains("; 0 skipped"),
        "{}",
        stdout(&output)
    );
    let notes: Vec<&str> = said.lines().collect();
    assert_eq!(notes.len(), 2, "each file named once: {said}");
    assert!(
        said.contains(&format!(
            "newsearch: note: {}:4: 1 byte not UTF-8 read as U+FFFD",
            page.canonicalize().unwrap().display()
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "newsearch: note: {}:2: 1 byte not UTF-8 read as U+FFFD",
            dump.canonicalize().unwrap().display()
        )),
        "{said}"
    );
    // The accents stayed accents (read as Windows-1252, "été" would be "Ã©tÃ©").
    assert_eq!(total_hits(index_dir.path(), "\"été brûlant\""), 1);
    assert_eq!(total_hits(index_dir.path(), "\"sécheresse touche\""), 1);
}
