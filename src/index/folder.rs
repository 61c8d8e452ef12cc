//! The index folder: newsearch's marker, the names of the files newsearch writes there, and whose a folder is.
//!
//! A user's folder is never at risk: newsearch makes an index only in a folder that does not
//! exist or is empty, and writes its marker there first. It opens, rebuilds or cleans only a
//! folder that holds the marker (or, for an index made before markers existed, a folder that
//! holds nothing but files newsearch writes and a `meta.json` with newsearch's fields), and
//! there it deletes only files whose names are its own.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

use super::document::FIELDS_OF_EVERY_VERSION;

/// The marker newsearch writes in every index folder it creates.
pub const MARKER_FILE: &str = "newsearch-index.txt";

/// The marker's first line: a file of that name with other content is not the marker.
const MARKER_FIRST_LINE: &str = "newsearch index";

const MARKER_TEXT: &str = "newsearch index\n\n\
This folder is a newsearch index. newsearch writes, replaces and deletes the files in it;\n\
put nothing else here. Delete the whole folder to delete the index.\n";

/// Where a rebuild makes the new index, inside the index folder, before swapping it in.
pub(super) const ASIDE_FOLDER: &str = ".newsearch-rebuild";

/// Files a version-controlled, otherwise empty folder holds so that it exists in a clone (the
/// repository's own `index/`): such a folder counts as empty, and newsearch never deletes
/// them (it deletes only the files whose names it writes).
const PLACEHOLDERS: [&str; 2] = [".gitignore", ".gitkeep"];

/// tantivy's lock files.
const LOCK_FILES: [&str; 2] = [".tantivy-writer.lock", ".tantivy-meta.lock"];

/// The side files newsearch writes next to tantivy's.
const SIDE_FILES: [&str; 3] = [
    "near-duplicates.json",
    "near-duplicates.json.partial",
    MARKER_FILE,
];

/// What a folder given with `--index` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum IndexFolder {
    /// Nothing at that path: an index may be made there.
    Missing,
    /// An empty folder: an index may be made there.
    Empty,
    /// A folder with newsearch's marker: newsearch's to open, rebuild and clean.
    Marked,
    /// A folder made by a version of newsearch before markers: `meta.json` with newsearch's
    /// fields and nothing but files newsearch writes. Newsearch's too.
    Unmarked,
    /// Anything else: someone else's files, never touched. The reason says what was seen.
    Foreign(String),
}

/// Looks at the folder (without changing anything) and says whose it is.
pub(crate) fn inspect(directory: &Path) -> Result<IndexFolder> {
    let io_error = |source| Error::Io {
        path: directory.to_path_buf(),
        source,
    };
    let metadata = match std::fs::metadata(directory) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(IndexFolder::Missing)
        }
        Err(error) => return Err(io_error(error)),
    };
    if !metadata.is_dir() {
        return Ok(IndexFolder::Foreign("it is a file".to_string()));
    }
    if holds_marker(directory) {
        return Ok(IndexFolder::Marked);
    }
    let mut names = Vec::new();
    for entry in std::fs::read_dir(directory).map_err(io_error)? {
        names.push(entry.map_err(io_error)?.file_name());
    }
    if names
        .iter()
        .all(|name| PLACEHOLDERS.iter().any(|kept| name == kept))
    {
        return Ok(IndexFolder::Empty);
    }
    let mut foreign: Vec<String> = names
        .iter()
        .filter(|name| !is_newsearch_file(name))
        .map(|name| name.to_string_lossy().into_owned())
        .collect();
    if !foreign.is_empty() {
        foreign.sort();
        let shown = foreign.len().min(3);
        let more = if foreign.len() > shown { ", …" } else { "" };
        return Ok(IndexFolder::Foreign(format!(
            "it holds files newsearch did not write: {}{more}",
            foreign[..shown].join(", ")
        )));
    }
    if has_newsearch_schema(&directory.join("meta.json")) {
        Ok(IndexFolder::Unmarked)
    } else {
        Ok(IndexFolder::Foreign(
            "its meta.json is not a newsearch index's".to_string(),
        ))
    }
}

/// Whether `directory` holds newsearch's marker.
pub(crate) fn holds_marker(directory: &Path) -> bool {
    std::fs::read_to_string(directory.join(MARKER_FILE))
        .is_ok_and(|text| text.lines().next() == Some(MARKER_FIRST_LINE))
}

/// Writes the marker (at creation, or to adopt an index made before markers).
pub(crate) fn write_marker(directory: &Path) -> Result<()> {
    let path = directory.join(MARKER_FILE);
    std::fs::write(&path, MARKER_TEXT).map_err(|source| Error::Io { path, source })
}

/// Whether `meta.json` is a tantivy index description with the fields only newsearch's
/// indexes have (every version's).
fn has_newsearch_schema(meta: &Path) -> bool {
    let Ok(bytes) = std::fs::read(meta) else {
        return false;
    };
    let Ok(meta) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return false;
    };
    let Some(fields) = meta["schema"].as_array() else {
        return false;
    };
    FIELDS_OF_EVERY_VERSION.iter().all(|name| {
        fields
            .iter()
            .any(|field| field["name"].as_str() == Some(name))
    })
}

/// Whether a name in an index folder is one newsearch (or tantivy for it) writes.
pub(crate) fn is_newsearch_file(name: &OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    name == "meta.json"
        || name == ".managed.json"
        || name == ASIDE_FOLDER
        || LOCK_FILES.contains(&name)
        || SIDE_FILES.contains(&name)
        || is_temporary_file(name)
        || segment_of(name).is_some()
}

/// The segment id (32 hexadecimal digits) a tantivy segment file belongs to:
/// `<id>.idx`, `.pos`, `.term`, `.store`, `.store.temp`, `.fast`, `.fieldnorm`, `<id>.<opstamp>.del`.
pub(crate) fn segment_of(name: &str) -> Option<&str> {
    let (id, component) = name.split_at_checked(32)?;
    if !id.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        return None;
    }
    let component = component.strip_prefix('.')?;
    let known = matches!(
        component,
        "idx" | "pos" | "term" | "store" | "store.temp" | "fast" | "fieldnorm"
    ) || component.strip_suffix(".del").is_some_and(|opstamp| {
        !opstamp.is_empty() && opstamp.bytes().all(|byte| byte.is_ascii_digit())
    });
    known.then_some(id)
}

/// tantivy's atomic writes go through a temporary file `.tmpXXXXXX` in the folder; a killed
/// process may leave one.
fn is_temporary_file(name: &str) -> bool {
    name.strip_prefix(".tmp")
        .is_some_and(|rest| rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether newsearch may delete this entry of its index folder when it is not in use: a
/// segment file, a temporary file or a side file being replaced; never the marker, a lock or
/// `meta.json`.
pub(crate) fn is_disposable(name: &str) -> bool {
    segment_of(name).is_some() || is_temporary_file(name) || name == "near-duplicates.json.partial"
}

/// Removes `path`, a file newsearch wrote; one already gone is fine.
pub(crate) fn remove_own_file(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(Error::Io {
            path: path.to_path_buf(),
            source: error,
        }),
        _ => Ok(()),
    }
}

/// The entries of an index folder whose names newsearch writes, with their full paths.
pub(crate) fn own_entries(directory: &Path) -> Result<Vec<(String, PathBuf)>> {
    let io_error = |source| Error::Io {
        path: directory.to_path_buf(),
        source,
    };
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(directory).map_err(io_error)? {
        let entry = entry.map_err(io_error)?;
        if let Some(name) = entry.file_name().to_str() {
            if is_newsearch_file(OsStr::new(name)) {
                entries.push((name.to_string(), entry.path()));
            }
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEGMENT: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn segment_files_are_recognised_by_name() {
        for component in [
            "idx",
            "pos",
            "term",
            "store",
            "store.temp",
            "fast",
            "fieldnorm",
            "17.del",
        ] {
            assert_eq!(segment_of(&format!("{SEGMENT}.{component}")), Some(SEGMENT));
        }
        for name in [
            "0123456789abcdef0123456789abcdeg.idx",
            "0123456789abcdef0123456789abcde.idx",
            &format!("{SEGMENT}.docx"),
            &format!("{SEGMENT}.del"),
            &format!("{SEGMENT}.x1.del"),
            &format!("{SEGMENT}idx"),
            "meta.json",
            "é",
        ] {
            assert_eq!(segment_of(name), None, "{name}");
        }
    }

    #[test]
    fn newsearch_names_and_others() {
        for name in [
            "meta.json",
            ".managed.json",
            ".tantivy-writer.lock",
            "near-duplicates.json",
            MARKER_FILE,
            ".tmpAb3dE9",
            &format!("{SEGMENT}.store"),
        ] {
            assert!(is_newsearch_file(OsStr::new(name)), "{name}");
        }
        for name in [
            "precieux.docx",
            "sub",
            "notes.md",
            ".tmp",
            "index.html",
            ".git",
        ] {
            assert!(!is_newsearch_file(OsStr::new(name)), "{name}");
        }
        assert!(!is_disposable("meta.json"));
        assert!(!is_disposable(MARKER_FILE));
        assert!(is_disposable(&format!("{SEGMENT}.3.del")));
    }

    #[test]
    fn folders_are_told_apart() {
        let root = tempfile::TempDir::new().unwrap();
        let folder = root.path().join("index");
        assert_eq!(inspect(&folder).unwrap(), IndexFolder::Missing);
        std::fs::create_dir(&folder).unwrap();
        assert_eq!(inspect(&folder).unwrap(), IndexFolder::Empty);
        std::fs::write(
            folder.join("meta.json"),
            r#"{"schema": [{"name": "title"}]}"#,
        )
        .unwrap();
        assert!(matches!(inspect(&folder).unwrap(), IndexFolder::Foreign(_)));
        std::fs::write(
            folder.join("meta.json"),
            r#"{"schema": [{"name": "id"}, {"name": "path"}, {"name": "text"}]}"#,
        )
        .unwrap();
        assert_eq!(inspect(&folder).unwrap(), IndexFolder::Unmarked);
        std::fs::write(folder.join("precieux.docx"), "x").unwrap();
        assert_eq!(
            inspect(&folder).unwrap(),
            IndexFolder::Foreign("it holds files newsearch did not write: precieux.docx".into())
        );
        std::fs::write(folder.join(MARKER_FILE), "a note of mine").unwrap();
        assert!(matches!(inspect(&folder).unwrap(), IndexFolder::Foreign(_)));
        write_marker(&folder).unwrap();
        assert_eq!(inspect(&folder).unwrap(), IndexFolder::Marked);
        assert!(matches!(
            inspect(&folder.join("precieux.docx")).unwrap(),
            IndexFolder::Foreign(_)
        ));
    }
}
