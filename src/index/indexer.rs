//! The indexing run: walk the inputs, read what changed into articles, write them, commit as it goes (with the manifest of indexed files), report.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tantivy::schema::TantivyDocument;
use tantivy::{IndexReader, IndexWriter, ReloadPolicy, TantivyError, Term};
use walkdir::WalkDir;

use std::collections::HashSet;

use crate::article::{body_fingerprint, Article};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::extract::{read_file, FieldMap, FileContext, Format};

use super::changes::{changes, FoundFile};
use super::groups_file::update_groups;
use super::manifest::{FileState, Manifest};
use super::near_duplicates::signature;
use super::open::{load_manifest, open_or_create_index};
use super::schema::ArticleFields;

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
    /// Set from elsewhere (a Ctrl-C handler) to stop: the files read in full are committed.
    pub interrupted: Arc<AtomicBool>,
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
    /// Articles in the index after the last commit.
    pub articles_in_index: u64,
    pub elapsed: Duration,
}

/// A file to read, with the category its folder gives.
pub(crate) struct InputFile {
    pub(crate) path: PathBuf,
    pub(crate) format: Format,
    pub(crate) folder_category: Option<String>,
    pub(crate) state: FileState,
}

impl FoundFile for InputFile {
    fn path(&self) -> &Path {
        &self.path
    }
    fn state(&self) -> FileState {
        self.state
    }
}

/// Indexes the articles of every new or changed file under the inputs, removes those of
/// files that are gone, and commits every `commit_every` articles and at the end: a killed
/// run leaves the index as it was at its last commit, and the next run goes on from there.
/// Re-indexing a file replaces its articles.
pub fn index_files(
    options: &IndexingOptions,
    progress: &dyn IndexingProgress,
) -> Result<IndexingReport> {
    let started = Instant::now();
    let (roots, found, mut skipped) = discover(&options.inputs)?;

    let article_index = open_or_create_index(&options.index_dir)?;
    let fields = &article_index.fields;
    // The lock first: the manifest read next is then the one this run's commits follow.
    let mut writer: IndexWriter = article_index
        .index
        .writer_with_num_threads(options.threads, options.memory_budget)
        .map_err(|error| match error {
            TantivyError::LockFailure(..) => Error::IndexLocked {
                path: options.index_dir.clone(),
            },
            other => Error::Index(other),
        })?;
    let mut manifest = load_manifest(&article_index.index, &options.index_dir)?;
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
    update_groups(&options.index_dir, &reader.searcher())?;
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

/// The inputs' canonical paths, every readable file under them in a stable order, and the
/// entries that cannot be read.
pub(crate) fn discover(
    inputs: &[PathBuf],
) -> Result<(Vec<PathBuf>, Vec<InputFile>, Vec<SkippedFile>)> {
    let mut roots = Vec::new();
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for input in inputs {
        let root = input.canonicalize().map_err(|source| Error::Io {
            path: input.clone(),
            source,
        })?;
        roots.push(root.clone());
        let walk = WalkDir::new(&root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
            });
        for entry in walk {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    let path = error.path().map_or_else(|| root.clone(), Path::to_path_buf);
                    skipped.push(SkippedFile {
                        path,
                        line: None,
                        reason: walk_error_reason(&error),
                    });
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path().to_path_buf();
            let Some(format) = Format::of(&path) else {
                skipped.push(SkippedFile {
                    path,
                    line: None,
                    reason: "not a format newsearch reads".to_string(),
                });
                continue;
            };
            files.push(InputFile {
                folder_category: folder_category(&root, &path),
                state: entry.metadata().map_or(
                    FileState {
                        size: 0,
                        modified_ns: 0,
                    },
                    |metadata| FileState::of(&metadata),
                ),
                format,
                path,
            });
        }
    }
    Ok((roots, files, skipped))
}

fn walk_error_reason(error: &walkdir::Error) -> String {
    if error.loop_ancestor().is_some() {
        return "symbolic link loop".to_string();
    }
    error
        .io_error()
        .map_or_else(|| error.to_string(), ToString::to_string)
}

/// The name of the folder a file sits in under the indexed root, if it is not the root itself.
fn folder_category(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let folder = relative
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())?;
    folder
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_category_is_the_parent_folder_under_the_root() {
        let root = Path::new("/news");
        assert_eq!(
            folder_category(root, Path::new("/news/Economie/a.txt")).as_deref(),
            Some("Economie")
        );
        assert_eq!(
            folder_category(root, Path::new("/news/Monde/Asie/a.txt")).as_deref(),
            Some("Asie")
        );
        assert_eq!(folder_category(root, Path::new("/news/a.txt")), None);
    }
}
