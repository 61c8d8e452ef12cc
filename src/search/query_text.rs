//! Reading what the user typed: words, "quoted phrases" and -exclusions; any text is a valid query.

/// One part of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The text of the word or phrase, before analysis.
    pub text: String,
    /// Quoted: its words must stand together, in order.
    pub is_phrase: bool,
    /// Prefixed with `-`: matching articles are left out.
    pub is_excluded: bool,
}

/// Splits query text into clauses. Never fails: an unclosed quote runs to the end,
/// punctuation is left to the analyzer (which drops it), and `-` only excludes when it
/// starts a word.
pub fn parse_query_text(text: &str) -> Vec<Clause> {
    let mut clauses = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let (is_excluded, after_sign) = match rest.strip_prefix('-') {
            Some(after) if after.starts_with(|c: char| !c.is_whitespace() && c != '-') => {
                (true, after)
            }
            _ => (false, rest),
        };
        let (clause_text, is_phrase, remainder) = match after_sign.strip_prefix(is_quote) {
            Some(quoted) => {
                let end = quoted.find(is_quote).unwrap_or(quoted.len());
                let closing = quoted[end..].chars().next().map_or(0, char::len_utf8);
                (&quoted[..end], true, &quoted[end + closing..])
            }
            None => {
                let end = after_sign
                    .find(char::is_whitespace)
                    .unwrap_or(after_sign.len());
                (&after_sign[..end], false, &after_sign[end..])
            }
        };
        if !clause_text.trim().is_empty() {
            clauses.push(Clause {
                text: clause_text.trim().to_string(),
                is_phrase,
                is_excluded,
            });
        }
        rest = remainder.trim_start();
    }
    clauses
}

fn is_quote(character: char) -> bool {
    matches!(character, '"' | '“' | '”' | '«' | '»')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(text: &str, is_phrase: bool, is_excluded: bool) -> Clause {
        Clause {
            text: text.to_string(),
            is_phrase,
            is_excluded,
        }
    }

    #[test]
    fn words_phrases_and_exclusions() {
        assert_eq!(
            parse_query_text(r#"Séoul "Corée du Nord" -Russie -"Corée du Sud""#),
            [
                clause("Séoul", false, false),
                clause("Corée du Nord", true, false),
                clause("Russie", false, true),
                clause("Corée du Sud", true, true),
            ]
        );
    }

    #[test]
    fn typographic_quotes_and_unclosed_quotes() {
        assert_eq!(
            parse_query_text("« Kim Jong-un »"),
            [clause("Kim Jong-un", true, false)]
        );
        assert_eq!(
            parse_query_text("\"Corée du"),
            [clause("Corée du", true, false)]
        );
    }

    #[test]
    fn plain_text_never_fails() {
        assert_eq!(
            parse_query_text("Macron: réforme"),
            [
                clause("Macron:", false, false),
                clause("réforme", false, false)
            ]
        );
        assert_eq!(
            parse_query_text("C++ ?"),
            [clause("C++", false, false), clause("?", false, false)]
        );
        assert_eq!(
            parse_query_text("- -- \"\""),
            [clause("-", false, false), clause("--", false, false)]
        );
        assert!(parse_query_text("   ").is_empty());
    }
}
