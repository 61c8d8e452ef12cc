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

pub use article::print_article;
pub use extracted::{
    print_extracted, ExtractReport, ExtractedArticle, ExtractedFile, ExtractedProblem,
};
pub use index_report::print_index_report;
pub use json::print_json;
pub use progress::ProgressBarReporter;
pub use stats::print_stats;
pub use style::Style;
pub use terminal_safe::{terminal_safe, terminal_safe_lines};
pub use text::print_results;
