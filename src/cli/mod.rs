//! What the command line shows: diagnostics with the source line (`human`), the
//! same as JSON for editors and CI (`json`), progress while building (`progress`),
//! the development server's events (`serve`), in Russian or English (`words`).
//!
//! The library returns data (a `Report`, stage events, server events); everything
//! that writes to the terminal is here.

mod browser;
mod checklist;
mod human;
pub(crate) mod import;
mod json;
pub(crate) mod plans;
mod progress;
pub(crate) mod serve;
pub(crate) mod start;
pub(crate) mod words;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use msoko::{Lang, NoProgress, Options, Progress, Report};

use words::Verb;

/// `msoko build` and `msoko check`: run, print, exit 0 or 1.
pub(crate) fn run(options: &Options, verb: Verb, json: bool, lang: Lang) -> ExitCode {
    let go = |progress: &dyn Progress| match verb {
        Verb::Build => msoko::build_with(options, progress),
        Verb::Check => msoko::check_with(options, progress),
    };
    let report = if json {
        // stdout is the JSON; nothing else is printed.
        go(&NoProgress)
    } else {
        let progress = progress::Reporter::new(lang, std::io::stderr().is_terminal());
        let report = go(&progress);
        progress.done();
        report
    };
    if json {
        println!("{:#}", json::report(&report, verb, lang));
    } else {
        let mut printer = human::Printer::new(&options.root, lang, use_color());
        for diagnostic in &report.diagnostics {
            eprint!("{}", printer.render(diagnostic));
        }
        eprint!("{}", human::summary(&report, verb, lang));
        if verb == Verb::Check {
            checklist::print(&report, lang);
        }
    }
    exit_code(&report, verb)
}

/// A build fails on errors; a check also on a missing required item of the
/// openness checklist.
fn exit_code(report: &Report, verb: Verb) -> ExitCode {
    if report.refused {
        ExitCode::from(2)
    } else if report.has_errors() || (verb == Verb::Check && report.checklist_missing() > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Colours only on a terminal, and never when `NO_COLOR` is set (no-color.org), nor
/// on Windows: its classic console (a double-clicked `msoko.exe`) prints the colour
/// codes as text unless a program switches them on, which needs the Windows API.
pub(crate) fn use_color() -> bool {
    !cfg!(windows)
        && std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `msoko init [--empty] DIR`.
pub(crate) fn init(dir: &Path, empty: bool, lang: Lang) -> ExitCode {
    let shown = dir.display();
    let made = if empty {
        msoko::init_empty(dir)
    } else {
        msoko::init(dir)
    };
    match made {
        Ok(files) => {
            let count = files.len();
            let made = msoko::tr!(
                "Создан сайт в папке {shown}: файлов — {count}.\nДальше:\n  cd {shown}\n  msoko serve    # смотреть сайт на http://127.0.0.1:1111/, пока вы его правите\n  msoko check    # проверить все файлы\n  msoko build    # собрать сайт в папку public/\nЧто где лежит, рассказано в README.md в папке сайта.",
                "Created a site in {shown}: {count} files.\nNext:\n  cd {shown}\n  msoko serve    # see the site at http://127.0.0.1:1111/ while you edit\n  msoko check    # check every file\n  msoko build    # build the site into public/\nREADME.md in the folder explains what is where."
            );
            eprintln!("{}", made.get(lang));
            ExitCode::SUCCESS
        }
        Err(msoko::InitError::NotEmpty(_)) => {
            let not_empty = msoko::tr!(
                "ошибка: папка {shown} не пуста; msoko init создаёт сайт только в новой или пустой папке (или в свежем клоне, где есть только .git), чтобы ничего не затереть\n  подсказка: укажите новую папку, например msoko init мой-сайт",
                "error: the folder {shown} is not empty; msoko init creates a site only in a new or empty folder (or a fresh clone holding only .git), so that nothing is overwritten\n  hint: name a new folder, e.g. msoko init my-site"
            );
            eprintln!("{}", not_empty.get(lang));
            ExitCode::from(2)
        }
        Err(msoko::InitError::NotAFolder(_)) => {
            let a_file = msoko::tr!(
                "ошибка: {shown} — это файл, а не папка\n  подсказка: укажите папку для нового сайта, например msoko init мой-сайт",
                "error: {shown} is a file, not a folder\n  hint: name a folder for the new site, e.g. msoko init my-site"
            );
            eprintln!("{}", a_file.get(lang));
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("{}: {error}", words::severity(lang, msoko::Severity::Error));
            ExitCode::from(1)
        }
    }
}
