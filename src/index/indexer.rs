//! The indexing run: walk the inputs, read what changed into articles, write them, commit as it goes (with the manifest of indexed files), report.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tantivy::schema::TantivyDocument;
use tantivy::{IndexReader, IndexWriter, ReloadPolicy, TantivyError, Term};

use std::collections::HashSet;

use crate::article::{body_fingerprint, Article};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::extract::{read_file, FieldMap, FileContext};

use super::changes::changes;
use super::folder::{inspect, IndexFolder};
use super::groups_file::update_groups;
use super::manifest::Manifest;
use super::near_duplicates::signature;
use super::open::{load_manifest, open_index, open_or_create_index};
use super::rebuild::{lock_writer, prepare_aside, remove_aside, swap_in};
use super::schema::ArticleFields;
use super::walk::{discover, Discovered};

/// What to index, and where.
#[derive(Debug, Clone)]
pub struct IndexingOptions {
    pub index_dir: PathBuf,
    /// Files and folders to read (folders recursively, hidden entries skipped).
    pub inputs: Vec<PathBuf>,
    /// Memory the writer may use for its buffers, in bytes, shared by its threads.
    pub memory_budget: usize,
    pub threads: usize,
    /// The bound of years inferred from weekdays.
    pub today: Date,
    /// Extra JSON keys for article fields (`--field body=contenu`).
    pub field_map: FieldMap,
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
    /// every 10,000 articles, no field mapping, missing files removed.
    pub fn new(index_dir: PathBuf, inputs: Vec<PathBuf>) -> IndexingOptions {
        IndexingOptions {
            index_dir,
            inputs,
            memory_budget: 256 << 20,
            threads: 1,
            today: Date::today(),
            field_map: FieldMap::default(),
            commit_every: 10_000,
            keep_missing: false,
            rebuild: false,
            interrupted: Arc::default(),
        }
    }
}

/// Receives the progress of a run; the library never prints.
pub trait IndexingProgress {
    /// The walk found `files` files to read, `bytes` in all.
    fn started(&self, files: u64, bytes: u64);
    /// One more file was read (or skipped).
    fn file_done(&self, bytes: u64);
    /// Everything is read; the commit is next.
    fn committing(&self);
    /// A commit is done; the index now holds `articles_in_index` articles.
    fn committed(&self, _articles_in_index: u64) {}
}

/// A file, or one record of it, that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedFile {
    pub path: PathBuf,
    /// The line of the record, for a record of a JSON dump; `None` for the whole file.
    pub line: Option<usize>,
    pub reason: String,
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
    /// Articles whose body is identical to one read earlier in the run (still indexed).
    pub exact_duplicates: u64,
    /// Files indexed before and unchanged since (not read again).
    pub unchanged_files: u64,
    /// Indexed files no longer found under the inputs: their articles were removed, or
    /// kept with `keep_missing`.
    pub missing_files: Vec<PathBuf>,
    pub missing_kept: bool,
    /// The run was interrupted: the files read in full before it were committed.
    pub interrupted: bool,
    /// A rebuild was interrupted: the index is still the one before it.
    pub rebuild_abandoned: bool,
    /// Articles in the index after the last commit.
    pub articles_in_index: u64,
    pub elapsed: Duration,
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
        index_into(options, &options.index_dir, progress)
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
            return index_into(options, directory, progress)
        }
        IndexFolder::Marked | IndexFolder::Unmarked => {}
    }
    let _lock = lock_writer(directory)?;
    let aside = prepare_aside(directory)?;
    match index_into(options, &aside, progress) {
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

/// The indexing run, writing to the index in `target` (the index folder, or the aside folder
/// of a rebuild).
fn index_into(
    options: &IndexingOptions,
    target: &Path,
    progress: &dyn IndexingProgress,
) -> Result<IndexingReport> {
    let started = Instant::now();
    let Discovered {
        roots,
        files: found,
        mut skipped,
    } = discover(&options.inputs, &[target, &options.index_dir])?;

    let article_index = open_or_create_index(target)?;
    let fields = &article_index.fields;
    // The lock first: the manifest read next is then the one this run's commits follow.
    let mut writer: IndexWriter = article_index
        .index
        .writer_with_num_threads(options.threads, options.memory_budget)
        .map_err(|error| match error {
            TantivyError::LockFailure(..) => Error::IndexLocked {
                path: target.to_path_buf(),
            },
            other => Error::Index(other),
        })?;
    let mut manifest = load_manifest(&article_index.index, target)?;
    let unreadable: Vec<PathBuf> = skipped.iter().map(|file| file.path.clone()).collect();
    let plan = changes(found, &unreadable, &roots, &manifest);
    let total_bytes = plan.to_read.iter().map(|file| file.state.size).sum();
    progress.started(plan.to_read.len() as u64, total_bytes);
    let reader: IndexReader = article_index
        .index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;

    let mut report = IndexingReport {
        articles: 0,
        files: 0,
        bytes: 0,
        skipped: Vec::new(),
        exact_duplicates: 0,
        unchanged_files: plan.unchanged,
        missing_files: plan.missing,
        missing_kept: options.keep_missing,
        interrupted: false,
        rebuild_abandoned: false,
        articles_in_index: 0,
        elapsed: Duration::ZERO,
    };
    if !options.keep_missing {
        for path in &report.missing_files {
            let key = Manifest::key(path);
            writer.delete_term(Term::from_field_text(fields.path, &key));
            manifest.files.remove(&key);
        }
    }
    let interrupted = || options.interrupted.load(Ordering::SeqCst);
    let mut fingerprints = HashSet::new();
    let mut articles_since_commit = 0;
    for file in &plan.to_read {
        if interrupted() {
            report.interrupted = true;
            break;
        }
        // The file's earlier articles go first: the index then reflects the file as it is now.
        // Until the file is read in full, the manifest does not list it.
        let key = Manifest::key(&file.path);
        let path_term = Term::from_field_text(fields.path, &key);
        manifest.files.remove(&key);
        writer.delete_term(path_term.clone());
        let mut write_error = None;
        let mut file_articles = 0;
        let context = FileContext {
            path: &file.path,
            folder_category: file.folder_category.as_deref(),
            today: options.today,
            field_map: &options.field_map,
        };
        let outcome = read_file(file.format, &context, &mut |article: Article| {
            if write_error.is_some() || interrupted() {
                return;
            }
            if !fingerprints.insert(body_fingerprint(&article.body)) {
                report.exact_duplicates += 1;
            }
            match writer.add_document(to_document(fields, &article)) {
                Ok(_) => file_articles += 1,
                Err(error) => write_error = Some(error),
            }
        });
        if let Some(error) = write_error {
            return Err(Error::Index(error));
        }
        if interrupted() {
            // Part of the file was written: take it back, the next run reads it whole.
            writer.delete_term(path_term);
            report.interrupted = true;
            break;
        }
        report.articles += file_articles;
        articles_since_commit += file_articles;
        match outcome {
            Ok(problems) => {
                report.files += 1;
                report.bytes += file.state.size;
                manifest.files.insert(key, file.state);
                skipped.extend(problems.into_iter().map(|problem| SkippedFile {
                    path: file.path.clone(),
                    line: Some(problem.line),
                    reason: problem.reason,
                }));
            }
            Err(error) => skipped.push(SkippedFile {
                path: file.path.clone(),
                line: None,
                reason: error.to_string(),
            }),
        }
        progress.file_done(file.state.size);
        if articles_since_commit >= options.commit_every {
            commit(&mut writer, &manifest)?;
            reader.reload()?;
            progress.committed(reader.searcher().num_docs());
            articles_since_commit = 0;
        }
    }
    progress.committing();
    commit(&mut writer, &manifest)?;
    writer.wait_merging_threads()?;
    reader.reload()?;
    update_groups(target, &reader.searcher())?;
    report.articles_in_index = reader.searcher().num_docs();
    progress.committed(report.articles_in_index);
    report.skipped = skipped;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Commits what was written, with the manifest of the files read in full, in one atomic step.
fn commit(writer: &mut IndexWriter, manifest: &Manifest) -> Result<()> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&manifest.to_payload());
    prepared.commit()?;
    Ok(())
}

fn to_document(fields: &ArticleFields, article: &Article) -> TantivyDocument {
    let mut document = TantivyDocument::default();
    document.add_text(fields.id, &article.id);
    document.add_text(fields.path, Manifest::key(&article.path));
    document.add_text(fields.title, &article.title);
    document.add_text(fields.body, &article.body);
    document.add_text(fields.text, &article.title);
    document.add_text(fields.text, &article.body);
    let optional_texts = [
        (fields.category, &article.category),
        (fields.author, &article.author),
        (fields.source, &article.source),
        (fields.url, &article.url),
    ];
    for (field, value) in optional_texts {
        if let Some(value) = value {
            document.add_text(field, value);
        }
    }
    if let Some(date) = article.date {
        document.add_i64(fields.date, date.date.to_yyyymmdd());
        document.add_bool(fields.date_inferred, date.year_inferred);
    }
    document.add_u64(fields.simhash, signature(&article.body));
    document
}
