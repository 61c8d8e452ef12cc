//! Checking an index's files against their checksums: what says "damaged" when reading the index failed in a way nothing else explains.

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use tantivy::Index;

use super::index_directory::IndexDirectory;

/// The files of the index in `directory` whose content no longer matches its checksum
/// (none when it cannot be opened to tell). Reads every file: for when something went wrong.
pub(crate) fn failing_checksums(directory: &Path) -> Vec<PathBuf> {
    let check = || -> tantivy::Result<Vec<PathBuf>> {
        let index = Index::open(IndexDirectory::open(directory)?)?;
        let mut failing: Vec<PathBuf> = index.validate_checksum()?.into_iter().collect();
        failing.sort();
        Ok(failing)
    };
    panic::catch_unwind(AssertUnwindSafe(check))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default()
}
