//! The command line's own words in Russian and English (`--lang`).
//!
//! Messages about the site's files come from the library (`Diagnostic::text`); what
//! is here is the frame around them: labels, stage names, the summary, the server.
//! Each is one [`msoko::Message`] (made with `tr!`), both languages side by side.

use std::time::Duration;

use msoko::{tr, Lang, Message, Severity, Stage};

/// The label before a message: «ошибка», «предупреждение».
pub(crate) fn severity(lang: Lang, severity: Severity) -> String {
    let label = match severity {
        Severity::Error => tr!("ошибка", "error"),
        Severity::Warning => tr!("предупреждение", "warning"),
    };
    label.get(lang).to_string()
}

/// «1 error», «2 errors»: a count with an English noun that agrees with it.
pub(crate) fn count_en(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The label before a hint.
pub(crate) fn hint(lang: Lang) -> String {
    tr!("подсказка", "hint").get(lang).to_string()
}

/// What a stage is called in the progress line and the summary.
pub(crate) fn stage(lang: Lang, stage: Stage) -> String {
    let name: Message = match stage {
        Stage::Load => tr!("чтение", "reading"),
        Stage::Model => tr!("модель", "model"),
        Stage::Analyze => tr!("анализ", "analysis"),
        Stage::Render => tr!("страницы", "rendering"),
        Stage::Check => tr!("ссылки", "links"),
        Stage::Write => tr!("запись", "writing"),
    };
    name.get(lang).to_string()
}

/// Seconds as people read them: «0,21 с» / «0.21 s».
pub(crate) fn seconds(lang: Lang, time: Duration) -> String {
    let en = format!("{:.2}", time.as_secs_f64());
    let ru = en.replace('.', ",");
    tr!("{ru} с", "{en} s").get(lang).to_string()
}

/// Milliseconds, for the server's short rebuilds.
pub(crate) fn millis(lang: Lang, time: Duration) -> String {
    let ms = time.as_millis();
    tr!("{ms} мс", "{ms} ms").get(lang).to_string()
}

/// Which command is running, for the summary: «Сборка», «Проверка».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verb {
    Build,
    Check,
}

impl Verb {
    pub(crate) fn noun(self, lang: Lang) -> String {
        let noun = match self {
            Verb::Build => tr!("Сборка", "Build"),
            Verb::Check => tr!("Проверка", "Check"),
        };
        noun.get(lang).to_string()
    }
}
