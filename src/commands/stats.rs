//! `newsearch stats`: what the index holds.

use std::path::Path;

use crate::cli::{ColorChoice, StatsArgs};
use crate::error::{Error, Result};
use crate::index::open_index;
use crate::output::{print_json, print_stats, Style};
use crate::search::ArticleSearcher;

use super::Outcome;

pub fn run(index_dir: &Path, color: ColorChoice, args: StatsArgs) -> Result<Outcome> {
    let stats = ArticleSearcher::open(&open_index(index_dir)?)?.stats()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        print_json(&stats, &mut out)
    } else {
        print_stats(&stats, Style::for_stdout(color), &mut out)
    }
    .map_err(Error::Output)?;
    Ok(Outcome::Success)
}
