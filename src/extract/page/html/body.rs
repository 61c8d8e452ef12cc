//! The article's text: the paragraphs of the elements that hold the article, read without what sits inside them but is not the article (share bars, related links, captions, boxes of links).

use html5ever::local_name;

use super::boilerplate::names_boilerplate;
use super::container::article_elements;
#[cfg(test)]
use super::container::best_element;
use super::document::{is_phrasing, Document, Element, NodeData, NodeId};
use super::measures::{is_around, Measures};
use crate::date::Date;
use crate::extract::clues::french_date::find_dates;
use crate::extract::page::page_lines::{header_byline, is_noise, is_prose, is_widget};

/// A block whose text is more than this share links is a box of links, not article text.
const LINK_BOX_SHARE: f32 = 0.5;

/// The paragraphs of the page's article, without the title.
/// `best` is the element holding most of the article, `heading` its `<h1>`
/// (see [`article_elements`]).
pub(crate) fn article_paragraphs(
    document: &Document,
    measures: &Measures,
    title: Option<&str>,
    best: Option<NodeId>,
    heading: Option<NodeId>,
    today: Date,
) -> Vec<String> {
    let mut reader = ParagraphReader::default();
    for container in article_elements(document, measures, best, heading) {
        reader.read(document, measures, container);
    }
    reader.finish(title, today)
}

/// Whether a block inside the article is not part of its text: a region around articles,
/// a box of links, or a block holding little of the article's text that holds teasers
/// (headings that are links) or names itself as boilerplate.
fn is_inner_boilerplate(
    document: &Document,
    measures: &Measures,
    id: NodeId,
    container: NodeId,
) -> bool {
    let Some(element) = document.element(id) else {
        return false;
    };
    if measures.unread[id] || is_around(element) {
        return true;
    }
    let holds_little = measures.paragraph_chars[id] * 2 < measures.paragraph_chars[container];
    // A paragraph that is one link is judged by its text, when paragraphs are gathered.
    let is_one_paragraph = is_phrasing(&element.name)
        || matches!(element.name, local_name!("p") | local_name!("blockquote"));
    let link_box = !is_one_paragraph
        && measures.paragraph_chars[id] == 0
        && measures.link_share(id) > LINK_BOX_SHARE;
    let teasers = measures.linked_headings[id] > 0;
    link_box || (holds_little && (teasers || names_boilerplate(element)))
}

/// A link to another page: an e-mail address or a phone number given as a link is text
/// of the article.
fn is_navigation_link(element: &Element) -> bool {
    element.name == local_name!("a")
        && !element.attribute("href").is_some_and(|href| {
            let href = href.trim_start().to_ascii_lowercase();
            href.starts_with("mailto:") || href.starts_with("tel:")
        })
}

/// Elements that end a paragraph of text.
fn breaks_paragraph(element: &Element) -> bool {
    !is_phrasing(&element.name) || element.name == local_name!("br")
}

/// Gathers text into paragraphs, breaking at block elements.
#[derive(Default)]
struct ParagraphReader {
    paragraphs: Vec<ReadParagraph>,
    current: String,
    /// Whether some text of the current paragraph is outside any link.
    current_has_unlinked_text: bool,
}

struct ReadParagraph {
    text: String,
    /// All its text is link text: a related article's headline, "Lire la suite".
    only_links: bool,
}

impl ParagraphReader {
    /// Reads the text under `container` (without recursion: pages nest deeper than the
    /// stack allows). The stack holds nodes to enter and, marked, elements to leave.
    fn read(&mut self, document: &Document, measures: &Measures, container: NodeId) {
        let mut stack = vec![(container, false)];
        let mut link_depth = 0usize;
        while let Some((id, leaving)) = stack.pop() {
            match &document.nodes[id].data {
                NodeData::Text(text) => self.push_text(text, link_depth > 0),
                NodeData::Element(element) if leaving => {
                    if is_navigation_link(element) {
                        link_depth -= 1;
                    }
                    if breaks_paragraph(element) {
                        self.end_paragraph();
                    }
                }
                NodeData::Element(element) => {
                    if breaks_paragraph(element) {
                        self.end_paragraph();
                    }
                    if id != container && is_inner_boilerplate(document, measures, id, container) {
                        continue;
                    }
                    if is_navigation_link(element) {
                        link_depth += 1;
                    }
                    stack.push((id, true));
                    self.push_children(document, id, &mut stack);
                }
                NodeData::Root => self.push_children(document, id, &mut stack),
            }
        }
        self.end_paragraph();
    }

    fn push_children(&self, document: &Document, id: NodeId, stack: &mut Vec<(NodeId, bool)>) {
        let first = stack.len();
        stack.extend(document.children(id).map(|child| (child, false)));
        stack[first..].reverse();
    }

    /// Appends text, each run of ASCII white space becoming one space (no-break spaces are kept).
    fn push_text(&mut self, text: &str, in_link: bool) {
        if !in_link && !text.trim().is_empty() {
            self.current_has_unlinked_text = true;
        }
        super::document::push_collapsed(&mut self.current, text);
    }

    fn end_paragraph(&mut self) {
        let text = self.current.trim();
        if !text.is_empty() {
            self.paragraphs.push(ReadParagraph {
                text: text.to_string(),
                only_links: !self.current_has_unlinked_text,
            });
        }
        self.current.clear();
        self.current_has_unlinked_text = false;
    }

    /// The paragraphs without the title, what is printed above it short of prose (a kicker,
    /// a section, a date), a dateline or a byline between it and the text (older layouts
    /// print the header in the article's block, lines parted by `<br>`), related links,
    /// share bars and repeats.
    fn finish(self, title: Option<&str>, today: Date) -> Vec<String> {
        let title_at = self
            .paragraphs
            .iter()
            .position(|paragraph| title.is_some_and(|title| paragraph.text == title));
        let mut kept: Vec<String> = Vec::new();
        let mut text_started = false;
        for (index, ReadParagraph { text, only_links }) in self.paragraphs.into_iter().enumerate() {
            let is_title = title.is_some_and(|title| text == title);
            let prose = is_prose(&text);
            let is_kicker = title_at.is_some_and(|at| index < at) && !prose;
            let is_header_line = !text_started
                && title_at.is_none_or(|at| index > at)
                && !prose
                && (!find_dates(&text, today).is_empty() || header_byline(&text).is_some());
            text_started |= prose && !is_noise(&text);
            let is_related_link = only_links && !prose;
            if is_title
                || is_kicker
                || is_header_line
                || is_related_link
                || is_noise(&text)
                || opens_related_links(&text)
            {
                continue;
            }
            if kept.last() != Some(&text) {
                kept.push(text);
            }
        }
        kept
    }
}

/// "Lire aussi", "À lire aussi : Le titre d'un autre article".
fn opens_related_links(paragraph: &str) -> bool {
    let label = paragraph.split([':', '>', '»']).next().unwrap_or(paragraph);
    is_widget(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(html: &str) -> Vec<String> {
        let document = Document::parse(html).unwrap();
        let measures = Measures::of(&document);
        let heading = document.elements_named("h1").next().map(|(id, _)| id);
        let best = best_element(&document, &measures);
        let today = Date::new(2026, 11, 21).unwrap();
        article_paragraphs(&document, &measures, Some("Le titre"), best, heading, today)
    }

    #[test]
    fn marked_article_body_without_boilerplate() {
        let html = r#"<html><body>
            <nav><ul><li>Accueil</li><li>Politique</li></ul></nav>
            <div itemprop="articleBody">
              <h1>Le titre</h1>
              <p>Premier   paragraphe,
                 avec un <a href="/x">lien</a> et <em>du style</em>.</p>
              <!-- un commentaire HTML -->
              <script>var x = "pas du texte";</script>
              <div class="share-bar">Partager sur Facebook</div>
              <p>Lire aussi : Un autre article</p>
              <p><a href="/autre">Le titre d'un article voisin</a></p>
              <p>Second paragraphe, un peu plus long.<br>Après un saut.</p>
              <p><a href="/ailleurs">Une phrase entière en lien, qui se lit comme de la prose et doit rester.</a></p>
              <figure><img src="a.jpg"><figcaption>Une légende</figcaption></figure>
              <p><a href="mailto:redaction@exemple.fr">redaction@exemple.fr</a></p>
            </div>
            <div class="comments"><p>Un commentaire de lecteur assez long pour compter beaucoup.</p></div>
            </body></html>"#;
        assert_eq!(
            paragraphs(html),
            [
                "Premier paragraphe, avec un lien et du style.",
                "Second paragraphe, un peu plus long.",
                "Après un saut.",
                "Une phrase entière en lien, qui se lit comme de la prose et doit rester.",
                "redaction@exemple.fr",
            ]
        );
    }

    /// What the article's element prints above the headline, short of prose, is its
    /// header: a kicker, a section and a date are not text.
    /// Nor are the dateline and the byline between the headline and the text.
    #[test]
    fn the_kicker_above_the_headline_is_not_text() {
        let html = r#"<article>
              <p class="kicker">Environnement · mardi 12 mars 2024</p>
              <h1>Le titre</h1>
              <div>Publié le 12 mars 2024 à 10h30</div><div>Par Jeanne Martin</div>
              <p>Les ostréiculteurs de la baie ont découvert lundi une nappe d'hydrocarbures.</p>
              <p>La préfecture a déclenché le plan de lutte contre les pollutions.</p>
            </article>"#;
        assert_eq!(
            paragraphs(html),
            [
                "Les ostréiculteurs de la baie ont découvert lundi une nappe d'hydrocarbures.",
                "La préfecture a déclenché le plan de lutte contre les pollutions.",
            ]
        );
    }

    /// The readers' comments under their count are not the article, though they hold more
    /// text than it does and no class names them.
    #[test]
    fn comments_under_their_count_are_not_the_article() {
        let comment = "<div><p>Un commentaire de lecteur, assez long pour peser autant qu'un paragraphe de l'article lui-même.</p></div>";
        let html = format!(
            r#"<main><h1>Le titre</h1>
              <div><p>Les ostréiculteurs de la baie ont découvert lundi une nappe d'hydrocarbures.</p>
              <p>La préfecture a déclenché le plan de lutte contre les pollutions.</p></div>
              <section><h2>Réactions (4)</h2>{}</section></main>"#,
            comment.repeat(4)
        );
        let article = [
            "Les ostréiculteurs de la baie ont découvert lundi une nappe d'hydrocarbures.",
            "La préfecture a déclenché le plan de lutte contre les pollutions.",
        ];
        assert_eq!(paragraphs(&html), article);
        // A block that holds the headline is the article's, whatever heading opens it.
        let opened_by_a_prompt = format!(
            "<div><h2>Se connecter</h2><h1>Le titre</h1><p>{}</p><p>{}</p></div>\
             <div><p>Un paragraphe d'une autre partie de la page.</p></div>",
            article[0], article[1]
        );
        assert_eq!(paragraphs(&opened_by_a_prompt)[..2], article);
    }

    #[test]
    fn boxes_of_links_inside_the_article_are_left_out() {
        let long = "Une phrase de l'article qui est assez longue pour compter.";
        let html = format!(
            r#"<div class="main--with-nav"><div class="texte"><p>{long} Un.</p><p>{long} Deux.</p>
               <ul><li><a href="/a">Un article voisin au titre assez long</a></li><li><a href="/b">Un autre article voisin</a></li></ul>
               <p>{long} Trois.</p><div class="related-box"><p>{long} Voisin.</p></div></div></div>"#
        );
        let found = paragraphs(&html);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[2].ends_with("Trois."));
    }

    #[test]
    fn no_text_no_paragraphs() {
        assert!(paragraphs("<html><body><nav>Menu</nav></body></html>").is_empty());
    }
}
