//! The thresholds and combinations of the objectivity and low-results analytics,
//! resolved from `data/analytics.yaml` with the defaults of the methodology
//! (`ANALYTICS.md`) where the file says nothing, and checked.
//!
//! Percentages are written in the file as the department thinks of them (20 п.п.,
//! 25 %) and kept here as fractions (0.20, 0.25), the unit the rules compute in.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::rule_expr::{parse_expr, Expr, Rule};
use crate::diagnostic::Message;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{AnalyticsFile, RawBenchmark, RawBreak, RawEffect};
use crate::model::MedalRegime;
use crate::tr;
use crate::yaml::Text;

/// The edition of the methodology when the file does not name one.
const DEFAULT_VERSION: &str = "2025.1";

/// Subjects results may name when `subjects:` is not given: the school subjects of
/// ВПР, ОГЭ and ЕГЭ, lower case.
pub(crate) const DEFAULT_SUBJECTS: [&str; 20] = [
    "русский язык",
    "литература",
    "математика",
    "математика базовая",
    "математика профильная",
    "окружающий мир",
    "история",
    "обществознание",
    "география",
    "биология",
    "физика",
    "химия",
    "информатика",
    "английский язык",
    "немецкий язык",
    "французский язык",
    "испанский язык",
    "китайский язык",
    "иностранный язык",
    "естествознание",
];

/// Years whose results compare with other years only with reservations (ANALYTICS §4).
const DEFAULT_BREAKS: [(i32, &str); 3] = [
    (2020, "ВПР весной не проводились и были перенесены на осень"),
    (2022, "ВПР перенесены на осень (19 сентября — 24 октября)"),
    (
        2025,
        "ВПР в 11 классах не проводились, предметы в других классах назначались случайным выбором, работа по русскому языку обновлена",
    ),
];

/// A year whose results compare with other years only with reservations: what
/// changed in the procedure and, when given, the act or letter that changed it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct DataBreak {
    pub(crate) what: String,
    pub(crate) source: Option<String>,
}

impl DataBreak {
    /// «ВПР перенесены на осень, источник: письмо …» — the words after
    /// «сопоставимость ограничена:».
    pub(crate) fn note(&self) -> String {
        match &self.source {
            Some(source) => format!("{}, источник: {source}", self.what),
            None => self.what.clone(),
        }
    }
}

/// An effect (a share, as a fraction) and a z-score, both to be reached.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub(crate) struct EffectRule {
    pub(crate) effect: f64,
    pub(crate) z: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub(crate) struct MedalRule {
    pub(crate) min_not_confirmed: u32,
    pub(crate) share: f64,
    /// With this many candidates or fewer only the count is shown («1 из 2»), no rate
    /// (ANALYTICS §2d: M = 1–3).
    pub(crate) count_only_up_to: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub(crate) struct GiaRule {
    pub(crate) z: f64,
    pub(crate) sd_oge: f64,
    pub(crate) sd_ege: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct ShnorRule {
    /// The worst share of ОО by the share of «2», as a fraction.
    pub(crate) bottom: f64,
    /// F_o ≥ ratio · F_B.
    pub(crate) ratio: f64,
    /// A share of «2» in one procedure, as a fraction.
    pub(crate) absolute: f64,
    /// How many procedures of a year must reach `absolute`.
    pub(crate) procedures: usize,
    /// The window of available years.
    pub(crate) years: usize,
    /// How many years of the window must be low.
    pub(crate) min_years: usize,
    pub(crate) subjects: Vec<String>,
}

/// The categories of signs, each with its own combination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub(crate) enum Category {
    /// Signs of biased ВПР results.
    VprBias,
    /// Objectivity of the school's own marks.
    Marking,
    /// ОГЭ/ЕГЭ.
    Gia,
}

impl Category {
    pub(crate) const ALL: [Category; 3] = [Category::VprBias, Category::Marking, Category::Gia];

    pub(crate) fn id(self) -> &'static str {
        match self {
            Category::VprBias => "vpr_bias",
            Category::Marking => "marking",
            Category::Gia => "gia",
        }
    }

    /// For headings: «Признаки необъективности результатов ВПР».
    pub(crate) fn label(self) -> &'static str {
        match self {
            Category::VprBias => "Признаки необъективности результатов ВПР",
            Category::Marking => "Объективность текущего оценивания",
            Category::Gia => "Признаки необычных результатов ГИА",
        }
    }

    /// A column heading: «Результаты ВПР».
    pub(crate) fn heading(self) -> &'static str {
        match self {
            Category::VprBias => "Результаты ВПР",
            Category::Marking => "Текущее оценивание",
            Category::Gia => "Результаты ОГЭ и ЕГЭ",
        }
    }

    /// In a list: «результаты ВПР».
    pub(crate) fn short(self) -> &'static str {
        match self {
            Category::VprBias => "результаты ВПР",
            Category::Marking => "текущее оценивание",
            Category::Gia => "результаты ОГЭ и ЕГЭ",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Combination {
    pub(crate) category: Category,
    pub(crate) expr: Expr,
    /// As written, for the methodology page.
    pub(crate) text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MedalYear {
    pub(crate) regime: MedalRegime,
    /// ЕГЭ points a medal (candidate) must reach.
    pub(crate) threshold: f64,
    pub(crate) note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AnalyticsRules {
    /// `data/analytics.yaml` when the site has one.
    pub(crate) file: Option<PathBuf>,
    pub(crate) version: String,
    pub(crate) publish_named: bool,
    pub(crate) n_min: u32,
    /// `privacy.min_group` of `site.yaml`.
    pub(crate) min_group: u32,
    /// Use the region's value when its file has it.
    pub(crate) prefer_region: bool,
    pub(crate) subjects: Vec<String>,
    /// Procedure-level data breaks by year (ANALYTICS: «сопоставимость ограничена»).
    pub(crate) breaks: BTreeMap<i32, DataBreak>,
    pub(crate) a: EffectRule,
    pub(crate) b1: EffectRule,
    pub(crate) b2: EffectRule,
    pub(crate) confirmed_below: f64,
    pub(crate) c: EffectRule,
    pub(crate) d: MedalRule,
    pub(crate) e: GiaRule,
    pub(crate) g: ShnorRule,
    pub(crate) contamination: f64,
    pub(crate) combine: Vec<Combination>,
    pub(crate) medals: BTreeMap<i32, MedalYear>,
    /// Above this many schools with results in a year, its objectivity and ШНОР
    /// pages become a summary with a page per district (or per grade).
    pub(crate) split_above: usize,
}

/// The default of `split_above`: a year page of 100 schools stays well under 1 MB.
pub(crate) const SPLIT_ABOVE: usize = 100;

impl AnalyticsRules {
    /// The smallest group a rule is computed for: `n_min`, and never below the
    /// privacy threshold (a sign must not describe a group that is not published).
    pub(crate) fn min_n(&self) -> u32 {
        self.n_min.max(self.min_group)
    }

    /// The categories whose combination mentions `rule`.
    pub(crate) fn categories_of(&self, rule: Rule) -> Vec<Category> {
        self.combine
            .iter()
            .filter(|c| c.expr.rules().contains(&rule))
            .map(|c| c.category)
            .collect()
    }

    /// The subject as listed (`Математика ` -> `математика`), or `None`. The listed
    /// subjects are keys already (lower case, single spaces, «е»): the defaults are
    /// written so and `subjects:` of the file is read into keys; a test pins it.
    pub(crate) fn subject(&self, written: &str) -> Option<&str> {
        let key = subject_key(written);
        self.subjects
            .iter()
            .find(|s| **s == key)
            .map(String::as_str)
    }

    /// Known subjects nearest to an unknown one, for a hint.
    pub(crate) fn nearest_subjects(&self, written: &str) -> Vec<&str> {
        let key = subject_key(written);
        let mut scored: Vec<(usize, &str)> = self
            .subjects
            .iter()
            .map(|s| (edit_distance(&subject_key(s), &key), s.as_str()))
            .collect();
        scored.sort();
        let best = scored.first().map_or(0, |s| s.0);
        scored
            .into_iter()
            .filter(|s| s.0 == best && s.0 <= 3)
            .map(|s| s.1)
            .collect()
    }
}

/// Lower case, single spaces, «ё» as «е».
fn subject_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('ё', "е")
}

pub(super) use crate::near::edit_distance;

impl Default for AnalyticsRules {
    fn default() -> Self {
        let combine = [
            (Category::VprBias, "a AND (b1 OR c OR f)"),
            (Category::Marking, "b2 OR d"),
            (Category::Gia, "e"),
        ]
        .into_iter()
        .map(|(category, text)| Combination {
            category,
            expr: parse_expr(text).expect("default combinations parse"),
            text: text.into(),
        })
        .collect();
        AnalyticsRules {
            file: None,
            version: DEFAULT_VERSION.into(),
            publish_named: true,
            n_min: 10,
            min_group: 5,
            prefer_region: true,
            subjects: DEFAULT_SUBJECTS.iter().map(|s| s.to_string()).collect(),
            breaks: DEFAULT_BREAKS
                .iter()
                .map(|(y, t)| {
                    (
                        *y,
                        DataBreak {
                            what: t.to_string(),
                            source: None,
                        },
                    )
                })
                .collect(),
            a: EffectRule {
                effect: 0.20,
                z: 2.33,
            },
            b1: EffectRule {
                effect: 0.10,
                z: 2.33,
            },
            b2: EffectRule {
                effect: 0.20,
                z: 2.33,
            },
            confirmed_below: 0.50,
            c: EffectRule {
                effect: 0.25,
                z: 2.33,
            },
            d: MedalRule {
                min_not_confirmed: 2,
                share: 0.25,
                count_only_up_to: 3,
            },
            e: GiaRule {
                z: 2.33,
                sd_oge: 0.75,
                sd_ege: 15.0,
            },
            g: ShnorRule {
                bottom: 0.10,
                ratio: 1.5,
                absolute: 0.30,
                procedures: 2,
                years: 3,
                min_years: 2,
                subjects: vec!["русский язык".into(), "математика".into()],
            },
            contamination: 0.30,
            combine,
            medals: BTreeMap::new(),
            split_above: SPLIT_ABOVE,
        }
    }
}

/// Reads the rules; `None` source gives the defaults. Every problem is reported and
/// the default kept in its place, so one run shows all of them.
pub(crate) fn resolve_rules(
    source: Option<AnalyticsFile>,
    min_group: u32,
    diagnostics: &mut Diagnostics,
) -> AnalyticsRules {
    let mut rules = AnalyticsRules {
        min_group,
        ..AnalyticsRules::default()
    };
    let Some(source) = source else {
        return rules;
    };
    let file = source.file.clone();
    let text = &source.text;
    let raw = source.content;
    let mut check = Checker {
        file: &file,
        text,
        diagnostics,
    };
    rules.file = Some(file.clone());
    if let Some(version) = raw.version {
        rules.version = version.0;
    }
    if let Some(named) = raw.publish_named {
        rules.publish_named = named;
    }
    if let Some(n) = raw.n_min {
        if n == 0 {
            check.error(
                &["n_min"],
                tr!("n_min должно быть не меньше 1", "n_min must be at least 1"),
                tr!("обычно n_min: 10", "usually n_min: 10"),
            );
        } else {
            rules.n_min = n;
        }
    }
    if let Some(n) = raw.split_above {
        if n == 0 {
            check.error(
                &["split_above"],
                tr!(
                    "split_above должно быть не меньше 1",
                    "split_above must be at least 1"
                ),
                tr!(
                    "обычно split_above: 100 — страница года делится по районам, когда школ с результатами больше",
                    "usually split_above: 100 — a year page is split by district when more schools have results"
                ),
            );
        } else {
            rules.split_above = n as usize;
        }
    }
    if let Some(benchmark) = raw.benchmark {
        rules.prefer_region = benchmark == RawBenchmark::Region;
    }
    if let Some(subjects) = raw.subjects {
        if subjects.is_empty() {
            check.error(
                &["subjects"],
                tr!("список subjects пуст", "the subjects list is empty"),
                tr!(
                    "перечислите предметы строчными буквами: [русский язык, математика, …]",
                    "list the subjects in lowercase: [русский язык, математика, …]"
                ),
            );
        } else {
            rules.subjects = subjects.into_iter().map(|s| subject_key(&s.0)).collect();
        }
    }
    if let Some(breaks) = raw.breaks {
        rules.breaks = BTreeMap::new();
        for (year, raw) in breaks {
            if let Some(found) = check
                .year(&["breaks", &year.0], &year)
                .and_then(|number| Some((number, check.data_break(&year.0, raw)?)))
            {
                rules.breaks.insert(found.0, found.1);
            }
        }
    }
    resolve_thresholds(&mut check, &raw.rules, &mut rules);
    resolve_combine(&mut check, &raw.combine, &mut rules);
    resolve_medals(&mut check, &raw.medals, &mut rules);
    rules
}

/// The thresholds of rules a–g (`rules:`), each checked.
fn resolve_thresholds(
    check: &mut Checker<'_>,
    r: &crate::load::RawRules,
    rules: &mut AnalyticsRules,
) {
    rules.a = check.effect(&["rules", "a"], &r.a, rules.a);
    rules.b1 = check.effect(&["rules", "b1"], &r.b1, rules.b1);
    rules.b2 = check.effect(&["rules", "b2"], &r.b2, rules.b2);
    rules.c = check.effect(&["rules", "c"], &r.c, rules.c);
    if let Some(v) = check.percent(&["rules", "confirmed_below"], r.confirmed_below) {
        rules.confirmed_below = v;
    }
    if let Some(v) = check.percent(&["rules", "contamination"], r.contamination) {
        rules.contamination = v;
    }
    if let Some(n) = r.d.min_not_confirmed {
        rules.d.min_not_confirmed = n;
    }
    if let Some(n) = r.d.count_only_up_to {
        rules.d.count_only_up_to = n;
    }
    if let Some(v) = check.percent(&["rules", "d", "share"], r.d.share) {
        rules.d.share = v;
    }
    if let Some(z) = check.positive(&["rules", "e", "z"], r.e.z) {
        rules.e.z = z;
    }
    if let Some(sd) = check.positive(&["rules", "e", "sd_oge"], r.e.sd_oge) {
        rules.e.sd_oge = sd;
    }
    if let Some(sd) = check.positive(&["rules", "e", "sd_ege"], r.e.sd_ege) {
        rules.e.sd_ege = sd;
    }
    let g = &r.g;
    if let Some(v) = check.percent(&["rules", "g", "bottom"], g.bottom) {
        rules.g.bottom = v;
    }
    if let Some(v) = check.positive(&["rules", "g", "ratio"], g.ratio) {
        rules.g.ratio = v;
    }
    if let Some(v) = check.percent(&["rules", "g", "absolute"], g.absolute) {
        rules.g.absolute = v;
    }
    for (value, slot, key) in [
        (g.procedures, &mut rules.g.procedures, "procedures"),
        (g.years, &mut rules.g.years, "years"),
        (g.min_years, &mut rules.g.min_years, "min_years"),
    ] {
        match value {
            Some(0) => check.error(
                &["rules", "g", key],
                tr!("{key} должно быть не меньше 1", "{key} must be at least 1"),
                tr!(
                    "укажите целое число лет или процедур",
                    "give a whole number of years or procedures"
                ),
            ),
            Some(v) => *slot = v as usize,
            None => {}
        }
    }
    if rules.g.min_years > rules.g.years {
        check.error(
            &["rules", "g", "min_years"],
            tr!(
                "min_years больше years: столько лет в окне не поместится",
                "min_years is greater than years: the window cannot hold that many years"
            ),
            tr!(
                "по умолчанию years: 3, min_years: 2",
                "by default years: 3, min_years: 2"
            ),
        );
        rules.g.min_years = rules.g.years;
    }
    if let Some(subjects) = &g.subjects {
        rules.g.subjects = subjects.iter().map(|s| subject_key(&s.0)).collect();
    }
}

/// The combinations of rules into signs (`combine:`), each parsed.
fn resolve_combine(
    check: &mut Checker<'_>,
    combine: &crate::load::RawCombine,
    rules: &mut AnalyticsRules,
) {
    for (category, written) in [
        (Category::VprBias, &combine.vpr_bias),
        (Category::Marking, &combine.marking),
        (Category::Gia, &combine.gia),
    ] {
        let Some(Text(written)) = written else {
            continue;
        };
        match parse_expr(written) {
            Ok(expr) => {
                if let Some(slot) = rules.combine.iter_mut().find(|c| c.category == category) {
                    slot.expr = expr;
                    slot.text = written.clone();
                }
            }
            Err(error) => {
                let line = check.line(&["combine", category.id()]);
                let column = check
                    .text
                    .lines()
                    .nth(line - 1)
                    .and_then(|l| l.find(written.as_str()).map(|at| l[..at].chars().count()))
                    .map_or(1, |before| before + error.offset + 1);
                check.diagnostics.push(
                    Diagnostic::error(check.file, tr!(format!("в сочетании правил {}: {}", category.id(), error.message.ru), format!("in the combination of rules {}: {}", category.id(), error.message.en())))
                        .at(line, column)
                        .hint(tr!("пишите правила a, b1, b2, c, d, e, f через AND, OR, NOT и скобки, например \"a AND (b1 OR c OR f)\"", "join the rules a, b1, b2, c, d, e, f with AND, OR, NOT and brackets, e.g. \"a AND (b1 OR c OR f)\"")),
                );
            }
        }
    }
}

/// The ЕГЭ medal regime and threshold of each year (`medals:`).
fn resolve_medals(
    check: &mut Checker<'_>,
    medals: &BTreeMap<Text, crate::load::RawMedalYear>,
    rules: &mut AnalyticsRules,
) {
    for (year, medal) in medals {
        let Some(number) = check.year(&["medals", &year.0], year) else {
            continue;
        };
        let threshold = match medal.threshold {
            Some(t) if (0.0..=100.0).contains(&t) => t,
            Some(_) => {
                check.error(
                    &["medals", &year.0],
                    tr!(
                        "порог ЕГЭ для медалистов должен быть от 0 до 100 баллов",
                        "the EGE threshold for medallists must be from 0 to 100 points"
                    ),
                    tr!("обычно threshold: 70", "usually threshold: 70"),
                );
                continue;
            }
            None if medal.regime == MedalRegime::NoExam => 0.0,
            None => {
                check.error(
                    &["medals", &year.0],
                    tr!(
                        "для {number} года не указан порог ЕГЭ (threshold)",
                        "no EGE threshold (threshold) is given for {number}"
                    ),
                    crate::diagnostic::Message::text(
                        "например: 2025: {regime: \"2024\", threshold: 70}",
                        "e.g.: 2025: {regime: \"2024\", threshold: 70}",
                    ),
                );
                continue;
            }
        };
        rules.medals.insert(
            number,
            MedalYear {
                regime: medal.regime,
                threshold,
                note: medal.note.as_ref().map(|t| t.0.clone()),
            },
        );
    }
}

/// Reports problems at the line of a key path (`rules` → `a` → `effect`).
struct Checker<'a> {
    file: &'a Path,
    text: &'a str,
    diagnostics: &'a mut Diagnostics,
}

impl Checker<'_> {
    /// The line of the last key of `path` found in order; flow maps (`a: {z: 2}`)
    /// point at the line of their key.
    fn line(&self, path: &[&str]) -> usize {
        let lines: Vec<&str> = self.text.lines().collect();
        let mut from = 0;
        let mut found = 1;
        for key in path {
            let hit = (from..lines.len()).find(|&i| {
                let line = lines[i].trim_start().trim_start_matches("- ");
                let quoted = [
                    format!("{key}:"),
                    format!("\"{key}\":"),
                    format!("'{key}':"),
                ];
                quoted.iter().any(|q| line.starts_with(q.as_str()))
                    || lines[i].contains(&format!("{{{key}:"))
                    || lines[i].contains(&format!("{{ {key}:"))
                    || lines[i].contains(&format!(", {key}:"))
            });
            if let Some(i) = hit {
                found = i + 1;
                from = i;
            }
        }
        found
    }

    fn error(&mut self, path: &[&str], message: impl Into<Message>, hint: impl Into<Message>) {
        let line = self.line(path);
        self.diagnostics.push(
            Diagnostic::error(self.file, message.into())
                .at_line(line)
                .hint(hint),
        );
    }

    /// A break of `breaks:` as the model keeps it, or an error that names the key
    /// written wrong and shows both forms an entry may take.
    fn data_break(&mut self, year: &str, raw: RawBreak) -> Option<DataBreak> {
        const KEYS: [&str; 2] = ["what", "source"];
        let forms = tr!(
            format!("разрыв записывается строкой: {year}: \"что изменилось\" — или с источником: {year}: {{what: \"что изменилось\", source: \"документ\"}}"),
            format!("a break is written as text: {year}: \"what changed\" — or with its source: {year}: {{what: \"what changed\", source: \"document\"}}")
        );
        let entries = match raw {
            RawBreak::Note(what) => {
                return Some(DataBreak {
                    what: what.0,
                    source: None,
                })
            }
            RawBreak::Full(entries) => entries,
            RawBreak::Other => {
                self.error(
                    &["breaks", year],
                    tr!(
                        format!("разрыв {year} года (breaks) записан не текстом и не парами «ключ: значение»"),
                        format!("the break of {year} (breaks) is neither text nor “key: value” pairs")
                    ),
                    forms,
                );
                return None;
            }
        };
        let (mut what, mut source, mut ok) = (None, None, true);
        for (key, value) in entries {
            match key.0.as_str() {
                "what" => what = Some(value.0),
                "source" => source = Some(value.0),
                written => {
                    let (ru, en) = crate::near::advice(written, &KEYS, None);
                    let (ru, en) = match ru.is_empty() {
                        true => (String::new(), String::new()),
                        false => (format!("; {ru}"), format!("; {en}")),
                    };
                    self.error(
                        &["breaks", year, written],
                        tr!(
                            format!("в разрыве {year} года (breaks) неизвестное поле «{written}»: допустимы только what и source"),
                            format!("the break of {year} (breaks) has an unknown field “{written}”: only what and source are allowed")
                        ),
                        tr!(format!("{}{ru}", forms.ru), format!("{}{en}", forms.en)),
                    );
                    ok = false;
                }
            }
        }
        if what.is_none() && ok {
            self.error(
                &["breaks", year],
                tr!(
                    format!(
                        "в разрыве {year} года (breaks) не сказано, что изменилось (поле what)"
                    ),
                    format!("the break of {year} (breaks) does not say what changed (field what)")
                ),
                forms,
            );
        }
        Some(DataBreak {
            what: what?,
            source,
        })
        .filter(|_| ok)
    }

    fn year(&mut self, path: &[&str], written: &Text) -> Option<i32> {
        match written.0.trim().parse::<i32>() {
            Ok(year) if (2000..=2100).contains(&year) => Some(year),
            _ => {
                self.error(
                    path,
                    tr!(
                        format!("«{}» — не год", written.0),
                        format!("“{}” is not a year", written.0)
                    ),
                    tr!(
                        "год пишется четырьмя цифрами, например 2025",
                        "a year is four digits, e.g. 2025"
                    ),
                );
                None
            }
        }
    }

    /// A percentage from 0 to 100, as a fraction.
    fn percent(&mut self, path: &[&str], value: Option<f64>) -> Option<f64> {
        let value = value?;
        if (0.0..=100.0).contains(&value) {
            Some(value / 100.0)
        } else {
            self.error(
                path,
                tr!(
                    format!(
                        "{} = {value}: ожидается число от 0 до 100 (процентов)",
                        path.join(".")
                    ),
                    format!(
                        "{} = {value}: expected a number from 0 to 100 (per cent)",
                        path.join(".")
                    )
                ),
                tr!(
                    "проценты и процентные пункты пишутся числом без знака %: 20",
                    "per cents and percentage points are written as a number without %: 20"
                ),
            );
            None
        }
    }

    fn positive(&mut self, path: &[&str], value: Option<f64>) -> Option<f64> {
        let value = value?;
        if value > 0.0 && value.is_finite() {
            Some(value)
        } else {
            self.error(
                path,
                tr!(
                    format!(
                        "{} = {value}: ожидается положительное число",
                        path.join(".")
                    ),
                    format!("{} = {value}: expected a positive number", path.join("."))
                ),
                tr!("например z: 2.33", "e.g. z: 2.33"),
            );
            None
        }
    }

    fn effect(&mut self, path: &[&str], raw: &RawEffect, default: EffectRule) -> EffectRule {
        let mut effect_path = path.to_vec();
        effect_path.push("effect");
        let mut z_path = path.to_vec();
        z_path.push("z");
        EffectRule {
            effect: self
                .percent(&effect_path, raw.effect)
                .unwrap_or(default.effect),
            z: self.positive(&z_path, raw.z).unwrap_or(default.z),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(text: &str) -> (AnalyticsRules, Vec<Diagnostic>) {
        let file = PathBuf::from("data/analytics.yaml");
        let content = crate::yaml::parse(text, &file, 1).unwrap();
        let mut diagnostics = Diagnostics::default();
        let rules = resolve_rules(
            Some(AnalyticsFile {
                file,
                text: text.into(),
                content,
            }),
            5,
            &mut diagnostics,
        );
        (rules, diagnostics.into_sorted())
    }

    #[test]
    fn a_procedure_break_takes_a_source_like_a_method_change() {
        let (rules, problems) = resolve(
            "breaks:\n  2022: \"ВПР перенесены на осень\"\n  2025: {what: \"ВПР в 11 классах не проводились\", source: \"письмо Рособрнадзора от 13.05.2024 № 02-45\"}\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            rules.breaks.len(),
            2,
            "the file's breaks replace the defaults"
        );
        assert_eq!(rules.breaks[&2022].note(), "ВПР перенесены на осень");
        assert_eq!(
            rules.breaks[&2025].note(),
            "ВПР в 11 классах не проводились, источник: письмо Рособрнадзора от 13.05.2024 № 02-45"
        );
    }

    #[test]
    fn issue20_a_misspelt_key_of_a_break_is_named_in_russian_with_both_forms() {
        // serde's untagged enum said «data did not match any variant of untagged
        // enum RawBreak» and named neither the key nor what was accepted.
        let (rules, problems) = resolve(
            "n_min: 12\nbreaks:\n  2022: \"ВПР осенью\"\n  2025: {what: \"x\", sourse: \"y\"}\n",
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        let error = &problems[0];
        assert_eq!(
            (error.file.to_str(), error.line),
            (Some("data/analytics.yaml"), Some(4))
        );
        assert_eq!(
            error.message.ru(),
            "в разрыве 2025 года (breaks) неизвестное поле «sourse»: допустимы только what и source"
        );
        assert_eq!(
            error.hint.as_deref().map(Message::ru),
            Some("разрыв записывается строкой: 2025: \"что изменилось\" — или с источником: 2025: {what: \"что изменилось\", source: \"документ\"}; возможно, вы имели в виду source")
        );
        // The rest of the file still counts.
        assert_eq!(rules.n_min, 12);
        assert!(rules.breaks.contains_key(&2022));
        assert!(!rules.breaks.contains_key(&2025));
    }

    #[test]
    fn a_break_in_block_form_is_checked_key_by_key() {
        let (rules, problems) = resolve(
            "breaks:\n  2025:\n    source: \"письмо\"\n    wht: \"x\"\n  2022: [\"a\"]\n  2021:\n",
        );
        let said: Vec<(Option<usize>, &str)> =
            problems.iter().map(|p| (p.line, p.message.ru())).collect();
        assert_eq!(
            said,
            [
                (Some(4), "в разрыве 2025 года (breaks) неизвестное поле «wht»: допустимы только what и source"),
                (Some(5), "разрыв 2022 года (breaks) записан не текстом и не парами «ключ: значение»"),
                (Some(6), "разрыв 2021 года (breaks) записан не текстом и не парами «ключ: значение»"),
            ]
        );
        assert!(problems[0]
            .hint
            .as_deref()
            .unwrap()
            .ru()
            .ends_with("возможно, вы имели в виду what"));
        let (_, problems) = resolve("breaks:\n  2025: {source: \"письмо\"}\n");
        assert_eq!(
            problems[0].message.ru(),
            "в разрыве 2025 года (breaks) не сказано, что изменилось (поле what)"
        );
        assert_eq!(problems[0].line, Some(2));
        assert!(rules.breaks.is_empty());
    }

    #[test]
    fn keeps_the_methodology_defaults_for_what_the_file_leaves_out() {
        let (rules, problems) = resolve("rules:\n  a: {effect: 15}\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            rules.a,
            EffectRule {
                effect: 0.15,
                z: 2.33
            }
        );
        assert_eq!(
            rules.b1,
            EffectRule {
                effect: 0.10,
                z: 2.33
            }
        );
        assert_eq!(rules.c.effect, 0.25);
        assert_eq!(rules.d.share, 0.25);
        assert_eq!(rules.min_n(), 10);
        assert_eq!(rules.categories_of(Rule::A), [Category::VprBias]);
        assert_eq!(rules.categories_of(Rule::D), [Category::Marking]);
        assert!(rules.breaks.contains_key(&2022));
    }

    #[test]
    fn never_computes_a_rule_below_the_privacy_threshold() {
        let (rules, _) = resolve("n_min: 3\n");
        assert_eq!(rules.min_n(), 5);
    }

    #[test]
    fn reports_a_bad_combination_at_its_line_and_column() {
        let (_, problems) = resolve("combine:\n  vpr_bias: \"a AND (b1 OR g)\"\n");
        assert_eq!(problems.len(), 1);
        let d = &problems[0];
        assert_eq!((d.line, d.column), (Some(2), Some(27)), "{d}");
        assert!(d.message.ru.contains("«g»"));
    }

    #[test]
    fn reports_thresholds_out_of_range_at_their_key() {
        let (rules, problems) =
            resolve("rules:\n  a: {effect: 20}\n  b1:\n    effect: 120\n    z: -1\n");
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].line, Some(4));
        assert_eq!(problems[1].line, Some(5));
        assert_eq!(rules.b1.effect, 0.10, "the default stays");
    }

    #[test]
    fn reads_medal_regimes_by_year() {
        let (rules, problems) = resolve(
            "medals:\n  2020: {regime: \"2020\"}\n  2023: {regime: до 2024, threshold: 70}\n  2024: {regime: \"2024\", threshold: 70, note: \"русский и ещё один предмет\"}\n  20x5: {regime: \"2024\", threshold: 70}\n",
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(5));
        assert_eq!(rules.medals[&2020].regime, MedalRegime::NoExam);
        assert_eq!(rules.medals[&2024].threshold, 70.0);
        assert_eq!(rules.medals.len(), 3);
    }

    #[test]
    fn default_subjects_are_their_own_keys() {
        for subject in DEFAULT_SUBJECTS {
            assert_eq!(subject_key(subject), subject);
        }
    }

    #[test]
    fn finds_subjects_whatever_the_case_and_suggests_the_nearest() {
        let rules = AnalyticsRules::default();
        assert_eq!(rules.subject(" Математика "), Some("математика"));
        assert_eq!(rules.subject("Русский  язык"), Some("русский язык"));
        assert_eq!(rules.subject("матеша"), None);
        assert_eq!(rules.nearest_subjects("матиматика"), ["математика"]);
        assert!(rules.nearest_subjects("пение").is_empty());
    }
}
