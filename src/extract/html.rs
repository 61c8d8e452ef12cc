//! Saved HTML pages (.html, .htm, .html.gz): title, date, category, author, url and source from the page's markup, body from its main text.
//!
//! Each field is taken from the most explicit statement the page makes: Open Graph and
//! `article:*` meta tags first, then JSON-LD, then microdata and visible markup (`<h1>`,
//! `<time>`, breadcrumbs, bylines), then the URL path.

use scraper::{ElementRef, Html};
use serde_json::Value;

use crate::article::PublicationDate;
use crate::date::Date;

use super::byline::{byline_author, is_plain_name};
use super::date_value::parse_date_value;
use super::html_body::main_text;
use super::html_metadata::{collapse_whitespace, element_text, selector, PageMetadata};
use super::section::is_generic_section;
use super::PageFields;

/// Separators between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · "];

/// Meta tags that may hold the publication date, in order of trust.
const DATE_META_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "itemprop:datepublished",
];

/// Meta tags that may name the author, in order of trust.
const AUTHOR_META_KEYS: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "sailthru.author",
    "parsely-author",
];

/// Longest visible text (in words) read as a date, byline or breadcrumb line.
const SHORT_LINE_WORDS: usize = 14;

/// Reads the article of an HTML page. `today` bounds the year inferred for dates written without one.
pub fn read_html(text: &str, today: Date) -> PageFields {
    let document = Html::parse_document(text);
    let metadata = PageMetadata::read(&document);
    let title = title(&document, &metadata);
    let url = url(&metadata);
    let body = main_text(&document, title.as_deref()).join("\n\n");
    PageFields {
        date: date(&document, &metadata, today),
        category: category(&document, &metadata, title.as_deref(), url.as_deref()),
        author: author(&document, &metadata),
        source: source(&metadata),
        title,
        url,
        body,
    }
}

fn json_ld_text(metadata: &PageMetadata, key: &str) -> Option<String> {
    metadata.json_ld(key).and_then(text_of)
}

/// A string, the `name` of an object, or the first of an array of either.
fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => collapse_whitespace(text),
        Value::Object(object) => return object.get("name").and_then(text_of),
        Value::Array(items) => return items.iter().find_map(text_of),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

fn title(document: &Html, metadata: &PageMetadata) -> Option<String> {
    metadata
        .meta(&["og:title", "twitter:title"])
        .map(str::to_string)
        .or_else(|| json_ld_text(metadata, "headline"))
        .or_else(|| {
            ["article h1", "main h1", "h1"]
                .iter()
                .find_map(|css| first_text(document, css))
        })
        .or_else(|| metadata.title_tag.as_deref().map(headline_of_title_tag))
}

/// `<title>` without the site name: the longest part between separators.
fn headline_of_title_tag(title: &str) -> String {
    let mut parts = vec![title];
    for separator in TITLE_SEPARATORS {
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
        .to_string()
}

fn first_text(document: &Html, css: &str) -> Option<String> {
    document
        .select(&selector(css))
        .map(element_text)
        .find(|text| !text.is_empty())
}

fn url(metadata: &PageMetadata) -> Option<String> {
    metadata
        .meta(&["og:url"])
        .map(str::to_string)
        .or_else(|| metadata.canonical_url.clone())
        .or_else(|| json_ld_text(metadata, "url"))
}

fn source(metadata: &PageMetadata) -> Option<String> {
    metadata
        .meta(&["og:site_name", "application-name"])
        .map(str::to_string)
        .or_else(|| json_ld_text(metadata, "publisher"))
}

fn date(document: &Html, metadata: &PageMetadata, today: Date) -> Option<PublicationDate> {
    let parse = |text: &str| parse_date_value(text, today);
    metadata
        .meta(DATE_META_KEYS)
        .and_then(parse)
        .or_else(|| json_ld_text(metadata, "datePublished").and_then(|text| parse(&text)))
        .or_else(|| microdata_date(document, today))
        .or_else(|| {
            document
                .select(&selector("time[datetime]"))
                .find_map(|time| time.value().attr("datetime").and_then(parse))
        })
        .or_else(|| printed_date(document, today))
}

/// `<span itemprop="datePublished" content="…">` or `<time itemprop="datePublished" datetime="…">`.
fn microdata_date(document: &Html, today: Date) -> Option<PublicationDate> {
    document
        .select(&selector(r#"[itemprop="datePublished"]"#))
        .find_map(|element| {
            let value = element.value();
            let stated = value.attr("content").or_else(|| value.attr("datetime"));
            stated
                .map(str::to_string)
                .or_else(|| Some(element_text(element)))
                .and_then(|text| parse_date_value(&text, today))
        })
}

/// A date printed near the title: a short dateline ("Publié le 22 octobre 2024 à 14h05")
/// in the article's header or right under its `<h1>`.
fn printed_date(document: &Html, today: Date) -> Option<PublicationDate> {
    let dateline_css = "[class*=date], [class*=Date], [class*=time], [class*=publi], \
                        [class*=byline], [class*=meta], article header, h1 ~ p, h1 ~ div";
    document
        .select(&selector(dateline_css))
        .map(element_text)
        .filter(|text| is_short_line(text))
        .find_map(|text| parse_date_value(&text, today))
}

fn is_short_line(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=SHORT_LINE_WORDS).contains(&words)
}

fn author(document: &Html, metadata: &PageMetadata) -> Option<String> {
    metadata
        .meta(AUTHOR_META_KEYS)
        .filter(|author| !author.starts_with("http"))
        .map(str::to_string)
        .or_else(|| json_ld_author(metadata))
        .or_else(|| microdata_author(document))
        .or_else(|| printed_byline(document))
}

/// JSON-LD `author`: a name, a Person object or an array of them, joined by ", ".
fn json_ld_author(metadata: &PageMetadata) -> Option<String> {
    let names: Vec<String> = match metadata.json_ld("author")? {
        Value::Array(items) => items.iter().filter_map(text_of).collect(),
        single => text_of(single).into_iter().collect(),
    };
    (!names.is_empty()).then(|| names.join(", "))
}

fn microdata_author(document: &Html) -> Option<String> {
    document
        .select(&selector(r#"[itemprop="author"]"#))
        .find_map(|element| {
            let named = element
                .select(&selector(r#"[itemprop="name"]"#))
                .next()
                .map(|name| {
                    name.value()
                        .attr("content")
                        .map(str::to_string)
                        .unwrap_or_else(|| element_text(name))
                });
            named
                .or_else(|| element.value().attr("content").map(str::to_string))
                .or_else(|| Some(element_text(element)))
                .map(|name| collapse_whitespace(&name))
                .filter(|name| is_short_line(name))
        })
}

/// "Par Jeanne Martin" in an element whose class says byline or author.
fn printed_byline(document: &Html) -> Option<String> {
    document
        .select(&selector(
            "[class*=byline], [class*=author], [class*=signature], [rel=author]",
        ))
        .map(element_text)
        .filter(|text| is_short_line(text))
        .find_map(|text| byline_author(&text).or_else(|| is_plain_name(&text).then_some(text)))
}

fn category(
    document: &Html,
    metadata: &PageMetadata,
    title: Option<&str>,
    url: Option<&str>,
) -> Option<String> {
    metadata
        .meta(&["article:section"])
        .map(str::to_string)
        .filter(|section| !is_generic_section(section))
        .or_else(|| {
            json_ld_text(metadata, "articleSection").filter(|section| !is_generic_section(section))
        })
        .or_else(|| breadcrumb_category(document, metadata, title))
        .or_else(|| url.and_then(url_section))
}

/// The last breadcrumb that names a section (not "Accueil", not the article's own title).
fn breadcrumb_category(
    document: &Html,
    metadata: &PageMetadata,
    title: Option<&str>,
) -> Option<String> {
    let mut crumbs = metadata.json_ld_breadcrumbs.clone();
    if crumbs.is_empty() {
        crumbs = visible_breadcrumbs(document);
    }
    crumbs
        .into_iter()
        .rev()
        .find(|crumb| is_section_label(crumb) && Some(crumb.as_str()) != title)
}

/// The crumbs of the first breadcrumb trail of two crumbs or more (a lone "breadcrumb"
/// label is a menu heading, not a trail).
fn visible_breadcrumbs(document: &Html) -> Vec<String> {
    document
        .select(&selector(
            "[class*=breadcrumb], [id*=breadcrumb], [itemtype*=BreadcrumbList]",
        ))
        .map(trail_crumbs)
        .find(|crumbs| crumbs.len() >= 2)
        .unwrap_or_default()
}

fn trail_crumbs(trail: ElementRef) -> Vec<String> {
    let links: Vec<String> = trail
        .select(&selector("a, [itemprop=name]"))
        .map(element_text)
        .filter(|text| !text.is_empty())
        .collect();
    if links.len() >= 2 {
        links
    } else {
        separated_crumbs(trail)
    }
}

/// "Accueil > Économie > Emploi" written as one text.
fn separated_crumbs(trail: ElementRef) -> Vec<String> {
    element_text(trail)
        .split(['>', '›', '»', '/', '|'])
        .map(str::trim)
        .filter(|crumb| !crumb.is_empty())
        .map(str::to_string)
        .collect()
}

fn is_section_label(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=4).contains(&words) && !is_generic_section(text)
}

/// The section a URL path names: its last folder that is not generic or a date
/// (`/societe/people/article.html` → "People"); failing that, a sub-domain that names one
/// (`auto.exemple.fr/news/…` → "Auto").
fn url_section(url: &str) -> Option<String> {
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let without_query = without_scheme.split(['?', '#']).next().unwrap_or_default();
    let (host, path) = without_query.split_once('/').unwrap_or((without_query, ""));
    let folders: Vec<&str> = path.split('/').collect();
    let folders = &folders[..folders.len().saturating_sub(1)];
    folders
        .iter()
        .rev()
        .copied()
        .find(|folder| is_section_folder(folder))
        .or_else(|| host_section(host))
        .map(capitalize)
}

fn is_section_folder(folder: &str) -> bool {
    !folder.is_empty()
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

    fn today() -> Date {
        Date::new(2026, 11, 21).unwrap()
    }

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
    }

    #[test]
    fn title_tag_without_site_name() {
        assert_eq!(
            headline_of_title_tag("Le Sénat rejette le budget - Le Site | Actualités"),
            "Le Sénat rejette le budget"
        );
    }

    #[test]
    fn page_without_metadata_uses_visible_markup() {
        let page = r#"<html><head><title>La grève des dockers du Havre | Le Journal</title></head><body>
            <div class="breadcrumb"><a href="/">Accueil</a> › <a href="/economie/">Économie</a></div>
            <article>
              <h1>La grève des dockers du Havre</h1>
              <div class="meta"><span class="byline">Par Jeanne Martin</span>
                 <span class="date">Publié le 12 février 2025 à 08h10</span></div>
              <p>Les dockers du Havre ont cessé le travail mercredi pour protester contre la réforme.</p>
              <p>Le mouvement devrait durer au moins trois jours selon les syndicats du port.</p>
            </article></body></html>"#;
        let fields = read_html(page, today());
        assert_eq!(
            fields.title.as_deref(),
            Some("La grève des dockers du Havre")
        );
        assert_eq!(
            fields.date.map(|found| found.date.to_string()).as_deref(),
            Some("2025-02-12")
        );
        assert_eq!(fields.category.as_deref(), Some("Économie"));
        assert_eq!(fields.author.as_deref(), Some("Jeanne Martin"));
        assert_eq!(fields.url, None);
        assert_eq!(fields.body.matches("\n\n").count(), 1);
        assert!(fields.body.starts_with("Les dockers"));
    }
}
