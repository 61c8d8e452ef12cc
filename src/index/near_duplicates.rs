//! Near-duplicate detection: a SimHash signature per article at index time, and the groups of articles whose signatures differ in at most a few bits.
//!
//! The signature is a 64-bit SimHash over the shingles (three consecutive words) of the
//! body, words folded but neither stemmed nor filtered (stop words give the shingles their
//! shape: without them, orangesum's near-duplicate groups fall from 23 to 13). Two copies
//! of a wire story with a changed sentence or headline differ in a few bits, unrelated
//! articles in about 32; exact duplicates have the same signature. Groups are found with
//! locality-sensitive hashing: the signature is cut into 4 bands of 16 bits, so two
//! signatures within [`MAX_DISTANCE`] bits share at least one band (pigeonhole) and only
//! signatures sharing a band are compared.

use rustc_hash::FxHashMap;

use crate::analysis::for_each_folded_word;
use crate::article::fnv1a;

/// Signatures that differ in at most this many bits belong to one group.
pub const MAX_DISTANCE: u32 = 3;
/// One more band than the distance: two signatures within the distance share a band.
const BANDS: u32 = MAX_DISTANCE + 1;
const BAND_BITS: u32 = 64 / BANDS;
/// Words per shingle.
const SHINGLE_WORDS: usize = 3;

/// The SimHash signature of an article body.
pub fn signature(body: &str) -> u64 {
    let mut words: Vec<u64> = Vec::new();
    for_each_folded_word(body, |word| words.push(fnv1a(word.as_bytes())));
    // A shingle's hash depends on its words and their order; a body shorter than a
    // shingle is one shingle.
    let shingle = |window: &[u64]| {
        window.iter().enumerate().fold(0u64, |hash, (place, word)| {
            hash ^ word.rotate_left(21 * place as u32)
        })
    };
    let shingles: Vec<u64> = if words.len() < SHINGLE_WORDS {
        vec![shingle(&words)]
    } else {
        words.windows(SHINGLE_WORDS).map(shingle).collect()
    };
    // Each bit of the signature is the majority vote of that bit over the shingles.
    let mut ones = [0u32; 64];
    for hash in &shingles {
        let mixed = mix(*hash);
        for (bit, count) in ones.iter_mut().enumerate() {
            *count += (mixed >> bit & 1) as u32;
        }
    }
    let half = shingles.len() as u32;
    ones.iter()
        .enumerate()
        .filter(|(_, &count)| 2 * count > half)
        .fold(0, |signature, (bit, _)| signature | 1 << bit)
}

/// Spreads the bits of a hash (the splitmix64 finaliser): FNV-1a's high bits are poorly mixed
/// for short inputs, and SimHash needs every bit to be a fair coin.
fn mix(hash: u64) -> u64 {
    let mut value = hash ^ (hash >> 30);
    value = value.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    value ^= value >> 27;
    value = value.wrapping_mul(0x94d0_49bb_1331_11eb);
    value ^ (value >> 31)
}

/// Near-duplicate groups: each grouped signature maps to its group's key (the smallest
/// signature of the group). A signature not in the map is alone, its own key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DuplicateGroups {
    keys: FxHashMap<u64, u64>,
    /// One bit per slot of [`filter_slot`], set for the slots of grouped signatures: most
    /// articles are alone, and a clear bit says so without a lookup in `keys`.
    grouped_slots: Box<[u64]>,
}

/// Slots in the filter of grouped signatures (8 KiB of bits).
const FILTER_SLOTS: u64 = 1 << 16;

fn filter_slot(signature: u64) -> usize {
    (signature.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize
}

impl DuplicateGroups {
    /// Groups the signatures of all articles (repeats are exact duplicates).
    pub fn from_signatures(signatures: impl IntoIterator<Item = u64>) -> DuplicateGroups {
        let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
        for signature in signatures {
            *counts.entry(signature).or_default() += 1;
        }
        let mut distinct: Vec<u64> = counts.keys().copied().collect();
        distinct.sort_unstable();
        let mut groups = UnionFind::new(distinct.len());
        for band in 0..BANDS {
            let mut buckets: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
            for (index, signature) in distinct.iter().enumerate() {
                let value = signature >> (band * BAND_BITS) & ((1 << BAND_BITS) - 1);
                buckets.entry(value).or_default().push(index);
            }
            for bucket in buckets.values().filter(|bucket| bucket.len() > 1) {
                for (position, &first) in bucket.iter().enumerate() {
                    for &second in &bucket[position + 1..] {
                        if (distinct[first] ^ distinct[second]).count_ones() <= MAX_DISTANCE {
                            groups.join(first, second);
                        }
                    }
                }
            }
        }
        let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for index in 0..distinct.len() {
            members.entry(groups.root(index)).or_default().push(index);
        }
        let mut keys = FxHashMap::default();
        for indexes in members.values() {
            let articles: u32 = indexes.iter().map(|&index| counts[&distinct[index]]).sum();
            if articles < 2 {
                continue;
            }
            let key = indexes
                .iter()
                .map(|&index| distinct[index])
                .min()
                .unwrap_or(0);
            keys.extend(indexes.iter().map(|&index| (distinct[index], key)));
        }
        DuplicateGroups::with_keys(keys)
    }

    fn with_keys(keys: FxHashMap<u64, u64>) -> DuplicateGroups {
        let mut grouped_slots = vec![0u64; (FILTER_SLOTS / 64) as usize].into_boxed_slice();
        for &signature in keys.keys() {
            let slot = filter_slot(signature);
            grouped_slots[slot / 64] |= 1 << (slot % 64);
        }
        DuplicateGroups {
            keys,
            grouped_slots,
        }
    }

    /// The key of the group an article's signature belongs to.
    pub fn key(&self, signature: u64) -> u64 {
        self.grouped_key(signature).unwrap_or(signature)
    }

    /// The key of the signature's group, or `None` when the article is alone.
    pub(crate) fn grouped_key(&self, signature: u64) -> Option<u64> {
        let slot = filter_slot(signature);
        let maybe_grouped = self
            .grouped_slots
            .get(slot / 64)
            .is_some_and(|bits| bits & (1 << (slot % 64)) != 0);
        if maybe_grouped {
            self.keys.get(&signature).copied()
        } else {
            None
        }
    }

    /// The grouped signatures and their keys, for saving.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (u64, u64)> + '_ {
        self.keys.iter().map(|(&signature, &key)| (signature, key))
    }

    pub(crate) fn from_entries(entries: impl IntoIterator<Item = (u64, u64)>) -> DuplicateGroups {
        DuplicateGroups::with_keys(entries.into_iter().collect())
    }
}

/// Disjoint sets over `0..len`, with path halving.
struct UnionFind {
    parents: Vec<usize>,
}

impl UnionFind {
    fn new(len: usize) -> UnionFind {
        UnionFind {
            parents: (0..len).collect(),
        }
    }

    fn root(&mut self, mut index: usize) -> usize {
        while self.parents[index] != index {
            self.parents[index] = self.parents[self.parents[index]];
            index = self.parents[index];
        }
        index
    }

    fn join(&mut self, first: usize, second: usize) {
        let (first, second) = (self.root(first), self.root(second));
        self.parents[first.max(second)] = first.min(second);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole scraped page, menus and all (about 1,000 words).
    const PAGE: &str = include_str!("../../tests/fixtures/seeds/000_2dac6ccf9dbe1700.txt");
    const OTHER_PAGE: &str = include_str!("../../tests/fixtures/seeds/004_562ef2b587480822.txt");

    #[test]
    fn copies_with_small_edits_are_a_few_bits_apart() {
        let edited =
            PAGE.replacen("ce lundi", "lundi", 1)
                .replacen("Corée du Sud", "Corée-du-Sud", 1);
        assert_ne!(edited, PAGE);
        let distance = (signature(PAGE) ^ signature(&edited)).count_ones();
        assert!(distance <= MAX_DISTANCE, "{distance}");
        assert_eq!(signature(PAGE), signature(&PAGE.to_uppercase()));
    }

    #[test]
    fn different_stories_are_far_apart() {
        let distance = (signature(PAGE) ^ signature(OTHER_PAGE)).count_ones();
        assert!(distance > 16, "{distance}");
    }

    #[test]
    fn groups_join_near_signatures_and_leave_others_alone() {
        let base = 0b1011_0000u64 << 40;
        let near = base ^ 0b111; // three bits apart
        let nearer_to_near = near ^ (1 << 63); // chains through `near`
        let far = !base;
        let groups = DuplicateGroups::from_signatures([base, near, nearer_to_near, far, 42, 42]);
        assert_eq!(groups.key(near), groups.key(base));
        assert_eq!(groups.key(nearer_to_near), groups.key(base));
        assert_eq!(groups.key(far), far);
        assert_eq!(
            groups.key(42),
            42,
            "exact duplicates key to their signature"
        );
        assert_eq!(groups.entries().count(), 4);
        assert_eq!(groups.grouped_key(far), None);
        assert_eq!(groups.grouped_key(42), Some(42));
        assert_eq!(DuplicateGroups::default().grouped_key(42), None);
    }
}
