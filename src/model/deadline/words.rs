//! The words the deadline reader knows, in one place: a new spelling, schedule
//! word or cadence is a one-line change here. Words are lower-case with «е» for
//! «ё», as the tokenizer gives them; a «stem» matches the start of a word.

use super::Recurrence;

/// Month stems and the endings they take (nominative, genitive, prepositional).
pub(super) const MONTHS: [(&str, &[&str]); 12] = [
    ("январ", &["ь", "я", "е"]),
    ("феврал", &["ь", "я", "е"]),
    ("март", &["", "а", "е"]),
    ("апрел", &["ь", "я", "е"]),
    ("ма", &["й", "я", "е"]),
    ("июн", &["ь", "я", "е"]),
    ("июл", &["ь", "я", "е"]),
    ("август", &["", "а", "е"]),
    ("сентябр", &["ь", "я", "е"]),
    ("октябр", &["ь", "я", "е"]),
    ("ноябр", &["ь", "я", "е"]),
    ("декабр", &["ь", "я", "е"]),
];
pub(super) const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("янв", 1),
    ("фев", 2),
    ("февр", 2),
    ("мар", 3),
    ("апр", 4),
    ("авг", 8),
    ("сен", 9),
    ("сент", 9),
    ("окт", 10),
    ("ноя", 11),
    ("нояб", 11),
    ("дек", 12),
];
/// «в апреле 2025 года 30 дней» — months as a message needs them.
pub(super) use crate::dates::MONTHS_PREPOSITIONAL as MONTHS_IN;

pub(super) const FILLER: [&str; 5] = ["в", "во", "на", "срок", "сроки"];
pub(super) const YEAR_WORDS: [&str; 9] = [
    "г",
    "гг",
    "год",
    "года",
    "году",
    "годы",
    "годов",
    "годах",
    "годам",
];
pub(super) const NEED_WORDS: [&str; 2] = ["необходимости", "потребности"];
pub(super) const ON_REQUEST: [&str; 8] = [
    "потребности",
    "необходимости",
    "запросу",
    "запросам",
    "требованию",
    "заявке",
    "заявкам",
    "согласованию",
];
pub(super) const SCHEDULE_STEMS: [&str; 6] = [
    "график",
    "план",
    "расписан",
    "календар",
    "циклограм",
    "регламент",
];
pub(super) const EVENT_AFTER_PO: [&str; 7] = [
    "итогам",
    "результатам",
    "факту",
    "окончании",
    "завершении",
    "истечении",
    "поступлении",
];
pub(super) const DURATION_UNITS: [&str; 8] =
    ["дн", "день", "сут", "недел", "месяц", "год", "лет", "час"];
pub(super) const EVENT_LINKS: [&str; 8] =
    ["после", "до", "с", "со", "от", "по", "перед", "момента"];
pub(super) const CADENCE_STEMS: [(&str, Recurrence); 10] = [
    ("ежегодн", Recurrence::Yearly),
    ("ежекварт", Recurrence::Quarterly),
    ("ежемесячн", Recurrence::Monthly),
    ("постоянн", Recurrence::Continuous),
    ("ежедневн", Recurrence::Continuous),
    ("еженедельн", Recurrence::Continuous),
    ("регулярн", Recurrence::Continuous),
    ("систематическ", Recurrence::Continuous),
    ("круглогодичн", Recurrence::Continuous),
    ("непрерывн", Recurrence::Continuous),
];
pub(super) const COUNT_WORDS: [(&str, u32); 10] = [
    ("один", 1),
    ("одного", 1),
    ("два", 2),
    ("двух", 2),
    ("три", 3),
    ("трех", 3),
    ("четыре", 4),
    ("четырех", 4),
    ("пять", 5),
    ("пяти", 5),
];

pub(super) const EXAMPLES: &str = "«до 01.12.2025», «сентябрь – октябрь 2025», «1 квартал 2026», \
     «ежегодно, октябрь», «постоянно», «по графику ФИОКО»";

/// A month named by `word` in any case form, or by its usual abbreviation.
pub(super) fn month_of(word: &str) -> Option<u32> {
    let full = (1..).zip(MONTHS).find_map(|(number, (stem, endings))| {
        let ending = word.strip_prefix(stem)?;
        endings.contains(&ending).then_some(number)
    });
    full.or_else(|| {
        MONTH_ABBREVIATIONS
            .iter()
            .find(|(a, _)| *a == word)
            .map(|(_, m)| *m)
    })
}
