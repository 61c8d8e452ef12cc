//! One fixture per input format and encoding in `tests/fixtures/inputs`, read through `read_file` and checked field by field.

use std::path::{Path, PathBuf};

use newsearch::article::Article;
use newsearch::date::Date;
use newsearch::extract::{read_file, ExtractError, FieldMap, FileContext, Format, RecordProblem};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inputs")
        .join(name)
}

struct Read {
    articles: Vec<Article>,
    result: Result<Vec<RecordProblem>, ExtractError>,
}

fn read_with(name: &str, field_map: &FieldMap) -> Read {
    let path = fixture(name);
    let context = FileContext {
        path: &path,
        folder_category: None,
        today: Date::new(2026, 11, 21).unwrap(),
        field_map,
    };
    let format = Format::of(&path).expect("fixtures have names newsearch reads");
    let mut articles = Vec::new();
    let result = read_file(format, &context, &mut |article| articles.push(article));
    Read { articles, result }
}

fn read(name: &str) -> Read {
    read_with(name, &FieldMap::default())
}

/// The one article of a single-page file.
fn page(name: &str) -> Article {
    let read = read(name);
    assert!(read.result.unwrap().is_empty());
    assert_eq!(read.articles.len(), 1);
    read.articles.into_iter().next().unwrap()
}

fn date(article: &Article) -> Option<String> {
    article.date.map(|found| found.date.to_string())
}

fn assert_clean(body: &str) {
    for mojibake in ["Ã", "Â", "\u{FFFD}", "<", "&amp;", "&nbsp;"] {
        assert!(!body.contains(mojibake), "{mojibake:?} in {body:?}");
    }
}

#[test]
fn windows_1252_page_text() {
    let article = page("page-windows-1252.txt");
    assert_eq!(article.title, "Les boulangers s'inquiètent du prix du blé");
    assert_eq!(date(&article).as_deref(), Some("2025-03-14"));
    assert_eq!(article.category.as_deref(), Some("Économie"));
    assert_eq!(article.author.as_deref(), Some("Hélène Lefèvre"));
    assert!(article.body.contains("baguette à 1,30 €"));
    assert!(article.body.contains("le cœur de son métier"));
    assert!(!article.body.contains("Partager"));
    assert_clean(&article.body);
}

#[test]
fn utf16_page_text() {
    let article = page("page-utf16.txt");
    assert_eq!(
        article.title,
        "La Fête de la musique réunit des milliers de Français"
    );
    assert_eq!(date(&article).as_deref(), Some("2024-06-21"));
    assert_eq!(article.author.as_deref(), Some("Zoé Gaël"));
    assert!(article.body.starts_with("La Fête de la musique a réuni"));
    assert!(article.body.ends_with("dans l'Est de la France."));
    assert_clean(&article.body);
}

#[test]
fn html_with_meta_tags_scripts_comments_and_navigation() {
    let article = page("article-meta.html");
    assert_eq!(article.title, "Le Sénat adopte la réforme des retraites");
    assert_eq!(date(&article).as_deref(), Some("2023-03-11"));
    assert_eq!(article.category.as_deref(), Some("Politique"));
    assert_eq!(article.author.as_deref(), Some("Camille Durand"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://www.lequotidien.example/politique/le-senat-adopte-la-reforme-des-retraites.html")
    );
    assert_eq!(article.source.as_deref(), Some("Le Quotidien"));
    assert_eq!(article.id, "", "a page gives no id of its own");
    let paragraphs: Vec<&str> = article.body.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "Le Sénat a adopté samedi soir le projet de réforme des retraites, par 195 voix contre 112, au terme de débats particulièrement tendus.",
            "Le texte, qui repousse l'âge légal de départ de 62 à 64 ans, doit maintenant être examiné par une commission mixte paritaire.",
            "Une semaine décisive",
            "Les syndicats ont appelé à une nouvelle journée de mobilisation mercredi, la huitième depuis le début du mouvement en janvier.",
        ]
    );
}

#[test]
fn html_with_json_ld_and_no_marked_body() {
    let article = page("article-json-ld.html");
    assert_eq!(
        article.title,
        "Incendie à Marseille : trois immeubles évacués"
    );
    assert_eq!(date(&article).as_deref(), Some("2024-08-02"));
    assert_eq!(article.category.as_deref(), Some("Faits divers"));
    assert_eq!(article.author.as_deref(), Some("Lucas Martin, Inès Benali"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://laprovencelibre.example/faits-divers/incendie-a-marseille")
    );
    assert_eq!(article.source.as_deref(), Some("La Provence Libre"));
    assert_eq!(article.body.split("\n\n").count(), 3);
    assert!(article.body.starts_with("Un incendie s'est déclaré"));
    assert!(!article.body.contains("mistral"));
    assert!(!article.body.contains("abonner"));
}

#[test]
fn latin1_html_without_extension_is_recognised_and_decoded() {
    let article = page("page-latin1-html");
    assert_eq!(article.title, "Les vendanges commencent en Bourgogne");
    assert_eq!(date(&article).as_deref(), Some("2022-09-05"));
    assert_eq!(article.category, None);
    assert!(article.body.starts_with("Les vendanges ont commencé lundi"));
    assert!(article.body.contains("la sécheresse"));
    assert!(!article.body.contains("Mis en ligne"));
    assert_clean(&article.body);
}

fn check_records(read: Read) {
    let problems = read.result.unwrap();
    let lines: Vec<usize> = problems.iter().map(|problem| problem.line).collect();
    assert_eq!(lines, [3, 6, 7], "{problems:?}");
    assert!(problems[0].reason.starts_with("malformed JSON"));
    assert!(problems[1].reason.starts_with("no article text"));
    assert!(problems[2].reason.contains("not a JSON object"));

    let articles = read.articles;
    assert_eq!(articles.len(), 4);
    let first = &articles[0];
    assert_eq!(first.id, "rec-1");
    assert_eq!(first.title, "Le Tour de France part de Lille");
    assert_eq!(
        first.body,
        "Le Tour de France s'élance samedi de Lille.\n\nCent soixante-seize coureurs sont au départ."
    );
    assert_eq!(date(first).as_deref(), Some("2025-07-05"));
    assert_eq!(first.category.as_deref(), Some("Sport"));
    assert_eq!(first.author.as_deref(), Some("Paul Giraud"));
    assert_eq!(first.url.as_deref(), Some("https://exemple.fr/sport/tour"));
    assert_eq!(first.source.as_deref(), Some("Exemple"));

    let second = &articles[1];
    assert_eq!(second.id, "", "the record gives no id");
    assert_eq!(second.title, "La Bourse de Paris termine en hausse");
    assert_eq!(date(second).as_deref(), Some("2025-07-04"));
    assert_eq!(second.category.as_deref(), Some("Économie"));
    assert_eq!(second.author.as_deref(), Some("Anne Roux, Marc Petit"));
    assert_eq!(second.url.as_deref(), Some("https://exemple.fr/eco/bourse"));

    let third = &articles[2];
    assert_eq!(third.id, "42");
    assert_eq!(date(third).as_deref(), Some("2025-07-03"));
    assert_eq!(third.category.as_deref(), Some("Météo"));
    assert_eq!(third.author, None);

    let fourth = &articles[3];
    assert_eq!(date(fourth).as_deref(), Some("2025-07-01"));
    assert_eq!(fourth.body, "La réforme entre en vigueur ce mardi.");
}

#[test]
fn json_lines_with_broken_records() {
    check_records(read("records.jsonl"));
}

#[test]
fn gzip_and_zstd_json_lines() {
    check_records(read("records.jsonl.gz"));
    check_records(read("records.ndjson.zst"));
}

#[test]
fn json_array() {
    let read = read("records-array.json");
    let problems = read.result.unwrap();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].reason.starts_with("no article text"));
    let ids: Vec<&str> = read
        .articles
        .iter()
        .map(|article| article.id.as_str())
        .collect();
    assert_eq!(ids, ["a1", "a3"]);
    assert_eq!(
        read.articles[1].body,
        "Premier paragraphe.\n\nSecond paragraphe."
    );
    assert_eq!(date(&read.articles[1]).as_deref(), Some("2024-01-17"));
}

#[test]
fn utf16_json_lines() {
    let read = read("records-utf16.jsonl");
    assert!(read.result.unwrap().is_empty());
    assert_eq!(read.articles.len(), 1);
    assert_eq!(read.articles[0].title, "Noël à Strasbourg");
}

#[test]
fn mapped_field_names() {
    let unmapped = read("records-mapped.ndjson");
    assert!(unmapped.articles.is_empty());
    let problems = unmapped.result.unwrap();
    assert!(problems[0].reason.contains("--field body="), "{problems:?}");

    let pairs: Vec<String> = [
        "id=identifiant",
        "title=titre",
        "body=contenu",
        "date=date_parution",
        "author=meta.auteur",
    ]
    .iter()
    .map(|pair| pair.to_string())
    .collect();
    let mapped = read_with("records-mapped.ndjson", &FieldMap::parse(&pairs).unwrap());
    assert!(mapped.result.unwrap().is_empty());
    let article = &mapped.articles[0];
    assert_eq!(article.id, "m1");
    assert_eq!(article.title, "Les cerises arrivent");
    assert!(article.body.starts_with("Les premières cerises"));
    assert_eq!(date(article).as_deref(), Some("2024-05-12"));
    assert_eq!(article.author.as_deref(), Some("Julie Blanc"));
}

#[test]
fn damaged_files_say_why() {
    for name in ["truncated.jsonl.gz", "truncated.jsonl.zst"] {
        let error = read(name).result.unwrap_err();
        assert!(
            matches!(error, ExtractError::Decompress { .. }),
            "{name}: {error}"
        );
        assert!(error.to_string().contains("truncated"), "{error}");
    }
    let error = read("garbage.txt").result.unwrap_err();
    assert!(matches!(error, ExtractError::NotText), "{error}");
}
