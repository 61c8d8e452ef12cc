//! The French analyzer as one tantivy tokenizer: segment → fold → elide → drop stop words → stem.

use std::ops::Range;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::elision::elided_prefix_len;
use super::fold::{fold_into, is_apostrophe};
use super::stop_words::is_stop_word;
use super::word_cache::WordCache;
use super::words::next_word;

/// Words longer than this (in bytes, once folded) are not indexed: they are noise (URLs,
/// base64, hashes), and a term must stay small. Their position is still counted.
pub const MAX_WORD_BYTES: usize = 64;

/// How many distinct words a tokenizer remembers the analysis of before it starts afresh.
const WORD_CACHE_WORDS: usize = 200_000;

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
/// News text repeats its words, so each tokenizer remembers what every raw word it has seen
/// became: a repeated word costs one hash lookup instead of the five steps. Tantivy gives
/// each indexing thread its own clone; a clone starts with an empty cache.
#[derive(Default)]
pub struct FrenchTokenizer {
    words: WordCache<WordAnalysis>,
}

/// Terms up to this many bytes (nearly all) are kept inside the cache entry: a repeated
/// word then costs no second memory access, to a term on the heap.
const INLINE_TERM_BYTES: usize = 22;

/// What one raw word becomes.
struct WordAnalysis {
    /// Bytes of the raw word taken by an elided article.
    elided_bytes: usize,
    term: CachedTerm,
}

enum CachedTerm {
    /// The word yields no term (stop word, too long).
    None,
    Inline {
        len: u8,
        bytes: [u8; INLINE_TERM_BYTES],
    },
    OnHeap(Box<str>),
}

impl CachedTerm {
    fn new(term: &str) -> CachedTerm {
        if term.len() > INLINE_TERM_BYTES {
            return CachedTerm::OnHeap(term.into());
        }
        let mut bytes = [0; INLINE_TERM_BYTES];
        bytes[..term.len()].copy_from_slice(term.as_bytes());
        CachedTerm::Inline {
            len: term.len() as u8,
            bytes,
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            CachedTerm::None => None,
            CachedTerm::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).ok()
            }
            CachedTerm::OnHeap(term) => Some(term),
        }
    }
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
    words: &'a mut WordCache<WordAnalysis>,
}

impl Tokenizer for FrenchTokenizer {
    type TokenStream<'a> = FrenchTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FrenchTokenStream<'a> {
        FrenchTokenStream {
            text,
            cursor: 0,
            next_position: 0,
            token: Token::default(),
            words: &mut self.words,
        }
    }
}

impl TokenStream for FrenchTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some(word) = next_word(self.text, &mut self.cursor) {
            let position = self.next_position;
            self.next_position += 1;
            let raw_word = &self.text[word.clone()];
            if let Some(elided_bytes) = term_of(raw_word, self.words, &mut self.token.text) {
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

impl FrenchTokenizer {
    /// Calls `visit` with the byte range (without an elided article) and term of each word of
    /// `text` whose term may start with a byte that `first_bytes` holds; the other words
    /// are skipped before analysis. For finding a few terms in a long text (snippets).
    pub fn for_each_term_starting(
        &mut self,
        text: &str,
        first_bytes: &FirstBytes,
        mut visit: impl FnMut(Range<usize>, &str),
    ) {
        let mut cursor = 0;
        let mut term = String::new();
        while let Some(word) = next_word(text, &mut cursor) {
            let raw_word = &text[word.clone()];
            if !first_bytes.may_start(raw_word) {
                continue;
            }
            if let Some(elided_bytes) = term_of(raw_word, &mut self.words, &mut term) {
                if first_bytes.holds(term.as_bytes()[0]) {
                    visit(word.start + elided_bytes..word.end, &term);
                }
            }
        }
    }
}

/// A set of first bytes of terms, and the cheap test of whether a raw word can yield a
/// term starting with one of them: the first byte of a term is the first byte of its
/// word folded (stemming keeps a word's first letter), unless an article was elided.
#[derive(Debug, Clone)]
pub struct FirstBytes {
    bytes: [bool; 256],
}

impl FirstBytes {
    pub fn of<'a>(terms: impl IntoIterator<Item = &'a str>) -> FirstBytes {
        let mut bytes = [false; 256];
        for term in terms {
            if let Some(&first) = term.as_bytes().first() {
                bytes[usize::from(first)] = true;
            }
        }
        FirstBytes { bytes }
    }

    fn holds(&self, byte: u8) -> bool {
        self.bytes[usize::from(byte)]
    }

    /// False only when the word surely yields no term starting with one of the bytes.
    fn may_start(&self, raw_word: &str) -> bool {
        let Some(first) = raw_word.chars().next() else {
            return false;
        };
        if raw_word.chars().any(is_apostrophe) {
            return true;
        }
        if first.is_ascii() {
            return self.holds(first.to_ascii_lowercase() as u8);
        }
        let mut folded = String::new();
        fold_into(&raw_word[..first.len_utf8()], &mut folded);
        folded.bytes().next().is_none_or(|byte| self.holds(byte))
    }
}

/// Writes the term of a raw word into `term`, analysing each distinct word once per tokenizer.
/// Returns how many bytes of the raw word an elided article took, or `None` when the word
/// yields no term.
fn term_of(
    raw_word: &str,
    words: &mut WordCache<WordAnalysis>,
    term: &mut String,
) -> Option<usize> {
    if let Some(analysis) = words.get(raw_word) {
        return analysis.write_term(term);
    }
    let analysis = analyze_word(raw_word);
    let elided_bytes = analysis.write_term(term);
    if words.len() >= WORD_CACHE_WORDS {
        words.clear();
    }
    words.insert(raw_word, analysis);
    elided_bytes
}

impl WordAnalysis {
    fn write_term(&self, term: &mut String) -> Option<usize> {
        let analysed = self.term.as_str()?;
        term.clear();
        term.push_str(analysed);
        Some(self.elided_bytes)
    }
}

/// Steps 2 and 3 for one raw word: its folded form without an elided article, in `term`.
/// Returns how many bytes of the raw word the elided article took.
pub fn fold_and_elide(raw_word: &str, term: &mut String) -> usize {
    term.clear();
    fold_into(raw_word, term);
    let mut elided_bytes = 0;
    if let Some(prefix_len) = elided_prefix_len(term) {
        term.drain(..prefix_len);
        if let Some((apostrophe_at, apostrophe)) =
            raw_word.char_indices().find(|&(_, c)| is_apostrophe(c))
        {
            elided_bytes = apostrophe_at + apostrophe.len_utf8();
        }
    }
    elided_bytes
}

/// Turns one raw word into its term: fold, drop an elided article, drop stop words, stem.
fn analyze_word(raw_word: &str) -> WordAnalysis {
    let mut term = String::with_capacity(raw_word.len());
    let elided_bytes = fold_and_elide(raw_word, &mut term);
    let yields_term = !term.is_empty() && term.len() <= MAX_WORD_BYTES && !is_stop_word(&term);
    let term = match yields_term {
        false => CachedTerm::None,
        true if term.bytes().any(|byte| byte.is_ascii_alphabetic()) => {
            CachedTerm::new(&FRENCH_STEMMER.stem(&term))
        }
        true => CachedTerm::new(&term),
    };
    WordAnalysis { elided_bytes, term }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words and terms the full analysis gives whose term starts like one of `wanted`.
    fn analysed_starting_like(text: &str, wanted: &[&str]) -> Vec<(String, String)> {
        let mut tokenizer = FrenchTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut found = Vec::new();
        while let Some(token) = stream.next() {
            if wanted
                .iter()
                .any(|w| token.text.as_bytes()[0] == w.as_bytes()[0])
            {
                let word = &text[token.offset_from..token.offset_to];
                found.push((word.to_string(), token.text.clone()));
            }
        }
        found
    }

    #[test]
    fn words_skipped_by_first_byte_are_words_that_cannot_match() {
        let text = "L'Économie, d'œuvre : les ŒUVRES économiques de Zoé \u{AD}et l\u{2019}État, \
                    YEUX, 2024 et Yvelines.";
        let mut tokenizer = FrenchTokenizer::default();
        for wanted in [
            &["econom", "etat"][..],
            &["oeuvr", "zoe"],
            &["yeux", "2024"],
        ] {
            let mut found: Vec<(String, String)> = Vec::new();
            tokenizer.for_each_term_starting(
                text,
                &FirstBytes::of(wanted.to_vec()),
                |range, term| {
                    found.push((text[range].to_string(), term.to_string()));
                },
            );
            assert!(found.len() >= 2, "{found:?}");
            assert_eq!(found, analysed_starting_like(text, wanted));
        }
    }

    fn terms(tokenizer: &mut FrenchTokenizer, text: &str) -> Vec<String> {
        let mut stream = tokenizer.token_stream(text);
        let mut terms = Vec::new();
        while let Some(token) = stream.next() {
            terms.push(token.text.clone());
        }
        terms
    }

    #[test]
    fn cached_terms_of_every_length_come_back_whole() {
        let numbers: Vec<String> = (1..=MAX_WORD_BYTES).map(|len| "7".repeat(len)).collect();
        let text = format!("{} Élysée élysée", numbers.join(" "));
        let mut tokenizer = FrenchTokenizer::default();
        let first = terms(&mut tokenizer, &text);
        assert_eq!(first[..numbers.len()], numbers[..]);
        assert_eq!(first[numbers.len()], first[numbers.len() + 1]);
        assert_eq!(terms(&mut tokenizer, &text), first, "from the cache");
    }
}
