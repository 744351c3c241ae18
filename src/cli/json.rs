//! `--format json`: the report for editors and CI annotations, on stdout.
//!
//! One object with one key per part (`diagnostics`, `summary`); a new part is one
//! more key in [`report`]. Paths use `/`; `line`, `column` and `hint` are `null`
//! when unknown; `code` names the kind of a common problem (`bad-date`, …).

use msoko::{Diagnostic, Lang, Report, Severity};
use serde_json::{json, Value};

use super::words::Verb;

/// The whole report.
pub(crate) fn report(report: &Report, verb: Verb, lang: Lang) -> Value {
    json!({
        "diagnostics": report
            .diagnostics
            .iter()
            .map(|d| diagnostic(d, lang))
            .collect::<Vec<_>>(),
        "summary": summary(report, verb),
        // `null`, not `[]`, when the settings could not be read: nothing was checked.
        "checklist": report.checklist_computed.then(|| {
            report
                .checklist
                .iter()
                .map(|item| checklist_item(item, lang))
                .collect::<Vec<_>>()
        }),
    })
}

/// One line of the checklist, its words in `lang`.
fn checklist_item(item: &msoko::ChecklistItem, lang: Lang) -> Value {
    let (group, requirement, detail) = item.text(lang);
    json!({
        "group": group,
        "requirement": requirement,
        "mark": item.mark,
        "detail": detail,
        "path": item.path,
    })
}

fn diagnostic(d: &Diagnostic, lang: Lang) -> Value {
    let (message, hint) = d.text(lang);
    json!({
        "file": d.file.to_string_lossy().replace('\\', "/"),
        "line": d.line,
        "column": d.column,
        "severity": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "code": d.code(),
        "message": message,
        "hint": hint,
    })
}

fn summary(report: &Report, verb: Verb) -> Value {
    json!({
        "command": match verb {
            Verb::Build => "build",
            Verb::Check => "check",
        },
        "ok": !report.has_errors(),
        "errors": report.errors(),
        "warnings": report.warnings(),
        "pages": report.pages,
        "charts": report.charts,
        "files": report.files,
        "written": report.written.map(|w| w.written),
        "unchanged": report.written.map(|w| w.unchanged),
        "seconds": report.elapsed.as_secs_f64(),
        "stages": report
            .stages
            .iter()
            .map(|t| json!({"stage": t.stage.key(), "seconds": t.elapsed.as_secs_f64()}))
            .collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn lists_diagnostics_with_place_and_a_summary() {
        let report = Report {
            diagnostics: vec![Diagnostic {
                severity: Severity::Error,
                file: "content/a.md".into(),
                line: Some(3),
                column: None,
                message: Box::new(msoko::Message::text("плохо", "bad")),
                hint: None,
            }],
            pages: 2,
            elapsed: Duration::from_millis(5),
            ..Report::default()
        };
        let value = super::report(&report, Verb::Check, Lang::En);
        let first = &value["diagnostics"][0];
        assert_eq!(first["file"], "content/a.md");
        assert_eq!(first["line"], 3);
        assert_eq!(first["column"], Value::Null);
        assert_eq!(first["severity"], "error");
        assert_eq!(first["message"], "bad");
        assert_eq!(value["summary"]["ok"], false);
        assert_eq!(value["summary"]["errors"], 1);
        assert_eq!(value["summary"]["command"], "check");
    }
}
