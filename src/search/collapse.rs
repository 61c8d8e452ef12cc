//! Near-duplicate collapsing: ranked matches folded into one result per group, the best-ranked copy first, the others listed with it.

use std::collections::HashMap;

use crate::index::DuplicateGroups;

use super::match_collector::Match;

/// One result: the best-ranked match of its group and the group's other matches, in rank order.
#[derive(Debug, Clone, PartialEq)]
pub struct Collapsed {
    pub best: Match,
    pub others: Vec<Match>,
}

/// Folds ranked matches into one result per near-duplicate group, keeping the rank order of
/// each group's best match.
pub fn collapse(ranked: &[Match], groups: &DuplicateGroups) -> Vec<Collapsed> {
    let mut results: Vec<Collapsed> = Vec::new();
    let mut by_key: HashMap<u64, usize> = HashMap::new();
    for found in ranked {
        let key = groups.key(found.signature);
        match by_key.get(&key) {
            Some(&index) => results[index].others.push(*found),
            None => {
                by_key.insert(key, results.len());
                results.push(Collapsed {
                    best: *found,
                    others: Vec::new(),
                });
            }
        }
    }
    results
}

/// Every match as its own result (`--no-collapse`).
pub fn one_by_one(ranked: &[Match]) -> Vec<Collapsed> {
    ranked
        .iter()
        .map(|found| Collapsed {
            best: *found,
            others: Vec::new(),
        })
        .collect()
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
        let results = collapse(&ranked, &groups);
        let shape: Vec<(u32, Vec<u32>)> = results
            .iter()
            .map(|result| {
                (
                    result.best.address.doc_id,
                    result.others.iter().map(|m| m.address.doc_id).collect(),
                )
            })
            .collect();
        assert_eq!(shape, [(0, vec![]), (1, vec![3]), (2, vec![4])]);
        assert_eq!(one_by_one(&ranked).len(), 5);
    }
}
