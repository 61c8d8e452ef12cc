//! Blocks that name themselves as not being article text (share bars, related links, ads, bylines), by the words of their `class` and `id`.
//!
//! Such names are trusted only for blocks holding little of the article's text: a page's
//! main column is often named after what it also holds (`main--with-nav`).

use super::document::Element;

/// Words of `class` and `id` attributes (split on `-`, `_`) that name a block which is not
/// article text.
const BOILERPLATE_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "comments",
    "newsletter",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "pub",
    "promo",
    "sponsor",
    "sponsored",
    "outbrain",
    "taboola",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "caption",
    "credit",
    "credits",
    "subscribe",
    "paywall",
    "popup",
    "modal",
    "sidebar",
    "widget",
    "byline",
    "author",
    "signature",
    "date",
    "dateline",
    "meta",
];

/// Whether the element's class or id names it as something other than article text.
pub(crate) fn names_boilerplate(element: &Element) -> bool {
    element
        .class_and_id()
        .flat_map(|name| name.split(['-', '_']))
        .any(|word| BOILERPLATE_WORDS.contains(&word.to_ascii_lowercase().as_str()))
}
