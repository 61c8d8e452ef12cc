//! The keyword analyzer: a whole field value as one folded term, for exact filters on category, author and source.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::fold::fold_into;

/// Emits the whole text as one term, folded and with its white space collapsed,
/// so that `--category "économie"` matches a page whose category is "Economie".
#[derive(Clone, Default)]
pub(crate) struct KeywordTokenizer;

pub(crate) struct KeywordTokenStream {
    token: Token,
    emitted: bool,
}

impl Tokenizer for KeywordTokenizer {
    type TokenStream<'a> = KeywordTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> KeywordTokenStream {
        let token = Token {
            text: keyword(text),
            offset_to: text.len(),
            position: 0,
            ..Token::default()
        };
        KeywordTokenStream {
            emitted: token.text.is_empty(),
            token,
        }
    }
}

impl TokenStream for KeywordTokenStream {
    fn advance(&mut self) -> bool {
        let has_token = !self.emitted;
        self.emitted = true;
        has_token
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The term a keyword value is indexed and searched as.
pub fn keyword(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for (index, part) in text.split_whitespace().enumerate() {
        if index > 0 {
            folded.push(' ');
        }
        fold_into(part, &mut folded);
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_is_folded_and_trimmed() {
        assert_eq!(
            keyword("  Économie\u{A0} et  Société "),
            "economie et societe"
        );
        assert_eq!(keyword(""), "");
    }
}
