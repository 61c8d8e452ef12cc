//! `newsearch stats`: what the index holds.

use crate::cli::{ColorChoice, StatsArgs};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::output::{print_json, print_stats, Style};

use super::Outcome;

pub(super) fn run(engine: &Engine, color: ColorChoice, args: StatsArgs) -> Result<Outcome> {
    let stats = engine.searcher()?.stats()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        print_json(&stats, &mut out)
    } else {
        print_stats(&stats, Style::for_stdout(color), &mut out)
    }
    .map_err(Error::Output)?;
    Ok(Outcome::Success)
}
