//! The article's headline: what the page declares (Open Graph, JSON-LD, `<h1>`, `<title>`), without the site's name.

use crate::analysis::fold::fold;

use super::document::{Document, NodeId};
use super::measures::Measures;
use super::metadata::{clean_text, PageMetadata};
use super::{decided_by, Decided};

/// Separators between a headline and the site's name or section.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " / "];

/// How many parts (site names, rubrics) are taken off a title at most: a bound on the
/// work for a title made of thousands of separators.
const MAX_STRIPPED_PARTS: usize = 4;

/// How many `<h1>` are looked at.
const HEADINGS: usize = 10;

/// Longest `<h1>`, in characters other than white space, read as a headline.
const HEADLINE_CHARS: u32 = 400;

/// The article's headline. The declared headline (Open Graph, JSON-LD) is trusted first,
/// as it names this page whatever the layout, unless an `<h1>` is the declared one
/// without the additions sites make to it. When nothing is declared, the `<h1>` heading
/// the article (`article` is the element holding its paragraphs), else `<title>`.
pub(crate) fn headline(
    document: &Document,
    measures: &Measures,
    metadata: &PageMetadata,
    article: Option<NodeId>,
) -> Option<Decided<String>> {
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
    match declared {
        Some(declared) => Some(
            headings(document, measures)
                .find_map(|(_, visible)| {
                    is_within(&visible, &declared).then_some((
                        visible,
                        "the page's declared headline, as its heading prints it",
                    ))
                })
                .unwrap_or((
                    declared,
                    "the page's declared headline (Open Graph or JSON-LD)",
                )),
        ),
        None => {
            let title_tag = metadata
                .title_tag
                .as_deref()
                .map(|title| longest_part(&without_site(title)).to_string())
                .filter(|title| !title.is_empty());
            headline_element(document, measures, None, article)
                .and_then(|id| {
                    let text = measures.short_text(document, id, HEADLINE_CHARS)?;
                    (!is_logo(measures, id, &text, metadata.title_tag.as_deref())).then_some(text)
                })
                .map(|visible| match &title_tag {
                    Some(title) if is_badged(&visible, title) => title.clone(),
                    _ => visible,
                })
                .map(decided_by("the <h1> heading the article"))
                .or_else(|| {
                    printed_part_of_title(document, measures, metadata.title_tag.as_deref()?)
                        .map(decided_by("the part of the page's <title> its text prints"))
                })
                .or_else(|| title_tag.map(decided_by("the page's <title>")))
        }
    }
}

/// Words a badge printed inside a heading after its headline may have ("Abonnés", "Vidéo",
/// "Article réservé").
const BADGE_WORDS: usize = 2;

/// Words a kicker (surtitre) printed inside a heading before its headline may have
/// ("Bretagne", "Guerre en Ukraine").
const KICKER_WORDS: usize = 4;

/// Whether `visible` is the page's `title` followed by a badge or after a kicker: the
/// `<title>` names the article without them.
fn is_badged(visible: &str, title: &str) -> bool {
    let visible: Vec<String> = visible.split_whitespace().map(fold).collect();
    let title: Vec<String> = title.split_whitespace().map(fold).collect();
    let added = visible.len().saturating_sub(title.len());
    (1..=BADGE_WORDS).contains(&added) && visible.starts_with(&title)
        || (1..=KICKER_WORDS).contains(&added) && visible.ends_with(&title)
}

/// Words of a site's logo or a section's name printed as a heading that links elsewhere
/// (`<h1><a href="/">Le Journal</a></h1>`); a headline has more.
const LOGO_WORDS: usize = 3;

/// Whether the heading is a logo or a section's name: all of it a link, of a few words or
/// naming the site as the page's `<title>` does.
fn is_logo(measures: &Measures, id: NodeId, text: &str, title_tag: Option<&str>) -> bool {
    measures.link_chars[id] == measures.text_chars[id]
        && (text.split_whitespace().count() <= LOGO_WORDS || names_the_site(text, title_tag))
}

/// The `<h1>` that heads the article: the one that reads as its `headline`, else the last
/// before the element holding its paragraphs (a page may head its logo with an `<h1>`),
/// else the page's first; on a page without one, the first element outside links that
/// prints the headline (`<h2>`, `<b>`, `<font>`: older layouts). Datelines and bylines are
/// looked for after it.
pub(crate) fn headline_element(
    document: &Document,
    measures: &Measures,
    headline: Option<&str>,
    article: Option<NodeId>,
) -> Option<NodeId> {
    let headings: Vec<(NodeId, String)> = headings(document, measures).collect();
    let matching = headline.and_then(|headline| {
        headings
            .iter()
            .find(|(_, text)| is_same_text(text, headline) || is_within(text, headline))
    });
    let before_article =
        article.and_then(|article| headings.iter().take_while(|(id, _)| *id < article).last());
    matching
        .or(before_article)
        .or(headings.first())
        .map(|(id, _)| *id)
        .or_else(|| printed_headline(document, measures, headline?))
}

/// The first element outside links whose text is `headline`.
fn printed_headline(document: &Document, measures: &Measures, headline: &str) -> Option<NodeId> {
    let headline_chars = headline.chars().filter(|c| !c.is_whitespace()).count();
    let headline_chars = u32::try_from(headline_chars).ok()?;
    document
        .elements()
        .find(|(id, element)| {
            measures.text_chars[*id] == headline_chars
                && !measures.unread[*id]
                && !measures.in_link[*id]
                && element.name != html5ever::local_name!("a")
                && measures
                    .short_text(document, *id, HEADLINE_CHARS)
                    .is_some_and(|text| is_same_text(&text, headline))
        })
        .map(|(id, _)| id)
}

/// On a page without `<h1>`, the first element outside links that prints most of the
/// `<title>`, less the words the site adds to it: "La Voix du Jura : Dans le Jura, les
/// fromageries…" printed as "Dans le Jura, les fromageries…" names the site first, with a
/// separator a headline may use itself.
fn printed_part_of_title(document: &Document, measures: &Measures, title: &str) -> Option<String> {
    let title_chars = title.chars().filter(|c| !c.is_whitespace()).count();
    let title_chars = u32::try_from(title_chars).ok()?;
    document.elements().find_map(|(id, element)| {
        let chars = measures.text_chars[id];
        let candidate = chars < title_chars
            && chars * 2 >= title_chars
            && !measures.unread[id]
            && !measures.in_link[id]
            && element.name != html5ever::local_name!("a");
        candidate
            .then(|| measures.short_text(document, id, HEADLINE_CHARS))
            .flatten()
            .filter(|text| is_within(text, title))
    })
}

/// Whether two texts are the same words, whatever their spaces (no-break or not).
fn is_same_text(one: &str, other: &str) -> bool {
    one.split_whitespace().eq(other.split_whitespace())
}

/// The page's first `<h1>` elements with their texts.
fn headings<'a>(
    document: &'a Document,
    measures: &'a Measures,
) -> impl Iterator<Item = (NodeId, String)> + 'a {
    document
        .elements_named("h1")
        .filter(|(id, _)| !measures.unread[*id])
        .take(HEADINGS)
        .filter_map(|(id, _)| Some((id, measures.short_text(document, id, HEADLINE_CHARS)?)))
}

/// Whether `visible` is `declared` less a few words the site added (a section, the site's
/// name): sites often declare "Titre - Rubrique" for a page headed "Titre". The same
/// words are not "within": the declared text is kept then, as written in metadata.
fn is_within(visible: &str, declared: &str) -> bool {
    let words = |text: &str| fold(text).split_whitespace().collect::<Vec<_>>().join(" ");
    let (visible, declared) = (words(visible), words(declared));
    !visible.is_empty()
        && visible.len() < declared.len()
        && visible.len() * 2 >= declared.len()
        && (declared.starts_with(&visible) || declared.ends_with(&visible))
}

/// `title` without a leading or trailing part that names the site.
pub(crate) fn without_site_name(title: &str, site_names: &[String]) -> String {
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
    let mut title = title.trim();
    'strip: for _ in 0..MAX_STRIPPED_PARTS {
        for separator in SEPARATORS {
            if let Some((head, tail)) = title.rsplit_once(separator) {
                if names_site(tail) && !head.trim().is_empty() {
                    title = head.trim();
                    continue 'strip;
                }
            }
            if let Some((head, tail)) = title.split_once(separator) {
                if names_site(head) && !tail.trim().is_empty() {
                    title = tail.trim();
                    continue 'strip;
                }
            }
        }
        break;
    }
    without_trailing_label(title).to_string()
}

/// Separators that never occur inside a headline's own text (not " » ", a French
/// closing quote).
const LABEL_SEPARATORS: &[&str] = &[" | ", " :: ", " · "];

/// Most words in a label (a section, a rubric) that sites append to a headline.
const LABEL_WORDS: usize = 3;

/// `title` without a short trailing label after a separator that headlines do not use
/// ("Le Sénat rejette le budget | Politique").
fn without_trailing_label(mut title: &str) -> &str {
    'strip: for _ in 0..MAX_STRIPPED_PARTS {
        for separator in LABEL_SEPARATORS {
            if let Some((head, tail)) = title.rsplit_once(separator) {
                let (head, tail) = (head.trim(), tail.trim());
                let tail_words = tail.split_whitespace().count();
                if tail_words <= LABEL_WORDS && head.split_whitespace().count() > tail_words * 2 {
                    title = head;
                    continue 'strip;
                }
            }
        }
        break;
    }
    title
}

/// The longest part of a `<title>` between separators: the headline, when the site's name
/// could not be recognised.
fn longest_part(title: &str) -> &str {
    title_parts(title)
        .into_iter()
        .max_by_key(|part| part.chars().count())
        .unwrap_or(title)
}

/// The parts of a `<title>` between separators.
fn title_parts(title: &str) -> Vec<&str> {
    let mut parts = vec![title];
    for separator in SEPARATORS {
        parts = parts
            .into_iter()
            .flat_map(|part| part.split(separator))
            .collect();
    }
    parts.into_iter().map(str::trim).collect()
}

/// Whether `text` is a part of the page's `<title>` other than its longest: the site's
/// name, which a logo heading prints ("Dans le Jura… - La Voix du Jura").
fn names_the_site(text: &str, title_tag: Option<&str>) -> bool {
    title_tag.is_some_and(|title| {
        let longest = longest_part(title);
        title_parts(title)
            .into_iter()
            .any(|part| part != longest && is_same_text(part, text))
    })
}

#[cfg(test)]
mod tests {
    use super::super::container::best_element;
    use super::*;

    fn headline_of(html: &str) -> Option<String> {
        let document = Document::parse(html).unwrap();
        let measures = Measures::of(&document);
        let article = best_element(&document, &measures);
        headline(
            &document,
            &measures,
            &PageMetadata::read(&document),
            article,
        )
        .map(|(title, _)| title)
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
    fn a_title_of_many_separators_is_bounded_work() {
        let sites = ["Site".to_string()];
        let title = format!("Le titre{}", " | Site".repeat(100_000));
        let stripped = without_site_name(&title, &sites);
        assert!(stripped.starts_with("Le titre | Site"));
        // As many site names, then as many short labels, are taken off.
        assert_eq!(
            stripped.matches(" | ").count(),
            100_000 - 2 * MAX_STRIPPED_PARTS
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
        let quoted = "<meta property=\"og:title\" content=\"Grève : la « réforme » du port\">\
                      <h1>Grève\u{a0}: la « réforme » du port</h1>";
        assert_eq!(
            headline_of(quoted).as_deref(),
            Some("Grève : la « réforme » du port")
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
        let site_first = "<title>Le Journal : Le port du Havre à l'arrêt</title>\
            <div class=\"titre\"><h2>Le port du Havre à l'arrêt</h2></div><p>Texte</p>";
        assert_eq!(
            headline_of(site_first).as_deref(),
            Some("Le port du Havre à l'arrêt")
        );
    }

    #[test]
    fn a_logo_heading_or_a_badge_is_not_the_headline() {
        let logo = "<title>Le port du Havre à l'arrêt | Le Journal</title>\
                    <h1><a href=\"/opinion/\">Opinion</a></h1>\
                    <h2>Le port du Havre à l'arrêt</h2><p>Texte</p>";
        assert_eq!(
            headline_of(logo).as_deref(),
            Some("Le port du Havre à l'arrêt")
        );
        // A logo of more words, the site's name as the <title> prints it.
        let long_logo = "<title>Le port du Havre à l'arrêt - La Voix du Littoral</title>\
                         <h1><a href=\"/\">La Voix du Littoral</a></h1>\
                         <h2>Le port du Havre à l'arrêt</h2><p>Texte</p>";
        assert_eq!(
            headline_of(long_logo).as_deref(),
            Some("Le port du Havre à l'arrêt")
        );
        let badged = "<title>Le port du Havre à l'arrêt | Chroniques | Le Journal</title>\
                      <h1>Le port du Havre à l'arrêt <span>Abonnés</span></h1><p>Texte</p>";
        assert_eq!(
            headline_of(badged).as_deref(),
            Some("Le port du Havre à l'arrêt")
        );
        // A kicker printed in the heading before the headline, set apart by a line break
        // or not.
        for kicker in ["<span>Guerre en Ukraine</span> ", "Guerre en Ukraine<br>"] {
            let kickered = format!(
                "<title>Le port du Havre à l'arrêt - Le Journal</title>\
                 <h1>{kicker}Le port du Havre à l'arrêt</h1><p>Texte</p>"
            );
            assert_eq!(
                headline_of(&kickered).as_deref(),
                Some("Le port du Havre à l'arrêt"),
                "{kicker}"
            );
        }
        // A heading that links to its own page is still the headline, and words the
        // <title> leaves out are kept when they are more than a badge.
        let linked = "<title>Le Journal</title>\
                      <h1><a href=\"/port\">Le port du Havre à l'arrêt</a></h1><p>Texte</p>";
        assert_eq!(
            headline_of(linked).as_deref(),
            Some("Le port du Havre à l'arrêt")
        );
        let longer = "<title>Le port du Havre | Le Journal</title>\
                      <h1>Le port du Havre à l'arrêt depuis lundi</h1><p>Texte</p>";
        assert_eq!(
            headline_of(longer).as_deref(),
            Some("Le port du Havre à l'arrêt depuis lundi")
        );
    }
}
