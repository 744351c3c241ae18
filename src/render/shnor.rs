//! The low-results pages: `/shnor/` (years and the rule) and `/shnor/<year>/` (the
//! schools with low results as a support status, with the numbers behind each), and
//! `/shnor/<year>/list.csv`. ШНОР is support, not a sign of bias: the theme styles it
//! as a neutral note, never next to the objectivity signs in red (ANALYTICS §5).
//! ШНСУ is not computed (it needs social data); it is shown as the register gives it.

use serde::Serialize;

use super::objectivity::words::percent;
use super::objectivity::OrgLink;
use super::views::LinkView;
use crate::analyze::objectivity::{SchoolYear, ShnorEntry, ShnorStatus, ShnorYear, Source};
use crate::analyze::Analysis;
use crate::model::paths;
use crate::model::OrgFlag;
use crate::model::{DataBreak, Model};
use crate::numbers::{format_number, format_value, plural};

fn link(model: &Model, org: usize) -> OrgLink {
    let o = &model.register.organizations[org];
    OrgLink {
        id: o.id.clone(),
        name: o.short_name.clone(),
        url: model.link(&paths::org(&o.id)),
    }
}

fn flagged(model: &Model, flag: OrgFlag) -> Vec<OrgLink> {
    let mut orgs: Vec<usize> = model
        .register
        .organizations
        .iter()
        .enumerate()
        .filter(|(_, o)| o.flags.contains(&flag))
        .map(|(i, _)| i)
        .collect();
    orgs.sort_by_cached_key(|&i| model.register.organizations[i].alphabetical_key());
    orgs.into_iter().map(|i| link(model, i)).collect()
}

#[derive(Debug, Serialize)]
pub(crate) struct ShnorRow {
    pub(crate) year: i32,
    pub(crate) n: u32,
    pub(crate) fail: String,
    pub(crate) benchmark: String,
    /// `ratio · F_B`, the relative condition's threshold.
    pub(crate) threshold: String,
    /// Whether the school is among the `bottom` share with the most «2» (да/нет).
    pub(crate) bottom: &'static str,
    pub(crate) relative: &'static str,
    pub(crate) absolute: String,
    pub(crate) low: bool,
}

#[derive(Debug, Serialize)]
pub(crate) struct ShnorOrg {
    pub(crate) org: OrgLink,
    /// «до 01.09.2025 — МБОУ «Таёжная ООШ»»: the years of the table may be under a
    /// former name.
    pub(crate) former: Vec<String>,
    pub(crate) sentence: String,
    pub(crate) rows: Vec<ShnorRow>,
}

fn years_text(years: &[i32]) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    }
}

/// «28,7 %, 33,3 % и 24,8 %».
fn listing(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} и {last}", rest.join(", ")),
    }
}

fn row(model: &Model, y: &SchoolYear) -> ShnorRow {
    let absolute: Vec<String> = y
        .hits
        .iter()
        .map(|h| {
            format!(
                "{} кл., {}: {}{}",
                h.grade,
                h.subject,
                percent(h.fail),
                if h.repeated {
                    " (и годом ранее)"
                } else {
                    ""
                }
            )
        })
        .collect();
    let yes = |b: bool| if b { "да" } else { "нет" };
    ShnorRow {
        year: y.year,
        n: y.n,
        fail: percent(y.fail),
        benchmark: y.benchmark.map_or("—".into(), |b| percent(b.value)),
        threshold: y
            .benchmark
            .map_or("—".into(), |b| percent(b.value * model.analytics.g.ratio)),
        bottom: yes(y.bottom),
        relative: yes(y.relative),
        absolute: if absolute.is_empty() {
            "нет".into()
        } else {
            format!(
                "{}: {}",
                if y.absolute { "да" } else { "нет" },
                absolute.join("; ")
            )
        },
        low: y.low(),
    }
}

fn org_view(model: &Model, entry: &ShnorEntry) -> ShnorOrg {
    let years: Vec<i32> = entry.years.iter().map(|y| y.year).collect();
    let fails: Vec<String> = entry.years.iter().map(|y| percent(y.fail)).collect();
    let benches: Vec<String> = entry
        .years
        .iter()
        .map(|y| y.benchmark.map_or("—".into(), |b| percent(b.value)))
        .collect();
    let sources: Vec<Source> = entry
        .years
        .iter()
        .filter_map(|y| y.benchmark.map(|b| b.source))
        .collect();
    let words = if sources.iter().all(|s| *s == Source::Region) {
        "в среднем по региону"
    } else if sources.iter().all(|s| *s == Source::Municipality) {
        "в среднем по другим школам округа"
    } else {
        "по базе сравнения (регион или другие школы округа)"
    };
    let sentence = match entry.status {
        ShnorStatus::Listed => format!(
            "Школа включена в перечень школ, которым оказывается адресная помощь: в {} гг. доля «2» по ВПР (русский язык и математика) — {} при {} {words}. Это не рейтинг и не оценка учителей, а основание для поддержки.",
            years_text(&years),
            listing(&fails),
            listing(&benches)
        ),
        ShnorStatus::NeedsCheck => format!(
            "Результаты требуют проверки: в {} гг. доля «2» по ВПР — {} при {} {words}, но в этом году у школы есть признаки необъективности результатов ВПР, поэтому её результаты сначала перепроверяются.",
            years_text(&years),
            listing(&fails),
            listing(&benches)
        ),
    };
    ShnorOrg {
        org: link(model, entry.org),
        former: model.register.organizations[entry.org].former_names(),
        sentence,
        rows: entry.years.iter().map(|y| row(model, y)).collect(),
    }
}

fn sorted<'a>(model: &Model, entries: impl Iterator<Item = &'a ShnorEntry>) -> Vec<&'a ShnorEntry> {
    let mut out: Vec<&ShnorEntry> = entries.collect();
    out.sort_by_cached_key(|e| model.register.organizations[e.org].alphabetical_key());
    out
}

#[derive(Debug, Serialize)]
pub(crate) struct ShnorYearView {
    pub(crate) year: i32,
    pub(crate) school_year: String,
    pub(crate) window: String,
    pub(crate) previous: Option<LinkView>,
    pub(crate) next: Option<LinkView>,
    /// «недостаточно лет для расчёта …» when the window holds fewer years with ВПР
    /// data than the rule needs: then there is no list, rather than an empty one.
    pub(crate) too_few_years: Option<String>,
    /// «2025: …, источник: …» for each data break inside the window: the rule compares
    /// the window's years, so such a comparison is «сопоставимость ограничена».
    pub(crate) breaks: Vec<String>,
    pub(crate) listed: Vec<ShnorOrg>,
    pub(crate) check: Vec<ShnorOrg>,
    /// Schools whose low results need a check, when they are not named (they have a
    /// sign of biased ВПР, and `publish_named` is false).
    pub(crate) check_count: Option<String>,
    pub(crate) shnsu: Vec<OrgLink>,
    pub(crate) register: Vec<OrgLink>,
    pub(crate) conditions: Vec<String>,
    /// «1,5 ×» for the column of the relative threshold.
    pub(crate) ratio: String,
    /// «10 %» for the column of the bottom share.
    pub(crate) bottom: String,
    pub(crate) list_url: String,
    pub(crate) index_url: String,
    pub(crate) objectivity_url: String,
}

/// The rule g in words, with the department's current thresholds.
pub(crate) fn conditions(model: &Model) -> Vec<String> {
    let g = &model.analytics.g;
    let pct = |v: f64| format_value(v * 100.0, 0, "%");
    vec![
        format!(
            "Показатель — доля участников ВПР, получивших «2», по предметам {} во всех классах вместе.",
            g.subjects.join(", ")
        ),
        format!(
            "Год считается низким, если школа входит в {} школ округа с наибольшей долей «2» (школ с большей долей «2», чем у неё, вместе с ней самой — не больше {} всех школ округа; школа с наибольшей долей входит всегда) и эта доля не меньше чем в {} раза выше, чем в базе сравнения (регион или другие школы округа); школа, где ни один участник не получил «2», низкой не считается;",
            pct(g.bottom),
            pct(g.bottom),
            format_number(g.ratio, 1)
        ),
        format!(
            "или если доля «2» не меньше {} хотя бы в {} процедурах (класс и предмет) этого года либо в одной и той же процедуре два года подряд.",
            pct(g.absolute),
            g.procedures
        ),
        format!(
            "Школа относится к ШНОР, если низкими были не менее {} из {} последних лет с данными ВПР. Учитываются только годы, когда у школы были результаты: год без данных не считается низким, а школа с данными меньше чем за {} года в перечень не включается.",
            g.min_years, g.years, g.min_years
        ),
        format!(
            "В расчёт входят классы не меньше {min_group} человек (меньшие группы не публикуются и не входят в значения по округу); год школы учитывается, если участников в сумме не меньше {n_min}, а процедура в абсолютном условии — если в ней не меньше {n_min} участников.",
            min_group = model.analytics.min_group,
            n_min = model.analytics.min_n()
        ),
    ]
}

pub(crate) fn year_view(model: &Model, analysis: &Analysis, year: i32) -> ShnorYearView {
    let o = &analysis.objectivity;
    let named = model.analytics.publish_named;
    let data = o.shnor.get(&year).cloned().unwrap_or_default();
    let years: Vec<i32> = o.shnor.keys().copied().collect();
    let at = years.iter().position(|y| *y == year);
    let nav = |y: i32| LinkView {
        title: y.to_string(),
        path: paths::shnor_year(y),
        url: model.link(&paths::shnor_year(y)),
    };
    let by = |status| {
        sorted(model, data.entries.iter().filter(|e| e.status == status))
            .into_iter()
            .map(|e| org_view(model, e))
            .collect()
    };
    ShnorYearView {
        year,
        school_year: format!("{year}/{:02}", (year + 1) % 100),
        window: match data.window.as_slice() {
            [one] => format!("{one} года"),
            [] => String::new(),
            many => format!("{} годов", years_text(many)),
        },
        previous: at.and_then(|i| i.checked_sub(1)).map(|i| nav(years[i])),
        next: at.and_then(|i| years.get(i + 1)).map(|y| nav(*y)),
        too_few_years: too_few_years(model, &data),
        breaks: breaks_in(model, &data.window),
        listed: by(ShnorStatus::Listed),
        check: if named {
            by(ShnorStatus::NeedsCheck)
        } else {
            Vec::new()
        },
        check_count: {
            let count = data
                .entries
                .iter()
                .filter(|e| e.status == ShnorStatus::NeedsCheck)
                .count();
            (!named && count > 0).then(|| {
                format!(
                    "Ещё у {count} {} низкие результаты, но в этом же году выявлены признаки необъективности результатов ВПР; пока результаты не перепроверены, их нельзя считать достоверными. Признаки отдельных школ по решению управления образования не публикуются, поэтому эти школы не названы.",
                    plural(count, "школы", "школ", "школ")
                )
            })
        },
        shnsu: flagged(model, OrgFlag::Shnsu),
        register: flagged(model, OrgFlag::Shnor),
        conditions: conditions(model),
        ratio: format!("{}\u{a0}×", format_number(model.analytics.g.ratio, 1)),
        bottom: format_value(model.analytics.g.bottom * 100.0, 0, "%"),
        list_url: model.link(&paths::shnor_list_csv(year)),
        index_url: model.link("/shnor/"),
        objectivity_url: model.link(&paths::objectivity_year(year)),
    }
}

/// The data breaks a ШНОР window crosses: a break year inside a window of more than
/// one year (with one year nothing is compared).
pub(crate) fn breaks_in(model: &Model, window: &[i32]) -> Vec<String> {
    if window.len() < 2 {
        return Vec::new();
    }
    window
        .iter()
        .filter_map(|y| {
            model
                .analytics
                .breaks
                .get(y)
                .map(|b: &DataBreak| format!("{y}: {}", b.note()))
        })
        .collect()
}

/// «Недостаточно лет для расчёта …» when the years of ВПР data up to a year are fewer
/// than the rule's `min_years` (ANALYTICS §4: with fewer than two years, no ШНОР —
/// which is not the same as «no school has low results»).
pub(crate) fn too_few_years(model: &Model, data: &ShnorYear) -> Option<String> {
    let needed = model.analytics.g.min_years;
    let window = data.window.as_slice();
    (!data.enough_years).then(|| {
        format!(
            "Недостаточно лет для расчёта: перечень составляется по результатам не менее {needed} {} ВПР, а данные есть только за {}. Вывода о том, что школ с низкими результатами нет, из этого сделать нельзя.",
            plural(needed, "года", "лет", "лет"),
            match window {
                [one] => format!("{one} год"),
                _ => "меньшее число лет".to_string(),
            }
        )
    })
}

#[derive(Debug, Serialize)]
pub(crate) struct ShnorListYear {
    pub(crate) year: i32,
    pub(crate) school_year: String,
    pub(crate) url: String,
    /// Too few years of data for the rule: no list at all.
    pub(crate) too_few_years: bool,
    pub(crate) listed: Vec<OrgLink>,
    pub(crate) check: usize,
}

#[derive(Debug, Serialize)]
pub(crate) struct ShnorListView {
    pub(crate) years: Vec<ShnorListYear>,
    pub(crate) conditions: Vec<String>,
    pub(crate) shnsu: Vec<OrgLink>,
    pub(crate) objectivity_url: String,
}

pub(crate) fn list_view(model: &Model, analysis: &Analysis) -> ShnorListView {
    let o = &analysis.objectivity;
    ShnorListView {
        years: o
            .shnor
            .iter()
            .rev()
            .map(|(&year, data)| ShnorListYear {
                year,
                school_year: format!("{year}/{:02}", (year + 1) % 100),
                url: model.link(&paths::shnor_year(year)),
                too_few_years: !data.enough_years,
                listed: sorted(
                    model,
                    data.entries
                        .iter()
                        .filter(|e| e.status == ShnorStatus::Listed),
                )
                .into_iter()
                .map(|e| link(model, e.org))
                .collect(),
                check: data
                    .entries
                    .iter()
                    .filter(|e| e.status == ShnorStatus::NeedsCheck)
                    .count(),
            })
            .collect(),
        conditions: conditions(model),
        shnsu: flagged(model, OrgFlag::Shnsu),
        objectivity_url: model.link("/objectivity/"),
    }
}

/// `/shnor/<year>/list.csv`: one row per condition that made a year low, for every
/// school listed (or listed pending a check).
pub(crate) fn list_csv(model: &Model, analysis: &Analysis, year: i32) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = w.write_record(super::opendata::header(super::opendata::SHNOR));
    let g = &model.analytics.g;
    let number = |v: f64| {
        let text = format!("{:.2}", v * 100.0);
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    let Some(data) = analysis.objectivity.shnor.get(&year) else {
        return w.into_inner().unwrap_or_default();
    };
    // «Требуют проверки» means a sign of biased ВПР: not per school unless named.
    let shown = data
        .entries
        .iter()
        .filter(|e| model.analytics.publish_named || e.status == ShnorStatus::Listed);
    for entry in sorted(model, shown) {
        let o = &model.register.organizations[entry.org];
        let status = match entry.status {
            ShnorStatus::Listed => "shnor",
            ShnorStatus::NeedsCheck => "needs_check",
        };
        for y in entry.years.iter().filter(|y| y.low()) {
            let mut base = vec![
                year.to_string(),
                o.id.clone(),
                o.short_name.clone(),
                status.to_string(),
            ];
            if y.relative {
                let bench = y.benchmark.map_or(0.0, |b| b.value);
                let mut record = base.clone();
                record.extend([
                    "g_relative".to_string(),
                    y.year.to_string(),
                    String::new(),
                    String::new(),
                    y.n.to_string(),
                    number(y.fail),
                    number(bench),
                    number(bench * g.ratio),
                    format!(
                        "входит в {} школ с наибольшей долей «2»: да; база: {}",
                        format_value(g.bottom * 100.0, 0, "%"),
                        y.benchmark.map_or("—", |b| b.source.id())
                    ),
                ]);
                let _ = w.write_record(&record);
            }
            if y.absolute {
                for h in &y.hits {
                    let mut record = base.clone();
                    record.extend([
                        "g_absolute".to_string(),
                        y.year.to_string(),
                        h.grade.to_string(),
                        h.subject.clone(),
                        h.n.to_string(),
                        number(h.fail),
                        h.benchmark.map_or(String::new(), number),
                        number(g.absolute),
                        if h.repeated {
                            "и годом ранее".into()
                        } else {
                            String::new()
                        },
                    ]);
                    let _ = w.write_record(&record);
                }
            }
            base.clear();
        }
    }
    w.into_inner().unwrap_or_default()
}
