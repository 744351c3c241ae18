//! Issue 23: files as Windows saves them (CRLF everywhere, Windows-1251 and UTF-16
//! CSV from Excel, a BOM from Notepad, Cyrillic file names, `\` in links), names
//! that clash on Windows, and the double-click start.
//!
//! The fixture `tests/sites/windows` is the `monitoring` site saved the Windows way;
//! `.gitattributes` keeps its bytes as they are.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::harness::{built, Built, Site};

#[test]
fn reads_a_site_saved_on_windows_with_a_warning_per_re_encoded_file() {
    let Built { site, run } = built("windows");
    assert!(
        run.stderr.contains("data/values/vpr-low.csv: предупреждение: файл сохранён в кодировке Windows-1251, а не UTF-8; msoko прочитал его, проверьте, что русские буквы на сайте не искажены\n  подсказка: сохраните файл в UTF-8, и предупреждение исчезнет: в Excel — «Сохранить как» → «CSV UTF-8 (разделители — запятые)»"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("data/values/vpr-marks.csv: предупреждение: файл сохранён в кодировке UTF-16, а не UTF-8;"),
        "{}",
        run.stderr
    );
    // Nothing else is re-encoded: the UTF-8 files with CRLF and a BOM are simply read.
    assert_eq!(run.stderr.matches("файл сохранён в кодировке").count(), 2);

    // The Windows-1251 values with «;» and decimal commas, as in the UTF-8 original.
    let page = site.read("indicators/vpr-low/index.html");
    assert!(
        page.contains("<tr><th data-label=\"Территория\" scope=\"row\">Округ</th><td data-label=\"2024\">9,1</td><td data-label=\"2025\">8,3</td></tr>"),
        "{page}"
    );
    assert!(page.contains("математика"));
    // The UTF-16, tab-separated values.
    let marks = site.read("indicators/vpr-marks/index.html");
    assert!(marks.contains("40,0"), "{marks}");

    // A Cyrillic folder and file name, a link written with backslashes, an attachment
    // with «№» in its name.
    let news = site.read("novosti/pervaia-novost/index.html");
    assert!(
        news.contains("<a href=\"/doklad/2025/01-kachestvo/\">главе доклада</a>"),
        "{news}"
    );
    assert!(
        news.contains(
            "href=\"/novosti/%D0%9F%D1%80%D0%B8%D0%BA%D0%B0%D0%B7%20%E2%84%961.pdf\">приказе</a>"
        ),
        "{news}"
    );
    assert!(site.public().join("novosti/Приказ №1.pdf").is_file());
}

#[test]
fn the_windows_fixture_really_is_saved_the_windows_way() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites/windows");
    let bytes = |path: &str| std::fs::read(root.join(path)).unwrap();
    for path in [
        "site.yaml",
        "content/_index.md",
        "content/Новости/Первая новость.md",
        "data/indicators/podgotovka.yaml",
    ] {
        let text = String::from_utf8(bytes(path)).unwrap();
        assert!(
            text.split_inclusive('\n')
                .all(|line| line.ends_with("\r\n")),
            "{path} has CRLF line ends"
        );
    }
    assert!(bytes("data/organizations.yaml").starts_with(b"\xef\xbb\xbf"));
    assert!(bytes("data/values/vpr-marks.csv").starts_with(b"\xff\xfe"));
    assert!(std::str::from_utf8(&bytes("data/values/vpr-low.csv")).is_err());
}

#[test]
fn errors_on_two_attachments_differing_only_in_case() {
    let site = Site::fixture("basic");
    site.write("content/documents/Order-1.pdf", "%PDF-1.4 A");
    site.write("content/documents/order-1.pdf", "%PDF-1.4 B");
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/documents/order-1.pdf: ошибка: content/documents/Order-1.pdf и content/documents/order-1.pdf различаются только заглавными и строчными буквами: на Windows и macOS это один и тот же файл, и один из них пропадёт\n  подсказка: переименуйте один из файлов так, чтобы имена различались не только регистром букв, и поправьте ссылки на него"),
        "{}",
        run.stderr
    );
    assert!(!site.public().exists());
}

#[test]
fn warns_on_an_attachment_path_too_long_for_windows() {
    let site = Site::fixture("basic");
    // Each name within Linux's 255 bytes; the folders become Latin in the address.
    let folder = "Приказы управления образования 2025 года";
    let name = format!(
        "{}.pdf",
        "Приказ об утверждении положения о МСОКО ".repeat(3)
    );
    let file = format!("documents/{folder}/{folder}/{name}");
    site.write(&format!("content/{file}"), "%PDF-1.4");
    let run = site.run(&["build", "--as-of", "2025-06-01", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let slug = "prikazy-upravleniia-obrazovaniia-2025-goda";
    assert!(
        run.stderr.contains(&format!("content/{file}: warning: the path public/documents/{slug}/{slug}/{name} is 220 characters long, too long for Windows")),
        "{}",
        run.stderr
    );
}

/// `msoko` started as a double-click does: in `dir`, with `args`, the browser off.
struct Started {
    child: Child,
    lines: Receiver<String>,
    log: Vec<String>,
}

impl Started {
    fn spawn(dir: &Path, args: &[&std::ffi::OsStr], answer: &str) -> Started {
        let mut child = Command::new(env!("CARGO_BIN_EXE_msoko"))
            .args(args)
            .current_dir(dir)
            .env("MSOKO_NO_BROWSER", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(answer.as_bytes()).unwrap();
        drop(stdin);
        let (sender, lines) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        Started {
            child,
            lines,
            log: Vec::new(),
        }
    }

    fn wait_for_line(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
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

    /// The port of «Сайт открыт по адресу http://127.0.0.1:PORT/».
    fn port(&mut self) -> u16 {
        let line = self.wait_for_line("http://127.0.0.1:");
        line.split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.trim_end_matches('/').parse().ok())
            .unwrap_or_else(|| panic!("no port in «{line}»"))
    }

    /// Ctrl-C; the exit code and everything printed.
    fn interrupt(mut self) -> (i32, String) {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        let code = loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                break status.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("did not stop on Ctrl-C:\n{}", self.log.join("\n"));
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        self.log.extend(self.lines.iter());
        (code, self.log.join("\n"))
    }
}

fn get_home(port: u16) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn a_start_without_arguments_finds_the_site_and_serves_it() {
    let site = Site::fixture("basic");
    let mut started = Started::spawn(&site.root, &[], "");
    let folder = started.wait_for_line("Папка сайта:");
    assert!(folder.ends_with("site"), "{folder}");
    let port = started.port();
    let home = get_home(port);
    assert!(home.starts_with("HTTP/1.1 200"), "{home}");
    assert!(home.contains("<h1"), "{home}");
    let (code, log) = started.interrupt();
    assert_eq!(code, 0, "{log}");
    assert!(
        log.contains("Чтобы закончить, нажмите Ctrl+C или закройте это окно."),
        "{log}"
    );
    assert!(log.contains("Сервер остановлен."), "{log}");
    // Without a keyboard (stdin is a pipe) nobody is asked to press Enter.
    assert!(!log.contains("Нажмите Enter"), "{log}");
    assert!(!site.public().exists(), "serve never writes public/");
}

#[test]
fn a_folder_dropped_on_the_program_is_served() {
    let site = Site::fixture("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    let mut started = Started::spawn(elsewhere.path(), &[site.root.as_os_str()], "");
    let port = started.port();
    assert!(get_home(port).starts_with("HTTP/1.1 200"));
    let (code, log) = started.interrupt();
    assert_eq!(code, 0, "{log}");
}

#[test]
fn outside_a_site_it_asks_before_creating_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("отчёт.docx"), "x").unwrap();
    // No answer (Enter, or no keyboard at all): nothing is created.
    let run = Command::new(env!("CARGO_BIN_EXE_msoko"))
        .current_dir(dir.path())
        .env("MSOKO_NO_BROWSER", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("нет сайта (нет файла site.yaml)"),
        "{stderr}"
    );
    assert!(stderr.contains("Создать новый сайт в папке"), "{stderr}");
    assert!(
        stderr.contains("Введите 1 или 2 и нажмите Enter"),
        "{stderr}"
    );
    assert!(stderr.contains("Ничего не создано."), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    // «1»: the department's own (empty) site, in the subfolder «сайт», served at once.
    let mut started = Started::spawn(dir.path(), &[], "1\n");
    let port = started.port();
    assert!(get_home(port).starts_with("HTTP/1.1 200"));
    let (code, log) = started.interrupt();
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("Создан сайт в папке"), "{log}");
    let settings = std::fs::read_to_string(dir.path().join("сайт/site.yaml")).unwrap();
    assert!(
        settings.contains("ЗАПОЛНИТЕ"),
        "the empty site, not the demo"
    );

    // The next start in the same folder finds that site by itself.
    let mut again = Started::spawn(dir.path(), &[], "");
    let folder = again.wait_for_line("Папка сайта:");
    assert!(folder.ends_with("сайт"), "{folder}");
    again.port();
    again.interrupt();
}

#[test]
fn commands_and_help_are_unchanged() {
    let run = crate::harness::msoko(["--help"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("Usage: msoko [OPTIONS] <COMMAND>"),
        "{}",
        run.stdout
    );
    let run = crate::harness::msoko(["no-such-folder"]);
    assert_eq!(run.code, 2, "an unknown word is still a usage error");
}

#[test]
fn an_error_in_a_windows_1251_file_shows_its_line_decoded() {
    let site = Site::fixture("windows");
    let path = site.root.join("data/values/vpr-low.csv");
    let bytes = std::fs::read(&path).unwrap();
    // Windows-1251 is ASCII below 128, so the id can be replaced byte for byte.
    let text = bytes
        .windows(6)
        .position(|w| w == b"sosh-1")
        .map(|at| [&bytes[..at], b"sosh-9", &bytes[at + 6..]].concat())
        .unwrap();
    std::fs::write(&path, text).unwrap();
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("data/values/vpr-low.csv:5:6: ошибка: организации «sosh-9» нет в реестре"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(" 5 │ 2024;sosh-9;6,0;математика"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_folder_holding_only_msoko_gets_the_demo_site_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    // msoko.exe put into a new folder and double-clicked.
    let program = dir.path().join("msoko");
    std::fs::copy(env!("CARGO_BIN_EXE_msoko"), &program).unwrap();
    let mut child = Command::new(&program)
        .current_dir(dir.path())
        .env("MSOKO_NO_BROWSER", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"2\n").unwrap();
    let stderr = child.stderr.take().unwrap();
    let (sender, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    let mut started = Started {
        child,
        lines,
        log: Vec::new(),
    };
    started.port();
    let (code, log) = started.interrupt();
    assert_eq!(code, 0, "{log}");
    // The demo site is created in the folder itself, beside the program.
    let settings = std::fs::read_to_string(dir.path().join("site.yaml")).unwrap();
    assert!(!settings.contains("ЗАПОЛНИТЕ"), "the demo site");
    assert!(!dir.path().join("сайт").exists());
    assert!(program.is_file());
}
