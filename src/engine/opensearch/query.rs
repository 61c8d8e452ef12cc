//! The parsed query in OpenSearch's Query DSL, clause for clause as `search::query_builder` builds it for tantivy: BM25 over title and body as one text, the title bonus, the bonus for words standing together, field scopes, prefixes, typos, synonyms, filters.
//!
//! Words and phrases are sent as the user typed them and analysed by the cluster with the
//! index's analyzer (so they meet the terms it indexed); newsearch's own analyzer only
//! decides how many terms a leaf has (one term or a phrase), what a prefix is, which names
//! of the synonym list the query holds, and the terms to highlight. Synonyms are expanded
//! here, at query time, into the other names of their group (sent as written, analysed by
//! the cluster like the words typed), so that a changed list needs no reindexing. Scores:
//! OpenSearch's default similarity is Lucene's "legacy" BM25, which keeps the factor
//! `k1 + 1` as tantivy does, so the fixed bonuses are the embedded engine's and both
//! engines print the same scores for the same statistics.

use serde_json::{json, Value};

use crate::analysis::{analyze_query, folded_words, keyword};
use crate::date::{Date, DayRange};
use crate::search::prefix::shorter_stems;
use crate::search::query_builder::{
    name_without_small_words, searched_nodes, spaced_names, top_level_clauses, top_level_words,
    typo_distance, Clauses, Filters, MatchMode, NameRun, NodeTranslator, PREFIX_SCORE,
    PROXIMITY_BONUS, PROXIMITY_SLOP, SYNONYM_WEIGHT, TITLE_BOOST,
};
use crate::search::query_parser::{Node, Scope, TextKind};
use crate::search::snippet::QueryTerms;
use crate::search::Synonyms;

/// The query to run, the plain words a full match has, and the terms to highlight.
pub(crate) struct Translated {
    /// `None` when nothing is searchable (only stop words): nothing matches.
    pub query: Option<Value>,
    /// The plain words as typed (a prefix with its `*`, a typo with its `~`) when there are
    /// two or more and an article may have only some of them (the default mode); the
    /// clause of the `i`-th is named `word{i}` in `query`, so a hit says which it has.
    pub words: Vec<String>,
    /// The articles with every one of `words` (a full match), when there are some.
    pub every_word: Option<Value>,
    pub highlight_terms: QueryTerms,
}

/// The query for the parsed `nodes`. Plain words (no field, no quotes) follow `mode`;
/// everything else is required: phrases, prefixed words, groups, `OR`s, filters. A name of
/// the `synonyms` list also finds the other names of its group.
pub(crate) fn translate(
    nodes: &[Node],
    mode: MatchMode,
    fuzzy: bool,
    filters: &Filters,
    synonyms: &Synonyms,
) -> Translated {
    let (nodes, browse) = searched_nodes(nodes);
    let mut translator = Translator {
        fuzzy,
        synonyms,
        highlight_terms: QueryTerms::default(),
    };
    let Clauses {
        required,
        words,
        excluded,
        has_words,
    } = top_level_clauses(&mut translator, &nodes, mode, synonyms);
    let mut highlight_terms = translator.highlight_terms;
    // Any: a hit needs one of the plain words; Every: a full match has them all.
    let mut optional = Vec::new();
    let words = match mode {
        MatchMode::Any => {
            optional.extend(words.into_iter().map(|word| word.query));
            Vec::new()
        }
        _ => words,
    };
    let every_word = (!words.is_empty()).then(|| {
        let all: Vec<&Value> = words.iter().map(|word| &word.query).collect();
        json!({"bool": {"filter": all}})
    });
    optional.extend(words.iter().enumerate().map(
        |(index, word)| json!({"bool": {"should": [word.query], "_name": format!("word{index}")}}),
    ));
    let words: Vec<String> = words.into_iter().map(|word| word.text).collect();
    let mut must = Vec::new();
    let mut should = Vec::new();
    let mut filter = filter_queries(filters);
    if !optional.is_empty() {
        must.push(json!({"bool": {"should": optional, "minimum_should_match": 1}}));
    }
    let has_required = !required.is_empty();
    must.extend(required);
    if has_words {
        should.extend(proximity_bonus(&nodes));
        should.extend(name_phrases(&nodes, &mut highlight_terms));
    } else if browse || has_required || !filter.is_empty() || !excluded.is_empty() {
        filter.push(json!({"match_all": {}}));
    } else {
        return Translated {
            query: None,
            words,
            every_word,
            highlight_terms,
        };
    }
    Translated {
        query: Some(json!({"bool": {
            "must": must, "should": should, "must_not": excluded, "filter": filter
        }})),
        words,
        every_word,
        highlight_terms,
    }
}

/// The phrase of each name typed with its small word apart ("Notre Dame"), as a bonus,
/// its terms highlighted.
fn name_phrases(nodes: &[Node], highlight_terms: &mut QueryTerms) -> Vec<Value> {
    let mut phrases = Vec::new();
    for name in spaced_names(nodes) {
        let terms: Vec<String> = analyze_query(&name)
            .into_iter()
            .map(|token| token.term)
            .collect();
        if terms.len() > 1 {
            phrases.push(json!({"match_phrase": {"text": {"query": name, "slop": 0}}}));
            highlight_terms.exact.extend(terms);
        }
    }
    phrases
}

/// A clause that only restricts: it scores nothing, like tantivy's zero-scored filters.
fn filter_only(query: Value) -> Value {
    json!({"bool": {"filter": [query]}})
}

/// A clause worth a fixed `score` when it matches.
fn fixed_score(query: Value, score: f32) -> Value {
    json!({"constant_score": {"filter": query, "boost": score}})
}

fn boosted(query: Value, boost: f32) -> Value {
    json!({"bool": {"should": [query], "boost": boost}})
}

/// Any of the names of one thing, scored by the best of them (as tantivy's disjunction max,
/// whose tie breaker is 0): an article that says both "PSG" and "Paris Saint-Germain" is
/// not about it twice.
fn best_of(mut queries: Vec<Value>) -> Value {
    if queries.len() == 1 {
        return queries.remove(0);
    }
    json!({"dis_max": {"queries": queries, "tie_breaker": 0.0}})
}

/// Turns the nodes below the top level into clauses, collecting the terms to highlight.
struct Translator<'a> {
    fuzzy: bool,
    synonyms: &'a Synonyms,
    highlight_terms: QueryTerms,
}

impl NodeTranslator for Translator<'_> {
    type Query = Value;

    /// The clause of one node; `None` when it has nothing searchable (only stop words).
    /// `highlight` is false under an exclusion.
    fn node(&mut self, node: &Node, highlight: bool) -> Option<Value> {
        match node {
            Node::Leaf { scope, kind, text } => self.leaf(*scope, *kind, text, highlight),
            Node::DateRange(range) => Some(filter_only(date_range(*range))),
            Node::Not(inner) => {
                let inner = self.node(inner, false)?;
                Some(json!({"bool": {"filter": [{"match_all": {}}], "must_not": [inner]}}))
            }
            Node::Group(nodes) => {
                let mut must = Vec::new();
                let mut must_not = Vec::new();
                for part in nodes {
                    match part {
                        Node::Not(inner) => must_not.extend(self.node(inner, false)),
                        _ => must.extend(self.node(part, highlight)),
                    }
                }
                if must.is_empty() && must_not.is_empty() {
                    return None;
                }
                let filter: Vec<Value> = if must.is_empty() {
                    vec![json!({"match_all": {}})]
                } else {
                    Vec::new()
                };
                Some(json!({"bool": {"must": must, "must_not": must_not, "filter": filter}}))
            }
            Node::Or(nodes) => {
                let mut alternatives: Vec<Value> = nodes
                    .iter()
                    .filter_map(|part| self.node(part, highlight))
                    .collect();
                match alternatives.len() {
                    0 => None,
                    1 => alternatives.pop(),
                    _ => Some(json!({"bool": {"should": alternatives, "minimum_should_match": 1}})),
                }
            }
        }
    }

    /// The clause of one word of a name of several words (`Union` of "Union européenne"),
    /// or any of the name's synonyms: an article with `UE` has every word of the name.
    fn with_synonyms_of_name(&mut self, query: Value, run: &NameRun) -> Value {
        let synonyms = self.synonyms_of(&run.terms, run.names, Scope::Text, run.first);
        // The first word of the name scores its synonyms; the others only accept them,
        // or an article with `UE` would score it once per word of "Union européenne".
        let synonyms = synonyms.into_iter().map(|query| match run.first {
            true => query,
            false => filter_only(query),
        });
        best_of(std::iter::once(query).chain(synonyms).collect())
    }
}

impl Translator<'_> {
    fn leaf(&mut self, scope: Scope, kind: TextKind, text: &str, highlight: bool) -> Option<Value> {
        let keyword_field = match scope {
            Scope::Category => Some("category"),
            Scope::Author => Some("author"),
            Scope::Source => Some("source"),
            Scope::Text | Scope::Title | Scope::Body | Scope::Date => None,
        };
        if let Some(field) = keyword_field {
            return keyword_query(field, kind, text);
        }
        if kind == TextKind::Prefix {
            let prefix = folded_words(text).pop()?;
            // A body prefix looks in the whole text, as in the embedded engine.
            let field = if scope == Scope::Title {
                "title"
            } else {
                "text"
            };
            let query = prefix_query(field, &prefix);
            if highlight {
                self.highlight_terms.prefixes.insert(prefix);
            }
            return Some(query);
        }
        let terms: Vec<String> = analyze_query(text)
            .into_iter()
            .map(|token| token.term)
            .collect();
        let first = terms.first()?;
        let fuzzy = match kind {
            TextKind::Typo(Some(0)) => None,
            TextKind::Typo(Some(distance)) => Some(distance),
            TextKind::Typo(None) => typo_distance(first),
            TextKind::Word if self.fuzzy => typo_distance(first),
            _ => None,
        }
        .filter(|_| terms.len() == 1);
        let slop = match kind {
            TextKind::Near(slop) => slop,
            _ => 0,
        };
        let phrase = Phrase {
            terms: terms.len(),
            slop,
        };
        let mut alternatives = vec![scoped(scope, text, phrase, fuzzy)];
        if let Some(apart) = name_without_small_words(text) {
            let terms = analyze_query(&apart).len();
            alternatives.push(scoped(scope, &apart, Phrase { terms, slop }, fuzzy));
        }
        // A name of the synonym list also finds the other names of its group.
        let names = match kind {
            TextKind::Word | TextKind::Phrase => self.synonyms.group(&terms),
            _ => None,
        };
        if let Some(names) = names {
            alternatives.extend(self.synonyms_of(&terms, names, scope, highlight));
        }
        if highlight {
            self.highlight_terms.exact.extend(terms);
        }
        Some(best_of(alternatives))
    }

    /// The clauses of the names of a synonym group but the one with `own_terms`, in
    /// `scope`, each weighing [`SYNONYM_WEIGHT`].
    fn synonyms_of(
        &mut self,
        own_terms: &[String],
        names: &[String],
        scope: Scope,
        highlight: bool,
    ) -> Vec<Value> {
        let mut queries = Vec::new();
        for name in names {
            let terms: Vec<String> = analyze_query(name)
                .into_iter()
                .map(|token| token.term)
                .collect();
            if terms == own_terms {
                continue;
            }
            let phrase = Phrase {
                terms: terms.len(),
                slop: 0,
            };
            queries.push(boosted(scoped(scope, name, phrase, None), SYNONYM_WEIGHT));
            if highlight {
                self.highlight_terms.exact.extend(terms);
            }
        }
        queries
    }
}

/// A word or phrase in the title, the body, or the whole text with the title bonus (`scope`).
fn scoped(scope: Scope, text: &str, phrase: Phrase, typos: Option<u8>) -> Value {
    match scope {
        Scope::Title => in_field("title", text, phrase, typos),
        Scope::Body => body_words(text, phrase, typos),
        _ => json!({"bool": {"should": [
            boosted(in_field("title", text, phrase, None), TITLE_BOOST),
            in_field("text", text, phrase, typos),
        ]}}),
    }
}

/// A category, author or source: the whole value (folded), or values starting with a prefix.
fn keyword_query(field: &str, kind: TextKind, text: &str) -> Option<Value> {
    let value = keyword(text);
    if value.is_empty() {
        return None;
    }
    let query = if kind == TextKind::Prefix {
        json!({"prefix": {field: value}})
    } else {
        json!({"term": {field: value}})
    };
    Some(filter_only(query))
}

/// Terms starting with a folded `prefix`, and the stems cut from it, for a fixed score.
fn prefix_query(field: &str, prefix: &str) -> Value {
    let mut alternatives = vec![json!({"prefix": {field: prefix}})];
    let cut = shorter_stems(prefix);
    if !cut.is_empty() {
        alternatives.push(json!({"terms": {field: cut}}));
    }
    fixed_score(json!({"bool": {"should": alternatives}}), PREFIX_SCORE)
}

/// How many analysed terms a word or phrase has, and how many other words a phrase lets in
/// among them (`"phrase"~N`).
#[derive(Debug, Clone, Copy)]
struct Phrase {
    terms: usize,
    slop: u32,
}

/// One field's clause for a word or phrase: the term (with its near spellings, `typos`
/// edits away, for a fixed score), or the phrase with its gaps.
fn in_field(field: &str, text: &str, phrase: Phrase, typos: Option<u8>) -> Value {
    if phrase.terms > 1 {
        return json!({"match_phrase": {field: {"query": text, "slop": phrase.slop}}});
    }
    let exact = json!({"match": {field: {"query": text, "operator": "and"}}});
    match typos {
        None => exact,
        Some(distance) => json!({"bool": {"should": [exact, fixed_score(json!({"match": {field: {
            "query": text,
            "fuzziness": distance,
            "fuzzy_transpositions": true,
            "prefix_length": 0,
            "max_expansions": 1024,
            "fuzzy_rewrite": "constant_score"
        }}}), 1.0)]}}),
    }
}

/// `body:` words: a word in the body; a phrase scored in the text and required in the body
/// (exact here: the cluster indexes the body on its own). Typo matches look in the whole
/// text, as in the embedded engine.
fn body_words(text: &str, phrase: Phrase, typos: Option<u8>) -> Value {
    if phrase.terms > 1 {
        return json!({"bool": {
            "must": [in_field("text", text, phrase, None)],
            "filter": [in_field("body", text, phrase, None)]
        }});
    }
    let exact = in_field("body", text, phrase, None);
    match typos {
        None => exact,
        Some(_) => json!({"bool": {"should": [exact, in_field("text", text, phrase, typos)]}}),
    }
}

/// A fixed bonus for articles where the query's plain top-level words stand close
/// together, in order.
fn proximity_bonus(nodes: &[Node]) -> Option<Value> {
    let words = top_level_words(nodes);
    let joined = words.join(" ");
    if analyze_query(&joined).len() < 2 {
        return None;
    }
    let together = json!({"match_phrase": {"text": {"query": joined, "slop": PROXIMITY_SLOP}}});
    Some(fixed_score(together, PROXIMITY_BONUS))
}

/// Published within the range.
fn date_range(range: DayRange) -> Value {
    let mut bounds = serde_json::Map::new();
    if let Some(from) = range.from {
        bounds.insert("gte".into(), from.to_string().into());
    }
    if let Some(to) = range.to {
        bounds.insert("lte".into(), to.to_string().into());
    }
    json!({"range": {"date": bounds}})
}

/// `YYYY-MM-DD` of a `YYYYMMDD` value.
pub(crate) fn iso_day(yyyymmdd: i64) -> Option<String> {
    Date::from_yyyymmdd(yyyymmdd).map(|date| date.to_string())
}

/// The `--category`, `--since` and `--until` restrictions, scoring nothing.
fn filter_queries(filters: &Filters) -> Vec<Value> {
    let mut queries = Vec::new();
    if !filters.categories.is_empty() {
        let values: Vec<String> = filters.categories.iter().map(|c| keyword(c)).collect();
        queries.push(json!({"terms": {"category": values}}));
    }
    if !filters.dates.is_open() {
        queries.push(date_range(filters.dates));
    }
    queries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query_parser::parse_query;

    fn query(text: &str, mode: MatchMode) -> Value {
        translate(
            &parse_query(text).unwrap(),
            mode,
            false,
            &Filters::default(),
            &Synonyms::built_in(),
        )
        .query
        .unwrap()
    }

    #[test]
    fn plain_words_are_optional_and_stand_together_for_a_bonus() {
        let query = query("Corée Séoul", MatchMode::Any);
        let any = &query["bool"]["must"][0]["bool"];
        assert_eq!(any["minimum_should_match"], 1);
        assert_eq!(any["should"].as_array().unwrap().len(), 2);
        let bonus = &query["bool"]["should"][0]["constant_score"];
        assert_eq!(
            bonus["filter"]["match_phrase"]["text"]["slop"],
            PROXIMITY_SLOP
        );
        let expected = PROXIMITY_BONUS;
        assert!((bonus["boost"].as_f64().unwrap() as f32 - expected).abs() < 1e-6);
    }

    #[test]
    fn plain_words_of_the_default_mode_are_named_and_a_full_match_has_them_all() {
        let translated = translate(
            &parse_query("Corée missil* \"mer Jaune\"~3").unwrap(),
            MatchMode::Every,
            false,
            &Filters::default(),
            &Synonyms::built_in(),
        );
        assert_eq!(translated.words, ["Corée", "missil*"]);
        let text = translated.query.unwrap().to_string();
        assert!(text.contains(r#""_name":"word0""#), "{text}");
        assert!(text.contains(r#""_name":"word1""#), "{text}");
        assert!(
            text.contains(r#""match_phrase":{"text":{"query":"mer Jaune","slop":3}}"#),
            "{text}"
        );
        let every = translated.every_word.unwrap();
        assert_eq!(every["bool"]["filter"].as_array().unwrap().len(), 2);
        let one = translate(
            &parse_query("Corée").unwrap(),
            MatchMode::Every,
            false,
            &Filters::default(),
            &Synonyms::built_in(),
        );
        assert!(one.words.is_empty() && one.every_word.is_none());
    }

    #[test]
    fn phrases_exclusions_and_fields() {
        let query = query(
            r#""Corée du Nord" -Russie title:Séoul category:Économie date:2024-10"#,
            MatchMode::Any,
        );
        let text = query.to_string();
        assert!(
            text.contains(r#""match_phrase":{"text":{"query":"Corée du Nord","slop":0}}"#),
            "{text}"
        );
        assert_eq!(
            query["bool"]["must_not"][0]["bool"]["should"][1]["match"]["text"]["query"],
            "Russie"
        );
        assert!(text.contains(r#""term":{"category":"economie"}"#), "{text}");
        assert!(
            text.contains(r#""gte":"2024-10-01","lte":"2024-10-31""#),
            "{text}"
        );
        assert!(
            text.contains(r#""title":{"operator":"and","query":"Séoul"}"#),
            "{text}"
        );
    }

    #[test]
    fn prefixes_are_folded_with_their_cut_stems() {
        let translated = translate(
            &parse_query("gouvernem*").unwrap(),
            MatchMode::All,
            false,
            &Filters::default(),
            &Synonyms::built_in(),
        );
        let text = translated.query.unwrap().to_string();
        assert!(text.contains(r#""prefix":{"text":"gouvernem"}"#), "{text}");
        assert!(
            text.contains(r#"["gouverne","gouvern","gouver"]"#),
            "{text}"
        );
        assert_eq!(translated.highlight_terms.listed(), ["gouvernem*"]);
    }

    #[test]
    fn only_stop_words_match_nothing() {
        let translated = translate(
            &parse_query("de la").unwrap(),
            MatchMode::Any,
            false,
            &Filters::default(),
            &Synonyms::built_in(),
        );
        assert!(translated.query.is_none());
    }

    #[test]
    fn typos_follow_the_stem_length() {
        let translated = translate(
            &parse_query("Pyongyagn").unwrap(),
            MatchMode::Any,
            true,
            &Filters::default(),
            &Synonyms::built_in(),
        );
        let text = translated.query.unwrap().to_string();
        assert!(text.contains(r#""fuzziness":2"#), "{text}");
    }

    #[test]
    fn a_name_of_the_synonym_list_finds_its_group_at_half_weight() {
        let translated = translate(
            &parse_query("Kyiv").unwrap(),
            MatchMode::Every,
            false,
            &Filters::default(),
            &Synonyms::built_in(),
        );
        let query = translated.query.unwrap();
        let names = &query["bool"]["must"][0]["dis_max"]["queries"];
        assert_eq!(names.as_array().unwrap().len(), 2, "{query}");
        let kiev = &names[1]["bool"];
        assert!((kiev["boost"].as_f64().unwrap() as f32 - SYNONYM_WEIGHT).abs() < 1e-6);
        assert!(kiev.to_string().contains(r#""query":"Kiev""#), "{query}");
        assert_eq!(translated.highlight_terms.listed(), ["kiev", "kyiv"]);
        let alone = translate(
            &parse_query("Kyiv").unwrap(),
            MatchMode::Every,
            false,
            &Filters::default(),
            &Synonyms::default(),
        );
        assert!(!alone.query.unwrap().to_string().contains("dis_max"));
        assert_eq!(alone.highlight_terms.listed(), ["kyiv"]);
    }

    #[test]
    fn each_word_of_a_name_accepts_its_synonyms_and_the_first_scores_them() {
        let translated = translate(
            &parse_query("Union européenne").unwrap(),
            MatchMode::Every,
            false,
            &Filters::default(),
            &Synonyms::built_in(),
        );
        assert_eq!(translated.words, ["Union", "européenne"]);
        let query = translated.query.unwrap();
        let words = &query["bool"]["must"][0]["bool"]["should"];
        let word = |index: usize| &words[index]["bool"]["should"][0]["dis_max"]["queries"];
        let scored_ue = &word(0)[1]["bool"];
        assert_eq!(scored_ue["boost"].as_f64().unwrap() as f32, SYNONYM_WEIGHT);
        assert!(scored_ue.to_string().contains(r#""query":"UE""#), "{query}");
        let accepted_ue = &word(1)[1]["bool"]["filter"][0];
        assert!(
            accepted_ue.to_string().contains(r#""query":"UE""#),
            "{query}"
        );
        assert_eq!(
            translated.highlight_terms.listed(),
            ["europeen", "ue", "union"]
        );
    }
}
