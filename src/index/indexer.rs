//! Indexing, as the library offers it: the options, the progress a run reports, its report, and the entry point (a run, or a rebuild aside then swapped in).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

use crate::date::Date;
use crate::error::{Error, Result};
use crate::extract::RecordProblem;

use super::field_mappings::{FieldMappings, FieldMappingsUsed};
use super::folder::{inspect, IndexFolder};
use super::indexing_run::index_into;
use super::manifest::Manifest;
use super::open::open_index;
use super::rebuild::{lock_writer, prepare_aside, remove_aside, swap_in};

/// What to index, and where.
#[derive(Debug, Clone)]
pub struct IndexingOptions {
    pub index_dir: PathBuf,
    /// Files and folders to read (folders recursively, hidden entries skipped).
    pub inputs: Vec<PathBuf>,
    /// Globs of paths not to read below the inputs (`--exclude`), as in a `.gitignore`.
    pub exclude: Vec<String>,
    /// Memory the writer may use for its buffers, in bytes, shared by its threads.
    pub memory_budget: usize,
    pub threads: usize,
    /// The bound of years inferred from weekdays.
    pub today: Date,
    /// Extra JSON keys for article fields (`--field body=contenu`), or those stored with the index.
    pub fields: FieldMappings,
    /// Commit after the file with which this many articles have been written since the
    /// last commit, so that a long run keeps its work when it is killed.
    pub commit_every: u64,
    /// Keep the articles of indexed files that are no longer found under the inputs.
    pub keep_missing: bool,
    /// Build the index anew from the inputs (aside, then swapped in); see `rebuild.rs`.
    pub rebuild: bool,
    /// Set from elsewhere (a Ctrl-C handler) to stop: the files read in full are committed.
    pub interrupted: Arc<AtomicBool>,
}

impl IndexingOptions {
    /// Options with the defaults of the command line: one writer thread, 256 MiB, a commit
    /// every 10,000 articles, the field mappings stored with the index, missing files removed.
    pub fn new(index_dir: PathBuf, inputs: Vec<PathBuf>) -> IndexingOptions {
        IndexingOptions {
            index_dir,
            inputs,
            exclude: Vec::new(),
            memory_budget: 256 << 20,
            threads: 1,
            today: Date::today(),
            fields: FieldMappings::Stored,
            commit_every: 10_000,
            keep_missing: false,
            rebuild: false,
            interrupted: Arc::default(),
        }
    }
}

/// Receives the progress of a run; the library never prints.
pub trait IndexingProgress {
    /// The walk found `files` files to read, holding about `bytes` bytes of text (a compressed
    /// file counts the size it declares once decompressed).
    fn started(&self, files: u64, bytes: u64);
    /// `bytes` more bytes of text of the file being read were read.
    fn read(&self, _bytes: u64) {}
    /// One more file was read (or skipped): `started` counted `expected` bytes for it, and
    /// [`read`](Self::read) reported the `read` bytes of text it held.
    fn file_done(&self, expected: u64, read: u64);
    /// Everything is read; the commit is next.
    fn committing(&self);
    /// A commit is done; the index now holds `articles_in_index` articles.
    fn committed(&self, _articles_in_index: u64) {}
}

/// A folder whose indexed files were found elsewhere (moved or renamed): the articles of
/// its files that no longer exist were removed, those found again indexed at their new place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovedFolder {
    pub from: PathBuf,
    /// The input the files were found under.
    pub to: PathBuf,
    /// How many indexed files of `from` no longer exist and were forgotten.
    pub files: u64,
}

/// A file, or one record of it, that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedFile {
    pub path: PathBuf,
    /// The line of the record, for a record of a JSON dump; `None` for the whole file.
    pub line: Option<usize>,
    pub reason: String,
}

impl SkippedFile {
    /// Sorts the problems of a file that was read: records left out go to `skipped`, repairs
    /// of kept text (stray bytes) to `repaired`, each naming the file and the line.
    pub(crate) fn sort_problems(
        path: &Path,
        problems: Vec<RecordProblem>,
        skipped: &mut Vec<SkippedFile>,
        repaired: &mut Vec<SkippedFile>,
    ) {
        for problem in problems {
            let named = SkippedFile {
                path: path.to_path_buf(),
                line: Some(problem.line),
                reason: problem.reason,
            };
            if problem.text_kept {
                repaired.push(named);
            } else {
                skipped.push(named);
            }
        }
    }
}

/// The outcome of a run.
#[derive(Debug, Clone)]
pub struct IndexingReport {
    /// Articles written by this run.
    pub articles: u64,
    /// Files read successfully.
    pub files: u64,
    pub bytes: u64,
    /// Files and records that could not be read.
    pub skipped: Vec<SkippedFile>,
    /// Files read and indexed with a repair, named so that nothing changes unseen: stray
    /// bytes in UTF-8 text read as U+FFFD. Not an error.
    pub repaired: Vec<SkippedFile>,
    /// Files in formats newsearch does not read: not an error.
    pub other_formats: Vec<PathBuf>,
    /// Articles whose body is identical to one read earlier in the run (still indexed).
    pub exact_duplicates: u64,
    /// Articles already indexed from another copy of their archive (same place below the
    /// indexed folder, same text), not indexed twice.
    pub copies: u64,
    /// Files indexed before and unchanged since (not read again).
    pub unchanged_files: u64,
    /// The `--field` mappings JSON records were read with.
    pub fields: FieldMappingsUsed,
    /// Indexed files no longer found under the inputs: their articles were removed, or
    /// kept with `keep_missing`.
    pub missing_files: Vec<PathBuf>,
    pub missing_kept: bool,
    /// Folders whose indexed files were found at a new place: their old paths are forgotten.
    pub moved: Vec<MovedFolder>,
    /// The run was interrupted: the files read in full before it were committed.
    pub interrupted: bool,
    /// A rebuild was interrupted: the index is still the one before it.
    pub rebuild_abandoned: bool,
    /// Articles in the index after the last commit.
    pub articles_in_index: u64,
    pub elapsed: Duration,
}

impl IndexingReport {
    /// The report of a run before it reads anything: what the walk and the comparison with
    /// the last commit found.
    pub(crate) fn before_reading(
        unchanged_files: u64,
        missing_files: Vec<PathBuf>,
        other_formats: Vec<PathBuf>,
        fields: FieldMappingsUsed,
        missing_kept: bool,
    ) -> IndexingReport {
        IndexingReport {
            articles: 0,
            files: 0,
            bytes: 0,
            skipped: Vec::new(),
            repaired: Vec::new(),
            other_formats,
            exact_duplicates: 0,
            copies: 0,
            unchanged_files,
            fields,
            missing_files,
            missing_kept,
            moved: Vec::new(),
            interrupted: false,
            rebuild_abandoned: false,
            articles_in_index: 0,
            elapsed: Duration::ZERO,
        }
    }
}

/// Indexes the articles of every new or changed file under the inputs, removes those of
/// files that are gone, and commits every `commit_every` articles and at the end: a killed
/// run leaves the index as it was at its last commit, and the next run goes on from there.
/// Re-indexing a file replaces its articles. With `rebuild`, the index is built anew aside
/// and swapped in when complete.
pub fn index_files(
    options: &IndexingOptions,
    progress: &dyn IndexingProgress,
) -> Result<IndexingReport> {
    if options.rebuild {
        rebuild(options, progress)
    } else {
        index_into(options, &options.index_dir, None, progress)
    }
}

/// Builds the index of `options.index_dir` anew: in a folder aside while the writer lock is
/// held, swapped in when complete. An interrupted or failed rebuild leaves the index as it was.
fn rebuild(options: &IndexingOptions, progress: &dyn IndexingProgress) -> Result<IndexingReport> {
    let directory = &options.index_dir;
    match inspect(directory)? {
        IndexFolder::Foreign(reason) => {
            return Err(Error::NotAnIndex {
                path: directory.clone(),
                reason,
            })
        }
        IndexFolder::Missing | IndexFolder::Empty => {
            return index_into(options, directory, None, progress)
        }
        IndexFolder::Marked | IndexFolder::Unmarked => {}
    }
    let _lock = lock_writer(directory)?;
    // The new index keeps the mappings of the old one, damaged or not.
    let stored_fields = Manifest::stored_fields(directory);
    let aside = prepare_aside(directory)?;
    match index_into(options, &aside, Some(&stored_fields), progress) {
        Ok(report) if !report.interrupted => {
            swap_in(directory)?;
            Ok(report)
        }
        Ok(mut report) => {
            remove_aside(directory)?;
            report.rebuild_abandoned = true;
            report.articles_in_index = open_index(directory)
                .and_then(|index| Ok(index.index.reader()?.searcher().num_docs()))
                .unwrap_or(0);
            Ok(report)
        }
        Err(error) => {
            // The error is what the user needs to see; the aside folder goes if it can.
            let _ = remove_aside(directory);
            Err(error)
        }
    }
}
