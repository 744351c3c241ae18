//! The mark a plan's author puts on an item or a whole section: `status:` in
//! English ids or in the Russian words the department writes in its reports.
//!
//! «выполнено», «не выполнено», «отменено», «перенесено», «выполняется»,
//! «запланировано» and their short forms («выполнен», «отменён») are accepted in
//! any case, with «ё» or «е», as are the ids `done`, `not_done`, `cancelled`,
//! `postponed`, `in_progress`, `planned`. What «перенесено» means here: the work
//! was moved past its approved deadline by a later decision; the item keeps its
//! approved «Сроки» text, is shown as «перенесено» (neither done nor overdue), and
//! never turns into «нет отметки о выполнении» or «просрочено».

use crate::diagnostic::Message;
use crate::tr;

/// A status the plan's author wrote down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GivenStatus {
    Planned,
    InProgress,
    Done,
    /// Marked «не выполнено»: shown as overdue.
    NotDone,
    Cancelled,
    /// Moved past its approved deadline by a later decision.
    Postponed,
}

/// Every accepted spelling, lower-case with «е» for «ё».
const WORDS: [(&str, GivenStatus); 22] = [
    ("planned", GivenStatus::Planned),
    ("запланировано", GivenStatus::Planned),
    ("планируется", GivenStatus::Planned),
    ("in_progress", GivenStatus::InProgress),
    ("выполняется", GivenStatus::InProgress),
    ("в работе", GivenStatus::InProgress),
    ("done", GivenStatus::Done),
    ("выполнено", GivenStatus::Done),
    ("выполнен", GivenStatus::Done),
    ("выполнена", GivenStatus::Done),
    ("исполнено", GivenStatus::Done),
    ("not_done", GivenStatus::NotDone),
    ("не выполнено", GivenStatus::NotDone),
    ("не выполнен", GivenStatus::NotDone),
    ("не исполнено", GivenStatus::NotDone),
    ("cancelled", GivenStatus::Cancelled),
    ("отменено", GivenStatus::Cancelled),
    ("отменен", GivenStatus::Cancelled),
    ("отменена", GivenStatus::Cancelled),
    ("postponed", GivenStatus::Postponed),
    ("перенесено", GivenStatus::Postponed),
    ("перенесен", GivenStatus::Postponed),
];

/// Reads a written status; the error says which words work.
pub(crate) fn parse_status(written: &str) -> Result<GivenStatus, Message> {
    let normal = written
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('ё', "е")
        .replace(['-', ' '], if written.contains('_') { "_" } else { " " });
    let normal = normal.trim_end_matches('.');
    WORDS
        .iter()
        .find(|(word, _)| *word == normal)
        .map(|(_, status)| *status)
        .ok_or_else(|| {
            tr!(
                "статус «{written}» не понят",
                "the status “{written}” is not understood"
            )
        })
}

/// The hint for a status not understood.
pub(crate) fn status_hint() -> Message {
    tr!(
        "статус пишется одним из слов: выполнено, не выполнено, выполняется, запланировано, отменено, перенесено (или done, not_done, in_progress, planned, cancelled, postponed); без статуса он считается по сроку",
        "a status is one of: выполнено (done), не выполнено (not done), выполняется (in progress), запланировано (planned), отменено (cancelled), перенесено (postponed), or done, not_done, in_progress, planned, cancelled, postponed; without a status it follows from the deadline"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_russian_status_words_and_english_ids() {
        assert_eq!(parse_status("выполнено"), Ok(GivenStatus::Done));
        assert_eq!(parse_status("Выполнено."), Ok(GivenStatus::Done));
        assert_eq!(parse_status("Не  выполнено"), Ok(GivenStatus::NotDone));
        assert_eq!(parse_status("отменён"), Ok(GivenStatus::Cancelled));
        assert_eq!(parse_status("Перенесено"), Ok(GivenStatus::Postponed));
        assert_eq!(parse_status("in_progress"), Ok(GivenStatus::InProgress));
        assert_eq!(parse_status("done"), Ok(GivenStatus::Done));
    }

    #[test]
    fn rejects_an_unknown_status_word() {
        let error = parse_status("сделано").unwrap_err();
        assert_eq!(error.ru, "статус «сделано» не понят");
    }
}
