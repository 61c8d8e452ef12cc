//! `Article`: the one domain type that every input format is read into and the index stores.

use std::path::PathBuf;

use crate::date::Date;

/// A publication date and how it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicationDate {
    pub date: Date,
    /// The page gave day, month and weekday but no year; the year was inferred from the weekday.
    pub year_inferred: bool,
}

/// One news article, as read from any input format.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// Stable identifier: the same source always yields the same id.
    pub id: String,
    pub title: String,
    pub date: Option<PublicationDate>,
    pub category: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// The publisher or site, when the input names it.
    pub source: Option<String>,
    /// The article text only, paragraphs separated by blank lines.
    pub body: String,
    /// The file the article was read from.
    pub path: PathBuf,
}
