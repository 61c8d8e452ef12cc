//! The index schema: the fields an article is stored in, as typed handles.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED,
    STRING,
};

use crate::analysis::{FRENCH_ANALYZER, KEYWORD_ANALYZER};

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
    /// the article were one document (not stored).
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

pub const ID: &str = "id";
const PATH: &str = "path";
const TITLE: &str = "title";
const BODY: &str = "body";
const TEXT: &str = "text";
pub const CATEGORY: &str = "category";
pub const AUTHOR: &str = "author";
pub const SOURCE: &str = "source";
const URL: &str = "url";
pub const DATE: &str = "date";
const DATE_INFERRED: &str = "date_inferred";
pub const SIMHASH: &str = "simhash";

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
}

#[cfg(test)]
mod tests {
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
}
