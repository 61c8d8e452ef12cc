//! The command line before clap reads it: in `newsearch query`, text that starts with `-` (an exclusion: `-nucléaire`, `-"Corée du Sud"`) is query text, not an option.
//!
//! clap reads every argument that starts with `-` as an option, so `query Macron -nucléaire`
//! failed as `-n ucléaire`. Letting clap take hyphenated values in the text instead would
//! swallow real options (`query Macron -n 5` searching for "-n 5"). So the arguments after
//! `query` are sorted first, by one rule: an argument is an option when it starts with `--`
//! (a lone `--` ends the options), or when it is `-` and one letter (`-n`, `-h`, or an unknown
//! letter that clap then refuses), or a short option with its number (`-n5`); the value of an
//! option that takes one follows it. Anything else is query text: the options go first and
//! the text after a `--`, each in the order typed.

use std::ffi::{OsStr, OsString};

use clap::{Arg, Command, CommandFactory};

use crate::cli::Cli;

/// The process's arguments, ready for clap (see the module's documentation).
pub(crate) fn arguments() -> Vec<OsString> {
    query_text_last(std::env::args_os())
}

/// `arguments`, with the text of a `query` command moved after a `--`, its options first.
pub(crate) fn query_text_last(arguments: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let arguments: Vec<OsString> = arguments.into_iter().collect();
    let mut command = Cli::command();
    command.build();
    let Some(query_at) = subcommand_position(&command, &arguments) else {
        return arguments;
    };
    if arguments[query_at] != "query" {
        return arguments;
    }
    let Some(query) = command.find_subcommand("query") else {
        return arguments;
    };
    let options = Options::of(query.get_arguments().chain(command.get_arguments()));
    let (head, tail) = arguments.split_at(query_at + 1);
    let mut sorted_options = Vec::new();
    let mut text = Vec::new();
    let mut rest = tail.iter();
    while let Some(argument) = rest.next() {
        if argument == "--" {
            text.extend(rest.by_ref().cloned());
            break;
        }
        match options.classify(argument) {
            Kind::Text => text.push(argument.clone()),
            Kind::Option { takes_value } => {
                sorted_options.push(argument.clone());
                if takes_value {
                    sorted_options.extend(rest.next().cloned());
                }
            }
        }
    }
    let mut sorted = head.to_vec();
    sorted.extend(sorted_options);
    if !text.is_empty() {
        sorted.push(OsString::from("--"));
        sorted.extend(text);
    }
    sorted
}

/// Where the subcommand's name is: the first argument after the program's name that is
/// neither a top-level option nor an option's value.
fn subcommand_position(command: &Command, arguments: &[OsString]) -> Option<usize> {
    let options = Options::of(command.get_arguments());
    let mut position = 1;
    while let Some(argument) = arguments.get(position) {
        match options.classify(argument) {
            Kind::Text => return Some(position),
            Kind::Option { takes_value } => position += 1 + usize::from(takes_value),
        }
    }
    None
}

/// The long and short names of a command's options, and which of them take a value.
struct Options {
    /// (long name, takes a value)
    long: Vec<(String, bool)>,
    /// (short letter, takes a value)
    short: Vec<(char, bool)>,
}

enum Kind {
    Text,
    /// An option; `takes_value` when its value is the next argument.
    Option {
        takes_value: bool,
    },
}

impl Options {
    fn of<'a>(arguments: impl Iterator<Item = &'a Arg>) -> Options {
        let mut options = Options {
            long: Vec::new(),
            short: Vec::new(),
        };
        for argument in arguments.filter(|argument| !argument.is_positional()) {
            let takes_value = argument.get_action().takes_values();
            if let Some(long) = argument.get_long() {
                options.long.push((long.to_string(), takes_value));
            }
            if let Some(short) = argument.get_short() {
                options.short.push((short, takes_value));
            }
        }
        options
    }

    /// Whether `argument` is an option (and whether its value is the next argument) or text.
    fn classify(&self, argument: &OsStr) -> Kind {
        // Options are ASCII: an argument that is not UTF-8 is text.
        let Some(argument) = argument.to_str() else {
            return Kind::Text;
        };
        if let Some(long) = argument.strip_prefix("--") {
            // Known or not: an unknown `--name` is left to clap, which refuses it.
            let takes_value = match long.split_once('=') {
                Some(_) => false,
                None => self
                    .long
                    .iter()
                    .any(|(name, takes_value)| name == long && *takes_value),
            };
            return Kind::Option { takes_value };
        }
        let Some(short) = argument.strip_prefix('-') else {
            return Kind::Text;
        };
        let mut characters = short.chars();
        let (Some(letter), rest) = (characters.next(), characters.as_str()) else {
            return Kind::Text;
        };
        let known = self.short.iter().find(|(name, _)| *name == letter);
        match (known, rest) {
            // `-n`, `-h`, and any other single letter: clap refuses the unknown ones.
            (Some(&(_, takes_value)), "") => Kind::Option { takes_value },
            (None, "") if letter.is_ascii_alphabetic() => Kind::Option { takes_value: false },
            // `-n5`, `-n=5`: a short option with its value attached.
            (Some(&(_, true)), rest)
                if rest.starts_with(|c: char| c.is_ascii_digit() || c == '=') =>
            {
                Kind::Option { takes_value: false }
            }
            _ => Kind::Text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(arguments: &[&str]) -> Vec<String> {
        query_text_last(arguments.iter().map(OsString::from))
            .into_iter()
            .map(|argument| argument.into_string().unwrap())
            .collect()
    }

    #[test]
    fn exclusions_are_text_and_options_stay_options() {
        assert_eq!(
            sorted(&["newsearch", "query", "Macron", "-nucléaire"]),
            ["newsearch", "query", "--", "Macron", "-nucléaire"]
        );
        assert_eq!(
            sorted(&["newsearch", "query", "-Corée", "Trump", "-n", "5", "--json"]),
            [
                "newsearch",
                "query",
                "-n",
                "5",
                "--json",
                "--",
                "-Corée",
                "Trump"
            ]
        );
        assert_eq!(
            sorted(&[
                "newsearch",
                "query",
                "-\"Corée du Sud\" Séoul",
                "--sort",
                "-date"
            ]),
            [
                "newsearch",
                "query",
                "--sort",
                "-date",
                "--",
                "-\"Corée du Sud\" Séoul"
            ]
        );
        assert_eq!(
            sorted(&[
                "newsearch",
                "--index",
                "query",
                "query",
                "-n5",
                "-attentat",
                "--limit=3"
            ]),
            [
                "newsearch",
                "--index",
                "query",
                "query",
                "-n5",
                "--limit=3",
                "--",
                "-attentat"
            ]
        );
    }

    #[test]
    fn unknown_options_are_left_for_clap_to_refuse() {
        assert_eq!(
            sorted(&["newsearch", "query", "Macron", "--josn", "-j"]),
            ["newsearch", "query", "--josn", "-j", "--", "Macron"]
        );
    }

    #[test]
    fn after_a_double_dash_everything_is_text() {
        assert_eq!(
            sorted(&["newsearch", "query", "--json", "--", "-n", "--all"]),
            ["newsearch", "query", "--json", "--", "-n", "--all"]
        );
    }

    #[test]
    fn other_commands_and_batches_are_untouched() {
        for arguments in [
            &["newsearch", "similar", "-abc", "-n", "2"][..],
            &["newsearch", "query", "--batch", "-", "--json"],
            &["newsearch", "--color", "never", "index", "-x"],
            &["newsearch"],
        ] {
            assert_eq!(sorted(arguments), arguments);
        }
    }

    #[test]
    fn the_sorted_arguments_parse() {
        use crate::cli::Command;
        use clap::Parser;
        let cli = Cli::try_parse_from(query_text_last(
            [
                "newsearch",
                "query",
                "Macron",
                "-nucléaire",
                "-n",
                "3",
                "-Corée",
            ]
            .map(OsString::from),
        ))
        .unwrap();
        let Command::Query(query) = cli.command else {
            panic!("a query");
        };
        assert_eq!(query.text, ["Macron", "-nucléaire", "-Corée"]);
        assert_eq!(query.limit, 3);
    }
}
