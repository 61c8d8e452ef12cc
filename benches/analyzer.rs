//! Analyzer throughput: the French analyzer over the sample corpus, asserting the number of tokens it produced.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tantivy::tokenizer::{TokenStream, Tokenizer};

use newsearch::analysis::FrenchTokenizer;

/// The sample pages, concatenated, repeated to about 1 MB so that one pass is long enough to time.
fn sample_text() -> String {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut pages: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    pages.sort();
    let once: String = pages
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    once.repeat((1_000_000 / once.len()).max(1))
}

fn count_tokens(text: &str) -> usize {
    let mut tokenizer = FrenchTokenizer::default();
    let mut stream = tokenizer.token_stream(text);
    let mut count = 0;
    while stream.advance() {
        black_box(&stream.token().text);
        count += 1;
    }
    count
}

fn analyzer_throughput(criterion: &mut Criterion) {
    let text = sample_text();
    let expected_tokens = count_tokens(&text);
    assert!(
        expected_tokens > 50_000,
        "the sample must give real work: {expected_tokens} tokens"
    );
    let mut group = criterion.benchmark_group("analyzer");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("french_tokenizer_sample_corpus", |bencher| {
        bencher.iter(|| assert_eq!(count_tokens(black_box(&text)), expected_tokens));
    });
    group.finish();
}

criterion_group!(benches, analyzer_throughput);
criterion_main!(benches);
