//! The words of the objectivity pages: what each rule is called, which procedure a
//! finding is about, and the plain-language sentence a parent reads (ANALYTICS §2,
//! §5), with every number formatted the Russian way.

use crate::analyze::objectivity::{
    ChangeKind, ChangePoint, Detail, Finding, Measure, ProcKey, Source,
};
use crate::model::{AnalyticsRules, Category, DataBreak, Rule};
use crate::model::{MedalRegime, Procedure};
use crate::numbers::{format_change_value, format_number, format_value, plural};

pub(crate) fn rule_title(rule: Rule) -> &'static str {
    match rule {
        Rule::A => "Аномально высокие результаты ВПР",
        Rule::B1 => "Отметки за ВПР выше отметок в журнале",
        Rule::B2 => "Отметки в журнале выше отметок за ВПР",
        Rule::C => "Резкое изменение результатов за год",
        Rule::D => "Медаль не подтверждена результатом ЕГЭ",
        Rule::E => "Необычно высокие результаты ОГЭ или ЕГЭ",
        Rule::F => "Высокий результат ВПР не подтверждён на ОГЭ",
    }
}

/// What the school is asked to do next, by category (ANALYTICS §5).
pub(crate) fn next_steps(category: Category) -> &'static str {
    match category {
        Category::VprBias => "Управление образования проверит результаты вместе со школой: на следующих проверочных работах в школе будут работать независимые наблюдатели и видеонаблюдение, муниципальная комиссия выборочно перепроверит работы, школа проанализирует причины и утвердит план мер.",
        Category::Marking => "Школа пересмотрит критерии текущих отметок во внутренней системе оценки качества (ВСОКО): учителя проведут перекрёстную проверку контрольных работ, а управление образования сверит отметки в журнале с результатами следующих процедур.",
        Category::Gia => "Управление образования сверит результаты с данными других процедур и при следующей аттестации направит в школу независимых наблюдателей.",
    }
}

/// The auxiliary remark on few confirmed journal marks (ANALYTICS §2b): not a sign.
pub(crate) fn few_confirmed_note(confirmed_below: f64) -> String {
    format!(
        "вспомогательное замечание (не признак): отметку из журнала подтвердили меньше {} участников, чьи отметки сравнивались",
        format_value(confirmed_below * 100.0, 0, "%")
    )
}

/// The warning when more than `contamination` of schools have ВПР signs, worded by
/// where the year's benchmarks come from (ANALYTICS §4).
pub(crate) fn contamination(
    share: f64,
    rules: &AnalyticsRules,
    sources: &std::collections::BTreeSet<Source>,
) -> String {
    let head = format!(
        "Признаки ВПР выявлены у {} школ округа — больше {}.",
        format_value(share * 100.0, 0, "%"),
        format_value(rules.contamination * 100.0, 0, "%")
    );
    let region = sources.contains(&Source::Region);
    let municipality = sources.contains(&Source::Municipality);
    let tail = match (region, municipality) {
        (true, false) => "База сравнения в этом году — результаты региона, поэтому на сами признаки это не влияет; но такая доля школ с признаками требует отдельного анализа условий проведения ВПР в округе.",
        (true, true) => "Часть процедур сравнивается с результатами региона, а часть — с другими школами округа, потому что для них данных региона нет. Для второй части сравнение ненадёжно: когда признаков так много, средний результат других школ тоже может быть завышен. Управлению образования стоит добавить в данные результаты региона по этим классам и предметам.",
        _ => "Когда признаков так много, сравнение с другими школами округа ненадёжно: их средний результат тоже может быть завышен. Управлению образования стоит добавить в данные результаты региона (файл vpr/<год>-region.csv), чтобы сравнивать с ними.",
    };
    format!("{head} {tail}")
}

/// A share (a fraction) as «93,8 %».
pub(crate) fn percent(value: f64) -> String {
    format_value(value * 100.0, 1, "%")
}

/// A difference of shares as «+46,2 п.п.».
pub(crate) fn points(value: f64) -> String {
    format_change_value(value * 100.0, 1, "%")
}

/// A mean: ОГЭ marks with two decimals, ЕГЭ points with one.
pub(crate) fn mean(procedure: Procedure, value: f64) -> String {
    match procedure {
        Procedure::Oge => format_number(value, 2),
        _ => format_number(value, 1),
    }
}

pub(crate) fn z(value: Option<f64>) -> String {
    value.map_or("—".into(), |z| format_number(z, 2))
}

/// Who rule d counts in a regime: «медалисты» before 2024, «претенденты на медаль»
/// (итоговые «отлично», the medal awaiting the ЕГЭ) from 2024 on. Each regime's term
/// is used only for its own years.
pub(crate) fn medal_group(regime: MedalRegime) -> &'static str {
    match regime {
        MedalRegime::Medalists => "медалисты",
        _ => "претенденты на медаль",
    }
}

/// The same in the genitive plural, after a number: «6 медалистов».
pub(crate) fn medal_group_of(regime: MedalRegime) -> &'static str {
    match regime {
        MedalRegime::Medalists => "медалистов",
        _ => "претендентов на медаль",
    }
}

/// The regime of a year's medals, when the rules give one.
pub(crate) fn medal_regime(rules: &AnalyticsRules, year: i32) -> MedalRegime {
    rules
        .medals
        .get(&year)
        .map_or(MedalRegime::Candidates, |m| m.regime)
}

/// «ВПР, 5 класс, математика (углублённая)», «ЕГЭ, медали».
pub(crate) fn procedure_label(key: &ProcKey) -> String {
    let mut parts = vec![key.procedure.label().to_string()];
    if let Some(grade) = key.grade {
        parts.push(format!("{grade} класс"));
    }
    match &key.subject {
        Some(subject) => parts.push(match &key.variant {
            Some(variant) => format!("{subject} ({variant})"),
            None => subject.clone(),
        }),
        None => parts.push("медали".into()),
    }
    parts.join(", ")
}

/// «5 класс, математика» for a sentence in brackets.
fn grade_subject(key: &ProcKey) -> String {
    let mut parts = Vec::new();
    if let Some(grade) = key.grade {
        parts.push(format!("{grade} класс"));
    }
    if let Some(subject) = &key.subject {
        parts.push(subject.clone());
    }
    parts.join(", ")
}

/// «в среднем по региону» or «в среднем по другим школам округа».
pub(crate) fn benchmark_words(source: Source) -> &'static str {
    match source {
        Source::Region => "в среднем по региону",
        Source::Municipality => "в среднем по другим школам округа",
    }
}

/// The benchmark as a column heading: «регион», «другие школы округа».
pub(crate) fn benchmark_name(source: Source) -> &'static str {
    match source {
        Source::Region => "регион",
        Source::Municipality => "другие школы округа",
    }
}

/// What was compared, for a table: «доля «4» и «5»».
pub(crate) fn measure_label(measure: Measure, procedure: Procedure) -> &'static str {
    match measure {
        Measure::Quality => "доля «4» и «5»",
        Measure::Top => "доля «5»",
        Measure::Raised => "доля, у кого отметка за ВПР выше журнальной",
        Measure::Lowered => "доля, у кого отметка за ВПР ниже журнальной",
        Measure::QualityChange => "изменение доли «4» и «5»",
        Measure::MedalsNotConfirmed => "доля не подтвердивших результат на ЕГЭ",
        Measure::GiaMean if procedure == Procedure::Oge => "средний балл ОГЭ",
        Measure::GiaMean => "средний балл ЕГЭ",
        Measure::OgeMean => "средний балл ОГЭ через год",
    }
}

/// Who `n` counts, for the table: participants, marks compared (b1, b2) or medal
/// candidates (d).
pub(crate) fn n_text(f: &Finding) -> String {
    let n = f.n as usize;
    match f.rule {
        Rule::B1 | Rule::B2 => format!("сравнено отметок: {n}"),
        Rule::D => match f.detail {
            Detail::Medals {
                regime: MedalRegime::Medalists,
                ..
            } => format!("медалистов: {n}"),
            _ => format!("претендентов: {n}"),
        },
        _ => format!("{n} {}", plural(n, "участник", "участника", "участников")),
    }
}

/// A value of a finding as printed.
pub(crate) fn value_text(f: &Finding, value: f64) -> String {
    if let Detail::Medals {
        candidates,
        not_confirmed,
        count_only: true,
        ..
    } = f.detail
    {
        // A handful of candidates: the count, no rate (nor a rate to compare with).
        return if (value - f.value).abs() < 1e-12 {
            format!("{not_confirmed} из {candidates}")
        } else {
            "—".into()
        };
    }
    match f.measure {
        Measure::QualityChange => points(value),
        Measure::GiaMean => mean(f.key.procedure, value),
        Measure::OgeMean => mean(Procedure::Oge, value),
        _ => percent(value),
    }
}

/// The difference of a finding as printed.
pub(crate) fn difference_text(f: &Finding) -> String {
    if matches!(
        f.detail,
        Detail::Medals {
            count_only: true,
            ..
        }
    ) {
        return "—".into();
    }
    match (f.difference, f.measure.is_share()) {
        (None, _) => "—".into(),
        (Some(d), true) => points(d),
        (Some(d), false) => {
            let text = mean(
                if f.measure == Measure::OgeMean {
                    Procedure::Oge
                } else {
                    f.key.procedure
                },
                d.abs(),
            );
            if d < 0.0 {
                format!("−{text}")
            } else {
                format!("+{text}")
            }
        }
    }
}

/// The thresholds, short: «≥ 20 п.п., z ≥ 2,33».
pub(crate) fn threshold_text(f: &Finding) -> String {
    let z = |z: Option<f64>| format!("z\u{a0}≥\u{a0}{}", format_number(z.unwrap_or(0.0), 2));
    let pp = |e: Option<f64>| format_number(e.unwrap_or(0.0) * 100.0, 0);
    match f.rule {
        Rule::C => format!(
            "|разница|\u{a0}≥\u{a0}{}\u{a0}п.п., {}",
            pp(f.threshold.effect),
            z(f.threshold.z)
        ),
        Rule::D => format!(
            "≥\u{a0}{}\u{a0}чел. и\u{a0}≥\u{a0}{}",
            f.threshold.count.unwrap_or(0),
            format_value(f.threshold.effect.unwrap_or(0.0) * 100.0, 0, "%")
        ),
        Rule::E => format!("{} для обоих", z(f.threshold.z)),
        Rule::F => "не выше базы сравнения".into(),
        _ => format!(
            "≥\u{a0}{}\u{a0}п.п., {}",
            pp(f.threshold.effect),
            z(f.threshold.z)
        ),
    }
}

/// The sentence a parent reads (ANALYTICS §2).
pub(crate) fn sentence(f: &Finding, rules: &AnalyticsRules) -> String {
    let bench = f.benchmark.unwrap_or(0.0);
    let words = benchmark_words(f.source);
    let at = grade_subject(&f.key);
    let mut text = match (&f.rule, &f.detail) {
        (Rule::A, _) => format!(
            "{} по ВПР ({at}, {}) — {} при {} {words}. Такая разница встречается редко; её проверяют.",
            if f.measure == Measure::Top { "Доля «5»" } else { "Доля «4» и «5»" },
            f.year,
            percent(f.value),
            percent(bench)
        ),
        (Rule::B1, _) => format!(
            "У {} участников ВПР ({at}), чьи отметки сравнивались с журналом, отметка за работу выше отметки в журнале ({words} — {}).",
            percent(f.value),
            percent(bench)
        ),
        (Rule::B2, _) => format!(
            "У {} участников ВПР ({at}), чьи отметки сравнивались с журналом, отметка за работу ниже отметки в журнале ({words} — {}): текущие отметки, возможно, завышены.",
            percent(f.value),
            percent(bench)
        ),
        (Rule::C, Detail::Change { kind, earlier, later, .. }) => {
            let subject = f.key.subject.as_deref().unwrap_or_default();
            let change = format!(
                "{words} за это время доля изменилась на {}",
                points(later.benchmark - earlier.benchmark)
            );
            match kind {
                ChangeKind::Cohort => format!(
                    "Этот же класс ({subject}) в {} классе ({}) получил {} «4» и «5», а в {} классе ({}) — {}; {change}.",
                    earlier.grade,
                    earlier.year,
                    percent(earlier.value),
                    later.grade,
                    later.year,
                    percent(later.value)
                ),
                ChangeKind::SameGrade => format!(
                    "В {} классе ({subject}) доля «4» и «5» составила {} в {} году и {} в {} году (это разные классы); {change}.",
                    earlier.grade,
                    percent(earlier.value),
                    earlier.year,
                    percent(later.value),
                    later.year
                ),
            }
        }
        (Rule::D, Detail::Medals { candidates, not_confirmed, points, regime, count_only }) => {
            let who = match regime {
                MedalRegime::Medalists => plural(*candidates as usize, "медалиста", "медалистов", "медалистов"),
                _ => plural(*candidates as usize, "претендента на медаль (с итоговыми отметками «отлично»)", "претендентов на медаль (с итоговыми отметками «отлично»)", "претендентов на медаль (с итоговыми отметками «отлично»)"),
            };
            // A handful of candidates: the count only, no rate (ANALYTICS §2d).
            let rate = if *count_only {
                String::new()
            } else {
                format!(
                    " — {}{}",
                    percent(f.value),
                    f.benchmark
                        .map_or(String::new(), |b| format!(" ({words} — {})", percent(b)))
                )
            };
            format!(
                "Из {candidates} {who} {not_confirmed} не {} на ЕГЭ {}{rate}.",
                plural(*not_confirmed as usize, "набрал", "набрали", "набрали"),
                format_value(*points, 0, "балл"),
            )
        }
        (Rule::E, Detail::Gia { high, high_benchmark, .. }) => {
            let (what, top) = match f.key.procedure {
                Procedure::Oge => ("ОГЭ", "доля отметок «5»"),
                _ => ("ЕГЭ", "доля результатов 81–100 баллов"),
            };
            format!(
                "Средний балл {what} ({}) — {} при {} {words}; {top} — {} при {}.",
                f.key.subject.as_deref().unwrap_or_default(),
                mean(f.key.procedure, f.value),
                mean(f.key.procedure, bench),
                percent(*high),
                percent(*high_benchmark)
            )
        }
        (Rule::F, Detail::CohortGia { oge_year }) => format!(
            "Высокий результат ВПР в 8 классе ({}) не подтвердился через год на ОГЭ: в {oge_year} году средний балл ОГЭ этих учеников — {} при {} {words}.",
            f.key.subject.as_deref().unwrap_or_default(),
            mean(Procedure::Oge, f.value),
            mean(Procedure::Oge, bench)
        ),
        _ => rule_title(f.rule).to_string(),
    };
    if text.ends_with("п.п..") {
        text.pop();
    }
    if f.limited {
        let notes: Vec<String> = match &f.detail {
            Detail::Change { earlier, later, .. } => [earlier.year, later.year]
                .iter()
                .filter_map(|y| rules.breaks.get(y).map(DataBreak::note))
                .collect(),
            _ => rules
                .breaks
                .get(&f.year)
                .map(DataBreak::note)
                .into_iter()
                .collect(),
        };
        text.push_str(&format!(
            " Сопоставимость ограничена: {}.",
            notes.join("; ")
        ));
    }
    text
}

/// For rule c, every number needed to recompute it by hand (ANALYTICS §4): both
/// years' n and shares of the school and of the benchmark, the DiD, its z with the
/// benchmark's own uncertainty, and the z across schools (shown, never gated on).
pub(crate) fn recompute(f: &Finding) -> Option<String> {
    let Detail::Change {
        kind,
        earlier,
        later,
        across_z,
        across_of,
    } = &f.detail
    else {
        return None;
    };
    let count = |value: f64, n: u32| (value * f64::from(n)).round() as u32;
    let group = |p: &ChangePoint| {
        format!(
            "{} из {} ({}) в {} году, {} класс",
            count(p.value, p.n),
            p.n,
            percent(p.value),
            p.year,
            p.grade
        )
    };
    let bench = |p: &ChangePoint| {
        format!(
            "{} из {} в {} году",
            percent(p.benchmark),
            format_number(f64::from(p.benchmark_n), 0),
            p.year
        )
    };
    let across = match across_z {
        Some(z) => format!(
            "Для сведения: z по школам округа (изменение школы среди {across_of} {} с таким же сравнением) — {}; на признак он не влияет.",
            plural(*across_of, "школы", "школ", "школ"),
            format_number(*z, 2)
        ),
        None => format!(
            "z по школам округа не рассчитывается: такое сравнение есть только у {across_of} {} (нужно не меньше трёх).",
            plural(*across_of, "школы", "школ", "школ")
        ),
    };
    Some(format!(
        "Как пересчитать ({}): «4» и «5» у школы — {} и {}, изменение {}; база сравнения ({}) — {} и {}, изменение {}; разница изменений {}; z = {} — сравнение двух долей, в котором учтён разброс и изменения школы, и изменения базы сравнения. {across}",
        match kind {
            ChangeKind::Cohort => format!(
                "правило c, тот же класс: {} → {} класс",
                earlier.grade, later.grade
            ),
            ChangeKind::SameGrade => format!(
                "правило c, {} класс в {} и {} годах",
                later.grade, earlier.year, later.year
            ),
        },
        group(earlier),
        group(later),
        points(later.value - earlier.value),
        benchmark_name(f.source),
        bench(earlier),
        bench(later),
        points(later.benchmark - earlier.benchmark),
        f.difference.map_or("—".into(), points),
        z(f.z)
    ))
}

/// The sentence for a high result expected of a profile school.
pub(crate) fn expected_sentence(f: &Finding) -> String {
    let what = match (f.key.procedure, f.measure) {
        (Procedure::Vpr, Measure::Top) => "доля «5» по ВПР",
        (Procedure::Vpr, _) => "доля «4» и «5» по ВПР",
        (Procedure::Oge, _) => "средний балл ОГЭ",
        _ => "средний балл ЕГЭ",
    };
    format!(
        "{} ({}): {what} — {} при {} {}.",
        procedure_label(&f.key),
        f.year,
        value_text(f, f.value),
        f.benchmark.map_or("—".into(), |b| value_text(f, b)),
        benchmark_words(f.source)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::objectivity::Threshold;

    fn finding(rule: Rule, detail: Detail) -> Finding {
        Finding {
            rule,
            year: 2025,
            org: 0,
            key: ProcKey::vpr(5, "математика", None),
            measure: Measure::Quality,
            n: 25,
            value: 0.92,
            benchmark: Some(0.55),
            source: Source::Municipality,
            difference: Some(0.37),
            z: Some(3.719),
            threshold: Threshold::of(&crate::model::EffectRule {
                effect: 0.2,
                z: 2.33,
            }),
            exempt: false,
            limited: false,
            detail,
        }
    }

    #[test]
    fn words_the_contamination_warning_by_the_benchmark_in_use() {
        let rules = AnalyticsRules::default();
        let of =
            |sources: &[Source]| contamination(0.4, &rules, &sources.iter().copied().collect());
        let region = of(&[Source::Region]);
        assert!(
            region.starts_with("Признаки ВПР выявлены у 40\u{a0}% школ округа — больше 30\u{a0}%."),
            "{region}"
        );
        assert!(region.contains("База сравнения в этом году — результаты региона"));
        assert!(!region.contains("стоит добавить"));
        let municipal = of(&[Source::Municipality]);
        assert!(municipal.contains("сравнение с другими школами округа ненадёжно"));
        assert!(municipal.contains("добавить в данные результаты региона"));
        assert!(of(&[Source::Region, Source::Municipality]).contains("Часть процедур"));
    }

    #[test]
    fn labels_n_by_what_it_counts() {
        let mut f = finding(Rule::B1, Detail::None);
        assert_eq!(n_text(&f), "сравнено отметок: 25");
        f.rule = Rule::A;
        assert_eq!(n_text(&f), "25 участников");
        f.n = 21;
        assert_eq!(n_text(&f), "21 участник");
    }

    #[test]
    fn writes_the_parent_sentence_of_rule_a() {
        let f = finding(Rule::A, Detail::None);
        assert_eq!(
            sentence(&f, &AnalyticsRules::default()),
            "Доля «4» и «5» по ВПР (5 класс, математика, 2025) — 92,0\u{a0}% при 55,0\u{a0}% в среднем по другим школам округа. Такая разница встречается редко; её проверяют."
        );
        assert_eq!(
            threshold_text(&f),
            "≥\u{a0}20\u{a0}п.п., z\u{a0}≥\u{a0}2,33"
        );
        assert_eq!(difference_text(&f), "+37,0\u{a0}п.п.");
        assert_eq!(procedure_label(&f.key), "ВПР, 5 класс, математика");
    }

    #[test]
    fn writes_a_cohort_change_with_its_data_break() {
        let point = |year, grade, value, benchmark| ChangePoint {
            benchmark_n: 100,
            year,
            grade,
            n: 20,
            value,
            benchmark,
        };
        let mut f = finding(
            Rule::C,
            Detail::Change {
                kind: ChangeKind::Cohort,
                earlier: point(2024, 4, 0.9, 0.6),
                later: point(2025, 5, 0.41, 0.54),
                across_z: Some(-1.234),
                across_of: 9,
            },
        );
        f.limited = true;
        f.difference = Some(-0.43);
        f.z = Some(2.632);
        assert_eq!(
            recompute(&f).unwrap(),
            "Как пересчитать (правило c, тот же класс: 4 → 5 класс): «4» и «5» у школы — 18 из 20 (90,0\u{a0}%) в 2024 году, 4 класс и 8 из 20 (41,0\u{a0}%) в 2025 году, 5 класс, изменение −49,0\u{a0}п.п.; база сравнения (другие школы округа) — 60,0\u{a0}% из 100 в 2024 году и 54,0\u{a0}% из 100 в 2025 году, изменение −6,0\u{a0}п.п.; разница изменений −43,0\u{a0}п.п.; z = 2,63 — сравнение двух долей, в котором учтён разброс и изменения школы, и изменения базы сравнения. Для сведения: z по школам округа (изменение школы среди 9 школ с таким же сравнением) — −1,23; на признак он не влияет."
        );
        let text = sentence(&f, &AnalyticsRules::default());
        assert!(text.starts_with("Этот же класс (математика) в 4 классе (2024) получил 90,0\u{a0}% «4» и «5», а в 5 классе (2025) — 41,0\u{a0}%; в среднем по другим школам округа за это время доля изменилась на −6,0\u{a0}п.п."), "{text}");
        assert!(text.contains("Сопоставимость ограничена: ВПР в 11 классах не проводились"));
    }

    #[test]
    fn writes_medals_with_the_right_word_forms() {
        let mut f = finding(
            Rule::D,
            Detail::Medals {
                candidates: 6,
                not_confirmed: 2,
                points: 70.0,
                regime: MedalRegime::Candidates,
                count_only: false,
            },
        );
        f.key = ProcKey::medals();
        f.value = 2.0 / 6.0;
        f.benchmark = None;
        assert_eq!(
            sentence(&f, &AnalyticsRules::default()),
            "Из 6 претендентов на медаль (с итоговыми отметками «отлично») 2 не набрали на ЕГЭ 70\u{a0}баллов — 33,3\u{a0}%."
        );
        assert_eq!(procedure_label(&f.key), "ЕГЭ, медали");
        f.n = 6;
        assert_eq!(n_text(&f), "претендентов: 6");
    }

    #[test]
    fn writes_only_the_count_for_three_medal_candidates_or_fewer() {
        let mut f = finding(
            Rule::D,
            Detail::Medals {
                candidates: 3,
                not_confirmed: 2,
                points: 70.0,
                regime: MedalRegime::Candidates,
                count_only: true,
            },
        );
        f.key = ProcKey::medals();
        f.value = 2.0 / 3.0;
        assert_eq!(
            sentence(&f, &AnalyticsRules::default()),
            "Из 3 претендентов на медаль (с итоговыми отметками «отлично») 2 не набрали на ЕГЭ 70\u{a0}баллов."
        );
        assert_eq!(value_text(&f, f.value), "2 из 3");
        // No rate and no difference of rates, whatever the finding holds.
        assert_eq!(difference_text(&f), "—");
    }

    #[test]
    fn uses_the_term_of_each_medal_regime_for_its_years() {
        // 2023 (before the 2024 order): medalists below 70; 2024: candidates.
        let medalists = Detail::Medals {
            candidates: 8,
            not_confirmed: 3,
            points: 70.0,
            regime: MedalRegime::Medalists,
            count_only: false,
        };
        let mut f = finding(Rule::D, medalists);
        f.year = 2023;
        f.key = ProcKey::medals();
        f.measure = Measure::MedalsNotConfirmed;
        f.value = 3.0 / 8.0;
        f.benchmark = None;
        let text = sentence(&f, &AnalyticsRules::default());
        assert_eq!(
            text,
            "Из 8 медалистов 3 не набрали на ЕГЭ 70\u{a0}баллов — 37,5\u{a0}%."
        );
        assert!(!text.contains("претендент"));
        f.n = 8;
        assert_eq!(n_text(&f), "медалистов: 8");
        assert!(!rule_title(Rule::D).contains("претендент"));
        assert!(!measure_label(f.measure, f.key.procedure).contains("претендент"));
        assert!(!procedure_label(&f.key).contains("претендент"));
        let rules = crate::analyze::objectivity::testing_medal_rules();
        assert_eq!(medal_group(medal_regime(&rules, 2023)), "медалисты");
        assert_eq!(
            medal_group(medal_regime(&rules, 2024)),
            "претенденты на медаль"
        );
    }
}
