//! The index: its schema, opening it, the indexing run, and near-duplicate groups.

mod changes;
mod groups_file;
mod indexer;
mod manifest;
pub mod near_duplicates;
mod open;
pub mod schema;

pub(crate) use changes::changes;
pub use groups_file::{live_signatures, load_groups, update_groups};
pub(crate) use indexer::discover;
pub use indexer::{index_files, IndexingOptions, IndexingProgress, IndexingReport, SkippedFile};
pub(crate) use manifest::{FileState, Manifest};
pub use near_duplicates::DuplicateGroups;
pub use open::{delete_index, open_index, open_or_create_index, ArticleIndex};
pub use schema::ArticleFields;
