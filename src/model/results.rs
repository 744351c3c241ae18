//! Raw assessment results (ВПР, ОГЭ, ЕГЭ), validated: every row names a school of the
//! register and a known subject, every count is a whole number that is not negative,
//! the marks add up to the participants, and no row is given twice. A bad row is
//! reported at its file line and column and left out; the rest is kept.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::analytics_rules::AnalyticsRules;
use super::indicator::parse_value;
use super::organization::{AtYear, Register};
use crate::diagnostic::{Diagnostic, Diagnostics, Message};
use crate::load::{CsvRow, CsvTable, ResultsSources};
use crate::model::{OrgKind, Procedure};
use crate::tr;

/// Journal comparison (ФИС ОКО): how many participants' ВПР mark was lower than, equal
/// to, or higher than their school term mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Journal {
    pub(crate) lowered: u32,
    pub(crate) confirmed: u32,
    pub(crate) raised: u32,
}

impl Journal {
    /// `k = L + C + R`, the denominator of the journal shares.
    pub(crate) fn total(&self) -> u32 {
        self.lowered + self.confirmed + self.raised
    }
}

/// One row of `vpr/<year>.csv`: one grade, subject (and variant) of one school.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct VprRow {
    pub(crate) year: i32,
    /// Index in the register; `None` in a region file.
    pub(crate) org: Option<usize>,
    pub(crate) grade: u8,
    pub(crate) subject: String,
    /// «базовая», «углублённая»: compared only like with like.
    pub(crate) variant: Option<String>,
    pub(crate) n: u32,
    /// Participants with «2», «3», «4», «5».
    pub(crate) marks: [u32; 4],
    pub(crate) journal: Option<Journal>,
    pub(crate) line: usize,
}

/// One row of `oge/<year>.csv` or `ege/<year>.csv`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GiaRow {
    pub(crate) year: i32,
    pub(crate) procedure: Procedure,
    pub(crate) org: Option<usize>,
    pub(crate) subject: String,
    pub(crate) n: u32,
    /// ОГЭ: the mean mark (2–5); ЕГЭ: the mean test score (0–100).
    pub(crate) mean: Option<f64>,
    /// ОГЭ: «2»; ЕГЭ: below the minimum score.
    pub(crate) below_min: u32,
    /// ОГЭ: «5»; ЕГЭ: 81–100 points.
    pub(crate) high: u32,
    pub(crate) line: usize,
}

/// Medal candidates of one school in one year (ЕГЭ file).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MedalRow {
    pub(crate) year: i32,
    pub(crate) org: Option<usize>,
    pub(crate) candidates: u32,
    pub(crate) not_confirmed: u32,
    pub(crate) line: usize,
}

/// An entry of the official list received from the region.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OfficialEntry {
    pub(crate) year: i32,
    pub(crate) org: usize,
    pub(crate) list: String,
    pub(crate) source: String,
    pub(crate) note: Option<String>,
}

/// A school's own comment on its signs of a year.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SchoolComment {
    pub(crate) year: i32,
    pub(crate) org: usize,
    pub(crate) text: String,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Results {
    pub(crate) vpr: Vec<VprRow>,
    pub(crate) gia: Vec<GiaRow>,
    pub(crate) medals: Vec<MedalRow>,
    pub(crate) official: Vec<OfficialEntry>,
    pub(crate) comments: Vec<SchoolComment>,
    /// Every file read, for page dates.
    pub(crate) files: Vec<PathBuf>,
}

impl Results {
    /// Years with results of schools (not only regional values), ascending.
    pub(crate) fn years(&self) -> Vec<i32> {
        let mut years: BTreeSet<i32> = self
            .vpr
            .iter()
            .filter(|r| r.org.is_some())
            .map(|r| r.year)
            .collect();
        years.extend(self.gia.iter().filter(|r| r.org.is_some()).map(|r| r.year));
        years.extend(
            self.medals
                .iter()
                .filter(|r| r.org.is_some())
                .map(|r| r.year),
        );
        years.into_iter().collect()
    }

    /// Years with ВПР results of schools, ascending.
    pub(crate) fn vpr_years(&self) -> Vec<i32> {
        self.vpr
            .iter()
            .filter(|r| r.org.is_some())
            .map(|r| r.year)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }
}

/// A ВПР row's identity: year, the id as written (empty for the region), grade,
/// subject, variant. By the written id, so that the rows of schools merged into one
/// are not repeats of each other: they are pooled ([`pool_merged`]).
type VprKey = (i32, String, u8, String, Option<String>);

const VPR_COLUMNS: [&str; 8] = [
    "org",
    "grade",
    "subject",
    "participants",
    "m2",
    "m3",
    "m4",
    "m5",
];
/// The grades whose mathematics ВПР has a base and an advanced variant.
const VARIANT_GRADES: [u8; 2] = [7, 8];

const VPR_OPTIONAL: [&str; 4] = ["lowered", "confirmed", "raised", "variant"];
const GIA_COLUMNS: [&str; 6] = [
    "org",
    "subject",
    "participants",
    "mean",
    "below_min",
    "high",
];
const MEDAL_COLUMNS: [&str; 2] = ["medal_candidates", "medal_not_confirmed"];

pub(crate) fn resolve_results(
    sources: ResultsSources,
    register: &Register,
    rules: &AnalyticsRules,
    diagnostics: &mut Diagnostics,
) -> Results {
    let mut results = Results::default();
    let mut reader = Reader {
        register,
        rules,
        diagnostics,
    };
    let mut seen_vpr = BTreeMap::new();
    let mut seen_gia = BTreeMap::new();
    let mut seen_medals = BTreeMap::new();
    for source in &sources.files {
        results.files.push(source.table.file.clone());
        match source.procedure {
            Procedure::Vpr => reader.vpr_file(
                source.year,
                source.region,
                &source.table,
                &mut seen_vpr,
                &mut results,
            ),
            _ => {
                if source.procedure == Procedure::Ege
                    && !source.region
                    && !rules.medals.contains_key(&source.year)
                {
                    let known: Vec<String> = rules.medals.keys().map(i32::to_string).collect();
                    reader.diagnostics.push(
                        Diagnostic::error(&source.table.file, tr!(format!("для {} года не указан порядок награждения медалями, поэтому результаты ЕГЭ нельзя проверить", source.year), format!("for {} no medal rules are given, so the EGE results cannot be checked", source.year)))
                            .at_line(1)
                            .hint(tr!(format!("добавьте в data/analytics.yaml строку medals: {{{}: {{regime: \"2024\", threshold: 70}}}} (regime: \"2024\", \"до 2024\" или \"2020\"){}",
                                source.year,
                                if known.is_empty() { String::new() } else { format!("; сейчас указаны годы {}", known.join(", ")) }
                            ), format!("add to data/analytics.yaml the line medals: {{{}: {{regime: \"2024\", threshold: 70}}}} (regime: \"2024\", \"до 2024\" or \"2020\"){}",
                                source.year,
                                if known.is_empty() { String::new() } else { format!("; the years given now: {}", known.join(", ")) }
                            ))),
                    );
                    continue;
                }
                reader.gia_file(source, &mut seen_gia, &mut seen_medals, &mut results)
            }
        }
    }
    pool_merged(&mut results);
    if let Some(table) = &sources.official {
        results.files.push(table.file.clone());
        results.official = reader.official(table);
    }
    if let Some(table) = &sources.comments {
        results.files.push(table.file.clone());
        results.comments = reader.comments(table);
    }
    results
}

/// The org cell of a row as written (empty without the column).
fn written(row: &CsvRow, col: &BTreeMap<String, usize>) -> String {
    col.get("org")
        .map_or(String::new(), |&i| row.cell(i).to_string())
}

/// Pools the rows of schools merged into one (several former ids in `replaces`):
/// the same year and procedure of predecessors become one row of their successor,
/// counts summed and ОГЭ/ЕГЭ means weighted by participants, so that every
/// year-to-year rule follows the merged school through its history. The first row's
/// line stays for messages.
fn pool_merged(results: &mut Results) {
    type VprCell = (i32, usize, u8, String, Option<String>);
    let mut vpr: Vec<VprRow> = Vec::new();
    let mut at: BTreeMap<VprCell, usize> = BTreeMap::new();
    for row in results.vpr.drain(..) {
        let Some(org) = row.org else {
            vpr.push(row);
            continue;
        };
        let key = (
            row.year,
            org,
            row.grade,
            row.subject.clone(),
            row.variant.clone(),
        );
        let Some(&i) = at.get(&key) else {
            at.insert(key, vpr.len());
            vpr.push(row);
            continue;
        };
        let first = &mut vpr[i];
        first.n += row.n;
        for (a, b) in first.marks.iter_mut().zip(row.marks) {
            *a += b;
        }
        first.journal = match (first.journal, row.journal) {
            (Some(a), Some(b)) => Some(Journal {
                lowered: a.lowered + b.lowered,
                confirmed: a.confirmed + b.confirmed,
                raised: a.raised + b.raised,
            }),
            // One predecessor without the comparison: none for the pool.
            _ => None,
        };
    }
    results.vpr = vpr;
    let mut gia: Vec<GiaRow> = Vec::new();
    let mut at: BTreeMap<(Procedure, i32, usize, String), usize> = BTreeMap::new();
    for row in results.gia.drain(..) {
        let Some(org) = row.org else {
            gia.push(row);
            continue;
        };
        let key = (row.procedure, row.year, org, row.subject.clone());
        let Some(&i) = at.get(&key) else {
            at.insert(key, gia.len());
            gia.push(row);
            continue;
        };
        let first = &mut gia[i];
        let n = first.n + row.n;
        first.mean = match (first.mean, row.mean) {
            (Some(a), Some(b)) if n > 0 => {
                Some((a * f64::from(first.n) + b * f64::from(row.n)) / f64::from(n))
            }
            _ => None,
        };
        first.n = n;
        first.below_min += row.below_min;
        first.high += row.high;
    }
    results.gia = gia;
    let mut medals: Vec<MedalRow> = Vec::new();
    let mut at: BTreeMap<(i32, usize), usize> = BTreeMap::new();
    for row in results.medals.drain(..) {
        let Some(org) = row.org else {
            medals.push(row);
            continue;
        };
        match at.get(&(row.year, org)) {
            Some(&i) => {
                medals[i].candidates += row.candidates;
                medals[i].not_confirmed += row.not_confirmed;
            }
            None => {
                at.insert((row.year, org), medals.len());
                medals.push(row);
            }
        }
    }
    results.medals = medals;
}

struct Reader<'a> {
    register: &'a Register,
    rules: &'a AnalyticsRules,
    diagnostics: &'a mut Diagnostics,
}

/// The columns of a table, by name; `None` (already reported) when the header lacks
/// a required column or has an unknown one.
fn columns(
    table: &CsvTable,
    required: &[&str],
    optional: &[&str],
    diagnostics: &mut Diagnostics,
) -> Option<BTreeMap<String, usize>> {
    let mut found = BTreeMap::new();
    let mut ok = true;
    for (i, name) in table.header.iter().enumerate() {
        if required.contains(&name.as_str()) || optional.contains(&name.as_str()) {
            found.insert(name.clone(), i);
        } else {
            ok = false;
            let column = table.header[..i]
                .iter()
                .map(|h| h.chars().count() + 1)
                .sum::<usize>()
                + 1;
            diagnostics.push(
                Diagnostic::error(
                    &table.file,
                    tr!("неизвестный столбец «{name}»", "unknown column “{name}”"),
                )
                .at(1, column)
                .hint(tr!(
                    format!(
                        "допустимые столбцы: {}",
                        [required, optional].concat().join(", ")
                    ),
                    format!(
                        "allowed columns: {}",
                        [required, optional].concat().join(", ")
                    )
                )),
            );
        }
    }
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| !found.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        ok = false;
        diagnostics.push(
            Diagnostic::error(
                &table.file,
                tr!(
                    format!("в заголовке нет столбцов: {}", missing.join(", ")),
                    format!("the header lacks the columns: {}", missing.join(", "))
                ),
            )
            .at_line(1)
            .hint(tr!(
                format!("первая строка файла: {}", required.join(",")),
                format!("the first line of the file: {}", required.join(","))
            )),
        );
    }
    ok.then_some(found)
}

impl Reader<'_> {
    fn error(
        &mut self,
        table: &CsvTable,
        row: &CsvRow,
        column: usize,
        message: impl Into<Message>,
        hint: impl Into<Message>,
    ) {
        self.diagnostics.push(
            Diagnostic::error(&table.file, message.into())
                .at(row.line, row.column_of(column))
                .hint(hint),
        );
    }

    /// A whole number of people, not negative.
    fn count(&mut self, table: &CsvTable, row: &CsvRow, column: usize, name: &str) -> Option<u32> {
        let text = row.cell(column).replace([' ', '\u{a0}', '\u{202f}'], "");
        match text.parse::<i64>() {
            Ok(n) if n < 0 => {
                self.error(
                    table,
                    row,
                    column,
                    tr!(
                        "{name}: отрицательное число «{text}»",
                        "{name}: negative number “{text}”"
                    ),
                    tr!(
                        "число людей не может быть меньше нуля",
                        "a number of people cannot be below zero"
                    ),
                );
                None
            }
            Ok(n) => match u32::try_from(n) {
                Ok(n) => Some(n),
                Err(_) => {
                    self.error(
                        table,
                        row,
                        column,
                        tr!(
                            "{name}: слишком большое число «{text}»",
                            "{name}: the number “{text}” is too large"
                        ),
                        tr!("проверьте значение", "check the value"),
                    );
                    None
                }
            },
            Err(_) if text.is_empty() => {
                self.error(
                    table,
                    row,
                    column,
                    tr!("{name}: пустая ячейка", "{name}: empty cell"),
                    tr!(
                        "укажите число участников (0, если их не было)",
                        "give the number of participants (0 if there were none)"
                    ),
                );
                None
            }
            Err(_) => {
                self.error(
                    table,
                    row,
                    column,
                    tr!(
                        "{name}: «{text}» — не целое число",
                        "{name}: “{text}” is not a whole number"
                    ),
                    tr!(
                        "пишите целое число людей, например 25",
                        "write a whole number of people, e.g. 25"
                    ),
                );
                None
            }
        }
    }

    /// An optional count: empty is `Some(None)`, an error is `None`.
    fn optional_count(
        &mut self,
        table: &CsvTable,
        row: &CsvRow,
        column: Option<usize>,
        name: &str,
    ) -> Option<Option<u32>> {
        match column {
            Some(i) if !row.cell(i).is_empty() => self.count(table, row, i, name).map(Some),
            _ => Some(None),
        }
    }

    /// The school of a row of `year`, or `None` for a region file; `Err` when
    /// reported. A school that was renamed or merged is known by its former id for the
    /// years before the change and by its own id after it; the other way round is an
    /// error at the row.
    fn org(
        &mut self,
        table: &CsvTable,
        row: &CsvRow,
        column: Option<usize>,
        region: bool,
        year: i32,
    ) -> Result<Option<usize>, ()> {
        let written = column.map_or("", |i| row.cell(i));
        let at = column.unwrap_or(0);
        if region {
            if written.is_empty() || written == "region" {
                return Ok(None);
            }
            self.error(
                table,
                row,
                at,
                tr!(
                    "в файле региональных значений указана организация «{written}»",
                    "the file of regional values names the organisation “{written}”"
                ),
                tr!(
                    "в файле <год>-region.csv столбец org пуст или содержит region",
                    "in the file <year>-region.csv the org column is empty or says region"
                ),
            );
            return Err(());
        }
        let register = self.register;
        let date = crate::dates::format_date_short;
        match register.at_year(written, year) {
            AtYear::School(index) if register.organizations[index].kind == OrgKind::School => {
                Ok(Some(index))
            }
            AtYear::School(_) => {
                self.error(table, row, at, tr!("организация «{written}» — не школа", "organisation “{written}” is not a school"), tr!("результаты ВПР, ОГЭ и ЕГЭ указываются для общеобразовательных организаций (kind: school)", "VPR, OGE and EGE results are given for general education schools (kind: school)"));
                Err(())
            }
            AtYear::Former { successor, since } => {
                let now = &register.organizations[successor].id;
                self.error(
                    table,
                    row,
                    at,
                    tr!(
                        format!("«{written}» — прежний id школы «{now}»: с {} результаты {year} года указываются под её новым id", date(since)),
                        format!("“{written}” is a former id of the school “{now}”: from {} the results of {year} are given under its new id", date(since))
                    ),
                    tr!(
                        format!("замените «{written}» на «{now}» (реестр: replaces у «{now}»)"),
                        format!("replace “{written}” with “{now}” (register: replaces of “{now}”)")
                    ),
                );
                Err(())
            }
            AtYear::NotYet { since, former } => {
                let list = former.join(", ");
                self.error(
                    table,
                    row,
                    at,
                    tr!(
                        format!("школы «{written}» в {year} году ещё не было: по реестру она заменила {list} с {}", date(since)),
                        format!("the school “{written}” did not exist in {year} yet: by the register it replaced {list} from {}", date(since))
                    ),
                    tr!(
                        format!("результаты до {} указываются под прежним id ({list}); если дата в replaces неверна, исправьте её в реестре", date(since)),
                        format!("results before {} are given under the former id ({list}); if the date in replaces is wrong, correct it in the register", date(since))
                    ),
                );
                Err(())
            }
            AtYear::Unknown => {
                self.error(
                    table,
                    row,
                    at,
                    tr!(
                        "организации «{written}» нет в реестре",
                        "organisation “{written}” is not in the register"
                    ),
                    tr!(
                        "в столбце org пишется id организации из data/organizations.yaml",
                        "the org column takes an organisation id from data/organizations.yaml"
                    ),
                );
                Err(())
            }
        }
    }

    fn subject(&mut self, table: &CsvTable, row: &CsvRow, column: usize) -> Option<String> {
        let written = row.cell(column);
        if let Some(subject) = self.rules.subject(written) {
            return Some(subject.to_string());
        }
        let nearest = self.rules.nearest_subjects(written);
        let hint = if nearest.is_empty() {
            tr!(format!("известные предметы: {}; список можно дополнить в data/analytics.yaml (subjects)",
                self.rules.subjects.join(", ")
            ), format!("known subjects: {}; data/analytics.yaml (subjects) can add more",
                self.rules.subjects.join(", ")
            ))
        } else {
            tr!(format!("возможно, «{}»; известные предметы перечислены в data/analytics.yaml (subjects)",
                nearest.join("» или «")
            ), format!("perhaps “{}”; the known subjects are listed in data/analytics.yaml (subjects)",
                nearest.join("» или «")
            ))
        };
        self.error(
            table,
            row,
            column,
            tr!(
                "неизвестный предмет «{written}»",
                "unknown subject “{written}”"
            ),
            hint,
        );
        None
    }

    /// The ВПР variant of a row: only «базовая» or «углублённая», and only where the
    /// ВПР has them (ANALYTICS §2c: математика, 7 and 8 классы).
    fn variant(
        &mut self,
        table: &CsvTable,
        row: &CsvRow,
        column: usize,
        grade: u8,
        subject: &str,
    ) -> Result<Option<String>, ()> {
        let written = row.cell(column).trim();
        if written.is_empty() {
            return Ok(None);
        }
        let key = written.to_lowercase().replace('е', "ё");
        let known = match key.as_str() {
            "базовая" | "базовый" => "базовая",
            "углублённая" | "углублённый" => "углублённая",
            _ => {
                self.error(
                    table,
                    row,
                    column,
                    tr!("неизвестный вариант ВПР «{written}»", "unknown VPR variant “{written}”"),
                    tr!("вариант — «базовая» или «углублённая»; у работ без вариантов оставьте ячейку пустой", "the variant is «базовая» (basic) or «углублённая» (advanced); leave the cell empty for tests without variants"),
                );
                return Err(());
            }
        };
        if subject != "математика" || !VARIANT_GRADES.contains(&grade) {
            self.error(
                table,
                row,
                column,
                tr!("у ВПР по предмету «{subject}» в {grade} классе нет вариантов, а указан «{written}»", "the VPR in “{subject}”, grade {grade}, has no variants, but “{written}” is given"),
                tr!("базовый и углублённый варианты есть только у математики в 7 и 8 классах; в остальных строках оставьте variant пустым", "only mathematics in grades 7 and 8 has basic and advanced variants; leave variant empty in the other rows"),
            );
            return Err(());
        }
        Ok(Some(known.to_string()))
    }

    fn vpr_file(
        &mut self,
        year: i32,
        region: bool,
        table: &CsvTable,
        seen: &mut BTreeMap<VprKey, usize>,
        results: &mut Results,
    ) {
        let required: &[&str] = if region {
            &VPR_COLUMNS[1..]
        } else {
            &VPR_COLUMNS
        };
        let optional: Vec<&str> = VPR_OPTIONAL
            .iter()
            .copied()
            .chain(region.then_some("org"))
            .collect();
        let Some(col) = columns(table, required, &optional, self.diagnostics) else {
            return;
        };
        for row in &table.rows {
            let Ok(org) = self.org(table, row, col.get("org").copied(), region, year) else {
                continue;
            };
            let grade_text = row.cell(col["grade"]);
            let grade = match grade_text.parse::<u8>() {
                Ok(g) if (1..=11).contains(&g) => g,
                _ => {
                    self.error(
                        table,
                        row,
                        col["grade"],
                        tr!(
                            "«{grade_text}» — не номер класса",
                            "“{grade_text}” is not a grade"
                        ),
                        tr!(
                            "класс пишется числом от 1 до 11",
                            "a grade is a number from 1 to 11"
                        ),
                    );
                    continue;
                }
            };
            let Some(subject) = self.subject(table, row, col["subject"]) else {
                continue;
            };
            let variant = match col.get("variant") {
                Some(&i) => match self.variant(table, row, i, grade, &subject) {
                    Ok(v) => v,
                    Err(()) => continue,
                },
                None => None,
            };
            let n = self.count(table, row, col["participants"], "participants");
            let marks: Vec<Option<u32>> = ["m2", "m3", "m4", "m5"]
                .iter()
                .map(|name| self.count(table, row, col[*name], name))
                .collect();
            let journal: Vec<Option<Option<u32>>> = ["lowered", "confirmed", "raised"]
                .iter()
                .map(|name| self.optional_count(table, row, col.get(*name).copied(), name))
                .collect();
            let (Some(n), [Some(m2), Some(m3), Some(m4), Some(m5)], [Some(l), Some(c), Some(r)]) =
                (n, marks.as_slice(), journal.as_slice())
            else {
                continue;
            };
            let sum = m2 + m3 + m4 + m5;
            if sum != n {
                self.error(table, row, col["m2"], tr!("m2+m3+m4+m5 = {sum}, а участников {n}", "m2+m3+m4+m5 = {sum}, but there are {n} participants"), tr!("число отметок «2», «3», «4», «5» в сумме равно числу участников (participants)", "the marks «2», «3», «4», «5» add up to the number of participants (participants)"));
                continue;
            }
            let journal = match (l, c, r) {
                (None, None, None) => None,
                (Some(l), Some(c), Some(r)) => {
                    if l + c + r > n {
                        self.error(table, row, col["lowered"], tr!(format!("lowered+confirmed+raised = {}, а участников {n}", l + c + r), format!("lowered+confirmed+raised = {}, but there are {n} participants", l + c + r)), tr!("понизили, подтвердили и повысили отметку в сумме не больше числа участников", "lowered, confirmed and raised marks add up to no more than the participants"));
                        continue;
                    }
                    Some(Journal {
                        lowered: *l,
                        confirmed: *c,
                        raised: *r,
                    })
                }
                _ => {
                    self.error(
                        table,
                        row,
                        col.get("lowered").copied().unwrap_or(0),
                        tr!(
                            "заполнены не все столбцы lowered, confirmed, raised",
                            "not all of the columns lowered, confirmed, raised are filled in"
                        ),
                        tr!(
                            "заполните все три или оставьте все три пустыми",
                            "fill in all three or leave all three empty"
                        ),
                    );
                    continue;
                }
            };
            let key = (
                year,
                written(row, &col),
                grade,
                subject.clone(),
                variant.clone(),
            );
            if let Some(first) = seen.get(&key) {
                self.diagnostics.push(
                    Diagnostic::error(&table.file, tr!("результат {grade} класса по предмету «{subject}» уже указан в строке {first}", "the result of grade {grade} in “{subject}” is already given on line {first}"))
                        .at_line(row.line)
                        .hint(tr!("удалите повторную строку; у математики 7–8 классов базовый и углублённый варианты различаются столбцом variant", "delete the repeated row; in mathematics, grades 7–8, the basic and advanced variants differ in the variant column")),
                );
                continue;
            }
            seen.insert(key, row.line);
            results.vpr.push(VprRow {
                year,
                org,
                grade,
                subject,
                variant,
                n,
                marks: [*m2, *m3, *m4, *m5],
                journal,
                line: row.line,
            });
        }
    }

    fn gia_file(
        &mut self,
        source: &crate::load::ResultsFile,
        seen: &mut BTreeMap<(Procedure, i32, String, String), usize>,
        seen_medals: &mut BTreeMap<(i32, String), usize>,
        results: &mut Results,
    ) {
        let (table, year, region, procedure) =
            (&source.table, source.year, source.region, source.procedure);
        let required: &[&str] = if region {
            &GIA_COLUMNS[1..]
        } else {
            &GIA_COLUMNS
        };
        let mut optional: Vec<&str> = if procedure == Procedure::Ege {
            MEDAL_COLUMNS.to_vec()
        } else {
            Vec::new()
        };
        if region {
            optional.push("org");
        }
        let Some(col) = columns(table, required, &optional, self.diagnostics) else {
            return;
        };
        let (low, high) = if procedure == Procedure::Oge {
            (2.0, 5.0)
        } else {
            (0.0, 100.0)
        };
        for row in &table.rows {
            let Ok(org) = self.org(table, row, col.get("org").copied(), region, year) else {
                continue;
            };
            let Some(subject) = self.subject(table, row, col["subject"]) else {
                continue;
            };
            let n = self.count(table, row, col["participants"], "participants");
            let below = self.count(table, row, col["below_min"], "below_min");
            let top = self.count(table, row, col["high"], "high");
            let (Some(n), Some(below_min), Some(high_count)) = (n, below, top) else {
                continue;
            };
            if below_min + high_count > n {
                self.error(
                    table,
                    row,
                    col["below_min"],
                    tr!(format!("below_min+high = {}, а участников {n}",
                        below_min + high_count
                    ), format!("below_min+high = {}, but there are {n} participants",
                        below_min + high_count
                    )),
                    tr!("не сдавших и получивших высокий результат вместе не больше, чем участников", "those who failed and those with a high result together are no more than the participants"),
                );
                continue;
            }
            let mean_text = row.cell(col["mean"]);
            let mean = if mean_text.is_empty() && n == 0 {
                None
            } else {
                match parse_value(mean_text) {
                    Ok(Some(v)) if (low..=high).contains(&v) => Some(v),
                    Ok(_) => {
                        let what = if procedure == Procedure::Oge {
                            tr!(
                                "средний балл ОГЭ — отметка от 2 до 5",
                                "the OGE mean is a mark from 2 to 5"
                            )
                        } else {
                            tr!(
                                "средний балл ЕГЭ — от 0 до 100",
                                "the EGE mean is from 0 to 100"
                            )
                        };
                        self.error(
                            table,
                            row,
                            col["mean"],
                            tr!(
                                "средний балл «{mean_text}» вне допустимых пределов",
                                "the mean “{mean_text}” is out of range"
                            ),
                            what,
                        );
                        continue;
                    }
                    Err(said) => {
                        let (message, hint) = *said;
                        self.error(table, row, col["mean"], message, hint);
                        continue;
                    }
                }
            };
            let id = written(row, &col);
            let key = (procedure, year, id.clone(), subject.clone());
            if let Some(first) = seen.get(&key) {
                self.diagnostics.push(
                    Diagnostic::error(
                        &table.file,
                        tr!(
                            "результат по предмету «{subject}» уже указан в строке {first}",
                            "the result in “{subject}” is already given on line {first}"
                        ),
                    )
                    .at_line(row.line)
                    .hint(tr!("удалите повторную строку", "delete the repeated row")),
                );
                continue;
            }
            seen.insert(key, row.line);
            if procedure == Procedure::Ege {
                let candidates = self.optional_count(
                    table,
                    row,
                    col.get("medal_candidates").copied(),
                    "medal_candidates",
                );
                let failed = self.optional_count(
                    table,
                    row,
                    col.get("medal_not_confirmed").copied(),
                    "medal_not_confirmed",
                );
                match (candidates, failed) {
                    (Some(None), Some(None)) => {}
                    (Some(Some(candidates)), Some(Some(not_confirmed))) => {
                        if not_confirmed > candidates {
                            self.error(
                                table,
                                row,
                                col["medal_not_confirmed"],
                                tr!("не подтвердили {not_confirmed}, а претендентов {candidates}", "{not_confirmed} not confirmed, but {candidates} candidates"),
                                tr!("medal_not_confirmed не больше medal_candidates", "medal_not_confirmed is no more than medal_candidates"),
                            );
                        } else if let Some(first) = seen_medals.get(&(year, id.clone())) {
                            self.error(table, row, col["medal_candidates"], tr!("претенденты на медаль этой организации уже указаны в строке {first}", "this organisation's medal candidates are already given on line {first}"), tr!("число претендентов на медаль указывается в одной строке организации (обычно в строке русского языка), в остальных строках эти ячейки пусты", "medal candidates are given in one row of the organisation (usually the Russian language row); these cells are empty in the other rows"));
                        } else {
                            seen_medals.insert((year, id.clone()), row.line);
                            results.medals.push(MedalRow {
                                year,
                                org,
                                candidates,
                                not_confirmed,
                                line: row.line,
                            });
                        }
                    }
                    (Some(_), Some(_)) => self.error(
                        table,
                        row,
                        col.get("medal_candidates").copied().unwrap_or(0),
                        tr!("заполнен только один из столбцов medal_candidates, medal_not_confirmed", "only one of the columns medal_candidates, medal_not_confirmed is filled in"),
                        tr!("заполните оба или оставьте оба пустыми", "fill in both or leave both empty"),
                    ),
                    _ => {}
                }
            }
            results.gia.push(GiaRow {
                year,
                procedure,
                org,
                subject,
                n,
                mean,
                below_min,
                high: high_count,
                line: row.line,
            });
        }
    }

    fn year(&mut self, table: &CsvTable, row: &CsvRow, column: usize) -> Option<i32> {
        match row.cell(column).parse::<i32>() {
            Ok(y) if (2000..=2100).contains(&y) => Some(y),
            _ => {
                self.error(
                    table,
                    row,
                    column,
                    tr!(
                        format!("«{}» — не год", row.cell(column)),
                        format!("“{}” is not a year", row.cell(column))
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

    fn official(&mut self, table: &CsvTable) -> Vec<OfficialEntry> {
        let Some(col) = columns(
            table,
            &["year", "org", "list", "source"],
            &["note"],
            self.diagnostics,
        ) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for row in &table.rows {
            let Some(year) = self.year(table, row, col["year"]) else {
                continue;
            };
            let Ok(Some(org)) = self.org(table, row, Some(col["org"]), false, year) else {
                continue;
            };
            let (list, source) = (row.cell(col["list"]), row.cell(col["source"]));
            if list.is_empty() || source.is_empty() {
                self.error(table, row, col["list"], tr!("не указан перечень (list) или его источник (source)", "the list (list) or its source (source) is not given"), tr!("источник — документ, которым перечень получен: письмо, приказ, с номером и датой", "the source is the document that brought the list: a letter, an order, with its number and date"));
                continue;
            }
            out.push(OfficialEntry {
                year,
                org,
                list: list.to_string(),
                source: source.to_string(),
                note: col
                    .get("note")
                    .map(|&i| row.cell(i).to_string())
                    .filter(|s| !s.is_empty()),
            });
        }
        out
    }

    fn comments(&mut self, table: &CsvTable) -> Vec<SchoolComment> {
        let Some(col) = columns(table, &["year", "org", "comment"], &[], self.diagnostics) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for row in &table.rows {
            let Some(year) = self.year(table, row, col["year"]) else {
                continue;
            };
            let Ok(Some(org)) = self.org(table, row, Some(col["org"]), false, year) else {
                continue;
            };
            let text = row.cell(col["comment"]);
            if !text.is_empty() {
                out.push(SchoolComment {
                    year,
                    org,
                    text: text.to_string(),
                });
            }
        }
        out
    }
}

#[cfg(test)]
#[path = "results_tests.rs"]
mod tests;
