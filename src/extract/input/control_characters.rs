//! Terminal escape sequences and control characters removed from extracted text, so that nothing read from a file can drive the user's terminal.
//!
//! A page or record may carry ANSI escape sequences (colours, cursor moves, window titles)
//! and stray control characters (bell, backspace, NUL). They are never article text: they
//! are removed from every field before an article is indexed, and [`without_escape_sequences`]
//! lets binary detection look past them.

use std::borrow::Cow;

/// The escape character that starts every terminal control sequence.
const ESCAPE: char = '\u{1B}';
/// The one-character form of `ESC [` (C1 CSI).
const CONTROL_SEQUENCE_INTRODUCER: char = '\u{9B}';
/// Ends an operating system command (OSC) or device control string, besides `ESC \`.
const BELL: char = '\u{7}';

/// `text` without terminal escape sequences and without control characters other than
/// line breaks, tabs and form feeds (borrowed when it has none, as nearly all text).
pub(crate) fn printable_text(text: &str) -> Cow<'_, str> {
    if !has_unprintable(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        without_escape_sequences(text)
            .chars()
            .filter(|character| !is_unprintable(*character))
            .collect(),
    )
}

/// Whether `text` holds a character [`is_unprintable`] refuses, found from its UTF-8 bytes:
/// C0 and DEL are single bytes, C1 is `C2 80` to `C2 9F` (the escape sequences start with
/// ESC or C1 CSI, so they are found too).
fn has_unprintable(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(at, &byte)| match byte {
        b'\t' | b'\n' | 0x0C | b'\r' => false,
        0..=0x1F | 0x7F => true,
        0xC2 => bytes.get(at + 1).is_some_and(|&next| next <= 0x9F),
        _ => false,
    })
}

/// A control character that text never needs: everything in C0, DEL and C1 but tab, line
/// feed, form feed and carriage return.
fn is_unprintable(character: char) -> bool {
    character.is_control() && !matches!(character, '\t' | '\n' | '\u{C}' | '\r')
}

/// `text` with every escape sequence removed: CSI (`ESC [ … final`, or C1 CSI), string commands
/// (`ESC ]`, `ESC P`, `ESC _`, `ESC ^`, `ESC X`, ended by BEL or `ESC \`), and two-character
/// escapes. Other characters, control characters included, are kept.
pub(crate) fn without_escape_sequences(text: &str) -> String {
    if !text.contains([ESCAPE, CONTROL_SEQUENCE_INTRODUCER]) {
        return text.to_string();
    }
    let mut kept = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        let introducer = match character {
            ESCAPE => characters.next(),
            CONTROL_SEQUENCE_INTRODUCER => Some('['),
            _ => {
                kept.push(character);
                continue;
            }
        };
        match introducer {
            Some('[') => {
                // Parameter and intermediate bytes, then one final byte.
                while let Some(&next) = characters.peek() {
                    if ('\u{20}'..='\u{3F}').contains(&next) {
                        characters.next();
                        continue;
                    }
                    if ('\u{40}'..='\u{7E}').contains(&next) {
                        characters.next();
                    }
                    break;
                }
            }
            Some(']' | 'P' | '_' | '^' | 'X') => {
                while let Some(next) = characters.next() {
                    if next == BELL {
                        break;
                    }
                    if next == ESCAPE && characters.peek() == Some(&'\\') {
                        characters.next();
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_codes_and_cursor_moves_go() {
        assert_eq!(
            printable_text("Titre \u{1b}[31;1mrouge\u{1b}[0m et \u{1b}[2Jeffacé"),
            "Titre rouge et effacé"
        );
    }

    #[test]
    fn window_title_commands_go_whole() {
        assert_eq!(
            printable_text("a\u{1b}]0;pris\u{7}b\u{1b}]2;aussi\u{1b}\\c"),
            "abc"
        );
        assert_eq!(printable_text("fin\u{1b}]0;jamais terminé"), "fin");
    }

    #[test]
    fn stray_controls_go_and_layout_stays() {
        assert_eq!(
            printable_text("cloche\u{7} retour\u{8} nul\u{0} del\u{7F} c1\u{9B}"),
            "cloche retour nul del c1"
        );
        assert_eq!(printable_text("\u{9B}31mRouge"), "Rouge");
        assert_eq!(printable_text("un\n\tdeux\r\n"), "un\n\tdeux\r\n");
        assert_eq!(printable_text("a\u{1b}"), "a");
        assert_eq!(printable_text("a\u{1b}c"), "a");
        assert_eq!(printable_text("a\u{1b}[1\nb"), "a\nb");
    }

    #[test]
    fn unprintable_characters_are_found_by_their_bytes() {
        for character in '\0'..='\u{3000}' {
            let text = format!("a{character}b");
            assert_eq!(
                has_unprintable(&text),
                is_unprintable(character),
                "{character:?}"
            );
        }
        assert!(matches!(printable_text("Élysée\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_only() {
        assert_eq!(
            without_escape_sequences("\u{1b}[1mgras\u{1b}[0m\u{7}"),
            "gras\u{7}"
        );
        assert_eq!(without_escape_sequences("Élysée"), "Élysée");
    }
}
