//! Text bound for a terminal with its control characters shown escaped (`\u{1b}`), never sent raw.

use std::borrow::Cow;

/// `text` with every control character but the tab written as its Rust escape (`\u{1b}`,
/// `\n`), so that a title, a snippet or a file name cannot move the cursor, change colours
/// or rename the terminal window.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
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

fn is_escaped(character: char) -> bool {
    character.is_control() && character != '\t'
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
    }
}
