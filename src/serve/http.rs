//! The HTTP side: files of the last good build, the reload stream and script, the
//! error page. A few worker threads share one tiny_http server on 127.0.0.1; each
//! request reads the file it needs, so a swap of the output folder between two
//! requests is never half-seen.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use super::inject::{error_page, inject};
use super::reload::{EVENTS_PATH, SCRIPT, SCRIPT_PATH};
use super::Shared;

const WORKERS: usize = 4;

/// Starts the workers; they stop when `stop` is set (checked every 100 ms).
pub(super) fn spawn_workers(
    server: Arc<Server>,
    shared: Arc<Shared>,
    stop: Arc<AtomicBool>,
) -> Vec<JoinHandle<()>> {
    (0..WORKERS)
        .map(|_| {
            let (server, shared, stop) = (server.clone(), shared.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    match server.recv_timeout(Duration::from_millis(100)) {
                        Ok(Some(request)) => handle(request, &shared),
                        Ok(None) => {}
                        Err(_) => break,
                    }
                }
            })
        })
        .collect()
}

fn handle(request: Request, shared: &Shared) {
    let path = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(text(405, "405: only GET and HEAD"));
        return;
    }
    if path == EVENTS_PATH {
        shared.clients.add(request.into_writer());
        return;
    }
    let response = if path == SCRIPT_PATH {
        bytes(
            200,
            SCRIPT.as_bytes().to_vec(),
            "text/javascript; charset=utf-8",
        )
    } else {
        site_response(&path, shared)
    };
    let _ = request.respond(response);
}

pub(super) fn site_response(path: &str, shared: &Shared) -> Response<std::io::Cursor<Vec<u8>>> {
    let status = shared.status();
    if !status.has_site {
        return bytes(
            500,
            error_page(&status.errors, shared.lang).into_bytes(),
            HTML,
        );
    }
    let Some(relative) = decode_path(path) else {
        return text(400, "400: bad address");
    };
    let mut file = status.out.join(&relative);
    if file.is_dir() {
        if !path.ends_with('/') {
            let mut response = text(301, "301");
            response.add_header(header("Location", &folder_location(path)));
            return response;
        }
        file = file.join("index.html");
    }
    let (code, file) = if file.is_file() {
        (200, file)
    } else {
        (404, status.out.join("404.html"))
    };
    match std::fs::read(&file) {
        Ok(content) if content_type(&file) == HTML => {
            let html = String::from_utf8_lossy(&content);
            bytes(
                code,
                inject(&html, &status.errors, shared.lang).into_bytes(),
                HTML,
            )
        }
        Ok(content) => bytes(code, content, content_type(&file)),
        Err(_) => text(404, "404"),
    }
}

const HTML: &str = "text/html; charset=utf-8";

/// `/novosti/a%20b/` -> `novosti/a b/`; `None` for anything that could leave the
/// output folder or is not UTF-8.
/// Where a folder's address without its slash is sent: always a path on this
/// server. `//news` read as a Location is another host («//news/» = http://news/),
/// and browsers read `/\news` the same way, so leading slashes and backslashes
/// become one slash.
fn folder_location(path: &str) -> String {
    crate::model::paths::folder(path.trim_start_matches(['/', '\\']))
}

fn decode_path(path: &str) -> Option<PathBuf> {
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(decoded).ok()?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let mut out = PathBuf::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            part => out.push(part),
        }
    }
    Some(out)
}

fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => HTML,
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    // Names and values here are ours and ASCII; from_bytes cannot fail on them.
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn bytes(code: u16, content: Vec<u8>, kind: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(content)
        .with_status_code(StatusCode(code))
        .with_header(header("Content-Type", kind))
        // Always fresh: the point of the server is to show the latest build.
        .with_header(header("Cache-Control", "no-store"))
}

fn text(code: u16, content: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    bytes(
        code,
        content.as_bytes().to_vec(),
        "text/plain; charset=utf-8",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_addresses_and_refuses_to_leave_the_folder() {
        assert_eq!(decode_path("/news/a%20b/"), Some(PathBuf::from("news/a b")));
        assert_eq!(
            decode_path("/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8.pdf"),
            Some(PathBuf::from("новости.pdf"))
        );
        assert_eq!(decode_path("/"), Some(PathBuf::new()));
        assert_eq!(decode_path("/../etc/passwd"), None);
        assert_eq!(decode_path("/a/%2e%2e/%2e%2e/x"), None);
        assert_eq!(decode_path("/a%5c..%5cx"), None);
        assert_eq!(decode_path("/bad%zz"), None);
    }

    #[test]
    fn redirects_a_folder_only_within_this_server() {
        assert_eq!(folder_location("/news"), "/news/");
        assert_eq!(folder_location("//news"), "/news/");
        assert_eq!(folder_location("/\\evil.example"), "/evil.example/");
        assert_eq!(folder_location("///a/b"), "/a/b/");
    }

    #[test]
    fn names_content_types() {
        assert_eq!(content_type(Path::new("a/index.html")), HTML);
        assert_eq!(content_type(Path::new("a.CSV")), "text/csv; charset=utf-8");
        assert_eq!(content_type(Path::new("a")), "application/octet-stream");
    }
}
