//! The French analyzer as one tantivy tokenizer: segment → fold → elide → drop stop words → stem.

use std::ops::Range;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::compounds::{stop_word_is_kept, CompoundStopWords, HYPHENS};
use super::elision::elided_prefix_len;
use super::fold::{fold_into, is_apostrophe, is_invisible};
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
///    such as "Corée du Nord" still require the gap — but not inside a hyphenated name
///    ("Notre-Dame", "Aix-en-Provence"), where `compounds` keeps them (in a query, inside
///    any compound: [`analyze_query`](super::analyze_query));
/// 5. the Snowball French stemmer (rust-stemmers) conflates inflections.
///
/// News text repeats its words, so each tokenizer remembers what every raw word it has seen
/// became: a repeated word costs one hash lookup instead of the five steps. Tantivy gives
/// each indexing thread its own clone; a clone starts with an empty cache.
#[derive(Default)]
pub struct FrenchTokenizer {
    words: AnalysedWords,
    compounds: CompoundStopWords,
}

/// What each raw word seen so far became.
#[derive(Default)]
struct AnalysedWords {
    cache: WordCache<WordAnalysis>,
    /// The terms too long to sit in their `WordAnalysis`, one after the other.
    long_terms: String,
}

/// Terms up to this many bytes (nearly all) are kept inside the cache entry: a repeated
/// word then costs no second memory access, to a term elsewhere.
const INLINE_TERM_BYTES: usize = 14;

/// `term_len` of a word that yields no term (stop word, too long).
const NO_TERM: u8 = u8::MAX;

/// What one raw word becomes, in 16 bytes so that a cache entry is half a cache line.
#[derive(Clone, Copy, Default)]
struct WordAnalysis {
    /// Bytes of the raw word taken by an elided article.
    elided_bytes: u8,
    /// The term's length in bytes, or `NO_TERM`.
    term_len: u8,
    /// The term when it fits, else its offset in `AnalysedWords::long_terms` (little-endian
    /// `u32` in the first four bytes).
    term: [u8; INLINE_TERM_BYTES],
}

impl AnalysedWords {
    /// Remembers what `raw_word` became; a word whose elided article or term does not fit
    /// in a byte (hostile text: hundreds of ignorable characters) is not remembered.
    fn remember(&mut self, raw_word: &str, elided_bytes: usize, term: Option<&str>) {
        let (Ok(elided_bytes), Ok(term_len)) = (
            u8::try_from(elided_bytes),
            u8::try_from(term.map_or(usize::from(NO_TERM), str::len)),
        ) else {
            return;
        };
        if term_len == NO_TERM && term.is_some() {
            return;
        }
        let mut analysis = WordAnalysis {
            elided_bytes,
            term_len,
            term: [0; INLINE_TERM_BYTES],
        };
        if let Some(term) = term {
            if term.len() <= INLINE_TERM_BYTES {
                analysis.term[..term.len()].copy_from_slice(term.as_bytes());
            } else {
                let offset = u32::try_from(self.long_terms.len()).expect("cache is bounded");
                analysis.term[..4].copy_from_slice(&offset.to_le_bytes());
                self.long_terms.push_str(term);
            }
        }
        self.cache.insert(raw_word, analysis);
    }

    fn term<'a>(&'a self, analysis: &'a WordAnalysis) -> Option<&'a str> {
        let len = usize::from(analysis.term_len);
        if analysis.term_len == NO_TERM {
            None
        } else if len <= INLINE_TERM_BYTES {
            std::str::from_utf8(&analysis.term[..len]).ok()
        } else {
            let offset = u32::from_le_bytes(analysis.term[..4].try_into().ok()?) as usize;
            self.long_terms.get(offset..offset + len)
        }
    }

    fn clear(&mut self) {
        self.cache.clear();
        self.long_terms.clear();
    }
}

impl Clone for FrenchTokenizer {
    fn clone(&self) -> Self {
        FrenchTokenizer {
            words: AnalysedWords::default(),
            compounds: self.compounds,
        }
    }
}

pub struct FrenchTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    next_position: usize,
    token: Token,
    words: &'a mut AnalysedWords,
    compounds: CompoundStopWords,
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
            compounds: self.compounds,
        }
    }
}

impl TokenStream for FrenchTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some(word) = next_word(self.text, &mut self.cursor) {
            let position = self.next_position;
            self.next_position += 1;
            let raw_word = &self.text[word.clone()];
            let elided_bytes =
                write_term(raw_word, self.words, &mut self.token.text).or_else(|| {
                    kept_stop_word_term(
                        self.text,
                        word.clone(),
                        self.compounds,
                        &mut self.token.text,
                    )
                });
            if let Some(elided_bytes) = elided_bytes {
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
    /// The analyzer of queries: the stop words inside every hyphenated compound are kept,
    /// whatever its case, for a person types "notre-dame" and means the name.
    pub(crate) fn for_queries() -> FrenchTokenizer {
        FrenchTokenizer {
            words: AnalysedWords::default(),
            compounds: CompoundStopWords::InEveryCompound,
        }
    }

    /// Calls `visit` with the byte range (without an elided article) and term of each word of
    /// `text` whose term may start with a byte that `first_bytes` holds; the other words
    /// are skipped before analysis. For finding a few terms in a long text (snippets).
    pub(crate) fn for_each_term_starting(
        &mut self,
        text: &str,
        first_bytes: &FirstBytes,
        mut visit: impl FnMut(Range<usize>, &str),
    ) {
        let mut cursor = 0;
        let mut term = String::new();
        let mut first_folded = String::new();
        while let Some(word) = next_word(text, &mut cursor) {
            let raw_word = &text[word.clone()];
            if !first_bytes.may_start(raw_word, &mut first_folded) {
                continue;
            }
            let elided_bytes = write_term(raw_word, &mut self.words, &mut term)
                .or_else(|| kept_stop_word_term(text, word.clone(), self.compounds, &mut term));
            if let Some(elided_bytes) = elided_bytes {
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
pub(crate) struct FirstBytes {
    bytes: [bool; 256],
}

impl FirstBytes {
    pub(crate) fn of<'a>(terms: impl IntoIterator<Item = &'a str>) -> FirstBytes {
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
    /// `folded` is a buffer for the folded first letter, reused from word to word.
    fn may_start(&self, raw_word: &str, folded: &mut String) -> bool {
        let Some(first) = raw_word.chars().next() else {
            return false;
        };
        if raw_word.chars().any(is_apostrophe) {
            return true;
        }
        if first.is_ascii() {
            return self.holds(first.to_ascii_lowercase() as u8);
        }
        folded.clear();
        fold_into(&raw_word[..first.len_utf8()], folded);
        folded.bytes().next().is_none_or(|byte| self.holds(byte))
    }
}

/// How many bytes of a raw word an elided article ("l'", "qu'") took.
type ElidedBytes = usize;

/// Writes the term of a raw word into `term`, analysing each distinct word once per tokenizer.
/// Returns how many bytes of the raw word an elided article took, or `None` when the word
/// yields no term.
fn write_term(raw_word: &str, words: &mut AnalysedWords, term: &mut String) -> Option<ElidedBytes> {
    if let Some(analysis) = words.cache.get(raw_word) {
        let analysed = words.term(analysis)?;
        term.clear();
        term.push_str(analysed);
        return Some(usize::from(analysis.elided_bytes));
    }
    if words.cache.len() >= WORD_CACHE_WORDS {
        words.clear();
    }
    let elided_bytes = analyze_word(raw_word, term);
    words.remember(
        raw_word,
        elided_bytes.unwrap_or(0),
        elided_bytes.map(|_| term.as_str()),
    );
    elided_bytes
}

/// Steps 2 and 3 for one raw word: its folded form without an elided article, in `term`.
/// Returns how many bytes of the raw word the elided article took.
pub(super) fn fold_and_elide(raw_word: &str, term: &mut String) -> usize {
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

/// Turns one raw word into its term, written in `term`: fold, drop an elided article, drop
/// stop words, stem. Returns the bytes the elided article took, or `None` when the word
/// yields no term.
fn analyze_word(raw_word: &str, term: &mut String) -> Option<usize> {
    let elided_bytes = fold_and_elide(raw_word, term);
    if term.is_empty() || term.len() > MAX_WORD_BYTES || is_stop_word(term) {
        return None;
    }
    stem(term);
    Some(elided_bytes)
}

/// Step 5: the Snowball stem of a folded word, in place (numbers are left alone).
fn stem(term: &mut String) {
    if term.bytes().any(|byte| byte.is_ascii_alphabetic()) {
        let stem = FRENCH_STEMMER.stem(term).into_owned();
        *term = stem;
    }
}

/// The term of a stop word that a hyphenated compound keeps ("Notre" of "Notre-Dame", see
/// `compounds`), written in `term`; `None` for any other word without a term. Not cached:
/// whether a stop word is kept depends on the words after it.
fn kept_stop_word_term(
    text: &str,
    word: Range<usize>,
    compounds: CompoundStopWords,
    term: &mut String,
) -> Option<ElidedBytes> {
    let followed_by_hyphen = text[word.end..]
        .chars()
        .next()
        .is_some_and(|next| HYPHENS.contains(&next) || is_invisible(next));
    if !followed_by_hyphen {
        return None;
    }
    let elided_bytes = fold_and_elide(&text[word.clone()], term);
    let mut folded = String::new();
    if !is_stop_word(term) || !stop_word_is_kept(text, word.end, compounds, &mut folded) {
        return None;
    }
    stem(term);
    Some(elided_bytes)
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

    #[test]
    fn words_too_odd_to_remember_are_analysed_every_time() {
        let text = format!(
            "l{}'État l{}'État",
            "\u{AD}".repeat(300),
            "\u{AD}".repeat(300)
        );
        let mut tokenizer = FrenchTokenizer::default();
        let mut stream = tokenizer.token_stream(&text);
        let mut tokens = Vec::new();
        while let Some(token) = stream.next() {
            tokens.push((token.text.clone(), token.offset_from, token.offset_to));
        }
        let first_end = text.len() / 2;
        assert_eq!(
            tokens,
            [
                ("etat".to_string(), first_end - 5, first_end),
                ("etat".to_string(), text.len() - 5, text.len()),
            ]
        );
    }
}
