//! Hyphenated compounds: which stop words inside a name ("Notre-Dame", "Aix-en-Provence") are kept as words.
//!
//! A stop word joined by a hyphen to the next word, with a capitalised word that is not a
//! stop word further on in the compound, is part of a name: dropping it would search
//! "Notre-Dame" as "Dame" and "Saint-Germain-des-Prés" as "Saint-Germain Prés". The stop
//! words of a compound in lower case ("c'est-à-dire", "vis-à-vis", "au-delà") are no name
//! and stay dropped: kept, they would only lengthen the articles that use them, which moves
//! every BM25 score. So do the stop words that end a compound: they are the pronouns of a
//! question ("a-t-il", "faut-il", "est-ce") or a suffix written both ways ("Kim Jong-un"
//! and "Kim Jong Un").
//!
//! A query is read otherwise: a person types a name in lower case ("notre-dame") and means
//! the name, so there every compound keeps its inner stop words ([`CompoundStopWords`]).

use super::fold::{is_apostrophe, is_invisible};
use super::french_tokenizer::fold_and_elide;
use super::stop_words::is_stop_word;
use super::words::{is_word_char, next_word};

/// The characters that join the parts of a compound: the hyphen-minus and Unicode's hyphen
/// and non-breaking hyphen.
pub(crate) const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];

/// Which hyphenated compounds keep the stop words inside them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum CompoundStopWords {
    /// Only names: the word after the stop words is capitalised (the text of articles).
    #[default]
    InNames,
    /// Every compound, whatever its case (the text of queries).
    InEveryCompound,
}

/// Whether the stop word ending at byte `end` of `text` is kept: a hyphen joins it to the
/// next word, and a word that is not a stop word follows in the same compound (capitalised,
/// for [`CompoundStopWords::InNames`]). `folded` is a buffer for the folded parts, reused
/// from call to call.
pub(crate) fn stop_word_is_kept(
    text: &str,
    end: usize,
    kept_in: CompoundStopWords,
    folded: &mut String,
) -> bool {
    let mut end = end;
    while let Some(next_start) = joined_word_start(text, end) {
        let mut cursor = next_start;
        let Some(next) = next_word(text, &mut cursor) else {
            return false;
        };
        fold_and_elide(&text[next.clone()], folded);
        if !is_stop_word(folded) {
            return kept_in == CompoundStopWords::InEveryCompound
                || starts_with_capital(&text[next]);
        }
        end = next.end;
    }
    false
}

/// Whether the word's first letter (after an elided article: "d'Armor") is a capital.
fn starts_with_capital(word: &str) -> bool {
    let letters = word.rsplit(is_apostrophe).next().unwrap_or(word);
    letters
        .chars()
        .find(|&character| !is_invisible(character))
        .is_some_and(char::is_uppercase)
}

/// Where the word after the one ending at byte `end` starts, when one hyphen joins them
/// (invisible characters aside, as in the words themselves).
fn joined_word_start(text: &str, end: usize) -> Option<usize> {
    let mut hyphens = 0;
    for (offset, character) in text[end..].char_indices() {
        if HYPHENS.contains(&character) {
            hyphens += 1;
            if hyphens > 1 {
                return None;
            }
        } else if !is_invisible(character) {
            return (hyphens == 1 && is_word_char(character)).then_some(end + offset);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stop words of `text` that are kept in the text of articles, in order.
    fn kept(text: &str) -> Vec<&str> {
        kept_in(text, CompoundStopWords::InNames)
    }

    fn kept_in(text: &str, compounds: CompoundStopWords) -> Vec<&str> {
        let mut cursor = 0;
        let mut folded = String::new();
        let mut found = Vec::new();
        while let Some(word) = next_word(text, &mut cursor) {
            fold_and_elide(&text[word.clone()], &mut folded);
            if is_stop_word(&folded) && stop_word_is_kept(text, word.end, compounds, &mut folded) {
                found.push(&text[word]);
            }
        }
        found
    }

    #[test]
    fn stop_words_before_a_word_of_the_compound_are_kept() {
        assert_eq!(kept("la cathédrale Notre-Dame de Paris"), ["Notre"]);
        assert_eq!(kept("Aix-en-Provence"), ["en"]);
        assert_eq!(kept("Saint-Germain-des-Prés"), ["des"]);
        assert_eq!(kept("Nord-Pas-de-Calais"), ["Pas", "de"]);
        assert_eq!(kept("Seine-et-Marne"), ["et"]);
        assert_eq!(
            kept("Pont-de-l'Arche"),
            ["de"],
            "a capital after an elided article"
        );
        assert_eq!(kept("NOTRE‑DAME"), ["NOTRE"], "non-breaking hyphen");
        assert_eq!(kept("Notre\u{AD}-Dame"), ["Notre"], "soft hyphen");
    }

    #[test]
    fn stop_words_ending_a_compound_or_standing_alone_are_dropped() {
        for text in [
            "a-t-il",
            "Qu'est-ce",
            "Kim Jong-un",
            "faut-il",
            "lui-même",
            "notre dame",
            "notre -dame",
            "notre--dame",
            "notre - dame",
            "de-",
        ] {
            assert_eq!(kept(text), [] as [&str; 0], "{text}");
        }
    }

    #[test]
    fn compounds_in_lower_case_keep_their_stop_words_only_in_queries() {
        for text in [
            "c'est-à-dire",
            "vis-à-vis",
            "Au-delà",
            "notre-dame",
            "pied-à-terre",
        ] {
            assert_eq!(kept(text), [] as [&str; 0], "{text}");
        }
        let in_queries = |text| kept_in(text, CompoundStopWords::InEveryCompound);
        assert_eq!(in_queries("c'est-à-dire"), ["c'est", "à"]);
        assert_eq!(in_queries("notre-dame"), ["notre"]);
        assert_eq!(in_queries("Notre-Dame"), ["Notre"]);
        assert_eq!(in_queries("a-t-il"), [] as [&str; 0]);
    }
}
