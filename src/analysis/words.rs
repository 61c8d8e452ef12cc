//! Word segmentation: where words start and end in raw text, before any normalisation.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use super::fold::{is_apostrophe, is_invisible};

/// The byte range of the next word at or after `*cursor`, which moves past it.
///
/// A word is a run of letters, digits and combining marks (so NFD text segments like NFC).
/// Invisible characters (soft hyphen, joiners) do not break a word; an apostrophe joins two
/// words ("l'Ukraine", "aujourd'hui") so that elision can be decided on the whole; hyphens,
/// spaces of every kind and all other punctuation separate words.
pub(super) fn next_word(text: &str, cursor: &mut usize) -> Option<Range<usize>> {
    let rest = &text[*cursor..];
    let start = *cursor + rest.find(is_word_char)?;
    let bytes = text.as_bytes();
    let mut end = start;
    loop {
        // ASCII letters and digits, the bulk of a word, byte by byte.
        while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            end += 1;
        }
        let Some(character) = text[end..].chars().next() else {
            break;
        };
        let after = end + character.len_utf8();
        let joins_next = || {
            text[after..]
                .chars()
                .next()
                .is_some_and(|next| is_word_char(next) || is_invisible(next))
        };
        if is_word_char(character)
            || (is_invisible(character) || is_apostrophe(character)) && joins_next()
        {
            end = after;
        } else {
            break;
        }
    }
    *cursor = end;
    Some(start..end)
}

/// Whether a character belongs to a word: a letter, a digit or a combining mark.
pub(crate) fn is_word_char(character: char) -> bool {
    if character.is_ascii() {
        return character.is_ascii_alphanumeric();
    }
    match u32::from(character) {
        // Accented Latin letters, the bulk of French text: answered without Unicode tables.
        0xC0..=0x24F => !matches!(character, '×' | '÷'),
        // Spaces, dashes, quotes and other punctuation of the General Punctuation block.
        0x2000..=0x206F => false,
        _ => character.is_alphanumeric() || is_combining_mark(character),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut cursor = 0;
        std::iter::from_fn(|| next_word(text, &mut cursor).map(|range| &text[range])).collect()
    }

    #[test]
    fn splits_on_spaces_punctuation_and_hyphens() {
        assert_eq!(
            words("Kim Jong-un, « dirigeant » nord-coréen : C++ ?"),
            ["Kim", "Jong", "un", "dirigeant", "nord", "coréen", "C"]
        );
        assert_eq!(
            words("10\u{A0}000 soldats\u{202F}!"),
            ["10", "000", "soldats"]
        );
    }

    #[test]
    fn apostrophes_join_only_between_words() {
        assert_eq!(words("l’Ukraine d'armes"), ["l’Ukraine", "d'armes"]);
        assert_eq!(words("l' « Europe »"), ["l", "Europe"]);
        assert_eq!(words("les 'guillemets'"), ["les", "guillemets"]);
    }

    #[test]
    fn soft_hyphens_and_combining_marks_stay_inside_words() {
        assert_eq!(words("sécu\u{AD}rité"), ["sécu\u{AD}rité"]);
        assert_eq!(words("Se\u{301}oul"), ["Se\u{301}oul"]);
    }

    #[test]
    fn word_characters_agree_with_unicode() {
        for character in ('\u{80}'..='\u{2FFF}').chain(['\u{1F600}']) {
            assert_eq!(
                is_word_char(character),
                character.is_alphanumeric() || is_combining_mark(character),
                "{character:?}"
            );
        }
    }

    /// The definition, one character at a time: `next_word` must find the same words.
    fn words_by_definition(text: &str) -> Vec<&str> {
        let characters: Vec<(usize, char)> = text.char_indices().collect();
        let mut found = Vec::new();
        let mut index = 0;
        while index < characters.len() {
            if !is_word_char(characters[index].1) {
                index += 1;
                continue;
            }
            let start = characters[index].0;
            let mut end = start;
            while let Some(&(offset, character)) = characters.get(index) {
                let joins_next = characters
                    .get(index + 1)
                    .is_some_and(|&(_, next)| is_word_char(next) || is_invisible(next));
                if is_word_char(character)
                    || (is_invisible(character) || is_apostrophe(character)) && joins_next
                {
                    end = offset + character.len_utf8();
                    index += 1;
                } else {
                    break;
                }
            }
            found.push(&text[start..end]);
            index += 1;
        }
        found
    }

    #[test]
    fn segmentation_follows_the_definition() {
        let pieces = [
            "a", "Z", "0", "é", "œ", "'", "’", "\u{AD}", "\u{200D}", "\u{301}", " ", "-", "«",
            "\u{A0}", ".", "日",
        ];
        // Every sequence of up to four pieces.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            texts = texts
                .iter()
                .flat_map(|text| pieces.iter().map(move |piece| format!("{text}{piece}")))
                .collect();
            for text in &texts {
                assert_eq!(words(text), words_by_definition(text), "{text:?}");
            }
        }
    }

    #[test]
    fn empty_and_punctuation_only_text() {
        assert!(words("").is_empty());
        assert!(words(" ?! -- … ").is_empty());
    }
}
