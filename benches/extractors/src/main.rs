//! Runs the Rust HTML article extractors on pages and prints, per page and extractor, the fields read and the time taken, as JSON lines.

use std::time::Instant;

use serde_json::{json, Value};

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable page");
        let html = String::from_utf8_lossy(&bytes).into_owned();
        for (name, extract) in EXTRACTORS {
            let started = Instant::now();
            let fields = extract(&html);
            let micros = started.elapsed().as_micros() as u64;
            let mut line = json!({"file": path, "extractor": name, "micros": micros});
            match fields {
                Ok(fields) => line
                    .as_object_mut()
                    .unwrap()
                    .extend(fields.as_object().unwrap().clone()),
                Err(error) => line["error"] = error.into(),
            }
            println!("{line}");
        }
    }
}

type Extractor = fn(&str) -> Result<Value, String>;

const EXTRACTORS: &[(&str, Extractor)] = &[
    ("rs-trafilatura", rs_trafilatura),
    ("trafilatura-rs", trafilatura_rs),
    ("dom_smoothie", dom_smoothie),
];

/// One extractor's fields, under the names `compare.py` reads.
fn fields(
    title: impl Into<Value>,
    date: Option<String>,
    author: impl Into<Value>,
    body: String,
) -> Value {
    json!({"title": title.into(), "date": date, "author": author.into(), "body": body})
}

fn rs_trafilatura(html: &str) -> Result<Value, String> {
    let result = rs_trafilatura::extract(html).map_err(|error| error.to_string())?;
    let metadata = result.metadata;
    let date = metadata
        .date
        .map(|date| date.format("%Y-%m-%d").to_string());
    Ok(fields(
        metadata.title,
        date,
        metadata.author,
        result.content_text,
    ))
}

fn trafilatura_rs(html: &str) -> Result<Value, String> {
    let result = trafilatura::extract(html, &trafilatura::Options::default())
        .map_err(|error| error.to_string())?;
    let metadata = result.metadata;
    let date = metadata
        .date
        .map(|date| date.format("%Y-%m-%d").to_string());
    Ok(fields(
        metadata.title,
        date,
        metadata.author,
        result.content_text,
    ))
}

fn dom_smoothie(html: &str) -> Result<Value, String> {
    let mut readability =
        dom_smoothie::Readability::new(html, None, None).map_err(|error| error.to_string())?;
    let article = readability.parse().map_err(|error| error.to_string())?;
    let date = article
        .published_time
        .as_deref()
        .map(|date| date.chars().take(10).collect::<String>());
    Ok(fields(
        article.title,
        date,
        article.byline,
        article.text_content.to_string(),
    ))
}
