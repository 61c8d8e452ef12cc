//! An indexing run through an engine's writer: walk the inputs, compare them with the files the engine holds, read what changed into articles with the embedded index's ids, hand them to the writer, commit as it goes, report.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;
use std::time::Instant;

use crate::article::{body_fingerprint, fnv1a, ArticleKey, FileArticleKeys};
use crate::error::Result;
use crate::extract::{read_file_counted, FieldMap, FileContext};
use crate::index::{
    discover, plan_reading, FileProgress, FileState, IndexingOptions, IndexingProgress,
    IndexingReport, InputFile, Manifest, ReadingPlan, SkippedFile,
};

use super::ArticleWriter;

/// Indexes the articles of every new or changed file under the inputs into `writer`,
/// removes those of files that are gone, and commits every `commit_every` articles (at a
/// file's end) and at the end. A file is listed as held only at the commit after it was
/// read in full, so a killed run's next run reads again what was not committed; articles
/// are replaced by id, so nothing is duplicated.
pub(crate) fn run(
    options: &IndexingOptions,
    writer: &mut dyn ArticleWriter,
    inherited_fields: Option<Vec<String>>,
    progress: &dyn IndexingProgress,
) -> Result<IndexingReport> {
    let started = Instant::now();
    let (to_read, mut run) = Run::plan(options, writer, inherited_fields, progress)?;
    for file in &to_read {
        if run.interrupted() || !run.read(file)? {
            run.report.interrupted = true;
            break;
        }
        if run.articles_since_commit >= options.commit_every {
            run.commit()?;
        }
    }
    let mut report = run.finish()?;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// One run's state between files: what it has read, counted and not yet committed.
struct Run<'a> {
    options: &'a IndexingOptions,
    writer: &'a mut dyn ArticleWriter,
    progress: &'a dyn IndexingProgress,
    field_map: FieldMap,
    report: IndexingReport,
    skipped: Vec<SkippedFile>,
    /// The fingerprints of the bodies read, to count exact duplicates.
    fingerprints: HashSet<u64>,
    /// The ids given in this run, with the hash of their article's text.
    given: HashMap<String, u64>,
    /// The files read in full since the last commit.
    read_in_full: Vec<(String, FileState)>,
    articles_since_commit: u64,
}

impl<'a> Run<'a> {
    /// Walks the inputs, compares them with what the writer holds, and removes the articles
    /// of the files to read again (a changed file may now hold fewer) and of gone files:
    /// the files to read, and the run ready to read them.
    fn plan(
        options: &'a IndexingOptions,
        writer: &'a mut dyn ArticleWriter,
        inherited_fields: Option<Vec<String>>,
        progress: &'a dyn IndexingProgress,
    ) -> Result<(Vec<InputFile>, Run<'a>)> {
        let discovered = discover(&options.inputs, &[&options.index_dir], &options.exclude)?;
        let manifest = writer.manifest()?;
        let ReadingPlan {
            to_read,
            report,
            field_map,
            skipped,
            ..
        } = plan_reading(
            options,
            discovered,
            &manifest,
            inherited_fields.as_deref(),
            progress,
        )?;
        writer.keep_fields(&report.fields.pairs);
        let mut stale: Vec<String> = to_read
            .iter()
            .map(|file| Manifest::key(&file.path))
            .filter(|key| manifest.files.contains_key(key))
            .collect();
        if !options.keep_missing {
            stale.extend(report.missing_files.iter().map(|path| Manifest::key(path)));
        }
        writer.remove_files(&stale)?;
        let run = Run {
            options,
            writer,
            progress,
            field_map,
            report,
            skipped,
            fingerprints: HashSet::new(),
            given: HashMap::new(),
            read_in_full: Vec::new(),
            articles_since_commit: 0,
        };
        Ok((to_read, run))
    }

    fn interrupted(&self) -> bool {
        self.options.interrupted.load(Ordering::SeqCst)
    }

    /// Reads one file's articles into the writer; `false` when the run was interrupted
    /// during it (what was sent of it is taken back: the next run reads it whole).
    fn read(&mut self, file: &InputFile) -> Result<bool> {
        let key = Manifest::key(&file.path);
        let context = FileContext {
            path: &file.path,
            folder_category: file.folder_category.as_deref(),
            today: self.options.today,
            field_map: &self.field_map,
        };
        let interrupted = &self.options.interrupted;
        let (writer, report, given, fingerprints) = (
            &mut *self.writer,
            &mut self.report,
            &mut self.given,
            &mut self.fingerprints,
        );
        let mut write_error = None;
        let mut file_articles = 0;
        let mut keys = FileArticleKeys::new(&file.relative_path);
        let mut file_progress = FileProgress::default();
        let counter = file_progress.counter().clone();
        let outcome = read_file_counted(file.format, &context, &counter, &mut |mut article| {
            file_progress.advance(self.progress);
            if write_error.is_some() || interrupted.load(Ordering::SeqCst) {
                return;
            }
            let key = keys.next_key(&article);
            let Some(id) = article_id(given, &key, &article.body) else {
                report.copies += 1;
                return;
            };
            article.id = id;
            if !fingerprints.insert(body_fingerprint(&article.body)) {
                report.exact_duplicates += 1;
            }
            match writer.add(&article) {
                Ok(()) => file_articles += 1,
                Err(error) => write_error = Some(error),
            }
        });
        if let Some(error) = write_error {
            return Err(error);
        }
        if self.interrupted() {
            self.writer.remove_files(std::slice::from_ref(&key))?;
            return Ok(false);
        }
        let text_bytes = file_progress.finish(file.text_bytes(), self.progress);
        self.report.articles += file_articles;
        self.articles_since_commit += file_articles;
        match outcome {
            Ok(problems) => {
                self.report.files += 1;
                self.report.bytes += text_bytes;
                self.read_in_full.push((key, file.state));
                SkippedFile::sort_problems(
                    &file.path,
                    problems,
                    &mut self.skipped,
                    &mut self.report.repaired,
                );
            }
            Err(error) => self.skipped.push(SkippedFile {
                path: file.path.clone(),
                line: None,
                reason: error.to_string(),
            }),
        }
        Ok(true)
    }

    /// Commits what was sent, and lists the files read in full since the last commit as held.
    fn commit(&mut self) -> Result<()> {
        self.progress
            .committed(self.writer.commit(&self.read_in_full)?);
        self.read_in_full.clear();
        self.articles_since_commit = 0;
        Ok(())
    }

    /// The last commit, the writer's own last work (near-duplicate groups), and the report.
    fn finish(mut self) -> Result<IndexingReport> {
        self.progress.committing();
        self.writer.commit(&self.read_in_full)?;
        self.skipped.extend(self.writer.finish()?);
        self.report.articles_in_index = self.writer.commit(&[])?;
        self.progress.committed(self.report.articles_in_index);
        self.report.skipped = self.skipped;
        Ok(self.report)
    }
}

/// The id of the article with `key` and `body`, made as the embedded index makes it, or
/// `None` for a copy of an article this run already gave an id (same key, same text: another
/// copy of the archive). Ids already held on the cluster are replaced: the document id is
/// the article's.
fn article_id(given: &mut HashMap<String, u64>, key: &ArticleKey, body: &str) -> Option<String> {
    let text = fnv1a(body.as_bytes());
    let mut id = key.id();
    match given.get(&id) {
        Some(&held) if held == text => return None,
        Some(_) => {
            // Another article has this key: its text makes the difference.
            id = key.id_with_text(body);
            if given.contains_key(&id) {
                return None;
            }
        }
        None => {}
    }
    given.insert(id.clone(), text);
    Some(id)
}
