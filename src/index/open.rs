//! Opening an index directory: create it, or open it with the analyzers registered and its schema checked.

use std::path::{Path, PathBuf};

use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexReader, IndexSettings, ReloadPolicy, TantivyError};

use crate::analysis;
use crate::error::{Error, Result};

use super::manifest::{Manifest, ManifestError, INDEX_FORMAT};
use super::schema::ArticleFields;

/// An open newsearch index and the handles on its fields.
pub struct ArticleIndex {
    pub index: Index,
    pub fields: ArticleFields,
    /// Where it lives (side files such as the near-duplicate groups are there too).
    pub directory: PathBuf,
}

/// Whether `directory` holds an index (tantivy's `meta.json`).
fn holds_index(directory: &Path) -> bool {
    directory.join("meta.json").is_file()
}

/// How many times opening is tried before an index is called damaged.
const OPEN_ATTEMPTS: u32 = 3;

/// Opens the index in `directory`; an error says to run `newsearch index` when there is none.
pub fn open_index(directory: &Path) -> Result<ArticleIndex> {
    if !holds_index(directory) {
        return Err(Error::NoIndex {
            path: directory.to_path_buf(),
        });
    }
    // A run in another process may commit and merge between our reading `meta.json` and
    // opening the files it lists, deleting some of them: read the newer commit and try again.
    let mut attempt = 1;
    loop {
        match open_committed(directory) {
            Err(Error::DamagedIndex { .. }) if attempt < OPEN_ATTEMPTS => {
                attempt += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            result => return result,
        }
    }
}

/// Opens the index as of the commit `meta.json` names now.
fn open_committed(directory: &Path) -> Result<ArticleIndex> {
    let path = || directory.to_path_buf();
    let damaged = |error: TantivyError| opening_error(directory, error);
    let index = Index::open_in_dir(directory).map_err(damaged)?;
    let schema = index.schema();
    let fields = ArticleFields::from_schema(&schema).map_err(|reason| {
        // An index with newsearch's own fields but not all of today's was made by another version.
        let is_newsearch = ["id", "path", "text"]
            .iter()
            .all(|name| schema.get_field(name).is_ok());
        if is_newsearch {
            Error::IncompatibleIndex {
                path: path(),
                reason,
            }
        } else {
            Error::NotAnIndex {
                path: path(),
                reason,
            }
        }
    })?;
    load_manifest(&index, directory)?;
    analysis::register(index.tokenizers());
    // Every segment file is opened now, so that a missing or truncated one is reported here
    // with what to do, rather than in the middle of a query.
    index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map(|_: IndexReader| ())
        .map_err(damaged)?;
    Ok(ArticleIndex {
        index,
        fields,
        directory: directory.to_path_buf(),
    })
}

/// The manifest of the index's last commit; an error says to rebuild an index of another
/// format or with an unreadable manifest.
pub fn load_manifest(index: &Index, directory: &Path) -> Result<Manifest> {
    let path = directory.to_path_buf();
    match Manifest::of(index).map_err(|error| opening_error(directory, error))? {
        Ok(manifest) => Ok(manifest),
        Err(ManifestError::OtherFormat(format)) => Err(Error::IncompatibleIndex {
            path,
            reason: format!("index format {format}; this version reads format {INDEX_FORMAT}"),
        }),
        Err(ManifestError::Unreadable(reason)) => Err(Error::DamagedIndex {
            path,
            reason: format!("unreadable manifest: {reason}"),
        }),
    }
}

/// What a tantivy error met while opening an index means for the user.
fn opening_error(directory: &Path, error: TantivyError) -> Error {
    let path = directory.to_path_buf();
    match error {
        TantivyError::IncompatibleIndex(reason) => Error::IncompatibleIndex {
            path,
            reason: format!("{reason:?}"),
        },
        TantivyError::SchemaError(reason) => Error::NotAnIndex { path, reason },
        other => Error::DamagedIndex {
            path,
            reason: other.to_string(),
        },
    }
}

/// Deletes the index in `directory` so that the next run builds it anew. Refuses to delete
/// a directory that holds anything but an index (it may be the user's files).
pub fn delete_index(directory: &Path) -> Result<()> {
    let io_error = |source| Error::Io {
        path: directory.to_path_buf(),
        source,
    };
    if !directory.exists() {
        return Ok(());
    }
    if !holds_index(directory) {
        let is_empty = std::fs::read_dir(directory)
            .map_err(io_error)?
            .next()
            .is_none();
        if is_empty {
            return Ok(());
        }
        return Err(Error::InvalidOption(format!(
            "--rebuild: {} holds no index (no meta.json), so it is left alone; point --index at an index directory",
            directory.display()
        )));
    }
    for entry in std::fs::read_dir(directory).map_err(io_error)? {
        let path = entry.map_err(io_error)?.path();
        let removed = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
    }
    Ok(())
}

/// How stored articles are kept: zstd (level 1) instead of tantivy's default lz4, on blocks
/// of the same 16 KiB so that showing a hit still decompresses one small block. On orangesum
/// the store went from 58 to 39 MB, and the whole index from 0.51 to 0.39 times the JSON Lines
/// (level 3); level 1 compresses a quarter faster for a store 5% larger (41 MB, 0.40 times).
fn stored_text_settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(1),
        }),
        docstore_blocksize: 16 * 1024,
        ..IndexSettings::default()
    }
}

/// Opens the index in `directory`, creating the directory and an empty index if needed.
pub fn open_or_create_index(directory: &Path) -> Result<ArticleIndex> {
    if holds_index(directory) {
        return open_index(directory);
    }
    std::fs::create_dir_all(directory).map_err(|source| Error::Io {
        path: directory.to_path_buf(),
        source,
    })?;
    let index = Index::builder()
        .schema(ArticleFields::new_schema())
        .settings(stored_text_settings())
        .create_in_dir(directory)?;
    analysis::register(index.tokenizers());
    let fields = ArticleFields::from_schema(&index.schema())
        .expect("the schema newsearch writes has every field");
    Ok(ArticleIndex {
        index,
        fields,
        directory: directory.to_path_buf(),
    })
}
