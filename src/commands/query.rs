//! `newsearch query`: search the index and print ranked hits, the total and the facets.

use crate::date::Granularity;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use crate::cli::{ColorChoice, FacetName, QueryArgs, SortName};
use crate::date::{period_bound, Date, DateRangeError, DayRange};
use crate::engine::{ArticleSearch, Engine};
use crate::error::{Error, Result};
use crate::output::{print_json, print_results, terminal_safe_lines, Style};
use crate::results::{BatchError, BatchResults};
use crate::search::{
    parse_half_life, DateFacet, FacetRequest, Filters, KeywordFacet, MatchMode, Recency,
    SearchRequest, SortOrder, Synonyms,
};

use super::Outcome;

pub(super) fn run(engine: &Engine, color: ColorChoice, args: QueryArgs) -> Result<Outcome> {
    let json = args.json;
    let batch = args.batch.clone();
    let synonyms = synonyms(args.no_synonyms, args.synonyms.as_deref())?;
    let request = search_request(args)?;
    let searcher = engine.query_searcher(synonyms)?;
    let mut out = std::io::stdout().lock();
    if let Some(batch) = batch {
        return run_batch(searcher.as_ref(), &request, &batch, &mut out);
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
        Outcome::NoMatch
    })
}

/// Runs every query of a batch file (`-`: standard input) as it is read, one JSON line
/// each; a query that cannot be run gets an error record (and a line on stderr) and the
/// batch goes on. Fails at the end when some could not be run.
fn run_batch(
    searcher: &dyn ArticleSearch,
    request: &SearchRequest,
    path: &Path,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let io_error = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let input: Box<dyn BufRead> = if path == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(BufReader::new(File::open(path).map_err(io_error)?))
    };
    let mut failed = Vec::new();
    for (index, line) in input.split(b'\n').enumerate() {
        let line = line.map_err(io_error)?;
        let number = index + 1;
        let Some((qid, text)) = batch_query(&line, number) else {
            continue;
        };
        let results = text.and_then(|text| {
            searcher.search(&SearchRequest {
                text,
                ..request.clone()
            })
        });
        match results {
            Ok(results) => print_json(&BatchResults { qid, results }, out),
            Err(error) => {
                let record = batch_error(qid, number, &error);
                eprintln!(
                    "newsearch: line {number} (query {}): {}",
                    terminal_safe_lines(&record.qid),
                    terminal_safe_lines(&record.error)
                );
                failed.push(number.to_string());
                print_json(&record, out)
            }
        }
        .map_err(Error::Output)?;
    }
    if failed.is_empty() {
        Ok(Outcome::Success)
    } else {
        Err(Error::BatchFailures {
            failed: failed.len(),
            lines: failed.join(", "),
        })
    }
}

/// The id and text of one line of a batch (`id<TAB>text`, or `text` with the line number as
/// its id); `None` for a blank line or a comment; the text is an error when it is not UTF-8.
fn batch_query(line: &[u8], number: usize) -> Option<(String, Result<String>)> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let (qid, text) = match line.iter().position(|&byte| byte == b'\t') {
        Some(tab) => (
            String::from_utf8_lossy(&line[..tab]).trim().to_string(),
            &line[tab + 1..],
        ),
        None => (number.to_string(), line),
    };
    if line.iter().all(u8::is_ascii_whitespace) || line.starts_with(b"#") {
        return None;
    }
    let text = String::from_utf8(text.to_vec())
        .map_err(|_| Error::InvalidOption("the query is not UTF-8 text".to_string()));
    Some((qid, text))
}

/// The error record of a batch query: the message in one line, the column when the query
/// could not be read.
fn batch_error(qid: String, line: usize, error: &Error) -> BatchError {
    let (error, column) = match error {
        Error::InvalidQuery {
            column, message, ..
        } => (format!("invalid query: {message}"), Some(*column)),
        Error::InvalidOption(message) => (message.clone(), None),
        other => (other.to_string(), None),
    };
    BatchError {
        qid,
        line,
        error,
        column,
    }
}

/// The synonyms to use: the built-in list unless `--no-synonyms`, and the user's file.
fn synonyms(no_built_in: bool, file: Option<&Path>) -> Result<Synonyms> {
    let mut synonyms = if no_built_in {
        Synonyms::default()
    } else {
        Synonyms::built_in()
    };
    if let Some(file) = file {
        synonyms.add_file(file)?;
    }
    Ok(synonyms)
}

/// Validates the arguments into a request: dates parsed, bounds ordered, mode chosen (the
/// HTTP API's search builds its request here too).
pub(crate) fn search_request(args: QueryArgs) -> Result<SearchRequest> {
    let dates = date_bounds(args.since.as_deref(), args.until.as_deref())?;
    Ok(SearchRequest {
        text: args.text.join(" "),
        mode: match_mode(&args),
        fuzzy: args.fuzzy,
        limit: args.limit,
        offset: args.offset,
        sort: sort_order(args.sort),
        recency: recency(args.recency.as_deref())?,
        collapse: !args.no_collapse,
        filters: Filters {
            categories: args.categories,
            dates,
        },
        facets: facet_request(&args.facets, &args.facet_date, args.facet_limit)?,
    })
}

/// `--since` and `--until` as inclusive bounds, in order.
fn date_bounds(since: Option<&str>, until: Option<&str>) -> Result<DayRange> {
    let from = since
        .map(|text| parse_date_bound(text, false))
        .transpose()?;
    let to = until.map(|text| parse_date_bound(text, true)).transpose()?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(Error::InvalidOption(format!(
                "--since {} is after --until {}",
                since.unwrap_or_default(),
                until.unwrap_or_default()
            )));
        }
    }
    Ok(DayRange { from, to })
}

/// `--recency`'s half-life.
fn recency(half_life: Option<&str>) -> Result<Option<Recency>> {
    half_life
        .map(|text| {
            parse_half_life(text).ok_or_else(|| {
                Error::InvalidOption(format!(
                    "--recency {text}: use a positive number of days, or 30d, 2w, 6m, 1y"
                ))
            })
        })
        .transpose()
}

fn sort_order(sort: SortName) -> SortOrder {
    match sort {
        SortName::Relevance => SortOrder::Relevance,
        SortName::Date => SortOrder::NewestFirst,
        SortName::OldestFirst => SortOrder::OldestFirst,
    }
}

/// Which articles the plain words select: `--all`, `--any`, or every word counted.
fn match_mode(args: &QueryArgs) -> MatchMode {
    if args.all {
        MatchMode::All
    } else if args.any {
        MatchMode::Any
    } else {
        MatchMode::Every
    }
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
        "year" => Some(Granularity::Year),
        "month" => Some(Granularity::Month),
        "day" => Some(Granularity::Day),
        _ => None,
    };
    if let Some(unit) = unit {
        return Ok(DateFacet::Periods(unit));
    }
    let ranges = spec
        .split(',')
        .map(|range| {
            DayRange::parse(range.trim()).map_err(|error| {
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

/// A `--since`/`--until` value as a bound: the period's first day, or its last.
fn parse_date_bound(text: &str, is_upper: bool) -> Result<Date> {
    period_bound(text, is_upper).ok_or_else(|| Error::InvalidDate {
        input: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds_cover_whole_periods() {
        assert_eq!(
            parse_date_bound("2024-10", false).unwrap().to_string(),
            "2024-10-01"
        );
        assert_eq!(
            parse_date_bound("2024-10", true).unwrap().to_string(),
            "2024-10-31"
        );
        assert_eq!(
            parse_date_bound("2024", true).unwrap().to_string(),
            "2024-12-31"
        );
        assert_eq!(
            parse_date_bound("2024-02-29", true).unwrap().to_string(),
            "2024-02-29"
        );
        assert!(matches!(
            parse_date_bound("octobre", false),
            Err(Error::InvalidDate { .. })
        ));
    }
}
