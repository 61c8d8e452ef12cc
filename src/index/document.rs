//! The one mapping between an `Article` and a tantivy document: the schema, typed field handles, the document written for an article, the article read back, and typed fast-field columns.

use std::path::PathBuf;

use tantivy::columnar::{Column, StrColumn};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TantivyDocument, TextFieldIndexing,
    TextOptions, Value, FAST, STORED, STRING,
};
use tantivy::SegmentReader;

use crate::analysis::{FRENCH_ANALYZER, KEYWORD_ANALYZER};
use crate::article::{Article, PublicationDate};
use crate::date::Date;

use super::manifest::Manifest;
use super::near_duplicates::signature;

/// Handles on every field of the article schema.
#[derive(Debug, Clone)]
pub struct ArticleFields {
    pub schema: Schema,
    /// The article id, indexed as one term (for `show` and replacement), and a fast field
    /// (the ids of a hit's near-duplicates are read without opening the document store).
    pub id: Field,
    /// The source file, indexed as one term so that re-indexing a file replaces its articles.
    pub path: Field,
    /// The title: French analysis with positions (for the title bonus), stored.
    pub title: Field,
    /// The body, stored for display and snippets (searched through `text`; `body:` queries
    /// subtract the title's postings from the text's).
    pub body: Field,
    /// Title and body as one searched text: BM25, phrases and proximity run on it, as if
    /// the article were one document (not stored). The title comes first, then the body:
    /// [`ArticleFields::document`], the only writer, holds to it, and `body:` queries rely on
    /// it (a term's body frequency is its text frequency less its title frequency).
    pub text: Field,
    /// Category, author and source: one folded term each for filters; the raw value as a
    /// fast field for facets.
    pub category: Field,
    pub author: Field,
    pub source: Field,
    pub url: Field,
    /// The publication date as `YYYYMMDD`, for range filters and date facets.
    pub date: Field,
    pub date_inferred: Field,
    /// The body's SimHash signature (fast), for near-duplicate groups.
    pub simhash: Field,
}

/// A keyword field: one folded term for filters, the raw value as a fast field for facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeywordField {
    Category,
    Author,
    Source,
}

const ID: &str = "id";
const PATH: &str = "path";
const TITLE: &str = "title";
const BODY: &str = "body";
const TEXT: &str = "text";
const CATEGORY: &str = "category";
const AUTHOR: &str = "author";
const SOURCE: &str = "source";
const URL: &str = "url";
const DATE: &str = "date";
const DATE_INFERRED: &str = "date_inferred";
const SIMHASH: &str = "simhash";

/// Fields every newsearch index has had, in every format: a folder whose tantivy schema has
/// them is an index of ours, even of an earlier version.
pub(super) const FIELDS_OF_EVERY_VERSION: [&str; 3] = [ID, PATH, TEXT];

impl KeywordField {
    fn name(self) -> &'static str {
        match self {
            KeywordField::Category => CATEGORY,
            KeywordField::Author => AUTHOR,
            KeywordField::Source => SOURCE,
        }
    }
}

impl ArticleFields {
    /// The schema newsearch writes.
    pub fn new_schema() -> Schema {
        let french_unstored = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(FRENCH_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let french = french_unstored.clone();
        let keyword = TextOptions::default()
            .set_stored()
            .set_fast("raw")
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(KEYWORD_ANALYZER)
                    .set_index_option(IndexRecordOption::Basic),
            );
        let mut builder = Schema::builder();
        builder.add_text_field(ID, STRING | STORED | FAST);
        builder.add_text_field(PATH, STRING | STORED);
        builder.add_text_field(TITLE, french.clone().set_stored());
        builder.add_text_field(BODY, STORED);
        builder.add_text_field(TEXT, french_unstored);
        builder.add_text_field(CATEGORY, keyword.clone());
        builder.add_text_field(AUTHOR, keyword.clone());
        builder.add_text_field(SOURCE, keyword);
        builder.add_text_field(URL, STORED);
        builder.add_i64_field(
            DATE,
            NumericOptions::default()
                .set_indexed()
                .set_fast()
                .set_stored(),
        );
        builder.add_bool_field(DATE_INFERRED, STORED);
        builder.add_u64_field(SIMHASH, FAST);
        builder.build()
    }

    /// The handles of a schema, or the name of the first field it lacks.
    pub fn from_schema(schema: &Schema) -> Result<ArticleFields, String> {
        let field = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| format!("it has no field {name:?}"))
        };
        Ok(ArticleFields {
            id: field(ID)?,
            path: field(PATH)?,
            title: field(TITLE)?,
            body: field(BODY)?,
            text: field(TEXT)?,
            category: field(CATEGORY)?,
            author: field(AUTHOR)?,
            source: field(SOURCE)?,
            url: field(URL)?,
            date: field(DATE)?,
            date_inferred: field(DATE_INFERRED)?,
            simhash: field(SIMHASH)?,
            schema: schema.clone(),
        })
    }

    /// The document an article is indexed as: the one place an article becomes the engine's
    /// document, so the one place `text` is written (the title, then the body).
    pub fn document(&self, article: &Article) -> TantivyDocument {
        let mut document = TantivyDocument::default();
        document.add_text(self.id, &article.id);
        document.add_text(self.path, Manifest::key(&article.path));
        document.add_text(self.title, &article.title);
        document.add_text(self.body, &article.body);
        document.add_text(self.text, &article.title);
        document.add_text(self.text, &article.body);
        let optional_texts = [
            (self.category, &article.category),
            (self.author, &article.author),
            (self.source, &article.source),
            (self.url, &article.url),
        ];
        for (field, value) in optional_texts {
            if let Some(value) = value {
                document.add_text(field, value);
            }
        }
        if let Some(date) = article.date {
            document.add_i64(self.date, date.date.to_yyyymmdd());
            document.add_bool(self.date_inferred, date.year_inferred);
        }
        document.add_u64(self.simhash, signature(&article.body));
        document
    }

    /// The article a stored document holds, with the id the index gave it and the path key
    /// of its file.
    pub(crate) fn article(&self, document: &TantivyDocument) -> Article {
        let text = |field: Field| {
            document
                .get_first(field)
                .and_then(|value| value.as_str())
                .map(str::to_string)
        };
        let date = document
            .get_first(self.date)
            .and_then(|value| value.as_i64())
            .and_then(Date::from_yyyymmdd)
            .map(|date| PublicationDate {
                date,
                year_inferred: document
                    .get_first(self.date_inferred)
                    .and_then(|value| value.as_bool())
                    .unwrap_or(false),
            });
        Article {
            id: text(self.id).unwrap_or_default(),
            title: text(self.title).unwrap_or_default(),
            date,
            category: text(self.category),
            author: text(self.author),
            url: text(self.url),
            source: text(self.source),
            body: text(self.body).unwrap_or_default(),
            path: PathBuf::from(text(self.path).unwrap_or_default()),
        }
    }
}

/// A segment's publication dates (`YYYYMMDD`), if any of its articles has one.
pub(crate) fn date_column(segment: &SegmentReader) -> tantivy::Result<Option<Column<i64>>> {
    segment.fast_fields().column_opt::<i64>(DATE)
}

/// A segment's near-duplicate signatures, one per article.
pub(crate) fn signature_column(segment: &SegmentReader) -> tantivy::Result<Column<u64>> {
    segment.fast_fields().u64(SIMHASH)
}

/// A segment's article ids.
pub(crate) fn id_column(segment: &SegmentReader) -> tantivy::Result<Option<StrColumn>> {
    segment.fast_fields().str(ID)
}

/// A segment's raw values of a keyword field.
pub(crate) fn keyword_column(
    segment: &SegmentReader,
    keyword: KeywordField,
) -> tantivy::Result<Option<StrColumn>> {
    segment.fast_fields().str(keyword.name())
}

/// The articles indexed in memory, a segment per list, and the searcher over them: the
/// index that unit tests search.
#[cfg(test)]
pub(crate) fn searcher_over(
    segments: impl IntoIterator<Item = Vec<Article>>,
) -> (ArticleFields, tantivy::Searcher) {
    let index = tantivy::Index::create_in_ram(ArticleFields::new_schema());
    crate::analysis::register(index.tokenizers());
    let fields = ArticleFields::from_schema(&index.schema()).unwrap();
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
    for articles in segments {
        for article in &articles {
            writer.add_document(fields.document(article)).unwrap();
        }
        writer.commit().unwrap();
    }
    (fields, index.reader().unwrap().searcher())
}

#[cfg(test)]
mod tests {
    use tantivy::postings::Postings;

    use super::*;

    #[test]
    fn handles_of_the_schema_we_write() {
        let fields = ArticleFields::from_schema(&ArticleFields::new_schema()).unwrap();
        assert_eq!(fields.schema.get_field_name(fields.body), BODY);
    }

    #[test]
    fn a_foreign_schema_is_refused_by_name() {
        let mut builder = Schema::builder();
        builder.add_text_field("text", STRING);
        let error = ArticleFields::from_schema(&builder.build()).unwrap_err();
        assert_eq!(error, "it has no field \"id\"");
    }

    /// One article indexed in memory, with the searcher over it.
    fn indexed(article: &Article) -> (ArticleFields, tantivy::Searcher) {
        searcher_over([vec![article.clone()]])
    }

    fn sample() -> Article {
        Article {
            id: "0123456789abcdef".into(),
            title: "Corée du Nord : tir de missiles".into(),
            date: Some(PublicationDate {
                date: Date::new(2024, 10, 22).unwrap(),
                year_inferred: true,
            }),
            category: Some("International".into()),
            author: None,
            url: Some("https://example.fr/coree".into()),
            source: Some("Le Monde".into()),
            body: "Pyongyang a tiré mardi deux missiles balistiques.".into(),
            path: PathBuf::from("monde/coree.txt"),
        }
    }

    #[test]
    fn an_article_reads_back_as_it_was_written() {
        let article = sample();
        let (fields, searcher) = indexed(&article);
        let document: TantivyDocument = searcher.doc(tantivy::DocAddress::new(0, 0)).unwrap();
        assert_eq!(fields.article(&document), article);
    }

    #[test]
    fn the_text_field_holds_the_title_then_the_body() {
        let (fields, searcher) = indexed(&sample());
        let postings = |word: &str| {
            let term =
                tantivy::Term::from_field_text(fields.text, &crate::analysis::terms(word)[0]);
            let mut postings = searcher
                .segment_reader(0)
                .inverted_index(fields.text)
                .unwrap()
                .read_postings(&term, IndexRecordOption::WithFreqsAndPositions)
                .unwrap()
                .unwrap();
            let mut positions = Vec::new();
            postings.positions(&mut positions);
            positions
        };
        // "Corée" opens the title, "Pyongyang" the body, "missiles" is in both.
        let (title_start, body_start, both) = (
            postings("Corée"),
            postings("Pyongyang"),
            postings("missiles"),
        );
        assert_eq!(title_start, [0]);
        assert!(body_start[0] > title_start[0], "{body_start:?}");
        assert_eq!(both.len(), 2);
        assert!(
            both[0] < body_start[0] && both[1] > body_start[0],
            "{both:?}"
        );
    }

    #[test]
    fn columns_are_read_by_their_type() {
        let (_, searcher) = indexed(&sample());
        let segment = searcher.segment_reader(0);
        let dates = date_column(segment).unwrap().unwrap();
        assert_eq!(dates.first(0), Some(20241022));
        assert!(signature_column(segment).unwrap().first(0).is_some());
        let ids = id_column(segment).unwrap().unwrap();
        let mut id = String::new();
        ids.ord_to_str(0, &mut id).unwrap();
        assert_eq!(id, "0123456789abcdef");
        let sources = keyword_column(segment, KeywordField::Source)
            .unwrap()
            .unwrap();
        sources.ord_to_str(0, &mut id).unwrap();
        assert_eq!(id, "Le Monde");
    }
}
