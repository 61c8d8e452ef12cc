//! A folder of hostile files beside good ones: each bad file is reported with its path and reason, every good file is indexed, nothing panics, and no escape sequence reaches the terminal.

use std::io::Write;
use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::{newsearch, total_hits};

use newsearch::date::Date;
use newsearch::extract::MAX_ARTICLE_BYTES;
use newsearch::index::{index_files, IndexingOptions, IndexingProgress};

fn run(command: &mut Command) -> (Output, String, String) {
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (output, stdout, stderr)
}

/// A page in the shape of a scraped article: a title, then a paragraph of prose.
fn page(title: &str, sentence: &str) -> String {
    format!("{title}\n\n{sentence} Les habitants ont été nombreux à venir voir le résultat, selon la mairie qui s'en félicite.\n")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Pseudo-random bytes that do not compress (a fixed xorshift sequence).
fn noise(length: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..length)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

/// JSON Lines whose bodies carry a unique number each, so that compressed they are long.
fn records(count: usize, word: &str) -> String {
    (0..count)
        .map(|number| {
            let unique = noise(number % 97 + 24)
                .iter()
                .map(|byte| format!("{byte:02x}"))
                .collect::<String>();
            format!("{{\"id\": \"{word}-{number}\", \"title\": \"Dépêche {number}\", \"body\": \"Le {word} numéro {number} {unique} a été publié.\"}}\n")
        })
        .collect()
}

/// Writes the hostile corpus; returns whether the unreadable file really is unreadable to
/// this process (a test run as root reads any file whatever its mode).
fn write_hostile_corpus(corpus: &Path) -> bool {
    let write = |name: &str, bytes: &[u8]| {
        let path = corpus.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    // Good files, each with its own word.
    write(
        "good.txt",
        page(
            "Le maire inaugure un tramway",
            "Le nouveau tramway relie enfin le centre aux quartiers est.",
        )
        .as_bytes(),
    );
    let deep: String = (0..120).map(|_| "d/").collect();
    write(
        &format!("{deep}profond.txt"),
        page(
            "Une page très profonde",
            "Le spéléologue est descendu dans le gouffre pendant trois jours.",
        )
        .as_bytes(),
    );
    let mut latin = page("Le boulanger du village", "Le boulanger a cuit son pain ").into_bytes();
    latin.extend_from_slice(b"\xE0 l'aube, \xFF\xFE comme chaque matin.\n");
    write("invalid-utf8.txt", &latin);
    let script = format!(
        "<html><head><title>Grosse page</title><script>{}</script></head><body><article><p>Le conseil municipal a voté le budget du funiculaire après une longue séance publique.</p></article></body></html>",
        "var funiculaire_cache = 'javascript';".repeat(100_000)
    );
    write("script.html", script.as_bytes());
    write(
        "ansi.txt",
        page(
            "Titre \u{1b}[31mrouge\u{1b}[0m et \u{7}cloche",
            "Le \u{1b}]0;pwned\u{7}trombone joue \u{1b}[2J\u{8}faux dans la fanfare.",
        )
        .as_bytes(),
    );
    // Bad files.
    write("empty.txt", b"");
    write(
        "photo",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    );
    write("noise.txt.gz", &gzip(&noise(4096)));
    write(
        "nul.txt",
        b"Un titre\n\nUn texte qui contient un \x00 octet nul.\n",
    );
    let mut huge = std::fs::File::create(corpus.join("huge.txt")).unwrap();
    let line = "mot ".repeat(1 << 18);
    for _ in 0..100 {
        huge.write_all(line.as_bytes()).unwrap();
    }
    let truncated_gzip = gzip(records(3000, "hautbois").as_bytes());
    write(
        "dump-truncated.jsonl.gz",
        &truncated_gzip[..truncated_gzip.len() / 2],
    );
    let truncated_zstd = zstd::encode_all(records(3000, "basson").as_bytes(), 3).unwrap();
    write(
        "dump-truncated.jsonl.zst",
        &truncated_zstd[..truncated_zstd.len() / 2],
    );
    write("malformed.jsonl", b"{\"title\": \"Bon\", \"body\": \"Le violoncelle est accord\xc3\xa9.\"}\n{\"title\": \"x\", \"body\": \n");
    let mut long_record = b"{\"title\": \"Long\", \"body\": \"".to_vec();
    long_record.resize(MAX_ARTICLE_BYTES as usize + 10, b'a');
    long_record.extend_from_slice(
        b"\"}\n{\"title\": \"Court\", \"body\": \"La contrebasse suit le rythme.\"}\n",
    );
    write("long-record.jsonl", &long_record);
    std::os::unix::fs::symlink("..", corpus.join("d/boucle")).unwrap();
    std::os::unix::fs::symlink("nulle-part.txt", corpus.join("lien-mort.txt")).unwrap();
    write(
        "illisible.txt",
        page("Page illisible", "Le xylographe grave le bois.").as_bytes(),
    );
    let unreadable = corpus.join("illisible.txt");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::File::open(&unreadable).is_err()
}

#[test]
fn hostile_files_are_reported_and_good_files_indexed() {
    let corpus = TempDir::new().unwrap();
    let unreadable = write_hostile_corpus(corpus.path());
    let index = TempDir::new().unwrap();
    let (output, stdout, stderr) = run(newsearch(index.path()).arg("index").arg(corpus.path()));
    assert_eq!(
        output.status.code(),
        Some(1),
        "some files were skipped: {stderr}"
    );

    let expected = [
        ("empty.txt", "empty file"),
        ("photo", "binary data, not text"),
        ("noise.txt.gz", "binary data, not text"),
        ("nul.txt", "binary data, not text"),
        ("huge.txt", "larger than 32 MiB, the limit for one page"),
        ("dump-truncated.jsonl.gz", "cannot decompress the gzip data"),
        (
            "dump-truncated.jsonl.zst",
            "cannot decompress the zstd data",
        ),
        ("malformed.jsonl:2", "malformed JSON"),
        ("long-record.jsonl:1", "record larger than 32 MiB"),
        ("d/boucle", "symbolic link loop"),
        ("lien-mort.txt", "No such file or directory"),
    ];
    for (name, reason) in expected {
        let line = format!(
            "newsearch: skipped {}: {reason}",
            corpus.path().join(name).display()
        );
        assert!(stderr.contains(&line), "{line:?} not in\n{stderr}");
    }
    let skipped_count = expected.len() + usize::from(unreadable);
    if unreadable {
        assert!(
            stderr.contains("illisible.txt: cannot read: Permission denied"),
            "{stderr}"
        );
    }
    // A page in UTF-8 with stray bytes is read, and named with a note.
    let note = format!(
        "newsearch: note: {}:4: 3 bytes not UTF-8 read as U+FFFD",
        corpus.path().join("invalid-utf8.txt").display()
    );
    assert!(stderr.contains(&note), "{note:?} not in\n{stderr}");
    assert_eq!(stderr.lines().count(), skipped_count + 1, "{stderr}");
    assert!(
        stdout.contains(&format!("; {skipped_count} skipped;")),
        "{stdout}"
    );

    for word in [
        "tramway",
        "spéléologue",
        "boulanger",
        "funiculaire",
        "trombone",
        "violoncelle",
        "contrebasse",
    ] {
        assert_eq!(total_hits(index.path(), word), 1, "{word}");
    }
    assert_eq!(
        total_hits(index.path(), "javascript"),
        0,
        "scripts are not text"
    );
    assert_eq!(
        total_hits(index.path(), "xylographe"),
        u64::from(!unreadable)
    );
    // The records read before the damage are kept.
    assert!(total_hits(index.path(), "hautbois") > 0);
    assert!(total_hits(index.path(), "basson") > 0);
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    let corpus = TempDir::new().unwrap();
    std::fs::write(
        corpus.path().join("ansi.txt"),
        page(
            "Titre \u{1b}[31mrouge\u{1b}[0m et \u{7}cloche",
            "Le \u{1b}]0;pwned\u{7}trombone joue \u{1b}[2J\u{8}faux dans la fanfare.",
        ),
    )
    .unwrap();
    std::fs::write(
        corpus.path().join("records.jsonl"),
        "{\"title\": \"Le \\u001b[5mclignotant\", \"author\": \"\\u009b31mRouge\", \"category\": \"Cat\\u0007\", \"body\": \"Le trombone \\u001b]2;titre\\u0007sonne.\"}\n",
    )
    .unwrap();
    let name_with_escape = corpus.path().join("nom-\u{1b}[31m.txt");
    std::fs::write(&name_with_escape, "").unwrap();
    let index = TempDir::new().unwrap();
    let (_, _, stderr) = run(newsearch(index.path()).arg("index").arg(corpus.path()));
    assert!(
        stderr.contains("nom-\\u{1b}[31m.txt: empty file"),
        "{stderr}"
    );
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");

    let (_, text, _) = run(newsearch(index.path()).args(["query", "trombone", "--color", "never"]));
    assert!(text.contains("Titre rouge et cloche"), "{text}");
    assert!(text.contains("Le clignotant"), "{text}");
    assert!(text.contains("no date · Cat · Rouge · "), "{text}");
    assert!(
        text.contains("Le trombone joue faux dans la fanfare."),
        "{text}"
    );
    assert!(
        !text
            .chars()
            .any(|character| character.is_control() && character != '\n'),
        "{text:?}"
    );

    let (_, json, _) = run(newsearch(index.path()).args(["query", "trombone", "--json"]));
    let results: Value = serde_json::from_str(&json).expect("valid JSON");
    let titles: Vec<&str> = results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 2);
    assert!(titles.contains(&"Titre rouge et cloche"), "{titles:?}");
    assert!(titles.contains(&"Le clignotant"), "{titles:?}");
    assert!(
        !json.contains("\\u001b") && !json.contains("\\u0007"),
        "{json}"
    );
}

/// Deletes a file once the walk has listed it, before it is read.
struct DeleteAfterWalk<'a> {
    path: &'a Path,
}

impl IndexingProgress for DeleteAfterWalk<'_> {
    fn started(&self, _files: u64, _bytes: u64) {
        std::fs::remove_file(self.path).unwrap();
    }
    fn file_done(&self, _expected: u64, _read: u64) {}
    fn committing(&self) {}
}

#[test]
fn a_file_that_disappears_during_the_run_is_reported() {
    let corpus = TempDir::new().unwrap();
    let gone = corpus.path().join("disparu.txt");
    std::fs::write(
        &gone,
        page("Bientôt disparu", "Le fantôme hante le château."),
    )
    .unwrap();
    std::fs::write(
        corpus.path().join("reste.txt"),
        page("Toujours là", "Le gardien veille sur le château."),
    )
    .unwrap();
    let index = TempDir::new().unwrap();
    let options = IndexingOptions {
        memory_budget: 32 << 20,
        today: Date::new(2026, 11, 21).unwrap(),
        ..IndexingOptions::new(
            index.path().to_path_buf(),
            vec![corpus.path().to_path_buf()],
        )
    };
    let report = index_files(&options, &DeleteAfterWalk { path: &gone }).unwrap();
    assert_eq!(report.articles_in_index, 1);
    assert_eq!(report.skipped.len(), 1);
    assert!(report.skipped[0].path.ends_with("disparu.txt"));
    assert!(
        report.skipped[0]
            .reason
            .contains("No such file or directory"),
        "{:?}",
        report.skipped
    );
}
