//! Giving each article of a run its id, unique in the index: made from its key (place below the indexed folder, what it is); an id that another file already holds means the article moved there (the old file is forgotten), is a copy (not indexed twice), or is another article with the same key (its text tells them apart).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use tantivy::schema::{IndexRecordOption, TantivyDocument};
use tantivy::{DocAddress, DocSet, Searcher, Term, TERMINATED};

use crate::article::{fnv1a, ArticleKey};
use crate::error::Result;

use super::document::ArticleFields;

/// What to do with an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Placement {
    /// Index it under this id. `forget` names an indexed file that no longer exists and
    /// held the id: the article moved from there, so that file's articles and entry go.
    Id { id: String, forget: Option<PathBuf> },
    /// The same article (same key, same text) is indexed from another file that exists: a
    /// copy of it (two copies of one archive), not indexed twice.
    Copy,
}

/// Who holds an id already.
enum Holder {
    /// An article written earlier in this run (its file exists: it was just read).
    ThisRun { text: u64 },
    /// A committed article the run has not replaced.
    Indexed { path: PathBuf, text: u64 },
}

/// The ids of a run: those of the committed snapshot it started from, less the articles
/// it replaced, plus those it gave.
pub(crate) struct ArticleIds {
    searcher: Searcher,
    fields: ArticleFields,
    /// Committed articles whose file this run removes, reads again or forgets.
    replaced: HashSet<DocAddress>,
    /// Ids given in this run (as numbers), with the hash of the article's text.
    given: HashMap<u64, u64>,
}

impl ArticleIds {
    /// The ids of the index as `searcher` sees it (the last commit before the run).
    pub(crate) fn new(searcher: Searcher, fields: &ArticleFields) -> ArticleIds {
        ArticleIds {
            searcher,
            fields: fields.clone(),
            replaced: HashSet::new(),
            given: HashMap::new(),
        }
    }

    /// The committed articles of the file with this path key are being removed or replaced:
    /// their ids are free.
    pub(crate) fn release_file(&mut self, path_key: &str) -> Result<()> {
        if self.searcher.num_docs() == 0 {
            return Ok(());
        }
        let term = Term::from_field_text(self.fields.path, path_key);
        let mut addresses = Vec::new();
        self.for_each_live(&term, |address| {
            addresses.push(address);
            true
        })?;
        self.replaced.extend(addresses);
        Ok(())
    }

    /// Where the article with `key` and `body` goes.
    pub(crate) fn place(&mut self, key: &ArticleKey, body: &str) -> Result<Placement> {
        let text = fnv1a(body.as_bytes());
        let id = key.id();
        let mut forget = None;
        match self.holder(&id)? {
            None => return Ok(self.give(id, text, None)),
            Some(Holder::Indexed { path, .. }) if !path.exists() => {
                return Ok(self.give(id, text, Some(path)))
            }
            Some(Holder::Indexed { text: held, .. } | Holder::ThisRun { text: held })
                if held == text =>
            {
                return Ok(Placement::Copy)
            }
            Some(_) => {}
        }
        // Another article has this key: its text makes the difference.
        let id = key.id_with_text(body);
        match self.holder(&id)? {
            None => {}
            Some(Holder::Indexed { path, .. }) if !path.exists() => forget = Some(path),
            Some(_) => return Ok(Placement::Copy),
        }
        Ok(self.give(id, text, forget))
    }

    fn give(&mut self, id: String, text: u64, forget: Option<PathBuf>) -> Placement {
        self.given.insert(id_number(&id), text);
        Placement::Id { id, forget }
    }

    /// Who holds `id`, if anyone.
    fn holder(&self, id: &str) -> Result<Option<Holder>> {
        if let Some(&text) = self.given.get(&id_number(id)) {
            return Ok(Some(Holder::ThisRun { text }));
        }
        if self.searcher.num_docs() == 0 {
            return Ok(None);
        }
        let mut found = None;
        let term = Term::from_field_text(self.fields.id, id);
        self.for_each_live(&term, |address| {
            found = Some(address);
            false
        })?;
        let Some(address) = found else {
            return Ok(None);
        };
        let document: TantivyDocument = self.searcher.doc(address)?;
        let article = self.fields.article(&document);
        Ok(Some(Holder::Indexed {
            text: fnv1a(article.body.as_bytes()),
            path: article.path,
        }))
    }

    /// Calls `visit` with each live committed article with `term` that this run has not
    /// replaced, until it returns false.
    fn for_each_live(&self, term: &Term, mut visit: impl FnMut(DocAddress) -> bool) -> Result<()> {
        for (ordinal, segment) in self.searcher.segment_readers().iter().enumerate() {
            let inverted = segment.inverted_index(term.field())?;
            let Some(mut postings) = inverted
                .read_postings(term, IndexRecordOption::Basic)
                .map_err(tantivy::TantivyError::from)?
            else {
                continue;
            };
            let mut doc = postings.doc();
            while doc != TERMINATED {
                let address = DocAddress::new(ordinal as u32, doc);
                if !segment.is_deleted(doc) && !self.replaced.contains(&address) && !visit(address)
                {
                    return Ok(());
                }
                doc = postings.advance();
            }
        }
        Ok(())
    }
}

/// An id as the number it is written from (ids are 16 hexadecimal digits).
fn id_number(id: &str) -> u64 {
    u64::from_str_radix(id, 16).unwrap_or_else(|_| fnv1a(id.as_bytes()))
}
