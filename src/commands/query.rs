//! `newsearch query`: search the index and print ranked hits, the total and the facets.

use std::path::Path;

use crate::cli::{ColorChoice, FacetName, QueryArgs};
use crate::date::{parse_date_range, period_bound, DateRangeError};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::output::{print_json, print_results, Style};
use crate::results::BatchResults;
use crate::search::{
    parse_half_life, DateFacet, DateGranularity, FacetRequest, Filters, KeywordFacet, MatchMode,
    SearchRequest, SortOrder,
};

use super::Outcome;

pub fn run(engine: &Engine, color: ColorChoice, args: QueryArgs) -> Result<Outcome> {
    let json = args.json;
    let batch = args.batch.clone();
    let request = search_request(args)?;
    let queries = batch.as_deref().map(read_batch).transpose()?;
    let searcher = engine.searcher()?;
    let mut out = std::io::stdout().lock();
    if let Some(queries) = queries {
        for (qid, text) in queries {
            let results = searcher.search(&SearchRequest {
                text,
                ..request.clone()
            })?;
            print_json(&BatchResults { qid, results }, &mut out).map_err(Error::Output)?;
        }
        return Ok(Outcome::Success);
    }
    let results = searcher.search(&request)?;
    let printed = if json {
        print_json(&results, &mut out)
    } else {
        print_results(&results, Style::for_stdout(color), &mut out)
    };
    printed.map_err(Error::Output)?;
    Ok(if results.total_hits > 0 {
        Outcome::Success
    } else {
        Outcome::Partial
    })
}

/// The queries of a batch file: `(id, text)` pairs; the id is the line number when absent.
fn read_batch(path: &Path) -> Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|(index, line)| match line.split_once('\t') {
            Some((qid, query)) => (qid.trim().to_string(), query.to_string()),
            None => ((index + 1).to_string(), line.to_string()),
        })
        .collect())
}

/// Validates the arguments into a request: dates parsed, bounds ordered, mode chosen.
fn search_request(args: QueryArgs) -> Result<SearchRequest> {
    let since = args
        .since
        .as_deref()
        .map(|text| parse_date_bound(text, false))
        .transpose()?;
    let until = args
        .until
        .as_deref()
        .map(|text| parse_date_bound(text, true))
        .transpose()?;
    if let (Some(since), Some(until)) = (since, until) {
        if since > until {
            return Err(Error::InvalidOption(format!(
                "--since {} is after --until {}",
                args.since.unwrap_or_default(),
                args.until.unwrap_or_default()
            )));
        }
    }
    let recency = args
        .recency
        .as_deref()
        .map(|text| {
            parse_half_life(text).ok_or_else(|| {
                Error::InvalidOption(format!(
                    "--recency {text}: use a positive number of days, or 30d, 2w, 6m, 1y"
                ))
            })
        })
        .transpose()?;
    let sort = match args.sort.as_str() {
        "date" => SortOrder::NewestFirst,
        "-date" => SortOrder::OldestFirst,
        _ => SortOrder::Relevance,
    };
    let mode = if args.all {
        MatchMode::All
    } else {
        MatchMode::Any
    };
    Ok(SearchRequest {
        text: args.text.join(" "),
        mode,
        fuzzy: args.fuzzy,
        limit: args.limit,
        offset: args.offset,
        sort,
        recency,
        collapse: !args.no_collapse,
        filters: Filters {
            categories: args.categories,
            date_from: since,
            date_to: until,
        },
        facets: facet_request(&args.facets, &args.facet_date, args.facet_limit)?,
    })
}

/// The facets asked for: which ones, the date unit or ranges, the limit.
fn facet_request(names: &[FacetName], date_spec: &str, limit: usize) -> Result<FacetRequest> {
    let keywords = names
        .iter()
        .filter_map(|name| match name {
            FacetName::Category => Some(KeywordFacet::Category),
            FacetName::Author => Some(KeywordFacet::Author),
            FacetName::Source => Some(KeywordFacet::Source),
            FacetName::Date => None,
        })
        .collect();
    let date = if names.contains(&FacetName::Date) {
        Some(date_facet(date_spec)?)
    } else {
        None
    };
    Ok(FacetRequest {
        keywords,
        date,
        limit,
    })
}

/// `year`, `month`, `day`, or comma-separated date ranges.
fn date_facet(spec: &str) -> Result<DateFacet> {
    let unit = match spec {
        "year" => Some(DateGranularity::Year),
        "month" => Some(DateGranularity::Month),
        "day" => Some(DateGranularity::Day),
        _ => None,
    };
    if let Some(unit) = unit {
        return Ok(DateFacet::Periods(unit));
    }
    let ranges = spec
        .split(',')
        .map(|range| {
            parse_date_range(range.trim()).map_err(|error| {
                let reason = match error {
                    DateRangeError::NotADate(date) => format!("{date:?} is not a date"),
                    DateRangeError::Reversed => format!("{range} ends before it starts"),
                };
                Error::InvalidOption(format!(
                    "--facet-date {spec}: {reason}; use year, month, day, or ranges FROM..TO separated by commas (YYYY, YYYY-MM or YYYY-MM-DD)"
                ))
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(DateFacet::Ranges(ranges))
}

/// A `--since`/`--until` value as a `YYYYMMDD` bound.
fn parse_date_bound(text: &str, is_upper: bool) -> Result<i64> {
    period_bound(text, is_upper).ok_or_else(|| Error::InvalidDate {
        input: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds_cover_whole_periods() {
        assert_eq!(parse_date_bound("2024-10", false).unwrap(), 20241001);
        assert_eq!(parse_date_bound("2024-10", true).unwrap(), 20241031);
        assert_eq!(parse_date_bound("2024", true).unwrap(), 20241231);
        assert_eq!(parse_date_bound("2024-02-29", true).unwrap(), 20240229);
        assert!(matches!(
            parse_date_bound("octobre", false),
            Err(Error::InvalidDate { .. })
        ));
    }
}
