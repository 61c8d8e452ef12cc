//! Finding the files to index under the inputs: canonical paths, a stable order, each file once, `.gitignore`/`.ignore` files and `--exclude` globs honoured, files in other formats counted, newsearch's own index folders never read.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};

use ignore::overrides::{Override, OverrideBuilder};
use ignore::{DirEntry, WalkBuilder};

use crate::error::{Error, Result};
use crate::extract::{expected_size, Format};

use super::changes::FoundFile;
use super::folder::{holds_marker, inspect, IndexFolder};
use super::indexer::SkippedFile;
use super::manifest::FileState;

/// A file to read, as the walk found it.
pub(crate) struct InputFile {
    /// Its canonical path (symbolic links resolved): the same file is known by one path.
    pub path: PathBuf,
    /// Its path below the input it was found under, names joined by `/` (its name when it
    /// was given itself): the place its articles' ids are made from.
    pub relative_path: String,
    pub format: Format,
    /// The name of the folder it sits in under its root (the category a page does not state).
    pub folder_category: Option<String>,
    pub state: FileState,
}

impl InputFile {
    /// About how many bytes of text reading it gives: its size, or for a compressed file
    /// the size it declares once decompressed. What progress counts.
    pub(crate) fn text_bytes(&self) -> u64 {
        let compressed = self
            .path
            .extension()
            .and_then(|extension| extension.to_str())
            .is_some_and(|extension| {
                extension.eq_ignore_ascii_case("gz") || extension.eq_ignore_ascii_case("zst")
            });
        if compressed {
            expected_size(&self.path, self.state.size)
        } else {
            self.state.size
        }
    }
}

impl FoundFile for InputFile {
    fn path(&self) -> &Path {
        &self.path
    }
    fn state(&self) -> FileState {
        self.state
    }
}

/// What the walk found.
pub(crate) struct Discovered {
    /// The inputs' canonical paths.
    pub roots: Vec<PathBuf>,
    pub files: Vec<InputFile>,
    /// Entries that could not be listed or resolved.
    pub skipped: Vec<SkippedFile>,
    /// Files in formats newsearch does not read (`.pdf`, `.png`, …): counted, not an error.
    pub other_formats: Vec<PathBuf>,
}

/// Every readable file under `inputs`, in a stable order, each once, leaving out hidden
/// entries, what `.gitignore`, `.ignore` and the `exclude` globs leave out (as ripgrep and fd
/// do; an input named itself is always read), and index folders: newsearch's (marked, or
/// made before markers) and the ones in `index_folders` (the folder being written, which
/// may not be marked yet).
pub(crate) fn discover(
    inputs: &[PathBuf],
    index_folders: &[&Path],
    exclude: &[String],
) -> Result<Discovered> {
    let index_folders: Vec<PathBuf> = index_folders
        .iter()
        .filter_map(|folder| folder.canonicalize().ok())
        .collect();
    let mut seen = SeenPaths::default();
    let mut found = Discovered {
        roots: Vec::new(),
        files: Vec::new(),
        skipped: Vec::new(),
        other_formats: Vec::new(),
    };
    for input in inputs {
        let root = input.canonicalize().map_err(|source| Error::Io {
            path: input.clone(),
            source,
        })?;
        found.roots.push(root.clone());
        if index_folders.iter().any(|folder| root.starts_with(folder))
            || (root.is_dir() && is_index_folder(&root, &index_folders))
        {
            continue;
        }
        walk_root(&root, exclude, &index_folders, &mut seen, &mut found)?;
    }
    Ok(found)
}

/// Adds to `found` what the walk under `root` finds.
fn walk_root(
    root: &Path,
    exclude: &[String],
    index_folders: &[PathBuf],
    seen: &mut SeenPaths,
    found: &mut Discovered,
) -> Result<()> {
    let folders = index_folders.to_vec();
    let walk = WalkBuilder::new(root)
        .follow_links(true)
        .sort_by_file_name(|one, other| one.cmp(other))
        .overrides(exclusions(root, exclude)?)
        .filter_entry(move |entry| {
            !(entry.file_type().is_some_and(|kind| kind.is_dir())
                && is_index_folder(entry.path(), &folders))
        })
        .build();
    // The depths of the symbolic links to folders the walk is inside: below them paths are
    // not canonical (the root is, and so is every path with no link on the way).
    let mut link_depths: Vec<usize> = Vec::new();
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let (path, reason) = walk_error(&error);
                found.skipped.push(SkippedFile {
                    path: path.unwrap_or_else(|| root.to_path_buf()),
                    line: None,
                    reason,
                });
                continue;
            }
        };
        if let Some(path) = file_path(&entry, &mut link_depths, &mut found.skipped) {
            add_file(root, &entry, path, seen, found);
        }
    }
    Ok(())
}

/// The canonical path of the file at `entry`; `None` for a folder or anything else that is
/// not a file, and for a path that cannot be resolved (skipped, with the reason).
fn file_path(
    entry: &DirEntry,
    link_depths: &mut Vec<usize>,
    skipped: &mut Vec<SkippedFile>,
) -> Option<PathBuf> {
    let kind = entry.file_type()?;
    while link_depths
        .last()
        .is_some_and(|&depth| depth >= entry.depth())
    {
        link_depths.pop();
    }
    if kind.is_dir() {
        if entry.path_is_symlink() {
            link_depths.push(entry.depth());
        }
        return None;
    }
    if !kind.is_file() {
        return None;
    }
    if link_depths.is_empty() && !entry.path_is_symlink() {
        return Some(entry.path().to_path_buf());
    }
    match entry.path().canonicalize() {
        Ok(path) => Some(path),
        Err(error) => {
            skipped.push(SkippedFile {
                path: entry.path().to_path_buf(),
                line: None,
                reason: error.to_string(),
            });
            None
        }
    }
}

/// Adds the file at `path` (found at `entry` under `root`) to `found`: a file to read if
/// newsearch reads its format and it was not met before, else an other format, or skipped.
fn add_file(
    root: &Path,
    entry: &DirEntry,
    path: PathBuf,
    seen: &mut SeenPaths,
    found: &mut Discovered,
) {
    let Some(format) = Format::of(&path) else {
        if entry.depth() == 0 {
            // Named on the command line: the user expected it to be read.
            found.skipped.push(SkippedFile {
                path,
                line: None,
                reason: "not a format newsearch reads".to_string(),
            });
        } else {
            found.other_formats.push(path);
        }
        return;
    };
    if !seen.first_time(&path, &found.files) {
        return;
    }
    // Without its size and time, a file could not be told unchanged next time.
    let state = match entry.metadata() {
        Ok(metadata) => FileState::of(&metadata),
        Err(error) => {
            found.skipped.push(SkippedFile {
                path,
                line: None,
                reason: format!(
                    "cannot read its size and modification time: {}",
                    walk_error(&error).1
                ),
            });
            return;
        }
    };
    found.files.push(InputFile {
        folder_category: folder_category(root, entry.path()),
        relative_path: relative_path(root, entry.path()),
        state,
        format,
        path,
    });
}

/// The files found so far, by a hash of their path: the same file reached twice (through a
/// link, or under two inputs) is read once.
#[derive(Default)]
struct SeenPaths(HashMap<u64, usize>);

impl SeenPaths {
    /// Whether `path` is not among `files` yet; if so, it will be the next one.
    fn first_time(&mut self, path: &Path, files: &[InputFile]) -> bool {
        let hash = rustc_hash::FxBuildHasher.hash_one(path);
        match self.0.get(&hash) {
            Some(&at) if files[at].path == path => false,
            // Two paths with one hash: both are kept (the first stays the one looked up).
            Some(_) => true,
            None => {
                self.0.insert(hash, files.len());
                true
            }
        }
    }
}

/// Whether the folder at `path` is an index: newsearch's marker, an index made before
/// markers, or one of `index_folders` (canonical paths).
fn is_index_folder(path: &Path, index_folders: &[PathBuf]) -> bool {
    if holds_marker(path) {
        return true;
    }
    if path.join("meta.json").exists()
        && inspect(path).is_ok_and(|folder| folder == IndexFolder::Unmarked)
    {
        return true;
    }
    // Only a folder with the same name can be one of them: most folders are not canonicalised.
    index_folders.iter().any(|folder| {
        folder.file_name() == path.file_name()
            && path
                .canonicalize()
                .is_ok_and(|canonical| &canonical == folder)
    })
}

/// The `--exclude` globs as ignore rules for the walk under `root` (matched like lines of a
/// `.gitignore` there); an invalid glob is refused before anything is read.
fn exclusions(root: &Path, exclude: &[String]) -> Result<Override> {
    let mut rules = OverrideBuilder::new(root);
    let invalid = |glob: &str, error: ignore::Error| Error::InvalidExclude {
        glob: glob.to_string(),
        reason: walk_error(&error).1,
    };
    for glob in exclude {
        rules
            .add(&format!("!{glob}"))
            .map_err(|error| invalid(glob, error))?;
    }
    rules
        .build()
        .map_err(|error| invalid(&exclude.join(" "), error))
}

/// The path an error of the walk is about, if it says, and the reason for people.
fn walk_error(error: &ignore::Error) -> (Option<PathBuf>, String) {
    match error {
        ignore::Error::WithPath { path, err } => (Some(path.clone()), walk_error(err).1),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(err)
        }
        ignore::Error::Loop { child, .. } => {
            (Some(child.clone()), "symbolic link loop".to_string())
        }
        // The walk's own errors come wrapped ("IO error for operation on PATH: …"): the
        // reason is the error inside.
        ignore::Error::Io(error) => (
            None,
            error
                .get_ref()
                .and_then(|wrapped| wrapped.source())
                .map_or_else(|| error.to_string(), ToString::to_string),
        ),
        ignore::Error::Glob { err, .. } => (None, err.clone()),
        other => (None, other.to_string()),
    }
}

/// The path of a file below the indexed root, names joined by `/`; the file's name when the
/// root is the file.
fn relative_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let relative = if relative.as_os_str().is_empty() {
        Path::new(path.file_name().unwrap_or(path.as_os_str()))
    } else {
        relative
    };
    let names: Vec<_> = relative
        .components()
        .map(|component| component.as_os_str().to_string_lossy())
        .collect();
    names.join("/")
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

    #[test]
    fn relative_paths_are_below_the_root() {
        let root = Path::new("/home/moi/news");
        assert_eq!(
            relative_path(root, Path::new("/home/moi/news/Monde/Asie/a.txt")),
            "Monde/Asie/a.txt"
        );
        let file = Path::new("/home/moi/dump.jsonl");
        assert_eq!(relative_path(file, file), "dump.jsonl");
    }
}
