//! The OpenSearch engine: newsearch's articles, analysis, query language and results on a cluster, for archives beyond one machine.
//!
//! `client` speaks HTTP to the nodes, `mapping` is the index newsearch creates, `bulk`
//! and `writer` index articles (`groups` keeps near-duplicate keys stable), `query` translates the parsed query into the Query DSL,
//! `facets` and `snippets` turn aggregations and highlights into results, `searcher`
//! answers the commands, `spelling` suggests words for queries that find few articles.

mod bulk;
mod client;
mod facets;
mod groups;
mod mapping;
mod query;
mod searcher;
mod snippets;
mod spelling;
mod writer;

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use crate::error::Result;

use client::Client;
pub(crate) use searcher::ClusterSearcher;
pub(crate) use writer::ClusterWriter;

/// The index newsearch uses when none is named.
pub(crate) const DEFAULT_INDEX: &str = "newsearch";

/// An index on a cluster: the nodes to talk to and the index name. The files read in full
/// are listed in a second index, `NAME-files`.
#[derive(Debug, Clone)]
pub(crate) struct Cluster {
    /// One or more node URLs (`http://HOST:9200`); when one stops answering, the next is used.
    pub urls: Vec<String>,
    pub index: String,
}

impl Cluster {
    pub(crate) fn client(&self) -> Arc<Client> {
        Arc::new(Client::new(&self.urls))
    }

    fn files_index(&self) -> String {
        format!("{}-files", self.index)
    }

    pub(crate) fn searcher(&self) -> Result<ClusterSearcher> {
        ClusterSearcher::open(self.client(), &self.index)
    }

    /// A searcher whose every request to the cluster gives up after `patience`, for a
    /// server whose queries have a time budget.
    pub(crate) fn searcher_within(&self, patience: Duration) -> Result<ClusterSearcher> {
        let client = Client::new(&self.urls).with_patience(patience);
        ClusterSearcher::open(Arc::new(client), &self.index)
    }

    pub(crate) fn writer(&self) -> Result<ClusterWriter> {
        let client = self.client();
        let data_nodes = client.get("/_cluster/health")?["number_of_data_nodes"]
            .as_u64()
            .unwrap_or(1)
            .max(1);
        // One shard per data node, and one replica when there is a node to hold it.
        let (shards, replicas) = (data_nodes, u64::from(data_nodes > 1));
        create_if_missing(
            &client,
            &self.index,
            &mapping::articles_index(shards, replicas),
        )?;
        create_if_missing(
            &client,
            &self.files_index(),
            &mapping::files_index(shards, replicas),
        )?;
        Ok(ClusterWriter::new(
            client,
            self.index.clone(),
            self.files_index(),
            data_nodes as usize,
        ))
    }

    /// The `--field` mappings stored on the cluster (none when there is no index yet).
    pub(crate) fn stored_fields(&self) -> Result<Vec<String>> {
        let client = self.client();
        if !check_format(&client, &self.files_index())? {
            return Ok(Vec::new());
        }
        writer::stored_fields(&client, &self.files_index())
    }

    /// Deletes the two indexes, if newsearch made them (`index --rebuild`).
    pub(crate) fn delete(&self) -> Result<()> {
        let client = self.client();
        for index in [self.index.clone(), self.files_index()] {
            if check_format(&client, &index)? {
                client.json("DELETE", &format!("/{index}"), None)?;
            }
        }
        Ok(())
    }
}

/// Whether the index exists, refusing one that newsearch did not make or made in another
/// format.
fn check_format(client: &Client, index: &str) -> Result<bool> {
    let reply = client.send("GET", &format!("/{index}/_mapping"), None)?;
    if reply.status == 404 {
        return Ok(false);
    }
    if !(200..300).contains(&reply.status) {
        return Err(client.error(format!(
            "{index}: {} {}",
            reply.status,
            client::reason(&reply.body)
        )));
    }
    let format = reply
        .body
        .as_object()
        .and_then(|indexes| indexes.values().next())
        .map(|found| &found["mappings"]["_meta"]["newsearch_format"]);
    match format.and_then(Value::as_u64) {
        Some(mapping::FORMAT) => Ok(true),
        Some(other) => Err(client.error(format!(
            "the index {index} was made by another version of newsearch (format {other}); run `newsearch index --rebuild` to build it again"
        ))),
        None => Err(client.error(format!(
            "the index {index} was not made by newsearch, so it is left alone; name another with --os-index"
        ))),
    }
}

fn create_if_missing(client: &Client, index: &str, body: &Value) -> Result<()> {
    if check_format(client, index)? {
        return Ok(());
    }
    let reply = client.send("PUT", &format!("/{index}"), Some(&body.to_string()))?;
    let already = reply.body["error"]["type"] == "resource_already_exists_exception";
    if !(200..300).contains(&reply.status) && !already {
        return Err(client.error(format!(
            "creating the index {index}: {} {}",
            reply.status,
            client::reason(&reply.body)
        )));
    }
    // Green when the cluster can make it so: a node lost before the replicas of a new
    // index are placed would take a shard's only copy with it. A cluster that stays
    // yellow (one node, or one down) is used as it is.
    client.send(
        "GET",
        &format!("/_cluster/health/{index}?wait_for_status=green&timeout=30s"),
        None,
    )?;
    client.get(&format!(
        "/_cluster/health/{index}?wait_for_status=yellow&timeout=60s"
    ))?;
    Ok(())
}
