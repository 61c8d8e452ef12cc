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

use crate::cli::{Cli, Command, EngineName};
use crate::engine::opensearch::Cluster;
use crate::engine::Engine;
use crate::error::{Error, Result};

/// How a command ended, for the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Everything asked for was done (articles matched, every file was indexed).
    Success,
    /// Done, but nothing matched (exit status 1, as grep and ripgrep).
    NoMatch,
    /// Done, but some files or records could not be read (exit status 1).
    SomeSkipped,
    /// Stopped by Ctrl-C; what was done is committed.
    Interrupted,
}

/// The exit status of a run stopped by Ctrl-C: 128 + SIGINT, as shells report it.
pub(crate) const INTERRUPTED_EXIT_STATUS: u8 = 130;

/// Runs the command the user asked for; a panic in it is an error, not a crash.
pub(crate) fn run(cli: Cli) -> Result<Outcome> {
    let index = cli.index.clone();
    // `extract` reads files and no index: a panic there is not the index's.
    let uses_index = !matches!(cli.command, Command::Extract(_));
    panics::without_panics(uses_index.then_some(index.as_path()), || dispatch(cli))
}

fn dispatch(cli: Cli) -> Result<Outcome> {
    // `extract` reads files and no index: the engine options do not concern it.
    let engine = engine(&cli);
    match cli.command {
        Command::Index(args) => index::run(&cli.index, &engine?, cli.color, args),
        Command::Query(args) => query::run(&engine?, cli.color, args),
        Command::Show(args) => show::run(&engine?, cli.color, args),
        Command::Similar(args) => similar::run(&engine?, cli.color, args),
        Command::Stats(args) => stats::run(&engine?, cli.color, args),
        Command::Extract(args) => extract::run(cli.color, args),
        Command::Serve(args) => serve::run(&engine?, args),
    }
}

/// The engine the options name.
fn engine(cli: &Cli) -> Result<Engine> {
    match cli.engine {
        EngineName::Tantivy => Ok(Engine::Tantivy {
            index_dir: cli.index.clone(),
        }),
        EngineName::Opensearch if cli.url.is_empty() => Err(Error::InvalidOption(
            "--engine opensearch needs the cluster: --url http://HOST:9200 (or NEWSEARCH_URL)"
                .to_string(),
        )),
        EngineName::Opensearch => Ok(Engine::OpenSearch(Cluster {
            urls: cli.url.clone(),
            index: cli.os_index.clone(),
        })),
    }
}
