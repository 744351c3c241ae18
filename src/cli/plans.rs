//! `msoko plans [ID]`: prints how every plan item was read — number and line, the
//! deadline text, the dates and recurrence read from it, the status on `--as-of`
//! and why — as text in Russian or English, or as JSON.

use std::process::ExitCode;

use msoko::{ItemReading, Lang, Message, Options, PlanReading};
use serde_json::{json, Value};

use super::human;

fn said(words: &Message, lang: Lang) -> &str {
    words.get(lang)
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// Runs `msoko plans`: exit 0, or 1 when the site has errors, 2 for an unknown id.
pub(crate) fn run(options: &Options, id: Option<&str>, json: bool, lang: Lang) -> ExitCode {
    let (plans, diagnostics) = msoko::read_plans(options, id);
    let mut printer = human::Printer::new(&options.root, lang, super::use_color());
    let failed = diagnostics.iter().any(|d| d.is_error());
    // Every error (the site must build), and the warnings about the plans shown.
    let shown: Vec<&str> = plans.iter().flatten().map(|p| p.file.as_str()).collect();
    if !json {
        for diagnostic in &diagnostics {
            let about_shown = shown
                .iter()
                .any(|f| diagnostic.file == std::path::Path::new(f));
            if diagnostic.is_error() || about_shown {
                eprint!("{}", printer.render(diagnostic));
            }
        }
    }
    let Some(plans) = plans else {
        return ExitCode::from(1);
    };
    if let (Some(id), true) = (id, plans.is_empty()) {
        let unknown = msoko::tr!(
            "ошибка: плана с id «{id}» на сайте нет\n  подсказка: id плана — строка id: в его файле в data/plans/; msoko plans без id покажет все планы",
            "error: there is no plan with id “{id}” on the site\n  hint: a plan's id is the id: line of its file in data/plans/; msoko plans without an id shows every plan"
        );
        eprintln!("{}", unknown.get(lang));
        return ExitCode::from(2);
    }
    if json {
        let value: Vec<Value> = plans.iter().map(|p| plan_json(p, lang)).collect();
        println!("{:#}", json!({ "plans": value }));
    } else {
        for plan in &plans {
            print!("{}", plan_text(plan, lang));
        }
        if plans.is_empty() {
            let none = msoko::tr!(
                "Планов на сайте нет: они лежат в data/plans/*.yaml.",
                "The site has no plans: they live in data/plans/*.yaml."
            );
            println!("{}", none.get(lang));
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn windows(item: &ItemReading) -> String {
    item.windows
        .iter()
        .map(|(s, e)| {
            if s == e {
                date(*s)
            } else {
                format!("{} – {}", date(*s), date(*e))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One plan as text: a heading, then three lines per item.
fn plan_text(plan: &PlanReading, lang: Lang) -> String {
    let ru = lang == Lang::Ru;
    let mut out = if ru {
        format!(
            "План «{}» ({}), период {} – {}, статусы на {}:\n",
            plan.title,
            plan.file,
            date(plan.from),
            date(plan.to),
            date(plan.as_of)
        )
    } else {
        format!(
            "Plan “{}” ({}), period {} – {}, statuses on {}:\n",
            plan.title,
            plan.file,
            date(plan.from),
            date(plan.to),
            date(plan.as_of)
        )
    };
    // How many items have each status, in the order they first appear.
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for item in &plan.items {
        let label = said(&item.status_label, lang);
        match counts.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n += 1,
            None => counts.push((label, 1)),
        }
    }
    let counts: Vec<String> = counts.iter().map(|(l, n)| format!("{l} — {n}")).collect();
    out.push_str(&if ru {
        format!("Пунктов: {}; {}.\n", plan.items.len(), counts.join(", "))
    } else {
        format!("Items: {}; {}.\n", plan.items.len(), counts.join(", "))
    });
    for item in &plan.items {
        let title: String = item.title.chars().take(70).collect();
        let more = if item.title.chars().count() > 70 {
            "…"
        } else {
            ""
        };
        out.push_str(&format!(
            "\n  {} {title}{more}  [{}:{}]\n",
            item.no, plan.file, item.line
        ));
        let reading = match (&item.due_text, &item.unreadable) {
            (None, _) => {
                if ru {
                    "срок не указан".to_string()
                } else {
                    "no deadline".to_string()
                }
            }
            (Some(text), Some(why)) => {
                if ru {
                    format!("«{text}» не прочитан: {}", said(why, lang))
                } else {
                    format!("«{text}» not read: {}", said(why, lang))
                }
            }
            (Some(text), None) => {
                let dates = windows(item);
                let dates = if dates.is_empty() {
                    if ru {
                        "без дат".to_string()
                    } else {
                        "no dates".to_string()
                    }
                } else {
                    dates
                };
                match &item.recurrence {
                    Some(r) => format!("«{text}» → {dates}; {}", said(r, lang)),
                    None => format!("«{text}» → {dates}"),
                }
            }
        };
        let (due, status) = if ru {
            ("срок", "статус")
        } else {
            ("deadline", "status")
        };
        out.push_str(&format!("    {due}: {reading}\n"));
        out.push_str(&format!(
            "    {status}: {} — {}\n",
            said(&item.status_label, lang),
            said(&item.why, lang)
        ));
    }
    out.push('\n');
    out
}

fn plan_json(plan: &PlanReading, lang: Lang) -> Value {
    let items: Vec<Value> = plan
        .items
        .iter()
        .map(|item| {
            json!({
                "no": item.no,
                "line": item.line,
                "title": item.title,
                "due_text": item.due_text,
                "windows": item.windows.iter().map(|(s, e)| json!({"start": s.to_string(), "end": e.to_string()})).collect::<Vec<_>>(),
                "recurrence": item.recurrence.as_ref().map(|r| said(r, lang)),
                "unreadable": item.unreadable.as_ref().map(|w| said(w, lang)),
                "status": item.status,
                "status_label": said(&item.status_label, lang),
                "why": said(&item.why, lang),
            })
        })
        .collect();
    json!({
        "id": plan.id,
        "title": plan.title,
        "file": plan.file,
        "period_from": plan.from.to_string(),
        "period_to": plan.to.to_string(),
        "as_of": plan.as_of.to_string(),
        "items": items,
    })
}
