//! `newsearch similar ID`: the articles most like one, printed like query results.

use crate::cli::{ColorChoice, SimilarArgs};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::output::{print_json, print_results, Style};
use crate::search::{FacetRequest, MatchMode, SearchRequest, SortOrder};

use super::Outcome;

pub(super) fn run(engine: &Engine, color: ColorChoice, args: SimilarArgs) -> Result<Outcome> {
    let searcher = engine.searcher()?;
    let request = similar_request(&args);
    let results = searcher
        .similar(&args.id, &request)?
        .ok_or(Error::NoArticle { id: args.id })?;
    let mut out = std::io::stdout().lock();
    if args.json {
        print_json(&results, &mut out)
    } else {
        print_results(&results, Style::for_stdout(color), &mut out)
    }
    .map_err(Error::Output)?;
    Ok(if results.total_hits > 0 {
        Outcome::Success
    } else {
        Outcome::NoMatch
    })
}

/// The paging and folding asked for, as a request (the HTTP API's similar articles too).
pub(crate) fn similar_request(args: &SimilarArgs) -> SearchRequest {
    SearchRequest {
        text: String::new(),
        mode: MatchMode::Any,
        fuzzy: false,
        limit: args.limit,
        offset: args.offset,
        sort: SortOrder::Relevance,
        recency: None,
        filters: Default::default(),
        facets: FacetRequest {
            keywords: Vec::new(),
            date: None,
            limit: 0,
        },
        collapse: !args.no_collapse,
    }
}
