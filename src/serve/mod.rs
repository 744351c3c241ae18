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
//!
//! A rebuild never blocks a request. The site is built alternately into two
//! folders: requests are answered from the one of the last good build while the
//! next build writes into the other, and a finished good build is published by
//! replacing one pointer ([`Status`]: the folder and its errors together), so a
//! page and the errors shown over it always come from the same build. A failed
//! build publishes its errors over the folder that is being served.

mod http;
mod inject;
mod reload;
mod watch;

use std::path::{Path, PathBuf};
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
    lang: Lang,
    status: RwLock<Arc<Status>>,
    clients: reload::Clients,
}

/// The state of the last build.
#[derive(Debug, Clone, Default)]
pub(crate) struct Status {
    /// The folder being served: that of the last good build.
    out: PathBuf,
    /// A good build is in `out`.
    has_site: bool,
    /// The errors of the last build; empty when it succeeded.
    errors: Vec<Diagnostic>,
}

impl Shared {
    /// The state of the last finished build. The lock is held only to copy the
    /// pointer, so a request never waits for a rebuild in progress.
    fn status(&self) -> Arc<Status> {
        self.status
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Publishes the outcome of a build into `built`: a good build is served from
    /// now on; a failed one (nothing written) only shows its errors.
    fn publish(&self, built: &Path, report: &Report) {
        let previous = self.status();
        let good = !report.has_errors();
        let next = Arc::new(Status {
            out: if good {
                built.to_path_buf()
            } else {
                previous.out.clone()
            },
            has_site: previous.has_site || good,
            errors: report
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect(),
        });
        *self
            .status
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = next;
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
    let folders = [temp.path().join("a/public"), temp.path().join("b/public")];
    // After a change of pages' text only those pages are built again (see
    // `incremental`); anything else builds the whole site.
    let mut session = crate::incremental::Session::new(Options {
        base_url: Some(url.clone()),
        // Printing the report to PDF takes seconds: not on every save.
        chromium: None,
        ..options.build.clone()
    });
    let mut build_into = |out: &Path, changed: &[PathBuf]| session.build(out, changed);
    let shared = Arc::new(Shared {
        lang: options.lang,
        status: RwLock::new(Arc::new(Status {
            out: folders[0].clone(),
            ..Status::default()
        })),
        clients: reload::Clients::default(),
    });
    let mut watch = watch::Watch::start(&options.build.root).map_err(ServeError::Other)?;

    let mut generation = 0;
    rebuild(
        &mut build_into,
        &folders,
        &shared,
        &mut generation,
        &[],
        on_event,
    );
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
                rebuild(
                    &mut build_into,
                    &folders,
                    &shared,
                    &mut generation,
                    &batch.changed,
                    on_event,
                );
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

/// Builds into the one of `folders` that is not being served (`build` is the
/// session's build into that folder after the `changed` files changed; tests pass
/// a stand-in), publishes the outcome and tells open pages to reload.
fn rebuild(
    build: &mut dyn FnMut(&Path, &[PathBuf]) -> Report,
    folders: &[PathBuf; 2],
    shared: &Shared,
    generation: &mut u64,
    changed: &[PathBuf],
    on_event: &mut dyn FnMut(ServeEvent<'_>),
) {
    // No lock is held while building: requests go on being answered from the
    // folder of the previous build, which this build does not touch.
    let served = shared.status().out.clone();
    let target = if served == folders[0] {
        &folders[1]
    } else {
        &folders[0]
    };
    let report = build(target, changed);
    shared.publish(target, &report);
    *generation += 1;
    shared.clients.reload(*generation);
    on_event(ServeEvent::Built {
        report: &report,
        changed,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    fn shared_serving(out: PathBuf) -> Shared {
        Shared {
            lang: Lang::Ru,
            status: RwLock::new(Arc::new(Status {
                out,
                has_site: true,
                errors: Vec::new(),
            })),
            clients: reload::Clients::default(),
        }
    }

    fn body(shared: &Shared) -> (u16, String) {
        let response = http::site_response("/", shared);
        let code = response.status_code().0;
        let mut text = String::new();
        std::io::Read::read_to_string(&mut response.into_reader(), &mut text).unwrap();
        (code, text)
    }

    fn two_folders(temp: &Path) -> [PathBuf; 2] {
        let folders = [temp.join("a"), temp.join("b")];
        for folder in &folders {
            std::fs::create_dir_all(folder).unwrap();
        }
        std::fs::write(folders[0].join("index.html"), "<p>старая</p>").unwrap();
        folders
    }

    /// While a rebuild runs, a request is answered from the previous build at once.
    /// Before, the rebuild held the status lock for the whole build (seconds on a
    /// large site) and every request waited for it.
    #[test]
    fn a_request_during_a_rebuild_is_answered_from_the_previous_build() {
        let temp = tempfile::tempdir().unwrap();
        let folders = two_folders(temp.path());
        let shared = Arc::new(shared_serving(folders[0].clone()));
        let answered_during_build = std::sync::Mutex::new(None);
        let mut build = |out: &Path, _: &[PathBuf]| {
            assert_eq!(out, folders[1], "the next build goes into the other folder");
            let (sender, receiver) = mpsc::channel();
            let reader = shared.clone();
            std::thread::spawn(move || {
                let _ = sender.send(body(&reader));
            });
            // Generous: the request needs microseconds; a blocked one never comes.
            *answered_during_build.lock().unwrap() =
                receiver.recv_timeout(Duration::from_secs(30)).ok();
            std::fs::write(out.join("index.html"), "<p>новая</p>").unwrap();
            Report::default()
        };
        let mut generation = 0;
        rebuild(
            &mut build,
            &folders,
            &shared,
            &mut generation,
            &[],
            &mut |_| {},
        );
        let during = answered_during_build.lock().unwrap().take();
        let (code, page) = during.expect("a request during the build was answered");
        assert_eq!(code, 200);
        assert!(page.starts_with("<p>старая</p>"), "{page}");
        let (code, page) = body(&shared);
        assert_eq!(code, 200);
        assert!(page.starts_with("<p>новая</p>"), "{page}");
        assert_eq!(generation, 1);
        // And the one after that goes back into the first folder.
        let mut build = |out: &Path, _: &[PathBuf]| {
            assert_eq!(out, folders[0]);
            Report::default()
        };
        rebuild(
            &mut build,
            &folders,
            &shared,
            &mut generation,
            &[],
            &mut |_| {},
        );
    }

    /// A failed build writes nothing: its errors are shown over the page that is
    /// still served, and the next good build clears them.
    #[test]
    fn a_failed_rebuild_keeps_the_site_and_publishes_its_errors() {
        let temp = tempfile::tempdir().unwrap();
        let folders = two_folders(temp.path());
        let shared = shared_serving(folders[0].clone());
        let mut report = Report::default();
        report
            .diagnostics
            .push(Diagnostic::error("content/_index.md", "ошибка").at(1, 1));
        shared.publish(&folders[1], &report);
        let status = shared.status();
        assert!(status.has_site);
        assert_eq!(status.out, folders[0]);
        assert_eq!(status.errors.len(), 1);
        let (code, page) = body(&shared);
        assert_eq!(code, 200);
        assert!(
            page.contains("старая") && page.contains("msoko-errors"),
            "{page}"
        );
        shared.publish(&folders[1], &Report::default());
        assert!(shared.status().errors.is_empty());
        assert_eq!(shared.status().out, folders[1]);
    }
}
