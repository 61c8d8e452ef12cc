//! The article's author: declared in meta tags or JSON-LD, else marked up (`itemprop="author"`, `rel="author"`), else a byline ("Par Jeanne Martin") printed by the headline.

use html5ever::local_name;
use serde_json::Value;

use crate::date::Date;
use crate::extract::clues::byline::{
    byline_after_date, byline_author, byline_before_date, is_name_alone, is_plain_name,
    is_plain_names, without_role,
};
use crate::extract::clues::french_date::find_dates;
use crate::extract::page::page_lines::{header_byline, header_parts};

use super::document::{is_phrasing, Document, Element, NodeData, NodeId};
use super::measures::Measures;
use super::metadata::{clean_text, PageMetadata};
use super::{decided_by, Decided};

/// Meta tags that may name the author, in order of trust.
const AUTHOR_META_KEYS: &[&str] = &[
    "author",
    "article:author",
    "og:article:author",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
];

/// Longest element, in characters other than white space, read as a byline.
const BYLINE_CHARS: u32 = 100;

/// How many elements after the headline are looked at for a printed byline.
const BYLINE_REACH: usize = 60;

/// How many marked elements are read at most, whatever the page.
const CANDIDATES: usize = 200;

/// The article's author or authors (joined by ", ").
/// `heading` is the article's `<h1>`, under which a byline is looked for.
pub(crate) fn author(
    document: &Document,
    measures: &Measures,
    metadata: &PageMetadata,
    heading: Option<NodeId>,
    today: Date,
) -> Option<Decided<String>> {
    AUTHOR_META_KEYS
        .iter()
        .find_map(|key| metadata.meta(&[key]).filter(|author| is_name_like(author)))
        .map(str::to_string)
        .map(decided_by("the page's meta tags (author)"))
        .or_else(|| json_ld_author(metadata).map(decided_by("the page's JSON-LD (author)")))
        .or_else(|| {
            marked_author(document, measures, heading)
                .map(decided_by("an element marked as the author"))
        })
        .or_else(|| {
            printed_byline(document, measures, heading, today)
                .map(decided_by("a byline near the headline"))
        })
}

/// The name alone that signs the article under its text ("Claire Dumas", "Claire Dumas,
/// correspondante à Dole"), taken off its paragraphs: the author, when the page names no
/// other.
pub(crate) fn closing_signature(paragraphs: &mut Vec<String>) -> Option<String> {
    let [.., _, last] = paragraphs.as_slice() else {
        return None;
    };
    let name = byline_author(last).or_else(|| is_plain_name(last).then(|| last.clone()))?;
    paragraphs.pop();
    Some(name)
}

/// Not a link to a profile page, a site's domain ("lefigaro.fr", which pages declaring no
/// person put in their author meta tag) nor a sentence.
fn is_name_like(text: &str) -> bool {
    !text.contains("://")
        && !text.starts_with('/')
        && !is_domain_name(text)
        && (1..=12).contains(&text.split_whitespace().count())
}

/// One word of dotted labels ending on letters: "lefigaro.fr", "www.exemple.com". An
/// initial ("J.") or a name with initials ("J.-M. Dupont") is no domain.
fn is_domain_name(text: &str) -> bool {
    let Some((host, top_level)) = text.trim().rsplit_once('.') else {
        return false;
    };
    !text.contains(char::is_whitespace)
        && host.len() > 1
        && !host.ends_with(['.', '-'])
        && (2..=6).contains(&top_level.len())
        && top_level.chars().all(|c| c.is_ascii_lowercase())
}

/// JSON-LD `author`: a name, a Person object or an array of them.
fn json_ld_author(metadata: &PageMetadata) -> Option<String> {
    let names: Vec<String> = match metadata.json_ld("author")? {
        Value::Array(items) => items.iter().filter_map(name_of).collect(),
        single => name_of(single).into_iter().collect(),
    };
    let names: Vec<String> = names
        .into_iter()
        .filter(|name| is_name_like(name))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn name_of(value: &Value) -> Option<String> {
    let name = match value {
        Value::String(text) => clean_text(text),
        Value::Object(object) => return object.get("name").and_then(name_of),
        Value::Array(items) => return items.iter().find_map(name_of),
        _ => return None,
    };
    (!name.is_empty()).then_some(name)
}

/// `itemprop="author"` (its `itemprop="name"` inside, or its text) or `rel="author"`, not
/// another article's: inside an `<aside>`, or an `<article>` that does not hold the
/// headline (a teaser's author).
fn marked_author(
    document: &Document,
    measures: &Measures,
    heading: Option<NodeId>,
) -> Option<String> {
    let is_another_articles = |id: NodeId| {
        document.is_inside(id, &[local_name!("aside")])
            || document
                .ancestor_named(id, &local_name!("article"))
                .is_some_and(|article| {
                    heading.is_some_and(|heading| {
                        heading < article || heading >= document.subtree_end(article)
                    })
                })
    };
    let is_marked = |id: NodeId| {
        document.element(id).is_some_and(|element| {
            element.has_token("itemprop", "author") || element.has_token("rel", "author")
        })
    };
    let mut marked = document
        .elements()
        .filter(|(id, _)| !measures.unread[*id] && is_marked(*id))
        .take(CANDIDATES)
        .filter(|(id, _)| !authors_a_comment(document, *id) && !is_another_articles(*id))
        .filter_map(|(id, element)| {
            element
                .attribute("content")
                .map(clean_text)
                .or_else(|| measures.short_text(document, id, BYLINE_CHARS))
                .map(|text| byline_author(&text).unwrap_or(text))
                .filter(|name| is_name_like(name) && name.split_whitespace().count() <= 6)
                .map(|name| (id, name))
        });
    // Co-authors are marked side by side, under the same parent ("<span
    // itemprop="author">A</span>, <span itemprop="author">B</span>").
    let (first, name) = marked.next()?;
    let parent = document.nodes[first].parent;
    let mut names = vec![name];
    for (_, name) in marked.filter(|(id, _)| document.nodes[*id].parent == parent) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    Some(names.join(", "))
}

/// Whether an element's text is a line of its own: a block, or an inline element that is
/// all of its parent's text (not a name quoted in a sentence).
fn is_own_line(document: &Document, measures: &Measures, id: NodeId, element: &Element) -> bool {
    !is_phrasing(&element.name)
        || document.nodes[id]
            .parent
            .is_none_or(|parent| measures.text_chars[parent] == measures.text_chars[id])
}

/// Whether the element is one of its parent's parts, none of the parent's words standing
/// outside an element (a name beside its role), unlike a name quoted in a sentence.
fn is_among_parts(document: &Document, id: NodeId) -> bool {
    document.nodes[id].parent.is_some_and(|parent| {
        document
            .children(parent)
            .all(|child| match &document.nodes[child].data {
                NodeData::Text(text) => !text.contains(char::is_alphanumeric),
                _ => true,
            })
    })
}

/// Words of `class` and `id` that mark an author's name: a name alone is read as the
/// byline only in such an element (or its parent), as pages print many other names.
const AUTHOR_WORDS: &[&str] = &["author", "auteur", "byline", "signature", "writer"];

fn names_author(document: &Document, id: NodeId, element: &Element) -> bool {
    marks_author(element)
        || document.nodes[id]
            .parent
            .and_then(|parent| document.element(parent))
            .is_some_and(marks_author)
}

fn marks_author(element: &Element) -> bool {
    element.class_and_id().any(|name| {
        let name = name.to_ascii_lowercase();
        AUTHOR_WORDS.iter().any(|word| name.contains(word))
    })
}

/// Whether the nearest item (microdata `itemtype`) above an author is a comment or a
/// review: its author is a reader, not the article's.
fn authors_a_comment(document: &Document, id: NodeId) -> bool {
    let mut above = document.nodes[id].parent;
    while let Some(ancestor) = above {
        if let Some(kind) = document
            .element(ancestor)
            .and_then(|element| element.attribute("itemtype"))
        {
            return kind.contains("Comment") || kind.contains("Review");
        }
        above = document.nodes[ancestor].parent;
    }
    false
}

/// "Par Jeanne Martin" in one of the short blocks that follow the article's `<h1>`: the
/// shortest such block (a byline's own element rather than the line of date and byline
/// that holds it), else a name alone in a block marked as the author's.
fn printed_byline(
    document: &Document,
    measures: &Measures,
    heading: Option<NodeId>,
    today: Date,
) -> Option<String> {
    let after = document.subtree_end(heading?);
    // Each short text, and whether it may be a name alone (a line of its own, marked as an author's).
    let lines: Vec<(String, bool)> = document
        .elements()
        .skip_while(|(id, _)| *id < after)
        .filter(|(id, _)| !measures.unread[*id])
        .take(BYLINE_REACH)
        .filter(|(id, _)| {
            !is_in_figure(document, *id) && !is_teasers(document, measures, *id, after)
        })
        .filter_map(|(id, element)| {
            let text = measures.short_text(document, id, BYLINE_CHARS)?;
            // An inline element marked as the author's own is a name's, beside its role
            // ("<span class="author-name">…</span><span class="author-role">…</span>").
            let named = (marks_author(element) && is_among_parts(document, id))
                || (is_own_line(document, measures, id, element)
                    && names_author(document, id, element));
            Some((text, named))
        })
        .collect();
    lines
        .iter()
        .filter_map(|(text, _)| Some((text.len(), line_byline(text, today)?)))
        .min_by_key(|(length, _)| *length)
        .map(|(_, name)| name)
        .or_else(|| {
            lines
                .iter()
                .map(|(text, named)| (without_role(text), *named))
                .find(|(name, named)| *named && is_plain_name(name))
                .map(|(name, _)| name.to_string())
        })
        .or_else(|| name_beside_a_date(&lines, today))
}

/// Characters (other than white space) of a link long enough to be another article's
/// headline.
const TEASER_LINK_CHARS: u32 = 25;

/// Whether the element follows, under the same parent and after the headline, a link to
/// another article (an element all or nearly all link, of a headline's length): it is that
/// teaser's byline ("<a>Rennes : le métro fête ses trente ans</a><p>Par Paul Durand</p>").
fn is_teasers(document: &Document, measures: &Measures, id: NodeId, after: NodeId) -> bool {
    let Some(parent) = document.nodes[id].parent else {
        return false;
    };
    document
        .children(parent)
        .take_while(|&sibling| sibling != id)
        .filter(|&sibling| sibling >= after && document.element(sibling).is_some())
        .any(|sibling| {
            let link = measures.link_chars[sibling];
            link >= TEASER_LINK_CHARS && link * 5 >= measures.text_chars[sibling] * 4
        })
}

/// The author a short line names: a header line's byline ([`header_byline`]), or a name
/// before or after a date ("Jeanne Martin - 12 mars 2024", "Publié le 12 mars 2024 par
/// Jeanne Martin").
fn line_byline(text: &str, today: Date) -> Option<String> {
    header_byline(text)
        .or_else(|| {
            let dates = find_dates(text, today);
            let (first, last) = (dates.first()?, dates.last()?);
            byline_before_date(&text[..first.span.start])
                .or_else(|| byline_after_date(&text[last.span.end..]))
        })
        .or_else(|| {
            // "Jeanne Martin | Publié le 12/03/2024": a part of the line is the name alone.
            let parts = header_parts(text)?;
            let dated = parts.iter().any(|part| !find_dates(part, today).is_empty());
            let name = parts.into_iter().find(|part| is_plain_names(part));
            name.filter(|_| dated).map(str::to_string)
        })
}

/// Words of a short line that gives a date, beside which a name alone is the byline.
const MAX_DATE_LINE_WORDS: usize = 8;

/// A name alone in an element of its own right before or after one giving the date
/// ("Jeanne Martin" / "Publié le 12 mars 2024"): the byline of pages that print the author
/// without "Par" nor markup, given the short texts after the headline in order.
fn name_beside_a_date(lines: &[(String, bool)], today: Date) -> Option<String> {
    let is_date_line = |text: &str| {
        text.split_whitespace().nth(MAX_DATE_LINE_WORDS).is_none()
            && !find_dates(text, today).is_empty()
    };
    lines.iter().enumerate().find_map(|(index, (text, _))| {
        let name = without_role(text);
        let beside_a_date = || {
            let before = index.checked_sub(1).map(|before| lines[before].0.as_str());
            let after = lines.get(index + 1).map(|(text, _)| text.as_str());
            before.is_some_and(is_date_line) || after.is_some_and(is_date_line)
        };
        (is_name_alone(name) && beside_a_date()).then(|| name.to_string())
    })
}

/// Whether the element is inside a picture's `<figure>` or `<figcaption>`: the name there
/// ("Jeanne Martin / AFP", "Bob Edme/AP") is the photographer's credit, not a byline.
fn is_in_figure(document: &Document, id: NodeId) -> bool {
    document.is_inside(id, &[local_name!("figure"), local_name!("figcaption")])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn author_of(html: &str) -> Option<String> {
        let document = Document::parse(html).unwrap();
        let measures = Measures::of(&document);
        let heading = document.elements_named("h1").last().map(|(id, _)| id);
        author(
            &document,
            &measures,
            &PageMetadata::read(&document),
            heading,
            Date::new(2026, 11, 21).unwrap(),
        )
        .map(|(author, _)| author)
    }

    #[test]
    fn declared_marked_and_printed_authors() {
        assert_eq!(
            author_of(r#"<meta name="author" content="https://exemple.fr/auteur/jm"><meta property="article:author" content="Jeanne Martin">"#).as_deref(),
            Some("Jeanne Martin")
        );
        assert_eq!(
            author_of(r#"<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Jeanne Martin"},{"name":"Paul Durand"}]}</script>"#).as_deref(),
            Some("Jeanne Martin, Paul Durand")
        );
        assert_eq!(
            author_of(
                r#"<span itemprop="author"><span itemprop="name">Jeanne Martin</span></span>"#
            )
            .as_deref(),
            Some("Jeanne Martin")
        );
        assert_eq!(
            author_of("<h1>Le titre</h1><div><p>Par Jeanne Martin, le 12 février</p><p>Texte de l'article.</p></div>").as_deref(),
            Some("Jeanne Martin")
        );
        assert_eq!(
            author_of("<h1>Le titre</h1><p>Un texte sans signature.</p>"),
            None
        );
        // A photographer's credit under the picture is not the article's byline.
        assert_eq!(
            author_of("<h1>Le titre</h1><figure><img src=\"a.jpg\"><figcaption>Le port du Havre. <em>Jeanne Martin / AFP</em></figcaption></figure><p>Par Paul Durand</p>").as_deref(),
            Some("Paul Durand")
        );
        assert_eq!(
            author_of("<h1>Le titre</h1><figure><img src=\"a.jpg\"><figcaption>Le port du Havre. <em>Jeanne Martin / AFP</em></figcaption></figure><p>Un texte sans signature.</p>"),
            None
        );
    }

    /// A name in an inline element marked as the author's, beside the author's role in
    /// another, is the byline; a name in a sentence is not.
    #[test]
    fn a_marked_name_beside_its_role() {
        assert_eq!(
            author_of(r#"<h1>Le titre</h1><div class="byline"><span class="author-name">Marie-Ève Tremblay</span><span class="author-role">Le Quotidien du Nord</span></div><p>Le texte.</p>"#).as_deref(),
            Some("Marie-Ève Tremblay")
        );
        assert_eq!(
            author_of(r#"<h1>Le titre</h1><p>Selon <span class="quote-author">Paul Durand</span>, le texte est prêt.</p>"#).as_deref(),
            None
        );
    }

    /// Co-authors marked side by side are all the authors; a name marked elsewhere is not.
    #[test]
    fn co_authors_marked_side_by_side() {
        let marked = |name: &str| {
            format!(r#"<span itemprop="author"><span itemprop="name">{name}</span></span>"#)
        };
        let page = format!(
            "<h1>Le titre</h1><p>{}, {}</p><p>Texte de l'article.</p><footer><p>{}</p></footer>",
            marked("Jeanne Martin"),
            marked("Paul Durand"),
            marked("Léa Petit")
        );
        assert_eq!(
            author_of(&page).as_deref(),
            Some("Jeanne Martin, Paul Durand")
        );
    }

    /// A site's domain in the author meta tag is no author: the person the page marks is.
    #[test]
    fn a_domain_is_no_author() {
        assert_eq!(
            author_of(r#"<meta name="author" content="lefigaro.fr"><h1>Le titre</h1><span itemprop="author"><span itemprop="name">Jeanne Martin</span></span>"#).as_deref(),
            Some("Jeanne Martin")
        );
        for name in ["lefigaro.fr", "www.exemple.com"] {
            assert!(is_domain_name(name), "{name}");
        }
        for name in [
            "J.-M. Dupont",
            "J.Martin",
            "Orange avec AFP",
            "E. NURDIN",
            "AFP",
        ] {
            assert!(!is_domain_name(name), "{name}");
        }
    }

    /// A byline inside a dateline: among the parts of a header line, or after the date.
    #[test]
    fn bylines_in_a_dateline() {
        for line in [
            "Par Jeanne Martin (Quiberon, envoyée spéciale) | Publié le 12 mars 2024 à 10h30 | Lecture 4 min.",
            "Publié le 12 mars 2024 par <a href=\"/auteur/jm\">Jeanne Martin</a> — 4 commentaires",
            "Jeanne Martin - 12 mars 2024 à 18h05",
            "Par Jeanne Martin 12 mars 2024 à 18h05 3 min de lecture",
            "12 mars 2024 à 10h30 Par Jeanne Martin",
            "Le 12/03/2024 à 10:30 - Jeanne Martin",
            "Jeanne Martin | Publié le 12/03/2024",
        ] {
            let html = format!("<h1>Le titre</h1><p>{line}</p><p>Texte de l'article.</p>");
            assert_eq!(author_of(&html).as_deref(), Some("Jeanne Martin"), "{line}");
        }
        let sentence = "<h1>Le titre</h1><p>Le texte a été adopté par Les Républicains.</p>";
        assert_eq!(author_of(sentence), None);
    }

    /// A name alone in the element before or after the date's is the byline; a label in
    /// capitals, a name away from any date, or a photographer's credit is not.
    #[test]
    fn a_name_beside_the_date() {
        for (name, date) in [
            ("Jeanne Martin", "Publié le mardi 12 mars 2024"),
            ("Jeanne Martin et Paul Durand", "12/03/2024 à 10:30"),
        ] {
            for header in [
                format!("<div>{name}</div><div>{date}</div>"),
                format!("<div>{date}</div><div>{name}</div>"),
            ] {
                let html = format!("<h1>Le titre</h1>{header}<p>Texte de l'article.</p>");
                assert_eq!(author_of(&html).as_deref(), Some(name), "{header}");
            }
        }
        for header in [
            "<div>ALERTE INFO</div><div>12 mars 2024</div>",
            "<div>Jeanne Martin</div><p>Texte de l'article.</p><div>12 mars 2024</div>",
            "<figure><figcaption>Jeanne Martin</figcaption></figure><div>12 mars 2024</div>",
        ] {
            let html = format!("<h1>Le titre</h1>{header}<p>Texte de l'article.</p>");
            assert_eq!(author_of(&html), None, "{header}");
        }
    }

    /// A teaser's marked author, in another `<article>` or an `<aside>`, is not the page's.
    #[test]
    fn a_teasers_author_is_another_articles() {
        let teaser = r#"<article><h3><a href="/x">Un autre article</a></h3><span itemprop="author">Paul Durand</span></article>"#;
        let page = |teasers: &str, byline: &str| {
            format!(
                "{teasers}<article><h1>Le titre</h1>{byline}<p>Texte de l'article.</p></article>"
            )
        };
        let marked = r#"<p>Par <a rel="author" href="/jm">Jeanne Martin</a></p>"#;
        for teasers in [teaser.to_string(), format!("<aside>{teaser}</aside>")] {
            assert_eq!(
                author_of(&page(&teasers, marked)).as_deref(),
                Some("Jeanne Martin"),
                "{teasers}"
            );
            assert_eq!(author_of(&page(&teasers, "")), None, "{teasers}");
        }
        // Without a headline, the page's own <article> still names its author.
        let headless =
            r#"<article><span itemprop="author">Jeanne Martin</span><p>Texte.</p></article>"#;
        assert_eq!(author_of(headless).as_deref(), Some("Jeanne Martin"));
    }

    /// A byline under another article's link, in a box after the text, is that teaser's.
    #[test]
    fn a_teasers_byline_is_another_articles() {
        let paragraph = "<p>Le conseil municipal a adopté mardi soir un nouveau plan de circulation pour le centre-ville.</p>";
        let teaser = r#"<section><h2>Lire aussi</h2><div><a href="/x">Rennes : le métro automatique fête ses trente ans</a><p>Par Paul Durand</p></div></section>"#;
        let page = |header: &str| {
            format!("<article><h1>Le titre</h1>{header}{paragraph}</article>{teaser}")
        };
        assert_eq!(
            author_of(&page("<div>Par Jeanne Martin (à Rennes) | Publié le 12/03/2024 à 10h30 | Lecture 3 min.</div>")).as_deref(),
            Some("Jeanne Martin")
        );
        assert_eq!(author_of(&page("<div>Publié le 12/03/2024</div>")), None);
        // A byline after a paragraph holding a link is the article's.
        let linked = r#"<article><h1>Le titre</h1><p>Le conseil a voté, <a href="/y">comme le rapportait notre article de lundi</a>, un nouveau plan.</p><p>Par Jeanne Martin</p></article>"#;
        assert_eq!(author_of(linked).as_deref(), Some("Jeanne Martin"));
    }

    /// An author box prints the role after the name: the name alone is the author.
    #[test]
    fn an_author_box_with_the_role() {
        let html = r#"<h1>Le titre</h1><p>Texte de l'article.</p>
            <div class="auteur-info"><a href="/auteur/jm"><h5>Jeanne Martin</h5></a> <span>Journaliste</span></div>"#;
        assert_eq!(author_of(html).as_deref(), Some("Jeanne Martin"));
    }
}
