//! An indexing run through an engine's writer: walk the inputs, compare them with the files the engine holds, read what changed into articles with the embedded index's ids, hand them to the writer, commit as it goes, report.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::Instant;

use crate::article::{body_fingerprint, fnv1a, ArticleKey, FileArticleKeys};
use crate::error::Result;
use crate::extract::{read_file_counted, FileContext, Format};
use crate::index::{
    changes, discover, Discovered, FileProgress, FileState, IndexingOptions, IndexingProgress,
    IndexingReport, InputFile, Manifest, SkippedFile,
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
    let Discovered {
        roots,
        files: found,
        mut skipped,
        other_formats,
    } = discover(&options.inputs, &[&options.index_dir], &options.exclude)?;
    let manifest = writer.manifest()?;
    // The `--field` mappings given, else those kept by an earlier run (or by the indexes a
    // rebuild deleted); new ones read the unchanged records again, as the embedded index
    // does.
    let (mut fields, field_map) = options
        .fields
        .resolve(inherited_fields.as_deref().unwrap_or(&manifest.fields))?;
    let unreadable: Vec<PathBuf> = skipped.iter().map(|file| file.path.clone()).collect();
    let plan = changes(found, &unreadable, &roots, &manifest, &|file| {
        fields.changed && file.format != Format::Html
    });
    fields.files_read_again = plan.read_again;
    writer.keep_fields(&fields.pairs);
    let total_bytes = plan.to_read.iter().map(InputFile::text_bytes).sum();
    progress.started(plan.to_read.len() as u64, total_bytes);

    let mut report = IndexingReport::before_reading(
        plan.unchanged,
        plan.missing,
        other_formats,
        fields,
        options.keep_missing,
    );
    // The files to read lose their earlier articles first (a changed file may now hold
    // fewer), and gone files theirs.
    let mut stale: Vec<String> = plan
        .to_read
        .iter()
        .map(|file| Manifest::key(&file.path))
        .filter(|key| manifest.files.contains_key(key))
        .collect();
    if !options.keep_missing {
        stale.extend(report.missing_files.iter().map(|path| Manifest::key(path)));
    }
    writer.remove_files(&stale)?;

    let interrupted = || options.interrupted.load(Ordering::SeqCst);
    let mut fingerprints = HashSet::new();
    // The ids given in this run, with the hash of their article's text.
    let mut given: HashMap<String, u64> = HashMap::new();
    let mut read_in_full: Vec<(String, FileState)> = Vec::new();
    let mut articles_since_commit = 0;
    for file in &plan.to_read {
        if interrupted() {
            report.interrupted = true;
            break;
        }
        let key = Manifest::key(&file.path);
        let context = FileContext {
            path: &file.path,
            folder_category: file.folder_category.as_deref(),
            today: options.today,
            field_map: &field_map,
        };
        let mut write_error = None;
        let mut file_articles = 0;
        let mut keys = FileArticleKeys::new(&file.relative_path);
        let mut file_progress = FileProgress::default();
        let counter = file_progress.counter().clone();
        let outcome = read_file_counted(file.format, &context, &counter, &mut |mut article| {
            file_progress.advance(progress);
            if write_error.is_some() || interrupted() {
                return;
            }
            let key = keys.next_key(&article);
            let Some(id) = article_id(&mut given, &key, &article.body) else {
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
        if interrupted() {
            // Part of the file was sent: take it back, the next run reads it whole.
            writer.remove_files(std::slice::from_ref(&key))?;
            report.interrupted = true;
            break;
        }
        let text_bytes = file_progress.finish(file.text_bytes(), progress);
        report.articles += file_articles;
        articles_since_commit += file_articles;
        match outcome {
            Ok(problems) => {
                report.files += 1;
                report.bytes += text_bytes;
                read_in_full.push((key, file.state));
                SkippedFile::sort_problems(
                    &file.path,
                    problems,
                    &mut skipped,
                    &mut report.repaired,
                );
            }
            Err(error) => skipped.push(SkippedFile {
                path: file.path.clone(),
                line: None,
                reason: error.to_string(),
            }),
        }
        if articles_since_commit >= options.commit_every {
            progress.committed(writer.commit(&read_in_full)?);
            read_in_full.clear();
            articles_since_commit = 0;
        }
    }
    progress.committing();
    writer.commit(&read_in_full)?;
    skipped.extend(writer.finish()?);
    report.articles_in_index = writer.commit(&[])?;
    progress.committed(report.articles_in_index);
    report.skipped = skipped;
    report.elapsed = started.elapsed();
    Ok(report)
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
