//! `newsearch show ID`: one article in full.

use std::path::Path;

use crate::cli::{ColorChoice, ShowArgs};
use crate::error::{Error, Result};
use crate::index::open_index;
use crate::output::{print_article, print_json, Style};
use crate::search::ArticleSearcher;

use super::Outcome;

pub fn run(index_dir: &Path, color: ColorChoice, args: ShowArgs) -> Result<Outcome> {
    let searcher = ArticleSearcher::open(&open_index(index_dir)?)?;
    let mut article = searcher
        .article(&args.id)?
        .ok_or(Error::NoArticle { id: args.id })?;
    if let Some(query) = &args.query {
        searcher.mark_query(&mut article, query)?;
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        print_json(&article, &mut out)
    } else {
        print_article(&article, Style::for_stdout(color), &mut out)
    }
    .map_err(Error::Output)?;
    Ok(Outcome::Success)
}
