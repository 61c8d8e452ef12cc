//! One indexing run into one index folder: the files that changed are read, their articles given ids and written, files that are gone or moved are forgotten, and commits carry the manifest.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::Instant;

use tantivy::directory::error::LockError;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyError, Term};

use crate::article::{body_fingerprint, Article, ArticleKey, FileArticleKeys};
use crate::error::{Error, Result};
use crate::extract::{read_file_counted, FieldMap, FileContext};

use super::article_ids::{ArticleIds, Placement};
use super::changes::{plan_reading, ReadingPlan};
use super::disk_space::is_disk_full;
use super::document::ArticleFields;
use super::file_progress::FileProgress;
use super::folder::{inspect, IndexFolder};
use super::groups_file::update_groups;
use super::index_directory::cannot_write;
use super::indexer::{IndexingOptions, IndexingProgress, IndexingReport, MovedFolder, SkippedFile};
use super::manifest::Manifest;
use super::open::{load_manifest, open_or_create_index};
use super::rebuild::{lock_writer, remove_unused_files};
use super::walk::{discover, InputFile};

/// Runs `newsearch index` into the index in `target` (the index folder, or the aside folder
/// of a rebuild, which takes the `--field` mappings stored with the index it replaces from
/// `inherited_fields`).
pub(crate) fn index_into(
    options: &IndexingOptions,
    target: &Path,
    inherited_fields: Option<&[String]>,
    progress: &dyn IndexingProgress,
) -> Result<IndexingReport> {
    run_into(options, target, inherited_fields, progress)
        .map_err(|error| after_failure(error, options, target))
}

/// What a run that failed while writing leaves: its files are removed (the index stays at
/// its last commit), and a full disk is named.
fn after_failure(error: Error, options: &IndexingOptions, target: &Path) -> Error {
    if !matches!(error, Error::Index(_) | Error::Io { .. })
        || !matches!(inspect(target), Ok(IndexFolder::Marked))
    {
        return error;
    }
    let full = is_disk_full(&error, target);
    // Unless another run took the lock since this one's writer let it go.
    let cleaned = lock_writer(target).is_ok_and(|_lock| remove_unused_files(target).is_ok());
    if full {
        Error::NoSpace {
            path: options.index_dir.clone(),
            cleaned,
        }
    } else {
        error
    }
}

fn run_into(
    options: &IndexingOptions,
    target: &Path,
    inherited_fields: Option<&[String]>,
    progress: &dyn IndexingProgress,
) -> Result<IndexingReport> {
    let started = Instant::now();
    let discovered = discover(
        &options.inputs,
        &[target, &options.index_dir],
        &options.exclude,
    )?;
    let article_index = open_or_create_index(target)?;
    // The lock first: the manifest read next is then the one this run's commits follow.
    let writer = open_writer(&article_index.index, options, target)?;
    // The files of a run that failed (a full disk) or was killed: the lock is held, so
    // nothing else is writing them, and they may hold the space this run needs.
    remove_unused_files(target)?;
    let manifest = load_manifest(&article_index.index, target)?;
    let ReadingPlan {
        to_read,
        report,
        field_map,
        roots,
        mut skipped,
    } = plan_reading(options, discovered, &manifest, inherited_fields, progress)?;
    let reader: IndexReader = article_index
        .index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;

    let mut run = Run {
        options,
        fields: &article_index.fields,
        field_map: &field_map,
        roots: &roots,
        ids: ArticleIds::new(reader.searcher(), &article_index.fields),
        writer,
        manifest,
        fingerprints: HashSet::new(),
        forgotten_folders: HashSet::new(),
        report,
    };
    if !options.keep_missing {
        for path in run.report.missing_files.clone() {
            run.remove_file(&Manifest::key(&path))?;
        }
    }
    run.read_all(&to_read, &reader, &mut skipped, progress)?;
    let mut report = run.finish(&reader, target, progress)?;
    report.skipped = skipped;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The index writer of the run, which holds the index's writer lock.
fn open_writer(index: &Index, options: &IndexingOptions, target: &Path) -> Result<IndexWriter> {
    index
        .writer_with_num_threads(options.threads, options.memory_budget)
        .map_err(|error| match error {
            TantivyError::LockFailure(LockError::IoError(error), _) if cannot_write(&error) => {
                Error::ReadOnlyIndex {
                    path: options.index_dir.clone(),
                    reason: error.to_string(),
                }
            }
            TantivyError::LockFailure(..) => Error::IndexLocked {
                path: target.to_path_buf(),
            },
            other => Error::Index(other),
        })
}

impl Run<'_> {
    /// Commits what was read, waits for the merges, and groups the near-duplicates of the
    /// new commit.
    fn finish(
        mut self,
        reader: &IndexReader,
        target: &Path,
        progress: &dyn IndexingProgress,
    ) -> Result<IndexingReport> {
        progress.committing();
        if !self.report.interrupted {
            // Stored only once every file they concern was read with them: a run stopped
            // before leaves the earlier mappings, so that the next run with these reads
            // those files again.
            self.manifest.fields = self.report.fields.pairs.clone();
        }
        self.commit()?;
        let Run {
            writer, mut report, ..
        } = self;
        writer.wait_merging_threads()?;
        reader.reload()?;
        update_groups(target, &reader.searcher())?;
        report.articles_in_index = reader.searcher().num_docs();
        progress.committed(report.articles_in_index);
        Ok(report)
    }
}

impl Run<'_> {
    /// Reads `files` in order, committing every `commit_every` articles at a file boundary,
    /// until all are read or the run is interrupted.
    fn read_all(
        &mut self,
        files: &[InputFile],
        reader: &IndexReader,
        skipped: &mut Vec<SkippedFile>,
        progress: &dyn IndexingProgress,
    ) -> Result<()> {
        let mut articles_since_commit = 0;
        for file in files {
            if self.interrupted() {
                self.report.interrupted = true;
                return Ok(());
            }
            let articles = self.read(file, skipped, progress)?;
            if self.report.interrupted {
                return Ok(());
            }
            articles_since_commit += articles;
            if articles_since_commit >= self.options.commit_every {
                self.commit()?;
                reader.reload()?;
                progress.committed(reader.searcher().num_docs());
                articles_since_commit = 0;
            }
        }
        Ok(())
    }
}

/// The state of a run.
struct Run<'a> {
    options: &'a IndexingOptions,
    fields: &'a ArticleFields,
    /// The `--field` mappings records are read with.
    field_map: &'a FieldMap,
    /// The inputs' canonical paths.
    roots: &'a [PathBuf],
    ids: ArticleIds,
    writer: IndexWriter,
    /// The files read in full, as the next commit will record them.
    manifest: Manifest,
    /// The bodies read in this run, to count exact duplicates.
    fingerprints: HashSet<u64>,
    /// Folders whose files were found moved, already swept for their other vanished files.
    forgotten_folders: HashSet<PathBuf>,
    report: IndexingReport,
}

impl Run<'_> {
    fn interrupted(&self) -> bool {
        self.options.interrupted.load(Ordering::SeqCst)
    }

    /// Removes the articles of the file with this path key, and its manifest entry.
    fn remove_file(&mut self, key: &str) -> Result<()> {
        self.ids.release_file(key)?;
        self.writer
            .delete_term(Term::from_field_text(self.fields.path, key));
        self.manifest.files.remove(key);
        self.manifest.copies.remove(key);
        Ok(())
    }

    /// Reads one file and writes its articles in place of its earlier ones; returns how
    /// many it wrote. An interruption takes the file's articles back (the next run reads it
    /// whole) and sets `report.interrupted`.
    fn read(
        &mut self,
        file: &InputFile,
        skipped: &mut Vec<SkippedFile>,
        progress: &dyn IndexingProgress,
    ) -> Result<u64> {
        // The file's earlier articles go first: the index then reflects the file as it is now.
        // Until the file is read in full, the manifest does not list it.
        let key = Manifest::key(&file.path);
        self.remove_file(&key)?;
        let mut error = None;
        let mut written = 0;
        let mut copies = 0;
        let mut keys = FileArticleKeys::new(&file.relative_path);
        let options = self.options;
        let context = FileContext {
            path: &file.path,
            folder_category: file.folder_category.as_deref(),
            today: options.today,
            field_map: self.field_map,
        };
        let mut file_progress = FileProgress::default();
        let counter = file_progress.counter().clone();
        let mut emit = |mut article: Article| {
            file_progress.advance(progress);
            if error.is_some() || self.interrupted() {
                return;
            }
            let article_key = keys.next_key(&article);
            match self.place(&article_key, &article.body, file) {
                Ok(Placement::Copy) => copies += 1,
                Ok(Placement::Id { id, .. }) => {
                    if !self.fingerprints.insert(body_fingerprint(&article.body)) {
                        self.report.exact_duplicates += 1;
                    }
                    article.id = id;
                    match self.writer.add_document(self.fields.document(&article)) {
                        Ok(_) => written += 1,
                        Err(failure) => error = Some(Error::Index(failure)),
                    }
                }
                Err(failure) => error = Some(failure),
            }
        };
        let outcome = read_file_counted(file.format, &context, &counter, &mut emit);
        if let Some(error) = error {
            return Err(error);
        }
        if self.interrupted() {
            // Part of the file was written: take it back, the next run reads it whole.
            self.writer
                .delete_term(Term::from_field_text(self.fields.path, &key));
            self.report.interrupted = true;
            return Ok(0);
        }
        let text_bytes = file_progress.finish(file.text_bytes(), progress);
        self.report.articles += written;
        self.report.copies += copies;
        match outcome {
            Ok(problems) => {
                self.report.files += 1;
                self.report.bytes += text_bytes;
                self.manifest.files.insert(key.clone(), file.state);
                if copies > 0 {
                    // Read again on every run: if the copy indexed in its place goes, this
                    // file's articles take over.
                    self.manifest.copies.insert(key);
                }
                SkippedFile::sort_problems(
                    &file.path,
                    problems,
                    skipped,
                    &mut self.report.repaired,
                );
            }
            Err(failure) => skipped.push(SkippedFile {
                path: file.path.clone(),
                line: None,
                reason: failure.to_string(),
            }),
        }
        Ok(written)
    }

    /// Where an article of `file` goes; a moved file's old place is forgotten.
    fn place(&mut self, key: &ArticleKey, body: &str, file: &InputFile) -> Result<Placement> {
        let placement = self.ids.place(key, body)?;
        if let Placement::Id {
            forget: Some(old), ..
        } = &placement
        {
            self.forget_moved(old, file)?;
        }
        Ok(placement)
    }

    /// `old`, an indexed file that no longer exists, holds an article now found in `file`:
    /// the folder it was indexed from moved. Its articles go, and so do those of every other
    /// indexed file of that folder that no longer exists, unless the run keeps missing files
    /// (an unplugged drive): then only `old`, whose articles are found again, goes.
    fn forget_moved(&mut self, old: &Path, file: &InputFile) -> Result<()> {
        let depth = file.relative_path.split('/').count();
        let old_folder = old.ancestors().nth(depth).unwrap_or(old).to_path_buf();
        let new_folder = self
            .roots
            .iter()
            .find(|root| file.path.starts_with(root))
            .cloned()
            .unwrap_or_else(|| file.path.clone());
        let mut gone = BTreeSet::from([Manifest::key(old)]);
        if !self.options.keep_missing && self.forgotten_folders.insert(old_folder.clone()) {
            gone.extend(
                self.manifest
                    .files
                    .keys()
                    .filter(|key| Path::new(key).starts_with(&old_folder))
                    .filter(|key| !Path::new(key).exists())
                    .cloned(),
            );
        }
        let count = gone.len() as u64;
        for key in gone {
            self.remove_file(&key)?;
        }
        match self
            .report
            .moved
            .iter_mut()
            .find(|moved| moved.from == old_folder)
        {
            Some(moved) => moved.files += count,
            None => self.report.moved.push(MovedFolder {
                from: old_folder,
                to: new_folder,
                files: count,
            }),
        }
        Ok(())
    }

    /// Commits what was written, with the manifest of the files read in full, in one atomic step.
    fn commit(&mut self) -> Result<()> {
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&self.manifest.to_payload());
        prepared.commit()?;
        Ok(())
    }
}
