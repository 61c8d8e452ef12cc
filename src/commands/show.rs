//! `newsearch show ID`: one article in full.

use crate::cli::{ColorChoice, ShowArgs};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::output::{print_article, print_json, Style};

use super::Outcome;

pub fn run(engine: &Engine, color: ColorChoice, args: ShowArgs) -> Result<Outcome> {
    let searcher = engine.searcher()?;
    let article = searcher
        .article(&args.id)?
        .ok_or(Error::NoArticle { id: args.id })?;
    let mut out = std::io::stdout().lock();
    if args.json {
        print_json(&article, &mut out)
    } else {
        print_article(&article, Style::for_stdout(color), &mut out)
    }
    .map_err(Error::Output)?;
    Ok(Outcome::Success)
}
