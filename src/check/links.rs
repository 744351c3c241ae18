//! Every internal link written in Markdown must lead somewhere: a page, a file, or a
//! heading of a page. Checked after rendering, when all addresses and heading ids are
//! known, and reported at the link's line and column in the Markdown file.

use crate::diagnostic::{Diagnostic, Diagnostics, Message};
use crate::model::{paths, Model};
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
                        // The settings panel and the skip link target of every
                        // page are no sections to suggest.
                        let known: Vec<String> = ids
                            .map(|ids| {
                                ids.iter()
                                    .filter(|id| {
                                        !id.starts_with("a11y-")
                                            && !matches!(id.as_str(), "special" | "content")
                                    })
                                    .cloned()
                                    .collect()
                            })
                            .unwrap_or_default();
                        Some(Message::missing_anchor(
                            &link.written,
                            fragment,
                            &link.target,
                            &known,
                        ))
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
            Some(Message::link_without_slash(&link.written, &link.target))
        } else if model.register.unreadable && link.target.starts_with(paths::org_list()) {
            // The register's pages are missing because its file could not be read:
            // that error is reported, and one fix mends these links too.
            None
        } else {
            Some(Message::broken_link(&link.written, &link.target))
        };
        if let Some(kind) = problem {
            diagnostics.push(Diagnostic::error(&page.file, kind).at(link.line, link.column));
        }
    }
}
