//! Command-line arguments as clap sees them: data only, the doc comments are the help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Full-text search for French news articles: index scraped pages, query them with ranked
/// snippets and date/category facets.
#[derive(Debug, Parser)]
#[command(name = "newsearch", version, max_term_width = 100)]
pub struct Cli {
    /// The index directory.
    #[arg(
        long,
        global = true,
        env = "NEWSEARCH_INDEX",
        default_value = "index",
        value_name = "DIR"
    )]
    pub index: PathBuf,

    /// When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index the articles in files and folders (again: a re-indexed file replaces its articles).
    Index(IndexArgs),
    /// Search the index: ranked articles with a highlighted passage, then facet counts.
    Query(QueryArgs),
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files and folders to index; folders are read recursively (hidden entries skipped).
    #[arg(default_value = "corpus", value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Read a JSON key as an article field: `--field body=contenu` (repeatable; fields: id,
    /// title, body, date, category, author, url, source).
    #[arg(long = "field", value_name = "FIELD=KEY")]
    pub fields: Vec<String>,

    /// Delete the index and build it again from these inputs (for an index made by another
    /// version). Only a directory that holds an index is ever deleted.
    #[arg(long)]
    pub rebuild: bool,

    /// Memory for the index writer's buffers, in MiB.
    #[arg(long, default_value_t = 256, value_name = "MIB")]
    pub memory: usize,
}

/// Exit status: 0 when articles match, 1 when none do, 2 on error.
#[derive(Debug, Args)]
#[command(after_help = "QUERY SYNTAX:\n  \
    word             articles with the word (accents, case and inflections do not matter)\n  \
    \"exact phrase\"   the words together, in this order (always required)\n  \
    -word -\"phrase\"  leave out articles with the word or phrase\n\n\
    By default (--any) an article matches if it has any of the words, ranked by relevance:\n\
    more of the words, rarer words, words in the title and words standing together rank\n\
    higher. --all keeps only the articles with every word.\n\n\
EXAMPLES:\n  \
    newsearch query \"Corée du Nord\"\n  \
    newsearch query '\"Corée du Nord\" -Russie' --since 2024-10 --category International\n  \
    newsearch query \"l'economie\" --json | jq '.hits[].title'")]
pub struct QueryArgs {
    /// What to search for: words, "exact phrases", -exclusions (several arguments are joined
    /// by spaces; put the query in quotes when it starts with -).
    #[arg(value_name = "TEXT", required_unless_present = "batch", num_args = 1..)]
    pub text: Vec<String>,

    /// Run every query of FILE (one per line, `id<TAB>text` or `text`; blank lines and lines
    /// starting with # skipped) and print one JSON line per query with its id and time.
    #[arg(long, value_name = "FILE", conflicts_with = "text")]
    pub batch: Option<PathBuf>,

    /// How many articles to show.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,

    /// How many of the best articles to skip (for paging).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,

    /// Only articles that contain every word.
    #[arg(long, conflicts_with = "any")]
    pub all: bool,

    /// Articles with any word, ranked by relevance (the default).
    #[arg(long)]
    pub any: bool,

    /// Also find words typed with a typo or two (one edit in words of up to 7 letters once
    /// stemmed, two beyond; none under 4). Off by default: queries without it cost nothing more.
    #[arg(long)]
    pub fuzzy: bool,

    /// Only articles of this category (repeat for several; case and accents do not matter).
    #[arg(long = "category", value_name = "NAME")]
    pub categories: Vec<String>,

    /// Only articles published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only articles published on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD; a month or year
    /// includes its last day).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// The period of the date facet.
    #[arg(long, value_enum, default_value_t = FacetDate::Month, value_name = "UNIT")]
    pub facet_date: FacetDate,

    /// Print one JSON document (schema in the README) instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FacetDate {
    Year,
    Month,
    Day,
}
