//! The page as the server sends it: for an address holding a search or an article, their first view is already in the HTML, so the basic search works without JavaScript (the scripts then take over).

use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::engine::ArticleSearch;
use crate::error::Error;
use crate::results::{ArticleSummary, ArticleView, MatchKind, SearchResults};

use super::api::{pairs, ApiState, Pairs};
use super::api_error::ApiError;
use super::assets::{page_file, INDEX_HTML};
use super::params;

/// Hits a page shows, as the scripts ask for (`assets/app.js`).
const PAGE: usize = 10;

/// The `/` route.
pub(crate) fn routes() -> Router<ApiState> {
    Router::new().route("/", get(page))
}

/// What the page's address asks for: its own parameters (those of `assets/app.js`).
#[derive(Debug, Default)]
struct PageState {
    /// The text typed.
    typed: String,
    /// The pairs of the API's search.
    search: Vec<(String, String)>,
    /// The author and source filters as asked: they reach the search as clauses of its
    /// text, and the page's links carry them as they came.
    clause_filters: Vec<(String, String)>,
    /// The words marked in an article: the filters' clauses and the text typed.
    marked: String,
    /// An article to show instead of results.
    article: Option<String>,
}

impl PageState {
    fn read(pairs: &[(String, String)]) -> PageState {
        let values = |name: &str| -> Vec<&str> {
            pairs
                .iter()
                .filter(|(key, _)| key == name)
                .map(|(_, value)| value.as_str())
                .collect()
        };
        let typed = values("q").join(" ");
        // Filters as clauses put before the text, as the scripts put them (`assets/app.js`).
        let quoted = |values: Vec<&str>| {
            let quoted: Vec<String> = values
                .iter()
                .map(|value| format!("\"{}\"", value.replace('"', " ")))
                .collect();
            format!("({})", quoted.join(" OR "))
        };
        let mut clauses: Vec<String> = ["author", "source"]
            .into_iter()
            .filter(|name| !values(name).is_empty())
            .map(|name| format!("{name}:{}", quoted(values(name))))
            .collect();
        if typed.trim().is_empty() {
            if !values("category").is_empty() {
                clauses.push(format!("category:{}", quoted(values("category"))));
            }
            let (since, until) = (values("since").join(""), values("until").join(""));
            if !since.is_empty() || !until.is_empty() {
                clauses.push(format!("date:{since}..{until}"));
            }
        }
        let marked = [clauses.join(" "), typed.clone()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let mut search = vec![
            ("q".to_string(), marked.clone()),
            ("limit".to_string(), PAGE.to_string()),
            ("facets".to_string(), "category".to_string()),
        ];
        for (name, value) in pairs {
            if ["category", "since", "until", "sort", "recency", "offset"].contains(&name.as_str())
            {
                search.push((name.clone(), value.clone()));
            }
        }
        let clause_filters = pairs
            .iter()
            .filter(|(name, _)| ["author", "source"].contains(&name.as_str()))
            .cloned()
            .collect();
        PageState {
            typed,
            search,
            clause_filters,
            marked,
            article: values("id").first().map(|id| id.to_string()),
        }
    }
}

/// `GET /`: the page, with the results of its search (or its article) when it has one.
async fn page(State(state): State<ApiState>, query: Pairs) -> Response {
    // A malformed address gets the bare page: the scripts show its error.
    let asked = PageState::read(&pairs(query).unwrap_or_default());
    if asked.marked.trim().is_empty() && asked.article.is_none() {
        return page_file(INDEX_HTML.to_string());
    }
    let typed = asked.typed.clone();
    let budget = state.budget;
    let rendered = state
        .run(budget, move |searcher| {
            Ok(page_file(match &asked.article {
                Some(id) => article_page(searcher, &asked, id),
                None => results_page(searcher, &asked),
            }))
        })
        .await;
    rendered.unwrap_or_else(|error| {
        page_file(fill(
            &PageState {
                typed,
                ..PageState::default()
            },
            &error.message,
            "",
            None,
        ))
    })
}

fn results_page(searcher: &dyn ArticleSearch, asked: &PageState) -> String {
    let request = match params::search(&asked.search) {
        Ok(request) => request,
        Err(error) => return fill(asked, &error.message, "", None),
    };
    match searcher.search(&request) {
        Ok(results) => fill(asked, &status(&results), &hits(&results, asked), None),
        Err(error) => fill(asked, &ApiError::from(error).message, "", None),
    }
}

fn article_page(searcher: &dyn ArticleSearch, asked: &PageState, id: &str) -> String {
    let found = searcher.article(id).and_then(|article| {
        let mut article = article.ok_or(Error::NoArticle { id: id.to_string() })?;
        if !asked.marked.is_empty() {
            searcher.mark_query(&mut article, &asked.marked)?;
        }
        Ok(article)
    });
    match found {
        Ok(article) => fill(asked, "", "", Some(&article_html(&article, asked))),
        Err(error) => fill(asked, &ApiError::from(error).message, "", None),
    }
}

/// The page file with the text typed in its search box, and a status line, results and an
/// article in their places.
fn fill(asked: &PageState, status: &str, results: &str, article: Option<&str>) -> String {
    let mut page = INDEX_HTML.to_string();
    // The sort and recency chosen (the first option is the default).
    for (name, value) in &asked.search {
        if (name == "sort" || name == "recency") && !value.is_empty() {
            let option = format!(r#"<option value="{}">"#, escape(value));
            let selected = format!(r#"<option value="{}" selected>"#, escape(value));
            page = page.replacen(&option, &selected, 1);
        }
    }
    let page = page
        .replacen(
            r#"name="q""#,
            &format!(r#"name="q" value="{}""#, escape(&asked.typed)),
            1,
        )
        .replacen(
            r#"aria-live="polite"></p>"#,
            &format!(r#"aria-live="polite">{}</p>"#, escape(status)),
            1,
        )
        .replacen(
            r#"tabindex="-1"></section>"#,
            &format!(r#"tabindex="-1">{results}</section>"#),
            1,
        );
    match article {
        Some(article) => page.replacen(
            r#"<article id="article" hidden tabindex="-1"></article>"#,
            &format!(r#"<article id="article" tabindex="-1">{article}</article>"#),
            1,
        ),
        None => page,
    }
}

/// How many articles match, as the scripts say it (`matchStatus` in `assets/render.js`):
/// those with every word, and those with only some.
fn status(results: &SearchResults) -> String {
    let partial = results.partial_hits;
    let (are, plural) = if partial > 1 { ("ont", "s") } else { ("a", "") };
    match (results.total_hits, partial) {
        (0, 0) => "Aucun article ne correspond.".to_string(),
        (0, _) => format!("Aucun article n’a tous les mots ; {partial} en {are} une partie."),
        (hits, _) => {
            let articles = if hits > 1 { "articles" } else { "article" };
            let others = if partial > 0 {
                format!(" · {partial} autre{plural} n’en {are} qu’une partie")
            } else {
                String::new()
            };
            format!("{hits} {articles}{others}")
        }
    }
}

/// "Vouliez-vous dire …" with a link per indexed word close to a word typed, or nothing.
fn suggestions(results: &SearchResults, asked: &PageState) -> String {
    if results.suggestions.is_empty() {
        return String::new();
    }
    let links: Vec<String> = results
        .suggestions
        .iter()
        .map(|suggestion| {
            let typed = asked
                .typed
                .replacen(&suggestion.word, &suggestion.suggestion, 1);
            format!(
                r#"<a href="{}">{}</a> ({})"#,
                escape(&link(asked, &[("q", &typed), ("offset", "0")])),
                escape(&suggestion.suggestion),
                suggestion.articles
            )
        })
        .collect();
    format!(
        r#"<p class="suggestions">Vouliez-vous dire {} ?</p>"#,
        links.join(", ")
    )
}

/// The hits as the scripts draw them (`assets/render.js`), with links to the next pages.
fn hits(results: &SearchResults, asked: &PageState) -> String {
    let mut html = suggestions(results, asked);
    html += &format!(r#"<ol class="hits" start="{}">"#, results.offset + 1);
    for hit in &results.hits {
        let (class, missing) = match hit.matched {
            MatchKind::Full => ("hit", String::new()),
            MatchKind::Partial => (
                "hit partial",
                format!(
                    r#"<p class="missing">Correspondance partielle : sans « {} »</p>"#,
                    escape(&hit.missing.join(" », « "))
                ),
            ),
        };
        html += &format!(
            r#"<li class="{class}" data-id="{id}"><h3><a href="{href}">{title}</a></h3>{meta}{missing}<p class="snippet">{snippet}</p></li>"#,
            id = escape(&hit.article.id),
            href = escape(&link(asked, &[("id", &hit.article.id)])),
            title = escape(&hit.article.title),
            meta = metadata(&hit.article),
            snippet = marked_text(&hit.snippet.text, &hit.snippet.highlights),
        );
    }
    html += r#"</ol><nav class="paging" aria-label="Pages de résultats">"#;
    let end = results.offset + results.hits.len();
    if results.offset > 0 {
        let previous = results.offset.saturating_sub(PAGE).to_string();
        html += &format!(
            r#"<a rel="prev" href="{}">← Précédents</a>"#,
            escape(&link(asked, &[("offset", &previous)]))
        );
    }
    if (end as u64) < results.total_distinct {
        html += &format!(
            r#"<a rel="next" href="{}">Suivants →</a>"#,
            escape(&link(asked, &[("offset", &end.to_string())]))
        );
    }
    html + "</nav>"
}

fn article_html(article: &ArticleView, asked: &PageState) -> String {
    let marks = article.body_highlights.as_deref().unwrap_or_default();
    let mut body = String::new();
    // Paragraphs are separated by blank lines; marks count characters over the whole body.
    let mut start = 0;
    for paragraph in article.body.split("\n\n") {
        let length = paragraph.chars().count();
        let inside: Vec<[usize; 2]> = marks
            .iter()
            .filter(|[from, to]| *from >= start && *to <= start + length)
            .map(|[from, to]| [from - start, to - start])
            .collect();
        body += &format!("<p>{}</p>", marked_text(paragraph, &inside));
        start += length + 2;
    }
    format!(
        r#"<p><a class="back" href="{back}">← Retour aux résultats</a></p><h2>{title}</h2>{meta}<div class="body">{body}</div>"#,
        back = escape(&link(asked, &[])),
        title = escape(&article.article.title),
        meta = metadata(&article.article),
    )
}

fn metadata(article: &ArticleSummary) -> String {
    let parts: Vec<String> = [
        Some(article.date.as_deref().unwrap_or("sans date")),
        article.category.as_deref(),
        article.author.as_deref(),
        article.source.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(escape)
    .collect();
    format!(r#"<p class="meta">{}</p>"#, parts.join(" · "))
}

/// `text` escaped, with the `[start, end)` character ranges in `<mark>`.
fn marked_text(text: &str, ranges: &[[usize; 2]]) -> String {
    let characters: Vec<char> = text.chars().collect();
    let piece = |from: usize, to: usize| escape(&characters[from..to].iter().collect::<String>());
    let mut html = String::with_capacity(text.len() + 16 * ranges.len());
    let mut at = 0;
    for &[start, end] in ranges {
        if start < at || end <= start || end > characters.len() {
            continue;
        }
        html += &piece(at, start);
        html += &format!("<mark>{}</mark>", piece(start, end));
        at = end;
    }
    html + &piece(at, characters.len())
}

/// The page's address with these parameters replaced (the others kept as asked).
fn link(asked: &PageState, replaced: &[(&str, &str)]) -> String {
    let mut pairs: Vec<(String, String)> = asked
        .search
        .iter()
        .filter(|(name, _)| !["q", "limit", "facets"].contains(&name.as_str()))
        .filter(|(name, _)| !replaced.iter().any(|(other, _)| other == name))
        .cloned()
        .collect();
    let filters = asked
        .clause_filters
        .iter()
        .filter(|(name, _)| !replaced.iter().any(|(other, _)| other == name))
        .cloned();
    let typed = (!replaced.iter().any(|(name, _)| *name == "q"))
        .then(|| ("q".to_string(), asked.typed.clone()));
    pairs.splice(0..0, typed.into_iter().chain(filters));
    pairs.extend(
        replaced
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string())),
    );
    // The text first, as people read an address.
    pairs.sort_by_key(|(name, _)| name != "q");
    let query: Vec<String> = pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", percent_encode(value)))
        .collect();
    format!("/?{}", query.join("&"))
}

/// What a value keeps unescaped in an address: the unreserved characters of RFC 3986.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, UNRESERVED).to_string()
}

/// Text made safe inside HTML elements and quoted attributes.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_everywhere() {
        assert_eq!(
            escape(r#"<img src=x onerror="a('b')"> & co"#),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; co"
        );
    }

    #[test]
    fn marks_count_characters_and_escape_what_they_hold() {
        assert_eq!(
            marked_text("La Corée <b>Corée</b>", &[[3, 8], [12, 17]]),
            "La <mark>Corée</mark> &lt;b&gt;<mark>Corée</mark>&lt;/b&gt;"
        );
        // Overlapping, empty or out-of-range marks are left out rather than misplaced.
        assert_eq!(
            marked_text("Séoul", &[[0, 2], [1, 3], [4, 4], [3, 99]]),
            "<mark>Sé</mark>oul"
        );
    }

    #[test]
    fn filters_become_clauses_before_the_text_as_the_scripts_make_them() {
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect()
        };
        let asked = PageState::read(&pairs(&[
            ("q", "\"Corée"),
            ("author", "Anne \"AR\" Roux"),
            ("author", "Paul Giraud"),
            ("category", "Monde"),
            ("offset", "10"),
        ]));
        assert_eq!(
            asked.marked,
            r#"author:("Anne  AR  Roux" OR "Paul Giraud") "Corée"#
        );
        assert!(asked
            .search
            .contains(&("category".to_string(), "Monde".to_string())));
        assert_eq!(
            link(&asked, &[("offset", "20")]),
            "/?q=%22Cor%C3%A9e&author=Anne%20%22AR%22%20Roux&author=Paul%20Giraud&category=Monde&offset=20",
            "the next page keeps every filter"
        );
        // Without text, the category and the period are the query.
        let browsing = PageState::read(&pairs(&[
            ("category", "Monde"),
            ("since", "2024-03"),
            ("until", "2024-06"),
        ]));
        assert_eq!(
            browsing.marked,
            r#"category:("Monde") date:2024-03..2024-06"#
        );
    }
}
