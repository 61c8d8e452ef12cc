//! Opening an index directory: create it, or open it with the analyzers registered and its schema checked.

use std::path::{Path, PathBuf};

use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexReader, IndexSettings, ReloadPolicy, TantivyError};

use crate::analysis;
use crate::error::{Error, Result};

use super::document::ArticleFields;
use super::folder::{inspect, own_entries, segment_of, write_marker, IndexFolder};
use super::index_directory::IndexDirectory;
use super::manifest::{Manifest, ManifestError, INDEX_FORMAT};

/// An open newsearch index and the handles on its fields.
pub struct ArticleIndex {
    pub index: Index,
    pub fields: ArticleFields,
    /// Where it lives (side files such as the near-duplicate groups are there too).
    pub directory: PathBuf,
}

/// Whether `directory` holds tantivy's description of an index.
fn holds_meta(directory: &Path) -> bool {
    directory.join("meta.json").is_file()
}

/// How many times opening is tried before an index is called damaged.
const OPEN_ATTEMPTS: u32 = 3;

/// Opens the index in `directory`; an error says to run `newsearch index` when there is none,
/// and that the folder is not an index when it is not newsearch's.
pub fn open_index(directory: &Path) -> Result<ArticleIndex> {
    match inspect(directory)? {
        IndexFolder::Missing | IndexFolder::Empty => {
            return Err(Error::NoIndex {
                path: directory.to_path_buf(),
            })
        }
        IndexFolder::Foreign(reason) => {
            return Err(Error::NotAnIndex {
                path: directory.to_path_buf(),
                reason,
            })
        }
        IndexFolder::Marked if !holds_meta(directory) => return Err(missing_meta(directory)?),
        IndexFolder::Marked | IndexFolder::Unmarked => {}
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

/// What a marked folder without `meta.json` is: no index yet (a run killed before its first
/// commit leaves only the marker and locks), or a damaged one (segment files without the
/// description that names them, or `meta.json` replaced by something else).
fn missing_meta(directory: &Path) -> Result<Error> {
    let path = directory.to_path_buf();
    let damaged = directory.join("meta.json").exists()
        || own_entries(directory)?
            .iter()
            .any(|(name, _)| segment_of(name).is_some());
    Ok(if damaged {
        Error::DamagedIndex {
            path,
            reason: "meta.json is missing or is not a file".to_string(),
        }
    } else {
        Error::NoIndex { path }
    })
}

/// Opens the index as of the commit `meta.json` names now.
fn open_committed(directory: &Path) -> Result<ArticleIndex> {
    let path = || directory.to_path_buf();
    let damaged = |error: TantivyError| opening_error(directory, error);
    let folder = IndexDirectory::open(directory).map_err(|error| damaged(error.into()))?;
    let index = Index::open(folder).map_err(damaged)?;
    let schema = index.schema();
    // The folder is newsearch's: an index without all of today's fields was made by another version.
    let fields =
        ArticleFields::from_schema(&schema).map_err(|reason| Error::IncompatibleIndex {
            path: path(),
            reason,
        })?;
    load_manifest(&index, directory)?;
    analysis::register(index.tokenizers());
    // Every segment file is opened now, so that a missing or truncated one is reported here
    // with what to do, rather than in the middle of a query.
    let reader: IndexReader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(damaged)?;
    check_document_counts(directory, &reader, &fields)?;
    Ok(ArticleIndex {
        index,
        fields,
        directory: directory.to_path_buf(),
    })
}

/// Checks that each segment holds as many articles as `meta.json` says: tantivy trusts that
/// count, and reading past the real end of a segment panics.
fn check_document_counts(
    directory: &Path,
    reader: &IndexReader,
    fields: &ArticleFields,
) -> Result<()> {
    for segment in reader.searcher().segment_readers() {
        let held = segment
            .get_fieldnorms_reader(fields.text)
            .map_err(|error| opening_error(directory, error))?
            .num_docs();
        if held != segment.max_doc() {
            return Err(Error::DamagedIndex {
                path: directory.to_path_buf(),
                reason: format!(
                    "meta.json counts {} articles in segment {}, whose files hold {held}",
                    segment.max_doc(),
                    segment.segment_id().uuid_string()
                ),
            });
        }
    }
    Ok(())
}

/// The manifest of the index's last commit; an error says to rebuild an index of another
/// format or with an unreadable manifest.
pub(super) fn load_manifest(index: &Index, directory: &Path) -> Result<Manifest> {
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
        other => Error::DamagedIndex {
            path,
            reason: other.to_string(),
        },
    }
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

/// Opens the index in `directory` for an indexing run, creating it (and its marker) when the
/// folder does not exist or is empty. A folder that is not newsearch's is refused.
pub(crate) fn open_or_create_index(directory: &Path) -> Result<ArticleIndex> {
    let io_error = |source| Error::Io {
        path: directory.to_path_buf(),
        source,
    };
    match inspect(directory)? {
        IndexFolder::Foreign(reason) => {
            return Err(Error::NotAnIndex {
                path: directory.to_path_buf(),
                reason,
            })
        }
        IndexFolder::Unmarked => {
            let opened = open_index(directory)?;
            write_marker(directory)?;
            return Ok(opened);
        }
        IndexFolder::Marked if holds_meta(directory) => return open_index(directory),
        IndexFolder::Marked => {
            if let Error::DamagedIndex { path, reason } = missing_meta(directory)? {
                return Err(Error::DamagedIndex { path, reason });
            }
        }
        IndexFolder::Missing => {
            std::fs::create_dir_all(directory).map_err(io_error)?;
            write_marker(directory)?;
        }
        IndexFolder::Empty => write_marker(directory)?,
    }
    create_index(directory)
}

/// Makes an empty index in `directory`, a folder that holds newsearch's marker and nothing else
/// of an index.
pub(crate) fn create_index(directory: &Path) -> Result<ArticleIndex> {
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
