//! `newsearch serve`: the index over HTTP for a browser and for programs, until stopped.

use crate::cli::ServeArgs;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::serve::{parse_duration, serve, ServeOptions};

use super::Outcome;

pub(super) fn run(engine: &Engine, args: ServeArgs) -> Result<Outcome> {
    let query_timeout = parse_duration(&args.query_timeout).ok_or_else(|| {
        Error::InvalidOption(format!(
            "--query-timeout {}: use milliseconds or seconds, e.g. 500ms or 10s",
            args.query_timeout
        ))
    })?;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let options = ServeOptions {
        addr: args.addr,
        max_queries: args
            .max_queries
            .map_or(2 * cores, |queries| queries as usize),
        query_timeout,
        max_connections: args.max_connections as usize,
    };
    serve(engine, &options, |listening| {
        // A request that fails inside the server is answered 500 and the server goes on:
        // its panic is printed here, the server's log.
        super::panics::log_each_panic();
        println!(
            "newsearch serves {} ({} articles) at http://{}/ — Ctrl-C stops it",
            engine.describe(),
            listening.articles,
            listening.addr
        );
        if !listening.addr.ip().is_loopback() {
            eprintln!(
                "newsearch: warning: {} is reachable from the network and the server has no authentication: anyone who reaches it can read the whole index (use --addr 127.0.0.1:PORT to keep it to this machine)",
                listening.addr
            );
        }
    })?;
    Ok(Outcome::Success)
}
