//! French stop words (the Snowball list and a few more, folded): too common to tell articles apart.

/// The Snowball French stop list, plus the determiners and pronouns it lacks ("quel",
/// "cette", "cela", "leurs"...; tantivy's and Lucene's French lists have them), folded as the
/// analyzer folds, sorted for binary search. BENCHMARKS.md gives what the additions change.
pub(crate) const STOP_WORDS: [&str; 165] = [
    "a", "ai", "aie", "aient", "aies", "ait", "as", "au", "aura", "aurai", "auraient", "aurais",
    "aurait", "auras", "aurez", "auriez", "aurions", "aurons", "auront", "aux", "avaient", "avais",
    "avait", "avec", "avez", "aviez", "avions", "avons", "ayant", "ayante", "ayantes", "ayants",
    "ayez", "ayons", "c", "ce", "ceci", "cela", "ces", "cet", "cette", "d", "dans", "de", "des",
    "du", "elle", "en", "es", "est", "et", "etaient", "etais", "etait", "etant", "etante",
    "etantes", "etants", "ete", "etee", "etees", "etes", "etiez", "etions", "eu", "eue", "eues",
    "eumes", "eurent", "eus", "eusse", "eussent", "eusses", "eussiez", "eussions", "eut", "eutes",
    "eux", "fumes", "furent", "fus", "fusse", "fussent", "fusses", "fussiez", "fussions", "fut",
    "futes", "ici", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m",
    "ma", "mais", "me", "meme", "mes", "moi", "mon", "n", "ne", "nos", "notre", "nous", "on",
    "ont", "ou", "par", "pas", "pour", "qu", "que", "quel", "quelle", "quelles", "quels", "qui",
    "s", "sa", "se", "sera", "serai", "seraient", "serais", "serait", "seras", "serez", "seriez",
    "serions", "serons", "seront", "ses", "soi", "soient", "sois", "soit", "sommes", "son", "sont",
    "soyez", "soyons", "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une",
    "vos", "votre", "vous", "y",
];

/// Whether a folded word is a stop word.
pub(crate) fn is_stop_word(folded_word: &str) -> bool {
    folded_word.len() <= 8 && STOP_WORDS.binary_search(&folded_word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fold::fold;

    #[test]
    fn list_is_sorted_and_folded() {
        assert!(STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(STOP_WORDS.iter().all(|word| fold(word) == *word));
        assert!(STOP_WORDS.iter().all(|word| word.len() <= 8));
    }

    #[test]
    fn common_words_are_stop_words() {
        for word in [
            "de", "la", "du", "un", "est", "ete", "a", "qu", "meme", "quelle", "cette",
        ] {
            assert!(is_stop_word(word), "{word}");
        }
        for word in ["coree", "nord", "kim", "securite", "guerre"] {
            assert!(!is_stop_word(word), "{word}");
        }
    }
}
