//! `Article`: the one domain type that every input format is read into and the index stores.

use std::path::PathBuf;

use crate::date::Date;

/// A publication date and how it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicationDate {
    pub date: Date,
    /// The page gave day, month and weekday but no year; the year was inferred from the weekday.
    pub year_inferred: bool,
}

/// One news article, as read from any input format.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// Stable identifier: the same source always yields the same id.
    pub id: String,
    pub title: String,
    pub date: Option<PublicationDate>,
    pub category: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// The publisher or site, when the input names it.
    pub source: Option<String>,
    /// The article text only, paragraphs separated by blank lines.
    pub body: String,
    /// The file the article was read from.
    pub path: PathBuf,
}

/// A stable, short identifier for a source key (a file path, a record's place): the
/// 64-bit FNV-1a hash in hexadecimal. The same key gives the same id in every run and version.
pub fn stable_id(key: &str) -> String {
    format!("{:016x}", fnv1a(key.as_bytes()))
}

/// The 64-bit FNV-1a hash of `bytes`: what [`body_fingerprint`] gives for a text that is
/// one word.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().copied().fold(FNV_OFFSET_BASIS, fnv1a_step)
}

/// A fingerprint of an article's text that ignores how it is spaced: two bodies with the same
/// words in the same order, whatever their whitespace and paragraph breaks, have the same
/// fingerprint (the 64-bit FNV-1a hash of the words joined by single spaces). Stable across
/// runs and versions; used to count exact duplicates.
pub fn body_fingerprint(body: &str) -> u64 {
    let mut hash = FNV_OFFSET_BASIS;
    for (index, word) in body.split_whitespace().enumerate() {
        if index > 0 {
            hash = fnv1a_step(hash, b' ');
        }
        hash = word.bytes().fold(hash, fnv1a_step);
    }
    hash
}

const FNV_OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a_step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_ids_are_fixed_hashes() {
        assert_eq!(stable_id(""), "cbf29ce484222325");
        assert_eq!(stable_id("a"), "af63dc4c8601ec8c");
        assert_ne!(stable_id("corpus/a.txt"), stable_id("corpus/b.txt"));
    }

    #[test]
    fn fingerprints_ignore_spacing_only() {
        let body = "Le Sénat a voté.\n\nLe texte part à l'Assemblée.";
        assert_eq!(
            body_fingerprint(body),
            body_fingerprint("  Le Sénat a\u{20}voté. Le texte\tpart à l'Assemblée.\n")
        );
        assert_ne!(
            body_fingerprint(body),
            body_fingerprint("Le Sénat a voté. Le texte part à l'Assemblée")
        );
        assert_eq!(body_fingerprint("un mot"), stable_hash("un mot"));
        assert_eq!(body_fingerprint("Sénat"), fnv1a("Sénat".as_bytes()));
    }

    fn stable_hash(text: &str) -> u64 {
        u64::from_str_radix(&stable_id(text), 16).unwrap()
    }
}
