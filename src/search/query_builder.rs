//! From the parsed query to one tantivy query: BM25 over title and body as one text, a title bonus, a bonus for words standing together, field scopes, prefixes, typo tolerance, filters.

use std::collections::HashMap;
use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EmptyQuery,
    FuzzyTermQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use crate::analysis::{
    analyze_query, folded_words, keyword, query_terms, terms, AnalyzedToken, HYPHENS,
};
use crate::date::{Date, DayRange};
use crate::index::ArticleFields;

use super::body_term_query::BodyTermQuery;
use super::exclusion::ExcludedQuery;
use super::prefix::shorter_stems;
use super::query_parser::{Node, Scope, TextKind};
use super::question_words::is_question_word;
use super::snippet::QueryTerms;
use super::synonyms::Synonyms;

/// Weight of the title's own BM25, added to the BM25 of the whole text (title and body),
/// so that a title match weighs more than the same match in the body. Chosen on
/// `../shared/eval` (see BENCHMARKS.md): 0.05 helps PIAF and keeps news-dev's top 10 within
/// its judged pool; from 0.1 up, unjudged articles come in, and 1 and more hurt PIAF.
pub(crate) const TITLE_BOOST: f32 = 0.05;
/// Added once when the query's words stand together (in order, within
/// [`PROXIMITY_SLOP`]): a fixed bonus rather than a phrase score, which over-rewarded
/// articles repeating the phrase and hurt both evaluation sets.
pub(crate) const PROXIMITY_BONUS: f32 = 0.5;
/// How much a synonym of a name weighs against the name typed: an article with the name
/// typed ranks first; one with only a synonym is found, and counted, below it.
pub(crate) const SYNONYM_WEIGHT: f32 = 0.5;
/// The fixed part of a prefix match's score (`gouvern*`), added to the BM25 of the most
/// common words it stands for.
pub(crate) const PREFIX_SCORE: f32 = 1.0;
/// How many of the words a prefix stands for (the most common) are scored by BM25: enough
/// for the words people mean, few enough that `a*`-like prefixes stay cheap.
pub(crate) const PREFIX_SCORED_TERMS: usize = 32;
/// How many positions the query's words may move and still count as standing together.
pub(crate) const PROXIMITY_SLOP: u32 = 2;

/// Which articles a query's plain words select, which of them are counted, and how they rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatchMode {
    /// Articles with every plain word match: they are counted, faceted and sorted by date
    /// (the default). Articles with only some of the words are found too: they rank among
    /// the matches by relevance, marked partial, but are not counted and follow the
    /// matches in a date order.
    #[default]
    Every,
    /// Only articles with every plain word (`--all`).
    All,
    /// Articles with any plain word match, all of them counted (`--any`).
    Any,
}

/// Restrictions that do not change the ranking.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Any of these categories (compared folded).
    pub categories: Vec<String>,
    /// The publication days kept.
    pub dates: DayRange,
}

impl Filters {
    fn is_empty(&self) -> bool {
        self.categories.is_empty() && self.dates.is_open()
    }
}

/// The query to run, the plain words a full match has, and the terms to highlight.
pub(crate) struct BuiltQuery {
    /// Every article the query finds: the matches and, unless `--all`, the articles with
    /// only some of the plain words.
    pub query: Box<dyn Query>,
    /// The plain words (top level, no field, no quotes) when there are two or more and an
    /// article may have only some of them; empty when every article found has them all.
    pub words: Vec<PlainWord>,
    /// Terms and prefixes of the words and phrases searched for (not the excluded ones).
    pub highlight_terms: QueryTerms,
    /// The query as plain words of one term each, when it is only that (and their
    /// proximity bonus): its matches can then be found without scoring every article that
    /// has only some of the words. `None` for any other query.
    pub plain_terms: Option<PlainTerms>,
}

impl BuiltQuery {
    /// The articles with every plain word (the full matches); `None` when every article
    /// found has them all.
    pub(crate) fn every_word_query(&self) -> Option<BooleanQuery> {
        if self.words.is_empty() {
            return None;
        }
        let every_word = self.words.iter();
        Some(BooleanQuery::new(
            every_word
                .map(|word| (Occur::Must, word.query.box_clone()))
                .collect(),
        ))
    }
}

/// A query of two or more plain words, each one term searched in the text with the title
/// bonus, and nothing else but the proximity bonus of the words together.
pub(crate) struct PlainTerms {
    /// Each word's analysed term, in the query's order.
    pub terms: Vec<String>,
    /// The bonus for the words standing together, as in the query.
    pub proximity: Option<Box<dyn Query>>,
}

/// A plain word of the query: as typed, and the query of the articles that have it.
pub(crate) struct PlainWord<Q = Box<dyn Query>> {
    /// The word as typed (a prefix with its `*`).
    pub text: String,
    pub query: Q,
}

/// Builds the query for the parsed `nodes`. Plain words (no field, no quotes) follow
/// `mode`; everything else is required: phrases, prefixed words, groups, `OR`s, filters.
pub(crate) fn build_query(
    fields: &ArticleFields,
    nodes: &[Node],
    mode: MatchMode,
    fuzzy: bool,
    filters: &Filters,
    synonyms: &Synonyms,
    searcher: &Searcher,
) -> BuiltQuery {
    let (nodes, browse) = searched_nodes(nodes);
    let mut builder = NodeBuilder {
        fields,
        searcher,
        synonyms,
        fuzzy,
        highlight_terms: QueryTerms::default(),
    };
    let Clauses {
        required,
        words,
        excluded,
        has_words,
    } = top_level_clauses(&mut builder, &nodes, mode, synonyms);
    let mut highlight_terms = builder.highlight_terms;
    let mut top: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if !words.is_empty() {
        top.push((Occur::Must, any_of(&words)));
    }
    let has_required = !required.is_empty();
    top.extend(required.into_iter().map(|query| (Occur::Must, query)));
    let mut plain_terms = None;
    if has_words {
        let proximity = proximity_bonus(fields, &nodes);
        let name_phrases = spaced_name_phrases(fields, &nodes);
        if !has_required && excluded.is_empty() && filters.is_empty() && name_phrases.is_empty() {
            plain_terms = one_term_each(fields, &words).map(|terms| PlainTerms {
                terms,
                proximity: proximity.as_ref().map(|query| query.box_clone()),
            });
        }
        top.extend(proximity.map(|query| (Occur::Should, query)));
        for (phrase, terms) in name_phrases {
            top.push((Occur::Should, phrase));
            highlight_terms.exact.extend(terms);
        }
    } else if browse || has_required || !filters.is_empty() || !excluded.is_empty() {
        top.push((Occur::Must, match_all()));
    } else {
        return BuiltQuery {
            query: Box::new(EmptyQuery),
            words,
            highlight_terms,
            plain_terms: None,
        };
    }
    top.extend(
        excluded
            .into_iter()
            .map(|query| (Occur::MustNot, ExcludedQuery::boxed(query))),
    );
    top.extend(
        filter_queries(fields, filters)
            .into_iter()
            .map(|query| (Occur::Must, query)),
    );
    BuiltQuery {
        query: Box::new(BooleanQuery::new(top)),
        words,
        highlight_terms,
        plain_terms,
    }
}

/// Each plain word's one term, when every word (two or more) is exactly the query of one
/// term in the text with the title bonus ([`title_or_body`]): no synonyms, typos, prefix
/// or name of several terms. Compared with that query itself, so that a word built any
/// other way is never taken for one term.
fn one_term_each(fields: &ArticleFields, words: &[PlainWord]) -> Option<Vec<String>> {
    if words.len() < 2 {
        return None;
    }
    words
        .iter()
        .map(|word| {
            let tokens = analyze_query(&word.text);
            let [token] = &tokens[..] else {
                return None;
            };
            let one_term = title_or_body(fields, std::slice::from_ref(token), 0, Typos::None)?;
            let same = format!("{one_term:?}") == format!("{:?}", word.query);
            same.then(|| token.term.clone())
        })
        .collect()
}

/// The nodes a query is built from (without `*` and the question words), and whether the
/// query only browses (no text, or only `*`: every article, with the filters).
pub(crate) fn searched_nodes(nodes: &[Node]) -> (Vec<Node>, bool) {
    let browse = nodes.iter().all(is_everything);
    let nodes = without_question_words(nodes)
        .into_iter()
        .filter(|node| !is_everything(node))
        .collect();
    (nodes, browse)
}

/// A plain word of the query (top level, no field, no quotes) as typed, with the `*` of a
/// prefix or the `~` of a typo; `None` for any other node.
fn plain_word_text(node: &Node) -> Option<String> {
    match node {
        Node::Leaf {
            scope: Scope::Text,
            kind,
            text,
        } => match kind {
            TextKind::Word => Some(text.clone()),
            TextKind::Prefix => Some(format!("{text}*")),
            TextKind::Typo(_) => Some(format!("{text}~")),
            _ => None,
        },
        _ => None,
    }
}

/// The top-level nodes as queries, sorted by what they do in the query.
pub(crate) struct Clauses<Q> {
    /// What every article found must match.
    pub required: Vec<Q>,
    /// The plain words, of which an article may have only some (unless `--all`); two or
    /// more, or none (one plain word is required like the rest: nobody has only some of it).
    pub words: Vec<PlainWord<Q>>,
    /// What no article found may match (`-word`).
    pub excluded: Vec<Q>,
    /// Whether some node scores (is not only a filter).
    pub has_words: bool,
}

/// What each engine's query builder makes of one node below the top level.
pub(crate) trait NodeTranslator {
    type Query;
    /// The query of `node`, its terms highlighted when `highlight`; `None` when it
    /// searches nothing (only stop words).
    fn node(&mut self, node: &Node, highlight: bool) -> Option<Self::Query>;
    /// `query`, one word of a name of the synonym list, or any of the name's synonyms.
    fn with_synonyms_of_name(&mut self, query: Self::Query, run: &NameRun) -> Self::Query;
}

/// The top-level `nodes` as queries, by what they do to a match, on both engines: plain
/// words apart (unless `mode` is `All`), each word of a name of several words joined with
/// the name's synonyms.
pub(crate) fn top_level_clauses<T: NodeTranslator>(
    translator: &mut T,
    nodes: &[Node],
    mode: MatchMode,
    synonyms: &Synonyms,
) -> Clauses<T::Query> {
    let mut clauses = Clauses {
        required: Vec::new(),
        words: Vec::new(),
        excluded: Vec::new(),
        has_words: false,
    };
    for (node, run) in nodes.iter().zip(names_of_runs(nodes, synonyms)) {
        if let Node::Not(inner) = node {
            clauses.excluded.extend(translator.node(inner, false));
            continue;
        }
        let Some(mut query) = translator.node(node, true) else {
            continue;
        };
        if let Some(run) = run {
            query = translator.with_synonyms_of_name(query, &run);
        }
        clauses.has_words |= !is_filter(node);
        match plain_word_text(node) {
            Some(text) if mode != MatchMode::All => clauses.words.push(PlainWord { text, query }),
            _ => clauses.required.push(query),
        }
    }
    if clauses.words.len() == 1 {
        let words = clauses.words.drain(..).map(|word| word.query);
        clauses.required.extend(words);
    }
    clauses
}

/// Articles with any of the plain words.
fn any_of(words: &[PlainWord]) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        words
            .iter()
            .map(|word| (Occur::Should, word.query.box_clone()))
            .collect(),
    ))
}

/// The nodes without the plain words that only ask ("combien", "pourquoi") when other plain
/// words say what about.
pub(crate) fn without_question_words(nodes: &[Node]) -> Vec<Node> {
    let plain_word = |node: &Node| match node {
        Node::Leaf {
            scope: Scope::Text,
            kind: TextKind::Word,
            text,
        } => Some(is_question_word(text)),
        _ => None,
    };
    let names_something = nodes.iter().any(|node| plain_word(node) == Some(false));
    nodes
        .iter()
        .filter(|node| !(names_something && plain_word(node) == Some(true)))
        .cloned()
        .collect()
}

/// For each node, the synonyms of the name of several words it is part of, when a run of
/// plain words spells one (`Union européenne`): each word of the run also accepts the
/// other names of the group (`UE`), so an article with a synonym has every word of the name
/// and an article with some of its words still has those. The longest name wins.
pub(crate) fn names_of_runs<'a>(
    nodes: &[Node],
    synonyms: &'a Synonyms,
) -> Vec<Option<NameRun<'a>>> {
    let plain_terms = |node: &Node| match node {
        Node::Leaf {
            scope: Scope::Text,
            kind: TextKind::Word,
            text,
        } => Some(query_terms(text)),
        _ => None,
    };
    let mut runs = vec![None; nodes.len()];
    let mut start = 0;
    while start < nodes.len() {
        let mut found = None;
        let mut name_terms: Vec<String> = Vec::new();
        for (end, node) in nodes.iter().enumerate().skip(start) {
            let Some(more) = plain_terms(node) else {
                break;
            };
            if end == start && more.is_empty() {
                break;
            }
            let grew = !more.is_empty();
            name_terms.extend(more);
            if name_terms.len() > synonyms.longest() {
                break;
            }
            if end > start && grew {
                if let Some(names) = synonyms.group(&name_terms) {
                    found = Some((end, name_terms.clone(), names));
                }
            }
        }
        match found {
            Some((end, terms, names)) => {
                for (place, run) in runs[start..=end].iter_mut().enumerate() {
                    *run = Some(NameRun {
                        terms: terms.clone(),
                        names,
                        first: place == 0,
                    });
                }
                start = end + 1;
            }
            None => start += 1,
        }
    }
    runs
}

/// A name of several words spelt by consecutive plain words, and its group.
#[derive(Clone)]
pub(crate) struct NameRun<'a> {
    /// The name's analysed terms.
    pub(crate) terms: Vec<String>,
    pub(crate) names: &'a [String],
    /// Whether this is the name's first word.
    pub(crate) first: bool,
}

/// Whether a node is `*` (or `**`…) alone: every article.
pub(crate) fn is_everything(node: &Node) -> bool {
    matches!(
        node,
        Node::Leaf {
            scope: Scope::Text,
            kind: TextKind::Word,
            text,
        } if !text.is_empty() && text.chars().all(|character| character == '*')
    )
}

/// Whether a node only restricts (a property or a date) without scoring.
fn is_filter(node: &Node) -> bool {
    match node {
        Node::DateRange(_) => true,
        Node::Leaf { scope, .. } => {
            matches!(scope, Scope::Category | Scope::Author | Scope::Source)
        }
        Node::Group(nodes) | Node::Or(nodes) => nodes.iter().all(is_filter),
        Node::Not(_) => false,
    }
}

/// Every article, scored zero.
fn match_all() -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0))
}

/// Turns the nodes below the top level into queries, collecting the terms to highlight.
struct NodeBuilder<'a> {
    fields: &'a ArticleFields,
    /// The index, to list the words a prefix stands for.
    searcher: &'a Searcher,
    synonyms: &'a Synonyms,
    fuzzy: bool,
    highlight_terms: QueryTerms,
}

impl NodeTranslator for NodeBuilder<'_> {
    type Query = Box<dyn Query>;

    fn with_synonyms_of_name(&mut self, query: Box<dyn Query>, run: &NameRun) -> Box<dyn Query> {
        let synonyms = self.synonyms_of(&run.terms, run.names, Scope::Text, run.first);
        // The first word of the name scores its synonyms; the others only accept them,
        // or an article with `UE` would score it once per word of "Union européenne".
        let synonyms = synonyms.into_iter().map(|query| match run.first {
            true => query,
            false => Box::new(ConstScoreQuery::new(query, 0.0)) as Box<dyn Query>,
        });
        best_of(std::iter::once(query).chain(synonyms).collect())
    }

    /// The query of one node; `None` when it has nothing searchable (only stop words).
    /// `highlight` is false under an exclusion.
    fn node(&mut self, node: &Node, highlight: bool) -> Option<Box<dyn Query>> {
        match node {
            Node::Leaf { scope, kind, text } => self.leaf(*scope, *kind, text, highlight),
            Node::DateRange(range) => Some(date_range(self.fields, *range)),
            Node::Not(inner) => {
                let inner = ExcludedQuery::boxed(self.node(inner, false)?);
                Some(Box::new(BooleanQuery::new(vec![
                    (Occur::Must, match_all()),
                    (Occur::MustNot, inner),
                ])))
            }
            Node::Group(nodes) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for part in nodes {
                    match part {
                        Node::Not(inner) => clauses.extend(
                            self.node(inner, false)
                                .map(|q| (Occur::MustNot, ExcludedQuery::boxed(q))),
                        ),
                        _ => clauses.extend(self.node(part, highlight).map(|q| (Occur::Must, q))),
                    }
                }
                if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                    if clauses.is_empty() {
                        return None;
                    }
                    clauses.push((Occur::Must, match_all()));
                }
                Some(Box::new(BooleanQuery::new(clauses)))
            }
            Node::Or(nodes) => {
                let mut alternatives: Vec<Box<dyn Query>> = nodes
                    .iter()
                    .filter_map(|part| self.node(part, highlight))
                    .collect();
                match alternatives.len() {
                    0 => None,
                    1 => alternatives.pop(),
                    _ => Some(Box::new(BooleanQuery::new(
                        alternatives
                            .into_iter()
                            .map(|query| (Occur::Should, query))
                            .collect(),
                    ))),
                }
            }
        }
    }
}

impl NodeBuilder<'_> {
    fn leaf(
        &mut self,
        scope: Scope,
        kind: TextKind,
        text: &str,
        highlight: bool,
    ) -> Option<Box<dyn Query>> {
        let fields = self.fields;
        let keyword_field = match scope {
            Scope::Category => Some(fields.category),
            Scope::Author => Some(fields.author),
            Scope::Source => Some(fields.source),
            Scope::Text | Scope::Title | Scope::Body | Scope::Date => None,
        };
        if let Some(field) = keyword_field {
            return keyword_query(field, kind, text);
        }
        if kind == TextKind::Prefix {
            let prefix = folded_words(text).pop()?;
            // A body prefix looks in the whole text: see `body_words`.
            let field = match scope {
                Scope::Title => fields.title,
                _ => fields.text,
            };
            let query = prefix_query(self.searcher, field, &prefix);
            if highlight {
                self.highlight_terms.prefixes.insert(prefix);
            }
            return Some(query);
        }
        let tokens = analyze_query(text);
        let typos = match kind {
            TextKind::Typo(Some(distance)) => Typos::Exactly(distance),
            TextKind::Typo(None) => Typos::ByLength,
            TextKind::Word if self.fuzzy => Typos::ByLength,
            _ => Typos::None,
        };
        let slop = match kind {
            TextKind::Near(slop) => slop,
            _ => 0,
        };
        let scoped = |tokens: &[AnalyzedToken], slop: u32, typos: Typos| match scope {
            Scope::Title => in_field(fields.title, tokens, slop, typos),
            Scope::Body => body_words(fields, tokens, slop, typos),
            _ => title_or_body(fields, tokens, slop, typos),
        };
        let mut alternatives = vec![scoped(&tokens, slop, typos)?];
        if let Some(apart) = name_without_small_words(text) {
            alternatives.extend(scoped(&analyze_query(&apart), slop, typos));
        }
        let own_terms: Vec<String> = tokens.into_iter().map(|token| token.term).collect();
        // A name of the synonym list also finds the other names of its group.
        let names = match kind {
            TextKind::Word | TextKind::Phrase => self.synonyms.group(&own_terms),
            _ => None,
        };
        if let Some(names) = names {
            alternatives.extend(self.synonyms_of(&own_terms, names, scope, highlight));
        }
        if highlight {
            self.highlight_terms.exact.extend(own_terms);
        }
        Some(best_of(alternatives))
    }
}

impl NodeBuilder<'_> {
    /// The queries of the names of a synonym group but the one with `own_terms`, in `scope`.
    fn synonyms_of(
        &mut self,
        own_terms: &[String],
        names: &[String],
        scope: Scope,
        highlight: bool,
    ) -> Vec<Box<dyn Query>> {
        let fields = self.fields;
        let mut queries = Vec::new();
        for name in names {
            let tokens = analyze_query(name);
            if tokens.iter().map(|token| &token.term).eq(own_terms) {
                continue;
            }
            let query = match scope {
                Scope::Title => in_field(fields.title, &tokens, 0, Typos::None),
                Scope::Body => body_words(fields, &tokens, 0, Typos::None),
                _ => title_or_body(fields, &tokens, 0, Typos::None),
            };
            queries.extend(
                query.map(|query| {
                    Box::new(BoostQuery::new(query, SYNONYM_WEIGHT)) as Box<dyn Query>
                }),
            );
            if highlight {
                self.highlight_terms
                    .exact
                    .extend(tokens.into_iter().map(|token| token.term));
            }
        }
        queries
    }
}

/// Any of the names of one thing, scored by the best of them: an article that says both
/// "PSG" and "Paris Saint-Germain" is not about it twice.
fn best_of(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries.remove(0);
    }
    Box::new(DisjunctionMaxQuery::new(queries))
}

/// A category, author or source: the whole value (folded), or values starting with a prefix.
fn keyword_query(field: Field, kind: TextKind, text: &str) -> Option<Box<dyn Query>> {
    let value = keyword(text);
    if value.is_empty() {
        return None;
    }
    let term = Term::from_field_text(field, &value);
    let query: Box<dyn Query> = if kind == TextKind::Prefix {
        Box::new(FuzzyTermQuery::new_prefix(term, 0, false))
    } else {
        Box::new(TermQuery::new(term, IndexRecordOption::Basic))
    };
    Some(Box::new(ConstScoreQuery::new(query, 0.0)))
}

/// Terms starting with a folded `prefix`, and the stems cut from it (see [`super::prefix`]),
/// scored [`PREFIX_SCORE`] plus the BM25 of the [`PREFIX_SCORED_TERMS`] most common of them,
/// so that prefixes rank by relevance like words.
fn prefix_query(searcher: &Searcher, field: Field, prefix: &str) -> Box<dyn Query> {
    let starting_with: Box<dyn Query> = Box::new(FuzzyTermQuery::new_prefix(
        Term::from_field_text(field, prefix),
        0,
        false,
    ));
    let cut_stems = shorter_stems(prefix).into_iter().map(|stem| {
        Box::new(TermQuery::new(
            Term::from_field_text(field, stem),
            IndexRecordOption::Basic,
        )) as Box<dyn Query>
    });
    let alternatives = std::iter::once(starting_with)
        .chain(cut_stems)
        .map(|query| (Occur::Should, query))
        .collect();
    let every_match: Box<dyn Query> = Box::new(ConstScoreQuery::new(
        Box::new(BooleanQuery::new(alternatives)),
        PREFIX_SCORE,
    ));
    let scored = most_common_terms(searcher, field, prefix)
        .into_iter()
        .map(|term| {
            let term = Term::from_field_text(field, &term);
            (
                Occur::Should,
                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)) as Box<dyn Query>,
            )
        });
    Box::new(BooleanQuery::new(
        std::iter::once((Occur::Must, every_match))
            .chain(scored)
            .collect(),
    ))
}

/// The [`PREFIX_SCORED_TERMS`] terms of `field` that `prefix` matches found in the most
/// articles (ties by term), read from each segment's dictionary.
fn most_common_terms(searcher: &Searcher, field: Field, prefix: &str) -> Vec<String> {
    let mut articles: HashMap<String, u64> = HashMap::new();
    for stem in shorter_stems(prefix) {
        let count = searcher
            .doc_freq(&Term::from_field_text(field, stem))
            .unwrap_or(0);
        if count > 0 {
            articles.insert(stem.to_string(), count);
        }
    }
    for segment in searcher.segment_readers() {
        let Ok(index) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = index.terms().range().ge(prefix.as_bytes()).into_stream() else {
            continue;
        };
        while stream.advance() {
            if !stream.key().starts_with(prefix.as_bytes()) {
                break;
            }
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                *articles.entry(term.to_string()).or_default() +=
                    u64::from(stream.value().doc_freq);
            }
        }
    }
    let mut terms: Vec<(String, u64)> = articles.into_iter().collect();
    terms.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    terms.truncate(PREFIX_SCORED_TERMS);
    terms.into_iter().map(|(term, _)| term).collect()
}

/// `body:` tokens: each term in the body (the text's occurrences minus the title's), and for
/// several, the phrase in the text. Exact for words; a phrase matches wrongly only when it
/// stands in the title and its words are scattered in the body. Typo matches, like
/// `body:` prefixes, are looked for in the whole text.
fn body_words(
    fields: &ArticleFields,
    tokens: &[AnalyzedToken],
    slop: u32,
    typos: Typos,
) -> Option<Box<dyn Query>> {
    let in_body = |token: &AnalyzedToken| {
        Box::new(BodyTermQuery::new(
            Term::from_field_text(fields.text, &token.term),
            Term::from_field_text(fields.title, &token.term),
        )) as Box<dyn Query>
    };
    match tokens {
        [] => None,
        [single] => match typos.distance(&single.term) {
            None => Some(in_body(single)),
            Some(distance) => Some(Box::new(BooleanQuery::new(vec![
                (Occur::Should, in_body(single)),
                (
                    Occur::Should,
                    Box::new(FuzzyTermQuery::new(
                        Term::from_field_text(fields.text, &single.term),
                        distance,
                        true,
                    )),
                ),
            ]))),
        },
        [..] => {
            let phrase = in_field(fields.text, tokens, slop, Typos::None)?;
            let words = tokens.iter().map(|token| (Occur::Must, in_body(token)));
            let scored_words = words.map(|(occur, query)| {
                (
                    occur,
                    Box::new(ConstScoreQuery::new(query, 0.0)) as Box<dyn Query>,
                )
            });
            Some(Box::new(BooleanQuery::new(
                std::iter::once((Occur::Must, phrase))
                    .chain(scored_words)
                    .collect(),
            )))
        }
    }
}

/// Matches the analysed tokens in the article's text, with the title bonus: one term, or a phrase.
fn title_or_body(
    fields: &ArticleFields,
    tokens: &[AnalyzedToken],
    slop: u32,
    typos: Typos,
) -> Option<Box<dyn Query>> {
    let title = in_field(fields.title, tokens, slop, Typos::None)?;
    let text = in_field(fields.text, tokens, slop, typos)?;
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Should, Box::new(BoostQuery::new(title, TITLE_BOOST))),
        (Occur::Should, text),
    ])))
}

/// One field's query for the tokens: a term query (with its near spellings when `typos`
/// allows some), or a phrase keeping the tokens' gaps (and `slop` more).
fn in_field(
    field: Field,
    tokens: &[AnalyzedToken],
    slop: u32,
    typos: Typos,
) -> Option<Box<dyn Query>> {
    match tokens {
        [] => None,
        [single] => {
            let term = Term::from_field_text(field, &single.term);
            let exact = Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs));
            match typos.distance(&single.term) {
                None => Some(exact),
                Some(distance) => Some(Box::new(BooleanQuery::new(vec![
                    (Occur::Should, exact),
                    (
                        Occur::Should,
                        Box::new(FuzzyTermQuery::new(term, distance, true)),
                    ),
                ]))),
            }
        }
        [first, ..] => {
            let terms = tokens
                .iter()
                .map(|token| {
                    (
                        token.position - first.position,
                        Term::from_field_text(field, &token.term),
                    )
                })
                .collect();
            Some(Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)))
        }
    }
}

/// How many typos a word may have and still match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Typos {
    None,
    /// As many as the stem's length allows (`--fuzzy`, `word~`).
    ByLength,
    /// That many (`word~1`, `word~2`).
    Exactly(u8),
}

impl Typos {
    /// The edit distance allowed for a term, `None` for exact matches only.
    fn distance(self, term: &str) -> Option<u8> {
        match self {
            Typos::None | Typos::Exactly(0) => None,
            Typos::ByLength => typo_distance(term),
            Typos::Exactly(distance) => Some(distance),
        }
    }
}

/// How many edits `--fuzzy` allows in a term: none for short stems, one up to 7 letters,
/// two beyond.
pub(crate) fn typo_distance(term: &str) -> Option<u8> {
    match term.chars().count() {
        0..=3 => None,
        4..=7 => Some(1),
        _ => Some(2),
    }
}

/// The query's plain top-level words, in order: what the proximity bonus looks for, on both engines.
pub(crate) fn top_level_words(nodes: &[Node]) -> Vec<&str> {
    nodes.iter().filter_map(plain_word).collect()
}

/// A plain word's text as typed (no field, no quotes, no `*` or `~`); `None` for any other node.
fn plain_word(node: &Node) -> Option<&str> {
    match node {
        Node::Leaf {
            scope: Scope::Text,
            kind: TextKind::Word,
            text,
        } => Some(text),
        _ => None,
    }
}

/// A hyphenated name's words without the stop words the index keeps in it, when they still
/// make a phrase: `Notre-Dame-des-Landes` is also looked for as `Notre Dame des Landes`
/// (the phrase of "Dame" and "Landes", as before stop words were kept), so the spellings
/// "Notre-Dame des Landes" and "Aix en Provence" are found too; the name as typed scores
/// more (its stop words are rare terms). `Notre-Dame` has no such phrase ("Dame" alone
/// would find every lady): `None`, as for text without a kept stop word.
///
/// A compound typed in lower case may be no name: articles write "au-delà" and
/// "c'est-à-dire" without keeping their stop words, so it is also looked for as its words
/// apart, even a single one ("notre-dame" then finds "une dame" too, below the name).
pub(crate) fn name_without_small_words(text: &str) -> Option<String> {
    if !text.contains(HYPHENS) {
        return None;
    }
    let apart = text.replace(HYPHENS, " ");
    let (with, without) = (query_terms(text).len(), query_terms(&apart).len());
    let no_name_in_articles = terms(text).len() < with;
    let fewest = if no_name_in_articles { 1 } else { 2 };
    (without >= fewest && without < with).then_some(apart)
}

/// The names the query's plain top-level words spell with a small word typed apart: a
/// capitalised stop word right before a capitalised word ("Notre Dame"), written with the
/// hyphen the index keeps the stop word by ("Notre-Dame"), on both engines. An article
/// with the name also scores it as a phrase, so it ranks above the articles that only
/// have the other word ("une dame"); what matches is unchanged, and a name never written
/// with a hyphen ("Le Pen") scores nothing more.
pub(crate) fn spaced_names(nodes: &[Node]) -> Vec<String> {
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let is_stop_word =
        |word: &str| matches!(&folded_words(word)[..], [_]) && query_terms(word).is_empty();
    let mut names = Vec::new();
    let mut previous: Option<&str> = None;
    for node in nodes {
        let word = plain_word(node);
        if let (Some(small), Some(word)) = (previous, word) {
            if capitalised(small)
                && capitalised(word)
                && is_stop_word(small)
                && !query_terms(word).is_empty()
            {
                names.push(format!("{small}-{word}"));
            }
        }
        previous = word;
    }
    names
}

/// The phrase of each name of [`spaced_names`] in the text, scored like a phrase typed.
fn spaced_name_phrases(
    fields: &ArticleFields,
    nodes: &[Node],
) -> Vec<(Box<dyn Query>, Vec<String>)> {
    spaced_names(nodes)
        .iter()
        .filter_map(|name| {
            let tokens = analyze_query(name);
            let phrase =
                in_field(fields.text, &tokens, 0, Typos::None).filter(|_| tokens.len() > 1)?;
            Some((phrase, tokens.into_iter().map(|token| token.term).collect()))
        })
        .collect()
}

/// A fixed bonus for articles where the query's plain top-level words stand close together, in order.
fn proximity_bonus(fields: &ArticleFields, nodes: &[Node]) -> Option<Box<dyn Query>> {
    let words = top_level_words(nodes);
    let tokens = analyze_query(&words.join(" "));
    if tokens.len() < 2 {
        return None;
    }
    let together = in_field(fields.text, &tokens, PROXIMITY_SLOP, Typos::None)?;
    Some(Box::new(ConstScoreQuery::new(together, PROXIMITY_BONUS)))
}

/// Published within the range, scored zero.
fn date_range(fields: &ArticleFields, range: DayRange) -> Box<dyn Query> {
    let bound = |day: Option<Date>| {
        day.map_or(Bound::Unbounded, |day| {
            Bound::Included(Term::from_field_i64(fields.date, day.to_yyyymmdd()))
        })
    };
    Box::new(ConstScoreQuery::new(
        Box::new(RangeQuery::new(bound(range.from), bound(range.to))),
        0.0,
    ))
}

/// The `--category`, `--since` and `--until` restrictions, scored zero so that they do not move the ranking.
fn filter_queries(fields: &ArticleFields, filters: &Filters) -> Vec<Box<dyn Query>> {
    let mut queries: Vec<Box<dyn Query>> = Vec::new();
    if !filters.categories.is_empty() {
        let any_category = filters
            .categories
            .iter()
            .map(|category| {
                let term = Term::from_field_text(fields.category, &keyword(category));
                (
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
                )
            })
            .collect();
        queries.push(Box::new(ConstScoreQuery::new(
            Box::new(BooleanQuery::new(any_category)),
            0.0,
        )));
    }
    if !filters.dates.is_open() {
        queries.push(date_range(fields, filters.dates));
    }
    queries
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use tantivy::collector::DocSetCollector;
    use tantivy::schema::TantivyDocument;

    use super::*;
    use crate::article::{Article, PublicationDate};
    use crate::index::document::searcher_over;
    use crate::search::query_parser::parse_query;

    /// Four articles: the query's words together, apart, one of them, none.
    const ARTICLES: [(&str, &str, &str, &str, i64); 4] = [
        (
            "nord",
            "La Corée du Nord tire des missiles",
            "Pyongyang a tiré deux missiles balistiques mardi.",
            "International",
            20241022,
        ),
        (
            "apart",
            "Séoul inquiet",
            "La Corée parle du Nord et de missiles à Séoul.",
            "Économie",
            20230304,
        ),
        (
            "missiles",
            "Essai balistique",
            "Un essai de missiles a eu lieu en mer.",
            "International",
            20220101,
        ),
        (
            "retraites",
            "Réforme des retraites",
            "Le Sénat vote la réforme des retraites.",
            "Politique",
            20240619,
        ),
    ];

    fn searcher() -> (ArticleFields, Searcher) {
        let articles = ARTICLES
            .iter()
            .map(|&(id, title, body, category, date)| Article {
                id: id.into(),
                title: title.into(),
                body: body.into(),
                category: Some(category.into()),
                date: Some(PublicationDate {
                    date: Date::from_yyyymmdd(date).unwrap(),
                    year_inferred: false,
                }),
                path: PathBuf::from(format!("{id}.txt")),
                ..Article::default()
            });
        searcher_over([articles.collect()])
    }

    /// The query built for `text`, its plain words, and the ids of the articles it finds.
    fn built(
        text: &str,
        mode: MatchMode,
        fuzzy: bool,
        filters: &Filters,
    ) -> (BuiltQuery, String, Vec<String>) {
        let (fields, searcher) = searcher();
        let nodes = parse_query(text).unwrap();
        let built = build_query(
            &fields,
            &nodes,
            mode,
            fuzzy,
            filters,
            &Synonyms::built_in(),
            &searcher,
        );
        let shape = format!("{:?}", built.query);
        let mut ids: Vec<String> = searcher
            .search(built.query.as_ref(), &DocSetCollector)
            .unwrap()
            .into_iter()
            .map(|address| {
                let document: TantivyDocument = searcher.doc(address).unwrap();
                fields.article(&document).id
            })
            .collect();
        ids.sort();
        (built, shape, ids)
    }

    /// The debug form of a term of `field`, as it stands in the debug form of a query.
    fn term(field: Field, text: &str) -> String {
        format!("{:?}", Term::from_field_text(field, text))
    }

    fn plain(text: &str) -> (BuiltQuery, String, Vec<String>) {
        built(text, MatchMode::Every, false, &Filters::default())
    }

    fn fields() -> ArticleFields {
        ArticleFields::from_schema(&ArticleFields::new_schema()).unwrap()
    }

    #[test]
    fn plain_words_are_any_of_them_with_a_bonus_when_together() {
        let (built, shape, found) = plain("Corée missiles");
        let words: Vec<&str> = built.words.iter().map(|word| word.text.as_str()).collect();
        assert_eq!(words, ["Corée", "missiles"]);
        let fields = fields();
        // Each word: the text's BM25 plus the title's, weighted.
        assert!(
            shape.contains(&format!(
                "Boost(query=TermQuery({}), boost=0.05)",
                term(fields.title, "core")
            )),
            "{shape}"
        );
        assert!(
            shape.contains(&format!("TermQuery({})", term(fields.text, "missil"))),
            "{shape}"
        );
        // Together within two positions: a fixed bonus.
        assert!(
            shape.contains("(Should, Const(score=0.5, query=PhraseQuery"),
            "{shape}"
        );
        assert!(shape.contains("slop: 2"), "{shape}");
        // Any word finds: an article with only "missiles" is found (as a partial match).
        assert_eq!(found, ["apart", "missiles", "nord"]);
    }

    #[test]
    fn every_word_is_required_with_all() {
        let (built, _, found) = built("Corée missiles", MatchMode::All, false, &Filters::default());
        assert!(built.words.is_empty());
        assert_eq!(found, ["apart", "nord"]);
    }

    #[test]
    fn one_plain_word_is_required_and_no_plain_word_is_listed() {
        let (built, shape, found) = plain("Corée");
        assert!(built.words.is_empty());
        assert!(
            shape.starts_with("BooleanQuery { subqueries: [(Must, "),
            "{shape}"
        );
        assert!(!shape.contains("PhraseQuery"), "{shape}");
        assert_eq!(found, ["apart", "nord"]);
    }

    #[test]
    fn a_question_word_is_dropped_beside_other_words() {
        let (built, shape, found) = plain("pourquoi Corée");
        assert!(built.words.is_empty(), "one plain word is left");
        assert_eq!(shape, plain("Corée").1);
        assert_eq!(found, ["apart", "nord"]);
    }

    #[test]
    fn a_phrase_is_a_phrase_in_the_text_and_one_in_the_title() {
        let (_, shape, found) = plain("\"Corée du Nord\"");
        let fields = fields();
        // "du" is a stop word: its position stays as a gap.
        let text_phrase = format!(
            "PhraseQuery {{ field: {:?}, phrase_terms: [(0, {}), (2, {})], slop: 0 }}",
            fields.text,
            term(fields.text, "core"),
            term(fields.text, "nord")
        );
        assert!(shape.contains(&text_phrase), "{shape}");
        assert!(
            shape.contains(&format!(
                "Boost(query=PhraseQuery {{ field: {:?}",
                fields.title
            )),
            "{shape}"
        );
        assert_eq!(found, ["nord"], "the words apart are not the phrase");
    }

    #[test]
    fn title_scope_searches_the_title_only() {
        let (_, shape, found) = plain("title:missiles");
        assert!(
            shape.contains(&format!("TermQuery({})", term(fields().title, "missil"))),
            "{shape}"
        );
        assert!(!shape.contains(&term(fields().text, "missil")), "{shape}");
        assert_eq!(found, ["nord"]);
    }

    #[test]
    fn body_scope_is_the_text_less_the_title() {
        let (_, shape, found) = plain("body:missiles");
        let fields = fields();
        let expected = format!(
            "BodyTermQuery {{ text_term: {}, title_term: {} }}",
            term(fields.text, "missil"),
            term(fields.title, "missil")
        );
        assert!(shape.contains(&expected), "{shape}");
        assert_eq!(found, ["apart", "missiles", "nord"]);
        let (_, _, found) = plain("body:inquiet");
        assert!(
            found.is_empty(),
            "\"inquiet\" is only in a title: {found:?}"
        );
    }

    #[test]
    fn a_category_is_a_folded_keyword_filter_scored_zero() {
        let (_, shape, found) = plain("category:Économie");
        let category = term(fields().category, "economie");
        assert!(
            shape.contains(&format!(
                "(Must, Const(score=0, query=TermQuery({category})))"
            )),
            "{shape}"
        );
        assert!(
            shape.contains("(Must, Const(score=0, query=AllQuery))"),
            "{shape}"
        );
        assert_eq!(found, ["apart"]);
    }

    #[test]
    fn an_excluded_word_is_must_not() {
        let (_, shape, found) = plain("missiles -Corée");
        assert!(shape.contains("(MustNot, ExcludedQuery("), "{shape}");
        assert_eq!(found, ["missiles"]);
        let (_, shape, found) = plain("-Corée");
        assert!(
            shape.contains("(Must, Const(score=0, query=AllQuery))"),
            "{shape}"
        );
        assert_eq!(found, ["missiles", "retraites"]);
    }

    #[test]
    fn a_prefix_stands_for_the_stems_it_starts_and_a_few_shorter_ones() {
        let (_, shape, found) = plain("missil*");
        let fields = fields();
        assert!(
            shape.contains("(Must, Const(score=1, query=BooleanQuery"),
            "{shape}"
        );
        assert!(shape.contains(&format!("FuzzyTermQuery {{ term: {}, distance: 0, transposition_cost_one: false, prefix: true }}", term(fields.text, "missil"))), "{shape}");
        assert!(
            shape.contains(&format!("TermQuery({})", term(fields.text, "missi"))),
            "{shape}"
        );
        assert_eq!(found, ["apart", "missiles", "nord"]);
    }

    #[test]
    fn fuzzy_adds_typo_matches_by_word_length() {
        let (_, shape, found) = built("Pyongyagn", MatchMode::Every, true, &Filters::default());
        let typo = format!(
            "FuzzyTermQuery {{ term: {}, distance: 2, transposition_cost_one: true, prefix: false }}",
            term(fields().text, "pyongyagn")
        );
        assert!(shape.contains(&typo), "{shape}");
        assert_eq!(found, ["nord"]);
        let (_, shape, found) = plain("Pyongyagn");
        assert!(!shape.contains("FuzzyTermQuery"), "{shape}");
        assert!(found.is_empty());
    }

    #[test]
    fn date_and_category_filters_are_required_and_scored_zero() {
        let filters = Filters {
            categories: vec!["international".into()],
            dates: DayRange {
                from: Date::new(2024, 1, 1),
                to: Date::new(2024, 12, 31),
            },
        };
        let (_, shape, found) = built("missiles", MatchMode::Every, false, &filters);
        assert!(
            shape.contains("(Must, Const(score=0, query=RangeQuery"),
            "{shape}"
        );
        assert_eq!(found, ["nord"]);
        let (_, _, found) = built("*", MatchMode::Every, false, &filters);
        assert_eq!(found, ["nord"]);
    }

    #[test]
    fn only_stop_words_find_nothing_and_a_star_browses() {
        let (_, shape, found) = plain("de la");
        assert_eq!(shape, "EmptyQuery");
        assert!(found.is_empty());
        let (_, shape, found) = plain("*");
        assert_eq!(shape, "BooleanQuery { subqueries: [(Must, Const(score=0, query=AllQuery))], minimum_number_should_match: 0 }");
        assert_eq!(found, ["apart", "missiles", "nord", "retraites"]);
    }

    #[test]
    fn a_name_is_also_looked_for_without_its_small_words_when_a_phrase_remains() {
        let apart = |text: &str| name_without_small_words(text);
        assert_eq!(
            apart("Notre-Dame-des-Landes").as_deref(),
            Some("Notre Dame des Landes")
        );
        assert_eq!(apart("Aix-en-Provence").as_deref(), Some("Aix en Provence"));
        // In lower case, even one word apart: articles keep no stop word there.
        assert_eq!(apart("au-delà").as_deref(), Some("au delà"));
        assert_eq!(apart("notre-dame").as_deref(), Some("notre dame"));
        for text in [
            "Notre-Dame",
            "Saint-Denis",
            "Kim Jong-un",
            "a-t-il",
            "Paris",
        ] {
            assert_eq!(apart(text), None, "{text}");
        }
    }

    #[test]
    fn a_capitalised_small_word_before_a_capitalised_word_spells_a_name() {
        let names = |text: &str| spaced_names(&parse_query(text).unwrap());
        assert_eq!(names("Notre Dame de Paris"), ["Notre-Dame"]);
        assert_eq!(names("Saint Germain Des Prés"), ["Des-Prés"]);
        assert_eq!(names("Marine Le Pen"), ["Le-Pen"]);
        for text in [
            "notre dame",
            "Notre dame",
            "Notre-Dame",
            "la Corée du Nord",
            "Notre \"Dame\"",
            "Notre OR Dame",
        ] {
            assert_eq!(names(text), [] as [&str; 0], "{text}");
        }
    }

    #[test]
    fn a_name_of_several_words_also_accepts_its_synonyms() {
        let (_, shape, _) = plain("Union européenne");
        assert!(
            shape.contains(&term(fields().text, "ue")),
            "the built-in group UE / Union européenne: {shape}"
        );
    }
}
