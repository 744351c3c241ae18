//! The command line's own words in Russian and English (`--lang`).
//!
//! Messages about the site's files come from the library (`Diagnostic::text`); what
//! is here is the frame around them: labels, stage names, the summary, the server.

use std::time::Duration;

use msoko::{Lang, Severity, Stage};

/// The label before a message: «ошибка», «предупреждение».
pub(crate) fn severity(lang: Lang, severity: Severity) -> &'static str {
    match (lang, severity) {
        (Lang::Ru, Severity::Error) => "ошибка",
        (Lang::Ru, Severity::Warning) => "предупреждение",
        (Lang::En, Severity::Error) => "error",
        (Lang::En, Severity::Warning) => "warning",
    }
}

/// The label before a hint.
/// «1 error», «2 errors»: a count with an English noun that agrees with it.
pub(crate) fn count_en(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

pub(crate) fn hint(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "hint",
        _ => "подсказка",
    }
}

/// What a stage is called in the progress line and the summary.
pub(crate) fn stage(lang: Lang, stage: Stage) -> &'static str {
    match (lang, stage) {
        (Lang::En, Stage::Load) => "reading",
        (Lang::En, Stage::Model) => "model",
        (Lang::En, Stage::Analyze) => "analysis",
        (Lang::En, Stage::Render) => "rendering",
        (Lang::En, Stage::Check) => "links",
        (Lang::En, Stage::Write) => "writing",
        (_, Stage::Load) => "чтение",
        (_, Stage::Model) => "модель",
        (_, Stage::Analyze) => "анализ",
        (_, Stage::Render) => "страницы",
        (_, Stage::Check) => "ссылки",
        (_, Stage::Write) => "запись",
    }
}

/// Seconds as people read them: «0,21 с» / «0.21 s».
pub(crate) fn seconds(lang: Lang, time: Duration) -> String {
    let text = format!("{:.2}", time.as_secs_f64());
    match lang {
        Lang::En => format!("{text} s"),
        _ => format!("{} с", text.replace('.', ",")),
    }
}

/// Milliseconds, for the server's short rebuilds.
pub(crate) fn millis(lang: Lang, time: Duration) -> String {
    match lang {
        Lang::En => format!("{} ms", time.as_millis()),
        _ => format!("{} мс", time.as_millis()),
    }
}

/// Which command is running, for the summary: «Сборка», «Проверка».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verb {
    Build,
    Check,
}

impl Verb {
    pub(crate) fn noun(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, Verb::Build) => "Build",
            (Lang::En, Verb::Check) => "Check",
            (_, Verb::Build) => "Сборка",
            (_, Verb::Check) => "Проверка",
        }
    }
}
