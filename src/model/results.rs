//! Raw assessment results (ВПР, ОГЭ, ЕГЭ), validated: every row names a school of the
//! register and a known subject, every count is a whole number that is not negative,
//! the marks add up to the participants, and no row is given twice. A bad row is
//! reported at its file line and column and left out; the rest is kept.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::analytics_rules::AnalyticsRules;
use super::indicator::parse_value;
use super::organization::Register;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{CsvRow, CsvTable, OrgKind, Procedure, ResultsSources};

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

/// A ВПР row's identity: year, school (none for the region), grade, subject, variant.
type VprKey = (i32, Option<usize>, u8, String, Option<String>);

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
                        Diagnostic::error(&source.table.file, format!("для {} года не указан порядок награждения медалями, поэтому результаты ЕГЭ нельзя проверить", source.year))
                            .at_line(1)
                            .hint(format!(
                                "добавьте в data/analytics.yaml строку medals: {{{}: {{regime: \"2024\", threshold: 70}}}} (regime: \"2024\", \"до 2024\" или \"2020\"){}",
                                source.year,
                                if known.is_empty() { String::new() } else { format!("; сейчас указаны годы {}", known.join(", ")) }
                            )),
                    );
                    continue;
                }
                reader.gia_file(source, &mut seen_gia, &mut seen_medals, &mut results)
            }
        }
    }
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
                Diagnostic::error(&table.file, format!("неизвестный столбец «{name}»"))
                    .at(1, column)
                    .hint(format!(
                        "допустимые столбцы: {}",
                        [required, optional].concat().join(", ")
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
                format!("в заголовке нет столбцов: {}", missing.join(", ")),
            )
            .at_line(1)
            .hint(format!("первая строка файла: {}", required.join(","))),
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
        message: String,
        hint: &str,
    ) {
        self.diagnostics.push(
            Diagnostic::error(&table.file, message)
                .at(row.line, row.column_of(column))
                .hint(hint.to_string()),
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
                    format!("{name}: отрицательное число «{text}»"),
                    "число людей не может быть меньше нуля",
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
                        format!("{name}: слишком большое число «{text}»"),
                        "проверьте значение",
                    );
                    None
                }
            },
            Err(_) if text.is_empty() => {
                self.error(
                    table,
                    row,
                    column,
                    format!("{name}: пустая ячейка"),
                    "укажите число участников (0, если их не было)",
                );
                None
            }
            Err(_) => {
                self.error(
                    table,
                    row,
                    column,
                    format!("{name}: «{text}» — не целое число"),
                    "пишите целое число людей, например 25",
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

    /// The school of a row, or `None` for a region file; `Err` when reported.
    fn org(
        &mut self,
        table: &CsvTable,
        row: &CsvRow,
        column: Option<usize>,
        region: bool,
    ) -> Result<Option<usize>, ()> {
        let written = column.map_or("", |i| row.cell(i));
        if region {
            if written.is_empty() || written == "region" {
                return Ok(None);
            }
            self.error(
                table,
                row,
                column.unwrap_or(0),
                format!("в файле региональных значений указана организация «{written}»"),
                "в файле <год>-region.csv столбец org пуст или содержит region",
            );
            return Err(());
        }
        match self.register.by_id.get(written) {
            Some(&index) if self.register.organizations[index].kind == OrgKind::School => {
                Ok(Some(index))
            }
            Some(_) => {
                self.error(table, row, column.unwrap_or(0), format!("организация «{written}» — не школа"), "результаты ВПР, ОГЭ и ЕГЭ указываются для общеобразовательных организаций (kind: school)");
                Err(())
            }
            None => {
                self.error(
                    table,
                    row,
                    column.unwrap_or(0),
                    format!("организации «{written}» нет в реестре"),
                    "в столбце org пишется id организации из data/organizations.yaml",
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
            format!(
                "известные предметы: {}; список можно дополнить в data/analytics.yaml (subjects)",
                self.rules.subjects.join(", ")
            )
        } else {
            format!(
                "возможно, «{}»; известные предметы перечислены в data/analytics.yaml (subjects)",
                nearest.join("» или «")
            )
        };
        self.error(
            table,
            row,
            column,
            format!("неизвестный предмет «{written}»"),
            &hint,
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
                    format!("неизвестный вариант ВПР «{written}»"),
                    "вариант — «базовая» или «углублённая»; у работ без вариантов оставьте ячейку пустой",
                );
                return Err(());
            }
        };
        if subject != "математика" || !VARIANT_GRADES.contains(&grade) {
            self.error(
                table,
                row,
                column,
                format!("у ВПР по предмету «{subject}» в {grade} классе нет вариантов, а указан «{written}»"),
                "базовый и углублённый варианты есть только у математики в 7 и 8 классах; в остальных строках оставьте variant пустым",
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
            let Ok(org) = self.org(table, row, col.get("org").copied(), region) else {
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
                        format!("«{grade_text}» — не номер класса"),
                        "класс пишется числом от 1 до 11",
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
                self.error(table, row, col["m2"], format!("m2+m3+m4+m5 = {sum}, а участников {n}"), "число отметок «2», «3», «4», «5» в сумме равно числу участников (participants)");
                continue;
            }
            let journal = match (l, c, r) {
                (None, None, None) => None,
                (Some(l), Some(c), Some(r)) => {
                    if l + c + r > n {
                        self.error(table, row, col["lowered"], format!("lowered+confirmed+raised = {}, а участников {n}", l + c + r), "понизили, подтвердили и повысили отметку в сумме не больше числа участников");
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
                        "заполнены не все столбцы lowered, confirmed, raised".into(),
                        "заполните все три или оставьте все три пустыми",
                    );
                    continue;
                }
            };
            let key = (year, org, grade, subject.clone(), variant.clone());
            if let Some(first) = seen.get(&key) {
                self.diagnostics.push(
                    Diagnostic::error(&table.file, format!("результат {grade} класса по предмету «{subject}» уже указан в строке {first}"))
                        .at_line(row.line)
                        .hint("удалите повторную строку; у математики 7–8 классов базовый и углублённый варианты различаются столбцом variant"),
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
        seen: &mut BTreeMap<(Procedure, i32, Option<usize>, String), usize>,
        seen_medals: &mut BTreeMap<(i32, Option<usize>), usize>,
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
            let Ok(org) = self.org(table, row, col.get("org").copied(), region) else {
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
                    format!(
                        "below_min+high = {}, а участников {n}",
                        below_min + high_count
                    ),
                    "не сдавших и получивших высокий результат вместе не больше, чем участников",
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
                            "средний балл ОГЭ — отметка от 2 до 5"
                        } else {
                            "средний балл ЕГЭ — от 0 до 100"
                        };
                        self.error(
                            table,
                            row,
                            col["mean"],
                            format!("средний балл «{mean_text}» вне допустимых пределов"),
                            what,
                        );
                        continue;
                    }
                    Err((message, hint)) => {
                        self.error(table, row, col["mean"], message, &hint);
                        continue;
                    }
                }
            };
            let key = (procedure, year, org, subject.clone());
            if let Some(first) = seen.get(&key) {
                self.diagnostics.push(
                    Diagnostic::error(
                        &table.file,
                        format!("результат по предмету «{subject}» уже указан в строке {first}"),
                    )
                    .at_line(row.line)
                    .hint("удалите повторную строку"),
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
                                format!(
                                    "не подтвердили {not_confirmed}, а претендентов {candidates}"
                                ),
                                "medal_not_confirmed не больше medal_candidates",
                            );
                        } else if let Some(first) = seen_medals.get(&(year, org)) {
                            self.error(table, row, col["medal_candidates"], format!("претенденты на медаль этой организации уже указаны в строке {first}"), "число претендентов на медаль указывается в одной строке организации (обычно в строке русского языка), в остальных строках эти ячейки пусты");
                        } else {
                            seen_medals.insert((year, org), row.line);
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
                        "заполнен только один из столбцов medal_candidates, medal_not_confirmed"
                            .into(),
                        "заполните оба или оставьте оба пустыми",
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
                    format!("«{}» — не год", row.cell(column)),
                    "год пишется четырьмя цифрами, например 2025",
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
            let Ok(Some(org)) = self.org(table, row, Some(col["org"]), false) else {
                continue;
            };
            let (list, source) = (row.cell(col["list"]), row.cell(col["source"]));
            if list.is_empty() || source.is_empty() {
                self.error(table, row, col["list"], "не указан перечень (list) или его источник (source)".into(), "источник — документ, которым перечень получен: письмо, приказ, с номером и датой");
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
            let Ok(Some(org)) = self.org(table, row, Some(col["org"]), false) else {
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
