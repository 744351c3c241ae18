//! What the development server adds to HTML as it sends it: the live-reload script,
//! and, while the last rebuild failed, a panel listing the errors.
//!
//! Added to the response, never to the files: the output folder holds exactly what
//! `msoko build` would write, so nothing of the server can reach a published site.
//! Everything taken from diagnostics is escaped.

use std::fmt::Write as _;

use super::reload::SCRIPT_PATH;
use crate::diagnostic::{Diagnostic, Lang};
use crate::render::escape_html;
use crate::tr;

/// The page with the reload script before `</body>` and, when `errors` is not
/// empty, the error panel right after `<body …>`, so it is the first thing read.
pub(crate) fn inject(html: &str, errors: &[Diagnostic], lang: Lang) -> String {
    let script = format!("<script src=\"{SCRIPT_PATH}\" defer></script>");
    let panel = if errors.is_empty() {
        String::new()
    } else {
        panel(errors, lang, true)
    };
    let mut out = String::with_capacity(html.len() + script.len() + panel.len());
    let body_open = html
        .find("<body")
        .and_then(|at| html[at..].find('>').map(|end| at + end + 1));
    let body_close = html.rfind("</body>");
    match (body_open, body_close) {
        (Some(open), Some(close)) if open <= close => {
            out.push_str(&html[..open]);
            out.push_str(&panel);
            out.push_str(&html[open..close]);
            out.push_str(&script);
            out.push_str(&html[close..]);
        }
        _ => {
            out.push_str(&panel);
            out.push_str(html);
            out.push_str(&script);
        }
    }
    out
}

/// A page of its own for when there is no good build to show yet.
pub(crate) fn error_page(errors: &[Diagnostic], lang: Lang) -> String {
    let html_lang = tr!("ru", "en");
    let html_lang = html_lang.get(lang);
    let title = tr!("Сайт не собран", "The site is not built");
    let title = title.get(lang);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} — msoko</title>\n</head>\n<body style=\"margin:0;font:16px/1.5 sans-serif\">\n{}<script src=\"{SCRIPT_PATH}\" defer></script>\n</body>\n</html>\n",
        panel(errors, lang, false)
    )
}

/// The list of errors: where, what, how to fix. A `<details>` so that it folds away
/// without any script; fixed over the page when shown on top of the last good build.
fn panel(errors: &[Diagnostic], lang: Lang, over_page: bool) -> String {
    let count = errors.len();
    let (heading, kept) = if over_page {
        (
            tr!(
                "Сайт не пересобран: ошибок — {count}",
                "The site is not rebuilt: errors — {count}"
            ),
            tr!(
                "Показана последняя удачная сборка. Исправьте файлы ниже и сохраните: страница обновится сама.",
                "You see the last good build. Fix the files below and save: the page reloads by itself."
            ),
        )
    } else {
        (
            tr!(
                "Сайт не собран: ошибок — {count}",
                "The site is not built: errors — {count}"
            ),
            tr!("", ""),
        )
    };
    let (heading, kept) = (heading.get(lang), kept.get(lang));
    let hint_label = tr!("подсказка", "hint");
    let hint_label = hint_label.get(lang);
    let position = if over_page {
        "position:fixed;z-index:2147483647;left:0;right:0;top:0;max-height:70vh;overflow:auto;box-shadow:0 4px 16px rgba(0,0,0,.35);"
    } else {
        ""
    };
    let mut out = format!(
        "<div id=\"msoko-errors\" role=\"alert\" lang=\"{}\" style=\"{position}background:#fff;color:#1b1b1b;border-top:6px solid #b00020;padding:12px 16px;font:16px/1.5 sans-serif;text-align:left\">\n<details open>\n<summary style=\"cursor:pointer;font-weight:bold;font-size:1.15em;color:#b00020\">{}</summary>\n",
        tr!("ru", "en").get(lang),
        escape_html(heading)
    );
    if !kept.is_empty() {
        let _ = writeln!(out, "<p style=\"margin:.5em 0\">{}</p>", escape_html(kept));
    }
    out.push_str("<ol style=\"margin:.5em 0;padding-left:1.5em\">\n");
    for error in errors {
        let (message, hint) = error.text(lang);
        let mut place = error.file.display().to_string();
        if let Some(line) = error.line {
            let _ = write!(place, ":{line}");
            if let Some(column) = error.column {
                let _ = write!(place, ":{column}");
            }
        }
        let _ = write!(
            out,
            "<li style=\"margin:.5em 0\"><code style=\"font-weight:bold\">{}</code> — {}",
            escape_html(&place),
            escape_html(&message)
        );
        if let Some(hint) = hint {
            let _ = write!(
                out,
                "<br><span style=\"color:#444\">{hint_label}: {}</span>",
                escape_html(&hint)
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</details>\n</div>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str =
        "<!DOCTYPE html><html><head></head><body class=\"x\"><main>Текст</main></body></html>";

    #[test]
    fn adds_only_the_script_to_a_good_page() {
        let out = inject(PAGE, &[], Lang::Ru);
        assert_eq!(
            out,
            "<!DOCTYPE html><html><head></head><body class=\"x\"><main>Текст</main><script src=\"/__msoko/live.js\" defer></script></body></html>"
        );
    }

    #[test]
    fn shows_errors_first_with_place_and_hint_escaped() {
        let error = Diagnostic::error("content/a<b>.md", "плохо: <script>")
            .at(3, 7)
            .hint("замените «&»");
        let out = inject(PAGE, &[error], Lang::Ru);
        let panel_at = out.find("msoko-errors").unwrap();
        assert!(panel_at < out.find("<main>").unwrap());
        assert!(out.contains("content/a&lt;b&gt;.md:3:7</code> — плохо: &lt;script&gt;"));
        assert!(out.contains("подсказка: замените «&amp;»"));
        assert!(!out.contains("<script>"));
        assert!(out.contains("Сайт не пересобран: ошибок — 1"));
    }

    #[test]
    fn speaks_english_when_asked() {
        let error =
            Diagnostic::error("content/a.md", crate::diagnostic::Message::missing_title()).at(2, 1);
        let out = error_page(&[error], Lang::En);
        assert!(out.contains("The site is not built: errors — 1"));
        assert!(out.contains("the page has no title"));
        assert!(out.contains("<script src=\"/__msoko/live.js\" defer></script>"));
    }
}
