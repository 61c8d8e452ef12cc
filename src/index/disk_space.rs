//! Telling a full disk from other write failures: tantivy's writer threads die without saying why, so the space left where the index lives is looked at.

use std::ffi::CString;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use tantivy::TantivyError;

use crate::error::Error;

/// Below this many free bytes, a failed write is taken to be for want of space: tantivy
/// writes segment files in blocks far smaller than this.
const NEARLY_FULL_BYTES: u64 = 8 << 20;

/// Whether `error`, met while writing the index in `folder`, comes from a full disk: it
/// says so, or the file system has nearly no space left.
pub(crate) fn is_disk_full(error: &Error, folder: &Path) -> bool {
    let io_error = match error {
        Error::Io { source, .. } => Some(source),
        Error::Index(TantivyError::IoError(source)) => Some(source.as_ref()),
        Error::Index(_) => None,
        _ => return false,
    };
    io_error.is_some_and(|error| {
        matches!(
            error.kind(),
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
        )
    }) || free_bytes(folder).is_some_and(|free| free < NEARLY_FULL_BYTES)
}

/// The bytes an unprivileged process may still write on the file system of `folder`.
fn free_bytes(folder: &Path) -> Option<u64> {
    let path = CString::new(folder.as_os_str().as_bytes()).ok()?;
    let mut stats = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `path` is a valid C string and `stats` a place statvfs fills in on success.
    let status = unsafe { libc::statvfs(path.as_ptr(), stats.as_mut_ptr()) };
    if status != 0 {
        return None;
    }
    // SAFETY: statvfs returned 0, so it filled `stats` in.
    let stats = unsafe { stats.assume_init() };
    // Both are 64 bits here, narrower on 32-bit systems.
    #[allow(clippy::unnecessary_cast)]
    Some(stats.f_bavail as u64 * stats.f_frsize as u64)
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
