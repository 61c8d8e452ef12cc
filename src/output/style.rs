//! Terminal styling: ANSI bold and colours only when they are wanted (a terminal, no NO_COLOR).

use std::io::IsTerminal;

use crate::cli::ColorChoice;

/// Whether to style text, and how.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    enabled: bool,
}

impl Style {
    /// Styling for stdout as the user asked: `auto` styles only a terminal, and never when
    /// `NO_COLOR` is set to a non-empty value.
    pub(crate) fn for_stdout(choice: ColorChoice) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        let enabled = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
        };
        Style { enabled }
    }

    #[cfg(test)]
    pub(crate) fn plain() -> Style {
        Style { enabled: false }
    }

    fn paint(self, codes: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{codes}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub(crate) fn title(self, text: &str) -> String {
        self.paint("1", text)
    }

    pub(crate) fn match_highlight(self, text: &str) -> String {
        self.paint("1;31", text)
    }

    pub(crate) fn metadata(self, text: &str) -> String {
        self.paint("32", text)
    }

    pub(crate) fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_style_adds_nothing() {
        assert_eq!(Style::plain().title("Corée"), "Corée");
        assert_eq!(
            Style::for_stdout(ColorChoice::Never).match_highlight("Corée"),
            "Corée"
        );
    }

    #[test]
    fn forced_style_uses_ansi_codes() {
        assert_eq!(
            Style::for_stdout(ColorChoice::Always).title("Corée"),
            "\x1b[1mCorée\x1b[0m"
        );
    }
}
