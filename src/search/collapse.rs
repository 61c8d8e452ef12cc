//! Near-duplicate collapsing: ranked matches folded into one result per group, the best-ranked copy first, the others listed with it.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::index::DuplicateGroups;

use super::match_collector::Match;
use super::ranking::{compare, sort_head, SortOrder};

/// One result: the best-ranked match of its group and the group's other matches, in rank order.
#[derive(Debug, Clone, PartialEq)]
pub struct Collapsed {
    pub best: Match,
    pub others: Vec<Match>,
}

/// One page of results, and how many results all the matches make.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub results: Vec<Collapsed>,
    pub total: usize,
}

/// The results `offset..offset + limit` of the matches in `order`, one per near-duplicate
/// group when `collapse` is set (the group's best-ranked match, with its other matches in
/// rank order). Only the head of the ranking that the page needs is sorted: a query
/// matching thousands of articles sorts a few dozen of them.
pub fn page(
    matches: &mut [Match],
    order: SortOrder,
    groups: &DuplicateGroups,
    collapse: bool,
    offset: usize,
    limit: usize,
) -> Page {
    let wanted = offset.saturating_add(limit);
    if !collapse {
        sort_head(matches, wanted, order);
        let results = matches.iter().take(wanted).skip(offset);
        return Page {
            results: results.map(|found| alone(*found)).collect(),
            total: matches.len(),
        };
    }
    let keys: FxHashSet<u64> = matches.iter().map(|m| groups.key(m.signature)).collect();
    let wanted_groups = wanted.min(keys.len());
    // Sort a growing head until it holds the best match of every group the page needs:
    // a match outside the sorted head ranks below all of it.
    let mut head = wanted.saturating_mul(2).max(32);
    let leaders = loop {
        sort_head(matches, head, order);
        let leaders = first_of_each_group(&matches[..head.min(matches.len())], groups, wanted);
        if leaders.len() >= wanted_groups || head >= matches.len() {
            break leaders;
        }
        head = head.saturating_mul(4);
    };
    let shown: Vec<u64> = leaders.iter().skip(offset).copied().collect();
    let mut results: Vec<Collapsed> = Vec::with_capacity(shown.len());
    let mut slot: FxHashMap<u64, usize> = FxHashMap::default();
    for (index, key) in shown.iter().enumerate() {
        slot.insert(*key, index);
    }
    let mut members: Vec<Vec<Match>> = vec![Vec::new(); shown.len()];
    for found in matches.iter() {
        if let Some(&index) = slot.get(&groups.key(found.signature)) {
            members[index].push(*found);
        }
    }
    for mut group in members {
        group.sort_unstable_by(|a, b| compare(a, b, order));
        let mut group = group.into_iter();
        if let Some(best) = group.next() {
            results.push(Collapsed {
                best,
                others: group.collect(),
            });
        }
    }
    Page {
        results,
        total: keys.len(),
    }
}

/// The group keys of the first `count` groups met in the ranked `matches`.
fn first_of_each_group(matches: &[Match], groups: &DuplicateGroups, count: usize) -> Vec<u64> {
    let mut seen = FxHashSet::default();
    let mut leaders = Vec::new();
    for found in matches {
        let key = groups.key(found.signature);
        if seen.insert(key) {
            leaders.push(key);
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

    fn found(signature: u64, doc: u32) -> Match {
        Match {
            score: 1.0,
            date: None,
            signature,
            address: DocAddress::new(0, doc),
        }
    }

    #[test]
    fn groups_fold_under_their_best_match() {
        let groups =
            DuplicateGroups::from_signatures([0b1000, 0b1001, 7 << 50, 7 << 50, 0xFFFF << 48]);
        let ranked = [
            found(0xFFFF << 48, 0),
            found(0b1001, 1),
            found(7 << 50, 2),
            found(0b1000, 3),
            found(7 << 50, 4),
        ];
        let mut matches = ranked;
        matches.reverse();
        let collapsed = page(&mut matches, SortOrder::Relevance, &groups, true, 0, 10);
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
        let second = page(&mut matches, SortOrder::Relevance, &groups, true, 1, 1);
        assert_eq!(second.results.len(), 1);
        assert_eq!(second.results[0].best.address.doc_id, 1);
        let every = page(&mut matches, SortOrder::Relevance, &groups, false, 0, 10);
        assert_eq!((every.results.len(), every.total), (5, 5));
    }
}
