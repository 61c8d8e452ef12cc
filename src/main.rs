//! The `newsearch` binary: parse the arguments, run the command, map the outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;

use newsearch::cli::Cli;
use newsearch::commands::{run, Outcome, INTERRUPTED_EXIT_STATUS};
use newsearch::error::Error;
use newsearch::output::terminal_safe_lines;

fn main() -> ExitCode {
    match run(Cli::parse_from(newsearch::arguments::arguments())) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(1),
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
