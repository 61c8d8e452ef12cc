//! Indexing into the cluster: articles as documents with their id as the document id (a re-run replaces, never duplicates), the files read in full in a second index, and near-duplicate groups computed over all the cluster's articles at the end.

use std::sync::Arc;

use serde_json::{json, Value};

use crate::article::{stable_id, Article};
use crate::engine::ArticleWriter;
use crate::error::Result;
use crate::index::near_duplicates::signature;
use crate::index::{FileState, Manifest, SkippedFile};

use super::bulk::BulkWriter;
use super::client::Client;
use super::groups::{key_changes, KnownGroups};
use super::mapping;

/// How many documents one page of a scan reads.
const SCAN_PAGE: usize = 5000;
/// How many paths one delete request names.
const DELETE_CHUNK: usize = 1024;

/// Writes articles, the manifest and the groups into the cluster.
pub(crate) struct ClusterWriter {
    client: Arc<Client>,
    index: String,
    files_index: String,
    bulk: BulkWriter,
    /// The group keys of the cluster's articles, read at the run's first article (after
    /// the stale ones are removed), and of the articles added since.
    known_groups: Option<KnownGroups>,
    /// `--field` mappings to store at the next commit.
    fields_to_keep: Option<Vec<String>>,
}

impl ClusterWriter {
    /// A writer with one batch in flight per data node (and as many queued).
    pub(crate) fn new(
        client: Arc<Client>,
        index: String,
        files_index: String,
        data_nodes: usize,
    ) -> ClusterWriter {
        ClusterWriter {
            bulk: BulkWriter::new(Arc::clone(&client), data_nodes.clamp(1, 4)),
            client,
            index,
            files_index,
            known_groups: None,
            fields_to_keep: None,
        }
    }

    fn known_groups(&mut self) -> Result<&mut KnownGroups> {
        if self.known_groups.is_none() {
            let mut known = KnownGroups::default();
            for (_, signature, group) in self.grouped_articles()? {
                known.insert(signature, group);
            }
            self.known_groups = Some(known);
        }
        Ok(self.known_groups.get_or_insert_with(KnownGroups::default))
    }

    fn refresh(&self) -> Result<()> {
        self.client.post(
            &format!("/{},{}/_refresh", self.index, self.files_index),
            &json!({}),
        )?;
        Ok(())
    }

    /// The articles of the index: id, signature and stored group key.
    fn grouped_articles(&self) -> Result<Vec<(String, u64, u64)>> {
        let mut articles = Vec::new();
        scan(
            &self.client,
            &self.index,
            &json!({"match_all": {}}),
            "id",
            &["simhash", "group"],
            |hit| {
                let source = &hit["_source"];
                let number = |field: &str| {
                    source[field]
                        .as_str()
                        .and_then(|hex| u64::from_str_radix(hex, 16).ok())
                };
                if let (Some(id), Some(signature), Some(group)) =
                    (hit["_id"].as_str(), number("simhash"), number("group"))
                {
                    articles.push((id.to_string(), signature, group));
                }
            },
        )?;
        Ok(articles)
    }

    /// Computes the near-duplicate groups of every article in the index and updates the
    /// group key of the few articles whose group does not share it (see `groups`).
    fn update_groups(&mut self) -> Result<()> {
        let articles = self.grouped_articles()?;
        let keys: Vec<(u64, u64)> = articles
            .iter()
            .map(|(_, signature, group)| (*signature, *group))
            .collect();
        for (index, key) in key_changes(&keys) {
            self.bulk.update(
                &self.index,
                &articles[index].0,
                &json!({ "group": hex(key) }),
            )?;
        }
        self.bulk.flush()
    }
}

impl ArticleWriter for ClusterWriter {
    fn manifest(&mut self) -> Result<Manifest> {
        let mut manifest = Manifest::default();
        scan(
            &self.client,
            &self.files_index,
            &json!({"match_all": {}}),
            "path",
            &["path", "size", "modified_ns"],
            |hit| {
                let source = &hit["_source"];
                if let Some(path) = source["path"].as_str() {
                    let state = FileState {
                        size: source["size"].as_u64().unwrap_or(0),
                        modified_ns: source["modified_ns"].as_u64().unwrap_or(0),
                    };
                    manifest.files.insert(path.to_string(), state);
                }
            },
        )?;
        manifest.fields = stored_fields(&self.client, &self.files_index)?;
        Ok(manifest)
    }

    fn remove_files(&mut self, keys: &[String]) -> Result<()> {
        self.bulk.flush()?;
        // By search then bulk delete: `_delete_by_query` belongs to the reindex module,
        // which a cluster may not load.
        for chunk in keys.chunks(DELETE_CHUNK) {
            // The file first: if the run stops between the two, the file is read again.
            for (index, order_by) in [(&self.files_index, "path"), (&self.index, "id")] {
                let mut ids = Vec::new();
                let only = json!({"terms": {"path": chunk}});
                scan(&self.client, index, &only, order_by, &[], |hit| {
                    ids.extend(hit["_id"].as_str().map(str::to_string));
                })?;
                for id in &ids {
                    self.bulk.delete(index, id)?;
                }
                self.bulk.flush()?;
            }
        }
        if !keys.is_empty() {
            self.refresh()?;
        }
        Ok(())
    }

    fn add(&mut self, article: &Article) -> Result<()> {
        let key = Manifest::key(&article.path);
        let signature = signature(&article.body);
        let group = self.known_groups()?.key_for(signature);
        let document = document(article, &key, signature, group);
        self.bulk.index(&self.index, &article.id, &document, &key)
    }

    fn keep_fields(&mut self, pairs: &[String]) {
        self.fields_to_keep = Some(pairs.to_vec());
    }

    fn commit(&mut self, files: &[(String, FileState)]) -> Result<u64> {
        // The articles are acknowledged before their files are listed as read.
        self.bulk.flush()?;
        // The mappings before the files read with them: a run stopped in between reads
        // those files again, with the mappings now stored.
        if let Some(pairs) = self.fields_to_keep.take() {
            self.client.json(
                "PUT",
                &format!("/{}/_mapping", self.files_index),
                Some(&json!({"_meta": mapping::files_meta(&pairs)})),
            )?;
        }
        for (key, state) in files {
            let record = json!({"path": key, "size": state.size, "modified_ns": state.modified_ns});
            self.bulk
                .index(&self.files_index, &stable_id(key), &record.to_string(), key)?;
        }
        self.bulk.flush()?;
        self.refresh()?;
        let count = self.client.get(&format!("/{}/_count", self.index))?;
        Ok(count["count"].as_u64().unwrap_or(0))
    }

    fn finish(&mut self) -> Result<Vec<SkippedFile>> {
        self.bulk.flush()?;
        self.update_groups()?;
        self.refresh()?;
        Ok(self.bulk.take_refused())
    }
}

/// The `--field` mappings stored with the files index (in its mapping's `_meta`).
pub(crate) fn stored_fields(client: &Client, files_index: &str) -> Result<Vec<String>> {
    let answer = client.get(&format!("/{files_index}/_mapping"))?;
    let meta = answer
        .as_object()
        .and_then(|indexes| indexes.values().next())
        .map(|found| &found["mappings"]["_meta"]["fields"]);
    Ok(meta
        .and_then(Value::as_array)
        .map(|pairs| {
            pairs
                .iter()
                .filter_map(|pair| pair.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default())
}

/// The document (JSON) of an article, with its body's signature and its group key. Title comes before body: both are copied, in the
/// order they come, into the searched `text` (a JSON map would sort its keys).
fn document(article: &Article, path_key: &str, signature: u64, group: u64) -> String {
    let others = json!({
        "id": article.id,
        "path": path_key,
        "category": article.category,
        "author": article.author,
        "source": article.source,
        "url": article.url,
        "date": article.date.map(|date| date.date.to_string()),
        "date_inferred": article.date.is_some_and(|date| date.year_inferred),
        "simhash": hex(signature),
        "group": hex(group),
    })
    .to_string();
    format!(
        "{{\"title\":{},\"body\":{},{}",
        Value::from(article.title.as_str()),
        Value::from(article.body.as_str()),
        &others[1..]
    )
}

/// A signature or group key as the index holds it.
pub(crate) fn hex(value: u64) -> String {
    format!("{value:016x}")
}

/// Calls `visit` with every document of `index` that matches `query` (its `_id` and these
/// `fields` of its source), page by page in the order of the unique field `order_by`.
pub(crate) fn scan(
    client: &Client,
    index: &str,
    query: &Value,
    order_by: &str,
    fields: &[&str],
    mut visit: impl FnMut(&Value),
) -> Result<()> {
    let mut after: Option<Value> = None;
    loop {
        let mut request = json!({
            "query": query,
            "size": SCAN_PAGE,
            "sort": [{order_by: "asc"}],
            "_source": fields,
            "track_total_hits": false
        });
        if let Some(after) = after.take() {
            request["search_after"] = after;
        }
        let answer = client.post(&format!("/{index}/_search"), &request)?;
        let hits = answer["hits"]["hits"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for hit in &hits {
            visit(hit);
        }
        match hits.last() {
            Some(last) if hits.len() == SCAN_PAGE => after = Some(last["sort"].clone()),
            _ => return Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::PublicationDate;
    use crate::date::Date;

    #[test]
    fn documents_hold_every_field_with_title_before_body() {
        let article = Article {
            id: "abc".into(),
            title: "Séoul".into(),
            body: "La Corée du Nord.".into(),
            date: Some(PublicationDate {
                date: Date::new(2024, 10, 22).unwrap(),
                year_inferred: true,
            }),
            category: Some("International".into()),
            ..Article::default()
        };
        let text = document(&article, "/news/a.txt", 0xabc, 0xabc);
        assert!(text.starts_with(r#"{"title":"Séoul","body":"La Corée du Nord.","#));
        let document: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(document["date"], "2024-10-22");
        assert_eq!(document["date_inferred"], true);
        assert_eq!(document["author"], Value::Null);
        assert_eq!(document["simhash"], document["group"]);
        assert_eq!(document["simhash"], "0000000000000abc");
    }
}
