//! How long `msoko serve` takes to show a saved Markdown change (a bench binary, not a
//! timed test): `cargo bench --bench serve`.
//!
//! Serves a copy of `tests/sites/basic` on a free port, then several times rewrites
//! one news page and polls it until the new text is served. Prints each time and the
//! best. The e2e test `serve::shows_a_markdown_change_and_tells_open_pages` checks
//! only that the change is served: a one-second limit there failed on a loaded
//! machine (issue 16). The aim is under a second on an idle one.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 5;
const NEWS: &str = "content/news/first.md";

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("site");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites/basic"),
        &root,
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_msoko"))
        .args(["serve", "--port", "0", "--as-of", "2025-06-01", "--root"])
        .arg(&root)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("msoko serve");
    let stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let port: u16 = stderr
        .lines()
        .map_while(Result::ok)
        .find_map(|line| {
            let rest = line.split("http://127.0.0.1:").nth(1)?;
            rest.trim_end_matches('/').parse().ok()
        })
        .expect("the address of the server");
    let mut times = Vec::new();
    for run in 0..RUNS {
        let text = format!("Текст номер {run}.");
        let page = format!("---\ntitle: \"Первая новость\"\ndate: 2025-02-01\n---\n{text}\n");
        let started = Instant::now();
        std::fs::write(root.join(NEWS), page).expect("write the page");
        while !get(port, "/news/first/").contains(&text) {
            assert!(started.elapsed() < Duration::from_secs(120), "no change");
            std::thread::sleep(Duration::from_millis(5));
        }
        let took = started.elapsed();
        println!(
            "change {run}: served after {:.0} ms",
            took.as_secs_f64() * 1000.0
        );
        times.push(took);
    }
    let best = times.iter().min().copied().unwrap_or_default();
    println!("best of {RUNS}: {:.0} ms", best.as_secs_f64() * 1000.0);
    let _ = child.kill();
    let _ = child.wait();
}

/// The body of a GET over loopback.
fn get(port: u16, path: &str) -> String {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return String::new();
    };
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    let mut response = Vec::new();
    if stream.write_all(request.as_bytes()).is_err() || stream.read_to_end(&mut response).is_err() {
        return String::new();
    }
    String::from_utf8_lossy(&response).into_owned()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}
