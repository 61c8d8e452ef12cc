//! The main text of an HTML page: the article's container found by its markup or by where the paragraphs are, read without menus, ads, comments or related links.

use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use super::html_metadata::selector;
use super::page_lines::{is_noise, is_prose, is_widget};

/// Elements whose content is never article text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "figure",
    "figcaption",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "nav",
    "aside",
    "footer",
    "header",
    "video",
    "audio",
    "picture",
    "img",
    "head",
    "title",
    "meta",
    "link",
];

/// Elements that end a paragraph.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
];

/// Elements that sit inside a line of text: skipping one does not end the paragraph.
const INLINE_ELEMENTS: &[&str] = &[
    "a", "span", "em", "strong", "b", "i", "u", "small", "sup", "sub", "abbr", "time", "img",
    "picture", "svg", "button", "input", "label", "mark", "q", "cite",
];

/// Words of `class` and `id` attributes (split on `-`, `_`, spaces) that mark boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "consent",
    "banner",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "pub",
    "publicite",
    "sponsor",
    "sponsored",
    "promo",
    "newsletter",
    "outbrain",
    "taboola",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "byline",
    "author",
    "date",
    "caption",
    "credit",
    "credits",
    "subscribe",
    "paywall",
    "popup",
    "modal",
    "sidebar",
    "widget",
    "player",
    "embed",
    "print",
    "hidden",
    "meta",
    "lire",
    "voir",
];

/// ARIA roles of boilerplate regions.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
];

/// Paragraphs shorter than this do not count when looking for the article's container.
const SCORED_PARAGRAPH_CHARS: usize = 40;

/// The paragraphs of the page's main text.
pub fn main_text(document: &Html, title: Option<&str>) -> Vec<String> {
    let Some(container) = article_container(document) else {
        return Vec::new();
    };
    let mut reader = ParagraphReader::default();
    reader.read_children(container);
    reader.finish(title)
}

/// The element holding the article: the one marked `itemprop="articleBody"` (the largest if
/// several), else the element whose child paragraphs hold the most text.
fn article_container(document: &Html) -> Option<ElementRef<'_>> {
    let marked = document
        .select(&selector(r#"[itemprop="articleBody"]"#))
        .max_by_key(|element| text_length(*element));
    marked
        .filter(|element| text_length(*element) > 0)
        .or_else(|| densest_paragraph_parent(document))
}

fn text_length(element: ElementRef) -> usize {
    element.text().map(|text| text.trim().len()).sum()
}

/// Scores each element by the text of the paragraphs directly under it (and half of that
/// for their grandparent, as articles often wrap paragraphs in blocks), skipping paragraphs
/// inside boilerplate, and returns the best.
fn densest_paragraph_parent(document: &Html) -> Option<ElementRef<'_>> {
    let mut scores = Vec::new();
    let mut add = |id, points: usize| match scores.iter_mut().find(|(known, _)| *known == id) {
        Some((_, score)) => *score += points,
        None => scores.push((id, points)),
    };
    for paragraph in document.select(&selector("p")) {
        let length = paragraph.text().map(str::len).sum::<usize>();
        if length < SCORED_PARAGRAPH_CHARS || inside_boilerplate(paragraph) {
            continue;
        }
        let mut ancestors = paragraph
            .ancestors()
            .filter(|node| node.value().is_element());
        if let Some(parent) = ancestors.next() {
            add(parent.id(), length * 2);
            if let Some(grandparent) = ancestors.next() {
                add(grandparent.id(), length);
            }
        }
    }
    let best = scores
        .iter()
        .rev()
        .max_by_key(|(_, score)| *score)
        .map(|(id, _)| *id)?;
    document.tree.get(best).and_then(ElementRef::wrap)
}

fn inside_boilerplate(element: ElementRef) -> bool {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|ancestor| is_boilerplate(ancestor.value()))
}

/// Whether an element holds no article text: scripts, menus, asides, ads, share bars, comments…
fn is_boilerplate(element: &Element) -> bool {
    if SKIPPED_ELEMENTS.contains(&element.name()) {
        return true;
    }
    let hidden = element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
        || element
            .attr("style")
            .is_some_and(|style| style.replace(' ', "").contains("display:none"));
    let boilerplate_role = element
        .attr("role")
        .is_some_and(|role| BOILERPLATE_ROLES.contains(&role));
    hidden || boilerplate_role || names_boilerplate(element)
}

fn names_boilerplate(element: &Element) -> bool {
    let names = element.classes().chain(element.id());
    names
        .flat_map(|name| name.split(['-', '_', ' ']))
        .any(|word| BOILERPLATE_WORDS.contains(&word.to_ascii_lowercase().as_str()))
}

/// Gathers text into paragraphs, breaking at block elements.
#[derive(Default)]
struct ParagraphReader {
    paragraphs: Vec<ReadParagraph>,
    current: String,
    /// How many links the text being read sits in.
    link_depth: usize,
    /// Whether some text of the current paragraph is outside any link.
    current_has_unlinked_text: bool,
}

struct ReadParagraph {
    text: String,
    /// All its text is link text: a related article's headline, "Lire la suite".
    only_links: bool,
}

impl ParagraphReader {
    fn read_children(&mut self, element: ElementRef) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.push_text(text),
                Node::Element(inner) => {
                    if is_boilerplate(inner) {
                        if !INLINE_ELEMENTS.contains(&inner.name()) {
                            self.end_paragraph();
                        }
                        continue;
                    }
                    let is_block = BLOCK_ELEMENTS.contains(&inner.name());
                    if is_block {
                        self.end_paragraph();
                    }
                    let is_link = inner.name() == "a";
                    self.link_depth += usize::from(is_link);
                    if let Some(inner_element) = ElementRef::wrap(child) {
                        self.read_children(inner_element);
                    }
                    self.link_depth -= usize::from(is_link);
                    if is_block {
                        self.end_paragraph();
                    }
                }
                _ => {}
            }
        }
    }

    /// Appends text, each run of ASCII whitespace becoming one space (no-break spaces are kept).
    fn push_text(&mut self, text: &str) {
        if self.link_depth == 0 && !text.trim().is_empty() {
            self.current_has_unlinked_text = true;
        }
        let mut pending_space = self.current.ends_with(' ');
        for character in text.chars() {
            if character.is_ascii_whitespace() {
                pending_space = true;
            } else {
                if pending_space && !self.current.is_empty() && !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
                pending_space = false;
                self.current.push(character);
            }
        }
        if pending_space && !self.current.is_empty() {
            self.current.push(' ');
        }
    }

    fn end_paragraph(&mut self) {
        let text = self.current.trim().to_string();
        self.current.clear();
        if !text.is_empty() {
            self.paragraphs.push(ReadParagraph {
                text,
                only_links: !self.current_has_unlinked_text,
            });
        }
        self.current_has_unlinked_text = false;
    }

    /// The paragraphs without the title, related links, share bars and repeats.
    fn finish(mut self, title: Option<&str>) -> Vec<String> {
        self.end_paragraph();
        let mut kept: Vec<String> = Vec::new();
        for ReadParagraph {
            text: paragraph,
            only_links,
        } in self.paragraphs
        {
            let is_title = title.is_some_and(|title| paragraph == title);
            let is_related_link = only_links && !is_prose(&paragraph);
            if is_title
                || is_related_link
                || is_noise(&paragraph)
                || opens_related_links(&paragraph)
            {
                continue;
            }
            if kept.last() != Some(&paragraph) {
                kept.push(paragraph);
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
        main_text(&Html::parse_document(html), Some("Le titre"))
    }

    #[test]
    fn marked_article_body_without_boilerplate() {
        let html = r#"<html><body>
            <nav><ul><li>Accueil</li><li>Politique</li></ul></nav>
            <div itemprop="articleBody">
              <h1>Le titre</h1>
              <p class="date">Publié le 22 octobre 2024</p>
              <p>Premier   paragraphe,
                 avec un <a href="/x">lien</a> et <em>du style</em>.</p>
              <!-- un commentaire HTML -->
              <script>var x = "pas du texte";</script>
              <div class="share-bar">Partager sur Facebook</div>
              <p>Lire aussi : Un autre article</p>
              <p><a href="/autre">Le titre d'un article voisin</a></p>
              <p>Second paragraphe.<br>Après un saut.</p>
              <p><a href="/ailleurs">Une phrase entière en lien, qui se lit comme de la prose et doit rester.</a></p>
              <figure><img src="a.jpg"><figcaption>Une légende</figcaption></figure>
            </div>
            <div class="comments"><p>Un commentaire de lecteur assez long pour compter beaucoup.</p></div>
            </body></html>"#;
        assert_eq!(
            paragraphs(html),
            [
                "Premier paragraphe, avec un lien et du style.",
                "Second paragraphe.",
                "Après un saut.",
                "Une phrase entière en lien, qui se lit comme de la prose et doit rester.",
            ]
        );
    }

    #[test]
    fn densest_block_when_nothing_is_marked() {
        let long = "Une phrase de l'article qui est assez longue pour compter.";
        let html = format!(
            r#"<html><body>
            <div class="menu"><p>{long} Menu</p></div>
            <div id="cookie-banner"><p>{long} Cookies</p></div>
            <main><div class="texte"><p>{long} Un.</p><p>{long} Deux.</p><p>{long} Trois.</p></div></main>
            <aside><p>{long} Aside</p></aside>
            <div class="o-ad-slot"><p>{long} Pub</p></div>
            </body></html>"#
        );
        let found = paragraphs(&html);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].ends_with("Un."));
        assert!(found[2].ends_with("Trois."));
    }

    #[test]
    fn no_text_no_paragraphs() {
        assert!(paragraphs("<html><body><nav>Menu</nav></body></html>").is_empty());
    }
}
