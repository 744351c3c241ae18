//! The small vocabulary of the domain: kinds of organization, assessment procedures,
//! which way an indicator is better, periods, medal regimes.
//!
//! These words belong to the model (SPEC §5: load -> model -> analyze -> render), and
//! analyze and render name them as `crate::model::…`. They also spell the data contract
//! (SPEC §2): `kind: school`, `better: lower`, `regime: "2024"` are read straight into
//! them, so the serde derives live here and `load/` imports this one module. That edge
//! runs against the flow on purpose, and only to this leaf: it imports nothing from the
//! crate, so load still knows nothing of the rest of the model. The alternative, a raw
//! copy of each enum in `load/` and a conversion in `model/`, would double eight enums
//! that never differ between file and model.

use serde::{Deserialize, Serialize};

/// Whether an organisation's value is compared with the municipality's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Compare {
    /// «выше / на уровне / ниже, чем по округу» when the difference is clear.
    #[default]
    Verdict,
    /// Shown as a fact with the municipality's value, no verdict.
    Fact,
}

/// Which way is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Better {
    Higher,
    Lower,
}

/// Calendar years (`2025`) or school years (`2024/25`).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize,
)]
#[serde(rename_all = "snake_case")]
pub(crate) enum PeriodKind {
    #[default]
    Year,
    SchoolYear,
}

/// What an organization in the register is (`kind:` in `data/organizations.yaml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum OrgKind {
    School,
    Kindergarten,
    Additional,
}

/// An official sign on a school, as the region lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum OrgFlag {
    /// Школа с низкими образовательными результатами.
    Shnor,
    /// Школа, функционирующая в неблагоприятных социальных условиях.
    Shnsu,
}

impl OrgKind {
    pub(crate) const ALL: [OrgKind; 3] =
        [OrgKind::School, OrgKind::Kindergarten, OrgKind::Additional];

    pub(crate) fn id(self) -> &'static str {
        match self {
            OrgKind::School => "school",
            OrgKind::Kindergarten => "kindergarten",
            OrgKind::Additional => "additional",
        }
    }

    /// Plural, for headings: «Школы».
    pub(crate) fn label(self) -> &'static str {
        match self {
            OrgKind::School => "Школы",
            OrgKind::Kindergarten => "Детские сады",
            OrgKind::Additional => "Дополнительное образование",
        }
    }
}

/// The profile of a school where high results are expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub(crate) enum ProfileKind {
    #[serde(rename = "лицей")]
    Lyceum,
    #[serde(rename = "гимназия")]
    Gymnasium,
    #[serde(rename = "углублённое", alias = "углубленное")]
    Advanced,
}

/// An assessment procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Procedure {
    /// Всероссийские проверочные работы.
    Vpr,
    /// Основной государственный экзамен (9 класс).
    Oge,
    /// Единый государственный экзамен (11 класс).
    Ege,
}

impl Procedure {
    pub(crate) const ALL: [Procedure; 3] = [Procedure::Vpr, Procedure::Oge, Procedure::Ege];

    /// The folder under `data/results/` and the id in CSV files.
    pub(crate) fn id(self) -> &'static str {
        match self {
            Procedure::Vpr => "vpr",
            Procedure::Oge => "oge",
            Procedure::Ege => "ege",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Procedure::Vpr => "ВПР",
            Procedure::Oge => "ОГЭ",
            Procedure::Ege => "ЕГЭ",
        }
    }
}

/// How the ЕГЭ relates to medals in a year of graduation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub(crate) enum MedalRegime {
    /// From 2024 (приказ Минпросвещения № 730): the ЕГЭ threshold is a condition of
    /// the award; counted are candidates whose final marks qualify.
    #[serde(rename = "2024")]
    Candidates,
    /// Before 2024: medalists below a regional threshold.
    #[serde(rename = "до 2024", alias = "до 2024 г.")]
    Medalists,
    /// 2020: medals did not depend on the ЕГЭ; nothing is computed.
    #[serde(rename = "2020")]
    NoExam,
}
