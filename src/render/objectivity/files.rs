//! The objectivity results as CSV (UTF-8, comma, CRLF, a dot in numbers, shares in
//! percent): `/objectivity/<year>/flags.csv` — one row per fired rule and category;
//! `/objectivity/<year>/procedures.csv` — every published ВПР group with its shares;
//! `/objectivity/counts.csv` — schools with signs per year and category.
//!
//! No row describes a group below `privacy.min_group`: rules are computed only for
//! groups of at least `n_min` (never below `min_group`), and `procedures.csv` leaves
//! smaller groups out.
//!
//! With `publish_named: false` neither file has a row per school: blanking the name is
//! not enough, since a school's n, value and leave-one-out benchmark match its own
//! card. `flags.csv` then counts schools per category, procedure, grade, subject and
//! rule (with the thresholds), and `procedures.csv` gives the municipality's pooled
//! shares per grade and subject.

use std::collections::{BTreeMap, BTreeSet};

use super::super::columns::{header, OBJECTIVITY, OBJECTIVITY_COUNTS};
use crate::analyze::objectivity::{Detail, Finding, JournalStat, Measure, ProcKey, VprStat};
use crate::analyze::Analysis;
use crate::model::{Category, Model, Rule};

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

/// A number for a CSV cell: rounded, dot as the decimal separator, no trailing zeros.
fn number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" {
        "0".into()
    } else {
        text
    }
}

/// A finding's value in the file's units: shares in percent, means as they are.
fn scaled(f: &Finding, value: f64) -> String {
    if f.measure.is_share() {
        number(value * 100.0, 2)
    } else {
        number(value, 2)
    }
}

fn org_columns(model: &Model, org: usize) -> [String; 2] {
    let o = &model.register.organizations[org];
    [o.id.clone(), o.short_name.clone()]
}

fn category_id(category: Category) -> &'static str {
    match category {
        Category::VprBias => "vpr_bias",
        Category::Marking => "marking",
        Category::Gia => "gia",
    }
}

/// `flags.csv` without schools: how many schools each rule fired for, and how many of
/// them got the category's sign, per procedure.
fn flag_counts_csv(model: &Model, analysis: &Analysis, year: i32) -> Vec<u8> {
    let o = &analysis.objectivity;
    type Key<'a> = (Category, &'a ProcKey, Rule, Measure);
    let mut groups: BTreeMap<Key<'_>, (BTreeSet<usize>, BTreeSet<usize>, &Finding)> =
        BTreeMap::new();
    for row in o.flag_rows.iter() {
        let f = &o.findings[row.finding];
        if f.year != year {
            continue;
        }
        let entry = groups
            .entry((row.category, &f.key, f.rule, f.measure))
            .or_insert_with(|| (BTreeSet::new(), BTreeSet::new(), f));
        entry.0.insert(f.org);
        if row.flagged {
            entry.1.insert(f.org);
        }
    }
    let mut w = writer();
    let _ = w.write_record(header(OBJECTIVITY_COUNTS));
    for ((category, key, rule, measure), (fired, flagged, f)) in groups {
        let threshold = match measure {
            Measure::OgeMean => String::new(),
            _ => f
                .threshold
                .effect
                .map_or(String::new(), |e| number(e * 100.0, 2)),
        };
        let _ = w.write_record([
            year.to_string(),
            category_id(category).to_string(),
            key.procedure.id().to_string(),
            key.grade.map_or(String::new(), |g| g.to_string()),
            key.subject.clone().unwrap_or_default(),
            key.variant.clone().unwrap_or_default(),
            rule.id().to_string(),
            measure.id().to_string(),
            threshold,
            f.threshold.z.map_or(String::new(), |z| number(z, 2)),
            fired.len().to_string(),
            flagged.len().to_string(),
            model.analytics.version.clone(),
        ]);
    }
    w.into_inner().unwrap_or_default()
}

/// `flags.csv` of a year: one row per fired rule and category, or counts only when
/// schools are not named (`publish_named: false`).
pub(crate) fn flags_csv(model: &Model, analysis: &Analysis, year: i32) -> Vec<u8> {
    if !model.analytics.publish_named {
        return flag_counts_csv(model, analysis, year);
    }
    let o = &analysis.objectivity;
    let mut w = writer();
    let _ = w.write_record(header(OBJECTIVITY));
    let mut rows: Vec<_> = o
        .flag_rows
        .iter()
        .filter(|r| o.findings[r.finding].year == year)
        .collect();
    let names =
        super::links::alphabetical_rank(model, rows.iter().map(|r| o.findings[r.finding].org));
    rows.sort_by_key(|r| {
        let f = &o.findings[r.finding];
        (
            names.get(&f.org),
            r.category,
            f.key.clone(),
            f.rule,
            r.finding,
        )
    });
    for row in rows {
        let f = &o.findings[row.finding];
        let [org, name] = org_columns(model, f.org);
        let category = category_id(row.category);
        // A handful of medal candidates: the count (in the note), no rate.
        let count_only = matches!(
            f.detail,
            Detail::Medals {
                count_only: true,
                ..
            }
        );
        let rate = |text: String| if count_only { String::new() } else { text };
        let threshold = match f.measure {
            Measure::OgeMean => String::new(),
            _ => f
                .threshold
                .effect
                .map_or(String::new(), |e| number(e * 100.0, 2)),
        };
        let record = [
            f.year.to_string(),
            org,
            name,
            category.to_string(),
            f.key.procedure.id().to_string(),
            f.key.grade.map_or(String::new(), |g| g.to_string()),
            f.key.subject.clone().unwrap_or_default(),
            f.key.variant.clone().unwrap_or_default(),
            f.rule.id().to_string(),
            f.measure.id().to_string(),
            f.n.to_string(),
            rate(scaled(f, f.value)),
            f.benchmark.map_or(String::new(), |b| rate(scaled(f, b))),
            f.source.id().to_string(),
            f.difference.map_or(String::new(), |d| rate(scaled(f, d))),
            f.z.map_or(String::new(), |z| number(z, 3)),
            threshold,
            f.threshold.z.map_or(String::new(), |z| number(z, 2)),
            row.flagged.to_string(),
            row.persistent.to_string(),
            finding_notes(f),
            model.analytics.version.clone(),
        ];
        let _ = w.write_record(&record);
    }
    w.into_inner().unwrap_or_default()
}

/// The note column of a finding: why it is not a sign or less comparable, and the
/// numbers behind a change, a medal count or a ГИА share, in words.
fn finding_notes(f: &Finding) -> String {
    let mut notes = Vec::new();
    if f.exempt {
        notes.push("высокий результат, ожидаемый для профиля ОО; не признак".to_string());
    }
    if f.limited {
        notes.push("сопоставимость ограничена (перерыв в данных)".into());
    }
    match &f.detail {
        Detail::Change {
            kind,
            earlier,
            later,
            across_z,
            across_of,
        } => notes.push(format!(
            "{}: {} ({} кл.) {}% из {} -> {} ({} кл.) {}% из {}; база {}% из {} -> {}% из {}; z по школам {}",
            match kind {
                crate::analyze::objectivity::ChangeKind::Cohort => "тот же класс",
                crate::analyze::objectivity::ChangeKind::SameGrade => "та же параллель",
            },
            earlier.year,
            earlier.grade,
            number(earlier.value * 100.0, 2),
            earlier.n,
            later.year,
            later.grade,
            number(later.value * 100.0, 2),
            later.n,
            number(earlier.benchmark * 100.0, 2),
            earlier.benchmark_n,
            number(later.benchmark * 100.0, 2),
            later.benchmark_n,
            across_z.map_or(format!("не рассчитывается (школ: {across_of})"), |z| {
                format!("{} (школ: {across_of})", number(z, 2))
            })
        )),
        Detail::Medals {
            candidates,
            not_confirmed,
            points,
            ..
        } => notes.push(format!(
            "{not_confirmed} из {candidates}; порог ЕГЭ {} баллов; не менее {} человек",
            number(*points, 0),
            f.threshold.count.unwrap_or(0)
        )),
        Detail::Gia {
            high,
            high_benchmark,
            high_z,
        } => notes.push(format!(
            "доля высоких результатов {}% при {}%, z = {}",
            number(high * 100.0, 2),
            number(high_benchmark * 100.0, 2),
            high_z.map_or(String::new(), |z| number(z, 2))
        )),
        Detail::CohortGia { oge_year } => notes.push(format!("ОГЭ {oge_year} того же класса")),
        Detail::None => {}
    }
    notes.join("; ")
}

/// `procedures.csv` without schools: the published groups of each grade, subject and
/// variant pooled over the municipality.
fn municipal_procedures_csv(analysis: &Analysis, year: i32) -> Vec<u8> {
    let o = &analysis.objectivity;
    let mut w = writer();
    let _ = w.write_record([
        "year",
        "grade",
        "subject",
        "variant",
        "schools",
        "participants",
        "fail",
        "quality",
        "top",
        "compared",
        "lowered",
        "confirmed",
        "raised",
    ]);
    let mut cells: BTreeMap<&ProcKey, Vec<&VprStat>> = BTreeMap::new();
    for s in o
        .vpr_in(year)
        .iter()
        .filter(|s| s.year == year && s.published)
    {
        cells.entry(&s.key).or_default().push(s);
    }
    let pct = |v: f64| number(v * 100.0, 2);
    for (key, stats) in cells {
        let n: u32 = stats.iter().map(|s| s.n).sum();
        let share = |f: fn(&VprStat) -> f64| {
            stats.iter().map(|s| f(s) * f64::from(s.n)).sum::<f64>() / f64::from(n.max(1))
        };
        let journals: Vec<&JournalStat> = stats
            .iter()
            .filter_map(|s| s.journal.as_ref())
            .filter(|j| j.published)
            .collect();
        let k: u32 = journals.iter().map(|j| j.k).sum();
        let journal = |f: fn(&JournalStat) -> f64| {
            if k == 0 {
                String::new()
            } else {
                pct(journals.iter().map(|j| f(j) * f64::from(j.k)).sum::<f64>() / f64::from(k))
            }
        };
        let _ = w.write_record([
            year.to_string(),
            key.grade.map_or(String::new(), |g| g.to_string()),
            key.subject.clone().unwrap_or_default(),
            key.variant.clone().unwrap_or_default(),
            stats.len().to_string(),
            n.to_string(),
            pct(share(|s| s.fail)),
            pct(share(|s| s.quality)),
            pct(share(|s| s.top)),
            if k == 0 { String::new() } else { k.to_string() },
            journal(|j| j.lowered),
            journal(|j| j.confirmed),
            journal(|j| j.raised),
        ]);
    }
    w.into_inner().unwrap_or_default()
}

pub(crate) fn procedures_csv(model: &Model, analysis: &Analysis, year: i32) -> Vec<u8> {
    if !model.analytics.publish_named {
        return municipal_procedures_csv(analysis, year);
    }
    let o = &analysis.objectivity;
    let mut w = writer();
    let _ = w.write_record([
        "year",
        "org",
        "org_name",
        "grade",
        "subject",
        "variant",
        "participants",
        "fail",
        "quality",
        "top",
        "quality_benchmark",
        "benchmark_source",
        "compared",
        "lowered",
        "confirmed",
        "raised",
    ]);
    let mut stats: Vec<_> = o
        .vpr_in(year)
        .iter()
        .filter(|s| s.year == year && s.published)
        .collect();
    let names = super::links::alphabetical_rank(model, stats.iter().map(|s| s.org));
    stats.sort_by_key(|s| (names.get(&s.org), s.key.clone()));
    for s in stats {
        let [org, name] = org_columns(model, s.org);
        let journal = s.journal.as_ref().filter(|j| j.published);
        let pct = |v: f64| number(v * 100.0, 2);
        let _ = w.write_record([
            year.to_string(),
            org,
            name,
            s.key.grade.map_or(String::new(), |g| g.to_string()),
            s.key.subject.clone().unwrap_or_default(),
            s.key.variant.clone().unwrap_or_default(),
            s.n.to_string(),
            pct(s.fail),
            pct(s.quality),
            pct(s.top),
            s.quality_benchmark.map_or(String::new(), |b| pct(b.value)),
            s.quality_benchmark
                .map_or(String::new(), |b| b.source.id().to_string()),
            journal.map_or(String::new(), |j| j.k.to_string()),
            journal.map_or(String::new(), |j| pct(j.lowered)),
            journal.map_or(String::new(), |j| pct(j.confirmed)),
            journal.map_or(String::new(), |j| pct(j.raised)),
        ]);
    }
    w.into_inner().unwrap_or_default()
}

pub(crate) fn counts_csv(analysis: &Analysis) -> Vec<u8> {
    let o = &analysis.objectivity;
    let mut w = writer();
    let _ = w.write_record(["year", "category", "schools_with_signs", "schools"]);
    for &year in &o.years {
        let signed = o.signed(year);
        let schools = o.schools.get(&year).map_or(0, |s| s.len());
        for category in Category::ALL {
            let count = signed.values().filter(|c| c.contains(&category)).count();
            let _ = w.write_record([
                year.to_string(),
                category.id().to_string(),
                count.to_string(),
                schools.to_string(),
            ]);
        }
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_numbers_with_a_dot_and_no_trailing_zeros() {
        assert_eq!(number(93.75, 2), "93.75");
        assert_eq!(number(20.0, 2), "20");
        assert_eq!(number(-0.001, 2), "0");
        assert_eq!(number(3.6499, 2), "3.65");
    }
}
