//! Answering the commands from the cluster: one search request per query (the page collapsed on the group key, facets from aggregations, snippets from the highlighter), `show`, `similar` and `stats`, in the embedded engine's results.

use crate::date::Granularity;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::analysis::terms;
use crate::date::Date;
use crate::engine::{ArticleSearch, SearchRequest};
use crate::error::Result;
use crate::results::{ArticleSummary, ArticleView, Hit, IndexStats, MatchKind, SearchResults};
use crate::search::parse;
use crate::search::snippet::{highlights, QueryTerms};
use crate::search::spelling::FEW_MATCHES;
use crate::search::{
    DateFacet, FacetRequest, Filters, KeywordFacet, MatchMode, Recency, SortOrder, Synonyms,
};

use super::client::Client;
use super::mapping::MAX_LISTED_DUPLICATES;
use super::query::{iso_day, translate, Translated};
use super::{check_format, facets, snippets};

/// How many of the article's words make a "more like this" query: the most distinctive.
const SIMILAR_TERMS: usize = 25;
/// The most near-duplicates `show` lists.
const MAX_SHOWN_DUPLICATES: usize = 10_000;
/// How long the span of publication days read for recency is used before it is read
/// again: a server sees the articles indexed since it started.
const DATE_SPAN_LIFETIME: Duration = Duration::from_secs(60);

/// The oldest and newest publication days, `YYYYMMDD`.
type DaySpan = (i64, i64);

/// Searches one index of a cluster.
pub(crate) struct ClusterSearcher {
    client: Arc<Client>,
    index: String,
    /// The oldest and newest publication days (`YYYYMMDD`) for recency, and when they were
    /// read.
    date_span: Mutex<Option<(Instant, Option<DaySpan>)>>,
    /// Names that stand for one another in queries (the built-in list unless set).
    synonyms: Synonyms,
}

impl ClusterSearcher {
    pub(crate) fn open(client: Arc<Client>, index: &str) -> Result<ClusterSearcher> {
        if !check_format(&client, index)? {
            return Err(client.error(format!(
                "no index {index} on the cluster: run `newsearch index --engine opensearch` first"
            )));
        }
        Ok(ClusterSearcher {
            client,
            index: index.to_string(),
            date_span: Mutex::new(None),
            synonyms: Synonyms::built_in(),
        })
    }

    /// Uses these synonyms in queries instead of the built-in list.
    pub(crate) fn set_synonyms(&mut self, synonyms: Synonyms) {
        self.synonyms = synonyms;
    }

    pub(super) fn search_index(&self, body: &Value) -> Result<Value> {
        // Term statistics of all shards, so that scores do not depend on the sharding.
        self.client.post(
            &format!("/{}/_search?search_type=dfs_query_then_fetch", self.index),
            body,
        )
    }

    /// Runs a translated query: the page of hits (one per near-duplicate group unless the
    /// request says otherwise, the group `excluded_group` left out), the totals, the facets.
    /// With `words`, articles with only some of them are partial matches: ranked among the
    /// full ones by relevance, after them in a date order, and neither counted nor faceted.
    fn run(
        &self,
        translated: &Translated,
        request: &SearchRequest,
        excluded_group: Option<&str>,
        started: Instant,
    ) -> Result<SearchResults> {
        let mut query = translated
            .query
            .clone()
            .unwrap_or_else(|| json!({"match_none": {}}));
        if let Some(group) = excluded_group {
            query = json!({"bool": {"must": [query], "must_not": [{"term": {"group": group}}]}});
        }
        if let Some(recency) = request.recency {
            if let Some(span) = self.date_span()? {
                query = with_recency(query, recency, span);
            }
        }
        let words = &translated.words;
        let (answer, counts) = match &translated.every_word {
            Some(every_word) if request.sort != SortOrder::Relevance => {
                self.full_then_partial(query.clone(), every_word, translated, request)?
            }
            every_word => {
                let answer = self.page(
                    query.clone(),
                    &translated.highlight_terms,
                    request,
                    request.offset,
                    request.limit,
                    every_word.as_ref(),
                )?;
                let counts = Counts::of(&answer, every_word.is_some(), request.collapse);
                (answer, counts)
            }
        };
        let page = answer["hits"]["hits"]
            .as_array()
            .map_or(&[][..], Vec::as_slice);
        let copies = if request.collapse {
            self.copies(&query, page, &sort(request.sort))?
        } else {
            HashMap::new()
        };
        let hits = page
            .iter()
            .enumerate()
            .map(|(index, hit)| {
                let group = hit["_source"]["group"].as_str().unwrap_or_default();
                let copies = copies.get(group).map_or(&[][..], Vec::as_slice);
                read_hit(hit, request.offset + index + 1, words, copies)
            })
            .collect();
        let aggregations = if translated.every_word.is_some() {
            &answer["aggregations"]["full"]
        } else {
            &answer["aggregations"]
        };
        Ok(SearchResults {
            query: request.text.clone(),
            query_terms: translated.highlight_terms.listed(),
            total_hits: counts.full,
            partial_hits: counts.partial,
            total_distinct: counts.distinct,
            elapsed_ms: started.elapsed().as_secs_f64() * 1000.0,
            offset: request.offset,
            limit: request.limit,
            hits,
            facets: facets::facets(&request.facets, aggregations),
            // A search with few matches adds them (`search`).
            suggestions: Vec::new(),
        })
    }

    /// A page in a date order when some articles may be partial matches: the full matches
    /// first, then as many partial ones as the page still has room for.
    fn full_then_partial(
        &self,
        query: Value,
        every_word: &Value,
        translated: &Translated,
        request: &SearchRequest,
    ) -> Result<(Value, Counts)> {
        let full = json!({"bool": {"must": [query.clone()], "filter": [every_word]}});
        let partial = json!({"bool": {"must": [query], "must_not": [every_word]}});
        let terms = &translated.highlight_terms;
        let mut answer = self.page(full, terms, request, request.offset, request.limit, None)?;
        let full_counts = Counts::of(&answer, false, request.collapse);
        let shown = answer["hits"]["hits"].as_array().map_or(0, Vec::len);
        let room = request.limit - shown.min(request.limit);
        let offset = request.offset.saturating_sub(full_counts.distinct as usize);
        let rest = self.page(partial, terms, request, offset, room, None)?;
        let partial_counts = Counts::of(&rest, false, request.collapse);
        if let (Some(hits), Some(more)) = (
            answer["hits"]["hits"].as_array_mut(),
            rest["hits"]["hits"].as_array(),
        ) {
            hits.extend(more.iter().cloned());
        }
        // The facets are the full matches': `run` reads them under `full`.
        answer["aggregations"] = json!({"full": answer["aggregations"].take()});
        let counts = Counts {
            full: full_counts.full,
            partial: partial_counts.full,
            distinct: full_counts.distinct,
        };
        Ok((answer, counts))
    }

    /// One search request: `size` results from `from`, the facets and the count of distinct
    /// results (of the articles with `every_word`, when given, under `full`).
    fn page(
        &self,
        query: Value,
        terms: &QueryTerms,
        request: &SearchRequest,
        from: usize,
        size: usize,
        every_word: Option<&Value>,
    ) -> Result<Value> {
        let sort = sort(request.sort);
        let mut counted = facets::aggregations(&request.facets);
        let mut body = json!({
            "query": query,
            "from": from,
            "size": size,
            "sort": sort,
            "track_scores": true,
            "track_total_hits": true,
            "_source": {"excludes": ["body"]},
            "highlight": snippets::highlight(terms),
        });
        if request.collapse {
            body["collapse"] = json!({"field": "group"});
            counted.insert(
                "distinct".to_string(),
                json!({"cardinality": {"field": "group", "precision_threshold": 40_000}}),
            );
        }
        let aggregations = match every_word {
            Some(every_word) => {
                json!({"full": {"filter": every_word, "aggs": counted}})
            }
            None => Value::Object(counted),
        };
        body["aggs"] = aggregations;
        self.search_index(&body)
    }

    /// The matching articles of the page's groups that hold more than one, by group, in
    /// `sort` order: one search for the whole page (a collapse's inner hits would run one
    /// search per hit, which measured slower than the rest of the query).
    fn copies(
        &self,
        query: &Value,
        page: &[Value],
        sort: &Value,
    ) -> Result<HashMap<String, Vec<String>>> {
        let groups: Vec<&str> = page
            .iter()
            .filter_map(|hit| hit["_source"]["group"].as_str())
            .collect();
        if groups.is_empty() {
            return Ok(HashMap::new());
        }
        let answer = self.client.post(
            &format!("/{}/_search", self.index),
            &json!({
                "size": 0,
                "query": {"bool": {"must": [query], "filter": [{"terms": {"group": groups}}]}},
                "aggs": {"groups": {
                    "terms": {"field": "group", "size": groups.len(), "min_doc_count": 2},
                    "aggs": {"copies": {"top_hits": {
                        "size": MAX_LISTED_DUPLICATES, "sort": sort, "_source": false
                    }}}
                }}
            }),
        )?;
        let buckets = answer["aggregations"]["groups"]["buckets"]
            .as_array()
            .map_or(&[][..], Vec::as_slice);
        Ok(buckets
            .iter()
            .filter_map(|bucket| {
                let key = bucket["key"].as_str()?.to_string();
                Some((key, ids(&bucket["copies"]["hits"]["hits"], "")))
            })
            .collect())
    }

    /// The oldest and newest publication days of the index, if any article has a date.
    fn date_span(&self) -> Result<Option<DaySpan>> {
        let cached = *self
            .date_span
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some((read_at, span)) = cached {
            if read_at.elapsed() < DATE_SPAN_LIFETIME {
                return Ok(span);
            }
        }
        let answer = self.search_index(&json!({
            "size": 0,
            "aggs": {
                "oldest": {"min": {"field": "date", "format": "yyyyMMdd"}},
                "newest": {"max": {"field": "date", "format": "yyyyMMdd"}}
            }
        }))?;
        let day = |name: &str| {
            answer["aggregations"][name]["value_as_string"]
                .as_str()
                .and_then(|text| text.parse::<i64>().ok())
        };
        let span = day("oldest").zip(day("newest"));
        *self
            .date_span
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some((Instant::now(), span));
        Ok(span)
    }

    /// The stored fields of the article with this id (`body` included).
    fn source(&self, id: &str) -> Result<Option<Value>> {
        let answer = self.client.post(
            &format!("/{}/_search", self.index),
            &json!({"query": {"ids": {"values": [id]}}, "size": 1}),
        )?;
        Ok(answer["hits"]["hits"][0].get("_source").cloned())
    }

    /// The articles of a group (`None`: all of it), ids in order, but `except`.
    fn group_members(&self, group: &str, except: &str) -> Result<Vec<String>> {
        let answer = self.client.post(
            &format!("/{}/_search", self.index),
            &json!({
                "query": {"bool": {
                    "filter": [{"term": {"group": group}}],
                    "must_not": [{"ids": {"values": [except]}}]
                }},
                "size": MAX_SHOWN_DUPLICATES,
                "sort": [{"id": "asc"}],
                "_source": false
            }),
        )?;
        Ok(ids(&answer["hits"]["hits"], except))
    }

    /// The terms of `text` with the highest tf-idf over the index, best first, ties by the
    /// term; terms in no more than `min_articles` articles are left out (as the embedded
    /// engine's "more like this").
    fn distinctive_terms(&self, text: &str, min_articles: u64) -> Result<Vec<(String, f32)>> {
        let mut frequencies: HashMap<String, u32> = HashMap::new();
        for term in terms(text) {
            *frequencies.entry(term).or_default() += 1;
        }
        let candidates: Vec<(String, u32)> = frequencies.into_iter().collect();
        // One request counts the articles of every term, over all shards.
        let filters: serde_json::Map<String, Value> = candidates
            .iter()
            .enumerate()
            .map(|(index, (term, _))| (index.to_string(), json!({"term": {"text": term}})))
            .collect();
        let answer = self.search_index(&json!({
            "size": 0,
            "track_total_hits": true,
            "aggs": {"terms": {"filters": {"filters": filters}}}
        }))?;
        let articles = answer["hits"]["total"]["value"]
            .as_u64()
            .unwrap_or(0)
            .max(1) as f32;
        let buckets = &answer["aggregations"]["terms"]["buckets"];
        let mut weighted = Vec::new();
        for (index, (term, frequency)) in candidates.into_iter().enumerate() {
            let in_articles = buckets[index.to_string()]["doc_count"]
                .as_u64()
                .unwrap_or(0);
            if in_articles <= min_articles {
                continue;
            }
            let in_articles = in_articles as f32;
            let idf = (1.0 + (articles - in_articles + 0.5) / (in_articles + 0.5)).ln();
            weighted.push((term, frequency as f32 * idf));
        }
        weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        weighted.truncate(SIMILAR_TERMS);
        Ok(weighted)
    }
}

impl ArticleSearch for ClusterSearcher {
    fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = Instant::now();
        let nodes = parse(&request.text)?;
        let translated = translate(
            &nodes,
            request.mode,
            request.fuzzy,
            &request.filters,
            &self.synonyms,
        );
        let mut results = self.run(&translated, request, None, started)?;
        if results.total_hits < FEW_MATCHES {
            results.suggestions = self.suggestions(&nodes)?;
            // The time reported is the whole query's, suggestions included.
            results.elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        }
        Ok(results)
    }

    fn article(&self, id: &str) -> Result<Option<ArticleView>> {
        let Some(source) = self.source(id)? else {
            return Ok(None);
        };
        let group = source["group"].as_str().unwrap_or_default();
        Ok(Some(ArticleView {
            article: summary(&source),
            body: text(&source, "body").unwrap_or_default(),
            duplicates: self.group_members(group, id)?,
            body_highlights: None,
        }))
    }

    fn ids_in_file(&self, path: &str) -> Result<Vec<String>> {
        let answer = self.client.post(
            &format!("/{}/_search", self.index),
            &json!({
                "query": {"bool": {"filter": [{"term": {"path": path}}]}},
                "size": MAX_SHOWN_DUPLICATES,
                "sort": [{"id": "asc"}],
                "_source": false
            }),
        )?;
        Ok(ids(&answer["hits"]["hits"], ""))
    }

    fn mark_query(&self, article: &mut ArticleView, query: &str) -> Result<()> {
        let nodes = parse(query)?;
        let translated = translate(
            &nodes,
            MatchMode::Any,
            false,
            &Filters::default(),
            &self.synonyms,
        );
        article.body_highlights = Some(highlights(&article.body, &translated.highlight_terms));
        Ok(())
    }

    fn similar(&self, id: &str, request: &SearchRequest) -> Result<Option<SearchResults>> {
        let started = Instant::now();
        let Some(source) = self.source(id)? else {
            return Ok(None);
        };
        let group = source["group"].as_str().unwrap_or_default();
        // A word found only in the article and its copies says nothing about others.
        let group_size = self.group_members(group, id)?.len() as u64 + 1;
        let article_text = format!(
            "{}\n{}",
            text(&source, "title").unwrap_or_default(),
            text(&source, "body").unwrap_or_default()
        );
        let weighted = self.distinctive_terms(&article_text, group_size)?;
        let best = weighted.first().map_or(1.0, |(_, weight)| *weight);
        let clauses: Vec<Value> = weighted
            .iter()
            .map(
                |(term, weight)| json!({"term": {"text": {"value": term, "boost": weight / best}}}),
            )
            .collect();
        let translated = Translated {
            query: (!clauses.is_empty()).then(|| json!({"bool": {"should": clauses}})),
            words: Vec::new(),
            every_word: None,
            highlight_terms: QueryTerms {
                exact: weighted.into_iter().map(|(term, _)| term).collect(),
                prefixes: Default::default(),
            },
        };
        let mut results = self.run(&translated, request, Some(group), started)?;
        results.query = id.to_string();
        Ok(Some(results))
    }

    fn stats(&self) -> Result<IndexStats> {
        let request = FacetRequest {
            keywords: vec![KeywordFacet::Category],
            date: Some(DateFacet::Periods(Granularity::Month)),
            limit: usize::MAX,
        };
        let mut aggregations = facets::aggregations(&request);
        aggregations.insert(
            "oldest".into(),
            json!({"min": {"field": "date", "format": "yyyy-MM-dd"}}),
        );
        aggregations.insert(
            "newest".into(),
            json!({"max": {"field": "date", "format": "yyyy-MM-dd"}}),
        );
        aggregations.insert(
            "groups".into(),
            json!({"terms": {"field": "group", "min_doc_count": 2, "size": 65_536}}),
        );
        let answer = self.search_index(&json!({
            "size": 0, "track_total_hits": true, "aggs": aggregations
        }))?;
        let aggregations = &answer["aggregations"];
        let facets = facets::facets(&request, aggregations);
        let group_sizes: Vec<u64> = aggregations["groups"]["buckets"]
            .as_array()
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|bucket| bucket["doc_count"].as_u64())
            .collect();
        let store = self.client.get(&format!("/{}/_stats/store", self.index))?;
        Ok(IndexStats {
            articles: answer["hits"]["total"]["value"].as_u64().unwrap_or(0),
            oldest_date: aggregations["oldest"]["value_as_string"]
                .as_str()
                .map(str::to_string),
            newest_date: aggregations["newest"]["value_as_string"]
                .as_str()
                .map(str::to_string),
            undated: aggregations["date_missing"]["doc_count"]
                .as_u64()
                .unwrap_or(0),
            categories: facets.category.unwrap_or_default(),
            months: facets.date.unwrap_or_default(),
            duplicate_groups: group_sizes.len() as u64,
            duplicate_copies: group_sizes.iter().map(|size| size - 1).sum(),
            index_bytes: store["_all"]["primaries"]["store"]["size_in_bytes"]
                .as_u64()
                .unwrap_or(0),
        })
    }
}

/// What a search answer counts.
struct Counts {
    /// Full matches.
    full: u64,
    /// Partial matches.
    partial: u64,
    /// Full matches once near-duplicates are folded.
    distinct: u64,
}

impl Counts {
    /// The counts of an answer of [`ClusterSearcher::page`] (`split`: its facets are under
    /// `full`, whose count is the full matches').
    fn of(answer: &Value, split: bool, collapse: bool) -> Counts {
        let found = answer["hits"]["total"]["value"].as_u64().unwrap_or(0);
        let full = if split {
            answer["aggregations"]["full"]["doc_count"]
                .as_u64()
                .unwrap_or(0)
        } else {
            found
        };
        let counted = if split {
            &answer["aggregations"]["full"]
        } else {
            &answer["aggregations"]
        };
        let distinct = if collapse {
            counted["distinct"]["value"].as_u64().unwrap_or(0).min(full)
        } else {
            full
        };
        Counts {
            full,
            partial: found - full.min(found),
            distinct,
        }
    }
}

/// The sort of a page; equal keys by id, so that pages never overlap.
fn sort(order: SortOrder) -> Value {
    let by_date = |direction: &str| json!({"date": {"order": direction, "missing": "_last"}});
    let by_score = json!({"_score": "desc"});
    let by_id = json!({"id": "asc"});
    match order {
        SortOrder::Relevance => json!([by_score, by_date("desc"), by_id]),
        SortOrder::NewestFirst => json!([by_date("desc"), by_score, by_id]),
        SortOrder::OldestFirst => json!([by_date("asc"), by_score, by_id]),
    }
}

/// The query with each score multiplied by `0.5^(age / half-life)`, the age counted from
/// the newest article; undated articles count as old as the oldest one.
fn with_recency(query: Value, recency: Recency, (oldest, newest): (i64, i64)) -> Value {
    let days = |yyyymmdd: i64| Date::from_yyyymmdd(yyyymmdd).map_or(0, Date::days_since_epoch);
    let undated_age = (days(newest) - days(oldest)).max(0) as f64;
    let undated = 0.5f64
        .powf(undated_age / recency.half_life_days)
        .max(f64::from(f32::MIN_POSITIVE));
    let scale_ms = (recency.half_life_days * 86_400_000.0).max(1.0) as u64;
    json!({"function_score": {
        "query": query,
        "functions": [
            {
                "filter": {"exists": {"field": "date"}},
                "exp": {"date": {
                    "origin": iso_day(newest).unwrap_or_default(),
                    "scale": format!("{scale_ms}ms"),
                    "decay": 0.5
                }}
            },
            {
                "filter": {"bool": {"must_not": [{"exists": {"field": "date"}}]}},
                "weight": undated
            }
        ],
        "score_mode": "multiply",
        "boost_mode": "multiply"
    }})
}

fn text(source: &Value, field: &str) -> Option<String> {
    source[field].as_str().map(str::to_string)
}

/// The article's fields as results show them.
fn summary(source: &Value) -> ArticleSummary {
    ArticleSummary {
        id: text(source, "id").unwrap_or_default(),
        title: text(source, "title").unwrap_or_default(),
        date: text(source, "date"),
        date_inferred: source["date_inferred"].as_bool().unwrap_or(false),
        category: text(source, "category"),
        author: text(source, "author"),
        source: text(source, "source"),
        url: text(source, "url"),
        path: text(source, "path").unwrap_or_default(),
    }
}

/// The ids of search hits, but `except`.
fn ids(hits: &Value, except: &str) -> Vec<String> {
    hits.as_array()
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(|hit| hit["_id"].as_str())
        .filter(|id| *id != except)
        .map(str::to_string)
        .collect()
}

/// One hit of the page at `rank`, with its snippet and its folded near-duplicates (the
/// matching `copies` of its group, itself left out). `words` are the query's plain words,
/// whose clauses are named `word{i}`: those the hit did not match are missing from a
/// partial match.
fn read_hit(hit: &Value, rank: usize, words: &[String], copies: &[String]) -> Hit {
    let id = hit["_id"].as_str().unwrap_or_default();
    let matched: Vec<&str> = hit["matched_queries"]
        .as_array()
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let missing: Vec<String> = words
        .iter()
        .enumerate()
        .filter(|(index, _)| !matched.contains(&format!("word{index}").as_str()))
        .map(|(_, word)| word.clone())
        .collect();
    Hit {
        matched: if missing.is_empty() {
            MatchKind::Full
        } else {
            MatchKind::Partial
        },
        missing,
        rank,
        score: hit["_score"].as_f64().unwrap_or(0.0) as f32,
        article: summary(&hit["_source"]),
        snippet: snippets::snippet(hit["highlight"]["body"][0].as_str()),
        duplicates: copies.iter().filter(|copy| *copy != id).cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recency_halves_per_half_life_and_undated_count_as_the_oldest() {
        let query = with_recency(
            json!({"match_all": {}}),
            Recency {
                half_life_days: 30.0,
            },
            (20240101, 20240131),
        );
        let functions = &query["function_score"]["functions"];
        assert_eq!(functions[0]["exp"]["date"]["origin"], "2024-01-31");
        assert_eq!(functions[0]["exp"]["date"]["scale"], "2592000000ms");
        let undated = functions[1]["weight"].as_f64().unwrap();
        assert!((undated - 0.5).abs() < 1e-9, "{undated}");
    }

    #[test]
    fn hits_keep_scores_and_leave_the_leader_out_of_its_copies() {
        let hit = json!({
            "_id": "a", "_score": 1.0,
            "_source": {"id": "a", "title": "T", "path": "/p", "date": null, "date_inferred": false},
            "highlight": {"body": ["Le \u{E000}mot\u{E001}."]}
        });
        let hit = read_hit(&hit, 3, &[], &["a".to_string(), "b".to_string()]);
        assert_eq!(hit.rank, 3);
        assert_eq!(hit.matched, MatchKind::Full);
        assert!((hit.score - 1.0).abs() < 1e-6);
        assert_eq!(hit.duplicates, ["b"]);
        assert_eq!(hit.snippet.highlights, [[3, 6]]);
        assert_eq!(hit.article.date, None);
    }

    #[test]
    fn a_hit_without_some_plain_words_is_partial_and_names_them() {
        let words = [
            "Corée".to_string(),
            "missile*".to_string(),
            "Séoul".to_string(),
        ];
        let hit = json!({"_id": "a", "_source": {"id": "a"}, "matched_queries": ["word1"]});
        let partial = read_hit(&hit, 1, &words, &[]);
        assert_eq!(partial.matched, MatchKind::Partial);
        assert_eq!(partial.missing, ["Corée", "Séoul"]);
        let hit = json!({"_id": "a", "_source": {"id": "a"},
            "matched_queries": ["word2", "word0", "word1"]});
        let full = read_hit(&hit, 1, &words, &[]);
        assert_eq!(full.matched, MatchKind::Full);
        assert!(full.missing.is_empty());
    }
}
