//! `msoko serve` in the terminal: starts the library's server, stops it on Ctrl-C,
//! and prints what happens — the address, each rebuild, every error with its line.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use msoko::{tr, Lang, Report, ServeError, ServeEvent, ServeOptions};

use super::human::Printer;
use super::words;

pub(crate) fn run(options: ServeOptions) -> ExitCode {
    let lang = options.lang;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    if let Err(error) = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed)) {
        eprintln!(
            "{}: Ctrl-C: {error}",
            words::severity(lang, msoko::Severity::Warning)
        );
    }
    finish(serve_until_stopped(&options, &stop, false), lang)
}

/// `serve` for the double-click start: opens the browser once the server listens
/// (unless `open_browser` is false), and takes a free port when the usual one is
/// busy (msoko started twice, another program), where `msoko serve` would stop.
pub(crate) fn run_started(options: ServeOptions, open_browser: bool) -> ExitCode {
    let lang = options.lang;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
    let mut options = options;
    loop {
        match serve_until_stopped(&options, &stop, open_browser) {
            Err(ServeError::PortInUse(port)) if options.port != 0 => {
                eprintln!("Порт {port} занят другой программой; сайт откроется на другом порту.");
                options.port = 0;
            }
            result => return finish(result, lang),
        }
    }
}

fn serve_until_stopped(
    options: &ServeOptions,
    stop: &Arc<AtomicBool>,
    open_browser: bool,
) -> Result<(), ServeError> {
    let root = options.build.root.clone();
    let lang = options.lang;
    // Until a build succeeds, the browser has no site to show, only the error list.
    let mut built_once = false;
    msoko::serve(options, stop, &mut |event| {
        if let (true, ServeEvent::Listening { url }) = (open_browser, &event) {
            if !super::browser::open(url) {
                eprintln!("Не удалось открыть браузер: откройте в нём адрес {url}");
            }
        }
        show(&root, lang, event, &mut built_once)
    })
}

fn finish(result: Result<(), ServeError>, lang: Lang) -> ExitCode {
    match result {
        Ok(()) => {
            eprintln!("{}", tr!("Сервер остановлен.", "Server stopped.").get(lang));
            ExitCode::SUCCESS
        }
        Err(ServeError::PortInUse(port)) => {
            let next = port.wrapping_add(1).max(1024);
            let in_use = tr!(
                "ошибка: порт {port} занят другой программой (может быть, уже запущен msoko serve)\n  подсказка: остановите её или выберите другой порт: msoko serve --port {next}",
                "error: port {port} is in use by another program (perhaps another msoko serve)\n  hint: stop it, or choose another port: msoko serve --port {next}"
            );
            eprintln!("{}", in_use.get(lang));
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("{}: {error}", words::severity(lang, msoko::Severity::Error));
            ExitCode::from(1)
        }
    }
}

fn show(root: &std::path::Path, lang: Lang, event: ServeEvent<'_>, built_once: &mut bool) {
    match event {
        ServeEvent::Listening { url } => {
            let listening = tr!(
                "Сайт открыт по адресу {url}\nИзменения в site.yaml, content/, data/ и themes/ видны сразу. Остановить: Ctrl+C.",
                "The site is at {url}\nChanges to site.yaml, content/, data/ and themes/ show at once. Stop: Ctrl+C."
            );
            eprintln!("{}", listening.get(lang));
        }
        ServeEvent::Built { report, changed } => {
            built(root, lang, report, changed, *built_once);
            *built_once |= !report.has_errors();
        }
        ServeEvent::WatchProblem { error } => {
            eprintln!(
                "{}: {error}",
                words::severity(lang, msoko::Severity::Warning)
            );
        }
    }
}

fn built(
    root: &std::path::Path,
    lang: Lang,
    report: &Report,
    changed: &[PathBuf],
    built_once: bool,
) {
    // A new printer each time: the files have just changed.
    let mut printer = Printer::new(root, lang, super::use_color());
    let first = changed.is_empty();
    if !first {
        let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
        let time = chrono::Local::now().format("%H:%M:%S");
        let names = names.join(", ");
        let changed = tr!("[{time}] изменено: {names}", "[{time}] changed: {names}");
        eprintln!("{}", changed.get(lang));
    }
    // Every error; warnings on the first build, then only those in changed files.
    for diagnostic in &report.diagnostics {
        if first || diagnostic.is_error() || changed.contains(&diagnostic.file) {
            eprint!("{}", printer.render(diagnostic));
        }
    }
    let time = words::millis(lang, report.elapsed);
    let (errors, warnings) = (report.errors(), report.warnings());
    let (errors_en, warnings_en) = (
        words::count_en(errors, "error"),
        words::count_en(warnings, "warning"),
    );
    let pages = report.pages;
    let outcome = match (report.has_errors(), built_once) {
        (true, true) => tr!(
            "Сайт не пересобран: ошибок — {errors}. В браузере — последняя удачная сборка и список ошибок.",
            "Not rebuilt: {errors_en}. The browser shows the last good build with the list of errors."
        ),
        (true, false) => tr!(
            "Сайт не собран: ошибок — {errors}. В браузере — список ошибок, пока они не исправлены.",
            "Not built: {errors_en}. The browser shows the list of errors until they are fixed."
        ),
        (false, _) => match report.rerendered {
            Some(again) => tr!(
                "Пересобрано за {time}: страниц — {again} из {pages}, предупреждений — {warnings}.",
                "Rebuilt in {time}: {again} of {pages} pages, {warnings_en}."
            ),
            None => tr!(
                "Собрано за {time}: страниц — {pages}, предупреждений — {warnings}.",
                "Rebuilt in {time}: {pages} pages, {warnings_en}."
            ),
        },
    };
    eprintln!("{}", outcome.get(lang));
}
