//! `newsearch index`: read files and folders into the index and report what was read and skipped.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::cli::{ColorChoice, IndexArgs};
use crate::date::Date;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::extract::FieldMap;
use crate::index::{FieldMappings, IndexingOptions};
use crate::output::{print_index_report, ProgressBarReporter, Style};

use super::{Outcome, INTERRUPTED_EXIT_STATUS};

/// The writer needs at least this much memory per thread.
const MIN_MEMORY_PER_THREAD_MIB: usize = 16;

pub(super) fn run(
    index_dir: &Path,
    engine: &Engine,
    color: ColorChoice,
    args: IndexArgs,
) -> Result<Outcome> {
    let verbose = args.verbose;
    let options = indexing_options(index_dir, args)?;
    stop_on_ctrl_c(&options.interrupted)?;
    let report = {
        let progress = ProgressBarReporter::new();
        engine.index(&options, &progress)?
    };
    print_index_report(
        &report,
        Style::for_stdout(color),
        verbose,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    )
    .map_err(Error::Output)?;
    Ok(if report.interrupted {
        Outcome::Interrupted
    } else if report.skipped.is_empty() {
        Outcome::Success
    } else {
        Outcome::SomeSkipped
    })
}

/// The first Ctrl-C asks the run to stop after committing the files read in full; a second
/// one ends the process at once (the index then stays at its last commit, as after a kill).
fn stop_on_ctrl_c(interrupted: &Arc<AtomicBool>) -> Result<()> {
    let interrupted = Arc::clone(interrupted);
    ctrlc::set_handler(move || {
        if interrupted.swap(true, Ordering::SeqCst) {
            std::process::exit(INTERRUPTED_EXIT_STATUS.into());
        }
        eprintln!(
            "newsearch: interrupted: committing the files read so far (Ctrl-C again to stop at once)"
        );
    })
    .map_err(|error| Error::CtrlCHandler {
        reason: error.to_string(),
    })
}

fn indexing_options(index_dir: &Path, args: IndexArgs) -> Result<IndexingOptions> {
    let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
    let threads = cores
        .clamp(1, 4)
        .min(args.memory / MIN_MEMORY_PER_THREAD_MIB)
        .max(1);
    if args.memory < MIN_MEMORY_PER_THREAD_MIB {
        return Err(Error::InvalidOption(format!(
            "--memory {} is too small: the index writer needs at least {MIN_MEMORY_PER_THREAD_MIB} MiB",
            args.memory
        )));
    }
    if args.commit_every == 0 {
        return Err(Error::InvalidOption(
            "--commit-every 0: commit after at least 1 article".to_string(),
        ));
    }
    // Checked now, before any work; the run keeps the pairs, to store them with the index.
    FieldMap::parse(&args.fields).map_err(Error::InvalidOption)?;
    let fields = if args.forget_fields {
        FieldMappings::Given(Vec::new())
    } else if args.fields.is_empty() {
        FieldMappings::Stored
    } else {
        FieldMappings::Given(args.fields)
    };
    Ok(IndexingOptions {
        index_dir: index_dir.to_path_buf(),
        inputs: args.paths,
        exclude: args.exclude,
        memory_budget: args.memory << 20,
        threads,
        today: Date::today(),
        fields,
        commit_every: args.commit_every,
        keep_missing: args.keep_missing,
        rebuild: args.rebuild,
        interrupted: Arc::new(AtomicBool::new(false)),
    })
}
