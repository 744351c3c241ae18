//! What an act's front matter must say to be listed in the registry truthfully: its
//! number, a known kind, dates in the order an act lives (signed, then placed, not
//! after «today»), and amendments and cancellations that come after the act they
//! change. Run by `documents::resolve_documents` once the links are resolved.
//!
//! Errors where the registry would publish something false; warnings where the input
//! can be legitimate (a kind msoko does not know, e.g. «соглашение о …» of another
//! name — the site may rightly publish it; a typo close to a known kind is an error).

use chrono::NaiveDate;

use super::analytics_rules::edit_distance;
use super::documents::Document;
use super::Page;
use crate::dates::format_date_short;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::tr;

/// Kinds of acts an education department publishes, lower case.
pub(crate) const KNOWN_ACTS: [&str; 24] = [
    "приказ",
    "постановление",
    "распоряжение",
    "решение",
    "положение",
    "порядок",
    "регламент",
    "административный регламент",
    "стандарт",
    "план",
    "дорожная карта",
    "программа",
    "концепция",
    "правила",
    "инструкция",
    "методические рекомендации",
    "перечень",
    "устав",
    "закон",
    "указ",
    "соглашение",
    "договор",
    "протокол",
    "письмо",
];

/// Every check of one act; `list` holds the resolved links.
pub(super) fn check_acts(
    pages: &[Page],
    list: &[Document],
    as_of: NaiveDate,
    diagnostics: &mut Diagnostics,
) {
    for document in list {
        let page = &pages[document.page];
        // A draft has no number yet; a report has its approving act's.
        if document.status != super::DocumentStatus::Draft && document.approved_by.is_none() {
            check_number(page, diagnostics);
        }
        if document.approved_by.is_none() {
            check_kind(page, diagnostics);
        }
        check_dates(page, as_of, diagnostics);
        if let Some(discussion) = &page.discussion {
            check_discussion(page, discussion, as_of, diagnostics);
        }
        for (key, targets) in [("amends", &document.amends), ("cancels", &document.cancels)] {
            for &target in targets {
                check_link_order(page, key, &pages[target], diagnostics);
            }
        }
    }
}

/// A discussion ends after it starts; once it is over (before «today») the registry
/// must say what came of it.
fn check_discussion(
    page: &Page,
    discussion: &crate::load::Discussion,
    as_of: NaiveDate,
    diagnostics: &mut Diagnostics,
) {
    // The `to:` line under `discussion:`: the date the messages are about.
    let at = value_at(page, "discussion.to");
    if discussion.to.0 < discussion.from.0 {
        diagnostics.push(
            Diagnostic::error(
                &page.file,
                tr!(
                    format!(
                        "обсуждение проекта кончается ({}) раньше, чем начинается ({})",
                        format_date_short(discussion.to.0),
                        format_date_short(discussion.from.0)
                    ),
                    format!(
                        "the discussion of the draft ends ({}) before it begins ({})",
                        format_date_short(discussion.to.0),
                        format_date_short(discussion.from.0)
                    )
                ),
            )
            .at(at.0, at.1)
            .hint(tr!(
                "проверьте даты discussion: from — начало обсуждения, to — его окончание",
                "check the dates of discussion: from is the start, to is the end"
            )),
        );
    }
    if discussion.to.0 < as_of
        && discussion
            .outcome
            .as_ref()
            .is_none_or(|o| o.0.trim().is_empty())
    {
        diagnostics.push(
            Diagnostic::warning(
                &page.file,
                tr!(
                    format!(
                        "обсуждение проекта закончилось {}, а его итоги не указаны",
                        format_date_short(discussion.to.0)
                    ),
                    format!(
                        "the discussion of the draft ended on {}, and its outcome is not given",
                        format_date_short(discussion.to.0)
                    )
                ),
            )
            .at(at.0, at.1)
            .hint(tr!(
                "добавьте в discussion итоги: outcome: \"Замечаний не поступило\" (или какие поступили и как учтены); когда акт подписан, уберите discussion и укажите number и approved",
                "add the outcome to discussion: outcome: \"No remarks were received\" (or which were and how they were taken into account); once the act is signed, remove discussion and give number and approved"
            )),
        );
    }
}

/// File line and column of the front matter value at `path` (`approved`,
/// `discussion.to`); column 1 of the title line when it is absent.
pub(super) fn value_at(page: &Page, path: &str) -> (usize, usize) {
    match page.positions.value(path) {
        Some(at) => (at.line + 1, at.column),
        None => (page.key_line("title"), 1),
    }
}

/// File line and column of `name` as written in the list (or value) of `key`
/// (`amends: [documents/a]`); column 1 of the key's line when it is not found.
pub(super) fn name_at(page: &Page, key: &str, name: &str) -> (usize, usize) {
    match page.positions.find(key, name) {
        Some(at) => (at.line + 1, at.column),
        None => (page.key_line(key), 1),
    }
}

fn check_number(page: &Page, diagnostics: &mut Diagnostics) {
    if page.number.as_deref().is_none_or(|n| n.trim().is_empty()) {
        diagnostics.push(
            Diagnostic::error(
                &page.file,
                tr!(
                    "у документа не указан номер (number)",
                    "the act has no number (number)"
                ),
            )
            .at(page.key_line("title"), 1)
            .hint(tr!(
                "добавьте номер, как он написан в акте: number: \"178-П\"",
                "add the number as the act gives it: number: \"178-П\""
            )),
        );
    }
}

fn check_kind(page: &Page, diagnostics: &mut Diagnostics) {
    let Some(act) = page.act.as_deref() else {
        return;
    };
    if KNOWN_ACTS.contains(&act) {
        return;
    }
    let (distance, nearest) = KNOWN_ACTS
        .iter()
        .map(|known| (edit_distance(act, known), *known))
        .min()
        .unwrap_or((usize::MAX, "приказ"));
    let (line, column) = value_at(page, "act");
    if distance <= 2 {
        diagnostics.push(
            Diagnostic::error(
                &page.file,
                tr!(
                    "вид документа «{act}» не известен",
                    "unknown kind of act “{act}”"
                ),
            )
            .at(line, column)
            .hint(tr!(
                "возможно, имелось в виду act: {nearest}",
                "perhaps you meant act: {nearest}"
            )),
        );
    } else {
        diagnostics.push(
            Diagnostic::warning(
                &page.file,
                tr!(
                    "вид документа «{act}» не из обычного перечня",
                    "the kind of act “{act}” is not in the usual list"
                ),
            )
            .at(line, column)
            .hint(tr!(
                format!(
                    "проверьте написание; обычные виды: {}",
                    KNOWN_ACTS.join(", ")
                ),
                format!(
                    "check the spelling; the usual kinds: {}",
                    KNOWN_ACTS.join(", ")
                )
            )),
        );
    }
}

fn check_dates(page: &Page, as_of: NaiveDate, diagnostics: &mut Diagnostics) {
    let Some(signed) = page.approved else {
        return;
    };
    let (approved_at, date_at) = (value_at(page, "approved"), value_at(page, "date"));
    if signed > as_of {
        diagnostics.push(
            Diagnostic::error(
                &page.file,
                tr!(format!("дата документа {} позже сегодняшней ({})",
                    format_date_short(signed),
                    format_date_short(as_of)
                ), format!("the act's date {} is after today ({})",
                    format_date_short(signed),
                    format_date_short(as_of)
                )),
            )
            .at(approved_at.0, approved_at.1)
            .hint(tr!("проверьте дату подписания (approved); если сайт собирается «на дату», проверьте --as-of", "check the signing date (approved); if the site is built “as of” a date, check --as-of")),
        );
    }
    // Only a hand-written `date`: a date from git is when the file was first committed,
    // which may rightly precede the signing (a draft prepared in advance).
    let written = page.positions.key("date").is_some();
    if let (true, Some(placed)) = (written, page.placed) {
        if placed < signed {
            diagnostics.push(
                Diagnostic::error(
                    &page.file,
                    tr!(
                        format!(
                            "дата размещения {} раньше даты документа {}",
                            format_date_short(placed),
                            format_date_short(signed)
                        ),
                        format!(
                            "the publication date {} is before the act's date {}",
                            format_date_short(placed),
                            format_date_short(signed)
                        )
                    ),
                )
                .at(date_at.0, date_at.1)
                .hint(tr!(
                    "документ размещают после подписания: проверьте date и approved",
                    "an act is published after it is signed: check date and approved"
                )),
            );
        }
    }
}

/// An act can change or cancel only an act signed before it (or the same day).
fn check_link_order(page: &Page, key: &str, target: &Page, diagnostics: &mut Diagnostics) {
    let (Some(signed), Some(target_signed)) = (page.approved, target.approved) else {
        return;
    };
    if target_signed <= signed {
        return;
    }
    let (verb, verb_en) = if key == "cancels" {
        ("признаёт утратившим силу", "cancels")
    } else {
        ("изменяет", "amends")
    };
    let name = target.url.trim_matches('/').to_string();
    let (line, column) = name_at(page, key, &name);
    diagnostics.push(
        Diagnostic::error(
            &page.file,
            tr!(
                format!(
                    "документ от {} {verb} документ {}, подписанный позже — {}",
                    format_date_short(signed),
                    target.file.display(),
                    format_date_short(target_signed)
                ),
                format!(
                    "the act of {} {verb_en} the act {}, which was signed later, on {}",
                    format_date_short(signed),
                    target.file.display(),
                    format_date_short(target_signed)
                )
            ),
        )
        .at(line, column)
        .hint(tr!(
            "проверьте {key} и даты approved обоих документов",
            "check {key} and the approved dates of both acts"
        )),
    );
}
