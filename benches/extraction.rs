//! Extraction throughput: scraped pages, saved HTML and JSON Lines read into articles, asserting how many each gives.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use newsearch::date::Date;
use newsearch::extract::{read_file, FieldMap, FileContext, Format};

fn project() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Reads every file and returns the number of articles and bytes read.
fn extract_all(files: &[(PathBuf, Format)]) -> (usize, u64) {
    let field_map = FieldMap::default();
    let mut articles = 0;
    let mut bytes = 0;
    for (path, format) in files {
        let context = FileContext {
            path,
            folder_category: None,
            today: Date::today(),
            field_map: &field_map,
        };
        read_file(*format, &context, &mut |article| {
            black_box(&article);
            articles += 1;
        })
        .expect("the bench files are readable");
        bytes += std::fs::metadata(path).unwrap().len();
    }
    (articles, bytes)
}

fn files_with_extension(folder: &Path, extension: &str, format: Format) -> Vec<(PathBuf, Format)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|found| found == extension))
        .collect();
    paths.sort();
    paths.into_iter().map(|path| (path, format)).collect()
}

/// The first 5,000 records of the orangesum dump, when `../shared/data` is there.
fn orangesum_sample(into: &Path) -> Option<Vec<(PathBuf, Format)>> {
    use std::io::{BufRead, BufReader, Write};
    let dump = project().join("../shared/data/orangesum/orangesum.jsonl.zst");
    let reader = BufReader::new(zstd::Decoder::new(std::fs::File::open(dump).ok()?).ok()?);
    let path = into.join("orangesum-5000.jsonl");
    let mut out = std::fs::File::create(&path).unwrap();
    for line in reader.lines().take(5_000) {
        writeln!(out, "{}", line.unwrap()).unwrap();
    }
    Some(vec![(path, Format::JsonRecords)])
}

fn bench_files(criterion: &mut Criterion, name: &str, files: &[(PathBuf, Format)]) {
    let (articles, bytes) = extract_all(files);
    assert!(articles >= files.len(), "{name}: {articles} articles");
    let mut group = criterion.benchmark_group("extraction");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(name, |bencher| {
        bencher.iter(|| assert_eq!(extract_all(black_box(files)).0, articles));
    });
    group.finish();
}

fn extraction_throughput(criterion: &mut Criterion) {
    let root = project();
    let pages = files_with_extension(&root.join("corpus"), "txt", Format::PageText);
    bench_files(criterion, "page_text_sample_corpus", &pages);
    let html = files_with_extension(&root.join("tests/fixtures/inputs"), "html", Format::Html);
    bench_files(criterion, "html_fixtures", &html);
    let scratch = tempfile::tempdir().unwrap();
    match orangesum_sample(scratch.path()) {
        Some(records) => bench_files(criterion, "json_lines_orangesum_5000", &records),
        None => eprintln!("../shared/data is absent: the JSON Lines bench is skipped"),
    }
}

criterion_group!(benches, extraction_throughput);
criterion_main!(benches);
