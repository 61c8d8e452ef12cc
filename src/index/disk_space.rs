//! Telling a full disk from other write failures: tantivy's writer threads die without saying why, so the space left where the index lives is looked at.

use std::io;
use std::path::Path;

use tantivy::TantivyError;

use crate::error::Error;

/// Below this many free bytes, a failed write is taken to be for want of space: tantivy
/// writes segment files in blocks far smaller than this.
const NEARLY_FULL_BYTES: u64 = 8 << 20;

/// Whether `error`, met while writing the index in `folder`, comes from a full disk: it
/// says so, or it says nothing precise and the file system has nearly no space left.
pub(crate) fn is_disk_full(error: &Error, folder: &Path) -> bool {
    let io_error = match error {
        Error::Io { source, .. } => Some(source),
        Error::Index(TantivyError::IoError(source)) => Some(source.as_ref()),
        Error::Index(_) => None,
        _ => return false,
    };
    match io_error.map(io::Error::kind) {
        Some(io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded) => true,
        // A failure that says what it is (permission denied, not found…) is that.
        Some(kind) if kind != io::ErrorKind::Other => false,
        _ => free_bytes(folder).is_some_and(|free| free < NEARLY_FULL_BYTES),
    }
}

/// The bytes an unprivileged process may still write on the file system of `folder`.
fn free_bytes(folder: &Path) -> Option<u64> {
    fs4::available_space(folder).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_space_left_of_a_folder_is_known() {
        let folder = std::env::temp_dir();
        assert!(free_bytes(&folder).is_some());
        assert_eq!(free_bytes(Path::new("/pas/de/dossier/ici")), None);
    }

    #[test]
    fn a_storage_full_error_is_a_full_disk_and_others_are_not() {
        let folder = Path::new("/pas/de/dossier/ici");
        let full = Error::Io {
            path: folder.to_path_buf(),
            source: io::Error::from(io::ErrorKind::StorageFull),
        };
        assert!(is_disk_full(&full, folder));
        let denied = Error::Io {
            path: folder.to_path_buf(),
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        };
        assert!(!is_disk_full(&denied, folder));
        assert!(!is_disk_full(
            &Error::NoIndex {
                path: folder.to_path_buf()
            },
            folder
        ));
    }
}
