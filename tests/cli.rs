//! End-to-end runs of the `newsearch` binary on the fixture corpus: indexing, text and JSON output, facets, filters, exit codes.

mod common;

use std::path::Path;

use common::*;
use tempfile::TempDir;

#[test]
fn indexing_twice_does_not_duplicate_articles() {
    let index = indexed();
    let [seeds, news] = fixture_corpus();
    let output = index_into(index.path(), &[&seeds, &news]);
    let summary = stdout(&output);
    assert!(
        summary.starts_with("Indexed 0 articles from 0 files in "),
        "{summary}"
    );
    assert!(
        summary.contains("; 0 exact duplicates; 0 skipped; 10 unchanged files; 0 missing files removed; the index holds 10 articles."),
        "{summary}"
    );
    assert_eq!(
        query_json(index.path(), &["Corée", "--limit", "100"]).total_hits,
        7
    );
}

#[test]
fn text_output_lists_ranked_hits_then_total_and_facets() {
    let index = indexed();
    let output = query(index.path(), &["Corée du Nord"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.starts_with("1. "), "{text}");
    assert!(
        text.contains("2024-10-21 (year inferred) · Zoé SAMIN avec AFP"),
        "{text}"
    );
    assert!(
        text.contains("articles match «Corée du Nord» (showing 1–"),
        "{text}"
    );
    assert!(
        text.contains("Categories: International 2 · Monde 2"),
        "{text}"
    );
    assert!(
        text.contains("Dates by month: 2024-11 1 · 2024-10 3 · 2024-07 1 · no date 2"),
        "{text}"
    );
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn colour_is_forced_by_flag_and_refused_by_never() {
    let index = indexed();
    let coloured = stdout(&query(index.path(), &["Séoul", "--color", "always"]));
    assert!(coloured.contains("\x1b[1;31mSéoul\x1b[0m"), "{coloured}");
    let plain = stdout(&query(index.path(), &["Séoul", "--color", "never"]));
    assert!(!plain.contains('\x1b'));
}

#[test]
fn json_has_the_documented_schema() {
    let index = indexed();
    let results = query_json(index.path(), &["Kim Jong-un", "--limit", "3"]);
    assert_eq!(results.query, "Kim Jong-un");
    assert_eq!(results.query_terms, ["jong", "kim"]);
    assert_eq!((results.offset, results.limit), (0, 3));
    assert!(
        results.elapsed_ms > 0.0,
        "a real search takes measurable time"
    );
    assert_eq!(results.hits.len(), 3);
    assert_eq!(results.facets.date_granularity.as_deref(), Some("month"));
    for (index, hit) in results.hits.iter().enumerate() {
        assert_eq!(hit.rank, index + 1);
        assert_eq!(hit.id.len(), 16);
        assert!(Path::new(&hit.path).is_absolute());
        let characters: Vec<char> = hit.snippet.text.chars().collect();
        for [start, end] in &hit.snippet.highlights {
            let word: String = characters[*start..*end].iter().collect();
            assert!(
                ["Kim", "Jong", "KIM", "JONG"].contains(&word.as_str()),
                "highlight {word:?}"
            );
        }
    }
    let scores: Vec<f32> = results.hits.iter().map(|hit| hit.score).collect();
    assert!(
        scores.windows(2).all(|pair| pair[0] >= pair[1]),
        "{scores:?}"
    );
}

#[test]
fn facets_count_every_match_not_only_the_shown_ones() {
    let index = indexed();
    let results = query_json(index.path(), &["Corée", "--limit", "1"]);
    assert_eq!(results.hits.len(), 1);
    assert_eq!(results.total_hits, 7);
    let category_total: u64 = results
        .facets
        .category
        .as_ref()
        .unwrap()
        .iter()
        .map(|facet| facet.count)
        .sum();
    let date_total: u64 = results
        .facets
        .date
        .as_ref()
        .unwrap()
        .iter()
        .map(|facet| facet.count)
        .sum();
    assert_eq!((category_total, date_total), (7, 7));
    let undated = results
        .facets
        .date
        .as_ref()
        .unwrap()
        .iter()
        .find(|facet| facet.value.is_none())
        .unwrap();
    assert_eq!(undated.count, 2);
    let by_year = query_json(index.path(), &["Corée", "--facet-date", "year"]);
    assert_eq!(
        by_year.facets.date.as_ref().unwrap()[0].value.as_deref(),
        Some("2024")
    );
    assert_eq!(by_year.facets.date.as_ref().unwrap()[0].count, 5);
}

#[test]
fn filters_by_category_and_date() {
    let index = indexed();
    let international = query_json(index.path(), &["Corée", "--category", "international"]);
    assert_eq!(international.total_hits, 2);
    assert!(international
        .hits
        .iter()
        .all(|hit| hit.category.as_deref() == Some("International")));
    let folder = query_json(
        index.path(),
        &["", "--category", "Monde", "--category", "ECONOMIE"],
    );
    assert_eq!(folder.total_hits, 4, "{:?}", titles(&folder));
    let october = query_json(
        index.path(),
        &["Corée", "--since", "2024-10", "--until", "2024-10"],
    );
    assert_eq!(october.total_hits, 3);
    assert!(october
        .hits
        .iter()
        .all(|hit| hit.date.as_deref().unwrap().starts_with("2024-10")));
    let since_november = query_json(index.path(), &["", "--since", "2024-11-01"]);
    assert_eq!(
        since_november.total_hits,
        3,
        "{:?}",
        titles(&since_november)
    );
}

#[test]
fn quoted_phrase_needs_the_words_together() {
    let index = indexed();
    let phrase = query_json(index.path(), &["\"Corée du Nord\""]);
    let words = query_json(index.path(), &["Corée Nord", "--all"]);
    assert!(titles(&words)
        .iter()
        .any(|title| title.starts_with("Sommet à Séoul")));
    assert!(!titles(&phrase)
        .iter()
        .any(|title| title.starts_with("Sommet à Séoul")));
    assert_eq!(phrase.total_hits, words.total_hits - 1);
}

#[test]
fn name_spellings_find_each_other() {
    let index = indexed();
    let expected = query_json(index.path(), &["\"Kim Jong-un\""]).total_hits;
    assert_eq!(expected, 6);
    for spelling in ["\"Kim Jong Un\"", "\"Kim Jong-Un\"", "\"kim jong un\""] {
        assert_eq!(
            query_json(index.path(), &[spelling]).total_hits,
            expected,
            "{spelling}"
        );
    }
}

#[test]
fn accents_do_not_change_the_results() {
    let index = indexed();
    for (accented, plain) in [
        ("Corée du Nord", "coree du nord"),
        ("Séoul", "SEOUL"),
        ("sécurité", "securite"),
        ("Élysée", "elysee"),
        ("réforme", "reforme"),
    ] {
        let with = query_json(index.path(), &[accented]);
        let without = query_json(index.path(), &[plain]);
        assert!(with.total_hits > 0, "{accented}");
        assert_eq!(titles(&with), titles(&without), "{accented} / {plain}");
    }
    let decomposed = query_json(index.path(), &["cybersécurité hôpitaux"]);
    assert!(
        decomposed.hits[0].title.contains("hôpitaux"),
        "NFD text is found by NFC words"
    );
}

#[test]
fn title_matches_rank_first() {
    let index = indexed();
    let results = query_json(index.path(), &["missiles"]);
    assert!(
        results.hits[0].title.contains("missiles"),
        "{:?}",
        titles(&results)
    );
    assert!(results.total_hits >= 3);
}

#[test]
fn excluded_words_leave_articles_out() {
    let index = indexed();
    let all = query_json(index.path(), &["Séoul"]);
    let without = query_json(index.path(), &["Séoul -Japon"]);
    assert!(titles(&all).iter().any(|title| title.contains("Japon")));
    assert!(!titles(&without).iter().any(|title| title.contains("Japon")));
    assert_eq!(
        without.total_hits,
        all.total_hits - 2,
        "two articles mention Japan"
    );
    let unquoted_words = query_json(index.path(), &["Corée", "du", "Nord"]);
    assert_eq!(
        titles(&unquoted_words),
        titles(&query_json(index.path(), &["Corée du Nord"]))
    );
}

#[test]
fn menu_sidebar_and_footer_words_do_not_match() {
    let index = indexed();
    for word in [
        "Ngannou",
        "Rublev",
        "Cerundolo",
        "Password",
        "Annemasse",
        "urgences hospitalières",
        "Paris FC",
        "automobile chinois",
        "Newsletter",
    ] {
        let output = query(index.path(), &[word, "--json"]);
        let results: Results = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(
            results.total_hits,
            0,
            "{word} matched {:?}",
            titles(&results)
        );
        assert_eq!(output.status.code(), Some(1), "{word}");
    }
}

#[test]
fn paging_continues_the_ranking() {
    let index = indexed();
    let first = query_json(index.path(), &["Corée", "--limit", "3"]);
    let second = query_json(index.path(), &["Corée", "--limit", "3", "--offset", "3"]);
    let all = query_json(index.path(), &["Corée", "--limit", "6"]);
    assert_eq!([titles(&first), titles(&second)].concat(), titles(&all));
    assert_eq!(second.hits[0].rank, 4);
}

#[test]
fn plain_user_text_never_fails() {
    let index = indexed();
    for text in [
        "l'economie",
        "l’économie",
        "Macron: réforme",
        "\"Corée du",
        "C++",
        "?",
        "-",
        "and or not",
        "100 % *",
        "de la",
    ] {
        let output = query(index.path(), &[text]);
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{text}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            output.stderr.is_empty(),
            "{text}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let economy = query_json(index.path(), &["l'economie"]);
    assert!(titles(&economy)[0].starts_with("Réforme des retraites"));
    let stop_words = query(index.path(), &["de la"]);
    assert!(stdout(&stop_words).contains("no searchable word"));
}

#[test]
fn exit_status_says_what_happened() {
    let index = indexed();
    assert_eq!(query(index.path(), &["Corée"]).status.code(), Some(0));
    assert_eq!(query(index.path(), &["xylophone"]).status.code(), Some(1));

    let bad_date = query(index.path(), &["Corée", "--since", "octobre"]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_date.stderr)
        .contains("invalid date \"octobre\": use YYYY, YYYY-MM or YYYY-MM-DD"));

    let empty = TempDir::new().unwrap();
    let no_index = query(&empty.path().join("nothing"), &["Corée"]);
    assert_eq!(no_index.status.code(), Some(2));
    let message = String::from_utf8_lossy(&no_index.stderr);
    assert!(
        message.starts_with("newsearch: no index at ")
            && message.contains("run `newsearch index` first"),
        "{message}"
    );
}

#[test]
fn skipped_files_are_reported_with_path_and_reason() {
    let corpus = TempDir::new().unwrap();
    std::fs::write(corpus.path().join("empty.txt"), "").unwrap();
    std::fs::write(corpus.path().join("photo.png"), b"\x89PNG").unwrap();
    std::fs::write(
        corpus.path().join("binary.txt"),
        b"\x00\x01\x02\x03garbage\x00\xff\xfe",
    )
    .unwrap();
    std::fs::write(
        corpus.path().join("dump.jsonl"),
        "{\"id\": \"a\", \"title\": \"Un titre\", \"body\": \"Un texte sur la Corée.\"}\n{\"id\": \"b\", \"title\": oops}\n",
    )
    .unwrap();
    std::fs::copy(
        fixtures().join("news/sommet-climat.txt"),
        corpus.path().join("climat.txt"),
    )
    .unwrap();
    let index = TempDir::new().unwrap();
    let output = index_into(index.path(), &[corpus.path()]);
    assert_eq!(output.status.code(), Some(1), "some files were skipped");
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("empty.txt: empty file"), "{errors}");
    assert!(
        !errors.contains("photo.png"),
        "a file in another format is counted, not reported: {errors}"
    );
    assert!(errors.contains("binary.txt: "), "{errors}");
    assert!(
        errors.contains("dump.jsonl:2: "),
        "a bad record is named by its line: {errors}"
    );
    assert!(
        stdout(&output).contains("Indexed 2 articles from 2 files"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output)
            .contains("; 3 skipped (1 file in other formats not read: --verbose lists them);"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn legacy_encodings_are_decoded() {
    let corpus = TempDir::new().unwrap();
    let page = "Le café crème coûte plus cher à Paris\n\nLe prix du café crème a encore augmenté cette année dans les brasseries parisiennes, selon une étude.\n";
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(page);
    std::fs::write(corpus.path().join("latin1.txt"), &latin1).unwrap();
    let index = TempDir::new().unwrap();
    let output = index_into(index.path(), &[corpus.path()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results = query_json(index.path(), &["crème"]);
    assert_eq!(titles(&results), ["Le café crème coûte plus cher à Paris"]);
}

#[test]
fn words_standing_together_rank_above_scattered_words() {
    let corpus = TempDir::new().unwrap();
    let page = |title: &str, sentence: &str| {
        format!("{title}\n\nLes diplomates se sont réunis mardi à Genève pour un long entretien. {sentence} Les discussions reprendront la semaine prochaine selon plusieurs sources.\n")
    };
    let together = page(
        "Entretien diplomatique à Genève",
        "Ils ont parlé de la Corée du Nord et de la sécurité régionale du continent.",
    );
    let scattered = page(
        "Rencontre diplomatique à Genève",
        "Ils ont parlé de la Corée et de la sécurité régionale du pôle Nord.",
    );
    std::fs::write(corpus.path().join("ensemble.txt"), together).unwrap();
    std::fs::write(corpus.path().join("disperse.txt"), scattered).unwrap();
    let index = TempDir::new().unwrap();
    assert!(index_into(index.path(), &[corpus.path()]).status.success());
    let results = query_json(index.path(), &["Corée Nord"]);
    assert_eq!(
        titles(&results),
        [
            "Entretien diplomatique à Genève",
            "Rencontre diplomatique à Genève"
        ]
    );
    assert!(
        results.hits[0].score > results.hits[1].score,
        "not a tie broken by chance"
    );
}

#[test]
fn rebuild_replaces_an_index_and_never_deletes_other_files() {
    let index = indexed();
    std::fs::write(index.path().join("meta.json"), "{\"not\": \"an index\"}").unwrap();
    let broken = query(index.path(), &["Corée"]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("newsearch index --rebuild"));
    newsearch(index.path())
        .arg("index")
        .arg("--rebuild")
        .arg(fixtures().join("news"))
        .assert()
        .success();
    assert_eq!(
        query_json(index.path(), &["Séoul"]).total_hits,
        2,
        "only the news fixtures now"
    );

    let folder = TempDir::new().unwrap();
    std::fs::write(folder.path().join("notes.txt"), "mes notes").unwrap();
    let refused = newsearch(folder.path())
        .arg("index")
        .arg("--rebuild")
        .arg(fixtures().join("news"))
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a newsearch index"));
    assert!(folder.path().join("notes.txt").exists());
}

#[test]
fn exact_duplicates_are_counted_in_the_summary() {
    let corpus = TempDir::new().unwrap();
    let record = |id: &str, title: &str| {
        format!("{{\"id\": \"{id}\", \"title\": \"{title}\", \"body\": \"La même dépêche de l'AFP, reprise mot pour mot.\"}}\n")
    };
    let dump = [
        record("a", "Premier"),
        record("b", "Deuxième"),
        record("c", "Troisième"),
    ]
    .concat();
    std::fs::write(corpus.path().join("dump.jsonl"), dump).unwrap();
    let index = TempDir::new().unwrap();
    let output = index_into(index.path(), &[corpus.path()]);
    let summary = stdout(&output);
    assert!(
        summary.contains("Indexed 3 articles from 1 file"),
        "{summary}"
    );
    assert!(
        summary.contains("; 2 exact duplicates; 0 skipped;"),
        "{summary}"
    );
}

#[test]
fn question_words_do_not_decide_the_ranking() {
    let corpus = TempDir::new().unwrap();
    std::fs::write(
        corpus.path().join("missiles.txt"),
        "Pyongyang tire de nouveaux missiles\n\nLa Corée du Nord a tiré mardi trois missiles balistiques en mer du Japon, selon l'état-major sud-coréen. Les tirs ont été condamnés par Séoul et Tokyo.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.path().join("prix.txt"),
        "Le prix du pain\n\nCombien coûte une baguette ? Combien de boulangers ont augmenté leurs prix ? Combien de clients s'en plaignent ? Les réponses varient selon les régions.\n",
    )
    .unwrap();
    let index = TempDir::new().unwrap();
    assert!(index_into(index.path(), &[corpus.path()]).status.success());

    let question = query_json(
        index.path(),
        &["Combien de missiles la Corée du Nord a-t-elle tirés ?"],
    );
    assert_eq!(titles(&question), ["Pyongyang tire de nouveaux missiles"]);
    let only_asking = query_json(index.path(), &["combien"]);
    assert_eq!(titles(&only_asking), ["Le prix du pain"]);
}
