//! `msoko serve`: answers on 127.0.0.1, rebuilds on change, reloads open pages,
//! keeps the last good site with the errors over it, stops cleanly on Ctrl-C.
//!
//! Every wait has a deadline, so a broken server fails a test instead of hanging it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::harness::{built, Site};

/// A running `msoko serve --port 0` on a fixture site.
struct Served {
    child: Child,
    port: u16,
    /// stderr lines as they come.
    lines: Receiver<String>,
    log: Vec<String>,
}

impl Served {
    fn start(site: &Site) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_msoko"))
            .args(["serve", "--port", "0", "--as-of", "2025-06-01", "--root"])
            .arg(&site.root)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (sender, lines) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let mut served = Served {
            child,
            port: 0,
            lines,
            log: Vec::new(),
        };
        let line = served.wait_for_line("http://127.0.0.1:", Duration::from_secs(60));
        let port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.trim_end_matches('/').parse().ok())
            .unwrap_or_else(|| panic!("no port in «{line}»"));
        served.port = port;
        served
    }

    fn wait_for_line(&mut self, needle: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.log.push(line.clone());
                    if line.contains(needle) {
                        return line;
                    }
                }
                Err(_) => panic!("no «{needle}» in:\n{}", self.log.join("\n")),
            }
        }
    }

    fn get(&self, path: &str) -> (u16, String) {
        get(self.port, path)
    }

    /// Polls `path` until its body contains `text`, failing after `timeout`.
    fn wait_for(&self, path: &str, text: &str, timeout: Duration) {
        let started = Instant::now();
        loop {
            let (_, body) = self.get(path);
            if body.contains(text) {
                return;
            }
            assert!(
                started.elapsed() < timeout,
                "no «{text}» at {path} after {timeout:?}:\n{body}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Ctrl-C, then the exit code and the rest of stderr.
    fn interrupt(mut self) -> (i32, String) {
        let code = self.stop().expect("serve stops on Ctrl-C");
        let rest: Vec<String> = self.lines.try_iter().collect();
        self.log.extend(rest);
        (code, self.log.join("\n"))
    }

    /// Sends Ctrl-C (SIGINT) and waits up to 10 s for the exit code.
    fn stop(&mut self) -> Option<i32> {
        if let Ok(Some(status)) = self.child.try_wait() {
            return Some(status.code().unwrap_or(-1));
        }
        let sent = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        if !sent.is_ok_and(|s| s.success()) {
            return None;
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status.code().unwrap_or(-1));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        // Ctrl-C lets the server remove its temporary folder; kill if it hangs.
        if self.stop().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A GET over loopback: status and body.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, body)| body.to_string());
    (status, body)
}

/// An open event stream, past its response head.
fn events(port: u16) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET /__msoko/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    while reader.read_line(&mut head).unwrap() > 2 && !head.ends_with("\r\n\r\n") {}
    assert!(head.contains("text/event-stream"), "{head}");
    reader
}

fn next_event(stream: &mut BufReader<TcpStream>) -> String {
    let mut line = String::new();
    loop {
        line.clear();
        assert!(stream.read_line(&mut line).unwrap() > 0, "stream closed");
        if let Some(name) = line.strip_prefix("event: ") {
            return name.trim().to_string();
        }
    }
}

const NEWS: &str = "content/news/first.md";

fn news(text: &str) -> String {
    format!("---\ntitle: \"Первая новость\"\ndate: 2025-02-01\n---\n{text}\n")
}

#[test]
fn serves_the_site_on_loopback_with_the_reload_script() {
    let site = Site::fixture("basic");
    let served = Served::start(&site);
    let (status, home) = served.get("/");
    assert_eq!(status, 200);
    assert!(home.contains("<html lang=\"ru\">"), "{home}");
    assert!(home.contains("<script src=\"/__msoko/live.js\" defer></script></body>"));
    // Links point at the local server, not at the published site.
    assert!(home.contains(&format!("http://127.0.0.1:{}/", served.port)));
    let (status, script) = served.get("/__msoko/live.js");
    assert_eq!(status, 200);
    assert!(script.contains("new EventSource(\"/__msoko/events\")"));
    assert_eq!(served.get("/news").0, 301);
    assert_eq!(served.get("/nowhere/").0, 404);
    assert_eq!(served.get("/../../etc/passwd").0, 400);
    // The server builds elsewhere: ROOT/public is what `msoko build` makes, or nothing.
    assert!(!site.public().exists());
}

#[test]
fn shows_a_markdown_change_and_tells_open_pages() {
    let site = Site::fixture("basic");
    let served = Served::start(&site);
    let mut stream = events(served.port);
    site.write(NEWS, &news("Новый текст новости."));
    // A correctness test: the change is served at all. How fast is measured in
    // benches/ (a wall-clock limit here failed on a loaded machine, issue 16).
    served.wait_for(
        "/news/first/",
        "Новый текст новости.",
        Duration::from_secs(60),
    );
    assert_eq!(next_event(&mut stream), "reload");
}

#[test]
fn keeps_the_last_good_site_and_shows_the_errors_until_fixed() {
    let site = Site::fixture("basic");
    let served = Served::start(&site);
    let (_, before) = served.get("/news/first/");
    site.write(
        NEWS,
        "---\ntitle: \"Первая <новость>\"\ndate: 31.13.2025\n---\n",
    );
    served.wait_for("/news/first/", "msoko-errors", Duration::from_secs(10));
    let (status, page) = served.get("/news/first/");
    assert_eq!(status, 200);
    assert!(page.contains("content/news/first.md:3:7</code> — в дате «31.13.2025» месяца 13 нет"));
    assert!(page.contains("подсказка: пишите дату"));
    // Under the panel, the page as it was.
    let title = |html: &str| {
        html.split("<title>")
            .nth(1)
            .map(|t| t.split("</title>").next().unwrap().to_string())
    };
    assert_eq!(title(&page), title(&before));
    site.write(NEWS, &news("Исправлено."));
    served.wait_for("/news/first/", "Исправлено.", Duration::from_secs(10));
    let (_, page) = served.get("/news/first/");
    assert!(!page.contains("msoko-errors"), "{page}");
}

#[test]
fn prints_the_error_with_its_line_in_the_terminal() {
    let site = Site::fixture("basic");
    let mut served = Served::start(&site);
    site.write(NEWS, "---\ntitle: A\ndate: 31.13.2025\n---\n");
    served.wait_for_line(
        "content/news/first.md:3:7: ошибка: в дате «31.13.2025» месяца 13 нет",
        Duration::from_secs(10),
    );
    served.wait_for_line(" 3 │ date: 31.13.2025", Duration::from_secs(5));
    served.wait_for_line("Сайт не пересобран", Duration::from_secs(5));
}

#[test]
fn shows_an_error_page_when_the_first_build_fails() {
    let site = Site::fixture("basic");
    site.write(NEWS, "---\ndate: 2025-02-01\n---\n");
    let served = Served::start(&site);
    let (status, page) = served.get("/");
    assert_eq!(status, 500);
    assert!(page.contains("Сайт не собран: ошибок — "), "{page}");
    assert!(page.contains("у страницы нет названия (title)"));
    site.write(NEWS, &news("Теперь есть."));
    served.wait_for("/news/first/", "Теперь есть.", Duration::from_secs(10));
}

#[test]
fn stops_cleanly_on_ctrl_c() {
    let site = Site::fixture("basic");
    let served = Served::start(&site);
    let (code, log) = served.interrupt();
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("Сервер остановлен."), "{log}");
}

#[test]
fn says_so_when_the_port_is_busy() {
    let site = Site::fixture("basic");
    let busy = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = busy.local_addr().unwrap().port().to_string();
    let run = site.run(&["serve", "--port", &port]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("ошибка: порт {port} занят другой программой")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("msoko serve --port"));
}

#[test]
fn build_output_has_no_reload_script() {
    let site = &built("monitoring").site;
    for (path, bytes) in crate::harness::snapshot(&site.public()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__msoko"), "{path} has the reload script");
        assert!(!text.contains("EventSource"), "{path}");
    }
}

#[test]
fn issue19_a_folder_redirect_never_leads_to_another_host() {
    let site = Site::fixture("basic");
    let served = Served::start(&site);
    let mut stream = TcpStream::connect(("127.0.0.1", served.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET //news HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 301"), "{response}");
    let location = response
        .lines()
        .find_map(|l| l.strip_prefix("Location: "))
        .unwrap();
    assert_eq!(location, "/news/");
}
