//! Text bound for a terminal with its control characters shown escaped (`\u{1b}`), never sent raw.

use std::borrow::Cow;

/// `text` with every control character but the tab written as its Rust escape (`\u{1b}`,
/// `\n`), so that a title, a snippet or a file name cannot move the cursor, change colours
/// or rename the terminal window.
pub(crate) fn terminal_safe(text: &str) -> Cow<'_, str> {
    escaped(text, |character| character != '\t')
}

/// The same for text of several lines (an article's body): line breaks are kept.
pub(crate) fn terminal_safe_lines(text: &str) -> Cow<'_, str> {
    escaped(text, |character| !matches!(character, '\t' | '\n'))
}

/// `text` with the control characters `escapes` accepts written as Rust escapes.
fn escaped(text: &str, escapes: impl Fn(char) -> bool) -> Cow<'_, str> {
    let is_escaped = |character: char| character.is_control() && escapes(character);
    if !text.chars().any(is_escaped) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for character in text.chars() {
        if is_escaped(character) {
            safe.extend(character.escape_default());
        } else {
            safe.push(character);
        }
    }
    Cow::Owned(safe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_escaped() {
        assert_eq!(
            terminal_safe("a\u{1b}[31mb\u{7}\nc\u{9b}"),
            "a\\u{1b}[31mb\\u{7}\\nc\\u{9b}"
        );
        assert!(matches!(terminal_safe("Corée\tdu Nord"), Cow::Borrowed(_)));
        assert_eq!(
            terminal_safe_lines("un\n\u{1b}[2Jdeux"),
            "un\n\\u{1b}[2Jdeux"
        );
    }
}
