//! `site.yaml`: the site's settings and the authority's own details.
//!
//! Parsed from a string (tests need no disk), validated here so that later stages can
//! trust it: the base URL is absolute, menu entries are site paths.

use crate::tr;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::yaml::{self, Text};

mod authority;

pub(crate) use authority::{Authority, DocumentLink, Person, SocialPage};

/// Where the configuration lives, relative to the site root.
pub(crate) const CONFIG_FILE: &str = "site.yaml";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SiteConfig {
    pub(crate) title: Text,
    #[serde(default)]
    pub(crate) description: Option<Text>,
    pub(crate) base_url: String,
    #[serde(default = "default_language")]
    pub(crate) language: String,
    #[serde(default = "default_theme")]
    pub(crate) theme: String,
    #[serde(default)]
    pub(crate) menu: Vec<MenuItem>,
    pub(crate) authority: Authority,
    #[serde(default)]
    pub(crate) privacy: Privacy,
    /// Indicators shown on the home page with their trend, by id.
    #[serde(default)]
    pub(crate) key_indicators: Vec<String>,
    /// One responsible party spelt several ways in plans: a written name -> the name
    /// to use («Специалист УО»: «Специалисты УО»), for the filters by party.
    #[serde(default)]
    pub(crate) responsible_aliases: std::collections::BTreeMap<String, String>,
    /// Whether a missing link of the МСОКО management cycle fails `msoko check`.
    #[serde(default)]
    pub(crate) cycle_required: bool,
    /// Where each value of the file stands, to point later diagnostics (unknown
    /// documents) at a line.
    #[serde(skip)]
    pub(crate) positions: yaml::Positions,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MenuItem {
    pub(crate) title: Text,
    pub(crate) url: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Privacy {
    /// Aggregates over fewer people than this are not published.
    pub(crate) min_group: u32,
}

impl Default for Privacy {
    fn default() -> Self {
        Privacy { min_group: 5 }
    }
}

fn default_language() -> String {
    "ru".into()
}

fn default_theme() -> String {
    "default".into()
}

impl SiteConfig {
    /// Parses and validates `site.yaml`; every problem found is returned.
    pub(crate) fn parse(text: &str, file: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
        let mut config: SiteConfig = yaml::parse(text, file, 1).map_err(|d| vec![d])?;
        config.positions = yaml::Positions::new(text);
        let positions = &config.positions;
        let line_of = |path: &str| positions.line(path).unwrap_or(1);
        let mut problems = authority::validate(&config.authority, positions, file);
        if let Err(message) = validate_base_url(&config.base_url) {
            problems.push(
                Diagnostic::error(file, message)
                    .at_line(line_of("base_url"))
                    .hint(tr!(
                        "пример: base_url: \"https://edu.example.ru\"",
                        "for example: base_url: \"https://edu.example.ru\""
                    )),
            );
        }
        if config.privacy.min_group < MIN_GROUP_FLOOR {
            let n = config.privacy.min_group;
            problems.push(
                Diagnostic::error(
                    file,
                    tr!(
                        "privacy.min_group: {n} — слишком мало: группы из {n} человек позволяют узнать результаты отдельных детей",
                        "privacy.min_group: {n} is too small: groups of {n} people let readers learn the results of single children"
                    ),
                )
                .at_line(line_of("privacy.min_group"))
                .hint(tr!(
                    "укажите не меньше {MIN_GROUP_FLOOR}; обычно 5 (так и будет, если строку убрать)",
                    "give at least {MIN_GROUP_FLOOR}; usually 5 (the value when the line is left out)"
                )),
            );
        }
        // «ЗАПОЛНИТЕ: …» of `msoko init --empty` is warned about as a placeholder.
        if let Some(inn) = config
            .authority
            .inn
            .as_ref()
            .filter(|inn| !inn.0.contains(PLACEHOLDER))
        {
            if let Err(problem) = check_inn(inn.0.trim()) {
                problems.push(
                    Diagnostic::error(file, problem)
                        .at_line(line_of("authority.inn"))
                        .hint(tr!(
                            "перепишите ИНН управления из выписки ЕГРЮЛ или с сайта nalog.ru: 10 цифр для организации",
                            "copy the department's INN from its register extract or nalog.ru: 10 digits for an organisation"
                        )),
                );
            }
        }
        for (i, item) in config.menu.iter().enumerate() {
            // «//host/…» starts with «/» but leads to another site.
            if !item.url.starts_with('/') || item.url.starts_with("//") {
                problems.push(
                    Diagnostic::error(
                        file,
                        tr!(
                            format!(
                                "пункт меню «{}» ведёт на «{}», а не на страницу сайта",
                                item.title.0, item.url
                            ),
                            format!(
                                "menu item “{}” leads to “{}”, not to a page of the site",
                                item.title.0, item.url
                            )
                        ),
                    )
                    .at_line(line_of(&format!("menu[{i}].url")))
                    .hint(tr!(
                        "адрес пункта меню начинается с «/», например url: \"/about/\"",
                        "a menu item's address starts with “/”, e.g. url: \"/about/\""
                    )),
                );
            }
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }
}

/// The smallest `privacy.min_group` allowed: below it a group's share names a child.
const MIN_GROUP_FLOOR: u32 = 3;

/// An ИНН: 10 digits (an organisation) or 12 (a person), with the check digits of the
/// Federal Tax Service's algorithm, so a digit lost or swapped in copying is caught.
fn check_inn(inn: &str) -> Result<(), crate::diagnostic::Message> {
    let digits: Vec<u32> = inn.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != inn.chars().count() || !matches!(digits.len(), 10 | 12) {
        let n = inn.chars().count();
        return Err(tr!(
            "ИНН «{inn}» — не ИНН: нужно 10 цифр (организация) или 12 (физическое лицо), а здесь знаков — {n}",
            "INN “{inn}” is not an INN: it needs 10 digits (an organisation) or 12 (a person), and has {n} characters"
        ));
    }
    let check = |weights: &[u32]| -> u32 {
        let sum: u32 = weights.iter().zip(&digits).map(|(w, d)| w * d).sum();
        sum % 11 % 10
    };
    let ok = if digits.len() == 10 {
        check(&[2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[9]
    } else {
        check(&[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[10]
            && check(&[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[11]
    };
    if ok {
        Ok(())
    } else {
        Err(tr!(
            "ИНН «{inn}»: не сходится контрольная цифра — вероятно, одна из цифр пропущена, лишняя или переставлена",
            "INN “{inn}”: the check digit does not match; probably a digit is missing, extra or swapped"
        ))
    }
}

/// The mark `msoko init --empty` puts where the department's own details go.
pub(crate) const PLACEHOLDER: &str = "ЗАПОЛНИТЕ";

/// A warning at every «ЗАПОЛНИТЕ: …» still in `site.yaml`, in the order of the file:
/// the list of what to fill in next on a new site.
pub(crate) fn placeholder_warnings(text: &str, file: &Path) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let Some(at) = line.find(PLACEHOLDER) else {
            continue;
        };
        let key = line
            .trim_start()
            .trim_start_matches("- ")
            .split(':')
            .next()
            .unwrap_or("")
            .trim();
        let what = line[at + PLACEHOLDER.len()..]
            .trim_start_matches(':')
            .trim()
            .trim_end_matches('"')
            .to_string();
        let column = line[..at].chars().count() + 1;
        warnings.push(
            Diagnostic::warning(
                file,
                crate::tr!(
                    "поле {key} ещё не заполнено: {what}",
                    "the field {key} is not filled in yet: {what}"
                ),
            )
            .at(i + 1, column)
            .hint(crate::tr!(
                "замените текст «ЗАПОЛНИТЕ: …» сведениями вашего управления",
                "replace the text «ЗАПОЛНИТЕ: …» with your department's details"
            )),
        );
    }
    warnings
}

pub(crate) fn validate_base_url(url: &str) -> Result<(), crate::diagnostic::Message> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') => Ok(()),
        _ => Err(crate::tr!(
            "base_url «{url}» — не адрес сайта: он должен начинаться с https:// и имени домена",
            "base_url “{url}” is not a site address: it must start with https:// and a domain name"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_at_every_placeholder_in_the_order_of_the_file() {
        let text = "# ЗАПОЛНИТЕ в комментарии не считается\ntitle: \"ЗАПОЛНИТЕ: название\"\nauthority:\n  phone: \"ЗАПОЛНИТЕ: телефон приёмной\"\n";
        let warnings = placeholder_warnings(text, Path::new("site.yaml"));
        let places: Vec<_> = warnings.iter().map(|w| (w.line, w.column)).collect();
        assert_eq!(places, [(Some(2), Some(9)), (Some(4), Some(11))]);
        assert_eq!(
            warnings[1].message.ru,
            "поле phone ещё не заполнено: телефон приёмной"
        );
        assert!(warnings.iter().all(|w| !w.is_error()));
    }

    const MINIMAL: &str = "title: УО\nbase_url: https://edu.example.ru\nauthority:\n  full_name: Управление\n  short_name: УО\n";

    #[test]
    fn reads_minimal_config_with_defaults() {
        let config = SiteConfig::parse(MINIMAL, Path::new("site.yaml")).unwrap();
        assert_eq!(config.theme, "default");
        assert_eq!(config.privacy.min_group, 5);
        assert_eq!(config.base_url, "https://edu.example.ru");
    }

    #[test]
    fn errors_on_relative_base_url() {
        let text = MINIMAL.replace("https://edu.example.ru", "edu.example.ru");
        let errors = SiteConfig::parse(&text, Path::new("site.yaml")).unwrap_err();
        assert_eq!(errors[0].line, Some(2));
        assert!(errors[0].message.ru.contains("не адрес сайта"));
    }

    #[test]
    fn checks_the_inn_length_and_check_digits() {
        assert!(check_inn("6612345676").is_ok());
        assert!(check_inn("500100732259").is_ok());
        assert!(check_inn("661234567")
            .unwrap_err()
            .ru
            .contains("знаков — 9"));
        assert!(check_inn("6612345678")
            .unwrap_err()
            .ru
            .contains("контрольная цифра"));
        assert!(check_inn("66123456-6").is_err());
    }

    #[test]
    fn errors_on_a_min_group_below_three() {
        let text = format!("{MINIMAL}privacy:\n  min_group: 1\n");
        let problems = SiteConfig::parse(&text, Path::new("site.yaml")).unwrap_err();
        assert_eq!(problems[0].line, Some(7));
        assert!(problems[0]
            .message
            .ru
            .starts_with("privacy.min_group: 1 — слишком мало"));
        let text = format!("{MINIMAL}privacy:\n  min_group: 3\n");
        assert!(SiteConfig::parse(&text, Path::new("site.yaml")).is_ok());
    }

    #[test]
    fn errors_on_menu_entry_outside_the_site() {
        let text = format!("{MINIMAL}menu:\n  - {{title: Новости, url: news}}\n");
        let errors = SiteConfig::parse(&text, Path::new("site.yaml")).unwrap_err();
        assert_eq!(errors[0].line, Some(7));
    }
}
