//! Interrogative words ("combien", "pourquoi"): the shape of a question, not its subject.

use crate::analysis::fold::fold;

/// Words that ask rather than name, folded. They are rare in articles, so BM25 would weigh
/// them heavily although they say nothing of the subject; a query drops them when it has
/// other words. (The determiners "quel", "quelle"... are stop words everywhere.)
const QUESTION_WORDS: [&str; 10] = [
    "combien",
    "comment",
    "dont",
    "laquelle",
    "lequel",
    "lesquelles",
    "lesquels",
    "pourquoi",
    "quand",
    "quoi",
];

/// Whether a query word only asks.
pub(crate) fn is_question_word(word: &str) -> bool {
    QUESTION_WORDS.contains(&fold(word).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interrogatives_in_any_case_are_question_words() {
        for word in ["Combien", "pourquoi", "QUAND", "Lesquels"] {
            assert!(is_question_word(word), "{word}");
        }
        for word in ["Corée", "quant", "combat", "comment-faire"] {
            assert!(!is_question_word(word), "{word}");
        }
    }
}
