//! HTML that is deep, long, unclosed or not even text: every page is read without a panic, and the article inside pathological markup is still found.
//!
//! `random_markup_never_breaks_extraction` runs a few hundred generated pages in every
//! `cargo test`; a longer run is opt-in:
//! `NEWSEARCH_HTML_FUZZ_CASES=200000 cargo test --release --test html_robustness`
//! (`NEWSEARCH_HTML_FUZZ_SEED` picks another sequence; a failing case prints its seed).

use std::io::Cursor;
use std::path::Path;

use newsearch::article::Article;
use newsearch::date::Date;
use newsearch::extract::{read_bytes, ExtractError, FieldMap, FileContext, Format};

#[path = "../fuzz/checks.rs"]
mod checks;

const SENTENCE: &str =
    "Le conseil municipal a voté le budget du funiculaire après une longue séance publique.";

fn read_html(bytes: Vec<u8>) -> Result<Article, ExtractError> {
    let context = FileContext {
        path: Path::new("page.html"),
        folder_category: None,
        today: Date::new(2026, 11, 21).unwrap(),
        field_map: &FieldMap::default(),
    };
    let mut articles = Vec::new();
    read_bytes(Format::Html, Cursor::new(bytes), &context, &mut |article| {
        articles.push(article)
    })?;
    Ok(articles.pop().expect("an HTML page gives one article"))
}

fn page(body: &str) -> Vec<u8> {
    format!("<!DOCTYPE html><html><head><title>Le funiculaire | Le Journal</title></head><body>{body}</body></html>").into_bytes()
}

#[test]
fn deep_nesting_is_read() {
    let depth = 100_000;
    let html = page(&format!(
        "{}<p>{SENTENCE}</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    ));
    let article = read_html(html).unwrap();
    assert_eq!(article.body, SENTENCE);
    assert_eq!(article.title, "Le funiculaire");
}

#[test]
fn unclosed_tags_are_read() {
    for tag in ["div", "b", "span", "a href=x", "li", "td", "p", "font"] {
        let html = page(&format!(
            "<p>{SENTENCE}</p>{}",
            format!("<{tag}>mot ").repeat(20_000)
        ));
        let article = read_html(html).unwrap();
        assert!(article.body.contains(SENTENCE), "<{tag}>");
    }
}

#[test]
fn many_siblings_are_read() {
    let filler = "<div><a href=/x>Un lien de menu</a></div>".repeat(40_000);
    let html = page(&format!(
        "{filler}<article><p>{SENTENCE}</p><p>{SENTENCE} Encore.</p></article>{filler}"
    ));
    let article = read_html(html).unwrap();
    assert_eq!(
        article.body,
        format!("{SENTENCE}\n\n{SENTENCE} Encore."),
        "the menus around the article are not its text"
    );
}

/// Bytes that are not UTF-8 make the page be decoded as Windows-1252 (the encoding of
/// pages saved without a declaration): its words are read, accents or not.
#[test]
fn stray_bytes_and_invalid_utf8_are_read_around() {
    let mut html = page(
        "<article><p>Le conseil municipal a vote le budget du funiculaire hier soir.</p><p>Deux ",
    );
    html.extend_from_slice(b"\xff\xfe\xc3\x28 octets perdus \x1b[31m\x07");
    html.extend_from_slice(b" et une suite assez longue pour un paragraphe.</p></article>");
    let article = read_html(html).unwrap();
    assert!(
        article
            .body
            .starts_with("Le conseil municipal a vote le budget"),
        "{:?}",
        article.body
    );
    assert!(article.body.contains("octets perdus"));
    assert!(
        !article.body.contains(['\u{1b}', '\u{7}']),
        "{:?}",
        article.body
    );
}

#[test]
fn a_page_without_text_is_reported_not_indexed() {
    let result = read_html(page(
        "<div><img src=a.jpg><script>var texte = 'caché';</script></div>",
    ));
    assert!(matches!(result, Err(ExtractError::NoArticle)), "{result:?}");
}

/// Pieces that random pages are made of: the markup shapes that break parsers (unclosed
/// and stray tags, raw text elements, comments, entities, JSON-LD, bytes that are not UTF-8).
const PIECES: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<i>",
    "</a>",
    "<a href=\"/x\">",
    "<li>",
    "<ul>",
    "</ul>",
    "<table>",
    "<tr>",
    "<td>",
    "</table>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<br>",
    "<br/>",
    "</br>",
    "<img src=x>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<article>",
    "</article>",
    "<nav>",
    "<aside>",
    "<time datetime=\"2024-10-22\">",
    "<meta property=\"og:title\" content=\"",
    "\">",
    "<title>",
    "</title>",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"",
    "\"author\":{\"name\":\"",
    "\"}",
    "&amp;",
    "&eacute;",
    "&#0;",
    "&#x1b;",
    "&#1114112;",
    "&",
    "<",
    ">",
    "\"",
    "'",
    "=",
    " ",
    "\n",
    "Par Jeanne Martin",
    "Publié le 12 février 2025",
    SENTENCE,
    "\u{0}",
    "\u{1b}[2J",
    "\u{feff}",
    "é",
    "<![CDATA[",
    "]]>",
    "<?xml ?>",
    "<svg><path/></svg>",
    "<template>",
    "<noscript>",
    "<textarea>",
    "<plaintext>",
    "<div itemprop=\"articleBody\">",
    "<span itemprop=\"author\">",
    "<p hidden>",
];

/// A fixed xorshift sequence: the same pages on every run for a given seed.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn page(&mut self) -> Vec<u8> {
        let mut bytes = Vec::new();
        if self.below(2) == 0 {
            bytes.extend_from_slice(b"<!DOCTYPE html><html><body>");
        }
        let pieces = self.below(400);
        for _ in 0..pieces {
            match self.below(20) {
                0 => bytes.push(self.next() as u8),
                1 => bytes.extend_from_slice(&[0xC3, 0xFF, 0x80, 0xE2, 0x82]),
                _ => bytes.extend_from_slice(PIECES[self.below(PIECES.len())].as_bytes()),
            }
        }
        if self.below(4) == 0 {
            let cut = self.below(bytes.len() + 1);
            bytes.truncate(cut);
        }
        bytes
    }
}

#[test]
fn random_markup_never_breaks_extraction() {
    let cases: usize = std::env::var("NEWSEARCH_HTML_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("NEWSEARCH_HTML_FUZZ_SEED")
        .ok()
        .and_then(|seed| seed.parse().ok())
        .unwrap_or(0x005E_ED0F_4E57);
    let mut read = 0;
    for case in 0..cases {
        let case_seed = seed ^ (case as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let page = Sequence(case_seed).page();
        let outcome = std::panic::catch_unwind(|| checks::extract(Format::Html, &page));
        assert!(
            outcome.is_ok(),
            "case {case} (NEWSEARCH_HTML_FUZZ_SEED={seed}): {:?}",
            String::from_utf8_lossy(&page)
        );
        read += usize::from(read_html(page).is_ok());
    }
    // The generator makes pages with text often enough that extraction is exercised.
    assert!(
        read * 10 >= cases,
        "only {read} of {cases} pages gave an article"
    );
}
