//! The settings file: where newsearch finds it, what it may hold, and how its values fill in what neither the command line nor the environment gives.
//!
//! Precedence, highest first: a command-line flag, its environment variable, the settings
//! files, the built-in default. The files are TOML:
//!
//! ```toml
//! index = "archives/index"   # relative to the file's folder
//! engine = "opensearch"      # or "tantivy"
//! url = ["http://10.0.0.5:9200", "http://10.0.0.6:9200"]   # or one string, comma-separated
//! os-index = "lemonde"
//! ```
//!
//! `--config FILE` (`NEWSEARCH_CONFIG`) names the one file to read; otherwise the user's
//! file (`$XDG_CONFIG_HOME/newsearch/config.toml`, or `~/.config/newsearch/config.toml`)
//! is read, then `newsearch.toml` in the current folder, whose keys take precedence.

use std::path::{Path, PathBuf};

use clap::parser::ValueSource;
use clap::{ArgMatches, ValueEnum};
use serde::Deserialize;
use toml::Spanned;

use crate::cli::{Cli, EngineName};
use crate::error::{Error, Result};

/// The file read in the current folder.
pub(crate) const PROJECT_FILE: &str = "newsearch.toml";

/// What a settings file may hold: the global options, by their long names.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Settings {
    index: Option<PathBuf>,
    engine: Option<Spanned<String>>,
    url: Option<Urls>,
    os_index: Option<String>,
}

/// One or more node URLs: a list, or one string with commas (as `--url` takes them).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Urls {
    List(Vec<String>),
    Text(String),
}

impl Urls {
    fn into_list(self) -> Vec<String> {
        match self {
            Urls::List(urls) => urls,
            Urls::Text(text) => text.split(',').map(|url| url.trim().to_string()).collect(),
        }
    }
}

/// The settings of one file, checked, its relative paths made relative to its folder.
#[derive(Debug, Default)]
struct Checked {
    index: Option<PathBuf>,
    engine: Option<EngineName>,
    url: Option<Vec<String>>,
    os_index: Option<String>,
}

/// `cli` with the settings files' values for the options that `matches` (the same command
/// line) left to their defaults.
pub(crate) fn complete(mut cli: Cli, matches: &ArgMatches) -> Result<Cli> {
    let files = match &cli.config {
        Some(file) => vec![file.clone()],
        None => [user_file(), Some(PathBuf::from(PROJECT_FILE))]
            .into_iter()
            .flatten()
            .filter(|file| file.is_file())
            .collect(),
    };
    let mut settings = Checked::default();
    for file in files {
        let read = read(&file)?;
        settings = Checked {
            index: read.index.or(settings.index),
            engine: read.engine.or(settings.engine),
            url: read.url.or(settings.url),
            os_index: read.os_index.or(settings.os_index),
        };
    }
    let unset = |id: &str| {
        matches!(
            matches.value_source(id),
            None | Some(ValueSource::DefaultValue)
        )
    };
    if let Some(index) = settings.index.filter(|_| unset("index")) {
        cli.index = index;
    }
    if let Some(engine) = settings.engine.filter(|_| unset("engine")) {
        cli.engine = engine;
    }
    if let Some(url) = settings.url.filter(|_| unset("url")) {
        cli.url = url;
    }
    if let Some(os_index) = settings.os_index.filter(|_| unset("os_index")) {
        cli.os_index = os_index;
    }
    Ok(cli)
}

/// The user's settings file: `$XDG_CONFIG_HOME/newsearch/config.toml`, or under
/// `~/.config` when `XDG_CONFIG_HOME` is not set (or not absolute, as the XDG
/// specification says).
fn user_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|path| path.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .map(PathBuf::from)
                .map(|home| home.join(".config"))
        })?;
    Some(base.join("newsearch").join("config.toml"))
}

/// Reads and checks one settings file.
fn read(file: &Path) -> Result<Checked> {
    let text = std::fs::read_to_string(file).map_err(|source| Error::Io {
        path: file.to_path_buf(),
        source,
    })?;
    parse(file, &text)
}

fn parse(file: &Path, text: &str) -> Result<Checked> {
    let at = |offset: usize, message: String| {
        let (line, column) = line_and_column(text, offset);
        Error::Settings {
            path: file.to_path_buf(),
            line,
            column,
            message,
        }
    };
    let settings: Settings = toml::from_str(text).map_err(|error| {
        let offset = error.span().map_or(0, |span| span.start);
        let message = error.message().trim().to_string();
        // serde's words for a value that is neither of `Urls`' forms name a Rust type.
        let message = if message.contains("untagged enum Urls") {
            "url: use one string (\"http://HOST:9200\", commas between several) or a list of strings".to_string()
        } else {
            message
        };
        at(offset, message)
    })?;
    let engine = settings
        .engine
        .map(|engine| {
            EngineName::from_str(engine.get_ref(), true).map_err(|_| {
                at(
                    engine.span().start,
                    format!(
                        "engine {:?}: use \"tantivy\" or \"opensearch\"",
                        engine.get_ref()
                    ),
                )
            })
        })
        .transpose()?;
    let folder = file.parent().unwrap_or(Path::new(""));
    Ok(Checked {
        index: settings.index.map(|index| folder.join(index)),
        engine,
        url: settings.url.map(Urls::into_list),
        os_index: settings.os_index,
    })
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Checked> {
        parse(Path::new("conf/newsearch.toml"), text)
    }

    fn error(text: &str) -> String {
        parsed(text).unwrap_err().to_string()
    }

    #[test]
    fn every_setting_is_read_and_paths_are_the_files() {
        let settings = parsed(
            "# the archive\nindex = \"idx\"\nengine = \"OpenSearch\"\nurl = \"http://a:9200, http://b:9200\"\nos-index = \"lemonde\"\n",
        )
        .unwrap();
        assert_eq!(settings.index, Some(PathBuf::from("conf/idx")));
        assert_eq!(settings.engine, Some(EngineName::Opensearch));
        assert_eq!(
            settings.url,
            Some(vec![
                "http://a:9200".to_string(),
                "http://b:9200".to_string()
            ])
        );
        assert_eq!(settings.os_index.as_deref(), Some("lemonde"));
        let listed = parsed("url = [\"http://a:9200\"]\nindex = \"/srv/index\"").unwrap();
        assert_eq!(listed.url, Some(vec!["http://a:9200".to_string()]));
        assert_eq!(listed.index, Some(PathBuf::from("/srv/index")));
        assert!(parsed("").unwrap().engine.is_none());
    }

    #[test]
    fn errors_name_the_file_line_and_column() {
        let message = error("index = \"idx\"\nindx = \"x\"\n");
        assert!(
            message.starts_with("conf/newsearch.toml:2:1: "),
            "{message}"
        );
        assert!(message.contains("indx"), "{message}");
        assert!(message.contains("expected one of `index`"), "{message}");
        let message = error("url = [1, 2]");
        assert!(
            message.starts_with("conf/newsearch.toml:1:7: url: use one string"),
            "{message}"
        );
        let message = error("\n\nengine = \"lucene\"");
        assert!(
            message.starts_with("conf/newsearch.toml:3:10: "),
            "{message}"
        );
        assert!(
            message.contains("\"tantivy\" or \"opensearch\""),
            "{message}"
        );
        let message = error("index = 3\n");
        assert!(
            message.starts_with("conf/newsearch.toml:1:9: "),
            "{message}"
        );
        let message = error("# é\nindex = \"idx\nengine = \"tantivy\"\n");
        assert!(message.starts_with("conf/newsearch.toml:2:"), "{message}");
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_and_column("é = 1\nab", 7), (2, 1));
        assert_eq!(line_and_column("é = 1", 2), (1, 2));
        assert_eq!(line_and_column("é", 1), (1, 1));
    }
}
