//! Which record keys hold which article field: the common names of crawler and dataset dumps, and `--field body=contenu` overrides.

/// An article field that a JSON record can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArticleField {
    Id,
    Title,
    Body,
    Date,
    Category,
    Author,
    Url,
    Source,
}

impl ArticleField {
    pub(crate) const ALL: [ArticleField; 8] = [
        ArticleField::Id,
        ArticleField::Title,
        ArticleField::Body,
        ArticleField::Date,
        ArticleField::Category,
        ArticleField::Author,
        ArticleField::Url,
        ArticleField::Source,
    ];

    /// The name used on the command line: `id`, `title`, `body`, `date`, `category`, `author`, `url`, `source`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            ArticleField::Id => "id",
            ArticleField::Title => "title",
            ArticleField::Body => "body",
            ArticleField::Date => "date",
            ArticleField::Category => "category",
            ArticleField::Author => "author",
            ArticleField::Url => "url",
            ArticleField::Source => "source",
        }
    }

    /// The record keys read for this field when no override names one, in order of preference
    /// (matched without regard to case).
    pub(crate) fn common_keys(self) -> &'static [&'static str] {
        match self {
            ArticleField::Id => &["id", "_id", "guid"],
            ArticleField::Title => &["title", "headline"],
            ArticleField::Body => &[
                "body",
                "text",
                "content",
                "article",
                "articleBody",
                "maintext",
            ],
            ArticleField::Date => &[
                "date",
                "published",
                "published_at",
                "publishedAt",
                "pubDate",
                "datePublished",
                "date_publish",
                "publication_date",
            ],
            ArticleField::Category => &["category", "section", "rubrique", "articleSection"],
            ArticleField::Author => &["author", "byline", "authors"],
            ArticleField::Url => &["url", "link"],
            ArticleField::Source => &["source", "site", "source_domain", "publisher"],
        }
    }

    fn parse(name: &str) -> Option<ArticleField> {
        ArticleField::ALL
            .into_iter()
            .find(|field| field.name() == name)
    }
}

/// Record keys the user named for article fields (`--field body=contenu`). A named key is
/// read before the common names, which stay as fallbacks. A key may be a dotted path into
/// nested objects (`--field author=meta.auteur`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMap {
    overrides: Vec<(ArticleField, String)>,
}

impl FieldMap {
    /// Parses `field=key` pairs such as `["body=contenu", "date=date_parution"]`. The field
    /// must be one of `id`, `title`, `body`, `date`, `category`, `author`, `url`, `source`;
    /// the error message says which pair is wrong and why.
    pub fn parse(pairs: &[String]) -> Result<FieldMap, String> {
        let overrides = pairs
            .iter()
            .map(|pair| parse_pair(pair))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(FieldMap { overrides })
    }

    /// The record keys to look up for `field`, the user's first.
    pub(crate) fn keys_for(&self, field: ArticleField) -> impl Iterator<Item = &str> + '_ {
        self.overrides
            .iter()
            .filter(move |(overridden, _)| *overridden == field)
            .map(|(_, key)| key.as_str())
            .chain(field.common_keys().iter().copied())
    }
}

fn parse_pair(pair: &str) -> Result<(ArticleField, String), String> {
    let (name, key) = pair
        .split_once('=')
        .ok_or_else(|| format!("--field {pair:?}: expected FIELD=KEY, as in body=contenu"))?;
    let field = ArticleField::parse(name.trim()).ok_or_else(|| {
        let names: Vec<&str> = ArticleField::ALL.iter().map(|field| field.name()).collect();
        format!(
            "--field {pair:?}: unknown field {:?}; fields are {}",
            name.trim(),
            names.join(", ")
        )
    })?;
    let key = key.trim();
    if key.is_empty() {
        return Err(format!(
            "--field {pair:?}: the record key after '=' is empty"
        ));
    }
    Ok((field, key.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| text.to_string()).collect()
    }

    #[test]
    fn overrides_come_before_common_keys() {
        let map = FieldMap::parse(&pairs(&["body=contenu", "author = meta.auteur"])).unwrap();
        let body: Vec<&str> = map.keys_for(ArticleField::Body).collect();
        assert_eq!(body[0], "contenu");
        assert!(body.contains(&"text"));
        assert_eq!(
            map.keys_for(ArticleField::Author).next(),
            Some("meta.auteur")
        );
        assert_eq!(map.keys_for(ArticleField::Title).next(), Some("title"));
    }

    #[test]
    fn bad_pairs_say_what_is_wrong() {
        let error = FieldMap::parse(&pairs(&["corps=contenu"])).unwrap_err();
        assert!(error.contains("unknown field \"corps\""), "{error}");
        assert!(error.contains("body"), "{error}");
        assert!(FieldMap::parse(&pairs(&["body"]))
            .unwrap_err()
            .contains("FIELD=KEY"));
        assert!(FieldMap::parse(&pairs(&["body="]))
            .unwrap_err()
            .contains("empty"));
        assert_eq!(FieldMap::parse(&[]).unwrap(), FieldMap::default());
    }
}
