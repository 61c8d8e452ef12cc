//! The French analyzer as one tantivy tokenizer: segment → fold → elide → drop stop words → stem.

use std::collections::HashMap;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::elision::elided_prefix_len;
use super::fold::{fold_into, is_apostrophe};
use super::stop_words::is_stop_word;
use super::words::next_word;

/// Words longer than this (in bytes, once folded) are not indexed: they are noise (URLs,
/// base64, hashes), and a term must stay small. Their position is still counted.
pub const MAX_WORD_BYTES: usize = 64;

/// How many distinct words a tokenizer remembers the stem of before it starts afresh.
const STEM_CACHE_WORDS: usize = 200_000;

static FRENCH_STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::French));

/// Tokenizes French text into stemmed, accent-free terms with their byte offsets.
///
/// The steps run in this order, each a small function tested on its own:
/// 1. `words::next_word` finds a word (letters, digits, apostrophes between letters);
/// 2. `fold::fold_into` lower-cases it and removes accents, so that "Corée", "COREE" and the NFD
///    form of "Corée" are one word — folding comes before stemming so that a word typed
///    without accents stems exactly like the accented one;
/// 3. `elision::elided_prefix_len` drops an elided article ("l'", "qu'", "jusqu'");
/// 4. `stop_words::is_stop_word` drops French stop words, keeping their position so that phrases
///    such as "Corée du Nord" still require the gap;
/// 5. the Snowball French stemmer (rust-stemmers) conflates inflections.
///
/// Stemming is most of the work, and news text repeats its words, so each tokenizer keeps
/// the stems it has computed. Tantivy gives each indexing thread its own clone; a clone
/// starts with an empty cache.
#[derive(Default)]
pub struct FrenchTokenizer {
    stems: HashMap<String, String>,
}

impl Clone for FrenchTokenizer {
    fn clone(&self) -> Self {
        FrenchTokenizer::default()
    }
}

pub struct FrenchTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    next_position: usize,
    token: Token,
    stems: &'a mut HashMap<String, String>,
}

impl Tokenizer for FrenchTokenizer {
    type TokenStream<'a> = FrenchTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FrenchTokenStream<'a> {
        FrenchTokenStream {
            text,
            cursor: 0,
            next_position: 0,
            token: Token::default(),
            stems: &mut self.stems,
        }
    }
}

impl TokenStream for FrenchTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some(word) = next_word(self.text, &mut self.cursor) {
            let position = self.next_position;
            self.next_position += 1;
            let raw_word = &self.text[word.clone()];
            if let Some(elided_bytes) = analyze_word(raw_word, &mut self.token.text, self.stems) {
                self.token.offset_from = word.start + elided_bytes;
                self.token.offset_to = word.end;
                self.token.position = position;
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Turns one raw word into its term in `term`. Returns how many bytes of the raw word an
/// elided article took, or `None` when the word yields no term.
fn analyze_word(
    raw_word: &str,
    term: &mut String,
    stems: &mut HashMap<String, String>,
) -> Option<usize> {
    term.clear();
    fold_into(raw_word, term);
    let mut elided_bytes = 0;
    if let Some(prefix_len) = elided_prefix_len(term) {
        term.drain(..prefix_len);
        let (apostrophe_at, apostrophe) =
            raw_word.char_indices().find(|&(_, c)| is_apostrophe(c))?;
        elided_bytes = apostrophe_at + apostrophe.len_utf8();
    }
    if term.is_empty() || term.len() > MAX_WORD_BYTES || is_stop_word(term) {
        return None;
    }
    if term.bytes().any(|byte| byte.is_ascii_alphabetic()) {
        stem_in_place(term, stems);
    }
    Some(elided_bytes)
}

/// Replaces a folded word by its Snowball stem, remembering it for the next time.
fn stem_in_place(term: &mut String, stems: &mut HashMap<String, String>) {
    if let Some(stem) = stems.get(term.as_str()) {
        term.clear();
        term.push_str(stem);
        return;
    }
    let stem = FRENCH_STEMMER.stem(term).into_owned();
    if stems.len() >= STEM_CACHE_WORDS {
        stems.clear();
    }
    stems.insert(std::mem::replace(term, stem.clone()), stem);
}
