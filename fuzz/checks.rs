//! What each fuzz target runs, shared with `tests/fuzz_regressions.rs` so that every input the fuzzers kept is replayed by `cargo test`.
//!
//! Each check feeds arbitrary bytes to one public entry point and asserts what must hold for
//! any input: no panic, offsets inside the text, no control character in extracted text.

// Each fuzz target uses one of these checks; the regression test uses them all.
#![allow(dead_code)]

use std::io::Cursor;
use std::path::Path;
use std::sync::OnceLock;

use newsearch::analysis::{analyze, keyword};
use newsearch::article::{Article, PublicationDate};
use newsearch::date::{Date, Granularity};
use newsearch::error::Error;
use newsearch::extract::{read_bytes, FieldMap, FileContext, Format};
use newsearch::index::{ArticleFields, ArticleIndex};
use newsearch::search::{
    ArticleSearcher, DateFacet, FacetRequest, Filters, KeywordFacet, MatchMode, SearchRequest,
    SortOrder,
};
use tantivy::Index;

/// The French analyzer on any text: terms are short, positions never go back, offsets are
/// character boundaries inside the text.
pub fn analyzer(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut last_position = 0;
    for token in analyze(&text) {
        assert!(!token.term.is_empty() && token.term.len() <= newsearch::analysis::MAX_WORD_BYTES);
        assert!(token.position >= last_position, "{text:?}");
        last_position = token.position;
        assert!(token.offsets.start <= token.offsets.end && token.offsets.end <= text.len());
        assert!(
            text.is_char_boundary(token.offsets.start) && text.is_char_boundary(token.offsets.end)
        );
    }
    keyword(&text);
}

/// A query of any text on a small index, with options taken from the first byte: it runs or
/// is refused as a bad query (never another error), and its highlights are inside its snippets.
pub fn query(data: &[u8]) {
    let Some((&options, text)) = data.split_first() else {
        return;
    };
    let request = SearchRequest {
        text: String::from_utf8_lossy(text).into_owned(),
        mode: if options & 1 == 0 {
            MatchMode::Any
        } else {
            MatchMode::All
        },
        fuzzy: options & 2 != 0,
        limit: usize::from(options >> 5),
        offset: usize::from((options >> 2) & 3),
        sort: [
            SortOrder::Relevance,
            SortOrder::NewestFirst,
            SortOrder::OldestFirst,
        ][usize::from(options >> 4 & 1)],
        recency: None,
        filters: Filters::default(),
        facets: FacetRequest {
            keywords: vec![KeywordFacet::Category, KeywordFacet::Author],
            date: Some(DateFacet::Periods(Granularity::Month)),
            limit: 5,
        },
        collapse: options & 8 != 0,
    };
    let results = match small_index().search(&request) {
        Ok(results) => results,
        Err(Error::InvalidQuery { .. }) => return,
        Err(other) => panic!("{request:?}: {other}"),
    };
    for hit in &results.hits {
        let characters = hit.snippet.text.chars().count();
        for [start, end] in &hit.snippet.highlights {
            assert!(start < end && *end <= characters, "{request:?}");
        }
    }
}

/// One reader on any bytes (compressed or not): every article it emits has a body and no
/// control character but line breaks and tabs.
pub fn extract(format: Format, data: &[u8]) {
    let context = FileContext {
        path: Path::new("fuzz/input"),
        folder_category: Some("Fuzz"),
        today: Date::new(2026, 11, 21).unwrap(),
        field_map: &FieldMap::default(),
    };
    let mut check = |article: Article| {
        assert!(!article.body.trim().is_empty());
        let fields = [
            Some(&article.title),
            Some(&article.body),
            article.category.as_ref(),
            article.author.as_ref(),
            article.url.as_ref(),
            article.source.as_ref(),
        ];
        for field in fields.into_iter().flatten() {
            assert!(
                !field.chars().any(|character| character.is_control()
                    && !matches!(character, '\n' | '\t' | '\r' | '\u{C}')),
                "{field:?}"
            );
        }
    };
    let _ = read_bytes(format, Cursor::new(data.to_vec()), &context, &mut check);
}

/// The first byte picks the format the name would announce; the content may override it.
pub fn extract_any(data: &[u8]) {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let format = [Format::PageText, Format::Html, Format::JsonRecords][usize::from(choice % 3)];
    extract(format, bytes);
}

fn small_index() -> &'static ArticleSearcher {
    static SEARCHER: OnceLock<ArticleSearcher> = OnceLock::new();
    SEARCHER.get_or_init(|| {
        let index = Index::create_in_ram(ArticleFields::new_schema());
        newsearch::analysis::register(index.tokenizers());
        let fields = ArticleFields::from_schema(&index.schema()).unwrap();
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let articles = [
            ("La Corée du Nord tire des missiles", "Pyongyang a tiré mardi deux missiles balistiques, selon Séoul. « C'est une provocation », a dit l'état-major.", "International", 20241022),
            ("Réforme des retraites : le Sénat vote", "Le Sénat a voté l'article sur l'âge légal. L'économie française attend la suite du texte.", "Économie", 20230304),
            ("Kim Jong-un reçoit Poutine", "Kim Jong Un a reçu Vladimir Poutine ; les deux dirigeants ont signé un accord de défense.", "Monde", 20240619),
        ];
        for (number, (title, body, category, date)) in articles.into_iter().enumerate() {
            let article = Article {
                id: number.to_string(),
                path: format!("fuzz/{number}.txt").into(),
                title: title.to_string(),
                body: body.to_string(),
                category: Some(category.to_string()),
                date: Some(PublicationDate {
                    date: Date::from_yyyymmdd(date).unwrap(),
                    year_inferred: false,
                }),
                ..Article::default()
            };
            writer.add_document(fields.document(&article)).unwrap();
        }
        writer.commit().unwrap();
        let directory = std::env::temp_dir().join("newsearch-fuzz-no-groups");
        ArticleSearcher::open(&ArticleIndex { index, fields, directory }).unwrap()
    })
}
