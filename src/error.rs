//! The library's error type: every message says what went wrong, where, and what to do next.

use std::path::{Path, PathBuf};

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no index at {}: run `newsearch index` first", path.display())]
    NoIndex { path: PathBuf },
    #[error("not a newsearch index: {} ({reason}); choose another --index (newsearch makes an index only in a new or empty folder, and never changes one it did not make)", path.display())]
    NotAnIndex { path: PathBuf, reason: String },
    #[error("the index at {} was made by another version of newsearch ({reason}); run `newsearch index --rebuild` to build it again", path.display())]
    IncompatibleIndex { path: PathBuf, reason: String },
    #[error("the index at {} is damaged ({reason}); run `newsearch index --rebuild` to build it again", path.display())]
    DamagedIndex { path: PathBuf, reason: String },
    #[error("the index at {} is read-only ({reason}): queries read it, but `newsearch index` cannot write it; make the folder writable, or choose another --index", path.display())]
    ReadOnlyIndex { path: PathBuf, reason: String },
    #[error("stopped on an internal error ({what}){}", internal_advice(index.as_deref()))]
    Internal {
        index: Option<PathBuf>,
        what: String,
    },
    #[error("no space left on device at {}: the index keeps its last commit{}; free some space, then run the same command again", path.display(), if *cleaned { " and this run's files were removed" } else { " (this run's files are removed by the next run)" })]
    NoSpace { path: PathBuf, cleaned: bool },
    #[error("the index at {} is being written by another `newsearch index` (lock file {}); wait for it to finish", path.display(), path.join(".tantivy-writer.lock").display())]
    IndexLocked { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write the output: {0}")]
    Output(std::io::Error),
    #[error("invalid date {input:?}: use YYYY, YYYY-MM or YYYY-MM-DD")]
    InvalidDate { input: String },
    #[error("invalid query: {message} at column {column}\n  {query}\n  {caret}^", caret = " ".repeat(column.saturating_sub(1)))]
    InvalidQuery {
        query: String,
        /// 1-based, in characters.
        column: usize,
        message: String,
    },
    #[error("no article has the id {id:?} (ids are listed by `newsearch query --json`)")]
    NoArticle { id: String },
    #[error("{failed} of the batch's queries could not be run (line {lines}); each has an error record in the output")]
    BatchFailures { failed: usize, lines: String },
    #[error("{} is not in the index: run `newsearch index` on it first", path.display())]
    NotIndexed { path: PathBuf },
    #[error("{} holds {count} articles ({first}…): show one by its id", path.display())]
    ManyArticles {
        path: PathBuf,
        count: usize,
        first: String,
    },
    #[error("invalid option: {0}")]
    InvalidOption(String),
    #[error("invalid option: --exclude {glob:?}: {reason}; write a glob as in .gitignore (`*.pdf`, `brouillons/`)")]
    InvalidExclude { glob: String, reason: String },
    #[error("invalid option: --synonyms {}: line {line}: {reason}; write the names that stand for one another on one line, separated by commas", path.display())]
    InvalidSynonyms {
        path: PathBuf,
        /// 1-based.
        line: usize,
        reason: String,
    },
    #[error(
        "cannot listen on {addr}: {source}; choose another --addr (port 0 takes any free port)"
    )]
    Listen {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("OpenSearch at {url}: {message}")]
    Cluster { url: String, message: String },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Settings {
        /// The settings file.
        path: PathBuf,
        /// 1-based.
        line: usize,
        /// 1-based, in characters.
        column: usize,
        message: String,
    },
    #[error("cannot catch Ctrl-C ({reason}), so an interrupted run could not commit its work; nothing was indexed: run the command again")]
    CtrlCHandler { reason: String },
    #[error("{} is a folder with files in it, where the index's meta.json belongs: newsearch does not delete it; move it away and run again", path.display())]
    FolderInTheWay { path: PathBuf },
    #[error("searching the index at {} failed ({source}); if the index is damaged, `newsearch index --rebuild` builds it again", path.display())]
    Search {
        path: PathBuf,
        source: tantivy::TantivyError,
    },
    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),
}

impl Error {
    /// The error with the index it was met in, when it is tantivy's and says no path.
    pub(crate) fn searching(self, index_dir: &Path) -> Error {
        match self {
            Error::Index(source) => Error::Search {
                path: index_dir.to_path_buf(),
                source,
            },
            other => other,
        }
    }
}

pub(crate) type Result<T> = std::result::Result<T, Error>;

/// What to do after an internal error: rebuild the index it used, if any, then report it.
fn internal_advice(index: Option<&Path>) -> String {
    match index {
        Some(index) => format!(
            " while using the index at {}; if the index is damaged, `newsearch index --rebuild` builds it again; if the error remains, it is a bug in newsearch: please report this message",
            index.display()
        ),
        None => "; it is a bug in newsearch: please report this message".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_error_names_its_index() {
        let error = Error::Index(tantivy::TantivyError::InvalidArgument("bad".into()))
            .searching(Path::new("archive/index"));
        assert!(matches!(&error, Error::Search { path, .. } if path == Path::new("archive/index")));
        assert!(error
            .to_string()
            .starts_with("searching the index at archive/index failed"));
        let other = Error::NoArticle { id: "x".into() }.searching(Path::new("archive/index"));
        assert!(matches!(other, Error::NoArticle { .. }));
    }
}
