//! Character references (`&eacute;`, `&#039;`) in text that the tokenizer did not see: JSON-LD strings and attribute values copied from markup.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::{RawKind, State};
use html5ever::tokenizer::{
    BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// `text` with its character references decoded as HTML decodes them in running text.
pub(crate) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    // Read as the content of a `<textarea>`: references are decoded, tags are not tags.
    let opts = TokenizerOpts {
        initial_state: Some(State::RawData(RawKind::Rcdata)),
        last_start_tag_name: Some("textarea".to_string()),
        ..TokenizerOpts::default()
    };
    let tokenizer = Tokenizer::new(TextSink::default(), opts);
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    Cow::Owned(tokenizer.sink.text.take())
}

#[derive(Default)]
struct TextSink {
    text: RefCell<String>,
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line_number: u64) -> TokenSinkResult<()> {
        match token {
            Token::CharacterTokens(text) => self.text.borrow_mut().push_str(&text),
            Token::TagToken(_) => self.text.borrow_mut().push_str("</textarea>"),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded() {
        assert_eq!(
            decode_entities("l&#039;&eacute;t&eacute; &amp; l&rsquo;hiver"),
            "l'été & l\u{2019}hiver"
        );
        assert_eq!(decode_entities("a < b & c"), "a < b & c");
        assert!(matches!(
            decode_entities("sans référence"),
            Cow::Borrowed(_)
        ));
    }
}
