//! newsearch: full-text search for French news articles.

pub mod analysis;
pub mod article;
pub mod date;
pub mod extract;
