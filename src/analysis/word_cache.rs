//! A map from raw words to what they became: short words are keyed inline, so a lookup neither allocates nor follows a pointer.

use rustc_hash::FxHashMap;

/// Words shorter than this many bytes (nearly all of them) are keyed by their bytes packed
/// in one `u128`, the last byte holding the length.
const INLINE_BYTES: usize = 16;

/// Remembers one value per distinct word.
pub struct WordCache<V> {
    short: FxHashMap<u128, V>,
    long: FxHashMap<Box<str>, V>,
}

impl<V> Default for WordCache<V> {
    fn default() -> Self {
        WordCache {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        }
    }
}

impl<V> WordCache<V> {
    pub fn get(&self, word: &str) -> Option<&V> {
        match inline_key(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }

    pub fn insert(&mut self, word: &str, value: V) {
        match inline_key(word) {
            Some(key) => self.short.insert(key, value),
            None => self.long.insert(word.into(), value),
        };
    }

    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    pub fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
    }
}

fn inline_key(word: &str) -> Option<u128> {
    let length = word.len();
    (length < INLINE_BYTES).then(|| {
        let mut bytes = [0; INLINE_BYTES];
        bytes[..length].copy_from_slice(word.as_bytes());
        bytes[INLINE_BYTES - 1] = length as u8;
        u128::from_le_bytes(bytes)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_words_are_told_apart_by_every_byte_and_length() {
        let mut cache = WordCache::default();
        let words = [
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
}
