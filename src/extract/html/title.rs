//! The article's headline: what the page declares (Open Graph, JSON-LD, `<h1>`, `<title>`), without the site's name.

use crate::analysis::fold::fold;

use super::document::Document;
use super::measures::Measures;
use super::metadata::{clean_text, PageMetadata};

/// Separators between a headline and the site's name or section.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " / ", " » "];

/// Longest `<h1>`, in characters other than white space, read as a headline.
const HEADLINE_CHARS: u32 = 400;

/// The article's headline. The declared headline (Open Graph, JSON-LD) is trusted first,
/// as it names this page whatever the layout; the visible `<h1>` when nothing is declared,
/// or when it is the declared one without the additions sites make to it.
pub(crate) fn headline(
    document: &Document,
    measures: &Measures,
    metadata: &PageMetadata,
) -> Option<String> {
    let site_names = metadata.site_names();
    let without_site = |title: &str| without_site_name(title, &site_names);
    let declared = metadata
        .meta(&["og:title", "twitter:title"])
        .map(str::to_string)
        .or_else(|| {
            metadata
                .json_ld_article("headline")
                .and_then(|value| value.as_str())
                .map(clean_text)
        })
        .map(|title| without_site(&title))
        .filter(|title| !title.is_empty());
    let visible = first_heading(document, measures);
    match (declared, visible) {
        (Some(declared), Some(visible)) if is_within(&visible, &declared) => Some(visible),
        (Some(declared), _) => Some(declared),
        (None, Some(visible)) => Some(visible),
        (None, None) => metadata
            .title_tag
            .as_deref()
            .map(|title| longest_part(&without_site(title)).to_string())
            .filter(|title| !title.is_empty()),
    }
}

/// The text of the page's first `<h1>` with readable text.
fn first_heading(document: &Document, measures: &Measures) -> Option<String> {
    document
        .elements_named("h1")
        .filter(|(id, _)| !measures.unread[*id])
        .find_map(|(id, _)| measures.short_text(document, id, HEADLINE_CHARS))
}

/// Whether `visible` is `declared` less a few words the site added (a section, the site's
/// name): sites often declare "Titre - Rubrique" for a page headed "Titre".
fn is_within(visible: &str, declared: &str) -> bool {
    let (visible, declared) = (fold(visible), fold(declared));
    !visible.is_empty()
        && visible.len() * 2 >= declared.len()
        && (declared.starts_with(&visible) || declared.ends_with(&visible))
}

/// `title` without a leading or trailing part that names the site.
pub(crate) fn without_site_name(title: &str, site_names: &[String]) -> String {
    let title = title.trim();
    let names: Vec<String> = site_names
        .iter()
        .map(|name| fold(name))
        .filter(|name| !name.is_empty())
        .collect();
    let names_site = |part: &str| {
        let part = fold(part);
        names.iter().any(|name| {
            part == *name || (part.contains(name.as_str()) && part.len() <= name.len() + 12)
        })
    };
    for separator in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            if names_site(tail) && !head.trim().is_empty() {
                return without_site_name(head, site_names);
            }
        }
        if let Some((head, tail)) = title.split_once(separator) {
            if names_site(head) && !tail.trim().is_empty() {
                return without_site_name(tail, site_names);
            }
        }
    }
    title.to_string()
}

/// The longest part of a `<title>` between separators: the headline, when the site's name
/// could not be recognised.
fn longest_part(title: &str) -> &str {
    let mut parts = vec![title];
    for separator in SEPARATORS {
        parts = parts
            .into_iter()
            .flat_map(|part| part.split(separator))
            .collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .max_by_key(|part| part.chars().count())
        .unwrap_or(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headline_of(html: &str) -> Option<String> {
        let document = Document::parse(html).unwrap();
        let measures = Measures::of(&document);
        headline(&document, &measures, &PageMetadata::read(&document))
    }

    #[test]
    fn the_site_name_is_removed() {
        let sites = ["Le Journal".to_string()];
        assert_eq!(
            without_site_name("Le Sénat rejette le budget - Le Journal", &sites),
            "Le Sénat rejette le budget"
        );
        assert_eq!(
            without_site_name("LE JOURNAL | Le Sénat rejette le budget", &sites),
            "Le Sénat rejette le budget"
        );
        assert_eq!(
            without_site_name("Guerre - paix : le débat", &sites),
            "Guerre - paix : le débat"
        );
        assert_eq!(
            longest_part("Le Sénat rejette le budget | Site | Actualités"),
            "Le Sénat rejette le budget"
        );
    }

    #[test]
    fn declared_title_visible_heading_and_title_tag() {
        let declared = r#"<meta property="og:title" content="La grève des dockers - Économie">
            <meta property="og:site_name" content="Le Journal"><h1>La grève des dockers</h1>"#;
        assert_eq!(
            headline_of(declared).as_deref(),
            Some("La grève des dockers")
        );
        let teaser =
            r#"<meta property="og:title" content="Le port du Havre à l'arrêt"><h1>Newsletter</h1>"#;
        assert_eq!(
            headline_of(teaser).as_deref(),
            Some("Le port du Havre à l'arrêt")
        );
        let bare = "<title>Le port du Havre à l'arrêt | Le Journal</title><p>Texte</p>";
        assert_eq!(
            headline_of(bare).as_deref(),
            Some("Le port du Havre à l'arrêt")
        );
    }
}
