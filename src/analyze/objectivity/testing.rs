//! Small hand-made inputs for the rules' tests.

use crate::diagnostic::Diagnostics;
use crate::model::{Journal, Register, Results, VprRow};

/// A ВПР row of school `org` with the counts of «2», «3», «4», «5».
pub(crate) fn vpr(year: i32, org: usize, grade: u8, subject: &str, marks: [u32; 4]) -> VprRow {
    VprRow {
        year,
        org: Some(org),
        grade,
        subject: subject.into(),
        variant: None,
        n: marks.iter().sum(),
        marks,
        journal: None,
        line: 2,
    }
}

/// The same row with its journal comparison: lowered, confirmed, raised.
pub(crate) fn with_journal(mut row: VprRow, [lowered, confirmed, raised]: [u32; 3]) -> VprRow {
    row.journal = Some(Journal {
        lowered,
        confirmed,
        raised,
    });
    row
}

/// The row as the region's value for its cell.
pub(crate) fn as_region(mut row: VprRow) -> VprRow {
    row.org = None;
    row
}

pub(crate) fn results(vpr: Vec<VprRow>) -> Results {
    Results {
        vpr,
        ..Results::default()
    }
}

/// A register of schools `s0`, `s1`, …; `profiles` gives some of them a profile
/// (`{kind: лицей, subjects: [математика]}`).
pub(crate) fn register(schools: usize, profiles: &[(usize, &str)]) -> Register {
    let mut text = String::new();
    for i in 0..schools {
        text.push_str(&format!(
            "- {{id: s{i}, name: Школа {i}, short_name: Школа {i}, kind: school"
        ));
        if let Some((_, profile)) = profiles.iter().find(|p| p.0 == i) {
            text.push_str(&format!(", profile: {profile}"));
        }
        text.push_str("}\n");
    }
    crate::model::resolve_register_for_tests(&text, &mut Diagnostics::default())
}

/// The default rules with medal regimes: 2020 without the ЕГЭ, 2021–2023 medalists
/// below 70, from 2024 candidates below 70.
pub(crate) fn medal_rules() -> crate::model::AnalyticsRules {
    use crate::model::MedalRegime;
    let mut rules = crate::model::AnalyticsRules::default();
    for (year, regime) in [
        (2020, MedalRegime::NoExam),
        (2021, MedalRegime::Medalists),
        (2022, MedalRegime::Medalists),
        (2023, MedalRegime::Medalists),
        (2024, MedalRegime::Candidates),
        (2025, MedalRegime::Candidates),
    ] {
        rules.medals.insert(
            year,
            crate::model::MedalYear {
                regime,
                threshold: 70.0,
                note: None,
            },
        );
    }
    rules
}
