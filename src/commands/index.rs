//! `newsearch index`: read files and folders into the index and report what was read and skipped.

use std::path::Path;

use crate::cli::{ColorChoice, IndexArgs};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::extract::FieldMap;
use crate::index::{delete_index, index_files, IndexingOptions};
use crate::output::{print_index_report, ProgressBarReporter, Style};

use super::Outcome;

/// The writer needs at least this much memory per thread.
const MIN_MEMORY_PER_THREAD_MIB: usize = 16;

pub fn run(index_dir: &Path, color: ColorChoice, args: IndexArgs) -> Result<Outcome> {
    let rebuild = args.rebuild;
    let options = indexing_options(index_dir, args)?;
    if rebuild {
        delete_index(index_dir)?;
    }
    let report = {
        let progress = ProgressBarReporter::new();
        index_files(&options, &progress)?
    };
    print_index_report(
        &report,
        Style::for_stdout(color),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    )
    .map_err(Error::Output)?;
    Ok(if report.skipped.is_empty() {
        Outcome::Success
    } else {
        Outcome::Partial
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
    let field_map = FieldMap::parse(&args.fields).map_err(Error::InvalidOption)?;
    Ok(IndexingOptions {
        index_dir: index_dir.to_path_buf(),
        inputs: args.paths,
        memory_budget: args.memory << 20,
        threads,
        today: Date::today(),
        field_map,
    })
}
