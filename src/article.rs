//! `Article`: the one domain type that every input format is read into and the index stores.

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::PathBuf;

use rustc_hash::FxHasher;

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
    /// The identifier the input itself gives the article (a JSON record's `id`), empty when it
    /// gives none. The index gives every article its own id from it ([`ArticleKey`]).
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

/// A stable, short identifier for a key: the 64-bit FNV-1a hash in hexadecimal. The same
/// key gives the same id in every run and version.
pub(crate) fn stable_id(key: &str) -> String {
    format!("{:016x}", fnv1a(key.as_bytes()))
}

/// What an article's id is made of: where it sits relative to the folder that was indexed, and
/// what it is — never the absolute path, so that moving, renaming or syncing an archive keeps
/// every id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleKey {
    /// The file's path below the indexed folder, names joined by `/` (the file's name when the
    /// file itself was given).
    pub relative_path: String,
    /// What the article is: the id its input gives, else its URL, else its text's hash.
    pub identity: String,
    /// Which occurrence of that identity in the file this is (1 for the first): two records
    /// with one id in a dump stay two articles.
    pub occurrence: u32,
}

/// The keys of one file's articles, in the order they are read: the second article with an
/// identity already seen in the file is its second occurrence.
pub struct FileArticleKeys<'a> {
    relative_path: &'a str,
    occurrences: HashMap<String, u32>,
}

impl<'a> FileArticleKeys<'a> {
    /// For the file at `relative_path` below the indexed folder.
    pub fn new(relative_path: &'a str) -> FileArticleKeys<'a> {
        FileArticleKeys {
            relative_path,
            occurrences: HashMap::new(),
        }
    }

    /// The key of the file's next article.
    pub fn next_key(&mut self, article: &Article) -> ArticleKey {
        let identity = identity(article);
        let occurrence = self.occurrences.entry(identity.clone()).or_insert(0);
        *occurrence += 1;
        ArticleKey {
            relative_path: self.relative_path.to_string(),
            identity,
            occurrence: *occurrence,
        }
    }
}

impl ArticleKey {
    /// The article's id: the hash of the key.
    pub fn id(&self) -> String {
        stable_id(&self.text(None))
    }

    /// The id of an article whose key another, different article (another text) already has:
    /// the key and the hash of the article's own text. Two copies of one archive indexed side
    /// by side give their differing articles distinct, stable ids this way.
    pub(crate) fn id_with_text(&self, body: &str) -> String {
        stable_id(&self.text(Some(fnv1a(body.as_bytes()))))
    }

    fn text(&self, text_hash: Option<u64>) -> String {
        let mut key = format!("{}\n{}", self.relative_path, self.identity);
        if self.occurrence > 1 {
            key.push_str(&format!("\n#{}", self.occurrence));
        }
        if let Some(hash) = text_hash {
            key.push_str(&format!("\ntext:{hash:016x}"));
        }
        key
    }
}

/// What an article is, for its id: the id its input gives, else its URL (a page's canonical
/// address), else the hash of its text.
pub(crate) fn identity(article: &Article) -> String {
    if !article.id.is_empty() {
        format!("id:{}", article.id)
    } else if let Some(url) = article.url.as_deref().filter(|url| !url.is_empty()) {
        format!("url:{url}")
    } else {
        format!("text:{:016x}", fnv1a(article.body.as_bytes()))
    }
}

/// The 64-bit FNV-1a hash of `bytes`: what [`body_fingerprint`] gives for a text that is
/// one word.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().copied().fold(FNV_OFFSET_BASIS, fnv1a_step)
}

/// A fingerprint of an article's text that ignores how it is spaced: two bodies with the same
/// words in the same order, whatever their whitespace and paragraph breaks, have the same
/// fingerprint. Used within a run to count exact duplicates (never stored, so the hash may
/// change between versions). Words are found byte by byte, characters decoded only
/// outside printable ASCII, and hashed with FxHash, eight bytes at a time.
pub fn body_fingerprint(body: &str) -> u64 {
    let bytes = body.as_bytes();
    let mut hasher = FxHasher::default();
    let mut word_start = None;
    let mut at = 0;
    while at < bytes.len() {
        // Printable ASCII, most of a word, in one tight loop.
        let run = bytes[at..]
            .iter()
            .take_while(|&&byte| byte > b' ' && byte.is_ascii())
            .count();
        if run > 0 {
            word_start.get_or_insert(at);
            at += run;
            continue;
        }
        let (is_space, length) = match bytes[at] {
            byte if byte.is_ascii() => (matches!(byte, b'\t'..=b'\r' | b' '), 1),
            _ => body[at..].chars().next().map_or((false, 1), |character| {
                (character.is_whitespace(), character.len_utf8())
            }),
        };
        match (is_space, word_start) {
            (true, Some(start)) => {
                hash_word(&mut hasher, &bytes[start..at]);
                word_start = None;
            }
            (false, None) => word_start = Some(at),
            _ => {}
        }
        at += length;
    }
    if let Some(start) = word_start {
        hash_word(&mut hasher, &bytes[start..]);
    }
    hasher.finish()
}

fn hash_word(hasher: &mut FxHasher, word: &[u8]) {
    hasher.write(word);
    // 0xFF is never part of UTF-8: "ab c" and "a bc" hash apart.
    hasher.write_u8(0xFF);
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
    fn ids_come_from_the_relative_place_and_what_the_article_is() {
        let record = Article {
            id: "lemonde2017-2172".to_string(),
            url: Some("https://exemple.fr/a".to_string()),
            body: "Le texte.".to_string(),
            path: PathBuf::from("/home/moi/news/2017/dump.jsonl"),
            ..Article::default()
        };
        let mut keys = FileArticleKeys::new("2017/dump.jsonl");
        let key = keys.next_key(&record);
        assert_eq!(key.identity, "id:lemonde2017-2172");
        assert_eq!(key.id(), stable_id("2017/dump.jsonl\nid:lemonde2017-2172"));
        let moved = Article {
            path: PathBuf::from("/mnt/sauvegarde/news-moved/2017/dump.jsonl"),
            ..record.clone()
        };
        let first_of = |path: &str, article: &Article| FileArticleKeys::new(path).next_key(article);
        assert_eq!(first_of("2017/dump.jsonl", &moved).id(), key.id());
        assert_ne!(first_of("2018/dump.jsonl", &record).id(), key.id());
        // The same id again in the file: its second occurrence, another article.
        let again = keys.next_key(&record);
        assert_eq!(again.occurrence, 2);
        assert_ne!(again.id(), key.id());
        assert_ne!(key.id_with_text("Le texte."), key.id());
        assert_ne!(key.id_with_text("Le texte."), key.id_with_text("Un autre."));

        let page = Article {
            url: Some("https://exemple.fr/a".to_string()),
            ..Article::default()
        };
        assert_eq!(identity(&page), "url:https://exemple.fr/a");
        let bare = Article {
            body: "Le texte.".to_string(),
            ..Article::default()
        };
        assert_eq!(
            identity(&bare),
            format!("text:{:016x}", fnv1a(b"Le texte."))
        );
    }

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
        assert_ne!(body_fingerprint("ab c"), body_fingerprint("a bc"));
        assert_eq!(
            body_fingerprint("\u{A0}un\u{2003}mot\u{3000}"),
            body_fingerprint("un mot")
        );
        assert_ne!(body_fingerprint("un\u{A0}mot"), body_fingerprint("unmot"));
    }

    /// The definition: the words of `str::split_whitespace`, whatever the byte tricks.
    #[test]
    fn fingerprints_split_on_unicode_whitespace() {
        for character in (0..=0x3000).filter_map(char::from_u32) {
            let text = format!("a{character}b");
            let words: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(
                body_fingerprint(&text),
                body_fingerprint(&words.join(" ")),
                "{character:?}"
            );
            if words.len() == 1 {
                assert_ne!(
                    body_fingerprint(&text),
                    body_fingerprint("a b"),
                    "{character:?}"
                );
            }
        }
    }

    #[test]
    fn fnv1a_is_the_standard_hash() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
