//! Every internal link written in Markdown must lead somewhere: a page, a file, or a
//! heading of a page. Checked after rendering, when all addresses and heading ids are
//! known, and reported at the link's line and column in the Markdown file.

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::model::Model;
use crate::render::RenderedSite;

pub(crate) fn check_links(model: &Model, rendered: &RenderedSite, diagnostics: &mut Diagnostics) {
    for (index, link) in &rendered.links {
        let page = &model.pages[*index];
        let problem = if model.by_url.contains_key(&link.target) {
            match &link.fragment {
                Some(fragment) if !fragment.is_empty() => {
                    let ids = rendered.ids.get(&link.target);
                    if ids.is_some_and(|ids| ids.contains(fragment)) {
                        None
                    } else {
                        Some(Kind::MissingAnchor {
                            written: link.written.clone(),
                            fragment: fragment.clone(),
                            target: link.target.clone(),
                            // The settings panel and the skip link target of every
                            // page are no sections to suggest.
                            known: ids
                                .map(|ids| {
                                    ids.iter()
                                        .filter(|id| {
                                            !id.starts_with("a11y-")
                                                && !matches!(id.as_str(), "special" | "content")
                                        })
                                        .cloned()
                                        .collect()
                                })
                                .unwrap_or_default(),
                        })
                    }
                }
                _ => None,
            }
        } else if model
            .files
            .contains_key(link.target.trim_start_matches('/'))
        {
            None
        } else if model.by_url.contains_key(&format!("{}/", link.target)) {
            Some(Kind::LinkWithoutSlash {
                written: link.written.clone(),
                target: link.target.clone(),
            })
        } else {
            Some(Kind::BrokenLink {
                written: link.written.clone(),
                target: link.target.clone(),
            })
        };
        if let Some(kind) = problem {
            diagnostics.push(Diagnostic::error(&page.file, kind).at(link.line, link.column));
        }
    }
}
