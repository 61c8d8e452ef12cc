//! `newsearch show ID`: one article in full.

use crate::cli::{ColorChoice, ShowArgs};
use crate::engine::{ArticleSearch, Engine};
use crate::error::{Error, Result};
use crate::output::{print_article, print_json, Style};

use super::Outcome;

pub(super) fn run(engine: &Engine, color: ColorChoice, args: ShowArgs) -> Result<Outcome> {
    let searcher = engine.searcher()?;
    let mut article = match searcher.article(&args.id)? {
        Some(article) => article,
        None => {
            let id = id_of_file(searcher.as_ref(), &args.id)?;
            searcher
                .article(&id)?
                .ok_or(Error::NoArticle { id: args.id })?
        }
    };
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

/// The id of the one article read from the file at `argument`, when it is not an id.
fn id_of_file(searcher: &dyn ArticleSearch, argument: &str) -> Result<String> {
    let not_an_id = || Error::NoArticle {
        id: argument.to_string(),
    };
    // The index stores canonical paths.
    let Ok(path) = std::fs::canonicalize(argument) else {
        return Err(not_an_id());
    };
    let mut ids = searcher.ids_in_file(&path.to_string_lossy())?;
    match ids.len() {
        0 => Err(Error::NotIndexed { path }),
        1 => Ok(ids.remove(0)),
        count => Err(Error::ManyArticles {
            path,
            count,
            first: ids.into_iter().take(3).collect::<Vec<_>>().join(", "),
        }),
    }
}
