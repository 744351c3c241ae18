//! «Найти школу или детский сад» on the home page: every organisation's short
//! name, grouped by kind and by settlement, one tap from its card.
//!
//! A parent looks for «школа в Сосновке» or «детский сад № 3», not for a legal name
//! of eight words: the short names are grouped the way a parent thinks, in the
//! register's order within a settlement. The settlement is read from the address
//! («…, с. Сосновка, ул. Центральная, д. 14» → «с. Сосновка»); an organisation
//! without one is listed under «Другие».

use serde::Serialize;

use crate::model::paths;
use crate::model::Model;
use crate::model::OrgKind;

#[derive(Debug, Serialize)]
pub(crate) struct FinderKind {
    /// «Школы», «Детские сады»…
    pub(crate) label: &'static str,
    pub(crate) places: Vec<FinderPlace>,
}

#[derive(Debug, Serialize)]
pub(crate) struct FinderPlace {
    /// «г. Кедровогорск», «с. Сосновка».
    pub(crate) name: String,
    /// (short name, address of the card).
    pub(crate) orgs: Vec<(String, String)>,
}

/// Abbreviations that start a settlement's name in an address.
const SETTLEMENTS: [&str; 9] = ["г.", "с.", "п.", "пгт", "рп", "д.", "х.", "ст-ца", "аул"];

/// «с. Сосновка» from an address, or `None`. «д. 14» (a house) is not a village:
/// a settlement's name starts with a letter.
pub(crate) fn settlement(address: &str) -> Option<String> {
    address.split(',').map(str::trim).find_map(|part| {
        let (head, rest) = part.split_once(' ')?;
        let rest = rest.trim_start();
        (SETTLEMENTS.contains(&head) && rest.chars().next()?.is_alphabetic())
            .then(|| format!("{head}\u{a0}{rest}"))
    })
}

pub(crate) fn finder(model: &Model) -> Vec<FinderKind> {
    OrgKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let mut places: Vec<FinderPlace> = Vec::new();
            for org in &model.register.organizations {
                if org.kind != kind {
                    continue;
                }
                let name = org
                    .address
                    .as_deref()
                    .and_then(settlement)
                    .unwrap_or_else(|| "Другие".to_string());
                let entry = (org.short_name.clone(), model.link(&paths::org(&org.id)));
                match places.iter_mut().find(|p| p.name == name) {
                    Some(place) => place.orgs.push(entry),
                    None => places.push(FinderPlace {
                        name,
                        orgs: vec![entry],
                    }),
                }
            }
            (!places.is_empty()).then(|| FinderKind {
                label: kind.label(),
                places,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::settlement;

    #[test]
    fn reads_the_settlement_not_the_house() {
        assert_eq!(
            settlement("623470, Приозёрная область, Кедровогорский муниципальный округ, с. Сосновка, ул. Центральная, д. 14").as_deref(),
            Some("с.\u{a0}Сосновка")
        );
        assert_eq!(
            settlement("623456, Приозёрная область, г. Кедровогорск, ул. Ленина, д. 34").as_deref(),
            Some("г.\u{a0}Кедровогорск")
        );
        assert_eq!(
            settlement("д. Берёзовка, ул. Садовая, д. 8").as_deref(),
            Some("д.\u{a0}Берёзовка")
        );
        assert_eq!(settlement("ул. Ленина, д. 34"), None);
    }
}
