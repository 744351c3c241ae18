//! `msoko serve`: build, serve on 127.0.0.1, rebuild on change, reload open pages.
//!
//! - `watch`: which source files changed (debounced);
//! - `http`: answers requests from the last good build;
//! - `reload`: the Server-Sent Events stream that tells pages to reload;
//! - `inject`: the reload script and the error panel, added to HTML as it is sent.
//!
//! The site is built into a temporary folder, not `ROOT/public`: its `base_url` is
//! the local address (`http://127.0.0.1:1111/`), and such a site must never be
//! uploaded by mistake; `public/` stays exactly what `msoko build` made. A failed
//! rebuild leaves that folder untouched (the output is swapped in only on success),
//! so the last good site keeps being served, with the errors shown over it.
//!
//! All state is in [`Shared`], owned by `serve` and lent to the HTTP workers; the
//! loop ends when the caller's `stop` flag is set (Ctrl-C in the command line).

mod http;
mod inject;
mod reload;
mod watch;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::diagnostic::{Diagnostic, Lang};
use crate::{Options, Report};

/// What `msoko serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The build options; `out` and `base_url` are set by the server.
    pub build: Options,
    /// The port on 127.0.0.1; 0 lets the system choose a free one.
    pub port: u16,
    /// The language of the error panel.
    pub lang: Lang,
}

/// What happened, for the caller to show.
#[derive(Debug)]
pub enum ServeEvent<'a> {
    /// The server listens at `url`.
    Listening {
        /// `http://127.0.0.1:<port>/`.
        url: &'a str,
    },
    /// A build finished (the first one, or a rebuild after `changed` files changed).
    Built {
        /// What the build found and did; with errors, the previous site is kept.
        report: &'a Report,
        /// The changed files, relative to the root; empty for the first build.
        changed: &'a [PathBuf],
    },
    /// The file watcher reported a problem; serving goes on.
    WatchProblem {
        /// What went wrong.
        error: String,
    },
}

/// Why the server could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The port is taken by another program.
    PortInUse(u16),
    /// Anything else (the port cannot be bound, the folder cannot be watched).
    Other(anyhow::Error),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::PortInUse(port) => write!(f, "порт {port} занят другой программой"),
            ServeError::Other(error) => write!(f, "{error:#}"),
        }
    }
}

impl std::error::Error for ServeError {}

/// What the HTTP workers need; one per server.
pub(crate) struct Shared {
    out: PathBuf,
    lang: Lang,
    status: RwLock<Status>,
    clients: reload::Clients,
}

/// The state of the last build.
#[derive(Debug, Clone, Default)]
pub(crate) struct Status {
    /// A good build is in the output folder.
    has_site: bool,
    /// The errors of the last build; empty when it succeeded.
    errors: Vec<Diagnostic>,
}

impl Shared {
    /// The state of the last build, held while a request reads the output folder: a
    /// rebuild waits for it, and it waits for a rebuild, so a page and the errors
    /// shown over it always come from the same build.
    fn status(&self) -> std::sync::RwLockReadGuard<'_, Status> {
        self.status
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// How often open event streams are pinged, to find closed pages.
const PING_EVERY: Duration = Duration::from_secs(15);

/// Serves the site until `stop` is set. Returns an error only when the server cannot
/// start; problems in the site are shown, never fatal.
pub fn serve(
    options: &ServeOptions,
    stop: &Arc<AtomicBool>,
    on_event: &mut dyn FnMut(ServeEvent<'_>),
) -> Result<(), ServeError> {
    let server = bind(options.port)?;
    let port = server
        .server_addr()
        .to_ip()
        .map_or(options.port, |a| a.port());
    let url = format!("http://127.0.0.1:{port}/");
    let temp = tempfile::Builder::new()
        .prefix("msoko-serve-")
        .tempdir()
        .map_err(|e| {
            ServeError::Other(anyhow::Error::new(e).context("не удалось создать временную папку"))
        })?;
    let build = Options {
        out: Some(temp.path().join("public")),
        base_url: Some(url.clone()),
        // Printing the report to PDF takes seconds: not on every save.
        chromium: None,
        ..options.build.clone()
    };
    let shared = Arc::new(Shared {
        out: temp.path().join("public"),
        lang: options.lang,
        status: RwLock::default(),
        clients: reload::Clients::default(),
    });
    let mut watch = watch::Watch::start(&options.build.root).map_err(ServeError::Other)?;

    let mut generation = 0;
    rebuild(&build, &shared, &mut generation, &[], on_event);
    let server = Arc::new(server);
    let workers = http::spawn_workers(server.clone(), shared.clone(), stop.clone());
    on_event(ServeEvent::Listening { url: &url });

    let mut last_ping = Instant::now();
    while !stop.load(Ordering::Relaxed) {
        if let Some(batch) = watch.poll(Duration::from_millis(100)) {
            for error in batch.problems {
                on_event(ServeEvent::WatchProblem { error });
            }
            if !batch.changed.is_empty() {
                rebuild(&build, &shared, &mut generation, &batch.changed, on_event);
            }
        }
        if last_ping.elapsed() >= PING_EVERY {
            shared.clients.ping();
            last_ping = Instant::now();
        }
    }
    stop.store(true, Ordering::Relaxed);
    for worker in workers {
        let _ = worker.join();
    }
    drop(watch);
    // `temp` goes last: the workers no longer read from it.
    drop(temp);
    Ok(())
}

fn bind(port: u16) -> Result<tiny_http::Server, ServeError> {
    // Bind with std first: its error says whether the port is taken.
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).map_err(|error| {
        if error.kind() == std::io::ErrorKind::AddrInUse {
            ServeError::PortInUse(port)
        } else {
            ServeError::Other(
                anyhow::Error::new(error).context(format!("не удалось открыть порт {port}")),
            )
        }
    })?;
    tiny_http::Server::from_listener(listener, None)
        .map_err(|error| ServeError::Other(anyhow::anyhow!("не удалось запустить сервер: {error}")))
}

fn rebuild(
    build: &Options,
    shared: &Shared,
    generation: &mut u64,
    changed: &[PathBuf],
    on_event: &mut dyn FnMut(ServeEvent<'_>),
) {
    let mut status = shared
        .status
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let report = crate::build(build);
    status.has_site |= !report.has_errors();
    status.errors = report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    drop(status);
    *generation += 1;
    shared.clients.reload(*generation);
    on_event(ServeEvent::Built {
        report: &report,
        changed,
    });
}
