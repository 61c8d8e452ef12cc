//! The matches of a query of plain words of one term each, found without scoring every article that has only some of the words.
//!
//! Such a query finds every article with any of its words, and most of them are partial
//! matches: at eight times orangesum, "taux de chômage en France" finds 143,000 articles
//! and 520 have every word. Every full match is collected with its score, but of the
//! partial matches a page needs only the best-scored few ([`super::match_collector`] keeps
//! a bounded number per segment) and how many there are. So the articles are visited in
//! document order through the words that could still lift a partial match above the
//! lowest one kept (MaxScore: a word whose best possible score, added to those of the
//! weaker words, cannot is only looked up in the articles found through the others), and
//! a partial match whose best possible score cannot beat the lowest one kept is passed
//! over unscored. The partial matches are counted apart, without scores.
//!
//! The scores are tantivy's for the same query to the bit: each word is the sum of its
//! title bonus and its text BM25, the words are added in the query's order starting from
//! zero, and the proximity bonus last, as the query's union and optional clause add them.
//! The matches kept are those the exhaustive collection keeps: a partial match passed over
//! scores no more than the lowest kept, so the exhaustive collection would not keep it
//! either, and the kept ones come in the same order.
//!
//! By relevance, the full matches may also be kept without their proximity bonus (the
//! words' positions compared in every one of them), which is then added only to those
//! that can reach the page with it ([`PlainTermsWeight::add_proximity`]).

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{
    Bm25Weight, BooleanQuery, EnableScoring, Occur, Query, Scorer, TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{
    DocAddress, DocId, DocSet, Score, Searcher, SeekDangerResult, SegmentOrdinal, SegmentReader,
    Term, TERMINATED,
};

use crate::index::ArticleFields;

use super::match_collector::{Match, SegmentMatchCollector};
use super::query_builder::{PlainTerms, PROXIMITY_BONUS, TITLE_BOOST};

/// How much a sum of best possible scores is raised before it is compared: the scores are
/// summed in another order than the bounds, so they may differ in the last bits.
const BOUND_MARGIN: f64 = 1.0 + 1e-5;

/// The weights of a [`PlainTerms`] query, made once per query.
pub(super) struct PlainTermsWeight {
    words: Vec<WordWeight>,
    /// The bonus for the words standing together.
    proximity: Option<Box<dyn Weight>>,
    /// Whether full matches are kept without the proximity bonus, to be added afterwards
    /// to those that may reach the page.
    bonus_later: bool,
    /// Every article with any of the words, for counting them without scores.
    any_word: Box<dyn Weight>,
}

/// One word: its title bonus and its text BM25.
struct WordWeight {
    title: TermWeight,
    text: TermWeight,
}

/// A term and its BM25 weight, as tantivy's term query weighs it (boost included).
struct TermWeight {
    term: Term,
    bm25: Bm25Weight,
}

impl TermWeight {
    fn new(term: Term, searcher: &Searcher, boost: Score) -> tantivy::Result<TermWeight> {
        let bm25 = Bm25Weight::for_terms(searcher, std::slice::from_ref(&term))?.boost_by(boost);
        Ok(TermWeight { term, bm25 })
    }

    /// The most the term can score: every occurrence in the shortest article.
    fn best(&self) -> f64 {
        f64::from(self.bm25.score(0, u32::MAX))
    }

    /// Its postings in `reader`, scored as tantivy's term scorer scores them.
    fn postings(&self, reader: &SegmentReader) -> tantivy::Result<TermPostings> {
        let field = self.term.field();
        let postings = reader
            .inverted_index(field)?
            .read_postings(&self.term, IndexRecordOption::WithFreqs)?
            .unwrap_or_else(SegmentPostings::empty);
        let lengths = match reader.fieldnorms_readers().get_field(field)? {
            Some(lengths) => lengths,
            None => FieldNormReader::constant(reader.max_doc(), 1),
        };
        Ok(TermPostings {
            postings,
            lengths,
            bm25: self.bm25.clone(),
        })
    }
}

/// A term's postings in a segment with what scores them: the postings read directly, not
/// through a boxed scorer, so that the loop over the articles is compiled with them.
struct TermPostings {
    postings: SegmentPostings,
    /// The articles' lengths in the term's field.
    lengths: FieldNormReader,
    bm25: Bm25Weight,
}

impl TermPostings {
    fn doc(&self) -> DocId {
        self.postings.doc()
    }

    /// Moves to the first article from `doc` on that has the term.
    fn seek(&mut self, doc: DocId) -> DocId {
        if self.postings.doc() < doc {
            self.postings.seek(doc)
        } else {
            self.postings.doc()
        }
    }

    fn advance(&mut self) -> DocId {
        self.postings.advance()
    }

    /// The term's BM25 in the article the postings are on.
    fn score(&self) -> Score {
        let length = self.lengths.fieldnorm_id(self.postings.doc());
        self.bm25.score(length, self.postings.term_freq())
    }
}

/// One word's postings in a segment. The text holds the title, so the articles with the
/// word are those of the text's postings.
struct WordScorer {
    title: TermPostings,
    text: TermPostings,
    title_best: f64,
    best: f64,
}

impl WordScorer {
    /// Whether the article `doc` has the word, moving the text's postings to it.
    fn has(&mut self, doc: DocId) -> bool {
        self.text.seek(doc) == doc
    }

    /// The most the word can score in `doc`, which has it, without reading the title.
    fn at_most(&self) -> f64 {
        f64::from(self.text.score()) + self.title_best
    }

    /// The word's score in `doc`, which has it: as tantivy's union of the two adds them.
    fn score(&mut self, doc: DocId) -> Score {
        let mut score: Score = 0.0;
        if self.title.seek(doc) == doc {
            score += self.title.score();
        }
        score + self.text.score()
    }
}

/// A scorer asked about articles one at a time, in increasing order. Only each article
/// asked about is looked at (`seek_danger`): `seek` on a phrase goes on to the next article
/// where the words stand together, reading the positions of every article with all of them
/// on the way.
struct ArticlesAsked {
    scorer: Box<dyn Scorer>,
    /// No article before this one is among the scorer's: an article asked about that was
    /// not may leave the scorer past the next ones, which are then not asked of it.
    next_possible: DocId,
}

impl ArticlesAsked {
    fn new(scorer: Box<dyn Scorer>) -> ArticlesAsked {
        let next_possible = scorer.doc();
        ArticlesAsked {
            scorer,
            next_possible,
        }
    }

    /// The score of `doc` when it is among the scorer's articles; `doc` after the last one
    /// asked about.
    fn score_of(&mut self, doc: DocId) -> Option<Score> {
        if doc < self.next_possible {
            return None;
        }
        match self.scorer.seek_danger(doc) {
            SeekDangerResult::Found => {
                self.next_possible = doc + 1;
                Some(self.scorer.score())
            }
            SeekDangerResult::SeekLowerBound(next_possible) => {
                self.next_possible = next_possible;
                None
            }
        }
    }
}

impl PlainTermsWeight {
    /// The weights of `plain`; the proximity bonus is added after collecting when
    /// `bonus_later` (see [`Self::add_proximity`]).
    pub(super) fn new(
        plain: &PlainTerms,
        fields: &ArticleFields,
        searcher: &Searcher,
        bonus_later: bool,
    ) -> tantivy::Result<PlainTermsWeight> {
        let scoring = EnableScoring::enabled_from_searcher(searcher);
        let mut words = Vec::with_capacity(plain.terms.len());
        let mut any_word: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for term in &plain.terms {
            let title = Term::from_field_text(fields.title, term);
            let text = Term::from_field_text(fields.text, term);
            words.push(WordWeight {
                title: TermWeight::new(title, searcher, TITLE_BOOST)?,
                text: TermWeight::new(text.clone(), searcher, 1.0)?,
            });
            let in_text = TermQuery::new(text, IndexRecordOption::Basic);
            any_word.push((Occur::Should, Box::new(in_text)));
        }
        let proximity = plain
            .proximity
            .as_ref()
            .map(|query| query.weight(scoring))
            .transpose()?;
        let any_word =
            BooleanQuery::new(any_word).weight(EnableScoring::disabled_from_searcher(searcher))?;
        Ok(PlainTermsWeight {
            words,
            bonus_later: bonus_later && proximity.is_some(),
            proximity,
            any_word,
        })
    }

    /// Adds the proximity bonus to the full matches still without it that could reach
    /// `floor` with it, where their words stand together.
    pub(super) fn add_proximity<'a>(
        &self,
        searcher: &Searcher,
        matches: impl IntoIterator<Item = &'a mut Match>,
        floor: Score,
    ) -> tantivy::Result<()> {
        let Some(weight) = &self.proximity else {
            return Ok(());
        };
        let mut pending: Vec<&mut Match> = matches
            .into_iter()
            .filter(|found| found.bonus_pending && found.score + PROXIMITY_BONUS >= floor)
            .collect();
        // The positions are read forward, segment by segment.
        pending.sort_unstable_by_key(|found| found.address);
        let mut scorer: Option<(SegmentOrdinal, ArticlesAsked)> = None;
        for found in pending {
            let DocAddress {
                segment_ord,
                doc_id,
            } = found.address;
            if scorer
                .as_ref()
                .is_none_or(|(segment, _)| *segment != segment_ord)
            {
                let reader = searcher.segment_reader(segment_ord);
                scorer = Some((segment_ord, ArticlesAsked::new(weight.scorer(reader, 1.0)?)));
            }
            if let Some((_, proximity)) = &mut scorer {
                if let Some(bonus) = proximity.score_of(doc_id) {
                    found.score += bonus;
                }
            }
            found.bonus_pending = false;
        }
        Ok(())
    }

    /// Collects the segment's matches into `collector`: every full match with its score,
    /// the partial matches that may be kept with theirs, the others counted.
    pub(super) fn collect_segment(
        &self,
        reader: &SegmentReader,
        collector: &mut SegmentMatchCollector,
    ) -> tantivy::Result<()> {
        let mut words = self
            .words
            .iter()
            .map(|word| {
                Ok(WordScorer {
                    title: word.title.postings(reader)?,
                    text: word.text.postings(reader)?,
                    title_best: word.title.best(),
                    best: word.title.best() + word.text.best(),
                })
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        let mut proximity = match &self.proximity {
            Some(weight) if !self.bonus_later => {
                Some(ArticlesAsked::new(weight.scorer(reader, 1.0)?))
            }
            _ => None,
        };
        let alive = reader.alive_bitset();
        // The words from the weakest, and the best a partial match can score with the
        // weakest ones alone.
        let mut weakest_first: Vec<usize> = (0..words.len()).collect();
        weakest_first.sort_by(|&a, &b| words[a].best.total_cmp(&words[b].best));
        let at_most_with: Vec<f64> = weakest_first
            .iter()
            .scan(0.0, |sum, &word| {
                *sum += words[word].best;
                Some(*sum * BOUND_MARGIN)
            })
            .collect();
        // The first `looked_up` of the weakest words only are looked up, in the articles
        // found through the others; the strongest is always among the others, so that every
        // full match is found.
        let mut looked_up = 0;
        let mut present = vec![false; words.len()];
        let (mut full, mut partial_seen) = (0u64, 0u64);
        loop {
            let threshold = collector.partial_threshold();
            if let Some(threshold) = threshold {
                let threshold = f64::from(threshold);
                while looked_up + 1 < words.len() && at_most_with[looked_up] <= threshold {
                    looked_up += 1;
                }
            }
            let doc = weakest_first[looked_up..]
                .iter()
                .map(|&word| words[word].text.doc())
                .min()
                .unwrap_or(TERMINATED);
            if doc == TERMINATED {
                break;
            }
            let mut at_most = 0.0;
            for (word, present) in words.iter_mut().zip(&mut present) {
                *present = word.has(doc);
                if *present {
                    at_most += word.best;
                }
            }
            if alive.is_none_or(|alive| alive.is_alive(doc)) {
                if present.iter().all(|&present| present) {
                    full += 1;
                    let mut score = score(&mut words, &present, doc);
                    if let Some(bonus) = proximity.as_mut().and_then(|asked| asked.score_of(doc)) {
                        score += bonus;
                    }
                    collector.collect_match(doc, score, true, self.bonus_later);
                } else {
                    partial_seen += 1;
                    // Passed over if it cannot beat the lowest kept: by the words' best
                    // scores, or, reading a little more, by their scores in the text.
                    let passed_over = threshold.filter(|&lowest| {
                        let below = |at_most: f64| at_most * BOUND_MARGIN <= f64::from(lowest);
                        below(at_most) || below(text_at_most(&mut words, &present))
                    });
                    match passed_over {
                        Some(lowest) => collector.pass_over_partial(1, lowest),
                        None => {
                            let score = score(&mut words, &present, doc);
                            collector.collect_match(doc, score, false, false);
                        }
                    }
                }
            }
            for &word in &weakest_first[looked_up..] {
                if words[word].text.doc() == doc {
                    words[word].text.advance();
                }
            }
        }
        // The partial matches never visited have only looked-up words: they score no more
        // than the lowest partial match kept when their words were set aside. When no word
        // was set aside, every article with any word was visited and none is left to count.
        if looked_up == 0 {
            return Ok(());
        }
        let unseen = u64::from(self.any_word.count(reader)?) - full - partial_seen;
        if unseen > 0 {
            let threshold = collector.partial_threshold().unwrap_or(Score::INFINITY);
            collector.pass_over_partial(unseen, threshold);
        }
        Ok(())
    }
}

/// The most the words `present` in the article the text scorers are on can score, by
/// their text scores and the best title bonus.
fn text_at_most(words: &mut [WordScorer], present: &[bool]) -> f64 {
    let mut at_most = 0.0;
    for (word, &present) in words.iter_mut().zip(present) {
        if present {
            at_most += word.at_most();
        }
    }
    at_most
}

/// The score of the words `present` in `doc`: added in the query's order from zero, as
/// the query's union of the words adds them.
fn score(words: &mut [WordScorer], present: &[bool], doc: DocId) -> Score {
    let mut sum: Score = 0.0;
    for (word, &present) in words.iter_mut().zip(present) {
        if present {
            sum += word.score(doc);
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use super::*;
    use crate::article::Article;
    use crate::index::document::searcher_over;
    use crate::search::facet_collector::FacetCollector;
    use crate::search::match_collector::{Found, MatchCollector};
    use crate::search::query_builder::{build_query, Filters, MatchMode};
    use crate::search::query_parser::parse_query;
    use crate::search::synonyms::Synonyms;

    /// The thirty news articles of the matching fixture, four times over, one segment per
    /// copy, the body repeated once more in each copy (so that copies score apart, and
    /// equal scores stand in a segment too: each body once as written, once doubled).
    fn searcher() -> (ArticleFields, Searcher) {
        let records = include_str!("../../tests/fixtures/matching/articles.jsonl");
        let copy = |copy: usize| {
            let mut articles = Vec::new();
            for (line, record) in records.lines().enumerate() {
                let record: serde_json::Value = serde_json::from_str(record).unwrap();
                let text = |key: &str| record[key].as_str().unwrap_or_default().to_string();
                for repeat in [1, copy] {
                    articles.push(Article {
                        id: format!("{}~{copy}~{repeat}", text("id")),
                        title: text("title"),
                        body: vec![text("body"); repeat].join(" "),
                        path: PathBuf::from(format!("{line}.txt")),
                        ..Article::default()
                    });
                }
            }
            articles
        };
        searcher_over((1..=4).map(copy))
    }

    /// What the collector finds for `text`, keeping `partial_limit` partial matches per
    /// segment: through [`PlainTermsWeight`] when `plain`, else by scoring every match.
    fn found(
        (fields, searcher): &(ArticleFields, Searcher),
        text: &str,
        plain: bool,
        bonus_later: bool,
        partial_limit: usize,
    ) -> Found {
        let built = build_query(
            fields,
            &parse_query(text).unwrap(),
            MatchMode::Every,
            false,
            &Filters::default(),
            &Synonyms::built_in(),
            searcher,
        );
        let every_word = built.every_word_query().map(|all| {
            let weight = all.weight(EnableScoring::disabled_from_searcher(searcher));
            Arc::from(weight.unwrap())
        });
        let plain_terms = built.plain_terms.as_ref().filter(|_| plain).map(|terms| {
            Arc::new(PlainTermsWeight::new(terms, fields, searcher, bonus_later).unwrap())
        });
        let collector = MatchCollector {
            groups: Arc::default(),
            every_word,
            count_partial: false,
            partial_limit: Some(partial_limit),
            facets: FacetCollector {
                keywords: Vec::new(),
                count_days: false,
            },
            plain_terms,
        };
        let mut found = searcher.search(built.query.as_ref(), &collector).unwrap();
        if let Some(plain_terms) = &collector.plain_terms {
            plain_terms
                .add_proximity(searcher, &mut found.matches, Score::NEG_INFINITY)
                .unwrap();
        }
        found.matches.sort_by_key(|found| found.address);
        found
    }

    #[test]
    fn the_matches_kept_are_those_scoring_every_match_keeps() {
        let index = searcher();
        for text in [
            "Trump Séoul",
            "réforme des retraites",
            "gilets jaunes",
            "Macron nucléaire",
            "guerre froide Kyiv",
        ] {
            for partial_limit in [0, 1, 3, 100] {
                let every = found(&index, text, false, false, partial_limit);
                for bonus_later in [false, true] {
                    let pruned = found(&index, text, true, bonus_later, partial_limit);
                    assert_eq!(pruned.matches, every.matches, "{text} {partial_limit}");
                    assert_eq!(pruned.partial, every.partial, "{text} {partial_limit}");
                    // The best score dropped is known within bounds that hold the exact one.
                    match (pruned.best_dropped, every.best_dropped) {
                        (Some(bounds), Some(exact)) => {
                            assert_eq!(exact.at_least, exact.at_most);
                            assert!(bounds.at_least <= exact.at_least, "{text}");
                            assert!(exact.at_most <= bounds.at_most, "{text}");
                        }
                        (bounds, exact) => assert_eq!(bounds, exact, "{text}"),
                    }
                }
            }
        }
    }

    #[test]
    fn partial_matches_that_cannot_be_kept_are_passed_over() {
        let index = searcher();
        let pruned = found(&index, "gilets jaunes", true, true, 1);
        let bounds = pruned.best_dropped.unwrap();
        assert!(
            bounds.at_least < bounds.at_most,
            "some partial matches were passed over unscored: {bounds:?}"
        );
        let every = found(&index, "gilets jaunes", false, false, 1);
        assert_eq!(pruned.matches, every.matches);
    }

    #[test]
    fn only_queries_of_one_term_words_are_collected_this_way() {
        let (fields, searcher) = searcher();
        let plain = |text: &str| {
            let nodes = parse_query(text).unwrap();
            let built = build_query(
                &fields,
                &nodes,
                MatchMode::Every,
                false,
                &Filters::default(),
                &Synonyms::built_in(),
                &searcher,
            );
            built.plain_terms.map(|plain| plain.terms)
        };
        assert_eq!(plain("gilets jaunes").unwrap(), ["gilet", "jaun"]);
        for text in [
            "gilets",
            "gilets jaun*",
            "\"gilets jaunes\"",
            "gilets jaunes -sauvetage",
            "Notre-Dame Paris",
            "Union européenne",
            "gilets title:jaunes",
        ] {
            assert_eq!(plain(text), None, "{text}");
        }
    }
}
