//! One tera instance for the whole build: the theme's templates parsed once, and the
//! template functions registered once with the data they serve.
//!
//! Template problems become diagnostics naming the template file and, for syntax
//! errors, its line and column.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Tera, Value};

use super::views::SummaryView;
use crate::diagnostic::{Diagnostic, Message};
use crate::model::Model;
use crate::model::TemplateSource;

/// Parses every template; all syntax errors are reported, not only the first.
///
/// Each template is parsed once, all of them at once (parsing is most of the time of
/// a small site's build); what `Tera::add_raw_templates` does after parsing (the
/// inheritance chains, the macro files) is then done on the parsed set.
pub(crate) fn load_tera(templates: &[TemplateSource]) -> Result<Tera, Vec<Diagnostic>> {
    let parsed: Vec<tera::Result<tera::Template>> = templates
        .par_iter()
        .map(|t| tera::Template::new(&t.name, None, &t.text))
        .collect();
    let mut problems = Vec::new();
    for (template, parsed) in templates.iter().zip(&parsed) {
        // A template that parses on its own but fails for want of another one (a
        // parent, a macro file) is only an error once every template is loaded,
        // and the chains below report it. One that does not parse is told as
        // tera tells it when it is added alone.
        if parsed.is_ok() {
            continue;
        }
        let mut alone = Tera::default();
        alone.autoescape_on(vec![".html", ".xml"]);
        if let Err(error) = alone.add_raw_template(&template.name, &template.text) {
            problems.push(to_diagnostic(&error, &template.shown_path));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape_html);
    for (template, parsed) in templates.iter().zip(parsed) {
        let parsed = parsed.expect("parse errors returned above");
        tera.templates.insert(template.name.clone(), parsed);
    }
    tera.build_inheritance_chains()
        .and_then(|()| tera.check_macro_files())
        .map_err(|error| {
            let shown = shown_path(templates, &error);
            vec![to_diagnostic(&error, &shown)]
        })?;
    Ok(tera)
}

/// HTML escaping for template output. Tera's default also escapes `/`, which turns
/// every address into `&#x2F;news&#x2F;`: valid, but unreadable in the page source
/// that a specialist checks. Escaping these five characters is what HTML requires.
pub(crate) fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut copied = 0;
    for (at, c) in input.match_indices(['&', '<', '>', '"', '\'']) {
        out.push_str(&input[copied..at]);
        copied = at + 1;
        out.push_str(match c {
            "&" => "&amp;",
            "<" => "&lt;",
            ">" => "&gt;",
            "\"" => "&quot;",
            _ => "&#39;",
        });
    }
    out.push_str(&input[copied..]);
    out
}

/// Registers the functions templates may call. No I/O and no clock in here: every
/// value comes from the model.
pub(crate) fn register_functions(tera: &mut Tera, model: &Model) {
    let mut sections = BTreeMap::new();
    for (&section, children) in &model.children {
        let page = &model.pages[section];
        let pages: Vec<SummaryView> = children
            .pages
            .iter()
            .map(|&i| SummaryView::new(model, &model.pages[i]))
            .collect();
        let view = SectionView {
            title: &page.title,
            url: model.link(&page.url),
            pages,
        };
        sections.insert(
            page.url.clone(),
            tera::to_value(&view).unwrap_or(Value::Null),
        );
    }
    tera.register_function("get_section", GetSection { sections });
}

#[derive(Serialize)]
struct SectionView<'a> {
    title: &'a str,
    url: String,
    pages: Vec<SummaryView>,
}

/// `get_section(path="/news/", limit=5, optional=true)`: a section and its first
/// pages; with `optional`, `null` when the site has no such section.
struct GetSection {
    sections: BTreeMap<String, Value>,
}

impl tera::Function for GetSection {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let path = args
            .get("path")
            .and_then(Value::as_str)
            .ok_or("get_section: укажите path, например get_section(path=\"/news/\")")?;
        let optional = args
            .get("optional")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let Some(section) = self.sections.get(path).and_then(Value::as_object) else {
            // A theme used by many sites asks for sections a site may not have.
            return if optional {
                Ok(Value::Null)
            } else {
                Err(format!("get_section: раздела «{path}» нет или в нём нет страниц").into())
            };
        };
        // Copy only what is asked for: a news section may hold thousands of pages.
        let limit = args.get("limit").and_then(Value::as_u64);
        let mut out = tera::Map::new();
        for (key, value) in section {
            let value = match (key.as_str(), value, limit) {
                ("pages", Value::Array(pages), Some(limit)) => {
                    Value::Array(pages.iter().take(limit as usize).cloned().collect())
                }
                _ => value.clone(),
            };
            out.insert(key.clone(), value);
        }
        Ok(Value::Object(out))
    }
}

fn shown_path(templates: &[TemplateSource], error: &tera::Error) -> PathBuf {
    let text = error_chain(error);
    templates
        .iter()
        .find(|t| {
            text.contains(&format!("'{}'", t.name)) || text.contains(&format!("`{}`", t.name))
        })
        .map(|t| t.shown_path.clone())
        .unwrap_or_else(|| PathBuf::from("templates"))
}

/// The whole chain of a tera error in one line: tera puts the useful part in `source`.
pub(crate) fn error_chain(error: &tera::Error) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        parts.push(cause.to_string());
        source = cause.source();
    }
    parts.join(": ")
}

/// Turns a tera error into a diagnostic at `file`, with the `--> line:column` tera
/// prints for syntax errors.
pub(crate) fn to_diagnostic(error: &tera::Error, file: &std::path::Path) -> Diagnostic {
    let chain = error_chain(error);
    let position = chain.split("--> ").nth(1).and_then(|rest| {
        let spot = rest.split_whitespace().next()?;
        let (line, column) = spot.split_once(':')?;
        Some((line.parse().ok()?, column.parse().ok()?))
    });
    let message = chain
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "|")
        .collect::<Vec<_>>()
        .join(" ");
    let diagnostic = Diagnostic::error(file, Message::template(&message));
    match position {
        Some((line, column)) => diagnostic.at(line, column),
        None => diagnostic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(name: &str, text: &str) -> TemplateSource {
        TemplateSource {
            name: name.into(),
            shown_path: PathBuf::from(format!("themes/t/templates/{name}")),
            text: text.into(),
        }
    }

    #[test]
    fn reports_every_broken_template_with_its_line() {
        let problems = load_tera(&[
            source("a.html", "ok\n{% if %}"),
            source("b.html", "{{ x }"),
            source("c.html", "{% extends \"base.html\" %}"),
            source("base.html", "fine"),
        ])
        .unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].file, PathBuf::from("themes/t/templates/a.html"));
        assert_eq!(problems[0].line, Some(2));
        assert_eq!(problems[1].file, PathBuf::from("themes/t/templates/b.html"));
    }

    #[test]
    fn escapes_markup_but_not_slashes() {
        assert_eq!(
            escape_html("/a/?x=1&y=\"<'"),
            "/a/?x=1&amp;y=&quot;&lt;&#39;"
        );
    }

    #[test]
    fn reports_a_missing_parent_template() {
        let problems = load_tera(&[source("c.html", "{% extends \"nope.html\" %}")]).unwrap_err();
        assert_eq!(problems[0].file, PathBuf::from("themes/t/templates/c.html"));
        assert!(problems[0].message.ru.contains("nope.html"));
    }
}
