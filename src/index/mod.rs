//! The index: its schema, opening it, and the indexing run.

mod indexer;
mod open;
pub mod schema;

pub use indexer::{index_files, IndexingOptions, IndexingProgress, IndexingReport, SkippedFile};
pub use open::{delete_index, open_index, open_or_create_index, ArticleIndex};
pub use schema::ArticleFields;
