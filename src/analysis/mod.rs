//! French text analysis: the analyzers registered on every index and the helper that runs them outside tantivy.

mod compounds;
mod elision;
pub mod fold;
mod french_tokenizer;
mod keyword_tokenizer;
pub(crate) mod stop_words;
mod word_cache;
mod words;

use std::cell::RefCell;
use std::ops::Range;

use tantivy::tokenizer::{TextAnalyzer, TokenStream, Tokenizer, TokenizerManager};

pub(crate) use french_tokenizer::FirstBytes;
pub use french_tokenizer::{FrenchTokenizer, MAX_WORD_BYTES};

use french_tokenizer::fold_and_elide;
pub use keyword_tokenizer::keyword;
pub(crate) use keyword_tokenizer::KeywordTokenizer;
use words::next_word;

pub(crate) use compounds::{CompoundStopWords, HYPHENS};
pub(crate) use elision::ELIDED;
pub(crate) use stop_words::STOP_WORDS;

/// Name under which the French analyzer is registered (title and body).
pub(crate) const FRENCH_ANALYZER: &str = "newsearch_french";
/// Name under which the keyword analyzer is registered (category, author, source).
pub(crate) const KEYWORD_ANALYZER: &str = "newsearch_keyword";

/// Registers the analyzers. Tantivy does not save custom analyzers in the index, so this
/// runs on every open: without it, queries would silently use another analyzer.
pub fn register(tokenizers: &TokenizerManager) {
    tokenizers.register(
        FRENCH_ANALYZER,
        TextAnalyzer::from(FrenchTokenizer::default()),
    );
    tokenizers.register(KEYWORD_ANALYZER, TextAnalyzer::from(KeywordTokenizer));
}

/// One term of analysed text, where it stands and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalyzedToken {
    pub term: String,
    /// Word position, counting the words the analyzer dropped (stop words), as in the index.
    pub position: usize,
    /// Byte range of the word in the analysed text (without an elided article).
    pub offsets: Range<usize>,
}

thread_local! {
    /// One analyzer of article text per thread, so that snippets reuse its stem cache.
    static THREAD_TOKENIZER: RefCell<FrenchTokenizer> = RefCell::new(FrenchTokenizer::default());
    /// One analyzer of queries per thread.
    static THREAD_QUERY_TOKENIZER: RefCell<FrenchTokenizer> =
        RefCell::new(FrenchTokenizer::for_queries());
}

/// Runs the French analyzer on `text`, exactly as the index does.
pub fn analyze(text: &str) -> Vec<AnalyzedToken> {
    THREAD_TOKENIZER.with_borrow_mut(|tokenizer| tokens_of(tokenizer, text))
}

/// Runs the French analyzer on the text of a query: as [`analyze`], except that the stop
/// words inside a hyphenated compound are kept whatever its case ("notre-dame" is the name,
/// as "Notre-Dame" is in articles).
pub fn analyze_query(text: &str) -> Vec<AnalyzedToken> {
    THREAD_QUERY_TOKENIZER.with_borrow_mut(|tokenizer| tokens_of(tokenizer, text))
}

fn tokens_of(tokenizer: &mut FrenchTokenizer, text: &str) -> Vec<AnalyzedToken> {
    let mut tokens = Vec::new();
    let mut stream = tokenizer.token_stream(text);
    while let Some(token) = stream.next() {
        tokens.push(AnalyzedToken {
            term: token.text.clone(),
            position: token.position,
            offsets: token.offset_from..token.offset_to,
        });
    }
    tokens
}

/// Calls `visit` with the byte range and term of each word of `text` whose term starts with
/// one of `first_bytes`, skipping the analysis of the other words (see
/// [`FrenchTokenizer::for_each_term_starting`]).
pub(crate) fn for_each_term_starting(
    text: &str,
    first_bytes: &FirstBytes,
    visit: impl FnMut(Range<usize>, &str),
) {
    THREAD_TOKENIZER
        .with_borrow_mut(|tokenizer| tokenizer.for_each_term_starting(text, first_bytes, visit));
}

/// The terms of `text`, in order.
pub fn terms(text: &str) -> Vec<String> {
    analyze(text).into_iter().map(|token| token.term).collect()
}

/// The terms of the text of a query, in order (see [`analyze_query`]).
pub fn query_terms(text: &str) -> Vec<String> {
    analyze_query(text)
        .into_iter()
        .map(|token| token.term)
        .collect()
}

/// The words of `text` folded and without elided articles, but neither stemmed nor
/// filtered: the form a prefix (`l'écono*` → `econo`) is compared with.
pub(crate) fn folded_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_folded_word(text, |word| words.push(word.to_string()));
    words
}

/// Calls `visit` with each word of `text` as [`folded_words`] gives them, reusing one buffer.
/// A folded word is letters, digits and apostrophes: never whitespace.
pub(crate) fn for_each_folded_word(text: &str, mut visit: impl FnMut(&str)) {
    let mut cursor = 0;
    let mut folded = String::new();
    while let Some(word) = next_word(text, &mut cursor) {
        fold_and_elide(&text[word], &mut folded);
        if !folded.is_empty() {
            visit(&folded);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elisions_with_both_apostrophes() {
        for article in [
            "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
        ] {
            for apostrophe in ['\'', '’'] {
                let text = format!("{article}{apostrophe}Ukraine");
                assert_eq!(terms(&text), terms("Ukraine"), "{text}");
            }
        }
        assert_eq!(terms("l'economie"), terms("économie"));
    }

    #[test]
    fn folded_words_are_not_stemmed() {
        assert_eq!(folded_words("l’Écono"), ["econo"]);
        assert_eq!(folded_words("Nord-Coré"), ["nord", "core"]);
    }

    /// Near-duplicate signatures hash folded words as single words.
    #[test]
    fn folded_words_never_hold_whitespace() {
        let mut text = String::new();
        for character in (0..=0x10FFFF).filter_map(char::from_u32) {
            text.clear();
            text.extend(['a', character, 'b', '\'', character]);
            for_each_folded_word(&text, |word| {
                assert!(!word.contains(char::is_whitespace), "{character:?}");
            });
        }
    }

    #[test]
    fn elided_article_is_not_highlighted() {
        let text = "contre l’Ukraine";
        let token = &analyze(text)[1];
        assert_eq!(&text[token.offsets.clone()], "Ukraine");
    }

    /// The fold-then-stem decision: each pair must analyse to the same terms.
    #[test]
    fn accents_do_not_matter() {
        let pairs = [
            ("Corée", "coree"),
            ("Séoul", "seoul"),
            ("sécurité", "securite"),
            ("Élysée", "elysee"),
            ("réforme", "reforme"),
            ("défense", "defense"),
            ("coréens", "coreens"),
            ("nord-coréenne", "nord-coreenne"),
            ("États-Unis", "Etats-Unis"),
            ("élection", "election"),
            ("élections", "elections"),
            ("président", "president"),
            ("présidente", "presidente"),
            ("ministère", "ministere"),
            ("étrangères", "etrangeres"),
            ("économie", "economie"),
            ("économique", "economique"),
            ("société", "societe"),
            ("fédéral", "federal"),
            ("européenne", "europeenne"),
            ("Européens", "Europeens"),
            ("assemblée", "assemblee"),
            ("député", "depute"),
            ("députés", "deputes"),
            ("santé", "sante"),
            ("épidémie", "epidemie"),
            ("vaccinés", "vaccines"),
            ("côte", "cote"),
            ("hôpital", "hopital"),
            ("hôpitaux", "hopitaux"),
            ("forêt", "foret"),
            ("intérêt", "interet"),
            ("âgé", "age"),
            ("théâtre", "theatre"),
            ("être", "etre"),
            ("grève", "greve"),
            ("grèves", "greves"),
            ("créé", "cree"),
            ("réfugiés", "refugies"),
            ("sénat", "senat"),
            ("sénateurs", "senateurs"),
            ("Israël", "Israel"),
            ("Noël", "Noel"),
            ("naïve", "naive"),
            ("Haïti", "Haiti"),
            ("août", "aout"),
            ("Bénin", "Benin"),
            ("Sébastien", "Sebastien"),
            ("Zoé", "Zoe"),
            ("Moyen-Orient", "moyen-orient"),
            ("énergie", "energie"),
            ("écologie", "ecologie"),
            ("déployés", "deployes"),
            ("armée", "armee"),
            ("Pékin", "Pekin"),
            ("général", "general"),
            ("œuvre", "oeuvre"),
            ("cœur", "coeur"),
        ];
        assert!(pairs.len() >= 50);
        for (accented, plain) in pairs {
            let expected = terms(accented);
            assert!(!expected.is_empty(), "{accented}");
            assert_eq!(terms(plain), expected, "{accented} / {plain}");
            assert_eq!(
                terms(&accented.to_uppercase()),
                expected,
                "{accented} in capitals"
            );
        }
    }

    #[test]
    fn inflections_conflate() {
        let groups: [&[&str]; 6] = [
            &["soldat", "soldats"],
            &["coréen", "coréens", "coréenne", "coréennes"],
            &["ukrainien", "ukrainienne", "ukrainiens"],
            &["menace", "menaces"],
            &["missile", "missiles"],
            &["militaire", "militaires"],
        ];
        for group in groups {
            let expected = terms(group[0]);
            for word in group {
                assert_eq!(terms(word), expected, "{word} vs {}", group[0]);
            }
        }
    }

    #[test]
    fn stop_words_leave_position_gaps() {
        let tokens = analyze("la Corée du Nord");
        let positions: Vec<(&str, usize)> = tokens
            .iter()
            .map(|t| (t.term.as_str(), t.position))
            .collect();
        assert_eq!(positions, [(terms("Corée")[0].as_str(), 1), ("nord", 3)]);
    }

    #[test]
    fn name_spellings_analyse_alike() {
        let expected = analyze("Kim Jong-un");
        for variant in ["Kim Jong Un", "Kim Jong-Un", "KIM JONG-UN", "kim jong un"] {
            assert_eq!(
                analyze(variant)
                    .iter()
                    .map(|t| (&t.term, t.position))
                    .collect::<Vec<_>>(),
                expected
                    .iter()
                    .map(|t| (&t.term, t.position))
                    .collect::<Vec<_>>(),
                "{variant}"
            );
        }
    }

    fn terms_at(text: &str) -> Vec<(String, usize)> {
        analyze(text)
            .into_iter()
            .map(|token| (token.term, token.position))
            .collect()
    }

    /// A stop word inside a hyphenated name is a term at its own position; alone, it is not.
    #[test]
    fn names_keep_their_small_words() {
        let notre = terms("notre")[..].to_vec();
        assert!(notre.is_empty());
        let name = terms_at("la cathédrale Notre-Dame de Paris");
        let expected = [("cathedral", 1), ("notr", 2), ("dam", 3), ("paris", 5)];
        assert_eq!(
            name,
            expected.map(|(term, position)| (term.to_string(), position))
        );
        assert_eq!(terms_at("Notre-Dame"), terms_at("NOTRE-DAME"));
        assert_eq!(terms("Aix-en-Provence"), ["aix", "en", "provenc"]);
        assert_eq!(
            terms("Saint-Germain-des-Prés"),
            ["saint", "germain", "de", "pre"]
        );
        assert_eq!(terms("l’Île-de-France"), ["ile", "de", "franc"]);
        // The pronouns of a question and a name's last syllable stay dropped.
        assert_eq!(terms("Combien a-t-elle tirés"), terms("Combien tirés"));
        assert_eq!(terms("Kim Jong-un"), ["kim", "jong"]);
    }

    /// A compound in lower case is no name in an article ("c'est-à-dire" would lengthen
    /// every article that says it), but it is in a query: "notre-dame" typed means the name.
    #[test]
    fn compounds_in_lower_case_keep_their_small_words_in_queries_only() {
        assert_eq!(terms("c'est-à-dire"), terms("dire"));
        assert_eq!(terms("notre-dame"), ["dam"]);
        assert_eq!(query_terms("notre-dame"), terms("Notre-Dame"));
        assert_eq!(query_terms("aix-en-provence"), terms("Aix-en-Provence"));
        let positions = |tokens: Vec<AnalyzedToken>| -> Vec<usize> {
            tokens.iter().map(|token| token.position).collect()
        };
        assert_eq!(positions(analyze_query("notre-dame")), [0, 1]);
        assert_eq!(
            query_terms("Combien a-t-elle tirés"),
            terms("Combien tirés")
        );
    }

    #[test]
    fn kept_small_words_are_highlighted_like_the_index_has_them() {
        let text = "Après Notre-Dame, notre cathédrale";
        let mut found = Vec::new();
        for_each_term_starting(text, &FirstBytes::of(["notr", "dam"]), |range, term| {
            found.push((text[range].to_string(), term.to_string()));
        });
        assert_eq!(
            found,
            [("Notre", "notr"), ("Dame", "dam")].map(|(w, t)| (w.to_string(), t.to_string()))
        );
    }

    #[test]
    fn unicode_forms_and_spaces() {
        assert_eq!(terms("Se\u{301}oul"), terms("Séoul"));
        assert_eq!(terms("sécu\u{AD}rité"), terms("sécurité"));
        assert_eq!(terms("10\u{202F}000\u{A0}soldats"), ["10", "000", "soldat"]);
        assert_eq!(terms("“coopération”"), terms("coopération"));
    }

    #[test]
    fn long_words_are_dropped_but_counted() {
        let long_word = "x".repeat(MAX_WORD_BYTES + 1);
        let tokens = analyze(&format!("avant {long_word} après"));
        assert_eq!(tokens.len(), 2);
        assert_eq!(tokens[1].position, 2);
    }

    #[test]
    fn registered_analyzer_matches_analyze() {
        let manager = TokenizerManager::default();
        register(&manager);
        let mut analyzer = manager.get(FRENCH_ANALYZER).unwrap();
        let mut stream = analyzer.token_stream("Les soldats nord-coréens");
        let mut seen = Vec::new();
        while let Some(token) = stream.next() {
            seen.push(token.text.clone());
        }
        assert_eq!(seen, terms("Les soldats nord-coréens"));
    }
}
