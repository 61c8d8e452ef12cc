//! What an HTML page says about itself: `<meta>` tags (Open Graph, article:*, Dublin Core, itemprop), JSON-LD objects (read leniently: broken JSON is common), the canonical link, `<title>` and the names the site gives itself.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::document::{Document, NodeData};
use super::entities::decode_entities;

/// The self-description of one page.
#[derive(Debug, Default)]
pub(crate) struct PageMetadata {
    /// `(key, content)` of every `<meta>` tag with a content, the key being its `property`,
    /// `name` or `itemprop` attribute (the last prefixed `itemprop:`), lowercased.
    meta_tags: Vec<(String, String)>,
    /// JSON-LD objects describing an article (NewsArticle, BlogPosting…), `@graph`
    /// flattened, references to other objects (`{"@id": …}`) resolved, in page order.
    json_ld_articles: Vec<Map<String, Value>>,
    /// JSON-LD objects describing the page itself (WebPage): their dates and authors are
    /// the article's when no article object is given.
    json_ld_pages: Vec<Map<String, Value>>,
    /// Names of the JSON-LD BreadcrumbList items, in order.
    pub(crate) json_ld_breadcrumbs: Vec<String>,
    /// Names of JSON-LD WebSite and Organization objects: the site's names.
    json_ld_site_names: Vec<String>,
    pub(crate) canonical_url: Option<String>,
    pub(crate) title_tag: Option<String>,
}

impl PageMetadata {
    pub(crate) fn read(document: &Document) -> PageMetadata {
        let mut metadata = PageMetadata::default();
        let mut json_ld = Vec::new();
        for (id, element) in document.elements() {
            match &*element.name {
                "meta" => {
                    if let Some(tag) = meta_tag(element) {
                        metadata.meta_tags.push(tag);
                    }
                }
                "link" if metadata.canonical_url.is_none() => {
                    let is_canonical = element.attribute("rel").is_some_and(|rel| {
                        rel.split_ascii_whitespace()
                            .any(|word| word.eq_ignore_ascii_case("canonical"))
                    });
                    metadata.canonical_url = element
                        .attribute("href")
                        .filter(|_| is_canonical)
                        .map(|href| href.trim().to_string())
                        .filter(|href| !href.is_empty());
                }
                "title" if metadata.title_tag.is_none() => {
                    metadata.title_tag = Some(document.text(id)).filter(|text| !text.is_empty());
                }
                "script"
                    if element.attribute("type").is_some_and(|kind| {
                        kind.trim().eq_ignore_ascii_case("application/ld+json")
                    }) =>
                {
                    let mut text = String::new();
                    for child in document.children(id) {
                        if let NodeData::Text(piece) = &document.nodes[child].data {
                            text.push_str(piece);
                        }
                    }
                    json_ld.extend(json_ld_objects(&text));
                }
                _ => {}
            }
        }
        metadata.sort_json_ld(json_ld);
        metadata
    }

    fn sort_json_ld(&mut self, objects: Vec<Map<String, Value>>) {
        let by_id: HashMap<String, Map<String, Value>> = objects
            .iter()
            .filter_map(|object| {
                let id = object.get("@id")?.as_str()?;
                Some((id.to_string(), object.clone()))
            })
            .collect();
        for mut object in objects {
            resolve_references(&mut object, &by_id);
            if is_article_type(&object) {
                self.json_ld_articles.push(object);
            } else if has_type(&object, |name| name == "WebPage") {
                self.json_ld_pages.push(object);
            } else if has_type(&object, |name| name == "BreadcrumbList") {
                self.json_ld_breadcrumbs = breadcrumb_names(&object);
            } else if has_type(&object, |name| {
                matches!(name, "WebSite" | "Organization" | "NewsMediaOrganization")
            }) {
                if let Some(name) = object.get("name").and_then(Value::as_str) {
                    self.json_ld_site_names.push(clean_text(name));
                }
            }
        }
        for object in &self.json_ld_articles {
            if let Some(name) = object
                .get("publisher")
                .and_then(|publisher| publisher.get("name"))
                .and_then(Value::as_str)
            {
                self.json_ld_site_names.push(clean_text(name));
            }
        }
    }

    /// The content of the first non-empty `<meta>` whose key is one of `keys`, in the order of `keys`.
    pub(crate) fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|key| {
            self.meta_tags
                .iter()
                .find(|(name, content)| name == key && !content.is_empty())
                .map(|(_, content)| content.as_str())
        })
    }

    /// Every non-empty content of `<meta>` tags with one of `keys`, in page order.
    pub(crate) fn meta_all<'a>(&'a self, keys: &'a [&str]) -> impl Iterator<Item = &'a str> + 'a {
        self.meta_tags
            .iter()
            .filter(move |(name, content)| keys.contains(&name.as_str()) && !content.is_empty())
            .map(|(_, content)| content.as_str())
    }

    /// The first value of `key` among the page's JSON-LD article objects, else among its
    /// WebPage objects.
    pub(crate) fn json_ld(&self, key: &str) -> Option<&Value> {
        self.json_ld_articles
            .iter()
            .chain(&self.json_ld_pages)
            .find_map(|object| object.get(key).filter(|value| !is_empty_value(value)))
    }

    /// The first value of `key` among the JSON-LD article objects only.
    pub(crate) fn json_ld_article(&self, key: &str) -> Option<&Value> {
        self.json_ld_articles
            .iter()
            .find_map(|object| object.get(key).filter(|value| !is_empty_value(value)))
    }

    /// The names the site gives itself: `og:site_name`, application names, JSON-LD
    /// publisher, WebSite and Organization names, the Twitter account.
    pub(crate) fn site_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .meta_all(&[
                "og:site_name",
                "application-name",
                "apple-mobile-web-app-title",
                "dc.publisher",
                "publisher",
            ])
            .map(str::to_string)
            .chain(self.json_ld_site_names.iter().cloned())
            .chain(
                self.meta_all(&["twitter:site"])
                    .map(|handle| handle.trim_start_matches('@').to_string()),
            )
            .filter(|name| !name.is_empty() && !name.starts_with("http"))
            .collect();
        names.dedup();
        names
    }
}

fn is_empty_value(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

/// Text from metadata: entities decoded (JSON-LD and some `<meta>` contents carry
/// `&#039;`), each run of white space one space, no-break spaces included (metadata is
/// one line, and a stray `&nbsp;` would make a title differ from the same words).
pub(crate) fn clean_text(text: &str) -> String {
    decode_entities(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn meta_tag(element: &super::document::Element) -> Option<(String, String)> {
    let content = element.attribute("content")?;
    let key = element
        .attribute("property")
        .or_else(|| element.attribute("name"))
        .map(str::to_string)
        .or_else(|| {
            element
                .attribute("itemprop")
                .map(|name| format!("itemprop:{name}"))
        })?;
    Some((key.trim().to_lowercase(), clean_text(content)))
}

/// Every object of a JSON-LD script, arrays and `@graph` flattened. Scripts are often not
/// valid JSON: objects written one after the other, or a value with an unescaped quote;
/// such scripts are read as far as they go, and the keys an article needs are picked out
/// of what is left.
fn json_ld_objects(text: &str) -> Vec<Map<String, Value>> {
    let text = text.trim();
    let mut objects = Vec::new();
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        flatten_json_ld(value, &mut objects);
        return objects;
    }
    if let Ok(value) = serde_json::from_str::<Value>(&format!("[{text}]")) {
        flatten_json_ld(value, &mut objects);
        return objects;
    }
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    for value in stream.by_ref() {
        match value {
            Ok(value) => flatten_json_ld(value, &mut objects),
            Err(_) => break,
        }
    }
    if objects.is_empty() {
        objects.extend(scanned_article(text));
    }
    objects
}

/// How far after `"author"` a broken JSON-LD text is searched for the author's name.
const AUTHOR_SCAN_BYTES: usize = 400;

/// The article keys of a JSON-LD text that does not parse, found by their `"key": "value"`
/// shape: the type, headline, dates, section and the author's name.
fn scanned_article(text: &str) -> Option<Map<String, Value>> {
    let mut object = Map::new();
    for key in [
        "@type",
        "headline",
        "datePublished",
        "dateCreated",
        "dateModified",
        "articleSection",
    ] {
        if let Some(value) = string_after(text, &format!("\"{key}\"")) {
            object.insert(key.to_string(), Value::String(value));
        }
    }
    if let Some(start) = text.find("\"author\"") {
        let author = &text[start..];
        let mut end = author.len().min(AUTHOR_SCAN_BYTES);
        while !author.is_char_boundary(end) {
            end -= 1;
        }
        let author = &author[..end];
        if let Some(name) = string_after(author, "\"name\"") {
            let mut person = Map::new();
            person.insert("name".to_string(), Value::String(name));
            object.insert("author".to_string(), Value::Object(person));
        }
    }
    is_article_type(&object).then_some(object)
}

/// The string value that follows `key` and a colon, up to the next unescaped quote.
fn string_after(text: &str, key: &str) -> Option<String> {
    let rest = &text[text.find(key)? + key.len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let mut end = None;
    let mut escaped = false;
    for (position, character) in rest.char_indices() {
        match character {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => {
                end = Some(position);
                break;
            }
            _ => escaped = false,
        }
    }
    let raw = &rest[..end?];
    serde_json::from_str::<String>(&format!("\"{raw}\""))
        .ok()
        .or_else(|| Some(raw.to_string()))
}

fn flatten_json_ld(value: Value, objects: &mut Vec<Map<String, Value>>) {
    match value {
        Value::Array(items) => items
            .into_iter()
            .for_each(|item| flatten_json_ld(item, objects)),
        Value::Object(mut object) => {
            if let Some(graph) = object.remove("@graph") {
                flatten_json_ld(graph, objects);
            }
            objects.push(object);
        }
        _ => {}
    }
}

/// Replaces `{"@id": …}` values of an object's keys by the object of that id, one level
/// deep (an article's author or publisher given by reference).
fn resolve_references(
    object: &mut Map<String, Value>,
    by_id: &HashMap<String, Map<String, Value>>,
) {
    let resolve = |value: &mut Value| {
        if let Value::Object(reference) = value {
            if reference.len() == 1 {
                if let Some(found) = reference
                    .get("@id")
                    .and_then(Value::as_str)
                    .and_then(|id| by_id.get(id))
                {
                    *value = Value::Object(found.clone());
                }
            }
        }
    };
    for key in ["author", "publisher", "creator"] {
        match object.get_mut(key) {
            Some(Value::Array(items)) => items.iter_mut().for_each(resolve),
            Some(value) => resolve(value),
            None => {}
        }
    }
}

pub(crate) fn has_type(object: &Map<String, Value>, accepts: impl Fn(&str) -> bool) -> bool {
    match object.get("@type") {
        Some(Value::String(name)) => accepts(name),
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).any(accepts),
        _ => false,
    }
}

/// NewsArticle, Article, ReportageNewsArticle, BlogPosting, LiveBlogPosting…
fn is_article_type(object: &Map<String, Value>) -> bool {
    has_type(object, |name| {
        name.ends_with("Article") || name.ends_with("Posting") || name == "Report"
    })
}

fn breadcrumb_names(object: &Map<String, Value>) -> Vec<String> {
    let Some(Value::Array(items)) = object.get("itemListElement") else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            item.get("name")
                .or_else(|| item.get("item").and_then(|inner| inner.get("name")))
                .and_then(Value::as_str)
                .map(clean_text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<html lang="fr-FR"><head>
        <title>Le titre | Le Site</title>
        <link rel="canonical" href="https://exemple.fr/politique/le-titre.html">
        <meta property="og:title" content="  Le   titre ">
        <meta property="og:site_name" content="Le Site">
        <meta name="author" content="Jeanne Martin">
        <meta itemprop="datePublished" content="2024-10-22">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Le Site"},
            {"@type":"NewsArticle","headline":"Le titre d&#039;un JSON","datePublished":"2024-10-21T08:00:00+02:00","author":{"@id":"#jm"}},
            {"@type":"Person","@id":"#jm","name":"Jeanne Martin"},
            {"@type":"BreadcrumbList","itemListElement":[{"position":1,"name":"Accueil"},{"position":2,"item":{"name":"Politique"}}]}
        ]}</script>
        <script type="application/ld+json">{ not json </script>
        </head><body></body></html>"##;

    fn read(html: &str) -> PageMetadata {
        PageMetadata::read(&Document::parse(html).unwrap())
    }

    #[test]
    fn reads_meta_tags_json_ld_and_links() {
        let metadata = read(PAGE);
        assert_eq!(metadata.meta(&["og:title"]), Some("Le titre"));
        assert_eq!(
            metadata.meta(&["article:author", "author"]),
            Some("Jeanne Martin")
        );
        assert_eq!(
            metadata.meta(&["itemprop:datepublished"]),
            Some("2024-10-22")
        );
        assert_eq!(
            metadata.json_ld("headline").and_then(Value::as_str),
            Some("Le titre d&#039;un JSON")
        );
        assert_eq!(
            metadata
                .json_ld("author")
                .and_then(|author| author.get("name"))
                .and_then(Value::as_str),
            Some("Jeanne Martin")
        );
        assert_eq!(metadata.json_ld_breadcrumbs, ["Accueil", "Politique"]);
        assert_eq!(
            metadata.canonical_url.as_deref(),
            Some("https://exemple.fr/politique/le-titre.html")
        );
        assert_eq!(metadata.title_tag.as_deref(), Some("Le titre | Le Site"));
        assert_eq!(metadata.site_names(), ["Le Site"]);
        assert_eq!(
            clean_text("d&#039;un &amp; l&rsquo;autre"),
            "d'un & l\u{2019}autre"
        );
        assert_eq!(clean_text(" sa&nbsp;voiture\u{a0}? "), "sa voiture ?");
    }

    #[test]
    fn broken_json_ld_cut_inside_a_character() {
        let text = format!(
            r#"{{"@type":"NewsArticle","author":{{"x":"{}é suite"#,
            "a".repeat(AUTHOR_SCAN_BYTES - 16)
        );
        let cut = text.find("\"author\"").unwrap() + AUTHOR_SCAN_BYTES;
        assert!(cut < text.len() && !text.is_char_boundary(cut));
        assert!(json_ld_objects(&text)[0].get("author").is_none());
    }

    #[test]
    fn broken_json_ld_is_read_as_far_as_it_goes() {
        let concatenated = r#"<script type="application/ld+json">
            {"@type":"NewsArticle","headline":"Un","datePublished":"2020-12-26T21:00:38+01:00"},
            {"@type":"BreadcrumbList","itemListElement":[]}</script>"#;
        assert_eq!(
            read(concatenated)
                .json_ld("datePublished")
                .and_then(Value::as_str),
            Some("2020-12-26T21:00:38+01:00")
        );
        let unescaped = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Deux",
            "datePublished":"2019-12-09 20:00:49","author":{"@type":"Person","name":"Barbara Stiegler"},
            "image":{"url":"<img width="300" src="x.jpg">"}}</script>"#;
        let metadata = read(unescaped);
        assert_eq!(
            metadata.json_ld("datePublished").and_then(Value::as_str),
            Some("2019-12-09 20:00:49")
        );
        assert_eq!(
            metadata
                .json_ld("author")
                .and_then(|author| author.get("name"))
                .and_then(Value::as_str),
            Some("Barbara Stiegler")
        );
    }
}
