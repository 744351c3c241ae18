use chrono::NaiveDate;

use super::{parse_deadline, DateSpan, Deadline, PlanPeriod, Recurrence, UnreadableDeadline};
use Recurrence::{
    BySchedule, Continuous, EveryNYears, Monthly, OnDemand, OnEvent, Quarterly, Yearly,
};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are ISO")
}

fn period((from, to): (&str, &str)) -> PlanPeriod {
    PlanPeriod {
        from: date(from),
        to: date(to),
    }
}

fn span(start: &str, end: &str) -> DateSpan {
    DateSpan {
        start: date(start),
        end: date(end),
    }
}

fn read(text: &str, plan: (&str, &str)) -> Deadline {
    parse_deadline(text, &period(plan))
        .unwrap_or_else(|e| panic!("{text:?} unreadable: {}", e.reason))
}

fn why_unreadable(text: &str, plan: (&str, &str)) -> String {
    match parse_deadline(text, &period(plan)) {
        Ok(deadline) => panic!("{text:?} should be unreadable, got {deadline:?}"),
        Err(UnreadableDeadline {
            text: kept, reason, ..
        }) => {
            assert_eq!(kept, text, "the original text is kept");
            reason
        }
    }
}

/// Seed 000: приказ УО Советского ГО от 27.12.2018 № 155, «Дорожная карта» and the
/// objectivity roadmap. The act states no period; its dated items run 2018-2019 ..
/// 2022-2024, so the plan runs from the act's date to the end of 2024.
const SOVETSK: (&str, &str) = ("2018-12-27", "2024-12-31");
/// Seed 002: приказ КСР Петрозаводского ГО от 15.09.2020 № 362, план «на 2020-2021 учебный год».
const PETROZAVODSK: (&str, &str) = ("2020-09-01", "2021-08-31");
/// The period used for the examples of SPEC.md and of the issue.
const SCHOOL_2021: (&str, &str) = ("2021-09-01", "2022-08-31");

/// (text, plan period, start, end, recurrence, number of spans)
#[rustfmt::skip]
type Row = (&'static str, (&'static str, &'static str), Option<&'static str>, Option<&'static str>, Option<Recurrence>, usize);

/// Every distinct «Сроки» cell of the seed plans (000, 002; 004 has no plan table),
/// exactly as written. Two cells broken by a page break are joined: «по мере» +
/// «необходимости», «при возникновении» + «необходимости».
#[rustfmt::skip]
const SEED_ROWS: [Row; 62] = [
    // 000: «Дорожная карта» по развитию МСОКО
    ("Ежегодно по необходимости", SOVETSK, Some("2018-12-27"), Some("2024-12-31"), Some(Yearly), 1),
    ("апрель 2020", SOVETSK, Some("2020-04-01"), Some("2020-04-30"), None, 1),
    ("ежегодно", SOVETSK, Some("2018-12-27"), Some("2024-12-31"), Some(Yearly), 1),
    ("2021-2022", SOVETSK, Some("2021-01-01"), Some("2022-12-31"), None, 1),
    ("по потребности", SOVETSK, None, None, Some(OnDemand), 0),
    ("в соответствии с графиком проведения МСИ", SOVETSK, None, None, Some(BySchedule), 0),
    ("в соответствии с графиком проведения НИКО", SOVETSK, None, None, Some(BySchedule), 0),
    ("1 раз в 3 года для каждой образовательной организации", SOVETSK, Some("2018-12-27"), Some("2024-12-31"), Some(EveryNYears(3)), 1),
    ("постоянно", SOVETSK, Some("2018-12-27"), Some("2024-12-31"), Some(Continuous), 1),
    ("август ежегодно", SOVETSK, Some("2019-08-01"), Some("2024-08-31"), Some(Yearly), 6),
    ("август-ноябрь ежегодно", SOVETSK, Some("2019-08-01"), Some("2024-11-30"), Some(Yearly), 6),
    ("по графику муниципальных мероприятий отдела образования", SOVETSK, None, None, Some(BySchedule), 0),
    ("по графику повышения квалификации ОО на учебный год", SOVETSK, None, None, Some(BySchedule), 0),
    ("Ежегодно при необходимости", SOVETSK, Some("2018-12-27"), Some("2024-12-31"), Some(Yearly), 1),
    ("по графику Министерства", SOVETSK, None, None, Some(BySchedule), 0),
    ("2018-2019, ежегодно", SOVETSK, Some("2018-01-01"), Some("2024-12-31"), Some(Yearly), 1),
    ("по региональному графику", SOVETSK, None, None, Some(BySchedule), 0),
    ("2018-2019", SOVETSK, Some("2018-01-01"), Some("2019-12-31"), None, 1),
    ("2019", SOVETSK, Some("2019-01-01"), Some("2019-12-31"), None, 1),
    ("2019-2020, 2022-2024", SOVETSK, Some("2019-01-01"), Some("2024-12-31"), None, 2),
    ("2018-2022 год", SOVETSK, Some("2018-01-01"), Some("2022-12-31"), None, 1),
    ("2020 год", SOVETSK, Some("2020-01-01"), Some("2020-12-31"), None, 1),
    ("2020-2021 год", SOVETSK, Some("2020-01-01"), Some("2021-12-31"), None, 1),
    // 000: «Дорожная карта» мероприятий повышения объективности оценивания
    ("В течении месяца после получения результатов независимой оценочной процедуры", SOVETSK, None, None, Some(OnEvent), 0),
    ("не позднее 1 рабочего дня до проведения оценочной процедуры", SOVETSK, None, None, Some(OnEvent), 0),
    ("Постоянно в соответствии с графиком проведения ВсОШ, региональных олимпиад/конкурсов, ВПР, ГИА-9", SOVETSK, Some("2018-12-27"), Some("2024-12-31"), Some(Continuous), 1),
    ("в соответствии с графиком оценочных процедур", SOVETSK, None, None, Some(BySchedule), 0),
    ("по мере необходимости", SOVETSK, None, None, Some(OnDemand), 0),
    ("апрель-май", SOVETSK, Some("2019-04-01"), Some("2019-05-31"), None, 1),
    ("по графику оценочных процедур", SOVETSK, None, None, Some(BySchedule), 0),
    ("август", SOVETSK, Some("2019-08-01"), Some("2019-08-31"), None, 1),
    ("при возникновении необходимости", SOVETSK, None, None, Some(OnDemand), 0),
    ("по графику мероприятий управления образования", SOVETSK, None, None, Some(BySchedule), 0),
    // 002: план мероприятий управления качеством образования на 2020-2021 учебный год
    ("По графику ФИОКО и НИКО", PETROZAVODSK, None, None, Some(BySchedule), 0),
    ("Сентябрь 2020", PETROZAVODSK, Some("2020-09-01"), Some("2020-09-30"), None, 1),
    ("Октябрь - декабрь 2020", PETROZAVODSK, Some("2020-10-01"), Some("2020-12-31"), None, 1),
    ("Январь – апрель 2021", PETROZAVODSK, Some("2021-01-01"), Some("2021-04-30"), None, 1),
    ("Октябрь 2020", PETROZAVODSK, Some("2020-10-01"), Some("2020-10-31"), None, 1),
    ("Ноябрь-декабрь 2020", PETROZAVODSK, Some("2020-11-01"), Some("2020-12-31"), None, 1),
    ("По отдельному графику", PETROZAVODSK, None, None, Some(BySchedule), 0),
    ("По факту", PETROZAVODSK, None, None, Some(OnEvent), 0),
    ("Сентябрь – декабрь 2020", PETROZAVODSK, Some("2020-09-01"), Some("2020-12-31"), None, 1),
    ("Ноябрь – декабрь 2020", PETROZAVODSK, Some("2020-11-01"), Some("2020-12-31"), None, 1),
    ("Декабрь 2020", PETROZAVODSK, Some("2020-12-01"), Some("2020-12-31"), None, 1),
    ("Январь 2021", PETROZAVODSK, Some("2021-01-01"), Some("2021-01-31"), None, 1),
    ("Январь – февраль 2021", PETROZAVODSK, Some("2021-01-01"), Some("2021-02-28"), None, 1),
    ("Апрель 2021", PETROZAVODSK, Some("2021-04-01"), Some("2021-04-30"), None, 1),
    ("Сентябрь-декабрь", PETROZAVODSK, Some("2020-09-01"), Some("2020-12-31"), None, 1),
    ("Апрель – май 2021", PETROZAVODSK, Some("2021-04-01"), Some("2021-05-31"), None, 1),
    ("Март – апрель 2021", PETROZAVODSK, Some("2021-03-01"), Some("2021-04-30"), None, 1),
    ("Май – декабрь 2021", PETROZAVODSK, Some("2021-05-01"), Some("2021-12-31"), None, 1),
    ("По результатам процедур ОКО", PETROZAVODSK, None, None, Some(OnEvent), 0),
    ("По плану проведения процедур ОКО", PETROZAVODSK, None, None, Some(BySchedule), 0),
    ("В течение года", PETROZAVODSK, Some("2020-09-01"), Some("2021-08-31"), Some(Continuous), 1),
    ("В течение учебного года", PETROZAVODSK, Some("2020-09-01"), Some("2021-08-31"), Some(Continuous), 1),
    ("ноябрь-декабрь", PETROZAVODSK, Some("2020-11-01"), Some("2020-12-31"), None, 1),
    ("Октябрь – ноябрь 2020", PETROZAVODSK, Some("2020-10-01"), Some("2020-11-30"), None, 1),
    ("Октябрь – декабрь 2020", PETROZAVODSK, Some("2020-10-01"), Some("2020-12-31"), None, 1),
    ("По графику ОО", PETROZAVODSK, None, None, Some(BySchedule), 0),
    ("Октябрь 2020 – апрель 2021", PETROZAVODSK, Some("2020-10-01"), Some("2021-04-30"), None, 1),
    ("Сентябрь – октябрь 2020", PETROZAVODSK, Some("2020-09-01"), Some("2020-10-31"), None, 1),
    ("В соответствии с федеральным графиком проведения", PETROZAVODSK, None, None, Some(BySchedule), 0),
];

/// The examples of SPEC.md «Plans and roadmaps» and of the issue.
#[rustfmt::skip]
const EXAMPLE_ROWS: [Row; 39] = [
    ("До 01.12.2021", SCHOOL_2021, Some("2021-09-01"), Some("2021-12-01"), None, 1),
    ("31.12.2021", SCHOOL_2021, Some("2021-12-31"), Some("2021-12-31"), None, 1),
    ("До 15.12.21", SCHOOL_2021, Some("2021-09-01"), Some("2021-12-15"), None, 1),
    ("Сентябрь 2020", SCHOOL_2021, Some("2020-09-01"), Some("2020-09-30"), None, 1),
    ("Сентябрь – октябрь 2021", SCHOOL_2021, Some("2021-09-01"), Some("2021-10-31"), None, 1),
    ("Октябрь 2020 – апрель 2021", SCHOOL_2021, Some("2020-10-01"), Some("2021-04-30"), None, 1),
    ("Ноябрь-декабрь 2020", SCHOOL_2021, Some("2020-11-01"), Some("2020-12-31"), None, 1),
    ("апрель-май", SCHOOL_2021, Some("2022-04-01"), Some("2022-05-31"), None, 1),
    ("1 квартал 2022", SCHOOL_2021, Some("2022-01-01"), Some("2022-03-31"), None, 1),
    ("2 полугодие 2021-2022 учебного года", SCHOOL_2021, Some("2022-01-01"), Some("2022-08-31"), None, 1),
    ("2021-2022 уч г", SCHOOL_2021, Some("2021-09-01"), Some("2022-08-31"), None, 1),
    ("2018-2022 год", SCHOOL_2021, Some("2018-01-01"), Some("2022-12-31"), None, 1),
    ("2019-2020, 2022-2024", SCHOOL_2021, Some("2019-01-01"), Some("2024-12-31"), None, 2),
    ("Август 2022 и далее - ежегодно", SCHOOL_2021, Some("2022-08-01"), Some("2022-08-31"), Some(Yearly), 1),
    ("ежегодно, октябрь", SCHOOL_2021, Some("2021-10-01"), Some("2021-10-31"), Some(Yearly), 1),
    ("ежегодно", SCHOOL_2021, Some("2021-09-01"), Some("2022-08-31"), Some(Yearly), 1),
    ("постоянно", SCHOOL_2021, Some("2021-09-01"), Some("2022-08-31"), Some(Continuous), 1),
    ("в течение года", SCHOOL_2021, Some("2021-09-01"), Some("2022-08-31"), Some(Continuous), 1),
    ("по графику ФИОКО", SCHOOL_2021, None, None, Some(BySchedule), 0),
    ("по потребности", SCHOOL_2021, None, None, Some(OnDemand), 0),
    ("1 раз в 3 года", SCHOOL_2021, Some("2021-09-01"), Some("2022-08-31"), Some(EveryNYears(3)), 1),
    ("1 раз в квартал", SCHOOL_2021, Some("2021-09-01"), Some("2022-08-31"), Some(Quarterly), 1),
    ("До конца 2021 года", SCHOOL_2021, Some("2021-09-01"), Some("2021-12-31"), None, 1),
    ("декабрь 2021 г.", SCHOOL_2021, Some("2021-12-01"), Some("2021-12-31"), None, 1),
    ("IV квартал 2021", SCHOOL_2021, Some("2021-10-01"), Some("2021-12-31"), None, 1),
    ("I полугодие", SCHOOL_2021, Some("2021-09-01"), Some("2021-12-31"), None, 1),
    ("1 полугодие 2022", SCHOOL_2021, Some("2022-01-01"), Some("2022-06-30"), None, 1),
    ("май, сентябрь 2022", SCHOOL_2021, Some("2022-05-01"), Some("2022-09-30"), None, 2),
    ("в течение 2021-2022 учебного года", SCHOOL_2021, Some("2021-09-01"), Some("2022-08-31"), Some(Continuous), 1),
    ("ежеквартально", SCHOOL_2021, Some("2021-09-01"), Some("2022-08-31"), Some(Quarterly), 1),
    ("ежемесячно", SCHOOL_2021, Some("2021-09-01"), Some("2022-08-31"), Some(Monthly), 1),
    ("Постоянно", SCHOOL_2021, Some("2021-09-01"), Some("2022-08-31"), Some(Continuous), 1),
    ("По отдельному плану", SCHOOL_2021, None, None, Some(BySchedule), 0),
    ("в соответствии с графиком", SCHOOL_2021, None, None, Some(BySchedule), 0),
    ("Сентябрь-октябрь", SCHOOL_2021, Some("2021-09-01"), Some("2021-10-31"), None, 1),
    ("по мере необходимости", SCHOOL_2021, None, None, Some(OnDemand), 0),
    ("по запросу", SCHOOL_2021, None, None, Some(OnDemand), 0),
    ("по итогам ГИА", SCHOOL_2021, None, None, Some(OnEvent), 0),
    ("после получения результатов", SCHOOL_2021, None, None, Some(OnEvent), 0),
];

/// Checks every row and reports all mismatches at once.
fn check_rows(rows: &[Row]) {
    let mut wrong = Vec::new();
    for &(text, plan, start, end, recurrence, count) in rows {
        match parse_deadline(text, &period(plan)) {
            Err(e) => wrong.push(format!("{text:?}: unreadable: {}", e.reason)),
            Ok(d) => {
                let got = (d.start(), d.end(), d.recurrence, d.spans.len());
                let want = (start.map(date), end.map(date), recurrence, count);
                if got != want || d.text != text {
                    wrong.push(format!("{text:?}: got {got:?}, want {want:?}"));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} rows wrong:\n{}",
        wrong.len(),
        rows.len(),
        wrong.join("\n")
    );
}

#[test]
fn reads_every_deadline_of_the_seed_plans() {
    let mut texts: Vec<_> = SEED_ROWS.iter().map(|row| row.0).collect();
    texts.sort_unstable();
    texts.dedup();
    assert_eq!(
        texts.len(),
        SEED_ROWS.len(),
        "each seed string is listed once"
    );
    check_rows(&SEED_ROWS);
}

#[test]
fn reads_the_examples_of_the_spec() {
    check_rows(&EXAMPLE_ROWS);
}

#[test]
fn reads_range_of_months() {
    let deadline = read("Сентябрь – октябрь 2021", SCHOOL_2021);
    assert_eq!(deadline.spans, [span("2021-09-01", "2021-10-31")]);
    assert_eq!(deadline.recurrence, None);
    assert_eq!(deadline.text, "Сентябрь – октябрь 2021");
}

#[test]
fn reads_range_of_months_across_new_year() {
    assert_eq!(
        read("декабрь – февраль 2021", SCHOOL_2021).spans,
        [span("2020-12-01", "2021-02-28")]
    );
    assert_eq!(
        read("ноябрь-февраль", SCHOOL_2021).spans,
        [span("2021-11-01", "2022-02-28")]
    );
    assert_eq!(
        read("ноябрь 2023 - февраль", SCHOOL_2021).spans,
        [span("2023-11-01", "2024-02-29")]
    );
}

#[test]
fn takes_year_from_school_year_period() {
    assert_eq!(
        read("Сентябрь-декабрь", PETROZAVODSK).spans,
        [span("2020-09-01", "2020-12-31")]
    );
    assert_eq!(
        read("апрель-май", PETROZAVODSK).spans,
        [span("2021-04-01", "2021-05-31")]
    );
    assert_eq!(
        read("август", PETROZAVODSK).spans,
        [span("2021-08-01", "2021-08-31")]
    );
    assert_eq!(
        read("4 квартал", PETROZAVODSK).spans,
        [span("2020-10-01", "2020-12-31")]
    );
    assert_eq!(
        read("до 15.12", PETROZAVODSK).spans,
        [span("2020-09-01", "2020-12-15")]
    );
}

#[test]
fn takes_year_from_calendar_period() {
    let plan = ("2022-01-01", "2022-12-31");
    assert_eq!(
        read("Сентябрь-октябрь", plan).spans,
        [span("2022-09-01", "2022-10-31")]
    );
    assert_eq!(
        read("I полугодие", plan).spans,
        [span("2022-01-01", "2022-06-30")]
    );
    assert_eq!(
        read("2 полугодие", plan).spans,
        [span("2022-07-01", "2022-12-31")]
    );
}

#[test]
fn carries_a_written_year_back_over_a_list() {
    let deadline = read("май, сентябрь 2022", SCHOOL_2021);
    assert_eq!(
        deadline.spans,
        [
            span("2022-05-01", "2022-05-31"),
            span("2022-09-01", "2022-09-30")
        ]
    );
    let deadline = read("декабрь, январь 2023", SCHOOL_2021);
    assert_eq!(
        deadline.spans,
        [span("2022-12-01", "2023-01-31")],
        "touching months merge"
    );
}

#[test]
fn reads_school_half_years_to_the_end_of_august() {
    assert_eq!(
        read("2 полугодие 2021-2022 учебного года", SOVETSK).spans,
        [span("2022-01-01", "2022-08-31")]
    );
    assert_eq!(
        read("1 полугодие 2021/2022 уч. г.", SOVETSK).spans,
        [span("2021-09-01", "2021-12-31")]
    );
    assert_eq!(
        read("II полугодие", PETROZAVODSK).spans,
        [span("2021-01-01", "2021-08-31")]
    );
    assert_eq!(
        read("второе полугодие 2022 года", SOVETSK).spans,
        [span("2022-07-01", "2022-12-31")]
    );
}

#[test]
fn reads_quarters_in_digits_numerals_and_words() {
    for text in [
        "4 квартал 2021",
        "IV квартал 2021",
        "4-й квартал 2021 г.",
        "четвертый квартал 2021",
        "4 кв. 2021",
    ] {
        assert_eq!(
            read(text, SCHOOL_2021).spans,
            [span("2021-10-01", "2021-12-31")],
            "{text}"
        );
    }
}

#[test]
fn starts_a_deadline_without_start_when_the_plan_starts() {
    assert_eq!(
        read("До 01.12.2021", SCHOOL_2021).spans,
        [span("2021-09-01", "2021-12-01")]
    );
    assert_eq!(
        read("не позднее 01.12.2021", SCHOOL_2021).spans,
        [span("2021-09-01", "2021-12-01")]
    );
    assert_eq!(
        read("к 15 октября 2021 года", SCHOOL_2021).spans,
        [span("2021-09-01", "2021-10-15")]
    );
    // A plan adopted after the date: the span is the one day.
    assert_eq!(
        read("До 01.12.2020", SCHOOL_2021).spans,
        [span("2020-12-01", "2020-12-01")]
    );
    assert_eq!(
        read("до конца учебного года", PETROZAVODSK).spans,
        [span("2020-09-01", "2021-08-31")]
    );
    assert_eq!(
        read("до конца года", PETROZAVODSK).spans,
        [span("2020-09-01", "2020-12-31")]
    );
}

#[test]
fn reads_ranges_of_dates() {
    let want = [span("2021-09-15", "2021-12-31")];
    assert_eq!(read("с 15.09.2021 по 31.12.2021", SCHOOL_2021).spans, want);
    assert_eq!(read("15.09.2021 – 31.12.2021", SCHOOL_2021).spans, want);
    assert_eq!(
        read("с 15 сентября по 31 декабря 2021 г.", SCHOOL_2021).spans,
        want
    );
    assert_eq!(
        read("с 01.03.2022", SCHOOL_2021).spans,
        [span("2022-03-01", "2022-08-31")]
    );
}

#[test]
fn reads_two_digit_years() {
    assert_eq!(
        read("До 15.12.21", SCHOOL_2021).end(),
        Some(date("2021-12-15"))
    );
    assert_eq!(
        read("2021-22 уч. год", SCHOOL_2021).spans,
        [span("2021-09-01", "2022-08-31")]
    );
}

#[test]
fn ignores_case_dashes_and_spelling_variants() {
    let want = [span("2021-09-01", "2021-10-31")];
    for text in [
        "СЕНТЯБРЬ—ОКТЯБРЬ 2021",
        "сентябрь‑октябрь 2021г.",
        "Сентября - октября 2021 года",
        "сент. – окт. 2021",
    ] {
        assert_eq!(read(text, SCHOOL_2021).spans, want, "{text}");
    }
    assert_eq!(
        read("В течении года", SCHOOL_2021).recurrence,
        Some(Continuous)
    );
    assert_eq!(
        read("в течение 2022 года", SCHOOL_2021).spans,
        [span("2022-01-01", "2022-12-31")]
    );
}

#[test]
fn repeats_yearly_dates_until_the_plan_ends() {
    let plan = ("2025-09-01", "2027-08-31");
    let deadline = read("ежегодно, октябрь", plan);
    assert_eq!(
        deadline.spans,
        [
            span("2025-10-01", "2025-10-31"),
            span("2026-10-01", "2026-10-31")
        ]
    );
    let deadline = read(
        "Август 2022 и далее - ежегодно",
        ("2022-01-01", "2024-12-31"),
    );
    assert_eq!(deadline.spans.len(), 3);
    assert_eq!(
        (deadline.start(), deadline.end()),
        (Some(date("2022-08-01")), Some(date("2024-08-31")))
    );
    let deadline = read("2022 год и последующие годы", ("2022-01-01", "2024-12-31"));
    assert_eq!(
        (deadline.spans, deadline.recurrence),
        (vec![span("2022-01-01", "2024-12-31")], Some(Yearly))
    );
    // Repeats of a range are cut at the plan's end.
    assert_eq!(
        read("ежегодно в июле-сентябре", ("2021-01-01", "2022-07-31")).end(),
        Some(date("2022-07-31"))
    );
}

#[test]
fn keeps_the_first_recurrence_named() {
    assert_eq!(
        read("Ежегодно по необходимости", SCHOOL_2021).recurrence,
        Some(Yearly)
    );
    assert_eq!(
        read("по необходимости, ежегодно", SCHOOL_2021).recurrence,
        Some(OnDemand)
    );
    assert_eq!(
        read("Постоянно в соответствии с графиком", SCHOOL_2021).recurrence,
        Some(Continuous)
    );
}

#[test]
fn reads_repetition_words() {
    let cases = [
        ("1 раз в год", Yearly),
        ("раз в два года", EveryNYears(2)),
        ("один раз в 5 лет", EveryNYears(5)),
        ("каждые 3 года", EveryNYears(3)),
        ("каждый месяц", Monthly),
        ("1 раз в месяц", Monthly),
        ("еженедельно", Continuous),
        ("в течение всего периода", Continuous),
        ("при необходимости", OnDemand),
        ("по согласованию", OnDemand),
        ("по мере поступления запросов", OnEvent),
        ("за 10 дней до начала процедуры", OnEvent),
        ("согласно графику Рособрнадзора", BySchedule),
        ("в сроки, установленные Минпросвещения", BySchedule),
        ("по итогам выполнения плана", OnEvent),
    ];
    for (text, want) in cases {
        assert_eq!(read(text, SCHOOL_2021).recurrence, Some(want), "{text}");
    }
}

#[test]
fn rejects_month_13() {
    let reason = why_unreadable("31.13.2025", SCHOOL_2021);
    assert!(reason.contains("месяца 13 нет"), "{reason}");
    assert!(reason.contains("31.12.2025"), "gives an example: {reason}");
}

#[test]
fn rejects_days_past_the_end_of_the_month() {
    let reason = why_unreadable("31.04.2025", SCHOOL_2021);
    assert!(
        reason.contains("в апреле 2025 года 30 дней, 31-го числа нет"),
        "{reason}"
    );
    let reason = why_unreadable("до 29.02.2023", SCHOOL_2021);
    assert!(reason.contains("в феврале 2023 года 28 дней"), "{reason}");
    assert!(why_unreadable("32.01.2022", SCHOOL_2021).contains("числа 32 нет"));
    // A leap day without a year is checked once the plan gives the year.
    assert_eq!(
        read("до 29.02", ("2023-09-01", "2024-08-31")).end(),
        Some(date("2024-02-29"))
    );
    assert!(why_unreadable("до 29.02", SCHOOL_2021).contains("в феврале 2022 года 28 дней"));
}

#[test]
fn rejects_impossible_quarters_half_years_and_school_years() {
    assert!(why_unreadable("5 квартал 2022", SCHOOL_2021).contains("их четыре"));
    assert!(why_unreadable("3 полугодие", SCHOOL_2021).contains("их два"));
    assert!(why_unreadable("2021-2023 уч. г.", SCHOOL_2021).contains("двух соседних лет"));
    assert!(why_unreadable("2022-2019", SCHOOL_2021).contains("позже конца"));
    assert!(why_unreadable("1 четверть", SCHOOL_2021).contains("четверти не поддерживаются"));
    assert!(why_unreadable("01.12.2021 - 01.11.2021", SCHOOL_2021).contains("позже конца"));
    assert!(why_unreadable("До 15.12.202", SCHOOL_2021).contains("год в дате"));
}

#[test]
fn rejects_recurrences_it_has_no_name_for() {
    let reason = why_unreadable("2 раза в год", SCHOOL_2021);
    assert!(
        reason.contains("«2 раза в год» не поддерживается"),
        "{reason}"
    );
    assert!(reason.contains("ежегодно, март, октябрь"), "{reason}");
    assert!(why_unreadable("1 раз в полгода", SCHOOL_2021).contains("не поддерживается"));
}

#[test]
fn keeps_text_of_unreadable() {
    let text = "Когда-нибудь потом";
    let Err(unreadable) = parse_deadline(text, &period(SCHOOL_2021)) else {
        panic!("{text:?} should be unreadable");
    };
    assert_eq!(unreadable.text, text);
    assert!(
        unreadable.reason.starts_with("не понял «Когда»"),
        "{}",
        unreadable.reason
    );
    assert!(
        unreadable.reason.contains("«до 01.12.2025»"),
        "gives forms that work: {}",
        unreadable.reason
    );
}

#[test]
fn rejects_text_without_a_deadline() {
    for text in ["", "  ", "--", "в срок"] {
        assert!(
            why_unreadable(text, SCHOOL_2021).starts_with("срок не указан"),
            "{text:?}"
        );
    }
    assert!(why_unreadable("в течение месяца", SCHOOL_2021)
        .contains("после «в течение» не понял «месяца»"));
    assert!(why_unreadable("до сентября", SCHOOL_2021).contains("после «до» ожидалась дата"));
}

#[test]
fn never_panics_on_any_part_of_a_known_text() {
    let texts = SEED_ROWS.iter().chain(&EXAMPLE_ROWS).map(|row| row.0);
    for text in texts.chain([
        "31.13.2025",
        "99999999999.1.1",
        "0 квартал",
        "раз в 0 лет",
        "1.0.2021",
    ]) {
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            for part in [&text[..i], &text[i..]] {
                for plan in [SOVETSK, PETROZAVODSK, ("2021-05-17", "2021-05-16")] {
                    let _ = parse_deadline(part, &period(plan));
                }
            }
        }
    }
}

#[test]
fn says_why_a_deadline_is_unreadable_in_english_too() {
    let unreadable = parse_deadline("Когда получится", &period(SCHOOL_2021)).unwrap_err();
    assert!(unreadable.reason.starts_with("не понял «Когда»"));
    assert!(
        unreadable.reason_en.starts_with(
            "“Когда” is not understood; deadlines are written like this: «до 01.12.2025»"
        ),
        "{}",
        unreadable.reason_en
    );
    let month = parse_deadline("31.02.2026", &period(SCHOOL_2021)).unwrap_err();
    assert!(
        month.reason_en.contains("there is no day"),
        "{}",
        month.reason_en
    );
}

/// Issue 17: forms found in a real district road map (2021–2023) and objectivity plan.
const ROADMAP_2021: (&str, &str) = ("2021-01-01", "2023-12-31");

#[test]
fn reads_current_year_as_each_year_of_the_plan() {
    let deadline = read("1 квартал текущего года", ROADMAP_2021);
    assert_eq!(deadline.recurrence, Some(Yearly));
    assert_eq!(
        deadline.spans,
        [
            span("2021-01-01", "2021-03-31"),
            span("2022-01-01", "2022-03-31"),
            span("2023-01-01", "2023-03-31")
        ]
    );
    let deadline = read("декабрь текущего учебного года", SCHOOL_2021);
    assert_eq!(deadline.spans, [span("2021-12-01", "2021-12-31")]);
    assert_eq!(
        read("в течение текущего года", ROADMAP_2021).spans,
        [span("2021-01-01", "2023-12-31")]
    );
}

#[test]
fn reads_abbreviations_of_during_and_school_year() {
    let deadline = read("в теч. года", ROADMAP_2021);
    assert_eq!(deadline.recurrence, Some(Continuous));
    assert_eq!(deadline.spans, [span("2021-01-01", "2023-12-31")]);
    assert_eq!(
        read("В теч. уч. г.", SCHOOL_2021).spans,
        [span("2021-09-01", "2022-08-31")]
    );
    assert_eq!(
        read("2021-2022 уч. г.", ROADMAP_2021).spans,
        [span("2021-09-01", "2022-08-31")]
    );
}

#[test]
fn reads_a_list_of_years_after_months_as_windows() {
    assert_eq!(
        read("Март-апрель 2022 2023", ROADMAP_2021).spans,
        [
            span("2022-03-01", "2022-04-30"),
            span("2023-03-01", "2023-04-30")
        ]
    );
    assert_eq!(
        read("апрель 2022, 2023", ROADMAP_2021).spans,
        [
            span("2022-04-01", "2022-04-30"),
            span("2023-04-01", "2023-04-30")
        ]
    );
    assert_eq!(
        read("ноябрь 2021, 2022 и 2023 гг.", ROADMAP_2021)
            .spans
            .len(),
        3
    );
    // Years after years stay years.
    assert_eq!(
        read("2019-2020, 2022-2024", SOVETSK).spans,
        [
            span("2019-01-01", "2020-12-31"),
            span("2022-01-01", "2024-12-31")
        ]
    );
}

#[test]
fn reads_a_list_of_months_as_months_not_a_range() {
    assert_eq!(
        read("март, октябрь", ROADMAP_2021).spans,
        [
            span("2021-03-01", "2021-03-31"),
            span("2021-10-01", "2021-10-31")
        ]
    );
    assert_eq!(
        read("март, октябрь", SCHOOL_2021).spans,
        [
            span("2021-10-01", "2021-10-31"),
            span("2022-03-01", "2022-03-31")
        ]
    );
}
