//! Command-line arguments as clap sees them: data only, the doc comments are the help.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Full-text search for French news articles: index scraped pages, query them with ranked
/// snippets and date/category facets.
#[derive(Debug, Parser)]
#[command(name = "newsearch", version, max_term_width = 100)]
pub(crate) struct Cli {
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
        default_value = crate::engine::opensearch::DEFAULT_INDEX,
        value_name = "NAME"
    )]
    pub os_index: String,

    /// The settings file to read (TOML: index, engine, url, os-index), instead of the
    /// user's ($XDG_CONFIG_HOME/newsearch/config.toml) and ./newsearch.toml; flags and
    /// environment variables take precedence over it. `--config /dev/null` reads none.
    #[arg(long, global = true, env = "NEWSEARCH_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
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
    /// Serve the index read-only over HTTP: a web page to search it, and a JSON API for programs.
    Serve(ServeArgs),
    /// Show what newsearch reads from files, without indexing: every field with the clue that
    /// decided it, then the text that would be indexed.
    Extract(ExtractArgs),
}

/// Exit status: 0 when every file gives its articles, 1 when a file or record cannot be read
/// (named with its reason).
#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// The files to read (pages as text, Markdown or HTML, or JSON records).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// Print one JSON document (schema in the README) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Exit status: 0 when the article is found, 2 otherwise.
#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The article's id (as `query`, `similar` and `show` print it), or the file it was
    /// read from when that file holds one article.
    #[arg(value_name = "ID|FILE")]
    pub id: String,

    /// Mark the words of this query in the text, as `query` marks them in its passages
    /// (with --json: their offsets in `body_highlights`).
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub query: Option<String>,

    /// Print one JSON document (schema in the README) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Exit status: 0 when articles are found, 1 when none are, 2 on error (no such id).
#[derive(Debug, Args)]
pub(crate) struct SimilarArgs {
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
pub(crate) struct StatsArgs {
    /// Print one JSON document (schema in the README) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs until stopped (Ctrl-C); exit status 2 when the index cannot be opened or the address
/// cannot be listened on.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The address to listen on, IP:PORT (port 0: any free port, printed at startup). Any
    /// address but loopback lets every machine that reaches this one read the whole index:
    /// the server has no authentication.
    #[arg(long, default_value = "127.0.0.1:7700", value_name = "IP:PORT")]
    pub addr: SocketAddr,

    /// At most this many queries run at once; the others wait their turn within their time
    /// budget [default: twice the number of cores].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub max_queries: Option<u32>,

    /// A query's time budget, waiting included (e.g. 500ms, 10s): over it the answer is an
    /// error (503) and the server goes on.
    #[arg(long, default_value = "10s", value_name = "DURATION")]
    pub query_timeout: String,

    /// At most this many open connections; more wait until one closes.
    #[arg(long, default_value_t = 512, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=65536))]
    pub max_connections: u32,
}

#[derive(Debug, Args)]
pub(crate) struct IndexArgs {
    /// Files and folders to index; folders are read recursively (hidden entries skipped).
    #[arg(default_value = "corpus", value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Read a JSON key as an article field: `--field body=contenu` (repeatable; fields: id,
    /// title, body, date, category, author, url, source). The mappings are stored with the
    /// index: later runs without --field use them; new ones replace them.
    #[arg(long = "field", value_name = "FIELD=KEY")]
    pub fields: Vec<String>,

    /// Do not read the files and folders this glob matches below the inputs, as a line of
    /// a `.gitignore` would (repeatable: `--exclude '*.csv' --exclude brouillons/`). Files that
    /// `.gitignore` and `.ignore` files leave out are never read.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// List on stderr the files in formats newsearch does not read (the summary counts them).
    #[arg(long, short = 'v')]
    pub verbose: bool,

    /// Forget the --field mappings stored with the index (the dumps are read again without them).
    #[arg(long, conflicts_with = "fields")]
    pub forget_fields: bool,

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
    Corée Séoul          words: articles with every one match (counted, faceted, first by\n                       \
    date); those with only some follow by relevance, marked partial\n  \
    \"Corée du Nord\"      the words together, in this order (required)\n  \
    -Russie -\"Corée du Sud\" -l'Ukraine\n                       \
    leave out articles with the word or phrase\n  \
    Japon OR Bakou       either (OR in capitals; it binds tighter than spaces)\n  \
    (Macron retraites) OR Borne\n                       \
    parentheses group; inside them every word is required\n  \
    Trump AND Poutine    both required;  Trump NOT Corée: as -Corée;  +Séoul: required\n  \
    \"Trump Poutine\"~5    the words at most 5 moves apart;  Pyongyagn~: typos in that word\n  \
    title:Séoul  body:\"mer du Japon\"  title:(Corée OR Japon)\n                       \
    only in the title, or only in the body\n  \
    category:Économie  author:\"Claire Dubois\"  source:AFP  author:clai*\n                       \
    the whole value (case and accents ignored), or values starting with it\n  \
    gouvern*  l'écono*   words starting with it (at least 2 letters)\n  \
    date:2024-10  date:2024-10-01..2024-11-15  date:2024..  date:..2020\n                       \
    published in that period or range\n\n\
Plain words count all together (--any: any of them; --all: show no partial match);\n\
everything else is required. A query that cannot be read (unbalanced parenthesis,\n\
dangling OR, bad date) is refused with the column of the problem and exit status 2.\n\
--fuzzy also finds words with a typo.\n\n\
EXAMPLES:\n  \
    newsearch query \"Corée du Nord\"\n  \
    newsearch query 'title:\"corée du nord\" -Russie date:2024-10' --sort date\n  \
    newsearch query '(Japon OR Corée) missiles' --facets category,author --facet-limit 5\n  \
    newsearch query \"l'economie\" --json | jq '.hits[].title'"
)]
pub(crate) struct QueryArgs {
    /// What to search for, in the query syntax below (several arguments are joined by spaces).
    /// An argument starting with - is query text (`-nucléaire`, `-"Corée du Sud"`) unless it
    /// starts with --, or is - and one letter (-n), or -n with its number (-n5); after a lone
    /// --, everything is text. Without text (or with `*`), every article is listed: browse
    /// with --since, --until, --category and --sort.
    #[arg(value_name = "TEXT", num_args = 0..)]
    pub text: Vec<String>,

    /// Run every query of FILE (`-`: standard input), one per line, `id<TAB>text` or `text`
    /// (blank lines and lines starting with # skipped), and print one JSON line per query
    /// with its id; a query that cannot be run gives a line with its id, line number and
    /// error, and the batch goes on.
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
        value_enum,
        default_value = "relevance",
        value_name = "ORDER",
        allow_hyphen_values = true
    )]
    pub sort: SortName,

    /// Blend recency into relevance: each score is multiplied by 0.5^(age / HALF_LIFE), the age
    /// counted from the newest article in the index (e.g. 30d, 2w, 6m, 1y; undated articles
    /// count as the oldest).
    #[arg(long, value_name = "HALF_LIFE")]
    pub recency: Option<String>,

    /// Show every article: do not fold near-duplicates (copies of one story) into one result.
    #[arg(long)]
    pub no_collapse: bool,

    /// Show only the articles that contain every word (no partial matches).
    #[arg(long, conflicts_with = "any")]
    pub all: bool,

    /// Count as a match every article with any of the words (by default only those with
    /// every word are counted; the others are shown as partial matches).
    #[arg(long)]
    pub any: bool,

    /// Also find words typed with a typo or two (one edit in words of up to 7 letters once
    /// stemmed, two beyond; none under 4). Off by default: queries without it cost nothing more.
    #[arg(long)]
    pub fuzzy: bool,

    /// Also use the synonyms of FILE: one group per line, names that stand for one another
    /// separated by commas (`Kyiv, Kiev, Kiiv`); `#` starts a comment. They add to the
    /// built-in list (a group sharing a name with a built-in one joins it).
    #[arg(long, value_name = "FILE")]
    pub synonyms: Option<PathBuf>,

    /// Do not use the built-in synonyms (Kiev/Kyiv, UE/Union européenne, …).
    #[arg(long)]
    pub no_synonyms: bool,

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
pub(crate) enum EngineName {
    /// The embedded tantivy index.
    Tantivy,
    /// An OpenSearch cluster.
    Opensearch,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The values of `--sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SortName {
    Relevance,
    // Newest first.
    Date,
    // Oldest first.
    #[value(name = "-date")]
    OldestFirst,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FacetName {
    Category,
    Date,
    Author,
    Source,
}
