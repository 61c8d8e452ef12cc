//! Where the article is on a page: the element marked as the article's body, else the element whose paragraphs hold the most text, with the sibling blocks that continue it.
//!
//! Only the shape of the page counts here: paragraphs of running text, how much of their
//! text is links, and which regions (menus, asides, footers) they sit in. Class names are
//! not trusted to find the article: a page's main column is often named after its menus.

use super::document::{Document, NodeId, ROOT};
use super::measures::Measures;

/// A sibling of the best element is part of the article when its paragraphs score at
/// least this share of the best element's score.
const SIBLING_SCORE_SHARE: f32 = 0.2;

/// A lone paragraph beside the best element is part of the article from this many characters.
const SIBLING_PARAGRAPH_CHARS: u32 = 80;

/// A marked article body is used when it holds at least this share of the page's paragraphs.
const MARKED_BODY_SHARE: f32 = 0.3;

/// The elements that hold the article, in document order; the page's root when no
/// element holds a paragraph (a page of bare text).
pub(crate) fn article_elements(document: &Document, measures: &Measures) -> Vec<NodeId> {
    if let Some(marked) = marked_body(document, measures) {
        return vec![marked];
    }
    let scores = paragraph_scores(document, measures);
    let Some(best) = (0..scores.len())
        .filter(|id| scores[*id] > 0.0)
        .max_by(|a, b| scores[*a].total_cmp(&scores[*b]))
    else {
        return vec![ROOT];
    };
    let Some(parent) = document.nodes[best].parent else {
        return vec![best];
    };
    let best_score = scores[best];
    document
        .children(parent)
        .filter(|sibling| {
            *sibling == best
                || scores[*sibling] >= best_score * SIBLING_SCORE_SHARE
                || (measures.is_paragraph(*sibling)
                    && measures.text_chars[*sibling] >= SIBLING_PARAGRAPH_CHARS)
        })
        .collect()
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
        article_elements(&document, &measures)
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
             <div class=pub><a>Publicité</a></div><div><p>{sentence} Quatre.</p></div></main>"
        );
        let found = article_text(&html);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[1].ends_with("Quatre."));
    }

    #[test]
    fn bare_text_is_read_from_the_root() {
        assert_eq!(
            article_text("Un texte sans balise."),
            ["Un texte sans balise."]
        );
    }
}
