//! Matching a table's names of organisations to the register: by full or short
//! name, by an `aliases:` entry, or by the school's number when one school of that
//! kind has it («Школа № 5» → «МБОУ СОШ № 5»); a name that fits none or several is
//! an error that says which.

use std::path::Path;

use super::super::table::Table;
use super::super::ImportFailure;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Organization;
use crate::tr;

pub(super) fn load_register(root: &Path) -> Result<Vec<Organization>, ImportFailure> {
    let mut diagnostics = Diagnostics::default();
    let file =
        crate::load::load_organizations(root, Path::new(crate::load::DATA_DIR), &mut diagnostics);
    if file.is_none() && !diagnostics.has_errors() {
        return Err(ImportFailure::input(
            Diagnostic::error("data/organizations.yaml", tr!(
                "нет реестра организаций: сопоставить названия из таблицы не с чем",
                "there is no register of organisations to match the table's names against"
            ))
            .hint(tr!(
                "сначала заполните data/organizations.yaml (id, name, short_name, kind каждой школы), затем импортируйте результаты",
                "fill in data/organizations.yaml first (id, name, short_name, kind of each school), then import the results"
            )),
        ));
    }
    let register = crate::model::resolve_register(file, &mut diagnostics);
    if diagnostics.has_errors() {
        return Err(ImportFailure {
            diagnostics: diagnostics.into_sorted(),
            usage: false,
        });
    }
    Ok(register.organizations)
}

/// A name made comparable: lower case, «ё» as «е», no quotes, «№» apart, one space.
pub(super) fn normalize(name: &str) -> String {
    let lower = super::super::clean::clean_text(name)
        .to_lowercase()
        .replace('ё', "е")
        .replace(['«', '»', '"', '“', '”', '„', '\''], "")
        .replace('№', " № ");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The kinds of school a name mentions.
pub(super) fn kind_words(name: &str) -> Vec<&'static str> {
    const KINDS: [&str; 9] = [
        "сош",
        "оош",
        "нош",
        "лицей",
        "гимназия",
        "цо",
        "интернат",
        "вечерн",
        "сад",
    ];
    let words: Vec<&str> = name.split(|c: char| !c.is_alphanumeric()).collect();
    KINDS
        .iter()
        .filter(|k| words.iter().any(|w| w.starts_with(*k)))
        .copied()
        .collect()
}

pub(super) fn numbers(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The register entry a table's name means: the index, or the candidates when
/// several fit (empty when none).
pub(super) fn match_org(name: &str, register: &[Organization]) -> Result<usize, Vec<usize>> {
    let wanted = normalize(name);
    let exact: Vec<usize> = (0..register.len())
        .filter(|i| {
            let org = &register[*i];
            std::iter::once(&org.short_name)
                .chain(std::iter::once(&org.name))
                .chain(org.aliases.iter())
                .any(|n| normalize(n) == wanted)
                || org.id == name.trim()
        })
        .collect();
    match exact.as_slice() {
        [one] => return Ok(*one),
        [] => {}
        several => return Err(several.to_vec()),
    }
    // By number: «Школа № 5», «СОШ 5» — the one school with that number (and kind).
    let wanted_numbers = numbers(&wanted);
    let [number] = wanted_numbers.as_slice() else {
        return Err(Vec::new());
    };
    let kinds = kind_words(&wanted);
    let by_number: Vec<usize> = (0..register.len())
        .filter(|i| {
            let org = &register[*i];
            let own = normalize(&format!("{} {}", org.short_name, org.name));
            numbers(&normalize(&org.short_name)).contains(number)
                && (kinds.is_empty() || kind_words(&own).iter().any(|k| kinds.contains(k)))
        })
        .collect();
    match by_number.as_slice() {
        [one] => Ok(*one),
        several => Err(several.to_vec()),
    }
}

pub(super) fn unmatched(
    file: &Path,
    line: usize,
    column: usize,
    name: &str,
    candidates: &[&str],
    table: &Table,
) -> Diagnostic {
    if !candidates.is_empty() {
        let list = candidates.join("», «");
        return Diagnostic::error(
            file,
            tr!(
                format!("организация «{name}» ({}, строка {line}) подходит к нескольким организациям реестра: «{list}»", table.name),
                format!("the organisation “{name}” ({}, row {line}) fits several organisations of the register: «{list}»", table.name)
            ),
        )
        .at(line, column)
        .hint(tr!(
            format!("добавьте «{name}» в aliases: той из них, о которой идёт речь, и запустите импорт снова"),
            format!("add “{name}” to the aliases: of the one that is meant, and import again")
        ));
    }
    Diagnostic::error(
        file,
        tr!(
            format!("организация «{name}» ({}, строка {line}) не найдена в реестре data/organizations.yaml", table.name),
            format!("the organisation “{name}” ({}, row {line}) is not in the register data/organizations.yaml", table.name)
        ),
    )
    .at(line, column)
    .hint(tr!(
        format!("добавьте это название организации в реестр строкой aliases: [\"{name}\"] (или исправьте его в таблице) и запустите импорт снова; если такой организации в реестре нет, добавьте её"),
        format!("add this name to the organisation in the register as aliases: [\"{name}\"] (or correct it in the table) and import again; if the organisation is missing from the register, add it")
    ))
}
