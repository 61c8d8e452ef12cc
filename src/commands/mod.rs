//! The subcommands: each turns its arguments into validated options, runs the library and prints.

mod extract;
mod index;
mod panics;
mod query;
mod serve;
mod show;
mod similar;
mod stats;

pub(crate) use query::search_request;
pub(crate) use similar::similar_request;

use crate::cli::{Cli, Command};
use crate::error::Result;

/// How a command ended, for the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything asked for was done (articles matched, every file was indexed).
    Success,
    /// Done, but nothing matched or some files were skipped.
    Partial,
    /// Stopped by Ctrl-C; what was done is committed.
    Interrupted,
}

/// The exit status of a run stopped by Ctrl-C: 128 + SIGINT, as shells report it.
pub const INTERRUPTED_EXIT_STATUS: u8 = 130;

/// Runs the command the user asked for; a panic in it is an error, not a crash.
pub fn run(cli: Cli) -> Result<Outcome> {
    let index = cli.index.clone();
    panics::without_panics(&index, || dispatch(cli))
}

fn dispatch(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Index(args) => index::run(&cli.index, cli.color, args),
        Command::Query(args) => query::run(&cli.index, cli.color, args),
        Command::Show(args) => show::run(&cli.index, cli.color, args),
        Command::Similar(args) => similar::run(&cli.index, cli.color, args),
        Command::Stats(args) => stats::run(&cli.index, cli.color, args),
        Command::Extract(args) => extract::run(cli.color, args),
        Command::Serve(args) => serve::run(&cli.index, args),
    }
}
