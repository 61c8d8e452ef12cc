//! Near-duplicate group keys on the cluster, chosen so that documents are rarely updated: an article is written with the key of a known near-duplicate, and a group's members later disagree only when an article joins two groups.
//!
//! Why: an updated document stays in Lucene's term statistics (document counts and
//! frequencies) until its segment is merged, which OpenSearch's soft deletes put off, so
//! updating many group keys after a run would move every score. The key's value does not
//! matter (it is never shown), only that a group's members share it.

use std::collections::{HashMap, HashSet};

use crate::index::near_duplicates::MAX_DISTANCE;
use crate::index::DuplicateGroups;

/// Bands of the signature: two signatures at most `MAX_DISTANCE` bits apart agree on at
/// least one band (the bits that differ fall in at most `MAX_DISTANCE` of them).
const BANDS: u32 = MAX_DISTANCE + 1;
const BAND_BITS: u32 = 64 / BANDS;

/// The signatures known to an indexing run and their group keys.
#[derive(Default)]
pub(crate) struct KnownGroups {
    keys: HashMap<u64, u64>,
    bands: HashMap<(u32, u64), Vec<u64>>,
}

impl KnownGroups {
    /// Remembers a signature held by the cluster with its stored key.
    pub(super) fn insert(&mut self, signature: u64, key: u64) {
        if self.keys.insert(signature, key).is_some() {
            return;
        }
        for band in 0..BANDS {
            self.bands
                .entry((band, band_value(signature, band)))
                .or_default()
                .push(signature);
        }
    }

    /// The key for a new article: that of the same or a near signature already known (the
    /// first found), or its own signature.
    pub(super) fn key_for(&mut self, signature: u64) -> u64 {
        if let Some(key) = self.keys.get(&signature) {
            return *key;
        }
        let near = (0..BANDS)
            .filter_map(|band| self.bands.get(&(band, band_value(signature, band))))
            .flatten()
            .find(|other| (*other ^ signature).count_ones() <= MAX_DISTANCE);
        let key = near.map_or(signature, |other| self.keys[other]);
        self.insert(signature, key);
        key
    }
}

fn band_value(signature: u64, band: u32) -> u64 {
    signature >> (band * BAND_BITS) & ((1 << BAND_BITS) - 1)
}

/// The articles (index in `articles`) whose stored key must change, with their new key, so
/// that each group of the near-duplicate grouping shares one key: the key most of its
/// members already hold (ties: the smallest), and no two groups share a key.
/// `articles` holds each article's signature and stored key.
pub(crate) fn key_changes(articles: &[(u64, u64)]) -> Vec<(usize, u64)> {
    let groups = DuplicateGroups::from_signatures(articles.iter().map(|(signature, _)| *signature));
    // Members of each group, by the grouping's own key.
    let mut members: HashMap<u64, Vec<usize>> = HashMap::new();
    for (index, (signature, _)) in articles.iter().enumerate() {
        members
            .entry(groups.key(*signature))
            .or_default()
            .push(index);
    }
    let mut groups: Vec<Vec<usize>> = members.into_values().collect();
    // The largest groups choose first, so that they keep their key when two share one.
    groups.sort_by_key(|group| (std::cmp::Reverse(group.len()), group[0]));
    let mut taken: HashSet<u64> = HashSet::new();
    let mut changes = Vec::new();
    for group in groups {
        let mut votes: HashMap<u64, usize> = HashMap::new();
        for &index in &group {
            *votes.entry(articles[index].1).or_default() += 1;
        }
        let mut candidates: Vec<(usize, u64)> =
            votes.into_iter().map(|(key, count)| (count, key)).collect();
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let key = candidates
            .iter()
            .map(|(_, key)| *key)
            .find(|key| !taken.contains(key))
            // Every stored key is another group's: a signature of this group is free,
            // as no other group holds it.
            .unwrap_or_else(|| {
                group
                    .iter()
                    .map(|&index| articles[index].0)
                    .min()
                    .unwrap_or(0)
            });
        taken.insert(key);
        changes.extend(
            group
                .iter()
                .filter(|&&index| articles[index].1 != key)
                .map(|&index| (index, key)),
        );
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_duplicate_takes_the_known_key_and_a_stranger_its_own() {
        let mut known = KnownGroups::default();
        known.insert(0b1111_0000, 42);
        assert_eq!(known.key_for(0b1111_0111), 42, "three bits away");
        assert_eq!(known.key_for(0b1111_0111), 42, "an exact copy");
        let far = 0xFFFF_0000_0000_0000;
        assert_eq!(known.key_for(far), far);
        // Near the newcomer only (five bits from the first): the chain keeps the key.
        assert_eq!(known.key_for(0b1_1111_0111 | 1 << 40), 42);
    }

    #[test]
    fn groups_keep_their_majority_key_and_only_strays_change() {
        let articles = [
            (0b1111_0000, 7),
            (0b1111_0001, 7),
            (0b1111_0011, 9),
            (0xFF00_0000_0000_0000, 0xFF00_0000_0000_0000),
        ];
        assert_eq!(key_changes(&articles), [(2, 7)]);
        let far = 0xF0F0_F0F0_F0F0_F0F0;
        let consistent = [(0b1, 5), (0b11, 5), (far, far)];
        assert!(key_changes(&consistent).is_empty());
    }

    #[test]
    fn two_groups_never_share_a_key() {
        // Far apart, but both hold key 3 (a group split by removed articles).
        let far = 0xF0F0_F0F0_F0F0_F0F0;
        let articles = [(0b1, 3), (0b11, 3), (far, 3)];
        let changes = key_changes(&articles);
        assert_eq!(changes, [(2, far)]);
    }
}
