//! Hyphenated compounds: which stop words inside a name ("Notre-Dame", "Aix-en-Provence") are kept as words.
//!
//! A stop word joined by a hyphen to the next word, with a word that is not a stop word
//! further on in the compound, is part of a name: dropping it would search "Notre-Dame" as
//! "Dame" and "Saint-Germain-des-Prés" as "Saint-Germain Prés". The stop words that end a
//! compound stay dropped: they are the pronouns of a question ("a-t-il", "faut-il",
//! "est-ce") or a suffix written both ways ("Kim Jong-un" and "Kim Jong Un").

use super::fold::is_invisible;
use super::french_tokenizer::fold_and_elide;
use super::stop_words::is_stop_word;
use super::words::{is_word_char, next_word};

/// The characters that join the parts of a compound: the hyphen-minus and Unicode's hyphen
/// and non-breaking hyphen.
pub(crate) const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];

/// Whether the stop word ending at byte `end` of `text` is kept: a hyphen joins it to the
/// next word, and a word that is not a stop word follows in the same compound.
/// `folded` is a buffer for the folded parts, reused from call to call.
pub(crate) fn stop_word_is_kept(text: &str, end: usize, folded: &mut String) -> bool {
    let mut end = end;
    while let Some(next_start) = joined_word_start(text, end) {
        let mut cursor = next_start;
        let Some(next) = next_word(text, &mut cursor) else {
            return false;
        };
        fold_and_elide(&text[next.clone()], folded);
        if !is_stop_word(folded) {
            return true;
        }
        end = next.end;
    }
    false
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

    /// The stop words of `text` that are kept, in order.
    fn kept(text: &str) -> Vec<&str> {
        let mut cursor = 0;
        let mut folded = String::new();
        let mut found = Vec::new();
        while let Some(word) = next_word(text, &mut cursor) {
            fold_and_elide(&text[word.clone()], &mut folded);
            if is_stop_word(&folded) && stop_word_is_kept(text, word.end, &mut folded) {
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
        assert_eq!(kept("c'est-à-dire"), ["c'est", "à"]);
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
}
