//! Saved HTML pages (.html, .htm, .html.gz): title, date, category, author, url and source from the page's markup, body from its main text.
//!
//! The flow, one module per step: the page is parsed into a tree in linear time however
//! deep or broken its markup ([`document`]), measured once ([`measures`]: readable text,
//! link text, paragraphs per element), described by its own metadata ([`metadata`]:
//! meta tags, JSON-LD). Each field then takes the page's most explicit statement:
//! [`title`], [`published`], [`author`], [`category`]; the body is the text of the
//! elements holding the article's paragraphs ([`container`], [`body`]).

mod author;
mod body;
mod boilerplate;
mod category;
mod container;
mod document;
mod entities;
mod measures;
mod metadata;
mod published;
mod title;

use crate::date::Date;

use super::PageFields;
use crate::extract::Clues;
use document::Document;
use measures::Measures;
use metadata::PageMetadata;

/// Reads the article of an HTML page, with the clue that decided each field. `today`
/// bounds the year inferred for dates written without one. A page too large to be read as
/// a tree (millions of elements) gives no field, and so is reported as holding no article.
pub(super) fn read_html(text: &str, today: Date) -> (PageFields, Clues) {
    let Ok(document) = Document::parse(text) else {
        return (PageFields::default(), Clues::default());
    };
    let measures = Measures::of(&document);
    let metadata = PageMetadata::read(&document);
    let best = container::best_element(&document, &measures);
    let (title, title_clue) = title::headline(&document, &measures, &metadata, best).unzip();
    let heading = title::headline_element(&document, &measures, title.as_deref(), best);
    let url = url(&metadata);
    let mut paragraphs =
        body::article_paragraphs(&document, &measures, title.as_deref(), best, heading, today);
    let signature = author::closing_signature(&mut paragraphs);
    let mut body = paragraphs.join("\n\n");
    if body.is_empty() {
        body = declared_text(&metadata);
    }
    let (date, date_clue) = published::publication_date(
        &document,
        &measures,
        &metadata,
        heading,
        best,
        body.split("\n\n").next(),
        today,
    )
    .unzip();
    let (category, category_clue) = category::category(
        &document,
        &measures,
        &metadata,
        title.as_deref(),
        url.as_deref(),
    )
    .unzip();
    let (author, author_clue) = author::author(&document, &measures, &metadata, heading, today)
        .or_else(|| signature.map(decided_by("a name signing the text")))
        .unzip();
    let fields = PageFields {
        date,
        category,
        author,
        source: metadata.site_names().into_iter().next(),
        title,
        url,
        body,
    };
    let clues = Clues {
        title: title_clue,
        date: date_clue,
        category: category_clue,
        author: author_clue,
    };
    (fields, clues)
}

/// A field as a page states it, with the clue that decided it, in words (what
/// `newsearch extract` shows).
type Decided<T> = (T, &'static str);

/// Pairs a field found with the `clue` it was found by: `.map(decided_by("the page's URL"))`.
fn decided_by<T>(clue: &'static str) -> impl FnOnce(T) -> Decided<T> {
    move |value| (value, clue)
}

/// The article's text when the page's markup holds none (a page that its scripts fill in):
/// the `articleBody` its JSON-LD declares, a paragraph per line, else its description.
fn declared_text(metadata: &PageMetadata) -> String {
    metadata
        .json_ld_article("articleBody")
        .and_then(|value| value.as_str())
        .map(|text| {
            text.lines()
                .map(metadata::clean_text)
                .filter(|paragraph| !paragraph.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .filter(|text| !text.is_empty())
        .or_else(|| {
            metadata
                .meta(&["og:description", "description", "twitter:description"])
                .map(metadata::clean_text)
        })
        .unwrap_or_default()
}

fn url(metadata: &PageMetadata) -> Option<String> {
    metadata
        .meta(&["og:url"])
        .map(str::to_string)
        .or_else(|| metadata.canonical_url.clone())
        .or_else(|| {
            metadata
                .json_ld_article("url")
                .and_then(|value| value.as_str())
                .map(metadata::clean_text)
        })
        .filter(|url| !url.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 21).unwrap()
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
        let (fields, clues) = read_html(page, today());
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
        assert_eq!(clues.title, Some("the <h1> heading the article"));
        assert_eq!(clues.date, Some("a date line under the headline"));
        assert_eq!(clues.category, Some("the page's breadcrumb trail"));
        assert_eq!(clues.author, Some("a byline near the headline"));
    }

    /// A name alone under the text signs it: it is the author, not the text.
    #[test]
    fn a_name_signing_the_text_is_its_author() {
        let page = r#"<html><head><title>La grève des dockers du Havre</title></head><body>
            <h1>La grève des dockers du Havre</h1>
            <p>Les dockers du Havre ont cessé le travail mercredi pour protester contre la réforme.</p>
            <p>Le mouvement devrait durer au moins trois jours selon les syndicats du port.</p>
            <p><strong>Jeanne Martin</strong></p></body></html>"#;
        let (fields, clues) = read_html(page, today());
        assert_eq!(fields.author.as_deref(), Some("Jeanne Martin"));
        assert_eq!(clues.author, Some("a name signing the text"));
        assert!(
            fields.body.ends_with("syndicats du port."),
            "{}",
            fields.body
        );
        let closing_sentence = page.replace(
            "<strong>Jeanne Martin</strong>",
            "Les syndicats se retrouveront vendredi.",
        );
        assert_eq!(read_html(&closing_sentence, today()).0.author, None);
    }

    /// A page its scripts fill in holds no text in its markup: the text it declares is read,
    /// its JSON-LD `articleBody`, else its description.
    #[test]
    fn a_page_without_text_in_its_markup_gives_the_text_it_declares() {
        let declared = r#"<html><head><title>Le port à l'arrêt</title>
            <meta property="og:description" content="La grève paralyse le port.">
            <script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Les dockers ont voté la grève mardi.\nLes armateurs s'inquiètent."}</script>
            </head><body><div id="root"></div></body></html>"#;
        let (fields, _) = read_html(declared, today());
        assert_eq!(
            fields.body,
            "Les dockers ont voté la grève mardi.\n\nLes armateurs s'inquiètent."
        );
        let described = declared.replace("articleBody", "abstract");
        let (fields, _) = read_html(&described, today());
        assert_eq!(fields.body, "La grève paralyse le port.");
    }
}
