//! Every internal link written in Markdown must lead somewhere: a page, a file, or a
//! heading of a page. Checked after rendering, when all addresses and heading ids are
//! known, and reported at the link's line and column in the Markdown file.

use crate::diagnostic::{Diagnostic, Diagnostics};
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
                        let known: Vec<&str> = ids
                            // The settings panel and the skip link target of every page are no sections.
                            .map(|ids| {
                                ids.iter()
                                    .map(String::as_str)
                                    .filter(|id| {
                                        !id.starts_with("a11y-")
                                            && !matches!(*id, "special" | "content")
                                    })
                                    .collect()
                            })
                            .unwrap_or_default();
                        Some((
                            format!(
                                "в ссылке «{}» нет раздела «#{fragment}» на странице {}",
                                link.written, link.target
                            ),
                            if known.is_empty() {
                                "на той странице нет заголовков; уберите часть ссылки после «#»"
                                    .to_string()
                            } else {
                                format!("разделы той страницы: {}", known.join(", "))
                            },
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
            Some((
                format!("ссылка «{}» ведёт на адрес без «/» в конце", link.written),
                format!("напишите {}/", link.target),
            ))
        } else {
            Some((
                format!("ссылка «{}» никуда не ведёт: на сайте нет {}", link.written, link.target),
                "проверьте адрес; страница из файла content/a/b.md имеет адрес /a/b/, файл content/a/x.pdf — /a/x.pdf".to_string(),
            ))
        };
        if let Some((message, hint)) = problem {
            diagnostics.push(
                Diagnostic::error(&page.file, message)
                    .at(link.line, link.column)
                    .hint(hint),
            );
        }
    }
}
