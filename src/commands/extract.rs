//! `newsearch extract FILE...`: what newsearch reads from files, field by field with its clue, without indexing.

use std::path::Path;

use crate::cli::{ColorChoice, ExtractArgs};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::extract::{explain_file, FieldMap, FileContext, Format, EXTENSIONS};
use crate::output::{
    print_extracted, print_json, terminal_safe, ExtractReport, ExtractedArticle, ExtractedFile,
    ExtractedProblem, Style,
};

use super::Outcome;

pub(super) fn run(color: ColorChoice, args: ExtractArgs) -> Result<Outcome> {
    let today = Date::today();
    let field_map = FieldMap::default();
    let report = ExtractReport {
        files: args
            .files
            .iter()
            .map(|path| extract_file(path, today, &field_map))
            .collect(),
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        print_json(&report, &mut out)
    } else {
        print_extracted(&report, Style::for_stdout(color), &mut out)
    }
    .map_err(Error::Output)?;
    for file in &report.files {
        if let Some(error) = &file.error {
            eprintln!(
                "newsearch: {}: {}",
                terminal_safe(&file.path),
                terminal_safe(error)
            );
        }
    }
    let complete = report
        .files
        .iter()
        .all(|file| file.error.is_none() && file.problems.iter().all(|problem| problem.text_kept));
    Ok(if complete {
        Outcome::Success
    } else {
        Outcome::SomeSkipped
    })
}

/// Reads one file as `newsearch index FILE` would, keeping each field's clue.
fn extract_file(path: &Path, today: Date, field_map: &FieldMap) -> ExtractedFile {
    let mut file = ExtractedFile {
        path: path.display().to_string(),
        articles: Vec::new(),
        problems: Vec::new(),
        error: None,
    };
    let Some(format) = Format::of(path) else {
        let extensions: Vec<String> = EXTENSIONS
            .iter()
            .map(|(extension, _)| format!(".{extension}"))
            .collect();
        file.error = Some(format!(
            "not a format newsearch reads ({}, or no extension; also gzip- or zstd-compressed: .gz, .zst)",
            extensions.join(", ")
        ));
        return file;
    };
    // As `newsearch index FILE` reads a file named alone: the folder is a category only
    // under an indexed folder.
    let context = FileContext {
        path,
        folder_category: None,
        today,
        field_map,
    };
    let result = explain_file(format, &context, &mut |article, clues| {
        file.articles.push(ExtractedArticle::new(article, clues));
    });
    match result {
        Ok(problems) => {
            file.problems = problems
                .into_iter()
                .map(|problem| ExtractedProblem {
                    line: problem.line,
                    reason: problem.reason,
                    text_kept: problem.text_kept,
                })
                .collect();
        }
        Err(error) => file.error = Some(error.to_string()),
    }
    file
}
