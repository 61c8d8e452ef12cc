//! What an HTML page says about itself: `<meta>` tags (Open Graph, article:*, name=author), JSON-LD objects, the canonical link, `<title>`.

use scraper::{ElementRef, Html, Selector};
use serde_json::{Map, Value};

/// The self-description of one page.
#[derive(Debug, Default)]
pub struct PageMetadata {
    /// `(key, content)` of every `<meta>` tag with a content, the key being its `property`,
    /// `name` or `itemprop` attribute (the last prefixed `itemprop:`), lowercased.
    meta_tags: Vec<(String, String)>,
    /// JSON-LD objects describing an article (NewsArticle, BlogPosting…), `@graph` flattened.
    json_ld_articles: Vec<Map<String, Value>>,
    /// Names of the JSON-LD BreadcrumbList items, in order.
    pub json_ld_breadcrumbs: Vec<String>,
    pub canonical_url: Option<String>,
    pub title_tag: Option<String>,
}

impl PageMetadata {
    pub fn read(document: &Html) -> PageMetadata {
        let mut metadata = PageMetadata {
            meta_tags: meta_tags(document),
            canonical_url: first_attribute(document, "link[rel~=canonical]", "href"),
            title_tag: document
                .select(&selector("title"))
                .next()
                .map(|title| collapse_whitespace(&title.text().collect::<String>()))
                .filter(|title| !title.is_empty()),
            ..PageMetadata::default()
        };
        for object in json_ld_objects(document) {
            if is_article_type(&object) {
                metadata.json_ld_articles.push(object);
            } else if has_type(&object, |name| name == "BreadcrumbList") {
                metadata.json_ld_breadcrumbs = breadcrumb_names(&object);
            }
        }
        metadata
    }

    /// The content of the first non-empty `<meta>` whose key is one of `keys`, in the order of `keys`.
    pub fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|key| {
            self.meta_tags
                .iter()
                .find(|(name, content)| name == key && !content.trim().is_empty())
                .map(|(_, content)| content.trim())
        })
    }

    /// The first value of `key` among the page's JSON-LD article objects.
    pub fn json_ld(&self, key: &str) -> Option<&Value> {
        self.json_ld_articles
            .iter()
            .find_map(|object| object.get(key).filter(|value| !value.is_null()))
    }
}

/// Parses a selector written in this file; they are all valid.
pub fn selector(text: &str) -> Selector {
    Selector::parse(text).expect("selectors written in the source are valid")
}

fn first_attribute(document: &Html, css: &str, attribute: &str) -> Option<String> {
    document
        .select(&selector(css))
        .find_map(|element| element.value().attr(attribute))
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .map(str::to_string)
}

fn meta_tags(document: &Html) -> Vec<(String, String)> {
    document
        .select(&selector("meta[content]"))
        .filter_map(|meta| {
            let element = meta.value();
            let key = element
                .attr("property")
                .or_else(|| element.attr("name"))
                .map(str::to_string)
                .or_else(|| {
                    element
                        .attr("itemprop")
                        .map(|name| format!("itemprop:{name}"))
                })?;
            Some((
                key.trim().to_lowercase(),
                collapse_whitespace(element.attr("content")?),
            ))
        })
        .collect()
}

/// Every object of every JSON-LD script, arrays and `@graph` flattened; scripts that are
/// not valid JSON are skipped.
fn json_ld_objects(document: &Html) -> Vec<Map<String, Value>> {
    let mut objects = Vec::new();
    for script in document.select(&selector(r#"script[type="application/ld+json"]"#)) {
        let text: String = script.text().collect();
        if let Ok(value) = serde_json::from_str::<Value>(text.trim()) {
            flatten_json_ld(value, &mut objects);
        }
    }
    objects
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

fn has_type(object: &Map<String, Value>, accepts: impl Fn(&str) -> bool) -> bool {
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
                .map(collapse_whitespace)
        })
        .collect()
}

/// One line of text: runs of whitespace become one space.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an element on one line.
pub fn element_text(element: ElementRef) -> String {
    collapse_whitespace(&element.text().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head>
        <title>Le titre | Le Site</title>
        <link rel="canonical" href="https://exemple.fr/politique/le-titre.html">
        <meta property="og:title" content="  Le   titre ">
        <meta name="author" content="Jeanne Martin">
        <meta itemprop="datePublished" content="2024-10-22">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Le Site"},
            {"@type":"NewsArticle","headline":"Le titre JSON","datePublished":"2024-10-21T08:00:00+02:00"},
            {"@type":"BreadcrumbList","itemListElement":[{"position":1,"name":"Accueil"},{"position":2,"item":{"name":"Politique"}}]}
        ]}</script>
        <script type="application/ld+json">{ not json </script>
        </head><body></body></html>"#;

    #[test]
    fn reads_meta_tags_json_ld_and_links() {
        let metadata = PageMetadata::read(&Html::parse_document(PAGE));
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
            Some("Le titre JSON")
        );
        assert_eq!(metadata.json_ld_breadcrumbs, ["Accueil", "Politique"]);
        assert_eq!(
            metadata.canonical_url.as_deref(),
            Some("https://exemple.fr/politique/le-titre.html")
        );
        assert_eq!(metadata.title_tag.as_deref(), Some("Le titre | Le Site"));
    }
}
