//! Live reload: open pages listen on a Server-Sent Events stream and reload when the
//! site is rebuilt.
//!
//! SSE rather than WebSocket: one direction is all that is needed, the browser
//! reconnects by itself, and the stream is plain HTTP text. The script that listens is
//! served at [`SCRIPT_PATH`] and added to HTML pages as they are sent (see `inject`),
//! never written into the site's files.

use std::io::Write;
use std::sync::Mutex;

/// The event stream.
pub(crate) const EVENTS_PATH: &str = "/__msoko/events";
/// The script that listens to it.
pub(crate) const SCRIPT_PATH: &str = "/__msoko/live.js";

/// The script: reload when told to; nothing else.
pub(crate) const SCRIPT: &str = r#"// msoko serve: reloads this page when the site is rebuilt. Not part of the published site.
(function () {
  if (!window.EventSource) return;
  var events = new EventSource("/__msoko/events");
  events.addEventListener("reload", function () { window.location.reload(); });
})();
"#;

/// The response head of the stream, written by hand: the connection stays open.
pub(crate) const STREAM_HEAD: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n";

type Client = Box<dyn Write + Send>;

/// The open streams.
#[derive(Default)]
pub(crate) struct Clients(Mutex<Vec<Client>>);

impl Clients {
    /// Starts a stream on a connection and keeps it.
    pub(crate) fn add(&self, mut client: Client) {
        if client.write_all(STREAM_HEAD.as_bytes()).is_ok() && client.flush().is_ok() {
            self.lock().push(client);
        }
    }

    /// Tells every open page to reload; closed connections are dropped.
    pub(crate) fn reload(&self, generation: u64) {
        self.send(&format!("event: reload\ndata: {generation}\n\n"));
    }

    /// A comment line that keeps proxies from closing the stream and finds dead ones.
    pub(crate) fn ping(&self) {
        self.send(": ping\n\n");
    }

    /// How many pages listen.
    #[cfg(test)]
    pub(crate) fn count(&self) -> usize {
        self.lock().len()
    }

    fn send(&self, text: &str) {
        self.lock().retain_mut(|client| {
            client.write_all(text.as_bytes()).is_ok() && client.flush().is_ok()
        });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Client>> {
        // A panic while holding the lock leaves a list of sockets, still usable.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[derive(Clone, Default)]
    struct Sink(Arc<Mutex<Vec<u8>>>, bool);

    impl Write for Sink {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if self.1 {
                return Err(std::io::ErrorKind::BrokenPipe.into());
            }
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn sends_reload_events_and_forgets_closed_pages() {
        let clients = Clients::default();
        let open = Sink::default();
        clients.add(Box::new(open.clone()));
        clients.add(Box::new(Sink(Arc::default(), true)));
        assert_eq!(clients.count(), 1);
        clients.reload(7);
        let text = String::from_utf8(open.0.lock().unwrap().clone()).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
        assert!(text.ends_with("event: reload\ndata: 7\n\n"), "{text}");
    }
}
