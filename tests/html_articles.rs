//! Saved news pages of different shapes in `tests/fixtures/html`, indexed by the binary and read back with `show --json`: each field comes from the page's most explicit statement, and the body is the article without what surrounds it.

use std::path::Path;

use serde::Deserialize;
use tempfile::TempDir;

mod common;
use common::{fixtures, index_into, newsearch, query_json};

#[derive(Debug, Deserialize)]
struct Shown {
    title: String,
    date: Option<String>,
    category: Option<String>,
    author: Option<String>,
    body: String,
}

fn indexed() -> TempDir {
    let index = TempDir::new().unwrap();
    let output = index_into(index.path(), &[&fixtures().join("html")]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    index
}

/// The article of the page whose file name is `file`, found by a query on its text.
fn shown(index: &Path, query: &str, file: &str) -> Shown {
    let hit = query_json(index, &[query])
        .hits
        .into_iter()
        .find(|hit| hit.path.ends_with(file))
        .unwrap_or_else(|| panic!("{file} is not found by {query:?}"));
    let output = newsearch(index)
        .args(["show", &hit.id, "--json"])
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn json_ld_page_with_a_menu_named_main_column() {
    let index = indexed();
    let article = shown(
        index.path(),
        "ostréiculteurs salinité",
        "json-ld-graph.html",
    );
    assert_eq!(
        article.title,
        "Les ostréiculteurs d'Arcachon face à la sécheresse"
    );
    // Published late in the evening, local time: the publisher's date, not the UTC one.
    assert_eq!(article.date.as_deref(), Some("2024-08-14"));
    assert_eq!(article.author.as_deref(), Some("Maëlle Ricard"));
    assert_eq!(article.category.as_deref(), Some("Environnement"));
    assert!(article.body.starts_with("Sur le bassin d'Arcachon"));
    assert!(article.body.ends_with("en amont des bassins versants."));
    assert_eq!(article.body.matches("\n\n").count(), 2, "{}", article.body);
    for around in [
        "Publicité",
        "Erika",
        "Partager",
        "pilier",
        "disparaître",
        "Mentions",
    ] {
        assert!(
            !article.body.contains(around),
            "{around:?} in {}",
            article.body
        );
    }
}

#[test]
fn page_without_metadata_reads_its_dateline_byline_and_lead() {
    let index = indexed();
    let article = shown(index.path(), "dockers Sète", "dateline-only.html");
    assert_eq!(article.title, "Grève au port de Sète");
    assert_eq!(
        article.date.as_deref(),
        Some("2025-03-07"),
        "the dateline under the headline, not a teaser's date above it"
    );
    assert_eq!(article.author.as_deref(), Some("Antoine Ferrand"));
    assert!(
        article
            .body
            .starts_with("Les dockers du port de Sète ont cessé"),
        "the lead in its own block is the article's: {}",
        article.body
    );
    assert!(article.body.contains("médiation est prévue lundi"));
    for around in [
        "Accident sur l'A9",
        "thon rouge",
        "droits réservés",
        "Antoine Ferrand",
    ] {
        assert!(
            !article.body.contains(around),
            "{around:?} in {}",
            article.body
        );
    }
}

#[test]
fn unclosed_markup_in_windows_1252() {
    let index = indexed();
    let article = shown(index.path(), "chalets Colmar", "unclosed-windows-1252.html");
    assert_eq!(
        article.title,
        "Le marché de Noël de Colmar ouvre ses portes"
    );
    assert_eq!(article.date.as_deref(), Some("2024-11-22"));
    assert_eq!(article.author.as_deref(), Some("Claire Vogel"));
    assert_eq!(article.category.as_deref(), Some("Région"));
    assert_eq!(
        article.body.split("\n\n").collect::<Vec<_>>(),
        [
            "Cent quarante chalets accueillent les visiteurs dès ce vendredi sur les cinq places de la vieille ville, avec un soin particulier porté à l’éclairage.",
            "La municipalité attend près de deux millions de visiteurs d’ici au 30 décembre, un chiffre comparable à celui de l’an dernier.",
            "Les navettes gratuites depuis la gare circuleront toutes les dix minutes le week-end, promet la ville.",
        ]
    );
}

/// An older layout: a table, no `<h1>`, the headline in bold type and the dateline in the
/// article's block, lines parted by `<br>`. The headline printed on the page heads the
/// article: the date under it is read, and is not the text's first paragraph.
#[test]
fn a_table_layout_without_h1_has_its_dateline_under_the_printed_headline() {
    let index = indexed();
    let article = shown(index.path(), "digue Sillon", "table-layout.html");
    assert_eq!(
        article.title,
        "La digue de Saint-Malo fermée après la tempête"
    );
    assert_eq!(article.date.as_deref(), Some("2023-02-14"));
    assert!(
        article.body.starts_with("La municipalité a interdit"),
        "{}",
        article.body
    );
    assert!(article.body.contains("droits de terrasse"));
    for around in ["Mis en ligne", "Agenda", "Tous droits réservés"] {
        assert!(
            !article.body.contains(around),
            "{around:?} in {}",
            article.body
        );
    }
}
