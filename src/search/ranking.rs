//! The order of the results: relevance, or date either way; a recency half-life that decays old articles' scores; ties broken the same way every time.

use std::cmp::Ordering;

use crate::date::Date;

use super::match_collector::Match;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOrder {
    /// Best score first; equal scores newest first.
    Relevance,
    /// Newest first; undated articles last; equal dates by score.
    NewestFirst,
    /// Oldest first; undated articles last; equal dates by score.
    OldestFirst,
}

/// Multiplies each score by `0.5^(age / half_life_days)`, the age counted in days from the
/// newest article in the index (undated articles count as old as the oldest one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Recency {
    pub half_life_days: f64,
}

/// The dates of the index, as `YYYYMMDD`, that recency is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DateSpan {
    pub oldest: i64,
    pub newest: i64,
}

impl Recency {
    /// The factor for an article of `date` in an index whose dates span `span`.
    fn factor(self, date: Option<i64>, span: DateSpan) -> f32 {
        let days = |yyyymmdd: i64| Date::from_yyyymmdd(yyyymmdd).map(Date::days_since_epoch);
        let age = match (days(span.newest), days(date.unwrap_or(span.oldest))) {
            (Some(newest), Some(day)) => (newest - day).max(0) as f64,
            _ => return 1.0,
        };
        0.5f64.powf(age / self.half_life_days) as f32
    }
}

/// Multiplies the scores by their recency factor (see [`Recency`]).
pub(super) fn apply_recency(matches: &mut [Match], recency: Recency, span: DateSpan) {
    for found in matches.iter_mut() {
        found.score *= recency.factor(found.date, span);
    }
}

/// Puts the first `count` matches in `order` at the front of `matches`, sorted, and leaves the
/// others after them unsorted: a page needs its head sorted, not every match. Matches that
/// compare equal are ordered by their place in the index, so every run agrees.
pub(super) fn sort_head(matches: &mut [Match], count: usize, order: SortOrder) {
    let count = count.min(matches.len());
    if count == 0 {
        return;
    }
    if count < matches.len() {
        matches.select_nth_unstable_by(count - 1, |a, b| compare(a, b, order));
    }
    matches[..count].sort_unstable_by(|a, b| compare(a, b, order));
}

/// The order of two matches: `Less` when `a` comes first. In a date order the counted
/// matches come first: an article with only some of the words never leads the list.
pub(super) fn compare(a: &Match, b: &Match, order: SortOrder) -> Ordering {
    let by_score = b.score.total_cmp(&a.score);
    let counted_first = b.counted.cmp(&a.counted);
    // Dated before undated in every order.
    let dated_first = b.date.is_some().cmp(&a.date.is_some());
    let first = match order {
        SortOrder::Relevance => by_score.then(b.date.cmp(&a.date)),
        SortOrder::NewestFirst => counted_first
            .then(dated_first)
            .then(b.date.cmp(&a.date))
            .then(by_score),
        SortOrder::OldestFirst => counted_first
            .then(dated_first)
            .then(a.date.cmp(&b.date))
            .then(by_score),
    };
    first.then(a.address.cmp(&b.address))
}

/// A half-life such as `30d`, `2w`, `6m` (30 days each) or `1y` (365 days), or a number of
/// days; `None` when it is not one, or not positive.
pub(crate) fn parse_half_life(text: &str) -> Option<Recency> {
    let text = text.trim();
    let (number, unit_days) = match text.char_indices().last()? {
        (at, 'd') => (&text[..at], 1.0),
        (at, 'w') => (&text[..at], 7.0),
        (at, 'm') => (&text[..at], 30.0),
        (at, 'y') => (&text[..at], 365.0),
        _ => (text, 1.0),
    };
    let value: f64 = number.parse().ok()?;
    (value.is_finite() && value > 0.0).then_some(Recency {
        half_life_days: value * unit_days,
    })
}

#[cfg(test)]
mod tests {
    use tantivy::DocAddress;

    use super::*;

    fn found(score: f32, date: Option<i64>, doc: u32) -> Match {
        Match {
            score,
            date,
            has_duplicates: false,
            full: true,
            counted: true,
            collapse_key: u64::from(doc),
            address: DocAddress::new(0, doc),
            bonus_pending: false,
        }
    }

    fn docs(matches: &[Match]) -> Vec<u32> {
        matches.iter().map(|found| found.address.doc_id).collect()
    }

    #[test]
    fn orders_break_ties_the_same_way_every_time() {
        let matches = [
            found(1.0, Some(20240101), 0),
            found(2.0, None, 1),
            found(1.0, Some(20241001), 2),
            found(1.0, Some(20241001), 3),
            found(3.0, Some(20230101), 4),
        ];
        let sorted = |order| {
            let mut copy = matches;
            copy.reverse();
            sort_head(&mut copy, 5, order);
            docs(&copy)
        };
        assert_eq!(sorted(SortOrder::Relevance), [4, 1, 2, 3, 0]);
        assert_eq!(sorted(SortOrder::NewestFirst), [2, 3, 0, 4, 1]);
        assert_eq!(sorted(SortOrder::OldestFirst), [4, 0, 2, 3, 1]);
    }

    #[test]
    fn partial_matches_follow_the_matches_in_a_date_order() {
        let partial = |score, date, doc| Match {
            full: false,
            counted: false,
            ..found(score, date, doc)
        };
        let matches = [
            partial(5.0, Some(20250101), 0),
            found(1.0, Some(20200101), 1),
            partial(1.0, Some(20190101), 2),
            found(1.0, None, 3),
            found(2.0, Some(20210101), 4),
        ];
        let sorted = |order| {
            let mut copy = matches;
            sort_head(&mut copy, 5, order);
            docs(&copy)
        };
        assert_eq!(sorted(SortOrder::NewestFirst), [4, 1, 3, 0, 2]);
        assert_eq!(sorted(SortOrder::OldestFirst), [1, 4, 3, 2, 0]);
        // By relevance they rank by their score.
        assert_eq!(sorted(SortOrder::Relevance), [0, 4, 1, 2, 3]);
    }

    #[test]
    fn a_sorted_head_is_the_head_of_the_full_order() {
        let matches: Vec<Match> = (0..200)
            .map(|doc| found((doc * 37 % 23) as f32, Some(20240100 + doc as i64 % 7), doc))
            .collect();
        let mut full = matches.clone();
        sort_head(&mut full, matches.len(), SortOrder::Relevance);
        for count in [0, 1, 10, 199, 200, 500] {
            let mut head = matches.clone();
            sort_head(&mut head, count, SortOrder::Relevance);
            let count = count.min(200);
            assert_eq!(docs(&head[..count]), docs(&full[..count]), "{count}");
        }
    }

    #[test]
    fn recency_halves_the_score_every_half_life() {
        let span = DateSpan {
            oldest: 20240101,
            newest: 20241031,
        };
        let recency = parse_half_life("30d").unwrap();
        assert_eq!(recency.factor(Some(20241031), span), 1.0);
        assert!((recency.factor(Some(20241001), span) - 0.5).abs() < 1e-6);
        assert_eq!(
            recency.factor(None, span),
            recency.factor(Some(20240101), span)
        );
        let mut matches = [found(1.5, Some(20241001), 0), found(1.0, Some(20241031), 1)];
        apply_recency(&mut matches, recency, span);
        sort_head(&mut matches, 2, SortOrder::Relevance);
        assert_eq!(docs(&matches), [1, 0]);
        assert!((matches[1].score - 0.75).abs() < 1e-6);
    }

    #[test]
    fn half_lives() {
        let days = |text| parse_half_life(text).map(|recency| recency.half_life_days);
        assert_eq!(days("30d"), Some(30.0));
        assert_eq!(days("2w"), Some(14.0));
        assert_eq!(days("6m"), Some(180.0));
        assert_eq!(days("1y"), Some(365.0));
        assert_eq!(days("10"), Some(10.0));
        assert_eq!(days("0d"), None);
        assert_eq!(days("-3d"), None);
        assert_eq!(days("trente"), None);
        assert_eq!(days(""), None);
    }
}
