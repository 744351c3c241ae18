//! The theme: tera templates and static files.
//!
//! The default theme is embedded in the binary, so a site without `themes/` builds
//! anywhere. A site's `themes/<name>/` overrides it file by file (a site may change
//! only `templates/page.html`); a theme other than `default` must exist on disk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use super::FileSource;
use crate::diagnostic::{Diagnostic, Diagnostics};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A template's name (`page.html`, `partials/nav.html`), where it came from, its text.
#[derive(Debug, Clone)]
pub(crate) struct TemplateSource {
    pub(crate) name: String,
    /// Shown in diagnostics: `themes/default/templates/page.html`, or `(встроенная
    /// тема) templates/page.html` for the embedded copy.
    pub(crate) shown_path: PathBuf,
    pub(crate) text: String,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Theme {
    pub(crate) templates: Vec<TemplateSource>,
    /// Static files by their path in the output (`css/site.css`).
    pub(crate) statics: BTreeMap<String, FileSource>,
}

/// `line`: the line of `theme:` in site.yaml, for the message about a missing theme.
pub(crate) fn load_theme(
    root: &Path,
    name: &str,
    line: Option<usize>,
    diagnostics: &mut Diagnostics,
) -> Theme {
    let mut templates = BTreeMap::new();
    let mut statics = BTreeMap::new();
    let dir = root.join("themes").join(name);
    let missing = name != "default" && !dir.is_dir();
    // A missing theme is one error at `theme:`; the pages are still rendered with the
    // default theme, so that it is not followed by a missing template on every page.
    if name == "default" || missing {
        add_embedded(&DEFAULT_THEME, &mut templates, &mut statics);
    }
    if dir.is_dir() {
        add_from_disk(root, &dir, &mut templates, &mut statics, diagnostics);
    } else if missing {
        let mut allowed = vec!["default".to_string()];
        if let Ok(entries) = std::fs::read_dir(root.join("themes")) {
            let mut found: Vec<String> = entries
                .flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n != "default")
                .collect();
            found.sort();
            allowed.extend(found);
        }
        let (message, hint) = crate::diagnostic::Message::unknown_value(name, &allowed);
        let kind = (message.in_field("theme"), hint);
        diagnostics
            .push(Diagnostic::error(crate::config::CONFIG_FILE, kind).at_line(line.unwrap_or(1)));
    }
    Theme {
        templates: templates.into_values().collect(),
        statics,
    }
}

fn add_embedded(
    dir: &'static Dir<'static>,
    templates: &mut BTreeMap<String, TemplateSource>,
    statics: &mut BTreeMap<String, FileSource>,
) {
    for entry in dir.entries() {
        if let Some(sub) = entry.as_dir() {
            add_embedded(sub, templates, statics);
        } else if let Some(file) = entry.as_file() {
            let path = file.path().to_string_lossy().replace('\\', "/");
            if let Some(name) = path.strip_prefix("templates/") {
                templates.insert(
                    name.to_string(),
                    TemplateSource {
                        name: name.to_string(),
                        shown_path: PathBuf::from(format!("(встроенная тема) {path}")),
                        text: String::from_utf8_lossy(file.contents()).into_owned(),
                    },
                );
            } else if let Some(name) = path.strip_prefix("static/") {
                statics.insert(name.to_string(), FileSource::Embedded(file.contents()));
            }
        }
    }
}

fn add_from_disk(
    root: &Path,
    dir: &Path,
    templates: &mut BTreeMap<String, TemplateSource>,
    statics: &mut BTreeMap<String, FileSource>,
    diagnostics: &mut Diagnostics,
) {
    let within = dir.strip_prefix(root).unwrap_or(dir);
    for found in super::walk::walk(root, within, diagnostics) {
        let shown = found.shown.as_path();
        let relative = found.relative.to_string_lossy().replace('\\', "/");
        if let Some(name) = relative.strip_prefix("templates/") {
            if let Some(text) = crate::fs::read_text_to(&found.path, shown, diagnostics) {
                templates.insert(
                    name.to_string(),
                    TemplateSource {
                        name: name.to_string(),
                        shown_path: shown.to_path_buf(),
                        text,
                    },
                );
            }
        } else if let Some(name) = relative.strip_prefix("static/") {
            statics.insert(name.to_string(), FileSource::Disk(found.path.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embeds_the_default_theme() {
        let mut diagnostics = Diagnostics::default();
        let dir = tempfile::tempdir().unwrap();
        let theme = load_theme(dir.path(), "default", None, &mut diagnostics);
        assert!(!diagnostics.has_errors());
        assert!(theme.templates.iter().any(|t| t.name == "page.html"));
        assert!(theme.statics.contains_key("css/site.css"));
    }

    #[test]
    fn overrides_one_template_from_disk() {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("themes/default/templates");
        std::fs::create_dir_all(&templates).unwrap();
        std::fs::write(templates.join("page.html"), "mine").unwrap();
        let mut diagnostics = Diagnostics::default();
        let theme = load_theme(dir.path(), "default", None, &mut diagnostics);
        let page = theme
            .templates
            .iter()
            .find(|t| t.name == "page.html")
            .unwrap();
        assert_eq!(page.text, "mine");
        assert_eq!(
            page.shown_path,
            PathBuf::from("themes/default/templates/page.html")
        );
        assert!(theme.templates.iter().any(|t| t.name == "base.html"));
    }

    #[test]
    fn errors_on_missing_custom_theme() {
        let dir = tempfile::tempdir().unwrap();
        let mut diagnostics = Diagnostics::default();
        load_theme(dir.path(), "blue", None, &mut diagnostics);
        assert!(diagnostics.has_errors());
    }
}
