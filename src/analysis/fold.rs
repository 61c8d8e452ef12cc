//! Case and accent folding: "Élysée" → "elysee", "Œuvre" → "oeuvre", NFC and NFD alike.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends the lowercase, accent-free form of `text` to `output`.
///
/// Diacritics are dropped whether the text is precomposed (NFC) or decomposed (NFD);
/// ligatures and a few letters without a decomposition are spelled out in ASCII;
/// every apostrophe variant becomes `'`; soft hyphens and invisible joiners vanish.
pub(crate) fn fold_into(text: &str, output: &mut String) {
    if text.is_ascii() {
        output.extend(
            text.bytes()
                .map(|byte| char::from(byte.to_ascii_lowercase())),
        );
        return;
    }
    for character in text.chars() {
        fold_char(character, output);
    }
}

/// The folded form of `text` as a new string.
pub fn fold(text: &str) -> String {
    let mut output = String::with_capacity(text.len());
    fold_into(text, &mut output);
    output
}

fn fold_char(character: char, output: &mut String) {
    if character.is_ascii() {
        output.push(character.to_ascii_lowercase());
        return;
    }
    if is_invisible(character) {
        return;
    }
    if is_apostrophe(character) {
        output.push('\'');
        return;
    }
    for lower in character.to_lowercase() {
        match lower {
            'œ' => output.push_str("oe"),
            'æ' => output.push_str("ae"),
            'ß' => output.push_str("ss"),
            'ø' => output.push('o'),
            'ł' => output.push('l'),
            'đ' | 'ð' => output.push('d'),
            'þ' => output.push_str("th"),
            'ı' => output.push('i'),
            _ => decompose_canonical(lower, |part| {
                if !is_combining_mark(part) {
                    output.push(part);
                }
            }),
        }
    }
}

/// Characters that may sit inside a word without being seen: soft hyphen, joiners, BOM.
pub(crate) fn is_invisible(character: char) -> bool {
    matches!(
        character,
        '\u{AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The straight apostrophe and its typographic look-alikes.
pub(crate) fn is_apostrophe(character: char) -> bool {
    matches!(
        character,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        let table = [
            ("Corée", "coree"),
            ("SÉOUL", "seoul"),
            ("Élysée", "elysee"),
            ("défense", "defense"),
            ("Œuvre", "oeuvre"),
            ("nævus", "naevus"),
            ("Straße", "strasse"),
            ("ça", "ca"),
            ("naïf", "naif"),
            ("où", "ou"),
            ("Kim", "kim"),
        ];
        for (input, expected) in table {
            assert_eq!(fold(input), expected, "{input}");
        }
    }

    #[test]
    fn nfc_and_nfd_fold_alike() {
        let nfc = "sécurité";
        let nfd = "se\u{301}curite\u{301}";
        assert_ne!(nfc, nfd);
        assert_eq!(fold(nfc), fold(nfd));
        assert_eq!(fold(nfd), "securite");
    }

    #[test]
    fn apostrophes_and_invisible_characters() {
        assert_eq!(fold("l’Ukraine"), "l'ukraine");
        assert_eq!(fold("aujourd\u{2BC}hui"), "aujourd'hui");
        assert_eq!(fold("sécu\u{AD}rité"), "securite");
        assert_eq!(fold("\u{FEFF}Paris"), "paris");
    }
}
