//! Responsible parties of plan items: «Начальник УО, ИМЦ; руководители ОО» names
//! three. Word tables spell one party several ways («Специалисты УО», «Специалист
//! УО»); `responsible_aliases` in `site.yaml` merges them under one name (for the
//! filters by party), and `near_duplicates` finds the pairs nobody merged yet, for
//! `msoko check` to list. The text of each item stays as written.

use std::collections::BTreeMap;

/// «Начальник УО, ИМЦ; руководители ОО.» -> three parties, each capitalised.
pub(crate) fn split_responsible(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(|part| part.trim().trim_end_matches('.').trim())
        .filter(|part| !part.is_empty())
        .map(crate::text::capitalize)
        .collect()
}

/// A party's name for comparison: case, «ё», spaces and a final dot do not count.
fn normal(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_lowercase()
        .replace('ё', "е")
}

/// `responsible_aliases` of `site.yaml` ready for lookup: a written name (normalised)
/// -> the name to use.
#[derive(Debug, Clone, Default)]
pub(crate) struct Aliases(BTreeMap<String, String>);

impl Aliases {
    pub(crate) fn new(written: &BTreeMap<String, String>) -> Self {
        Aliases(
            written
                .iter()
                .map(|(alias, name)| (normal(alias), name.trim().to_string()))
                .collect(),
        )
    }

    /// The parties of a «Ответственные» text, each under its merged name, once.
    pub(crate) fn parties(&self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for party in split_responsible(text) {
            let name = self.0.get(&normal(&party)).cloned().unwrap_or(party);
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }
}

/// Whether two words differ only in their ending: «специалисты» / «специалист»,
/// «руководители» / «руководитель».
fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    common >= 4 && la - common <= 2 && lb - common <= 2
}

/// Whether two party names are likely one party: the same words up to endings.
fn near(a: &str, b: &str) -> bool {
    let (a, b) = (normal(a), normal(b));
    if a == b {
        return true;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    wa.len() == wb.len() && wa.iter().zip(&wb).all(|(x, y)| same_stem(x, y))
}

/// Pairs of distinct names that look like one party, in the order given.
pub(crate) fn near_duplicates(names: &[String]) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (i, a) in names.iter().enumerate() {
        for b in &names[i + 1..] {
            if a != b && near(a, b) {
                pairs.push((a.clone(), b.clone()));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_responsible_parties() {
        assert_eq!(
            split_responsible("Начальник УО, ИМЦ; руководители ОО."),
            ["Начальник УО", "ИМЦ", "Руководители ОО"]
        );
    }

    #[test]
    fn merges_parties_through_aliases() {
        let aliases = Aliases::new(&BTreeMap::from([(
            "Специалист УО".to_string(),
            "Специалисты УО".to_string(),
        )]));
        assert_eq!(
            aliases.parties("специалист УО, Специалисты УО, ИМЦ"),
            ["Специалисты УО", "ИМЦ"]
        );
    }

    #[test]
    fn finds_names_that_differ_only_in_endings() {
        let names: Vec<String> = [
            "Специалисты УО",
            "ИМЦ",
            "Специалист УО",
            "Руководители ОО",
            "Руководитель ОО",
            "Начальник УО",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            near_duplicates(&names),
            [
                ("Специалисты УО".to_string(), "Специалист УО".to_string()),
                ("Руководители ОО".to_string(), "Руководитель ОО".to_string())
            ]
        );
        assert!(!near("ИМЦ", "ИРО"));
        assert!(!near(
            "Отдел общего образования",
            "Отдел дошкольного образования"
        ));
    }
}
