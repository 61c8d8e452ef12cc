//! `--rebuild`: the new index is built aside, inside the index folder, under the writer lock, then swapped in with one rename of `meta.json`, so that queries see the previous commit until the new one is complete.
//!
//! Only a folder that is newsearch's is rebuilt, and only files whose names newsearch writes
//! are ever removed from it: the old index's segment files once the new `meta.json` no
//! longer names them, and the aside folder's own files. Nothing is removed recursively.

use std::collections::HashSet;
use std::path::Path;

use tantivy::directory::{DirectoryLock, MmapDirectory, INDEX_WRITER_LOCK, META_LOCK};
use tantivy::Directory;
use tantivy::Index;

use crate::error::{Error, Result};

use super::folder::{
    holds_marker, is_disposable, own_entries, remove_own_file, segment_of, write_marker,
    ASIDE_FOLDER,
};
use super::groups_file::GROUPS_FILE;
use super::index_directory::cannot_write;

/// Takes the writer lock of the index in `directory`, as an indexing run does: a second
/// writer (or rebuild) fails at once instead of working on a folder that is being written.
pub(crate) fn lock_writer(directory: &Path) -> Result<DirectoryLock> {
    let io_error = |source| Error::Io {
        path: directory.to_path_buf(),
        source,
    };
    let folder = MmapDirectory::open(directory)
        .map_err(|error| io_error(std::io::Error::other(error.to_string())))?;
    folder
        .acquire_lock(&INDEX_WRITER_LOCK)
        .map_err(|error| match error {
            tantivy::directory::error::LockError::LockBusy => Error::IndexLocked {
                path: directory.to_path_buf(),
            },
            tantivy::directory::error::LockError::IoError(source) if cannot_write(&source) => {
                Error::ReadOnlyIndex {
                    path: directory.to_path_buf(),
                    reason: source.to_string(),
                }
            }
            tantivy::directory::error::LockError::IoError(source) => {
                io_error(std::io::Error::new(source.kind(), source.to_string()))
            }
        })
}

/// The folder a rebuild of the index in `directory` writes to, made empty (a killed rebuild
/// may have left one) and marked. The caller holds `directory`'s writer lock.
pub(crate) fn prepare_aside(directory: &Path) -> Result<std::path::PathBuf> {
    let aside = directory.join(ASIDE_FOLDER);
    remove_aside(directory)?;
    std::fs::create_dir(&aside).map_err(|source| Error::Io {
        path: aside.clone(),
        source,
    })?;
    write_marker(&aside)?;
    Ok(aside)
}

/// Removes the aside folder of `directory`, file by file (only names newsearch writes), then
/// the folder itself; a folder holding anything else is left and reported.
pub(crate) fn remove_aside(directory: &Path) -> Result<()> {
    let aside = directory.join(ASIDE_FOLDER);
    if !aside.is_dir() {
        return Ok(());
    }
    for (_, path) in own_entries(&aside)? {
        if path.is_file() {
            remove_own_file(&path)?;
        }
    }
    std::fs::remove_dir(&aside).map_err(|source| Error::Io {
        path: aside,
        source,
    })
}

/// Swaps the index built in the aside folder into `directory`: its segment files first
/// (new names, beside the old ones), then `meta.json` in one rename (from then on queries open
/// the new index), then the side files; then the old segment files the new `meta.json` does
/// not name are removed, and the aside folder. The caller holds `directory`'s writer lock.
pub(crate) fn swap_in(directory: &Path) -> Result<()> {
    let aside = directory.join(ASIDE_FOLDER);
    let rename = |name: &str| {
        let to = directory.join(name);
        std::fs::rename(aside.join(name), &to).map_err(|source| Error::Io { path: to, source })
    };
    for (name, _) in own_entries(&aside)? {
        if segment_of(&name).is_some() {
            rename(&name)?;
        }
    }
    let meta = directory.join("meta.json");
    if meta.is_dir() {
        // "meta.json" replaced by a folder: an empty one can go; one with files in it may
        // hold someone's files, so it stays and the rebuild stops before the switch.
        std::fs::remove_dir(&meta).map_err(|_| Error::FolderInTheWay { path: meta.clone() })?;
    }
    rename("meta.json")?;
    for side_file in [GROUPS_FILE, ".managed.json"] {
        if aside.join(side_file).is_file() {
            rename(side_file)?;
        }
    }
    remove_unused_files(directory)?;
    remove_aside(directory)?;
    if !holds_marker(directory) {
        // An index made before markers, rebuilt: from now on it carries one.
        write_marker(directory)?;
    }
    Ok(())
}

/// Removes the segment files of `directory` that its `meta.json` does not name, and
/// temporary files left by a killed process. The caller holds the writer lock, so no
/// writer is making new ones; readers that opened older files keep them open. A reader
/// opens its segment files under tantivy's meta lock, so the files are listed and removed
/// under it too: a reader that read the previous `meta.json` finishes opening its files
/// first, and one that comes after reads the new one.
pub(crate) fn remove_unused_files(directory: &Path) -> Result<()> {
    let _no_reader_opening = MmapDirectory::open(directory)
        .map_err(|error| std::io::Error::other(error.to_string()))
        .and_then(|folder| {
            folder
                .acquire_lock(&META_LOCK)
                .map_err(|error| std::io::Error::other(error.to_string()))
        })
        .map_err(|source| Error::Io {
            path: directory.to_path_buf(),
            source,
        })?;
    let living: HashSet<String> = Index::open_in_dir(directory)?
        .load_metas()?
        .segments
        .iter()
        .map(|segment| segment.id().uuid_string())
        .collect();
    for (name, path) in own_entries(directory)? {
        let in_use = segment_of(&name).is_some_and(|id| living.contains(id));
        if is_disposable(&name) && !in_use && path.is_file() {
            remove_own_file(&path)?;
        }
    }
    Ok(())
}
