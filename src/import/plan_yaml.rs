//! Writes an imported plan as the text of `data/plans/<id>.yaml`, in the plan
//! contract (`load::plans`), with the line of every deadline so that those the
//! deadline reader cannot read are reported at their line.
//!
//! Written by hand rather than through serde_yaml: the file is for a person to keep
//! editing, so it has a comment on top, keys in the contract's order, every text in
//! double quotes (a «:» or a leading «-» in a title is then never a YAML problem),
//! and no empty keys.

use std::fmt::Write;

use super::heading::Approval;
use super::plan::{ImportedPlan, Item, Section};

/// The file's text and the deadlines in it: (line, column of the value, text).
pub(crate) struct PlanYaml {
    pub(crate) text: String,
    pub(crate) dues: Vec<(usize, usize, String)>,
}

/// The section that holds items standing before any section row.
pub(crate) const LOOSE_SECTION: &str = "Мероприятия";

/// The plan as YAML; `title`, `from`, `to` are already decided by the caller.
pub(crate) fn write_plan_yaml(
    plan: &ImportedPlan,
    id: &str,
    title: &str,
    period: (chrono::NaiveDate, chrono::NaiveDate),
    source: &str,
) -> PlanYaml {
    let mut out = Writer::default();
    out.line(&format!(
        "# Импортировано из «{source}» командой msoko import plan."
    ));
    out.line("# Проверьте название, период и утвердивший акт; отметки о выполнении");
    out.line("# ставьте у пунктов: status: выполнено и done: ГГГГ-ММ-ДД.");
    out.line(&format!("id: {id}"));
    out.line(&format!("title: {}", quote(title)));
    if let Some(Approval { kind, number, date }) = &plan.approval {
        out.line(&format!(
            "approved: {{kind: {}, number: {}, date: {}}}",
            quote(kind),
            quote(number),
            date.format("%Y-%m-%d")
        ));
    }
    out.line(&format!(
        "period: {{from: {}, to: {}}}",
        period.0.format("%Y-%m-%d"),
        period.1.format("%Y-%m-%d")
    ));
    out.line("sections:");
    if !plan.loose.is_empty() {
        let loose = Section {
            title: LOOSE_SECTION.to_string(),
            items: plan.loose.clone(),
            ..Section::default()
        };
        out.section(&loose, 2);
    }
    for section in &plan.sections {
        out.section(section, 2);
    }
    PlanYaml {
        text: out.text,
        dues: out.dues,
    }
}

#[derive(Default)]
struct Writer {
    text: String,
    lines: usize,
    dues: Vec<(usize, usize, String)>,
}

impl Writer {
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
        self.lines += 1;
    }

    fn section(&mut self, section: &Section, indent: usize) {
        let pad = " ".repeat(indent);
        self.line(&format!("{pad}- title: {}", quote(&section.title)));
        if !section.items.is_empty() {
            self.line(&format!("{pad}  items:"));
            for item in &section.items {
                self.item(item, indent + 4);
            }
        }
        if !section.sections.is_empty() {
            self.line(&format!("{pad}  sections:"));
            for sub in &section.sections {
                self.section(sub, indent + 4);
            }
        }
    }

    fn item(&mut self, item: &Item, indent: usize) {
        let pad = " ".repeat(indent);
        let mut first = true;
        let mut field = |this: &mut Self, key: &str, value: &str| {
            let lead = if first { "- " } else { "  " };
            first = false;
            this.line(&format!("{pad}{lead}{key}: {}", quote(value)));
        };
        if let Some(no) = &item.no {
            field(self, "no", no);
        }
        field(self, "title", &item.title);
        if let Some(due) = &item.due {
            field(self, "due", due);
            // The value starts after «- due: » or «  due: », 1-based.
            let column = indent + "- due: ".len() + 1;
            self.dues.push((self.lines, column, due.clone()));
        }
        for (key, value) in [
            ("responsible", &item.responsible),
            ("form", &item.form),
            ("result", &item.result),
        ] {
            if let Some(value) = value {
                field(self, key, value);
            }
        }
    }
}

/// A YAML double-quoted scalar.
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_yaml_would_read_otherwise() {
        assert_eq!(quote("a: \"b\" \\ c"), "\"a: \\\"b\\\" \\\\ c\"");
        assert_eq!(quote("- пункт"), "\"- пункт\"");
    }
}
