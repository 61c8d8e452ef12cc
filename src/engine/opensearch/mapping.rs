//! The index newsearch creates on the cluster: its French analysis rebuilt from OpenSearch's analysis modules, and the article fields.
//!
//! The analyzer follows `analysis::FrenchTokenizer` step for step, in its order:
//! 1. char filters: every apostrophe variant becomes `'`, invisible characters (soft
//!    hyphen, joiners) vanish, combining marks are removed (so NFD text folds like NFC),
//!    Unicode's hyphens become `-`;
//! 2. a `pattern` tokenizer that splits like `analysis::words`: letters and digits make
//!    words, an apostrophe joins two words ("l'Ukraine", "aujourd'hui"), everything else
//!    (spaces, punctuation) separates — except that one hyphen between two words keeps a
//!    compound ("notre-dame") whole for step 4;
//! 3. `asciifolding` then `lowercase`: folding comes **before** stemming, as in newsearch;
//! 4. the compound's stop words that `analysis::compounds` keeps (a capitalised part that
//!    is not a stop word follows them, so this runs before `lowercase`) are marked with `_`
//!    by a `pattern_replace`, then `word_delimiter_graph` splits the compound at its
//!    hyphens into words at consecutive positions (and nothing else: apostrophes and the
//!    mark are letters to it);
//! 5. `elision` with newsearch's articles, `stop` with newsearch's stop list (folded, the
//!    positions kept for phrases; a marked word is not on it), the mark removed, `length`
//!    (newsearch drops words over 64 bytes);
//! 6. `snowball` French.
//!
//! Queries are read by a second analyzer, the same but for step 4: the stop words inside
//! every compound are kept, whatever its case, as `analysis::analyze_query` keeps them.
//!
//! Where it cannot match: Lucene's Snowball French is a newer build than rust-stemmers' (a
//! few words stem differently), `asciifolding` and newsearch's fold differ on a few rare
//! letters, the length limit counts characters rather than bytes, and the words of a
//! compound with a kept stop word are highlighted as the whole compound (the mark changes
//! its length, so `word_delimiter_graph` gives each word the compound's offsets). `tests/opensearch.rs`
//! measures the difference on the fixture corpus, BENCHMARKS.md on orangesum.

use serde_json::{json, Value};

use crate::analysis::{CompoundStopWords, ELIDED, HYPHENS, MAX_WORD_BYTES, STOP_WORDS};
use crate::search::snippet::SNIPPET_CHARS;

/// The format of the index this version writes, kept in the mapping's `_meta`: an index of
/// another format (or not made by newsearch) is refused (3: the stop words inside
/// hyphenated names are terms, those of compounds in lower case are not).
pub(crate) const FORMAT: u64 = 3;

/// The analyzer of title, body and text.
pub(crate) const FRENCH_ANALYZER: &str = "newsearch_french";
/// The analyzer of the queries on title, body and text.
pub(crate) const FRENCH_QUERY_ANALYZER: &str = "newsearch_french_query";

/// The apostrophe variants `analysis::fold` turns into `'`.
pub(crate) const APOSTROPHES: [char; 4] = ['\u{2019}', '\u{2018}', '\u{02BC}', '\u{2032}'];
/// The characters `analysis::fold` drops inside words.
pub(crate) const INVISIBLE: [char; 5] = ['\u{AD}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];

/// What separates words (Java regular expression): anything but letters, digits,
/// apostrophes and hyphens, and an apostrophe or hyphen that does not stand between two
/// word characters. Hyphenated compounds stay one token until `word_delimiter_graph`.
const WORD_SEPARATOR: &str = r"(?:[^\p{L}\p{N}'-]|(?<![\p{L}\p{N}])['-]|['-](?![\p{L}\p{N}]))+";

/// The mark put after a kept stop word of a compound: never in a token otherwise (the
/// tokenizer separates on it).
const KEPT_MARK: &str = "_";

/// Near-duplicates of one hit listed at most (OpenSearch's default inner-hit window).
pub(crate) const MAX_LISTED_DUPLICATES: usize = 100;

/// The settings and mappings of the articles index.
pub(crate) fn articles_index(shards: u64, replicas: u64) -> Value {
    let french = json!({
        "type": "text",
        "analyzer": FRENCH_ANALYZER,
        "search_analyzer": FRENCH_QUERY_ANALYZER,
        "copy_to": "text"
    });
    let keyword = json!({
        "type": "keyword",
        "normalizer": "newsearch_keyword",
        "ignore_above": 4096,
        "fields": {"raw": {"type": "keyword", "ignore_above": 4096}}
    });
    json!({
        "settings": {
            "number_of_shards": shards,
            "number_of_replicas": replicas,
            "max_inner_result_window": MAX_LISTED_DUPLICATES,
            "highlight.max_analyzed_offset": 10_000_000,
            "analysis": analysis()
        },
        "mappings": {
            "_meta": {"newsearch_format": FORMAT},
            "dynamic": "strict",
            "properties": {
                "id": {"type": "keyword"},
                "path": {"type": "keyword"},
                // Title then body, as newsearch's one searched text: BM25, phrases and
                // proximity run on it. Title comes first in each document.
                "title": french,
                "body": french,
                "text": {
                    "type": "text",
                    "analyzer": FRENCH_ANALYZER,
                    "search_analyzer": FRENCH_QUERY_ANALYZER,
                    "position_increment_gap": 1
                },
                "category": keyword,
                "author": keyword,
                "source": keyword,
                "url": {"type": "keyword", "index": false, "doc_values": false},
                "date": {"type": "date", "format": "yyyy-MM-dd"},
                "date_inferred": {"type": "boolean"},
                // The body's SimHash signature and its near-duplicate group's key (the
                // smallest signature of the group, or its own), in hexadecimal.
                "simhash": {"type": "keyword"},
                "group": {"type": "keyword"}
            }
        }
    })
}

/// The settings and mappings of the index of files read in full (the manifest).
pub(crate) fn files_index(shards: u64, replicas: u64) -> Value {
    json!({
        "settings": {"number_of_shards": shards, "number_of_replicas": replicas},
        "mappings": {
            "_meta": files_meta(&[]),
            "dynamic": "strict",
            "properties": {
                "path": {"type": "keyword"},
                "size": {"type": "long"},
                "modified_ns": {"type": "long"}
            }
        }
    })
}

/// The files index's `_meta`: the format, and the `--field` mappings the files were read
/// with, kept for the runs that give none (a mapping update replaces the whole `_meta`).
pub(crate) fn files_meta(fields: &[String]) -> Value {
    json!({"newsearch_format": FORMAT, "fields": fields})
}

/// The stop words of a compound that `analysis::compounds` keeps, in a compound token
/// folded to ASCII (Java regular expression): a whole part that is a stop word (after an
/// elided article; in either case), followed by other such parts and then by a part that
/// is not one — a capitalised one for [`CompoundStopWords::InNames`].
fn kept_stop_word_pattern(kept_in: CompoundStopWords) -> String {
    let stop_part = format!(
        "(?i:(?:(?:{})')?(?:{}))",
        ELIDED.join("|"),
        STOP_WORDS.join("|")
    );
    let next_part = match kept_in {
        CompoundStopWords::InNames => r"(?:[^-]*')?\p{Lu}",
        CompoundStopWords::InEveryCompound => "[^-]",
    };
    format!("(?<![^-])({stop_part})(?=(?:-{stop_part}(?=-))*-(?!{stop_part}(?![^-])){next_part})")
}

fn analysis() -> Value {
    let mut apostrophes: Vec<String> = APOSTROPHES
        .iter()
        .map(|apostrophe| format!("{apostrophe}=>'"))
        .collect();
    apostrophes.extend(INVISIBLE.iter().map(|invisible| format!("{invisible}=>")));
    let hyphens: Vec<String> = HYPHENS
        .iter()
        .filter(|&&hyphen| hyphen != '-')
        .map(|hyphen| format!("{hyphen}=>-"))
        .collect();
    json!({
        "char_filter": {
            "newsearch_apostrophes": {"type": "mapping", "mappings": apostrophes},
            "newsearch_hyphens": {"type": "mapping", "mappings": hyphens},
            "newsearch_marks": {"type": "pattern_replace", "pattern": r"\p{M}", "replacement": ""},
            "newsearch_spaces": {"type": "pattern_replace", "pattern": r"\s+", "replacement": " "},
            "newsearch_trim": {"type": "pattern_replace", "pattern": r"^ | $", "replacement": ""}
        },
        "tokenizer": {
            "newsearch_words": {"type": "pattern", "pattern": WORD_SEPARATOR}
        },
        "filter": {
            "newsearch_kept_stop_words_in_names": {
                "type": "pattern_replace",
                "pattern": kept_stop_word_pattern(CompoundStopWords::InNames),
                "replacement": format!("$1{KEPT_MARK}")
            },
            "newsearch_kept_stop_words": {
                "type": "pattern_replace",
                "pattern": kept_stop_word_pattern(CompoundStopWords::InEveryCompound),
                "replacement": format!("$1{KEPT_MARK}")
            },
            "newsearch_compound_words": {
                "type": "word_delimiter_graph",
                "generate_word_parts": true,
                "generate_number_parts": true,
                "catenate_words": false,
                "catenate_numbers": false,
                "catenate_all": false,
                "preserve_original": false,
                "split_on_case_change": false,
                "split_on_numerics": false,
                "stem_english_possessive": false,
                "type_table": ["' => ALPHA", format!("{KEPT_MARK} => ALPHA")]
            },
            "newsearch_elision": {"type": "elision", "articles_case": true, "articles": ELIDED.as_slice()},
            "newsearch_stop": {"type": "stop", "stopwords": STOP_WORDS.as_slice()},
            "newsearch_unmark": {"type": "pattern_replace", "pattern": KEPT_MARK, "replacement": ""},
            "newsearch_long_words": {"type": "length", "max": MAX_WORD_BYTES},
            "newsearch_stemmer": {"type": "snowball", "language": "French"}
        },
        "analyzer": {
            FRENCH_ANALYZER: french_analyzer("newsearch_kept_stop_words_in_names"),
            FRENCH_QUERY_ANALYZER: french_analyzer("newsearch_kept_stop_words")
        },
        "normalizer": {
            // `analysis::keyword`: folded, white space collapsed.
            "newsearch_keyword": {
                "type": "custom",
                "char_filter": ["newsearch_apostrophes", "newsearch_marks", "newsearch_spaces",
                                "newsearch_trim"],
                "filter": ["lowercase", "asciifolding"]
            }
        }
    })
}

/// The French analyzer, with `kept_stop_words` as the filter that marks the stop words of
/// compounds to keep.
fn french_analyzer(kept_stop_words: &str) -> Value {
    json!({
        "type": "custom",
        "char_filter": ["newsearch_apostrophes", "newsearch_marks", "newsearch_hyphens"],
        "tokenizer": "newsearch_words",
        "filter": ["asciifolding", kept_stop_words, "lowercase", "newsearch_compound_words",
                   "newsearch_elision", "newsearch_stop", "newsearch_unmark",
                   "newsearch_long_words", "newsearch_stemmer"]
    })
}

/// The highlighter's settings for a snippet of the body: one passage of about
/// [`SNIPPET_CHARS`], on sentence boundaries; the opening when nothing matches.
pub(crate) fn highlight_field(highlight_query: Value) -> Value {
    json!({
        "type": "unified",
        "fragment_size": SNIPPET_CHARS,
        "number_of_fragments": 1,
        "no_match_size": SNIPPET_CHARS,
        "boundary_scanner": "sentence",
        "boundary_scanner_locale": "fr-FR",
        "highlight_query": highlight_query
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fold::{fold, is_apostrophe, is_invisible};

    #[test]
    fn the_char_filters_know_newsearch_apostrophes_and_invisible_characters() {
        for character in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mapped = APOSTROPHES.contains(&character) || character == '\'';
            assert_eq!(is_apostrophe(character), mapped, "{character:?}");
            assert_eq!(
                is_invisible(character),
                INVISIBLE.contains(&character),
                "{character:?}"
            );
        }
    }

    #[test]
    fn the_lists_are_newsearch_lists() {
        let analysis = analysis();
        let stop = analysis["filter"]["newsearch_stop"]["stopwords"]
            .as_array()
            .unwrap();
        assert_eq!(stop.len(), STOP_WORDS.len());
        assert!(stop.iter().all(|word| {
            let word = word.as_str().unwrap();
            fold(word) == word
        }));
        let articles = analysis["filter"]["newsearch_elision"]["articles"]
            .as_array()
            .unwrap();
        assert!(articles.iter().any(|article| article == "jusqu"));
    }

    #[test]
    fn the_mapping_says_its_format() {
        let index = articles_index(3, 1);
        assert_eq!(index["mappings"]["_meta"]["newsearch_format"], FORMAT);
        assert_eq!(index["settings"]["number_of_shards"], 3);
        assert_eq!(index["mappings"]["properties"]["body"]["copy_to"], "text");
    }
}
