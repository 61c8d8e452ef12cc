//! Printing: text for people, JSON for scripts, progress on stderr. Never imports tantivy.

mod article;
mod extracted;
mod index_report;
mod json;
mod progress;
mod stats;
mod style;
mod terminal_safe;
mod text;

pub(crate) use article::print_article;
pub(crate) use extracted::{
    print_extracted, ExtractReport, ExtractedArticle, ExtractedFile, ExtractedProblem,
};
pub(crate) use index_report::print_index_report;
pub(crate) use json::print_json;
pub(crate) use progress::ProgressBarReporter;
pub(crate) use stats::print_stats;
pub(crate) use style::Style;
pub(crate) use terminal_safe::{terminal_safe, terminal_safe_lines};
pub(crate) use text::print_results;
