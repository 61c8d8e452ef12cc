//! The program: the command line parsed, the command run, its outcome mapped to an exit status.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser};

use crate::cli::Cli;
use crate::commands::{run, Outcome, INTERRUPTED_EXIT_STATUS};
use crate::config::complete;
use crate::error::Error;
use crate::output::{terminal_safe, terminal_safe_lines};

/// The whole program: the command line read, the command run, the exit status.
pub fn main() -> ExitCode {
    let (cli, matches) = match parse_arguments() {
        Ok(parsed) => parsed,
        Err(status) => return status,
    };
    // The settings files fill in what the flags and the environment leave to the defaults.
    match complete(cli, &matches).and_then(run) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::NoMatch | Outcome::SomeSkipped) => ExitCode::from(1),
        Ok(Outcome::Interrupted) => ExitCode::from(INTERRUPTED_EXIT_STATUS),
        Err(Error::Io { source, .. } | Error::Output(source))
            if source.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("newsearch: {}", terminal_safe_lines(&error.to_string()));
            ExitCode::from(2)
        }
    }
}

/// The command line, and where each value came from; on an error, clap's message with the
/// arguments' control characters escaped, as in every other message (an argument could
/// otherwise retitle or garble the terminal), and exit status 2.
fn parse_arguments() -> Result<(Cli, ArgMatches), ExitCode> {
    let arguments: Vec<OsString> = crate::arguments::arguments();
    let parsed = Cli::command()
        .try_get_matches_from(&arguments)
        .and_then(|matches| Ok((Cli::from_arg_matches(&matches)?, matches)));
    let error = match parsed {
        Ok(parsed) => return Ok(parsed),
        // --help and --version: text of our own, printed as clap styles it.
        Err(error) if !error.use_stderr() => error.exit(),
        Err(error) => error,
    };
    // The same error, met again with arguments whose control characters are escaped, shows
    // them as `\u{1b}` where clap would print them raw (or strip them, off a terminal).
    let shown: Vec<String> = arguments
        .iter()
        .map(|argument| terminal_safe(&argument.to_string_lossy()).into_owned())
        .collect();
    let error = match Cli::try_parse_from(shown) {
        Err(escaped) if escaped.kind() == error.kind() => escaped,
        _ => error,
    };
    eprint!("{}", terminal_safe_lines(&error.render().to_string()));
    Err(ExitCode::from(2))
}
