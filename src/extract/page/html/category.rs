//! The article's section: declared (`article:section`, JSON-LD `articleSection`), else the last crumb of the page's breadcrumb trail, else a link marked as the category, else a folder of its URL.

use html5ever::local_name;
use serde_json::Value;

use crate::extract::clues::section::{
    is_generic_section, is_home_crumb, is_section_label, trail_category,
};

use super::document::{Document, NodeId};
use super::measures::Measures;
use super::metadata::{clean_text, PageMetadata};
use super::{decided_by, Decided};

/// Longest breadcrumb trail read, in characters other than white space.
const TRAIL_CHARS: u32 = 300;

/// Longest link to the home page ("Accueil"), in characters other than white space.
const HOME_CHARS: u32 = 10;

/// How many breadcrumb-named elements are read at most, whatever the page.
const CANDIDATES: usize = 50;

pub(crate) fn category(
    document: &Document,
    measures: &Measures,
    metadata: &PageMetadata,
    title: Option<&str>,
    url: Option<&str>,
) -> Option<Decided<String>> {
    metadata
        .meta(&["article:section"])
        .map(str::to_string)
        .filter(|section| !is_generic_section(section))
        .map(decided_by("the page's meta tags (article:section)"))
        .or_else(|| {
            metadata
                .json_ld_article("articleSection")
                .and_then(first_text)
                .filter(|section| !is_generic_section(section))
                .map(decided_by("the page's JSON-LD (articleSection)"))
        })
        .or_else(|| {
            breadcrumb_category(document, measures, metadata, title)
                .map(decided_by("the page's breadcrumb trail"))
        })
        .or_else(|| {
            marked_category(document, measures).map(decided_by(
                "a link marked as the category (rel=\"category\")",
            ))
        })
        .or_else(|| url.and_then(url_section).map(decided_by("the page's URL")))
}

/// The first link marked `rel="category"` (blogs mark the post's categories so, "Publié
/// dans Politique"), not inside an `<aside>` or a `<nav>`, where the site's list of
/// categories and other posts' links are.
fn marked_category(document: &Document, measures: &Measures) -> Option<String> {
    document
        .elements()
        .filter(|(id, element)| {
            !measures.unread[*id] && &*element.name == "a" && element.has_token("rel", "category")
        })
        .take(CANDIDATES)
        .filter(|(id, _)| !document.is_inside(*id, &[local_name!("aside"), local_name!("nav")]))
        .map(|(id, _)| document.text(id))
        .find(|text| is_section_label(text))
}

/// A string, or the first string of an array.
fn first_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(clean_text(text)).filter(|text| !text.is_empty()),
        Value::Array(items) => items.iter().find_map(first_text),
        _ => None,
    }
}

/// The last breadcrumb that names a section (not "Accueil", not the article's own title).
fn breadcrumb_category(
    document: &Document,
    measures: &Measures,
    metadata: &PageMetadata,
    title: Option<&str>,
) -> Option<String> {
    let mut crumbs = metadata.json_ld_breadcrumbs.clone();
    if crumbs.is_empty() {
        crumbs = visible_breadcrumbs(document, measures);
    }
    crumbs
        .into_iter()
        .rev()
        .find(|crumb| is_section_label(crumb) && Some(crumb.as_str()) != title)
        .or_else(|| home_trail_category(document, measures, title))
}

/// The section of a trail no class names, printed as text from a link to the home page
/// ("<a>Accueil</a> &gt; <a>Luttes</a> &gt; <strong>Grève à l'usine…</strong>").
fn home_trail_category(
    document: &Document,
    measures: &Measures,
    title: Option<&str>,
) -> Option<String> {
    document
        .elements_named("a")
        .filter(|(id, _)| !measures.unread[*id] && measures.text_chars[*id] <= HOME_CHARS)
        .filter(|(id, _)| is_home_crumb(&document.text(*id)))
        .take(CANDIDATES)
        .filter_map(|(id, _)| document.nodes[id].parent)
        .filter(|trail| measures.text_chars[*trail] <= TRAIL_CHARS)
        .find_map(|trail| trail_category(&document.text(trail)))
        .filter(|category| Some(category.as_str()) != title)
}

/// The crumbs of the first breadcrumb trail of two crumbs or more (a lone "breadcrumb"
/// label is a menu heading, not a trail).
fn visible_breadcrumbs(document: &Document, measures: &Measures) -> Vec<String> {
    document
        .elements()
        .filter(|(_, element)| {
            element
                .class_and_id()
                .any(|name| name.to_ascii_lowercase().contains("breadcrumb"))
                || element
                    .attribute("itemtype")
                    .is_some_and(|kind| kind.contains("BreadcrumbList"))
        })
        .take(CANDIDATES)
        .filter(|(id, _)| measures.text_chars[*id] <= TRAIL_CHARS)
        .map(|(id, _)| trail_crumbs(document, id))
        .find(|crumbs| crumbs.len() >= 2)
        .unwrap_or_default()
}

fn trail_crumbs(document: &Document, trail: NodeId) -> Vec<String> {
    let mut links = Vec::new();
    document.walk(trail, |id| {
        let Some(element) = document.element(id) else {
            return true;
        };
        let is_crumb = &*element.name == "a" || element.attribute("itemprop") == Some("name");
        if is_crumb {
            let text = document.text(id);
            if !text.is_empty() {
                links.push(text);
            }
        }
        !is_crumb
    });
    if links.len() >= 2 {
        links
    } else {
        separated_crumbs(&document.text(trail))
    }
}

/// "Accueil > Économie > Emploi" written as one text.
fn separated_crumbs(text: &str) -> Vec<String> {
    text.split(['>', '›', '»', '/', '|'])
        .map(str::trim)
        .filter(|crumb| !crumb.is_empty())
        .map(str::to_string)
        .collect()
}

/// The section a URL path names: its last folder that is not generic or a date
/// (`/societe/people/article.html` → "People"); failing that, a sub-domain that names one
/// (`auto.exemple.fr/news/…` → "Auto").
fn url_section(url: &str) -> Option<String> {
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let without_query = without_scheme.split(['?', '#']).next().unwrap_or_default();
    let (host, path) = without_query.split_once('/').unwrap_or((without_query, ""));
    // "/48915/un-titre/" names the article in its last folder, as "/un-titre.html" does.
    let folders: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    let folders = &folders[..folders.len().saturating_sub(1)];
    folders
        .iter()
        .rev()
        .copied()
        .find(|folder| is_section_folder(folder))
        .or_else(|| host_section(host))
        .map(capitalize)
}

/// Words of a section's name in a folder ("fait-divers", "ile-de-france"); an article's
/// name in a folder has more.
const MAX_SECTION_FOLDER_WORDS: usize = 4;

fn is_section_folder(folder: &str) -> bool {
    !folder.is_empty()
        && folder.split(['-', '_']).count() <= MAX_SECTION_FOLDER_WORDS
        && folder.chars().any(char::is_alphabetic)
        && !folder.chars().any(|character| character.is_ascii_digit())
        && !is_generic_section(folder)
}

/// The first label of a host with a sub-domain, when it names a section.
fn host_section(host: &str) -> Option<&str> {
    let labels: Vec<&str> = host.split('.').collect();
    (labels.len() >= 3)
        .then(|| labels[0])
        .filter(|label| is_section_folder(label))
}

fn capitalize(word: &str) -> String {
    let mut characters = word.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_sections() {
        assert_eq!(
            url_section("https://actu.orange.fr/societe/fait-divers/un-titre-CNT01.html")
                .as_deref(),
            Some("Fait-divers")
        );
        assert_eq!(
            url_section("https://auto.orange.fr/news/un-titre-CNT01.html").as_deref(),
            Some("Auto")
        );
        assert_eq!(
            url_section("https://www.exemple.fr/2024/10/22/un-titre").as_deref(),
            None
        );
        assert_eq!(
            url_section("http://www.lemonde.fr/economie/article/2017/10/12/titre_123.html")
                .as_deref(),
            Some("Economie")
        );
        assert_eq!(
            url_section("https://www.exemple.tn/48915/parite-hommes-femmes-en-tunisie/").as_deref(),
            None
        );
        assert_eq!(
            url_section("https://www.exemple.fr/regions/ile-de-france/un-titre/").as_deref(),
            Some("Ile-de-france")
        );
    }

    #[test]
    fn breadcrumbs_give_the_section() {
        let html = r#"<div class="breadcrumb"><a href="/">Accueil</a> › <a href="/economie/">Économie</a></div><h1>Le titre</h1>"#;
        let document = Document::parse(html).unwrap();
        let measures = Measures::of(&document);
        let metadata = PageMetadata::read(&document);
        assert_eq!(
            category(&document, &measures, &metadata, Some("Le titre"), None)
                .map(|(section, _)| section)
                .as_deref(),
            Some("Économie")
        );
    }

    /// A trail printed as text from a link to the home page, with no class naming it.
    #[test]
    fn a_trail_from_the_home_page() {
        let html = r#"<p class="arbo"><a href="/">Accueil</a> &gt; <a href="rubrique4.html">Actualités et humeurs</a> &gt; <strong>Décisions de l'AG du mardi 10 septembre</strong></p><h1>Décisions de l'AG du mardi 10 septembre</h1>"#;
        let document = Document::parse(html).unwrap();
        let measures = Measures::of(&document);
        let metadata = PageMetadata::read(&document);
        let title = "Décisions de l'AG du mardi 10 septembre";
        assert_eq!(
            category(&document, &measures, &metadata, Some(title), None)
                .map(|(section, _)| section)
                .as_deref(),
            Some("Actualités et humeurs")
        );
    }

    /// A blog marks its post's categories `rel="category"`; the site's list of categories
    /// in a sidebar is not the post's, nor "Non classé".
    #[test]
    fn a_link_marked_as_the_category() {
        let section = |html: &str| {
            let document = Document::parse(html).unwrap();
            let measures = Measures::of(&document);
            let metadata = PageMetadata::read(&document);
            category(&document, &measures, &metadata, Some("Le titre"), None)
                .map(|(section, _)| section)
        };
        let sidebar =
            r#"<aside><ul><li><a href="/c/sport/" rel="category">Sport</a></li></ul></aside>"#;
        assert_eq!(
            section(&format!(r#"{sidebar}<article><h1>Le titre</h1><p>Le texte.</p><footer>Publié dans <a href="/c/non-classe/" rel="category tag">Non classé</a>, <a href="/c/politique/" rel="category tag">Politique</a></footer></article>"#)).as_deref(),
            Some("Politique")
        );
        assert_eq!(
            section(&format!(
                "{sidebar}<article><h1>Le titre</h1><p>Le texte.</p></article>"
            )),
            None
        );
    }
}
