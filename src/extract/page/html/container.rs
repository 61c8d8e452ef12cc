//! Where the article is on a page: the element marked as the article's body, else the element whose paragraphs hold the most text, with the sibling blocks that continue it.
//!
//! Only the shape of the page counts here: paragraphs of running text, how much of their
//! text is links, and which regions (menus, asides, footers) they sit in. Class names are
//! not trusted to find the article: a page's main column is often named after its menus.

use super::boilerplate::names_boilerplate;
use super::document::{Document, NodeId, ROOT};
use super::measures::Measures;

/// A sibling of the best element is part of the article when its paragraphs score at
/// least this share of the best element's score.
const SIBLING_SCORE_SHARE: f32 = 0.2;

/// A block beside the best element is part of the article from this many characters of paragraphs.
const SIBLING_PARAGRAPH_CHARS: u32 = 80;

/// How many levels above the article's element a lead paragraph is looked for.
const LEAD_LEVELS: usize = 3;

/// Highest share of link text in a sibling block that continues the article.
const SIBLING_LINK_SHARE: f32 = 0.25;

/// A marked article body is used when it holds at least this share of the page's paragraphs.
const MARKED_BODY_SHARE: f32 = 0.3;

/// The element that holds most of the article: the one marked as its body, else the
/// element whose paragraphs score best; `None` when no element holds a paragraph.
pub(crate) fn best_element(document: &Document, measures: &Measures) -> Option<NodeId> {
    if let Some(marked) = marked_body(document, measures) {
        return Some(marked);
    }
    let scores = paragraph_scores(document, measures);
    (0..scores.len())
        .filter(|id| scores[*id] > 0.0)
        .max_by(|a, b| scores[*a].total_cmp(&scores[*b]))
}

/// The elements that hold the article, in document order: `best` (from [`best_element`])
/// with the sibling blocks that continue it; the page's root when there is no best element
/// (a page of bare text). `heading` is the article's `<h1>`: blocks of text between it
/// and the article's paragraphs are its lead.
pub(crate) fn article_elements(
    document: &Document,
    measures: &Measures,
    best: Option<NodeId>,
    heading: Option<NodeId>,
) -> Vec<NodeId> {
    let Some(best) = best else {
        return vec![ROOT];
    };
    if document.has_itemprop(best, "articleBody") {
        return vec![best];
    }
    let Some(parent) = document.nodes[best].parent else {
        return vec![best];
    };
    let scores = paragraph_scores(document, measures);
    let best_score = scores[best];
    let mut elements = lead_blocks(document, measures, parent, heading);
    elements.extend(document.children(parent).filter(|sibling| {
        *sibling == best
            || (measures.linked_headings[*sibling] == 0
                && (scores[*sibling] >= best_score * SIBLING_SCORE_SHARE
                    || continues_article(document, measures, *sibling)))
    }));
    elements
}

/// Blocks of text that come after the headline and before `block`, the element holding
/// the article, in the levels above it: a lead paragraph (chapô) in a column of its own.
/// Going back from `block`, blocks without text (an image, a share bar) are passed over
/// and the first block that does not read as article text ends the lead.
fn lead_blocks(
    document: &Document,
    measures: &Measures,
    block: NodeId,
    heading: Option<NodeId>,
) -> Vec<NodeId> {
    let Some(heading) = heading.filter(|heading| *heading < block) else {
        return Vec::new();
    };
    let mut leads = Vec::new();
    let mut node = block;
    for _ in 0..LEAD_LEVELS {
        let Some(parent) = document.nodes[node].parent else {
            break;
        };
        let before: Vec<NodeId> = document
            .children(parent)
            .take_while(|sibling| *sibling != node)
            .collect();
        for sibling in before.into_iter().rev() {
            if sibling <= heading {
                break;
            }
            if measures.text_chars[sibling] == 0 {
                continue;
            }
            if !continues_article(document, measures, sibling) {
                break;
            }
            leads.push(sibling);
        }
        node = parent;
    }
    leads.reverse();
    leads
}

/// Whether a sibling of the article's best element holds a paragraph of it (a lead
/// paragraph in a block of its own, the last paragraphs after an inserted box). A block
/// with headings that are links is a list of teasers for other articles, not a part of
/// this one.
fn continues_article(document: &Document, measures: &Measures, sibling: NodeId) -> bool {
    document.element(sibling).is_some_and(|element| {
        measures.paragraph_chars[sibling] >= SIBLING_PARAGRAPH_CHARS
            && measures.linked_headings[sibling] == 0
            && measures.link_share(sibling) <= SIBLING_LINK_SHARE
            && !names_boilerplate(element)
    })
}

/// The largest element marked `itemprop="articleBody"`, when it holds a fair share of the
/// page's paragraphs (a marked teaser or summary is not the article).
fn marked_body(document: &Document, measures: &Measures) -> Option<NodeId> {
    let page_paragraphs = measures.paragraph_chars[ROOT] as f32;
    document
        .elements()
        .filter(|(_, element)| {
            element.attribute("itemprop").is_some_and(|names| {
                names
                    .split_ascii_whitespace()
                    .any(|name| name == "articleBody")
            })
        })
        .map(|(id, _)| id)
        .max_by_key(|id| measures.paragraph_chars[*id])
        .filter(|id| {
            measures.paragraph_chars[*id] > 0
                && measures.paragraph_chars[*id] as f32 >= page_paragraphs * MARKED_BODY_SHARE
        })
}

/// Each element's score: the text of the paragraphs right under it, and half of that for
/// the element above (articles often wrap their paragraphs in blocks).
fn paragraph_scores(document: &Document, measures: &Measures) -> Vec<f32> {
    let mut scores = vec![0.0f32; document.nodes.len()];
    for id in 0..document.nodes.len() {
        if !measures.is_paragraph(id) {
            continue;
        }
        let points = measures.text_chars[id] as f32;
        let Some(parent) = document.nodes[id].parent.filter(|parent| *parent != ROOT) else {
            continue;
        };
        scores[parent] += points;
        if let Some(grandparent) = document.nodes[parent].parent.filter(|above| *above != ROOT) {
            scores[grandparent] += points / 2.0;
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article_text(html: &str) -> Vec<String> {
        let document = Document::parse(html).unwrap();
        let measures = Measures::of(&document);
        let heading = document.elements_named("h1").next().map(|(id, _)| id);
        let best = best_element(&document, &measures);
        article_elements(&document, &measures, best, heading)
            .into_iter()
            .map(|id| document.text(id))
            .collect()
    }

    #[test]
    fn the_paragraphs_decide_whatever_the_class_names() {
        let sentence = "Une phrase de l'article, assez longue pour compter comme un paragraphe.";
        let html = format!(
            "<div class=menu-nav-main><div class=x><p>{sentence} Un.</p><p>{sentence} Deux.</p></div>\
             <aside><p>{sentence} À côté.</p><p>{sentence} Encore.</p><p>{sentence} Toujours.</p></aside></div>"
        );
        let found = article_text(&html);
        assert_eq!(found.len(), 1);
        assert!(found[0].ends_with("Deux."), "{found:?}");
    }

    #[test]
    fn sibling_blocks_continue_the_article() {
        let sentence = "Une phrase de l'article, assez longue pour compter comme un paragraphe.";
        let html = format!(
            "<main><div><p>{sentence} Un.</p><p>{sentence} Deux.</p><p>{sentence} Trois.</p></div>\
             <div class=pub><a>Publicité</a></div><div><p>{sentence} Quatre.</p></div>\
             <div><h3><a href=/x>Un autre article</a></h3><p>{sentence} Son résumé.</p></div></main>"
        );
        let found = article_text(&html);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[1].ends_with("Quatre."));
    }

    #[test]
    fn a_lead_between_the_headline_and_the_text_is_kept() {
        let sentence = "Une phrase de l'article, assez longue pour compter comme un paragraphe.";
        let html = format!(
            "<div><h1>Le titre</h1><div class=chapo><p>{sentence} {sentence} Chapô.</p></div><div><img src=x></div>\
             <div><div><p>{sentence} Un.</p><p>{sentence} Deux.</p><p>{sentence} Trois.</p></div></div>\
             <div><h4>En savoir plus</h4><p>{sentence} Après.</p></div></div>"
        );
        let found = article_text(&html);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].ends_with("Chapô."));
        assert!(found[1].ends_with("Trois."));
    }

    #[test]
    fn bare_text_is_read_from_the_root() {
        assert_eq!(
            article_text("Un texte sans balise."),
            ["Un texte sans balise."]
        );
    }
}
