//! Accepting connections within bounds: at most so many open at once, and each closed when it sends its request too slowly, idles, or does not read its answer.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_io_timeout::TimeoutStream;

/// A request's line and headers must arrive within this time; an idle kept-alive connection
/// is closed after it too.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// A connection that neither sends nor takes a byte for this long is closed (a client that
/// stops reading its answer).
const IO_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest request line and headers, in bytes (hyper's smallest allowed buffer is 8 KiB).
pub(crate) const MAX_REQUEST_HEAD: usize = 64 << 10;

/// Serves `router` on the connections `listener` accepts, at most `max_open` at a time (the
/// others wait in the listen queue). Runs until the process stops.
pub(crate) async fn serve_connections(listener: TcpListener, router: Router, max_open: usize) {
    let open = Arc::new(Semaphore::new(max_open));
    loop {
        let Ok(permit) = Arc::clone(&open).acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, or a connection reset before it was accepted: wait a
            // little (connections close meanwhile) rather than spin.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        // Answers are written whole: no need to wait for more to fill a packet.
        let _ = stream.set_nodelay(true);
        let mut stream = TimeoutStream::new(stream);
        stream.set_read_timeout(Some(IO_TIMEOUT));
        stream.set_write_timeout(Some(IO_TIMEOUT));
        let service = TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let mut http = http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(MAX_REQUEST_HEAD);
            // A connection's end, however it comes (closed, timed out, malformed), concerns
            // that connection only.
            let _ = http
                .serve_connection(TokioIo::new(Box::pin(stream)), service)
                .await;
            drop(permit);
        });
    }
}
