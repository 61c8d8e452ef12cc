//! French elision: the article glued by an apostrophe ("l'", "qu'", "jusqu'") is not a word of its own.

/// Articles and conjunctions that French elides before a vowel, as they appear folded.
pub(crate) const ELIDED: [&str; 13] = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// How many bytes of a folded word an elided article takes, apostrophe included:
/// `Some(2)` for "l'ukraine", `Some(6)` for "jusqu'a", `None` for "aujourd'hui".
pub(super) fn elided_prefix_len(folded_word: &str) -> Option<usize> {
    let apostrophe = folded_word.find('\'')?;
    ELIDED
        .contains(&&folded_word[..apostrophe])
        .then_some(apostrophe + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(word: &str) -> &str {
        &word[elided_prefix_len(word).unwrap_or(0)..]
    }

    #[test]
    fn every_elided_article_is_stripped() {
        let table = [
            ("l'economie", "economie"),
            ("d'armes", "armes"),
            ("j'ai", "ai"),
            ("m'a", "a"),
            ("n'est", "est"),
            ("s'inquiete", "inquiete"),
            ("t'attend", "attend"),
            ("c'est", "est"),
            ("qu'un", "un"),
            ("jusqu'au", "au"),
            ("lorsqu'il", "il"),
            ("puisqu'elle", "elle"),
            ("quoiqu'on", "on"),
        ];
        for (word, expected) in table {
            assert_eq!(strip(word), expected, "{word}");
        }
    }

    #[test]
    fn other_apostrophes_stay() {
        assert_eq!(strip("aujourd'hui"), "aujourd'hui");
        assert_eq!(strip("o'brien"), "o'brien");
        assert_eq!(strip("economie"), "economie");
    }
}
