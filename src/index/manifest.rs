//! The manifest: which files the index holds articles from, as they were when read, saved in each commit so that it always matches the committed articles.
//!
//! It travels as tantivy's commit payload (in `meta.json`), so a commit writes the articles
//! and the manifest in one atomic step: after a crash the manifest describes exactly the
//! committed articles. It also carries the index format, so that an index made by another
//! version of newsearch is recognised.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::Metadata;
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use tantivy::Index;

/// The format of the index this version writes and reads. Change it whenever the schema,
/// what is stored or the analyzer's terms change meaning (5: the stop words inside
/// hyphenated names are terms, those of compounds in lower case are not).
pub(super) const INDEX_FORMAT: u32 = 5;

/// The files whose articles the index holds, by path key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Manifest {
    pub format: u32,
    pub files: BTreeMap<String, FileState>,
    /// Files some of whose articles were not indexed because a copy of them was (another
    /// copy of the archive): they are read again on every run, so that their articles take
    /// over when the copy goes.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub copies: BTreeSet<String>,
    /// The `--field FIELD=KEY` mappings the files were read with, kept for the runs that
    /// give none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}

/// A file as it was when its articles were read: a file whose size and modification time
/// are unchanged is not read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FileState {
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 when the system gives none).
    pub modified_ns: u64,
}

/// Why a commit payload is not a manifest this version can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ManifestError {
    /// Written by another version of newsearch, in this format.
    OtherFormat(u32),
    /// Not a manifest at all.
    Unreadable(String),
}

impl Manifest {
    /// The manifest of the last commit. An index committed without one (made before
    /// manifests existed, or just created) has an empty one: every file is read again.
    pub(crate) fn of(index: &Index) -> tantivy::Result<Result<Manifest, ManifestError>> {
        Ok(Manifest::from_payload(
            index.load_metas()?.payload.as_deref(),
        ))
    }

    fn from_payload(payload: Option<&str>) -> Result<Manifest, ManifestError> {
        let Some(payload) = payload else {
            return Ok(Manifest::default());
        };
        #[derive(Deserialize)]
        struct Format {
            format: u32,
        }
        let format = serde_json::from_str::<Format>(payload)
            .map_err(|error| ManifestError::Unreadable(error.to_string()))?
            .format;
        if format != INDEX_FORMAT {
            return Err(ManifestError::OtherFormat(format));
        }
        serde_json::from_str(payload).map_err(|error| ManifestError::Unreadable(error.to_string()))
    }

    /// The `--field` mappings of the last commit of the index in `directory`, read from its
    /// `meta.json` alone: a rebuild keeps them even when the index's segments are damaged
    /// or its format is another. Empty when `meta.json` holds none.
    pub(crate) fn stored_fields(directory: &Path) -> Vec<String> {
        let fields = || -> Option<Vec<String>> {
            let meta = std::fs::read(directory.join("meta.json")).ok()?;
            let meta: serde_json::Value = serde_json::from_slice(&meta).ok()?;
            let payload: serde_json::Value =
                serde_json::from_str(meta["payload"].as_str()?).ok()?;
            serde_json::from_value(payload["fields"].clone()).ok()
        };
        fields().unwrap_or_default()
    }

    /// The payload to commit.
    pub(crate) fn to_payload(&self) -> String {
        serde_json::to_string(self).expect("a manifest is plain data")
    }

    /// The key a file is known by in the manifest and in the index's `path` field: its path as text.
    pub(crate) fn key(path: &Path) -> String {
        path.to_string_lossy().into_owned()
    }
}

impl Default for Manifest {
    fn default() -> Manifest {
        Manifest {
            format: INDEX_FORMAT,
            files: BTreeMap::new(),
            copies: BTreeSet::new(),
            fields: Vec::new(),
        }
    }
}

impl FileState {
    /// The state of a file from its metadata.
    pub(crate) fn of(metadata: &Metadata) -> FileState {
        let modified_ns = metadata
            .modified()
            .ok()
            .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |since| since.as_nanos() as u64);
        FileState {
            size: metadata.len(),
            modified_ns,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_round_trip() {
        let mut manifest = Manifest::default();
        manifest.files.insert(
            "/news/a.txt".to_string(),
            FileState {
                size: 12,
                modified_ns: 1_700_000_000_000_000_000,
            },
        );
        manifest.fields = vec!["body=contenu".to_string()];
        let payload = serde_json::to_string(&manifest).unwrap();
        assert_eq!(Manifest::from_payload(Some(&payload)), Ok(manifest));
        assert_eq!(Manifest::from_payload(None), Ok(Manifest::default()));
    }

    #[test]
    fn other_formats_and_garbage_are_told_apart() {
        assert_eq!(
            Manifest::from_payload(Some(r#"{"format": 7, "files": {}}"#)),
            Err(ManifestError::OtherFormat(7))
        );
        assert!(matches!(
            Manifest::from_payload(Some("pas du JSON")),
            Err(ManifestError::Unreadable(_))
        ));
    }
}
