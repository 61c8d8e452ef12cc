//! HTTP query parameters as command-line options: the API takes each option of `newsearch query` (or `similar`) by its long name and validates it with the same code, so the two never drift apart.

use std::time::Duration;

use clap::{ArgAction, Args, Command, FromArgMatches};

use crate::cli::{QueryArgs, SimilarArgs};
use crate::commands::{search_request, similar_request};
use crate::search::SearchRequest;

use super::api_error::ApiError;

/// At most this many hits a page: bounds the work and the size of an answer.
pub(crate) const MAX_LIMIT: usize = 100;
/// Paging stops here (as search engines' result windows do): a deeper page is refused.
pub(crate) const MAX_OFFSET: usize = 10_000;
/// At most this many values per facet (enough for every day of a zoomed timeline).
pub(crate) const MAX_FACET_LIMIT: usize = 1_000;
/// The longest query text, in characters.
pub(crate) const MAX_QUERY_CHARS: usize = 1_000;

/// Options that are the command line's but not the API's: they read files, choose the output,
/// or change what the server's searcher holds (its synonyms, read once at start).
const COMMAND_LINE_ONLY: &[&str] = &["batch", "json", "synonyms", "no-synonyms"];

/// A search's parameters: `q` (the query text) and the options of `newsearch query`.
pub(crate) fn search(pairs: &[(String, String)]) -> Result<SearchRequest, ApiError> {
    let mut text = Vec::new();
    let mut options = Vec::new();
    for (name, value) in pairs {
        if name == "q" {
            text.push(value.as_str());
        } else {
            options.push((name.as_str(), value.as_str()));
        }
    }
    let text = text.join(" ");
    check_query_text(&text)?;
    let args: QueryArgs = parse_options("query", &options, &["--", &text])?;
    let request = search_request(args)?;
    check_paging(request.limit, request.offset)?;
    if request.facets.limit > MAX_FACET_LIMIT {
        return Err(ApiError::bad_request(format!(
            "facet-limit {}: at most {MAX_FACET_LIMIT} values per facet",
            request.facets.limit
        )));
    }
    Ok(request)
}

/// The parameters of similar articles: the paging and folding options of `newsearch similar`.
pub(crate) fn similar(id: &str, pairs: &[(String, String)]) -> Result<SearchRequest, ApiError> {
    let options: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    let args: SimilarArgs = parse_options("similar", &options, &["--", id])?;
    check_paging(args.limit, args.offset)?;
    Ok(similar_request(&args))
}

/// The query text of an article's highlights (`q`, the only parameter an article takes).
pub(crate) fn article(pairs: &[(String, String)]) -> Result<Option<String>, ApiError> {
    let mut query = None;
    for (name, value) in pairs {
        if name != "q" {
            return Err(ApiError::bad_request(format!(
                "unknown parameter {name:?}: an article takes only q (the words to highlight)"
            )));
        }
        check_query_text(value)?;
        query = Some(value.clone());
    }
    Ok(query)
}

/// The server's own parameter, `timeout` (e.g. 200ms, 2s): a shorter budget than the
/// server's for this request. Returns the budget and the other parameters.
pub(crate) fn take_budget(
    pairs: Vec<(String, String)>,
    server_budget: Duration,
) -> Result<(Duration, Vec<(String, String)>), ApiError> {
    let mut budget = server_budget;
    let mut others = Vec::with_capacity(pairs.len());
    for (name, value) in pairs {
        if name == "timeout" {
            let asked = parse_duration(&value).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "timeout {value:?}: use milliseconds or seconds, e.g. 200ms or 2s"
                ))
            })?;
            budget = budget.min(asked);
        } else {
            others.push((name, value));
        }
    }
    Ok((budget, others))
}

/// A duration written `500ms`, `2s` or `1.5s`.
pub(crate) fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let (number, unit_seconds) = if let Some(number) = text.strip_suffix("ms") {
        (number, 0.001)
    } else if let Some(number) = text.strip_suffix('s') {
        (number, 1.0)
    } else {
        return None;
    };
    let value: f64 = number.trim().parse().ok()?;
    (value.is_finite() && value > 0.0 && value <= 86_400.0)
        .then(|| Duration::from_secs_f64(value * unit_seconds))
}

fn check_query_text(text: &str) -> Result<(), ApiError> {
    let length = text.chars().count();
    if length > MAX_QUERY_CHARS {
        return Err(ApiError::bad_request(format!(
            "the query is {length} characters long: at most {MAX_QUERY_CHARS}"
        )));
    }
    // Nesting is the parser's to bound: its error, with the column, is the answer.
    Ok(())
}

fn check_paging(limit: usize, offset: usize) -> Result<(), ApiError> {
    if limit > MAX_LIMIT {
        return Err(ApiError::bad_request(format!(
            "limit {limit}: at most {MAX_LIMIT} articles a page"
        )));
    }
    if offset > MAX_OFFSET {
        return Err(ApiError::bad_request(format!(
            "offset {offset}: paging stops at {MAX_OFFSET}; narrow the query with words, dates or categories"
        )));
    }
    Ok(())
}

/// Parses `name=value` pairs as the options `--name=value` of a subcommand's arguments `A`,
/// followed by `positionals`; a flag takes `true`/`false` (or `1`/`0`, or no value).
fn parse_options<A: Args + FromArgMatches>(
    subcommand: &'static str,
    options: &[(&str, &str)],
    positionals: &[&str],
) -> Result<A, ApiError> {
    let mut command = A::augment_args(
        Command::new(subcommand)
            .no_binary_name(true)
            .disable_help_flag(true)
            .disable_version_flag(true),
    );
    let known: Vec<(String, bool)> = command
        .get_arguments()
        .filter_map(|argument| {
            let long = argument.get_long()?;
            let is_flag = matches!(argument.get_action(), ArgAction::SetTrue);
            (!COMMAND_LINE_ONLY.contains(&long)).then(|| (long.to_string(), is_flag))
        })
        .collect();
    let mut words: Vec<String> = Vec::with_capacity(options.len() + positionals.len());
    for &(name, value) in options {
        let Some((_, is_flag)) = known.iter().find(|(long, _)| long == name) else {
            let names: Vec<&str> = known.iter().map(|(long, _)| long.as_str()).collect();
            let text = if subcommand == "query" { "q, " } else { "" };
            return Err(ApiError::bad_request(format!(
                "unknown parameter {name:?}: this endpoint takes {text}timeout, {}",
                names.join(", ")
            )));
        };
        if !is_flag {
            words.push(format!("--{name}={value}"));
            continue;
        }
        match value {
            "" | "1" | "true" | "on" | "yes" => words.push(format!("--{name}")),
            "0" | "false" | "off" | "no" => {}
            _ => {
                return Err(ApiError::bad_request(format!(
                    "{name}={value:?}: use true or false"
                )))
            }
        }
    }
    words.extend(positionals.iter().map(|word| word.to_string()));
    let matches = command
        .try_get_matches_from_mut(words)
        .map_err(|error| ApiError::bad_request(clap_message(&error)))?;
    A::from_arg_matches(&matches).map_err(|error| ApiError::bad_request(clap_message(&error)))
}

/// clap's message without its "error:" label and its advice to run `--help`, on one line.
fn clap_message(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let message = rendered.trim().trim_start_matches("error: ");
    let message = message
        .split("\n\nUsage:")
        .next()
        .unwrap_or(message)
        .split("\n\nFor more information")
        .next()
        .unwrap_or(message);
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::SortOrder;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect()
    }

    #[test]
    fn options_are_the_command_lines() {
        let request = search(&pairs(&[
            ("q", "Corée du Nord"),
            ("sort", "-date"),
            ("limit", "5"),
            ("category", "Monde"),
            ("category", "Économie"),
            ("no-collapse", "true"),
            ("fuzzy", "false"),
            ("since", "2024-10"),
        ]))
        .unwrap();
        assert_eq!(request.text, "Corée du Nord");
        assert_eq!(request.sort, SortOrder::OldestFirst);
        assert_eq!(request.limit, 5);
        assert_eq!(request.filters.categories, ["Monde", "Économie"]);
        assert_eq!(
            request.filters.dates.from,
            crate::date::Date::new(2024, 10, 1)
        );
        assert!(!request.collapse);
        assert!(!request.fuzzy);
    }

    #[test]
    fn a_query_that_looks_like_an_option_is_text() {
        let request = search(&pairs(&[("q", "--limit=3 -Russie")])).unwrap();
        assert_eq!(request.text, "--limit=3 -Russie");
        assert_eq!(request.limit, 10);
    }

    #[test]
    fn bad_parameters_are_named() {
        let message = |list: &[(&str, &str)]| search(&pairs(list)).unwrap_err().message;
        assert!(message(&[("sort", "best")]).contains("'best'"));
        assert!(message(&[("limit", "many")]).contains("--limit"));
        assert!(message(&[("batch", "/etc/passwd")]).contains("unknown parameter \"batch\""));
        assert!(message(&[("help", "")]).contains("unknown parameter"));
        assert!(message(&[("fuzzy", "maybe")]).contains("true or false"));
        assert!(message(&[("limit", "1000000")]).contains("at most 100"));
        assert!(message(&[("offset", "18446744073709551615")]).contains("paging stops"));
        assert!(message(&[("limit", "99999999999999999999999")]).contains("--limit"));
        assert!(message(&[("since", "octobre")]).contains("octobre"));
        assert!(message(&[("no-synonyms", "true")]).contains("unknown parameter"));
        assert!(message(&[("q", &"a ".repeat(600))]).contains("at most 1000"));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("250ms"), Some(Duration::from_millis(250)));
        assert_eq!(parse_duration("1.5s"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_duration("0s"), None);
        assert_eq!(parse_duration("10"), None);
        assert_eq!(parse_duration("-1s"), None);
    }
}
