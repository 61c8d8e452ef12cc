//! What the server's tests share: a `newsearch serve` process on a free port, and a minimal HTTP/1.1 client (the tests speak to it as any program would, over a socket).
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, ChildStderr, Stdio};
use std::time::Duration;

/// A running `newsearch serve`, stopped when dropped.
pub struct Server {
    pub addr: SocketAddr,
    /// The line it printed when it started listening.
    pub startup: String,
    pub stderr: Option<ChildStderr>,
    child: Child,
}

impl Server {
    /// Starts `newsearch serve` on the index at `index`, on a free loopback port, with these
    /// extra arguments; returns once it listens.
    pub fn start(index: &Path, arguments: &[&str]) -> Server {
        Server::start_at(index, "127.0.0.1:0", arguments)
    }

    pub fn start_at(index: &Path, addr: &str, arguments: &[&str]) -> Server {
        let mut child = crate::common::newsearch_process(index)
            .args(["serve", "--addr", addr])
            .args(arguments)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("newsearch serve starts");
        let mut startup = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut startup)
            .unwrap();
        // The server's address is the line's last URL (a cluster's comes before it).
        let Some(listening) = startup
            .rsplit("http://")
            .next()
            .and_then(|rest| rest.split('/').next())
            .and_then(|addr| addr.parse().ok())
        else {
            let mut stderr = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut stderr)
                .ok();
            let _ = child.kill();
            panic!("no address in the startup line {startup:?}; stderr: {stderr}");
        };
        Server {
            addr: listening,
            startup,
            stderr: child.stderr.take(),
            child,
        }
    }

    pub fn get(&self, target: &str) -> Answer {
        request(self.addr, "GET", target, None)
    }

    /// `GET target`, decoded as JSON (the status is the caller's to check).
    pub fn json(&self, target: &str) -> (u16, serde_json::Value) {
        let answer = self.get(target);
        let value = serde_json::from_str(&answer.body)
            .unwrap_or_else(|error| panic!("{target}: not JSON ({error}): {}", answer.body));
        (answer.status, value)
    }

    /// True while the process runs.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// One HTTP/1.1 request on its own connection (`Connection: close`), with a JSON body if any.
pub fn request(addr: SocketAddr, method: &str, target: &str, body: Option<&str>) -> Answer {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let body = body.unwrap_or("");
    let head = format!(
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body.as_bytes()).unwrap();
    parse_answer(&read_answer(&mut stream))
}

/// The bytes of one answer: up to its `Content-Length` when it gives one (a server may keep the
/// connection open whatever the request asked), else up to the end of the connection.
fn read_answer(stream: &mut TcpStream) -> Vec<u8> {
    let mut raw = Vec::new();
    let mut buffer = [0u8; 64 << 10];
    loop {
        let read = stream.read(&mut buffer).unwrap();
        if read == 0 {
            return raw;
        }
        raw.extend_from_slice(&buffer[..read]);
        let Some(split) = raw.windows(4).position(|window| window == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
        let length = head
            .lines()
            .filter_map(|line| line.split_once(':'))
            .find(|(name, _)| name.trim() == "content-length")
            .and_then(|(_, value)| value.trim().parse::<usize>().ok());
        if length.is_some_and(|length| raw.len() >= split + 4 + length) {
            return raw;
        }
    }
}

fn parse_answer(raw: &[u8]) -> Answer {
    let split = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .expect("an HTTP answer head");
    let head = String::from_utf8_lossy(&raw[..split]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(name, value)| name == "transfer-encoding" && value.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Answer {
        status,
        headers,
        body: String::from_utf8(body).expect("a UTF-8 body"),
    }
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n").unwrap();
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
        body = &body[line_end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size + 2..];
    }
}

/// `text` percent-encoded for a query string.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// The JSON document a command printed on stdout (its stderr in the failure's message).
pub fn printed_json(output: &std::process::Output, arguments: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "{arguments:?}: {error}: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// A search answer without its timing, the one field that differs from run to run.
pub fn timeless(mut value: serde_json::Value) -> serde_json::Value {
    value.as_object_mut().unwrap().remove("elapsed_ms");
    value
}
