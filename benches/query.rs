//! Query latency in process: the 20 news queries of ../shared/bench with facets over all matches and 10 snippets, on orangesum when ../shared/data is there, else on the sample corpus.

use newsearch::date::Granularity;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{criterion_group, criterion_main, Criterion};

use newsearch::index::open_index;
use newsearch::search::{
    ArticleSearcher, DateFacet, FacetRequest, Filters, KeywordFacet, MatchMode, SearchRequest,
    SortOrder,
};

const NEWS_QUERIES: &[&str] = &[
    "Corée du Nord",
    "élection présidentielle",
    "réforme des retraites",
    "guerre en Ukraine",
    "prix du pétrole",
    "gilets jaunes",
    "épidémie de coronavirus et confinement",
    "Brexit Royaume-Uni Union européenne",
    "Donald Trump Maison-Blanche",
    "incendie de Notre-Dame de Paris",
];

/// The corpus to index: the orangesum dump when it is there, else the sample corpus.
fn corpus() -> (PathBuf, &'static str) {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dump = project.join("../shared/data/orangesum/orangesum.jsonl.zst");
    if dump.exists() {
        (dump, "orangesum")
    } else {
        eprintln!("../shared/data is absent: timing the sample corpus instead of orangesum");
        (project.join("corpus"), "sample_corpus")
    }
}

fn request(text: &str) -> SearchRequest {
    SearchRequest {
        text: text.to_string(),
        mode: MatchMode::Any,
        fuzzy: false,
        limit: 10,
        offset: 0,
        sort: SortOrder::Relevance,
        recency: None,
        filters: Filters::default(),
        facets: FacetRequest {
            keywords: vec![KeywordFacet::Category],
            date: Some(DateFacet::Periods(Granularity::Month)),
            limit: 20,
        },
        collapse: true,
    }
}

fn query_latency(criterion: &mut Criterion) {
    let scratch = tempfile::tempdir().unwrap();
    let (corpus, name) = corpus();
    let index = scratch.path().join("index");
    let indexed = Command::new(env!("CARGO_BIN_EXE_newsearch"))
        .arg("--index")
        .arg(&index)
        .arg("index")
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(indexed.status.success(), "{indexed:?}");
    let searcher = ArticleSearcher::open(&open_index(&index).unwrap()).unwrap();
    let requests: Vec<SearchRequest> = NEWS_QUERIES.iter().map(|text| request(text)).collect();
    let hits: usize = requests
        .iter()
        .map(|request| searcher.search(request).unwrap().hits.len())
        .sum();
    assert!(hits > 0, "the queries find articles");

    let mut group = criterion.benchmark_group("query");
    group.bench_function(
        format!("{name}_10_news_queries_facets_snippets"),
        |bencher| {
            bencher.iter(|| {
                for request in &requests {
                    black_box(searcher.search(black_box(request)).unwrap());
                }
            });
        },
    );
    group.finish();
}

criterion_group!(benches, query_latency);
criterion_main!(benches);
