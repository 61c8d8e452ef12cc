//! End-to-end runs of `newsearch extract` and `newsearch index` on scraped text in its renderings: hard-wrapped, a paragraph per line, Markdown, short notes, form fields, dated folders.

mod common;

use std::path::{Path, PathBuf};

use serde::Deserialize;
use tempfile::TempDir;

use common::{index_into, newsearch, stdout, total_hits};

/// `extract --json` as a script decodes it: unknown or missing fields fail the tests.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    files: Vec<File>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    path: String,
    articles: Vec<Extracted>,
    problems: Vec<Problem>,
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Extracted {
    id: Option<String>,
    title: String,
    date: Option<String>,
    date_inferred: bool,
    category: Option<String>,
    author: Option<String>,
    source: Option<String>,
    url: Option<String>,
    body: String,
    clues: Clues,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Clues {
    title: Option<String>,
    date: Option<String>,
    category: Option<String>,
    author: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Problem {
    line: usize,
    reason: String,
    text_kept: bool,
}

fn fixture(name: &str) -> PathBuf {
    common::fixtures().join("extract").join(name)
}

/// The one article `extract --json` reads from a file.
fn extract_one(path: &Path) -> Extracted {
    let scratch = TempDir::new().unwrap();
    let output = newsearch(scratch.path())
        .arg("extract")
        .arg("--json")
        .arg(path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut report: Report = serde_json::from_slice(&output.stdout).expect("documented JSON");
    let file = report.files.pop().unwrap();
    assert_eq!(file.path, path.display().to_string());
    assert!(file.error.is_none() && file.problems.is_empty());
    assert_eq!(file.articles.len(), 1);
    file.articles.into_iter().next().unwrap()
}

const HEADLINE: &str =
    "Au Havre, la grève des dockers paralyse le premier port à conteneurs du pays";

#[test]
fn a_hard_wrapped_page_is_read_like_its_paragraph_per_line_rendering() {
    let wrapped = extract_one(&fixture("hard-wrapped.txt"));
    let unwrapped = extract_one(&fixture("paragraph-per-line.txt"));
    for article in [&wrapped, &unwrapped] {
        assert_eq!(article.title, HEADLINE);
        assert_eq!(article.date.as_deref(), Some("2024-10-03"));
        assert!(!article.date_inferred);
        assert_eq!(article.category.as_deref(), Some("Économie"));
        assert_eq!(article.author.as_deref(), Some("Jeanne Martin"));
        assert!(article.clues.title.is_some() && article.clues.date.is_some());
        assert!(article.body.starts_with("Les dockers du Havre ont cessé"));
        assert!(article
            .body
            .ends_with("entouré d'une centaine de collègues."));
        for menu in [
            "Saint-Nazaire",
            "croisières",
            "Partager",
            "Sénat",
            "Mentions",
        ] {
            assert!(!article.body.contains(menu), "{menu} in the body");
        }
    }
    // The wrapped paragraphs are whole again, the word cut at a line end mended.
    assert_eq!(wrapped.body, unwrapped.body);
    assert!(wrapped
        .body
        .contains("avec le gouvernement sur la pénibilité"));
    assert_eq!(wrapped.body.split("\n\n").count(), 4);
}

#[test]
fn a_markdown_article_has_its_heading_metadata_and_plain_text() {
    let article = extract_one(&fixture("article.md"));
    assert_eq!(article.title, "Les vendanges commencent tôt en Alsace");
    assert_eq!(article.date.as_deref(), Some("2024-08-28"));
    assert_eq!(article.author.as_deref(), Some("Claire Weber"));
    assert_eq!(article.category.as_deref(), Some("Économie"));
    assert!(article
        .body
        .starts_with("Les premiers raisins ont été coupés lundi dans le vignoble alsacien, deux"));
    assert!(article.body.contains("• la grêle de juin"));
    for markup in ["](", "**", "_inférieure_", "#", "Riquewihr"] {
        assert!(!article.body.contains(markup), "{markup} in the body");
    }
}

#[test]
fn a_short_note_is_read_and_found() {
    let note = extract_one(&fixture("note.txt"));
    assert_eq!(note.title, "note");
    assert_eq!(note.clues.title.as_deref(), Some("the file name"));
    assert_eq!(
        note.body,
        "Penser à rappeler le notaire avant vendredi pour la vente de la maison."
    );
    let index = TempDir::new().unwrap();
    let output = index_into(index.path(), &[&fixture("note.txt")]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(total_hits(index.path(), "notaire"), 1);
}

#[test]
fn a_page_opening_with_an_empty_form_field_is_text() {
    let article = extract_one(&fixture("form-field.txt"));
    assert_eq!(
        article.title,
        "Les bibliothèques de Lyon ouvriront le dimanche dès janvier"
    );
    assert_eq!(article.date.as_deref(), Some("2024-11-12"));
    assert_eq!(article.author.as_deref(), Some("Louis Bernard"));
    assert!(!article.body.contains("Identifiant"));
}

#[test]
fn dated_folders_give_a_date_not_categories() {
    let archive = fixture("archive");
    let index = TempDir::new().unwrap();
    let output = index_into(index.path(), &[&archive]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stats = newsearch(index.path())
        .args(["stats", "--json"])
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["articles"], 1);
    assert_eq!(stats["oldest_date"], "2024-10-03");
    assert_eq!(stats["categories"][0]["value"], serde_json::Value::Null);
    let article = extract_one(&archive.join("2024/10/03/breve.txt"));
    assert_eq!(article.title, "Coupure d'eau rue des Tanneurs");
    assert!(article.clues.date.unwrap().contains("folders"));
    assert_eq!(article.category, None);
}

#[test]
fn extract_prints_fields_for_people_and_names_unreadable_files() {
    let scratch = TempDir::new().unwrap();
    let missing = scratch.path().join("absent.txt");
    let output = newsearch(scratch.path())
        .arg("extract")
        .arg(fixture("hard-wrapped.txt"))
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains(&format!("title     {HEADLINE}")), "{text}");
    assert!(text.contains("author    Jeanne Martin"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour off a terminal");
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("absent.txt: cannot read"), "{errors}");

    // A file in another format, whose name carries an escape sequence: the message lists
    // every format read, and the name reaches the terminal escaped.
    let other = scratch.path().join("rapport\u{1b}[31m.pdf");
    std::fs::write(&other, "%PDF-1.4").unwrap();
    let output = newsearch(scratch.path())
        .arg("extract")
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(!errors.contains('\u{1b}'), "{errors}");
    for extension in [".ndjson", ".markdown", ".xhtml", ".gz", ".zst"] {
        assert!(errors.contains(extension), "{extension}: {errors}");
    }
}

#[test]
fn extract_of_json_records_lists_every_record_and_its_problems() {
    let scratch = TempDir::new().unwrap();
    let records = scratch.path().join("dump.jsonl");
    std::fs::write(
        &records,
        "{\"title\": \"Un\", \"text\": \"Premier texte du fichier.\", \"date\": \"2024-05-02\"}\n{pas du JSON\n",
    )
    .unwrap();
    let output = newsearch(scratch.path())
        .args(["extract", "--json"])
        .arg(&records)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Report = serde_json::from_slice(&output.stdout).unwrap();
    let file = &report.files[0];
    assert_eq!(file.articles.len(), 1);
    let article = &file.articles[0];
    assert_eq!(article.title, "Un");
    assert_eq!(article.date.as_deref(), Some("2024-05-02"));
    assert_eq!(article.clues.date.as_deref(), Some("the record's field"));
    assert_eq!(
        (article.source.as_deref(), article.url.as_deref()),
        (None, None)
    );
    assert_eq!(article.id, None, "the record gives no id of its own");
    assert_eq!(file.problems[0].line, 2);
    assert!(!file.problems[0].text_kept, "a record left out");
    assert!(file.problems[0].reason.contains("JSON"));
    assert!(article.clues.author.is_none() && article.clues.category.is_none());
}

/// "Publié il y a 3 heures" is dated from the latest date the page prints (a comment), not
/// from the update; the caption with its photo credit, which the article echoes, is not the
/// title.
#[test]
fn a_relative_publication_date_and_a_credited_caption() {
    let article = extract_one(&fixture("relative-date.txt"));
    assert_eq!(
        article.title,
        "Les ostréiculteurs du Morbihan comptent leurs pertes"
    );
    assert_eq!(article.date.as_deref(), Some("2024-03-14"));
    assert!(article
        .clues
        .date
        .as_deref()
        .is_some_and(|clue| clue.contains("il y a")));
    assert_eq!(article.author.as_deref(), Some("Jeanne Martin"));
    assert!(article.body.starts_with("Les ostréiculteurs du golfe"));
    assert!(!article.body.contains("Courage"));
}

#[test]
fn an_html_page_says_which_part_of_the_page_decided_each_field() {
    let html = common::fixtures().join("html");
    let declared = extract_one(
        &common::fixtures()
            .join("inputs")
            .join("article-json-ld.html"),
    );
    assert_eq!(declared.date.as_deref(), Some("2024-08-02"));
    let declared_date = declared.clues.date.clone().unwrap();
    assert!(declared_date.contains("JSON-LD"), "{declared_date}");
    assert!(declared.clues.author.unwrap().contains("JSON-LD"));

    // The same fields printed on the page and declared nowhere: other clues, named.
    let printed = extract_one(&html.join("dateline-only.html"));
    assert_eq!(printed.date.as_deref(), Some("2025-03-07"));
    assert_eq!(printed.author.as_deref(), Some("Antoine Ferrand"));
    let printed_date = printed.clues.date.unwrap();
    assert!(
        printed_date.contains("under the headline"),
        "{printed_date}"
    );
    assert!(printed.clues.author.unwrap().contains("byline"));
    assert!(printed.clues.title.unwrap().contains("<h1>"));
    assert_ne!(printed_date, declared_date);
}

/// An image's alternative text that its caption repeats with a photo credit echoes the
/// article more than the headline does, and is still not the title: the headline, with its
/// byline and date under it, is.
#[test]
fn an_image_caption_with_its_credit_is_not_the_title() {
    let article = extract_one(&fixture("image-caption.txt"));
    assert_eq!(article.title, "Au Havre, la fin du conflit sur les quais");
    assert_eq!(article.date.as_deref(), Some("2024-03-14"));
    assert_eq!(article.author.as_deref(), Some("Jeanne Martin"));
    assert!(article
        .body
        .starts_with("Les dockers du Havre ont voté mercredi"));
    assert!(!article.body.contains("Crédits photo"));
    assert!(!article.body.contains('©'));
}

/// A tree walker's dump (`get_text("\n")`): the page's `<title>` comes first and names the
/// headline, though a blog's name nearer the text echoes it more; "Publié le" and its date
/// are two elements, a blank line between them.
#[test]
fn a_tree_walkers_dump_has_its_first_lines_headline_and_split_date() {
    let article = extract_one(&fixture("tree-walker.txt"));
    assert_eq!(
        article.title,
        "Havre : la colère des dockers paralyse les quais normands"
    );
    assert_eq!(article.date.as_deref(), Some("2024-10-03"));
    assert_eq!(article.author.as_deref(), Some("Jeanne Martin"));
    assert!(article.body.starts_with("Les dockers du Havre ont cessé"));
    assert!(article.body.ends_with("a indiqué leur fédération."));
    assert!(!article.body.contains("Rouen"));
}

/// A sign-in box of short lines inside the article, ending on its "Se connecter" button,
/// does not cut the article in two: the text before it, and the headline and date above,
/// are the article's; the box is not in the body.
#[test]
fn a_sign_in_box_inside_the_article_does_not_cut_it() {
    let article = extract_one(&fixture("sign-in-box.txt"));
    assert_eq!(
        article.title,
        "Au Havre, les dockers votent la reprise du travail après trois semaines de grève"
    );
    assert_eq!(article.date.as_deref(), Some("2024-03-14"));
    assert!(article.body.starts_with("Les dockers du Havre ont voté"));
    assert!(article.body.ends_with("calendrier des embauches promises."));
    for absent in [
        "sélections",
        "compte",
        "Se connecter",
        "Rouen",
        "Mot de passe",
    ] {
        assert!(!article.body.contains(absent), "{absent} in the body");
    }
}

/// A "Lire aussi" box printed above the headline, apart from it, ends before it: the
/// headline under it is the article's.
#[test]
fn a_related_box_above_the_headline_leaves_the_headline() {
    let article = extract_one(&fixture("related-above-headline.txt"));
    assert_eq!(
        article.title,
        "Havre : les dockers suspendent leur mouvement"
    );
    assert_eq!(article.date.as_deref(), Some("2024-03-14"));
}

/// The lede a page prints between its headline and the byline is the article's first
/// paragraph; the photo's text printed twice under the header is not.
#[test]
fn the_lede_under_the_headline_opens_the_body() {
    let article = extract_one(&fixture("lede-under-headline.txt"));
    assert_eq!(
        article.title,
        "Les maires ruraux réclament un plan pour les médecins de campagne"
    );
    assert_eq!(article.date.as_deref(), Some("2025-11-18"));
    assert!(
        article.body.starts_with(
            "Réunis en congrès à Périgueux, les maires des communes rurales demandent à l'État"
        ),
        "{}",
        article.body
    );
    assert!(article
        .body
        .contains("Les maires ruraux ont adopté mardi une motion"));
}

/// Short lines that hold a headline's date are the article's header, not a box inside the
/// text above it: the article after them is not joined to that text.
#[test]
fn short_lines_with_a_date_are_a_header_not_a_box() {
    let article = extract_one(&fixture("header-after-about.txt"));
    assert_eq!(article.title, "Grève au port : la direction recule");
    assert_eq!(article.date.as_deref(), Some("2019-06-09"));
    assert!(article.body.starts_with("Les dockers ont obtenu jeudi"));
    assert!(!article.body.contains("bénévoles"));
}

/// Between a headline and its article, a page may print a photo gallery, whose captions
/// date the scene ("…, le 13 mars 2024"), and a "Lire aussi" box of other articles'
/// headlines with their sections, then the header's "publié le" line: none of them is the
/// headline, however much of the article they echo. That line names who published the
/// article.
#[test]
fn captions_related_headlines_and_the_header_are_not_the_headline() {
    let article = extract_one(&fixture("gallery-and-related.txt"));
    assert_eq!(
        article.title,
        "Havre : les dockers suspendent leur mouvement"
    );
    assert_eq!(article.date.as_deref(), Some("2024-03-14"));
    assert_eq!(article.author.as_deref(), Some("Le Quotidien avec agences"));
    assert!(article.body.starts_with("Les dockers du Havre ont voté"));
    assert!(!article.body.contains("grues"));
}

/// Teasers after a short article do not outweigh it: in a list whose headers (section,
/// headline, badge, date, a player's button) set each teaser apart from the next, a long
/// standfirst between two dated others is an item of the list; in a hard-wrapped dump
/// that prints each teaser's picture as its headline before the headline again, a
/// headline twice over is no paragraph.
#[test]
fn teasers_after_a_short_article_are_not_the_article() {
    for (name, teasers_word) in [
        ("dated-teasers-apart.txt", "brancards"),
        ("teasers-printed-twice.txt", "gratuité"),
    ] {
        let article = extract_one(&fixture(name));
        assert_eq!(
            article.title, "Le port de Lorient accueillera les ferries de la ligne vers l'Irlande",
            "{name}"
        );
        assert_eq!(article.date.as_deref(), Some("2024-03-14"), "{name}");
        assert!(
            article
                .body
                .starts_with("Le port de Lorient accueillera à partir"),
            "{name}"
        );
        assert!(!article.body.contains(teasers_word), "{name}");
    }
}

/// lynx prints a page that reloads itself with its address on the first line: the address
/// is the article's, and the day it names dates an article that prints none (over the day
/// named in its lead and "publié il y a 12 minutes", with nothing to count from).
#[test]
fn the_address_printed_at_the_top_dates_the_article() {
    let article = extract_one(&fixture("address-at-the-top.txt"));
    assert_eq!(
        article.title,
        "La ligne de ferries vers l'Irlande rouvrira au port de Lorient"
    );
    assert_eq!(
        article.url.as_deref(),
        Some("https://www.exemple-presse.fr/regions/la-ligne-de-ferries-vers-l-irlande-rouvre-a-lorient-20240429")
    );
    assert_eq!(article.date.as_deref(), Some("2024-04-29"));
    assert!(article
        .clues
        .date
        .as_deref()
        .is_some_and(|clue| clue.contains("address")));
    assert!(article
        .body
        .starts_with("La ligne de ferries entre Lorient"));
    assert!(!article.body.contains("REFRESH"));
}

/// `lynx -dump` without `-nolist` numbers every link ("Par [10]Martin Dupont") and lists their
/// addresses at the end: neither is the page's text. The header line joining the source,
/// the dates and the byline with "|" and "•" gives the date and the author.
#[test]
fn numbered_links_and_a_header_line_of_parts() {
    let article = extract_one(&fixture("numbered-links.txt"));
    assert_eq!(
        article.title,
        "La ligne de ferries vers l'Irlande rouvrira au port de Lorient"
    );
    assert_eq!(article.date.as_deref(), Some("2015-05-04"));
    assert_eq!(article.author.as_deref(), Some("Martin Dupont"));
    assert!(article.body.starts_with(
        "La ligne de ferries entre Lorient et Cork rouvrira au printemps, a annoncé la région, qui"
    ));
    assert!(article.body.contains("selon la chambre de commerce"));
    for residue in ["[1", "References", "https://"] {
        assert!(!article.body.contains(residue), "{residue}");
    }
}

/// A page that prints its author's name without "Par", alone on a line right above the date
/// line (here printed twice over, as a dump prints a portrait's alternative text then the
/// name): the name is the byline.
#[test]
fn a_name_alone_above_the_date_is_the_byline() {
    let article = extract_one(&fixture("name-above-the-date.txt"));
    assert_eq!(
        article.title,
        "Les cantines scolaires de Rennes passent au bio et au local"
    );
    assert_eq!(article.date.as_deref(), Some("2024-03-12"));
    assert_eq!(article.author.as_deref(), Some("Claire Bonnet"));
    assert!(article.body.contains("a annoncé la municipalité mardi"));
}

/// The article's opening paragraph printed apart from the rest of its text, under the date
/// line and before a table of contents, opens the body; the photo's text printed twice on
/// one line above it, the contents and the box after it are not the article's.
#[test]
fn the_opening_paragraph_before_a_table_of_contents_opens_the_body() {
    let article = extract_one(&fixture("opening-apart.txt"));
    assert_eq!(
        article.title,
        "Grève au port du Havre : les dockers bloquent les terminaux pour la troisième journée"
    );
    assert_eq!(article.date.as_deref(), Some("2024-03-14"));
    assert!(
        article
            .body
            .starts_with("Les dockers du Havre ont bloqué mercredi les terminaux"),
        "{}",
        article.body
    );
    assert!(article.body.contains("Aucun navire n'a pu être chargé"));
    for absent in [
        "Des dockers rassemblés",
        "Sommaire",
        "Anvers et Rotterdam dès",
        "podcast",
    ] {
        assert!(!article.body.contains(absent), "{absent} in the body");
    }
}

/// A tree walker's dump of a paywalled article: a quotation printed on its own line stays
/// in its sentence, a "Lire aussi" box with a long linked headline and a sign-in box does
/// not cut the article in two, and the paywall's notice ends it.
#[test]
fn a_paywalled_article_in_a_tree_walkers_dump_is_read_whole_up_to_the_notice() {
    let article = extract_one(&fixture("paywalled-tree-walker.txt"));
    assert_eq!(
        article.title,
        "Assurance chômage : la CFDT quitte la table des négociations"
    );
    assert_eq!(article.date.as_deref(), Some("2025-02-12"));
    assert_eq!(article.author.as_deref(), Some("Paul Durand"));
    assert!(article
        .body
        .starts_with("La secrétaire générale de la CFDT a annoncé mercredi soir"));
    assert!(article
        .body
        .contains("elle dit avoir « mis en garde » la ministre contre une réforme"));
    assert!(article
        .body
        .ends_with("sans effet démontré sur le retour à l'emploi."));
    for absent in [
        "Retraites : les syndicats",
        "sélections",
        "Se connecter",
        "Il vous reste",
        "appareil",
    ] {
        assert!(!article.body.contains(absent), "{absent} in the body");
    }
}

/// A date printed right above the headline dates the article, not the day the masthead
/// prints at the top of the page nor the dates of the related headlines after it; the
/// byline under the standfirst is the author's.
#[test]
fn a_date_right_above_the_headline_and_a_byline_under_the_standfirst() {
    let article = extract_one(&fixture("date-above-headline.txt"));
    assert_eq!(
        article.title,
        "Les ostréiculteurs de la baie de Quiberon inquiets après une nouvelle pollution"
    );
    assert_eq!(article.date.as_deref(), Some("2024-03-12"));
    assert_eq!(
        article.clues.date.as_deref(),
        Some("a date line right above the headline")
    );
    assert_eq!(article.author.as_deref(), Some("Yann Le Goff"));
    assert!(article.body.starts_with("Une pollution aux hydrocarbures"));
    assert!(article
        .body
        .ends_with("pendant six semaines l'hiver dernier."));
}

/// A tree walker's dump printing the page's title first, then menus and the masthead's
/// day, then the headline: the date is the header line's under the headline, whose last
/// part ends on a full stop ("| Lecture 4 min."), and so is the byline.
#[test]
fn the_header_under_the_headline_wins_over_a_masthead_under_the_page_title() {
    let article = extract_one(&fixture("title-menus-masthead.txt"));
    assert_eq!(
        article.title,
        "Les ostréiculteurs de la baie de Quiberon inquiets après une nouvelle pollution"
    );
    assert_eq!(article.date.as_deref(), Some("2024-03-12"));
    assert_eq!(article.author.as_deref(), Some("Jeanne Martin"));
    assert!(article.body.starts_with("Une pollution aux hydrocarbures"));
    assert!(article
        .body
        .ends_with("pendant six semaines l'hiver dernier."));
}

/// A blog post dumped by w3m: the byline after the date ("Publié le 12 mars 2024 par …")
/// names the author, and the readers' comments, under their count ("4 réponses"), are not
/// the article's text.
#[test]
fn a_blog_posts_comments_are_not_its_text() {
    let article = extract_one(&fixture("blog-with-comments.txt"));
    assert_eq!(article.date.as_deref(), Some("2024-03-12"));
    assert_eq!(article.author.as_deref(), Some("Jeanne Martin"));
    assert!(article.body.ends_with("grâce aux images satellites."));
    assert!(!article.body.contains("Encore une fois"));
}

/// A crawler's timestamp in UTC is dated where the article came out: late on 29 April in
/// UTC is 30 April in Paris, early on 30 April is still 29 April in Montréal.
#[test]
fn a_moment_in_utc_is_dated_on_the_publishers_clock() {
    let scratch = TempDir::new().unwrap();
    let records = scratch.path().join("dump.jsonl");
    std::fs::write(
        &records,
        concat!(
            "{\"title\": \"Paris\", \"text\": \"Un texte.\", \"date\": \"2024-04-29T22:15:00Z\", \"url\": \"https://www.exemple.fr/a\"}\n",
            "{\"title\": \"Montréal\", \"text\": \"Un texte.\", \"date\": \"2024-04-30T02:15:00.000+00:00\", \"url\": \"https://www.exemple.ca/b\"}\n",
            "{\"title\": \"Unix\", \"text\": \"Un texte.\", \"date\": 1714428900}\n",
            "{\"title\": \"Déclarée\", \"text\": \"Un texte.\", \"date\": \"2024-04-29T23:15:00+02:00\"}\n",
        ),
    )
    .unwrap();
    let page = scratch.path().join("page.html");
    std::fs::write(
        &page,
        r#"<html lang="fr"><head><meta property="article:published_time" content="2024-10-26T22:40:00Z">
        <title>Un titre</title></head><body><h1>Un titre</h1><p>Le texte de l'article, assez long pour en être un, se lit ici.</p></body></html>"#,
    )
    .unwrap();
    let output = newsearch(scratch.path())
        .args(["extract", "--json"])
        .arg(&records)
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Report = serde_json::from_slice(&output.stdout).unwrap();
    let dates: Vec<Option<&str>> = report
        .files
        .iter()
        .flat_map(|file| &file.articles)
        .map(|article| article.date.as_deref())
        .collect();
    assert_eq!(
        dates,
        [
            Some("2024-04-30"),
            Some("2024-04-29"),
            Some("2024-04-30"),
            Some("2024-04-29"),
            Some("2024-10-27")
        ]
    );
}

/// A newsletter's box inside the article and another after it: the article runs across the
/// first and ends before the second, and neither's prompt nor pitch is its text.
#[test]
fn newsletter_boxes_are_not_the_article() {
    let article = extract_one(&fixture("newsletter-boxes.txt"));
    assert_eq!(
        article.title,
        "À Brest, le pont de Recouvrance restera fermé tout l'été"
    );
    assert!(
        article
            .body
            .starts_with("Le pont de Recouvrance, qui relie"),
        "{}",
        article.body
    );
    assert!(
        article
            .body
            .contains("voté lors du prochain conseil, à la fin du mois de juin."),
        "the text after the box inside the article: {}",
        article.body
    );
    for around in [
        "newsletter",
        "boîte mail",
        "Je m'inscris",
        "Mentions légales",
    ] {
        assert!(
            !article.body.contains(around),
            "{around:?} in {}",
            article.body
        );
    }
}

/// An agency's dispatch printed without a date line is dated by the dateline its text
/// opens on, which stays in the text.
#[test]
fn an_agency_dispatch_is_dated_by_its_dateline() {
    let article = extract_one(&fixture("agency-dispatch.txt"));
    assert_eq!(article.date.as_deref(), Some("2023-12-14"));
    assert!(
        article.clues.date.as_deref().unwrap().contains("dateline"),
        "{:?}",
        article.clues.date
    );
    assert!(article
        .body
        .starts_with("BRUXELLES, 14 décembre 2023 (AFP) - Les ministres"));
}

/// After the article, a "Lire aussi" box with another article's standfirst and date, then
/// the site's cookie notice: neither goes on with the article's text.
#[test]
fn a_teasers_standfirst_and_a_cookie_notice_after_the_article_are_not_its_text() {
    let article = extract_one(&fixture("teaser-and-cookies.txt"));
    assert_eq!(article.date.as_deref(), Some("2024-09-05"));
    assert!(
        article
            .body
            .ends_with("l'achat de fourrage dans les départements voisins."),
        "{}",
        article.body
    );
}
