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

    /// Where the articles are: the embedded index in --index (tantivy, the default) or an
    /// OpenSearch cluster (--url, --os-index).
    #[arg(long, global = true, value_enum, env = "NEWSEARCH_ENGINE", default_value_t = EngineName::Tantivy, value_name = "ENGINE")]
    pub engine: EngineName,

    /// The OpenSearch cluster, with --engine opensearch: one or more node URLs,
    /// comma-separated (http://HOST:9200); when one stops answering, the next is used.
    #[arg(
        long,
        global = true,
        env = "NEWSEARCH_URL",
        value_delimiter = ',',
        value_name = "URL"
    )]
    pub url: Vec<String>,

    /// The OpenSearch index that holds the articles, with --engine opensearch (the files read
    /// are listed in NAME-files).
    #[arg(
        long = "os-index",
        global = true,
        env = "NEWSEARCH_OS_INDEX",
        default_value = "newsearch",
        value_name = "NAME"
    )]
    pub os_index: String,

    /// When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index the articles in files and folders; run again, it reads only new and changed files
    /// and removes the articles of files that are gone.
    Index(IndexArgs),
    /// Search the index: ranked articles with a highlighted passage, then facet counts.
    Query(QueryArgs),
    /// Print one article in full: its fields, its whole text and its near-duplicates.
    Show(ShowArgs),
    /// Find the articles most like one (more like this), its near-duplicates left out.
    Similar(SimilarArgs),
    /// What the index holds: articles, dates, categories, months, duplicate groups, size.
    Stats(StatsArgs),
}

/// Exit status: 0 when the article is found, 2 otherwise.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id (as `query` prints it in --json, or as `similar` and `show` list it).
    #[arg(value_name = "ID")]
    pub id: String,

    /// Print one JSON document (schema in the README) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Exit status: 0 when articles are found, 1 when none are, 2 on error (no such id).
#[derive(Debug, Args)]
pub struct SimilarArgs {
    /// The article's id.
    #[arg(value_name = "ID")]
    pub id: String,

    /// How many articles to show.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,

    /// How many of the most similar articles to skip (for paging).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,

    /// Show every article: do not fold near-duplicates into one result.
    #[arg(long)]
    pub no_collapse: bool,

    /// Print one JSON document (the schema of `query --json`) instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print one JSON document (schema in the README) instead of text.
    #[arg(long)]
    pub json: bool,
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

    /// Keep the articles of indexed files that are no longer found under these inputs (by
    /// default they are removed from the index).
    #[arg(long)]
    pub keep_missing: bool,

    /// Commit after this many new articles (and at the end): a killed or interrupted run
    /// keeps what was committed, and the next run goes on from there.
    #[arg(long, default_value_t = 10_000, value_name = "ARTICLES")]
    pub commit_every: u64,

    /// Memory for the index writer's buffers, in MiB.
    #[arg(long, default_value_t = 256, value_name = "MIB")]
    pub memory: usize,
}

/// Exit status: 0 when articles match, 1 when none do, 2 on error.
#[derive(Debug, Args)]
#[command(
    after_help = "QUERY SYNTAX (accents, case, elisions and inflections never matter):\n  \
    Corée Séoul          words: articles with any of them, best first (--all: every one)\n  \
    \"Corée du Nord\"      the words together, in this order (required)\n  \
    -Russie -\"Corée du Sud\" -l'Ukraine\n                       \
    leave out articles with the word or phrase\n  \
    Japon OR Bakou       either (OR in capitals; it binds tighter than spaces)\n  \
    (Macron retraites) OR Borne\n                       \
    parentheses group; inside them every word is required\n  \
    title:Séoul  body:\"mer du Japon\"  title:(Corée OR Japon)\n                       \
    only in the title, or only in the body\n  \
    category:Économie  author:\"Claire Dubois\"  source:AFP  author:clai*\n                       \
    the whole value (case and accents ignored), or values starting with it\n  \
    gouvern*  l'écono*   words starting with it (at least 2 letters)\n  \
    date:2024-10  date:2024-10-01..2024-11-15  date:2024..  date:..2020\n                       \
    published in that period or range\n\n\
Plain words are optional (any of them, at least one); everything else is required. A\n\
query that cannot be read (unbalanced parenthesis, dangling OR, bad date) is refused with\n\
the column of the problem and exit status 2. --fuzzy also finds words with a typo.\n\n\
EXAMPLES:\n  \
    newsearch query \"Corée du Nord\"\n  \
    newsearch query 'title:\"corée du nord\" -Russie date:2024-10' --sort date\n  \
    newsearch query '(Japon OR Corée) missiles' --facets category,author --facet-limit 5\n  \
    newsearch query \"l'economie\" --json | jq '.hits[].title'"
)]
pub struct QueryArgs {
    /// What to search for, in the query syntax below (several arguments are joined by spaces;
    /// put the query in quotes when it starts with -).
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

    /// The order of the results: relevance, date (newest first) or -date (oldest first).
    /// Undated articles come last in both date orders; equal scores are newest first.
    #[arg(
        long,
        default_value = "relevance",
        value_name = "ORDER",
        allow_hyphen_values = true,
        value_parser = ["relevance", "date", "-date"]
    )]
    pub sort: String,

    /// Blend recency into relevance: each score is multiplied by 0.5^(age / HALF_LIFE), the age
    /// counted from the newest article in the index (e.g. 30d, 2w, 6m, 1y; undated articles
    /// count as the oldest).
    #[arg(long, value_name = "HALF_LIFE")]
    pub recency: Option<String>,

    /// Show every article: do not fold near-duplicates (copies of one story) into one result.
    #[arg(long)]
    pub no_collapse: bool,

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

    /// The facets to count over all matches, comma-separated: category, date, author, source.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "category,date",
        value_name = "LIST"
    )]
    pub facets: Vec<FacetName>,

    /// The date facet: per year, month or day, or per range, as comma-separated FROM..TO
    /// (YYYY, YYYY-MM or YYYY-MM-DD; an open end left empty): `2023,2024-01..2024-06,2024-07..`.
    #[arg(long, default_value = "month", value_name = "UNIT|RANGES")]
    pub facet_date: String,

    /// At most N values per facet (the most frequent; for dates, the newest periods); the
    /// count of articles without a value is always shown.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub facet_limit: usize,

    /// Print one JSON document (schema in the README) instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EngineName {
    /// The embedded tantivy index.
    Tantivy,
    /// An OpenSearch cluster.
    Opensearch,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FacetName {
    Category,
    Date,
    Author,
    Source,
}
