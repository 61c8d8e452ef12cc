//! A map from raw words to what they became: short words are keyed inline in an open-addressing table whose entries fill half a cache line, so a lookup touches one line.

use rustc_hash::FxHashMap;

/// Words shorter than this many bytes (nearly all of them) are keyed by their bytes packed
/// in one `u128`, the last byte holding the length.
const INLINE_BYTES: usize = 16;

/// The key of no word (every short key holds a length of at least 1): marks a free slot.
const FREE: u128 = 0;

/// Slots of the first table; it doubles whenever it becomes half full.
const FIRST_SLOTS: usize = 1 << 12;

/// Remembers one value per distinct word. Values are small and copied: the table of short
/// words keeps key and value side by side in a 32-byte slot aligned on 32 bytes, so finding
/// a word reads one cache line (the key compare and the value are in it).
pub(super) struct WordCache<V> {
    slots: Vec<Slot<V>>,
    /// How far a hash is shifted right to index `slots` (64 − log2 of their number).
    shift: u32,
    short_words: usize,
    long: FxHashMap<Box<str>, V>,
}

#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot<V> {
    key: u128,
    value: V,
}

impl<V: Copy + Default> Default for WordCache<V> {
    fn default() -> Self {
        WordCache {
            slots: Vec::new(),
            shift: 64,
            short_words: 0,
            long: FxHashMap::default(),
        }
    }
}

impl<V: Copy + Default> WordCache<V> {
    pub(super) fn get(&self, word: &str) -> Option<&V> {
        match inline_key(word) {
            Some(key) => self.slot_of(key).map(|slot| &self.slots[slot].value),
            None => self.long.get(word),
        }
    }

    pub(super) fn insert(&mut self, word: &str, value: V) {
        let Some(key) = inline_key(word) else {
            self.long.insert(word.into(), value);
            return;
        };
        if (self.short_words + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let slot = self.probe(key);
        if self.slots[slot].key == FREE {
            self.short_words += 1;
        }
        self.slots[slot] = Slot { key, value };
    }

    pub(super) fn len(&self) -> usize {
        self.short_words + self.long.len()
    }

    /// Forgets every word, keeping the table's size.
    pub(super) fn clear(&mut self) {
        self.slots.fill(free_slot());
        self.short_words = 0;
        self.long.clear();
    }

    fn slot_of(&self, key: u128) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let slot = self.probe(key);
        (self.slots[slot].key == key).then_some(slot)
    }

    /// The slot holding `key`, or the free slot where it belongs (linear probing; the table
    /// is never more than half full, so there is always a free slot).
    fn probe(&self, key: u128) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = hash_index(key, self.shift);
        loop {
            let found = self.slots[slot].key;
            if found == key || found == FREE {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let slots = (self.slots.len() * 2).max(FIRST_SLOTS);
        let old = std::mem::replace(&mut self.slots, vec![free_slot(); slots]);
        self.shift = 64 - slots.trailing_zeros();
        for slot in old.into_iter().filter(|slot| slot.key != FREE) {
            let at = self.probe(slot.key);
            self.slots[at] = slot;
        }
    }
}

fn free_slot<V: Default>() -> Slot<V> {
    Slot {
        key: FREE,
        value: V::default(),
    }
}

/// Multiplicative (Fibonacci) hashing of both halves; the top bits index the table.
fn hash_index(key: u128, shift: u32) -> usize {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let hash = ((key as u64).wrapping_mul(K) ^ (key >> 64) as u64).wrapping_mul(K);
    (hash >> shift) as usize
}

/// The bytes of a short word packed little-endian in a `u128`, its length in the last byte.
/// Built from overlapping loads rather than a copy into a buffer: the copy's variable length
/// made the read of the buffer wait (a fifth of the lookup).
fn inline_key(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let length = bytes.len();
    if length == 0 || length >= INLINE_BYTES {
        return None;
    }
    let (low, high) = match length {
        8.. => {
            let last = u64_at(bytes, length - 8);
            (
                u64_at(bytes, 0),
                last.checked_shr(8 * (16 - length) as u32).unwrap_or(0),
            )
        }
        4.. => {
            let last = u64::from(u32_at(bytes, length - 4)) >> (8 * (8 - length));
            (u64::from(u32_at(bytes, 0)) | last << 32, 0)
        }
        _ => (
            bytes
                .iter()
                .rev()
                .fold(0, |packed, &byte| packed << 8 | u64::from(byte)),
            0,
        ),
    };
    let high = high | (length as u64) << 56;
    Some(u128::from(low) | u128::from(high) << 64)
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default())
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_bytes_then_the_length_for_every_short_length() {
        let text = "abcdefghijklmnopéè";
        for length in 1..INLINE_BYTES {
            let word = &text.as_bytes()[..length];
            let mut expected = [0; INLINE_BYTES];
            expected[..length].copy_from_slice(word);
            expected[INLINE_BYTES - 1] = length as u8;
            let word = std::str::from_utf8(word).expect("ASCII prefix");
            assert_eq!(
                inline_key(word),
                Some(u128::from_le_bytes(expected)),
                "{word}"
            );
        }
        assert_eq!(inline_key("abcdefghijklmnop"), None);
        assert_eq!(inline_key("é"), Some(0xA9C3 | 2 << 120));
    }

    #[test]
    fn short_and_long_words_are_told_apart_by_every_byte_and_length() {
        let mut cache = WordCache::default();
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "Corée",
            "corée",
            "quinze-lettres!",
            "seize-lettres-ok",
            "anticonstitutionnellement",
            "anticonstitutionnellemenT",
        ];
        for (index, word) in words.iter().enumerate() {
            cache.insert(word, index);
        }
        assert_eq!(cache.len(), words.len());
        for (index, word) in words.iter().enumerate() {
            assert_eq!(cache.get(word), Some(&index), "{word}");
        }
        assert_eq!(cache.get("abc"), None);
        assert_eq!(cache.get("anticonstitutionnel"), None);
        cache.clear();
        assert_eq!(cache.get("a"), None);
        assert_eq!(cache.len(), 0);
    }

    #[test]
    fn the_table_grows_and_keeps_every_word_and_its_latest_value() {
        let mut cache = WordCache::default();
        let words: Vec<String> = (0..3 * FIRST_SLOTS).map(|n| format!("m{n}")).collect();
        for (index, word) in words.iter().enumerate() {
            cache.insert(word, index);
        }
        cache.insert("m7", 7_000_000);
        assert_eq!(cache.len(), words.len());
        assert!(cache.slots.len() >= 2 * words.len());
        for (index, word) in words.iter().enumerate().filter(|(_, w)| *w != "m7") {
            assert_eq!(cache.get(word), Some(&index), "{word}");
        }
        assert_eq!(cache.get("m7"), Some(&7_000_000));
        assert_eq!(cache.get(&format!("m{}", 3 * FIRST_SLOTS)), None);
        cache.clear();
        assert_eq!(cache.get("m1"), None);
        cache.insert("m1", 1);
        assert_eq!((cache.get("m1"), cache.len()), (Some(&1), 1));
    }
}
