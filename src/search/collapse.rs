//! Near-duplicate collapsing: ranked matches folded into one result per group, the best-ranked copy first, the others listed with it.

use rustc_hash::{FxHashMap, FxHashSet};

use super::match_collector::Match;
use super::ranking::{compare, sort_head, SortOrder};

/// One result: the best-ranked match of its group and the group's other matches, in rank order.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Collapsed {
    pub best: Match,
    pub others: Vec<Match>,
}

/// One page of results, and how many results the counted matches make.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Page {
    pub results: Vec<Collapsed>,
    /// Results made by the counted matches (partial matches aside).
    pub total: usize,
    /// Results made by all the matches.
    every_group: usize,
}

/// The results `offset..offset + limit` of the matches in `order`, one per near-duplicate
/// group when `collapse` is set (the group's best-ranked match, with its other matches in
/// rank order). Only the head of the ranking that the page needs is sorted: a query
/// matching thousands of articles sorts a few dozen of them.
pub(super) fn page(
    matches: &mut [Match],
    order: SortOrder,
    collapse: bool,
    offset: usize,
    limit: usize,
) -> Page {
    let wanted = offset.saturating_add(limit);
    if !collapse {
        return uncollapsed_page(matches, order, offset, wanted);
    }
    if limit == 0 {
        return Page {
            results: Vec::new(),
            total: count_groups(matches.iter().filter(|found| found.counted)),
            every_group: 0,
        };
    }
    let (every_group, total) = count_groups_and_counted(matches);
    collapsed_page(matches, order, offset, wanted, every_group, total)
}

/// The page of the matches `previous` was made of, once some of their scores have
/// changed: they make the same results, which are not counted again.
pub(super) fn page_again(
    previous: &Page,
    matches: &mut [Match],
    order: SortOrder,
    collapse: bool,
    offset: usize,
    limit: usize,
) -> Page {
    if !collapse || limit == 0 {
        return page(matches, order, collapse, offset, limit);
    }
    let wanted = offset.saturating_add(limit);
    collapsed_page(
        matches,
        order,
        offset,
        wanted,
        previous.every_group,
        previous.total,
    )
}

/// The results `offset..wanted` of the matches in `order`, one per group, the matches
/// making `every_group` results, `total` of them with a counted match.
fn collapsed_page(
    matches: &mut [Match],
    order: SortOrder,
    offset: usize,
    wanted: usize,
    every_group: usize,
    total: usize,
) -> Page {
    let leaders = group_leaders(matches, order, wanted, every_group);
    let results = with_other_members(&leaders[offset.min(leaders.len())..], matches, order);
    Page {
        results,
        total,
        every_group,
    }
}

/// The results `offset..wanted` of the matches in `order`, each article on its own.
fn uncollapsed_page(matches: &mut [Match], order: SortOrder, offset: usize, wanted: usize) -> Page {
    sort_head(matches, wanted, order);
    let results = matches.iter().take(wanted).skip(offset);
    Page {
        results: results.map(|found| alone(*found)).collect(),
        total: matches.iter().filter(|found| found.counted).count(),
        every_group: matches.len(),
    }
}

/// The best-ranked match of each of the first `wanted` groups (of `every_group`), in order.
fn group_leaders(
    matches: &mut [Match],
    order: SortOrder,
    wanted: usize,
    every_group: usize,
) -> Vec<Match> {
    let wanted_groups = wanted.min(every_group);
    // Sort a growing head until it holds the best match of every group the page needs:
    // a match outside the sorted head ranks below all of it. It starts at twice what the
    // page needs at the average group size, so that one pass usually does.
    let average_group = matches.len().div_ceil(every_group.max(1));
    let mut head = wanted
        .saturating_mul(2)
        .saturating_mul(average_group)
        .max(32);
    loop {
        sort_head(matches, head, order);
        let leaders = first_of_each_group(&matches[..head.min(matches.len())], wanted);
        if leaders.len() >= wanted_groups || head >= matches.len() {
            return leaders;
        }
        head = head.saturating_mul(4);
    }
}

/// One result per shown leader, with the other members of its group in rank order (an
/// article alone has none).
fn with_other_members(shown: &[Match], matches: &[Match], order: SortOrder) -> Vec<Collapsed> {
    let slot: FxHashMap<u64, usize> = shown
        .iter()
        .enumerate()
        .filter_map(|(index, leader)| Some((leader.group_key()?, index)))
        .collect();
    let mut results: Vec<Collapsed> = shown.iter().map(|&leader| alone(leader)).collect();
    if slot.is_empty() {
        return results;
    }
    for found in matches {
        let Some(key) = found.group_key() else {
            continue;
        };
        if let Some(&index) = slot.get(&key) {
            if found.address != results[index].best.address {
                results[index].others.push(*found);
            }
        }
    }
    for result in &mut results {
        result.others.sort_unstable_by(|a, b| compare(a, b, order));
    }
    results
}

/// How many results the matches make: each article alone counts once, each group once.
/// Only grouped articles are hashed.
fn count_groups<'a>(matches: impl Iterator<Item = &'a Match>) -> usize {
    let mut alone = 0;
    let mut keys = FxHashSet::default();
    for found in matches {
        match found.group_key() {
            Some(key) => {
                keys.insert(key);
            }
            None => alone += 1,
        }
    }
    alone + keys.len()
}

/// How many results all the matches make, and how many the counted ones make, in one pass
/// (a query with thousands of matches hashes each grouped one once, not twice).
fn count_groups_and_counted(matches: &[Match]) -> (usize, usize) {
    let (mut alone, mut alone_counted) = (0, 0);
    // Each group's key, and whether a counted match is in it.
    let mut keys: FxHashMap<u64, bool> = FxHashMap::default();
    for found in matches {
        match found.group_key() {
            Some(key) => *keys.entry(key).or_default() |= found.counted,
            None => {
                alone += 1;
                alone_counted += usize::from(found.counted);
            }
        }
    }
    let counted_groups = keys.values().filter(|&&counted| counted).count();
    (alone + keys.len(), alone_counted + counted_groups)
}

/// The best-ranked match of each of the first `count` groups (an article alone is a group
/// of one) met in the ranked `matches`.
fn first_of_each_group(matches: &[Match], count: usize) -> Vec<Match> {
    let mut seen = FxHashSet::default();
    let mut leaders = Vec::new();
    for found in matches {
        if found.group_key().is_none_or(|key| seen.insert(key)) {
            leaders.push(*found);
            if leaders.len() == count {
                break;
            }
        }
    }
    leaders
}

fn alone(found: Match) -> Collapsed {
    Collapsed {
        best: found,
        others: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use tantivy::DocAddress;

    use super::*;
    use crate::index::DuplicateGroups;

    /// A match of the article at `doc` with this signature, grouped as `groups` says.
    fn found(groups: &DuplicateGroups, signature: u64, doc: u32) -> Match {
        let group = groups.grouped_key(signature);
        Match {
            score: 1.0,
            date: None,
            has_duplicates: group.is_some(),
            full: true,
            counted: true,
            collapse_key: group.unwrap_or(signature),
            address: DocAddress::new(0, doc),
            bonus_pending: false,
        }
    }

    #[test]
    fn groups_fold_under_their_best_match() {
        let groups =
            DuplicateGroups::from_signatures([0b1000, 0b1001, 7 << 50, 7 << 50, 0xFFFF << 48]);
        let ranked = [
            found(&groups, 0xFFFF << 48, 0),
            found(&groups, 0b1001, 1),
            found(&groups, 7 << 50, 2),
            found(&groups, 0b1000, 3),
            found(&groups, 7 << 50, 4),
        ];
        let mut matches = ranked;
        matches.reverse();
        let collapsed = page(&mut matches, SortOrder::Relevance, true, 0, 10);
        assert_eq!(collapsed.total, 3);
        let shape: Vec<(u32, Vec<u32>)> = collapsed
            .results
            .iter()
            .map(|result| {
                (
                    result.best.address.doc_id,
                    result.others.iter().map(|m| m.address.doc_id).collect(),
                )
            })
            .collect();
        assert_eq!(shape, [(0, vec![]), (1, vec![3]), (2, vec![4])]);
        let second = page(&mut matches, SortOrder::Relevance, true, 1, 1);
        assert_eq!(second.results.len(), 1);
        assert_eq!(second.results[0].best.address.doc_id, 1);
        let every = page(&mut matches, SortOrder::Relevance, false, 0, 10);
        assert_eq!((every.results.len(), every.total), (5, 5));
    }

    #[test]
    fn a_page_made_again_after_scores_change_is_the_page_made_anew() {
        let groups = DuplicateGroups::from_signatures([0b1000, 0b1001, 7 << 50, 7 << 50]);
        let mut matches = [
            found(&groups, 0xFFFF << 48, 0),
            found(&groups, 0b1001, 1),
            found(&groups, 7 << 50, 2),
            found(&groups, 0b1000, 3),
            found(&groups, 7 << 50, 4),
        ];
        matches[3].counted = false;
        for (offset, limit) in [(0, 10), (0, 2), (1, 1)] {
            let before = page(&mut matches, SortOrder::Relevance, true, offset, limit);
            let mut changed = matches;
            // The group of the signature 7 << 50 now leads, through its second copy.
            changed
                .iter_mut()
                .find(|m| m.address.doc_id == 4)
                .unwrap()
                .score = 3.0;
            let again = page_again(
                &before,
                &mut changed,
                SortOrder::Relevance,
                true,
                offset,
                limit,
            );
            let anew = page(&mut changed, SortOrder::Relevance, true, offset, limit);
            assert_eq!(again, anew, "{offset} {limit}");
        }
        let before = page(&mut matches, SortOrder::Relevance, true, 0, 10);
        matches[4].score = 3.0;
        let again = page_again(&before, &mut matches, SortOrder::Relevance, true, 0, 10);
        assert_eq!(again.results[0].best.address.doc_id, 4);
        assert_eq!(again.total, 3);
    }
}
