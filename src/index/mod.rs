//! The index: its schema, opening it, the indexing run, and near-duplicate groups.

mod article_ids;
mod changes;
mod disk_space;
pub(crate) mod document;
mod field_mappings;
mod file_progress;
mod folder;
mod groups_file;
mod index_directory;
mod indexer;
mod indexing_run;
mod integrity;
mod manifest;
pub mod near_duplicates;
mod open;
mod rebuild;
mod walk;

pub(crate) use changes::{plan_reading, ReadingPlan};
pub use document::ArticleFields;
pub use field_mappings::{FieldMappings, FieldMappingsUsed};
pub(crate) use file_progress::FileProgress;
pub use folder::MARKER_FILE;
pub(crate) use groups_file::{live_signatures, load_groups, GROUPS_FILE};
pub use indexer::{index_files, IndexingOptions, IndexingProgress};
pub use indexer::{IndexingReport, MovedFolder, SkippedFile};
pub(crate) use integrity::failing_checksums;
pub(crate) use manifest::{FileState, Manifest};
pub use near_duplicates::DuplicateGroups;
pub use open::{open_index, ArticleIndex};
pub(crate) use walk::{discover, InputFile};
