//! The settings file end to end: `newsearch.toml` in the current folder, the user's file under `$XDG_CONFIG_HOME` (or `~/.config`), `--config FILE`, the precedence flags > environment > file > defaults, and a bad file named with its line.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use common::{bare_newsearch, fixtures};
use tempfile::TempDir;

/// A folder to run in, a home and a config home of its own.
struct Place {
    root: TempDir,
}

impl Place {
    fn new() -> Place {
        let place = Place {
            root: TempDir::new().unwrap(),
        };
        for folder in ["work", "home", "xdg"] {
            fs::create_dir(place.path(folder)).unwrap();
        }
        place
    }

    fn path(&self, relative: &str) -> std::path::PathBuf {
        self.root.path().join(relative)
    }

    fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// `newsearch` as typed in `work/`, with no newsearch setting but these variables.
    fn newsearch(&self, variables: &[(&str, &str)], arguments: &[&str]) -> Output {
        let mut command = Command::from_std(bare_newsearch());
        command
            .current_dir(self.path("work"))
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("xdg"))
            .envs(variables.iter().copied())
            .args(arguments)
            .output()
            .unwrap()
    }

    /// The index `stats` looked for (none exists): the path its error names.
    fn index_used(&self, variables: &[(&str, &str)], arguments: &[&str]) -> String {
        let output = self.newsearch(variables, &[&["stats"], arguments].concat());
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        stderr
            .split_once("no index at ")
            .and_then(|(_, rest)| rest.split_once(": run"))
            .unwrap_or_else(|| panic!("{stderr}"))
            .0
            .to_string()
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn newsearch_toml_in_the_current_folder_names_the_index_for_every_command() {
    let place = Place::new();
    place.write(
        "work/newsearch.toml",
        "# the archive\nindex = \"archive\"\n",
    );
    let news = fixtures().join("news");
    let indexed = place.newsearch(&[], &["index", news.to_str().unwrap()]);
    assert!(indexed.status.success(), "{}", stderr(&indexed));
    assert!(place.path("work/archive").is_dir());
    assert!(!place.path("work/index").exists());
    let found = place.newsearch(&[], &["query", "Corée", "--json"]);
    assert!(found.status.success(), "{}", stderr(&found));
    let results: serde_json::Value = serde_json::from_slice(&found.stdout).unwrap();
    assert!(results["total_hits"].as_u64().unwrap() > 0);
}

#[test]
fn flags_win_over_the_environment_which_wins_over_the_file() {
    let place = Place::new();
    assert_eq!(place.index_used(&[], &[]), "index");
    place.write("work/newsearch.toml", "index = \"from-file\"\n");
    // Relative to the file's folder, here the current one.
    assert_eq!(place.index_used(&[], &[]), "from-file");
    let environment = [("NEWSEARCH_INDEX", "from-env")];
    assert_eq!(place.index_used(&environment, &[]), "from-env");
    assert_eq!(
        place.index_used(&environment, &["--index", "from-flag"]),
        "from-flag"
    );
    // A flag that says the default is still a flag.
    assert_eq!(place.index_used(&[], &["--index=index"]), "index");
}

#[test]
fn the_users_file_is_read_and_the_folders_file_wins_key_by_key() {
    let place = Place::new();
    place.write(
        "xdg/newsearch/config.toml",
        "index = \"user-index\"\nengine = \"opensearch\"\n",
    );
    // The user's engine is read: without a URL, it is refused as on the command line.
    let output = place.newsearch(&[], &["stats"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("needs the cluster"),
        "{}",
        stderr(&output)
    );
    // The folder's file takes the engine back; the user's index stays.
    place.write("work/newsearch.toml", "engine = \"tantivy\"\n");
    let user_index = place.path("xdg/newsearch/user-index");
    assert_eq!(place.index_used(&[], &[]), user_index.to_str().unwrap());
    // Without XDG_CONFIG_HOME, the file under ~/.config.
    fs::remove_file(place.path("work/newsearch.toml")).unwrap();
    place.write(
        "home/.config/newsearch/config.toml",
        "index = \"home-index\"\n",
    );
    let output = place.newsearch(&[("XDG_CONFIG_HOME", "")], &["stats"]);
    let home_index = place.path("home/.config/newsearch/home-index");
    assert!(
        stderr(&output).contains(home_index.to_str().unwrap()),
        "{}",
        stderr(&output)
    );
}

#[test]
fn config_names_the_one_file_to_read() {
    let place = Place::new();
    place.write("work/newsearch.toml", "index = \"folder\"\n");
    place.write("xdg/newsearch/config.toml", "engine = \"opensearch\"\n");
    place.write("elsewhere/settings.toml", "index = \"chosen\"\n");
    let chosen = place.path("elsewhere/chosen");
    let file = place.path("elsewhere/settings.toml");
    let file = file.to_str().unwrap();
    assert_eq!(
        place.index_used(&[], &["--config", file]),
        chosen.to_str().unwrap()
    );
    assert_eq!(
        place.index_used(&[("NEWSEARCH_CONFIG", file)], &[]),
        chosen.to_str().unwrap()
    );
    assert_eq!(place.index_used(&[], &["--config", "/dev/null"]), "index");
    let missing = place.newsearch(&[], &["stats", "--config", "nowhere.toml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("nowhere.toml"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn a_bad_file_is_named_with_its_line_and_column() {
    let place = Place::new();
    let bad = |text: &str, expected: &[&str]| {
        place.write("work/newsearch.toml", text);
        let output = place.newsearch(&[], &["query", "Corée"]);
        assert_eq!(output.status.code(), Some(2), "{text}");
        let message = stderr(&output);
        for part in expected {
            assert!(message.contains(part), "{text}: {message}");
        }
    };
    bad(
        "index = \"archive\"\nindx = \"x\"\n",
        &[
            "newsearch.toml:2:1: ",
            "indx",
            "expected one of `index`, `engine`, `url`, `os-index`",
        ],
    );
    bad(
        "# moteur\nengine = \"lucene\"\n",
        &["newsearch.toml:2:10: ", "\"tantivy\" or \"opensearch\""],
    );
    bad("index = 3\n", &["newsearch.toml:1:9: "]);
    bad("index = \"archive\n", &["newsearch.toml:1:"]);
    bad(
        "url = [1, 2]\n",
        &["newsearch.toml:1:7: url: use one string"],
    );
    assert!(!Path::new(&place.path("work/index")).exists());
}
