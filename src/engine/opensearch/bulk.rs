//! The bulk writer: operations batched into bulk requests, a bounded number of batches in flight on worker threads, the items a busy cluster rejects (429, 5xx) sent again with backoff, the others reported.

use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;

use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::index::SkippedFile;

use super::client::{backoff, reason, Client, ATTEMPTS};

/// A batch is sent when it holds this many operations, or this many bytes.
const BATCH_OPERATIONS: usize = 1000;
const BATCH_BYTES: usize = 8 << 20;

/// One bulk operation: its two lines, and what to name if the cluster refuses it.
struct Operation {
    lines: String,
    id: String,
    path: String,
    /// A delete: a document already gone is what was asked for.
    delete: bool,
}

/// Sends bulk requests from worker threads; `flush` waits until all are acknowledged.
pub(crate) struct BulkWriter {
    sender: Option<SyncSender<Vec<Operation>>>,
    workers: Vec<JoinHandle<()>>,
    shared: Arc<Shared>,
    batch: Vec<Operation>,
    batch_bytes: usize,
}

struct Shared {
    client: Arc<Client>,
    state: Mutex<State>,
    idle: Condvar,
}

#[derive(Default)]
struct State {
    in_flight: usize,
    refused: Vec<SkippedFile>,
    error: Option<Error>,
}

impl BulkWriter {
    /// A writer with `workers` batches in flight at most (and as many waiting to be sent).
    pub(super) fn new(client: Arc<Client>, workers: usize) -> BulkWriter {
        let shared = Arc::new(Shared {
            client,
            state: Mutex::new(State::default()),
            idle: Condvar::new(),
        });
        let (sender, receiver) = sync_channel::<Vec<Operation>>(workers);
        let receiver = Arc::new(Mutex::new(receiver));
        let workers = (0..workers.max(1))
            .map(|_| {
                let shared = Arc::clone(&shared);
                let receiver = Arc::clone(&receiver);
                std::thread::spawn(move || loop {
                    let next = receiver.lock().map(|receiver| receiver.recv());
                    let Ok(Ok(batch)) = next else {
                        return;
                    };
                    let outcome = send_batch(&shared.client, batch);
                    let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
                    match outcome {
                        Ok(refused) => state.refused.extend(refused),
                        Err(error) => {
                            state.error.get_or_insert(error);
                        }
                    }
                    state.in_flight -= 1;
                    shared.idle.notify_all();
                })
            })
            .collect();
        BulkWriter {
            sender: Some(sender),
            workers,
            shared,
            batch: Vec::new(),
            batch_bytes: 0,
        }
    }

    /// Indexes (or replaces) the document (JSON) with this id.
    pub(super) fn index(
        &mut self,
        index: &str,
        id: &str,
        document: &str,
        path: &str,
    ) -> Result<()> {
        let action = json!({"index": {"_index": index, "_id": id}});
        self.push(Operation {
            lines: format!("{action}\n{document}\n"),
            id: id.to_string(),
            path: path.to_string(),
            delete: false,
        })
    }

    /// Changes some fields of the document with this id.
    pub(super) fn update(&mut self, index: &str, id: &str, fields: &Value) -> Result<()> {
        let action = json!({"update": {"_index": index, "_id": id}});
        self.push(Operation {
            lines: format!("{action}\n{}\n", json!({ "doc": fields })),
            id: id.to_string(),
            path: String::new(),
            delete: false,
        })
    }

    /// Deletes the document with this id, if it is there.
    pub(super) fn delete(&mut self, index: &str, id: &str) -> Result<()> {
        let action = json!({"delete": {"_index": index, "_id": id}});
        self.push(Operation {
            lines: format!("{action}\n"),
            id: id.to_string(),
            path: String::new(),
            delete: true,
        })
    }

    fn push(&mut self, operation: Operation) -> Result<()> {
        self.take_error()?;
        self.batch_bytes += operation.lines.len();
        self.batch.push(operation);
        if self.batch.len() >= BATCH_OPERATIONS || self.batch_bytes >= BATCH_BYTES {
            self.send()?;
        }
        Ok(())
    }

    /// Hands the batch to a worker; blocks while the workers and the queue are all busy.
    fn send(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        self.batch_bytes = 0;
        self.lock().in_flight += 1;
        let sent = self.sender.as_ref().map(|sender| sender.send(batch));
        if !matches!(sent, Some(Ok(()))) {
            self.lock().in_flight -= 1;
            return Err(self
                .shared
                .client
                .error("the bulk writer's threads stopped"));
        }
        Ok(())
    }

    /// Sends what is batched and waits until every batch is acknowledged.
    pub(super) fn flush(&mut self) -> Result<()> {
        self.send()?;
        let mut state = self.lock();
        while state.in_flight > 0 {
            state = self
                .shared
                .idle
                .wait(state)
                .unwrap_or_else(|e| e.into_inner());
        }
        drop(state);
        self.take_error()
    }

    /// The operations the cluster refused for good (not for being busy), with the reason.
    pub(super) fn take_refused(&mut self) -> Vec<SkippedFile> {
        std::mem::take(&mut self.lock().refused)
    }

    fn take_error(&self) -> Result<()> {
        match self.lock().error.take() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.shared.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Drop for BulkWriter {
    fn drop(&mut self) {
        self.sender = None;
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

/// Whether an item's status says "busy, try again" rather than "never".
fn is_transient(status: u64) -> bool {
    status == 429 || status >= 500
}

/// Sends one batch until every item is acknowledged or refused for good; returns the
/// refused ones. Items rejected as busy are sent again with backoff, never dropped: after
/// [`ATTEMPTS`] tries the batch fails, and the run with it (its files stay unrecorded, so
/// the next run sends them again).
fn send_batch(client: &Client, mut pending: Vec<Operation>) -> Result<Vec<SkippedFile>> {
    let mut refused = Vec::new();
    for attempt in 0..ATTEMPTS {
        if attempt > 0 {
            std::thread::sleep(backoff(attempt));
        }
        let body: String = pending.iter().map(|op| op.lines.as_str()).collect();
        let reply = client.send("POST", "/_bulk", Some(&body))?;
        if !(200..300).contains(&reply.status) {
            return Err(client.error(format!(
                "bulk request: {} {}",
                reply.status,
                reason(&reply.body)
            )));
        }
        if reply.body["errors"] != Value::Bool(true) {
            return Ok(refused);
        }
        let items = reply.body["items"].as_array().cloned().unwrap_or_default();
        let mut again = Vec::new();
        let mut last_reason = String::new();
        for (operation, item) in pending.into_iter().zip(items.iter()) {
            let result = item
                .as_object()
                .and_then(|item| item.values().next())
                .cloned()
                .unwrap_or(Value::Null);
            let status = result["status"].as_u64().unwrap_or(0);
            if (200..300).contains(&status) || (operation.delete && status == 404) {
                continue;
            }
            let why = reason(&result);
            if is_transient(status) {
                last_reason = why;
                again.push(operation);
            } else {
                refused.push(SkippedFile {
                    path: operation.path.into(),
                    line: None,
                    reason: format!("the cluster refused article {}: {why}", operation.id),
                });
            }
        }
        if again.is_empty() {
            return Ok(refused);
        }
        if attempt + 1 == ATTEMPTS {
            return Err(client.error(format!(
                "{} articles still rejected after {ATTEMPTS} tries: {last_reason}",
                again.len()
            )));
        }
        pending = again;
    }
    Ok(refused)
}
