//! HTTP to the cluster: JSON requests to any of its nodes, retried with backoff when the cluster is overloaded (429, 503) or a node stops answering.

use std::io::Read;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::error::{Error, Result};

/// Statuses that say "try again later": too many requests, and a cluster that is
/// electing a manager or promoting replicas after a node loss.
const RETRIED_STATUSES: [u16; 4] = [429, 502, 503, 504];

/// How many times a request is sent before its failure is reported; with the backoff
/// below, about 40 s in all: more than a cluster takes to elect a new manager and promote
/// the replicas of a lost node.
pub(crate) const ATTEMPTS: u32 = 10;
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
const MAX_BACKOFF: Duration = Duration::from_secs(8);

/// The pause before attempt `attempt` (1 for the first retry): doubling, capped.
pub(crate) fn backoff(attempt: u32) -> Duration {
    FIRST_BACKOFF
        .saturating_mul(1 << attempt.saturating_sub(1).min(8))
        .min(MAX_BACKOFF)
}

/// A client of one cluster, reached through any of the node URLs it was given.
pub(crate) struct Client {
    nodes: Vec<String>,
    agent: ureq::Agent,
    /// The node tried first; it moves on when a node does not answer.
    preferred: AtomicUsize,
    /// How long one request may take, retries and pauses included; `None`: the retries
    /// above, each answer awaited as long as a bulk request may take.
    patience: Option<Duration>,
}

/// An answer with the status the client does not retry, and its JSON body.
pub(crate) struct Reply {
    pub status: u16,
    pub body: Value,
}

impl Client {
    pub(crate) fn new(nodes: &[String]) -> Client {
        Client {
            nodes: nodes
                .iter()
                .map(|url| url.trim_end_matches('/').to_string())
                .collect(),
            agent: ureq::AgentBuilder::new()
                .timeout_connect(Duration::from_secs(3))
                .timeout_read(Duration::from_secs(300))
                .build(),
            preferred: AtomicUsize::new(0),
            patience: None,
        }
    }

    /// The same client, giving up on a request after `patience`, retries included: a
    /// server's query then frees its thread soon after its time budget, whatever the
    /// cluster does.
    pub(crate) fn with_patience(mut self, patience: Duration) -> Client {
        self.patience = Some(patience);
        self
    }

    /// The URL errors name: the first node.
    pub(crate) fn url(&self) -> &str {
        self.nodes.first().map_or("", String::as_str)
    }

    pub(crate) fn error(&self, message: impl Into<String>) -> Error {
        Error::Cluster {
            url: self.url().to_string(),
            message: message.into(),
        }
    }

    /// Sends a request, retrying overloads and unreachable nodes (the next node is tried);
    /// any other answer is returned whatever its status.
    pub(crate) fn send(&self, method: &str, path: &str, body: Option<&str>) -> Result<Reply> {
        let content_type = if path.contains("_bulk") {
            "application/x-ndjson"
        } else {
            "application/json"
        };
        let started = Instant::now();
        let mut last_problem = String::new();
        for attempt in 0..ATTEMPTS {
            if attempt > 0 {
                let pause = backoff(attempt);
                if self
                    .patience
                    .is_some_and(|patience| started.elapsed() + pause >= patience)
                {
                    break;
                }
                std::thread::sleep(pause);
            }
            let node = self.preferred.load(Ordering::Relaxed) % self.nodes.len().max(1);
            let Some(base) = self.nodes.get(node) else {
                return Err(self.error("no node URL given: use --url http://HOST:9200"));
            };
            let mut request = self
                .agent
                .request(method, &format!("{base}{path}"))
                .set("Content-Type", content_type);
            if let Some(patience) = self.patience {
                request = request.timeout(patience.saturating_sub(started.elapsed()));
            }
            let sent = match body {
                Some(body) => request.send_string(body),
                None => request.call(),
            };
            let response = match sent {
                Ok(response) => response,
                Err(ureq::Error::Status(status, response)) => {
                    if RETRIED_STATUSES.contains(&status) {
                        last_problem = format!("{status} from {base}: {}", read_text(response));
                        continue;
                    }
                    response
                }
                Err(ureq::Error::Transport(transport)) => {
                    // A node that does not answer: the next one takes over.
                    last_problem = format!("{base} does not answer: {transport}");
                    let _ = self.preferred.compare_exchange(
                        node,
                        node + 1,
                        Ordering::Relaxed,
                        Ordering::Relaxed,
                    );
                    continue;
                }
            };
            let status = response.status();
            let text = read_text(response);
            let body = if text.is_empty() {
                Value::Null
            } else {
                serde_json::from_str(&text).map_err(|error| {
                    self.error(format!("{method} {path}: the answer is not JSON ({error})"))
                })?
            };
            return Ok(Reply { status, body });
        }
        Err(self.error(match self.patience {
            Some(patience) => format!(
                "{method} {path}: no answer within {} ms, the last problem: {last_problem}",
                patience.as_millis()
            ),
            None => format!("{method} {path} failed {ATTEMPTS} times, the last: {last_problem}"),
        }))
    }

    /// Sends a request and returns its JSON answer; any status other than 2xx is an error
    /// that quotes the cluster's reason.
    pub(crate) fn json(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
        let text = body.map(Value::to_string);
        let reply = self.send(method, path, text.as_deref())?;
        if (200..300).contains(&reply.status) {
            return Ok(reply.body);
        }
        Err(self.error(format!(
            "{method} {path}: {} {}",
            reply.status,
            reason(&reply.body)
        )))
    }

    pub(crate) fn get(&self, path: &str) -> Result<Value> {
        self.json("GET", path, None)
    }

    pub(crate) fn post(&self, path: &str, body: &Value) -> Result<Value> {
        self.json("POST", path, Some(body))
    }
}

/// The cluster's own words for an error answer.
pub(crate) fn reason(body: &Value) -> String {
    let error = &body["error"];
    let root = &error["root_cause"][0];
    let pick = |value: &Value| {
        value["reason"]
            .as_str()
            .map(|reason| format!("{}: {reason}", value["type"].as_str().unwrap_or("error")))
    };
    pick(root)
        .or_else(|| pick(error))
        .or_else(|| error.as_str().map(str::to_string))
        .unwrap_or_else(|| body.to_string())
}

fn read_text(response: ureq::Response) -> String {
    let mut text = String::new();
    // A body cut short reads as what arrived; the JSON parse then says so.
    let _ = response.into_reader().read_to_string(&mut text);
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn backoff_doubles_then_stays_capped() {
        assert_eq!(backoff(1), Duration::from_millis(250));
        assert_eq!(backoff(2), Duration::from_millis(500));
        assert_eq!(backoff(6), Duration::from_secs(8));
        assert_eq!(backoff(40), Duration::from_secs(8));
        let total: Duration = (1..ATTEMPTS).map(backoff).sum();
        assert!(total > Duration::from_secs(30), "{total:?}");
    }

    #[test]
    fn reasons_quote_the_root_cause() {
        let body = json!({"error": {"root_cause": [{"type": "index_not_found_exception", "reason": "no such index [x]"}], "type": "index_not_found_exception", "reason": "no such index [x]"}, "status": 404});
        assert_eq!(
            reason(&body),
            "index_not_found_exception: no such index [x]"
        );
        assert_eq!(reason(&json!({"error": "plain"})), "plain");
    }
}
