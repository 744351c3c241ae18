//! Output names that work on a Linux web server but break on Windows (and macOS):
//! two files whose names differ only in case are one file there, so one of them
//! would silently replace the other when the site is copied, unpacked or previewed
//! on the department's computer; and a path longer than Windows' 260 characters
//! cannot be opened by Explorer, archivers or an FTP client.
//!
//! Both are checked on every platform, because the site is usually built on Linux
//! (CI), where nothing would go wrong until someone downloads it. A case clash is an
//! error (a file would be lost); a long path is a warning (the web server serves it).
//! Page addresses are transliterated to lower case already, so in practice the
//! clashes come from attachments, which keep their file names.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::tr;

/// The longest path inside `public/` that is safe on Windows: 260 characters with the
/// folder the site is unpacked into, for which 60 are left
/// (`C:\Users\<name>\Documents\<site>\public\`).
pub(crate) const MAX_OUTPUT_PATH: usize = 200;

/// One file of the output: its path inside `public/` (`/`-separated) and the source
/// file it comes from, as shown to the user.
pub(crate) struct OutputName {
    pub(crate) output: String,
    pub(crate) source: PathBuf,
}

/// Reports case clashes (errors) and paths too long for Windows (warnings). Exact
/// duplicates are left to the checks that report them with more to say.
pub(crate) fn check_output_names(names: &[OutputName], diagnostics: &mut Diagnostics) {
    let mut by_folded: BTreeMap<String, &OutputName> = BTreeMap::new();
    for name in names {
        let folded = name.output.to_lowercase();
        match by_folded.get(&folded) {
            Some(first) if first.output != name.output => {
                diagnostics.push(case_clash(first, name));
            }
            Some(_) => {}
            None => {
                by_folded.insert(folded, name);
            }
        }
        let length = windows_length(&name.output);
        if length > MAX_OUTPUT_PATH {
            diagnostics.push(too_long(name, length));
        }
    }
}

/// The length Windows counts: UTF-16 code units.
fn windows_length(output: &str) -> usize {
    output.encode_utf16().count()
}

fn case_clash(first: &OutputName, second: &OutputName) -> Diagnostic {
    let (a, b) = (shown(first), shown(second));
    Diagnostic::error(
        &second.source,
        tr!(
            format!("{a} и {b} различаются только заглавными и строчными буквами: на Windows и macOS это один и тот же файл, и один из них пропадёт"),
            format!("{a} and {b} differ only in upper and lower case: on Windows and macOS they are the same file, and one of them would be lost")
        ),
    )
    .hint(tr!(
        "переименуйте один из файлов так, чтобы имена различались не только регистром букв, и поправьте ссылки на него",
        "rename one of the files so that the names differ in more than case, and correct the links to it"
    ))
}

fn too_long(name: &OutputName, length: usize) -> Diagnostic {
    let output = format!("public/{}", name.output);
    Diagnostic::warning(
        &name.source,
        tr!(
            format!("путь {output} длиной {length} знаков слишком длинный для Windows: вместе с папкой сайта он превысит 260 знаков, и Проводник, архиватор или программа для загрузки на сервер не смогут открыть файл"),
            format!("the path {output} is {length} characters long, too long for Windows: with the site's folder it exceeds 260 characters, and Explorer, an archiver or an upload program cannot open the file")
        ),
    )
    .hint(tr!(
        format!("сократите имя файла или папки: путь внутри public/ должен быть не длиннее {MAX_OUTPUT_PATH} знаков"),
        format!("shorten the name of the file or folder: the path inside public/ must be at most {MAX_OUTPUT_PATH} characters")
    ))
}

/// The source file, as the user knows it (`content/documents/Prikaz.pdf`).
fn shown(name: &OutputName) -> String {
    name.source.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn name(output: &str, source: &str) -> OutputName {
        OutputName {
            output: output.into(),
            source: source.into(),
        }
    }

    fn check(names: &[OutputName]) -> Vec<Diagnostic> {
        let mut diagnostics = Diagnostics::default();
        check_output_names(names, &mut diagnostics);
        diagnostics.into_sorted()
    }

    #[test]
    fn errors_on_two_attachments_differing_only_in_case() {
        let found = check(&[
            name(
                "documents/Prikaz-178.pdf",
                "content/documents/Prikaz-178.pdf",
            ),
            name(
                "documents/prikaz-178.pdf",
                "content/documents/prikaz-178.pdf",
            ),
        ]);
        assert_eq!(found.len(), 1);
        let error = &found[0];
        assert!(error.is_error());
        assert_eq!(error.file, Path::new("content/documents/prikaz-178.pdf"));
        assert_eq!((error.line, error.column), (None, None));
        assert_eq!(
            error.message.ru,
            "content/documents/Prikaz-178.pdf и content/documents/prikaz-178.pdf различаются только заглавными и строчными буквами: на Windows и macOS это один и тот же файл, и один из них пропадёт"
        );
    }

    #[test]
    fn folds_cyrillic_case_too() {
        let found = check(&[
            name("news/Приказ.pdf", "content/news/Приказ.pdf"),
            name("news/приказ.pdf", "content/news/приказ.pdf"),
            name("news/other.pdf", "content/news/other.pdf"),
        ]);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn leaves_exact_duplicates_to_other_checks() {
        assert!(check(&[
            name("a/index.html", "content/a.md"),
            name("a/index.html", "content/a/_index.md")
        ])
        .is_empty());
    }

    #[test]
    fn warns_on_a_path_too_long_for_windows() {
        let long = format!(
            "documents/{}.pdf",
            "Приказ об утверждении положения ".repeat(6)
        );
        let found = check(&[
            name(&long, "content/documents/x.pdf"),
            name(&"a".repeat(MAX_OUTPUT_PATH), "content/a.pdf"),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        let warning = &found[0];
        assert!(!warning.is_error());
        assert_eq!(warning.file, Path::new("content/documents/x.pdf"));
        assert!(
            warning.message.ru.starts_with(&format!(
                "путь public/{long} длиной 206 знаков слишком длинный для Windows"
            )),
            "{}",
            warning.message
        );
        assert!(warning
            .hint
            .as_ref()
            .map(|h| h.ru.as_str())
            .unwrap()
            .contains("не длиннее 200 знаков"));
    }
}
