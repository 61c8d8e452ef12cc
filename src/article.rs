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
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
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
}
