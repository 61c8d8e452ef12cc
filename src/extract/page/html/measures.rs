//! Per-node measures of a page, each computed in one linear pass over the tree: what is never read, what sits in a page region around the article, how much text and link text each element holds.
//!
//! Nodes are in document order (a parent before its children), so inherited flags are
//! set walking forwards and sums are gathered walking backwards: no recursion, no
//! walking up from every node, whatever the depth of the page.

use html5ever::local_name;

use super::document::{is_phrasing, is_subheading, Document, Element, NodeData, NodeId};
use crate::extract::page::page_lines::is_boundary;

/// Elements whose content is never read as text.
fn is_unread(element: &Element) -> bool {
    let hidden = element.attribute("hidden").is_some()
        || element
            .attribute("aria-hidden")
            .is_some_and(|value| value.trim() == "true")
        || element.attribute("style").is_some_and(|style| {
            let style: String = style.split_whitespace().collect();
            style.contains("display:none") || style.contains("visibility:hidden")
        });
    hidden
        || matches!(
            element.name,
            local_name!("script")
                | local_name!("style")
                | local_name!("noscript")
                | local_name!("template")
                | local_name!("svg")
                | local_name!("math")
                | local_name!("head")
                | local_name!("title")
                | local_name!("select")
                | local_name!("option")
                | local_name!("button")
                | local_name!("textarea")
                | local_name!("iframe")
                | local_name!("object")
                | local_name!("canvas")
                | local_name!("video")
                | local_name!("audio")
        )
}

/// ARIA roles of the regions around an article.
const AROUND_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "menu",
    "menubar",
    "search",
];

/// Elements that are, by their name or role, a region around the article: menus, side
/// columns, page headers and footers, forms, illustrations and their captions.
pub(crate) fn is_around(element: &Element) -> bool {
    let role = element
        .attribute("role")
        .is_some_and(|role| AROUND_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()));
    role || matches!(
        element.name,
        local_name!("nav")
            | local_name!("aside")
            | local_name!("footer")
            | local_name!("header")
            | local_name!("form")
            | local_name!("figure")
            | local_name!("figcaption")
            | local_name!("menu")
            | local_name!("dialog")
    )
}

/// Which blocks open on a heading that heads what follows an article ("Réactions (6)",
/// "Articles liés", "Laisser un commentaire"): the readers' comments or a list of other
/// articles, around the article whatever their size, unless the article's `<h1>` is in them.
fn blocks_headed_by_boundary(document: &Document) -> Vec<bool> {
    let mut headed = vec![false; document.nodes.len()];
    let headlines: Vec<NodeId> = document.elements_named("h1").map(|(id, _)| id).collect();
    for (id, element) in document.elements() {
        let is_subheading = matches!(
            element.name,
            local_name!("h2") | local_name!("h3") | local_name!("h4") | local_name!("h5")
        );
        let Some(block) = document.nodes[id].parent.filter(|_| is_subheading) else {
            continue;
        };
        let opens_block = document
            .children(block)
            .find(|child| document.element(*child).is_some())
            == Some(id);
        let holds_headline = headlines
            .iter()
            .any(|headline| (block..document.subtree_end(block)).contains(headline));
        if opens_block && !holds_headline && is_boundary(&document.text(id)) {
            headed[block] = true;
        }
    }
    headed
}

/// Shortest paragraph, in characters other than white space, that counts as article text.
const PARAGRAPH_CHARS: u32 = 25;

/// Highest share of a paragraph's text that may be link text.
const PARAGRAPH_LINK_SHARE: f32 = 0.34;

/// Direct text, in characters other than white space, that makes a `<div>` a paragraph.
const TEXT_BLOCK_CHARS: u32 = 80;

/// A heading with more than this share of its text in links is another article's headline.
const LINKED_HEADING_SHARE: f32 = 0.5;

/// The measures of every node, indexed by node id.
pub(crate) struct Measures {
    /// Inside a script, style, hidden element…: never read.
    pub(crate) unread: Vec<bool>,
    /// Inside a region around the article (menu, aside, page header or footer, figure).
    pub(crate) around: Vec<bool>,
    /// Inside a link.
    pub(crate) in_link: Vec<bool>,
    /// Characters other than white space in the readable text under the node.
    pub(crate) text_chars: Vec<u32>,
    /// The part of `text_chars` inside links.
    pub(crate) link_chars: Vec<u32>,
    /// Characters of the article-like paragraphs under the node (see [`Measures::is_paragraph`]).
    pub(crate) paragraph_chars: Vec<u32>,
    /// How many headings (`<h2>` to `<h6>`) that are mostly a link are under the node: the
    /// headings of teasers for other articles.
    pub(crate) linked_headings: Vec<u32>,
    /// Whether the node reads as a paragraph of an article.
    paragraph: Vec<bool>,
    /// Characters of text that are direct children of the node.
    direct_chars: Vec<u32>,
}

impl Measures {
    pub(crate) fn of(document: &Document) -> Measures {
        let count = document.nodes.len();
        let mut unread = vec![false; count];
        let mut around = vec![false; count];
        let mut in_link = vec![false; count];
        let headed_by_boundary = blocks_headed_by_boundary(document);
        for (id, node) in document.nodes.iter().enumerate() {
            let Some(parent) = node.parent else { continue };
            let element = document.element(id);
            unread[id] = unread[parent] || element.is_some_and(is_unread);
            around[id] = around[parent] || element.is_some_and(is_around) || headed_by_boundary[id];
            in_link[id] =
                in_link[parent] || element.is_some_and(|element| element.name == local_name!("a"));
        }
        let mut text_chars = vec![0u32; count];
        let mut link_chars = vec![0u32; count];
        let mut direct_chars = vec![0u32; count];
        for id in (0..count).rev() {
            let node = &document.nodes[id];
            if let NodeData::Text(text) = &node.data {
                if !unread[id] {
                    let chars = non_space_chars(text);
                    text_chars[id] = chars;
                    if in_link[id] {
                        link_chars[id] = chars;
                    }
                    if let Some(parent) = node.parent {
                        direct_chars[parent] = direct_chars[parent].saturating_add(chars);
                    }
                }
            }
            if let Some(parent) = node.parent {
                text_chars[parent] = text_chars[parent].saturating_add(text_chars[id]);
                link_chars[parent] = link_chars[parent].saturating_add(link_chars[id]);
            }
        }
        let mut measures = Measures {
            unread,
            around,
            in_link,
            text_chars,
            link_chars,
            paragraph_chars: vec![0; count],
            linked_headings: vec![0; count],
            paragraph: vec![false; count],
            direct_chars,
        };
        for id in (0..count).rev() {
            if measures.reads_as_paragraph(document, id) {
                measures.paragraph[id] = true;
                measures.paragraph_chars[id] = measures.text_chars[id];
            }
            if measures.is_linked_heading(document, id) {
                measures.linked_headings[id] += 1;
            }
            if let Some(parent) = document.nodes[id].parent {
                measures.paragraph_chars[parent] =
                    measures.paragraph_chars[parent].saturating_add(measures.paragraph_chars[id]);
                measures.linked_headings[parent] =
                    measures.linked_headings[parent].saturating_add(measures.linked_headings[id]);
            }
        }
        measures
    }

    /// The share of an element's text that is link text (0 for an element without text).
    pub(crate) fn link_share(&self, id: NodeId) -> f32 {
        match self.text_chars[id] {
            0 => 0.0,
            chars => self.link_chars[id] as f32 / chars as f32,
        }
    }

    /// The text of a node, when it holds at most `max_chars` characters other than white
    /// space (bounding the work spent on each of many candidate elements).
    pub(crate) fn short_text(
        &self,
        document: &Document,
        id: NodeId,
        max_chars: u32,
    ) -> Option<String> {
        (self.text_chars[id] > 0 && self.text_chars[id] <= max_chars)
            .then(|| document.text(id))
            .filter(|text| !text.is_empty())
    }

    /// A heading below the title whose text is mostly a link: another article's headline.
    fn is_linked_heading(&self, document: &Document, id: NodeId) -> bool {
        document.element(id).is_some_and(|element| {
            is_subheading(&element.name) && self.link_share(id) > LINKED_HEADING_SHARE
        })
    }

    /// Whether the node reads as a paragraph of an article.
    pub(crate) fn is_paragraph(&self, id: NodeId) -> bool {
        self.paragraph[id]
    }

    /// Whether an element reads as a paragraph of an article: a `<p>` (or a block of
    /// running text) long enough, mostly not links, outside the regions around articles.
    /// A block holding paragraphs is not one itself (its children were measured first).
    fn reads_as_paragraph(&self, document: &Document, id: NodeId) -> bool {
        let Some(element) = document.element(id) else {
            return false;
        };
        if self.unread[id] || self.around[id] || self.text_chars[id] < PARAGRAPH_CHARS {
            return false;
        }
        let is_text_block = match element.name {
            local_name!("p") | local_name!("pre") | local_name!("blockquote") => true,
            ref name if is_phrasing(name) => false,
            _ => self.direct_chars[id] >= TEXT_BLOCK_CHARS,
        };
        is_text_block
            && self.link_share(id) <= PARAGRAPH_LINK_SHARE
            && self.paragraph_chars[id] == 0
    }
}

fn non_space_chars(text: &str) -> u32 {
    let count = text
        .chars()
        .filter(|character| !character.is_whitespace())
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_links_and_paragraphs_are_counted_per_element() {
        let html = "<div><nav><a>Accueil</a></nav><article><p>Un paragraphe assez long pour compter comme texte.</p>\
                    <p><a>Un lien seul qui ne compte pas comme texte</a></p><script>var x;</script></article></div>";
        let document = Document::parse(html).unwrap();
        let measures = Measures::of(&document);
        let (article, _) = document.elements_named("article").next().unwrap();
        let (nav, _) = document.elements_named("nav").next().unwrap();
        assert_eq!(measures.text_chars[article], 43 + 34);
        assert_eq!(measures.link_chars[article], 34);
        assert_eq!(measures.paragraph_chars[article], 43);
        assert!(measures.around[nav]);
        assert_eq!(measures.paragraph_chars[0], 43);
        assert_eq!(measures.linked_headings[0], 0);
        let teasers = Document::parse(
            "<ul><li><h3><a href=/a>Un autre article</a></h3><p>Son résumé.</p></li></ul>",
        )
        .unwrap();
        assert_eq!(Measures::of(&teasers).linked_headings[0], 1);
    }
}
