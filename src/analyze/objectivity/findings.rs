//! What a rule found: the procedure it is about, the numbers it compared and the
//! thresholds it used — everything a reader needs to recompute it by hand.

use serde::Serialize;

use super::stats::Comparison;
use crate::model::Rule;
use crate::model::{MedalRegime, Procedure};

/// One procedure of one school: ВПР by grade, subject (and variant); ОГЭ or ЕГЭ by
/// subject; the ЕГЭ medals of a year (no subject).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub(crate) struct ProcKey {
    pub(crate) procedure: Procedure,
    pub(crate) grade: Option<u8>,
    pub(crate) subject: Option<String>,
    pub(crate) variant: Option<String>,
}

impl ProcKey {
    pub(crate) fn vpr(grade: u8, subject: &str, variant: Option<&str>) -> ProcKey {
        ProcKey {
            procedure: Procedure::Vpr,
            grade: Some(grade),
            subject: Some(subject.to_string()),
            variant: variant.map(str::to_string),
        }
    }

    pub(crate) fn gia(procedure: Procedure, subject: &str) -> ProcKey {
        ProcKey {
            procedure,
            grade: None,
            subject: Some(subject.to_string()),
            variant: None,
        }
    }

    pub(crate) fn medals() -> ProcKey {
        ProcKey {
            procedure: Procedure::Ege,
            grade: None,
            subject: None,
            variant: None,
        }
    }
}

/// What was compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub(crate) enum Measure {
    /// Share of «4» and «5».
    Quality,
    /// Share of «5».
    Top,
    /// Share of participants whose ВПР mark is above their journal mark.
    Raised,
    /// … below their journal mark.
    Lowered,
    /// Change of the quality between two years, against the benchmark's change.
    QualityChange,
    /// Share of medal candidates below the ЕГЭ threshold.
    MedalsNotConfirmed,
    /// ОГЭ/ЕГЭ mean together with the share of high results.
    GiaMean,
    /// The next year's ОГЭ mean of an 8th-grade cohort.
    OgeMean,
}

impl Measure {
    /// Whether values are shares (printed as %, differences in п.п.).
    pub(crate) fn is_share(self) -> bool {
        !matches!(self, Measure::GiaMean | Measure::OgeMean)
    }

    pub(crate) fn id(self) -> &'static str {
        match self {
            Measure::Quality => "quality",
            Measure::Top => "top",
            Measure::Raised => "raised",
            Measure::Lowered => "lowered",
            Measure::QualityChange => "quality_change",
            Measure::MedalsNotConfirmed => "medals_not_confirmed",
            Measure::GiaMean => "mean",
            Measure::OgeMean => "oge_mean",
        }
    }
}

/// Where a benchmark comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub(crate) enum Source {
    /// The region's file (`<year>-region.csv`).
    Region,
    /// The other schools of the municipality, pooled (leave-one-out).
    Municipality,
}

impl Source {
    pub(crate) fn id(self) -> &'static str {
        match self {
            Source::Region => "region",
            Source::Municipality => "municipality",
        }
    }
}

/// A benchmark value and how many people it is computed over.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Bench {
    pub(crate) value: f64,
    pub(crate) n: u32,
    pub(crate) source: Source,
}

/// The thresholds a finding was tested against (shares as fractions).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Threshold {
    /// Effect (difference) to reach.
    pub(crate) effect: Option<f64>,
    /// z to reach.
    pub(crate) z: Option<f64>,
    /// A count to reach (medals not confirmed).
    pub(crate) count: Option<u32>,
}

impl Threshold {
    /// An effect and a z, as in most rules.
    pub(crate) fn of(rule: &crate::model::EffectRule) -> Threshold {
        Threshold {
            effect: Some(rule.effect),
            z: Some(rule.z),
            count: None,
        }
    }
}

/// One point of a change: a grade of a school in a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ChangePoint {
    pub(crate) year: i32,
    pub(crate) grade: u8,
    pub(crate) n: u32,
    pub(crate) value: f64,
    pub(crate) benchmark: f64,
    /// The people the benchmark is computed over: its own uncertainty enters the z.
    pub(crate) benchmark_n: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub(crate) enum ChangeKind {
    /// The same class a year later (4 кл. → 5 кл.).
    Cohort,
    /// The same grade a year later (another class).
    SameGrade,
}

/// What only some rules have.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Detail {
    None,
    Change {
        kind: ChangeKind,
        earlier: ChangePoint,
        later: ChangePoint,
        /// The school's change `Q₂ − Q₁` as a z among the same comparison of every
        /// school with enough participants (ANALYTICS §1: shown, not gated on).
        across_z: Option<f64>,
        /// How many schools that z is computed over.
        across_of: usize,
    },
    Medals {
        candidates: u32,
        not_confirmed: u32,
        points: f64,
        regime: MedalRegime,
        /// So few candidates that pages show the count only («2 из 3»), no rate.
        count_only: bool,
    },
    Gia {
        high: f64,
        high_benchmark: f64,
        high_z: Option<f64>,
    },
    CohortGia {
        oge_year: i32,
    },
}

/// A rule that reached its thresholds on one procedure of one school.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Finding {
    pub(crate) rule: Rule,
    /// The year of the procedure the finding is attached to.
    pub(crate) year: i32,
    /// Index in the register.
    pub(crate) org: usize,
    pub(crate) key: ProcKey,
    pub(crate) measure: Measure,
    /// Participants (ВПР, ГИА), journal comparisons (b1, b2) or medal candidates (d).
    pub(crate) n: u32,
    /// The school's value: a share (fraction) or a mean.
    pub(crate) value: f64,
    pub(crate) benchmark: Option<f64>,
    pub(crate) source: Source,
    /// `value − benchmark`, or the difference-in-differences of a change.
    pub(crate) difference: Option<f64>,
    pub(crate) z: Option<f64>,
    pub(crate) threshold: Threshold,
    /// A high result of a лицей, гимназия or in-depth subject: expected, not a sign.
    pub(crate) exempt: bool,
    /// Computed across a data break: «сопоставимость ограничена».
    pub(crate) limited: bool,
    pub(crate) detail: Detail,
}

impl Finding {
    /// A finding from a share compared with its benchmark; `at` is the year, the
    /// school and the procedure.
    pub(crate) fn compared(
        rule: Rule,
        (year, org, key): (i32, usize, ProcKey),
        measure: Measure,
        comparison: &Comparison,
        source: Source,
        threshold: Threshold,
    ) -> Finding {
        Finding {
            rule,
            year,
            org,
            key,
            measure,
            n: comparison.n,
            value: comparison.value,
            benchmark: Some(comparison.benchmark),
            source,
            difference: Some(comparison.difference),
            z: comparison.z,
            threshold,
            exempt: false,
            limited: false,
            detail: Detail::None,
        }
    }

    /// Sort order: year, school, procedure, rule.
    pub(crate) fn sort_key(&self) -> (i32, usize, &ProcKey, Rule, Measure) {
        (self.year, self.org, &self.key, self.rule, self.measure)
    }
}
