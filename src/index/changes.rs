//! What changed since the last commit: which of the files found must be read, which are unchanged, and which indexed files are gone.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::extract::{FieldMap, Format};

use super::indexer::{IndexingOptions, IndexingProgress, IndexingReport, SkippedFile};
use super::manifest::{FileState, Manifest};
use super::walk::{Discovered, InputFile};

/// A file found by the walk, as it is now.
pub(crate) trait FoundFile {
    fn path(&self) -> &Path;
    fn state(&self) -> FileState;
}

/// The work of an incremental run.
#[derive(Debug)]
pub(crate) struct Changes<F> {
    /// New files, files whose size or modification time changed, and files that held copies
    /// of articles indexed from elsewhere (last).
    pub to_read: Vec<F>,
    /// Files indexed before and unchanged since: not read again.
    pub unchanged: u64,
    /// Files unchanged since they were indexed but read again because `read_again` asked.
    pub read_again: u64,
    /// Indexed files under the inputs that the walk no longer finds.
    pub missing: Vec<PathBuf>,
}

/// Compares the files found under `roots` with the manifest of the last commit.
/// `unreadable` are the places the walk could not list: what lies there is not missing, only
/// out of sight (a folder without permission), so its articles stay. Unchanged files for
/// which `read_again` is true are read all the same (the way they are read changed).
pub(crate) fn changes<F: FoundFile>(
    found: Vec<F>,
    unreadable: &[PathBuf],
    roots: &[PathBuf],
    manifest: &Manifest,
    read_again: &dyn Fn(&F) -> bool,
) -> Changes<F> {
    let seen: HashSet<String> = found
        .iter()
        .map(|file| Manifest::key(file.path()))
        .collect();
    let missing = manifest
        .files
        .keys()
        .filter(|key| !seen.contains(*key))
        .map(PathBuf::from)
        .filter(|path| roots.iter().any(|root| path.starts_with(root)))
        .filter(|path| !unreadable.iter().any(|place| path.starts_with(place)))
        .collect();
    let mut read_again_count = 0;
    let (unchanged, mut to_read): (Vec<F>, Vec<F>) = found.into_iter().partition(|file| {
        let key = Manifest::key(file.path());
        let unchanged =
            manifest.files.get(&key) == Some(&file.state()) && !manifest.copies.contains(&key);
        if unchanged && read_again(file) {
            read_again_count += 1;
            return false;
        }
        unchanged
    });
    // Files that held copies last: the files whose copies they hold are read before them.
    to_read.sort_by_key(|file| manifest.copies.contains(&Manifest::key(file.path())));
    Changes {
        to_read,
        unchanged: unchanged.len() as u64,
        read_again: read_again_count,
        missing,
    }
}

/// What a run reads, and its report before reading anything.
pub(crate) struct ReadingPlan {
    pub to_read: Vec<InputFile>,
    pub report: IndexingReport,
    /// The `--field` mappings in force, to read JSON records with.
    pub field_map: FieldMap,
    /// The walk's inputs and the entries it could not list, as `discover` gave them.
    pub roots: Vec<PathBuf>,
    pub skipped: Vec<SkippedFile>,
}

/// The files `discovered` compared with the last commit's `manifest`, for either engine,
/// under the `--field` mappings given, else `inherited` ones (those of the indexes a rebuild
/// replaced), else the manifest's: a changed mapping reads the unchanged files that may hold
/// records again. Tells `progress` how much there is to read.
pub(crate) fn plan_reading(
    options: &IndexingOptions,
    discovered: Discovered,
    manifest: &Manifest,
    inherited: Option<&[String]>,
    progress: &dyn IndexingProgress,
) -> Result<ReadingPlan> {
    let Discovered {
        roots,
        files,
        skipped,
        other_formats,
    } = discovered;
    let (mut fields, field_map) = options
        .fields
        .resolve(inherited.unwrap_or(&manifest.fields))?;
    let unreadable: Vec<PathBuf> = skipped.iter().map(|file| file.path.clone()).collect();
    let read_again = |file: &InputFile| fields.changed && file.format != Format::Html;
    let plan = changes(files, &unreadable, &roots, manifest, &read_again);
    fields.files_read_again = plan.read_again;
    let total_bytes = plan.to_read.iter().map(InputFile::text_bytes).sum();
    progress.started(plan.to_read.len() as u64, total_bytes);
    let report = IndexingReport::before_reading(
        plan.unchanged,
        plan.missing,
        other_formats,
        fields,
        options.keep_missing,
    );
    Ok(ReadingPlan {
        to_read: plan.to_read,
        report,
        field_map,
        roots,
        skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Found(&'static str, u64);

    impl FoundFile for Found {
        fn path(&self) -> &Path {
            Path::new(self.0)
        }
        fn state(&self) -> FileState {
            FileState {
                size: self.1,
                modified_ns: 7,
            }
        }
    }

    fn manifest(files: &[(&str, u64)]) -> Manifest {
        let mut manifest = Manifest::default();
        for (path, size) in files {
            manifest.files.insert(
                path.to_string(),
                FileState {
                    size: *size,
                    modified_ns: 7,
                },
            );
        }
        manifest
    }

    #[test]
    fn new_changed_unchanged_and_missing_files() {
        let before = manifest(&[
            ("/news/same.txt", 10),
            ("/news/edited.txt", 10),
            ("/news/gone.txt", 10),
            ("/news/sub/gone-too.jsonl", 10),
            ("/other/kept.txt", 10),
        ]);
        let found = vec![
            Found("/news/same.txt", 10),
            Found("/news/edited.txt", 11),
            Found("/news/new.txt", 3),
        ];
        let plan = changes(found, &[], &[PathBuf::from("/news")], &before, &|_| false);
        let to_read: Vec<&str> = plan.to_read.iter().map(|file| file.0).collect();
        assert_eq!(to_read, ["/news/edited.txt", "/news/new.txt"]);
        assert_eq!(plan.unchanged, 1);
        assert_eq!(plan.read_again, 0);
        assert_eq!(
            plan.missing,
            [
                PathBuf::from("/news/gone.txt"),
                PathBuf::from("/news/sub/gone-too.jsonl")
            ],
            "files outside the inputs are not missing"
        );
    }

    #[test]
    fn a_folder_with_a_similar_name_is_not_under_the_root() {
        let before = manifest(&[("/news2/a.txt", 1)]);
        let plan = changes(
            Vec::<Found>::new(),
            &[],
            &[PathBuf::from("/news")],
            &before,
            &|_| false,
        );
        assert!(plan.missing.is_empty());
    }

    #[test]
    fn unlistable_paths_are_not_missing() {
        let before = manifest(&[("/news/locked/a.txt", 1)]);
        let plan = changes(
            Vec::<Found>::new(),
            &[PathBuf::from("/news/locked")],
            &[PathBuf::from("/news")],
            &before,
            &|_| false,
        );
        assert!(plan.missing.is_empty());
    }

    #[test]
    fn unchanged_files_are_read_again_when_asked() {
        let before = manifest(&[("/news/dump.jsonl", 10), ("/news/page.html", 10)]);
        let found = vec![Found("/news/dump.jsonl", 10), Found("/news/page.html", 10)];
        let plan = changes(found, &[], &[PathBuf::from("/news")], &before, &|file| {
            file.0.ends_with(".jsonl")
        });
        let to_read: Vec<&str> = plan.to_read.iter().map(|file| file.0).collect();
        assert_eq!(to_read, ["/news/dump.jsonl"]);
        assert_eq!((plan.unchanged, plan.read_again), (1, 1));
    }
}
