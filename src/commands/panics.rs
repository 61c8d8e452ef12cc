//! A panic while a command runs (one of tantivy's checks failing on a damaged index, or a bug) becomes a message and exit status 2, never a crash with a backtrace.

use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use crate::error::{Error, Result};
use crate::index::failing_checksums;

/// What the first panic of the command said, and where.
static FIRST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Runs `command`; a panic in it, in any of its threads, becomes an error: about the index
/// at `index` when the command uses one (damaged when some of its files fail their
/// checksums), else an internal error.
pub(crate) fn without_panics<T>(
    index: Option<&Path>,
    command: impl FnOnce() -> Result<T>,
) -> Result<T> {
    panic::set_hook(Box::new(remember_panic));
    let outcome = panic::catch_unwind(AssertUnwindSafe(command));
    drop(panic::take_hook());
    outcome.unwrap_or_else(|_| {
        let what = FIRST_PANIC
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
            .unwrap_or_default();
        let damaged = index.map(|index| (index, failing_checksums(index)));
        Err(match damaged {
            Some((index, damaged)) if !damaged.is_empty() => {
                let names: Vec<String> = damaged
                    .iter()
                    .map(|path| path.display().to_string())
                    .collect();
                Error::DamagedIndex {
                    path: index.to_path_buf(),
                    reason: format!("{} fail their checksums", names.join(", ")),
                }
            }
            _ => Error::Internal {
                index: index.map(Path::to_path_buf),
                what,
            },
        })
    })
}

/// From now on, each panic is printed on stderr as it happens: a server goes on through a
/// request that failed, and its log must say what failed.
pub(crate) fn log_each_panic() {
    panic::set_hook(Box::new(|info| {
        eprintln!(
            "newsearch: a request failed inside the server: {}",
            described(info)
        );
    }));
}

fn remember_panic(info: &PanicHookInfo) {
    let mut first = FIRST_PANIC.lock().unwrap_or_else(PoisonError::into_inner);
    if first.is_none() {
        *first = Some(described(info));
    }
}

/// What a panic said, and where in newsearch's sources.
fn described(info: &PanicHookInfo) -> String {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .map(|text| text.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_string());
    // The crate and file, not where this machine keeps its sources.
    let location = info.location().map_or_else(String::new, |location| {
        let path = Path::new(location.file());
        let components: Vec<_> = path.components().collect();
        let short: std::path::PathBuf = components[components.len().saturating_sub(3)..]
            .iter()
            .collect();
        format!(" at {}:{}", short.display(), location.line())
    });
    format!("{message}{location}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_naming_the_index_and_where_it_happened() {
        let index = Path::new("/pas/de/dossier/index");
        let error = without_panics(Some(index), || -> Result<()> { panic!("compte faux") })
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with(
                "stopped on an internal error (compte faux at src/commands/panics.rs:"
            ),
            "{error}"
        );
        assert!(
            error.contains("while using the index at /pas/de/dossier/index"),
            "{error}"
        );
        assert_eq!(without_panics(Some(index), || Ok(7)).unwrap(), 7);
    }

    #[test]
    fn a_panic_in_a_command_without_an_index_blames_no_index() {
        let error = without_panics(None, || -> Result<()> { panic!("page étrange") })
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("internal error (page étrange at "),
            "{error}"
        );
        assert!(!error.contains("index"), "{error}");
    }
}
