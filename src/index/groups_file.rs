//! The near-duplicate groups of an index, kept in a small side file next to it and recomputed from every live article's signature after each indexing run.
//!
//! Groups depend on all articles (a new copy can join an old group, a deleted one can split
//! a group), so they are never stored per article: after each commit, all live signatures
//! are read from their fast field and grouped anew (about a second for 300,000 articles),
//! and the file is replaced atomically. The file maps signatures, not document addresses,
//! and names the snapshot it was made from: when it is missing, unreadable or made from
//! another snapshot (a run killed before its end), the groups are computed again in memory.

use std::hash::{BuildHasher, Hash, Hasher};
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::Searcher;

use crate::error::{Error, Result};

use super::document::signature_column;
use super::near_duplicates::{DuplicateGroups, MAX_DISTANCE};

/// The side file, in the index directory (tantivy leaves files it did not write alone).
pub(crate) const GROUPS_FILE: &str = "near-duplicates.json";

#[derive(Serialize, Deserialize)]
struct GroupsFile {
    max_distance: u32,
    /// The snapshot the groups were made from ([`snapshot_of`]); 0 in files made before.
    #[serde(default)]
    snapshot: u64,
    /// `[signature, group key]` for every signature in a group of two articles or more.
    groups: Vec<[u64; 2]>,
}

/// The signature of every live article of the snapshot.
pub(crate) fn live_signatures(searcher: &Searcher) -> Result<Vec<u64>> {
    let mut signatures = Vec::new();
    for segment in searcher.segment_readers() {
        let column = signature_column(segment)?;
        signatures.extend(segment.doc_ids_alive().filter_map(|doc| column.first(doc)));
    }
    Ok(signatures)
}

/// What tells one snapshot of the index from another: its segments and their deletions.
fn snapshot_of(searcher: &Searcher) -> u64 {
    let mut hasher = rustc_hash::FxBuildHasher.build_hasher();
    for segment in searcher.segment_readers() {
        segment.segment_id().uuid_string().hash(&mut hasher);
        segment.num_deleted_docs().hash(&mut hasher);
    }
    hasher.finish()
}

/// Groups the live articles of `searcher` and writes the side file in `directory`.
pub(crate) fn update_groups(directory: &Path, searcher: &Searcher) -> Result<DuplicateGroups> {
    let groups = DuplicateGroups::from_signatures(live_signatures(searcher)?);
    let mut entries: Vec<[u64; 2]> = groups
        .entries()
        .map(|(signature, key)| [signature, key])
        .collect();
    entries.sort_unstable();
    let file = GroupsFile {
        max_distance: MAX_DISTANCE,
        snapshot: snapshot_of(searcher),
        groups: entries,
    };
    let path = directory.join(GROUPS_FILE);
    let partial = directory.join(format!("{GROUPS_FILE}.partial"));
    let io_error = |source| Error::Io {
        path: path.clone(),
        source,
    };
    let json = serde_json::to_vec(&file).map_err(|error| io_error(error.into()))?;
    std::fs::write(&partial, json).map_err(io_error)?;
    std::fs::rename(&partial, &path).map_err(io_error)?;
    Ok(groups)
}

/// The groups of the articles `searcher` sees: those saved in `directory` when they were made
/// from this snapshot, else computed now (about a second for 300,000 articles).
pub(crate) fn load_groups(directory: &Path, searcher: &Searcher) -> Result<DuplicateGroups> {
    let snapshot = snapshot_of(searcher);
    let saved = std::fs::read(directory.join(GROUPS_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<GroupsFile>(&bytes).ok())
        .filter(|file| file.snapshot == snapshot && file.max_distance == MAX_DISTANCE);
    match saved {
        Some(file) => Ok(DuplicateGroups::from_entries(
            file.groups
                .into_iter()
                .map(|[signature, key]| (signature, key)),
        )),
        None => Ok(DuplicateGroups::from_signatures(live_signatures(searcher)?)),
    }
}
