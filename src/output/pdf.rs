//! The official PDF of a report, printed from its print page by headless Chromium.
//!
//! The print page is made self-contained first (the theme's CSS inlined, scripts
//! dropped; its charts are inline SVG), so the browser needs no server and no
//! network. Chromium stamps the PDF with the clock twice (/CreationDate, /ModDate):
//! both are set to the build's `--as-of`, digit for digit, so the file's length and
//! cross-reference table stay valid and the same input gives the same bytes. The
//! rest of its output depends only on the page and the browser's version.
//!
//! Printing takes seconds, so a PDF is kept in a cache beside the output folder,
//! keyed by a hash of the page, `--as-of` and the browser's path: a rebuild that did
//! not change the report does not start the browser.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use chrono::NaiveDate;

use crate::model::FileSource;
use crate::model::{Model, PdfSource};
use crate::render::{OutputContent, OutputFile};

/// How long one report may take to print before the browser is given up on.
const PRINT_LIMIT: Duration = Duration::from_secs(180);

/// The PDF of each report the model says is printed, as output files; a report that
/// could not be printed is an error naming the report and the browser's complaint.
pub(crate) fn report_pdfs(
    model: &Model,
    files: &[OutputFile],
    cache: &Path,
) -> (Vec<OutputFile>, Vec<crate::diagnostic::Diagnostic>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for pdf in &model.report_pdfs {
        let (PdfSource::Printed { chromium }, Some(url)) = (&pdf.source, &pdf.url) else {
            continue;
        };
        let report = &model.pages[pdf.report];
        let print_path = crate::model::output_path(&format!("{}print/", report.url));
        let Some(html) = files.iter().find(|f| f.path == print_path) else {
            continue;
        };
        let OutputContent::Bytes(html) = &html.content else {
            continue;
        };
        let page = self_contained(&String::from_utf8_lossy(html), files);
        match print_cached(chromium, &page, model.as_of, cache) {
            Ok(bytes) => out.push(OutputFile::bytes(
                url.trim_start_matches('/').to_string(),
                bytes,
            )),
            Err(error) => problems.push(
                crate::diagnostic::Diagnostic::error(
                    &report.file,
                    crate::tr!(
                        format!("не удалось напечатать доклад в PDF ({}): {error:#}", chromium.display()),
                        format!("could not print the report to PDF ({}): {error:#}", chromium.display())
                    ),
                )
                .hint(crate::tr!(
                    "проверьте, что Chromium запускается (chromium --version); другой путь к нему — в переменной MSOKO_CHROMIUM, пустая MSOKO_CHROMIUM= отключает печать; или положите подписанный PDF рядом с докладом и укажите его в file:",
                    "check that Chromium starts (chromium --version); give another path in MSOKO_CHROMIUM, an empty MSOKO_CHROMIUM= turns printing off; or put the signed PDF next to the report and name it in file:"
                )),
            ),
        }
    }
    (out, problems)
}

/// The print page with the theme's stylesheets inlined and scripts removed.
fn self_contained(html: &str, files: &[OutputFile]) -> String {
    let mut page = html.to_string();
    for (href, media) in [("css/site.css", ""), ("css/print.css", " media=\"print\"")] {
        let Some(css) = files.iter().find(|f| f.path == href).and_then(bytes_of) else {
            continue;
        };
        let css = String::from_utf8_lossy(&css).into_owned();
        // The link as the theme writes it, whatever the base path.
        let Some(start) = page.find(&format!("{href}\"{media}>")) else {
            continue;
        };
        let Some(tag_start) = page[..start].rfind("<link") else {
            continue;
        };
        let end = start + href.len() + 2 + media.len();
        page.replace_range(tag_start..end, &format!("<style{media}>{css}</style>"));
    }
    while let Some(start) = page.find("<script") {
        let Some(end) = page[start..].find("</script>") else {
            break;
        };
        page.replace_range(start..start + end + "</script>".len(), "");
    }
    page
}

fn bytes_of(file: &OutputFile) -> Option<Vec<u8>> {
    match &file.content {
        OutputContent::Bytes(bytes) => Some(bytes.clone()),
        OutputContent::Copy(FileSource::Embedded(bytes)) => Some(bytes.to_vec()),
        OutputContent::Copy(FileSource::Disk(path)) => std::fs::read(path).ok(),
    }
}

/// The PDF from the cache, or printed and put there.
fn print_cached(chromium: &Path, page: &str, as_of: NaiveDate, cache: &Path) -> Result<Vec<u8>> {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (page, as_of, chromium).hash(&mut hasher);
    let cached = cache.join(format!("{:016x}.pdf", hasher.finish()));
    if let Ok(bytes) = std::fs::read(&cached) {
        return Ok(bytes);
    }
    let bytes = fix_dates(print(chromium, page)?, as_of);
    // A cache that cannot be written only costs time at the next build.
    if std::fs::create_dir_all(cache).is_ok() {
        let _ = std::fs::write(&cached, &bytes);
    }
    Ok(bytes)
}

/// Runs the browser on `page`; the PDF's bytes.
fn print(chromium: &Path, page: &str) -> Result<Vec<u8>> {
    let dir = tempfile::tempdir().context("временная папка для печати")?;
    let html = dir.path().join("report.html");
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&html, page).with_context(|| html.display().to_string())?;
    let profile: PathBuf = dir.path().join("profile");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .context("Chromium не запустился")?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > PRINT_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            bail!("Chromium не закончил печать за {} с", PRINT_LIMIT.as_secs());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    if !status.success() {
        bail!("Chromium завершился с ошибкой ({status})");
    }
    let bytes = std::fs::read(&pdf).context("Chromium не создал PDF")?;
    if !bytes.starts_with(b"%PDF") {
        bail!("Chromium создал не PDF");
    }
    Ok(bytes)
}

/// /CreationDate and /ModDate set to `as_of`, midnight UTC: same length, so the
/// cross-reference offsets stay right.
fn fix_dates(mut pdf: Vec<u8>, as_of: NaiveDate) -> Vec<u8> {
    let stamp = as_of.format("%Y%m%d000000").to_string();
    for key in [&b"/CreationDate (D:"[..], &b"/ModDate (D:"[..]] {
        let mut from = 0;
        while let Some(at) = find(&pdf[from..], key) {
            let digits = from + at + key.len();
            let end = digits + stamp.len();
            if end <= pdf.len() && pdf[digits..end].iter().all(u8::is_ascii_digit) {
                pdf[digits..end].copy_from_slice(stamp.as_bytes());
            }
            from = digits;
        }
    }
    pdf
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_both_pdf_dates_to_as_of() {
        let pdf = b"%PDF-1.4\n/CreationDate (D:20261207161103+00'00')\n/ModDate (D:20261207161103+00'00')>>".to_vec();
        let fixed = fix_dates(pdf.clone(), NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
        assert_eq!(fixed.len(), pdf.len());
        let text = String::from_utf8(fixed).unwrap();
        assert!(text.contains("/CreationDate (D:20261120000000+00'00')"));
        assert!(text.contains("/ModDate (D:20261120000000+00'00')"));
    }

    #[test]
    fn inlines_the_theme_css_and_drops_scripts() {
        let files = vec![OutputFile::bytes(
            "css/site.css".into(),
            b"body{color:#000}".to_vec(),
        )];
        let page = self_contained(
            "<head><link rel=\"stylesheet\" href=\"/msoko/css/site.css\"></head><body><script src=\"/js/a.js\" defer></script></body>",
            &files,
        );
        assert_eq!(
            page,
            "<head><style>body{color:#000}</style></head><body></body>"
        );
    }
}
