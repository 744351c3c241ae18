//! The double-click start: `msoko` with no arguments (as Explorer starts `msoko.exe`,
//! in the folder the file is in), or with one folder (a folder dropped on the
//! `.exe`). It finds the site there, or in the one subfolder that holds a site, runs
//! `serve`, opens the browser and keeps the window open with plain instructions and
//! the list of errors; outside a site it offers to create one (and asks first).
//!
//! A console window that closes at once shows nothing, so every way out ends with
//! «Нажмите Enter, чтобы закрыть окно» when there is someone at the keyboard. The
//! messages are Russian only: there are no arguments to ask for another language.
//! Every other command line goes to clap unchanged.

use std::ffi::OsString;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use msoko::{Lang, Options, ServeOptions};

/// The port tried first, as `msoko serve` uses; a free one when it is taken.
const PORT: u16 = 1111;
/// The folder a new site is created in when the started-in folder has other files.
const NEW_SITE_FOLDER: &str = "сайт";
/// The settings file that marks a site folder.
const SITE_FILE: &str = "site.yaml";

/// The folder to start in, when the command line is a double-click: nothing, or one
/// argument that is an existing folder (or a `site.yaml` dropped on the program) and
/// not a command.
pub(crate) fn requested(args: &[OsString]) -> Option<PathBuf> {
    match args {
        [] => Some(PathBuf::from(".")),
        [one] => {
            let path = PathBuf::from(one);
            let text = one.to_string_lossy();
            let command =
                ["build", "check", "serve", "init", "import", "help"].contains(&text.as_ref());
            if command || text.starts_with('-') {
                None
            } else if path.is_dir() {
                Some(path)
            } else if path.file_name().is_some_and(|n| n == SITE_FILE) && path.is_file() {
                path.parent().map(|p| {
                    if p.as_os_str().is_empty() {
                        PathBuf::from(".")
                    } else {
                        p.to_path_buf()
                    }
                })
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Where the site is, seen from the folder msoko was started in.
#[derive(Debug, PartialEq, Eq)]
enum Found {
    Site(PathBuf),
    Several(Vec<PathBuf>),
    None,
}

fn find_site(folder: &Path) -> Found {
    if folder.join(SITE_FILE).is_file() {
        return Found::Site(folder.to_path_buf());
    }
    let mut sites: Vec<PathBuf> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.join(SITE_FILE).is_file())
        .collect();
    sites.sort();
    match sites.len() {
        0 => Found::None,
        1 => Found::Site(sites.remove(0)),
        _ => Found::Several(sites),
    }
}

/// Runs the double-click start in `folder`.
pub(crate) fn run(folder: &Path) -> ExitCode {
    let folder = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    let code = match find_site(&folder) {
        Found::Site(root) => serve(&root),
        Found::Several(sites) => {
            eprintln!("В папке {} несколько сайтов:", shown(&folder));
            for site in &sites {
                eprintln!("  {}", shown(site));
            }
            eprintln!("Перетащите папку нужного сайта на значок msoko, и он откроется.");
            ExitCode::from(2)
        }
        Found::None => offer_init(&folder),
    };
    wait_for_enter();
    code
}

fn serve(root: &Path) -> ExitCode {
    eprintln!(
        "msoko — сайт МСОКО на этом компьютере.\n\
         Папка сайта: {}\n\
         Сейчас сайт откроется в браузере. Правьте файлы в папке сайта и сохраняйте их:\n\
         страница в браузере обновится сама. Ошибки в файлах появятся ниже и в браузере,\n\
         с именем файла, номером строки и подсказкой.\n\
         Этот просмотр виден только на этом компьютере; опубликованный сайт не меняется.\n\
         Чтобы закончить, нажмите Ctrl+C или закройте это окно.\n",
        shown(root)
    );
    let options = ServeOptions {
        build: Options {
            root: root.to_path_buf(),
            out: None,
            as_of: chrono::Local::now().date_naive(),
            base_url: None,
            drafts: false,
            // `serve` prints no PDF, and a double-click is never CI.
            chromium: None,
            ci: false,
        },
        port: PORT,
        lang: Lang::Ru,
    };
    super::serve::run_started(options, !super::browser::disabled())
}

fn offer_init(folder: &Path) -> ExitCode {
    let target = if is_empty_but_for_msoko(folder) {
        folder.to_path_buf()
    } else {
        folder.join(NEW_SITE_FOLDER)
    };
    eprintln!(
        "В папке {} нет сайта (нет файла {SITE_FILE}).\n\
         Создать новый сайт в папке {}?\n  \
         1 — сайт вашего управления: заготовка, в которую вы впишете свои сведения;\n  \
         2 — демонстрационный сайт выдуманного округа: посмотреть, как всё устроено.\n\
         Введите 1 или 2 и нажмите Enter; чтобы ничего не создавать, просто нажмите Enter.",
        shown(folder),
        shown(&target)
    );
    let Some(choice) = read_choice() else {
        eprintln!(
            "Ничего не создано. Чтобы открыть готовый сайт, положите msoko в папку сайта\n\
             (где лежит {SITE_FILE}) или перетащите папку сайта на значок msoko."
        );
        return ExitCode::SUCCESS;
    };
    // msoko itself may sit in the folder.
    let result = match choice {
        Choice::Empty => msoko::init_empty_keeping(&target, program_name().as_deref()),
        Choice::Demo => msoko::init_keeping(&target, program_name().as_deref()),
    };
    match result {
        Ok(files) => {
            eprintln!(
                "Создан сайт в папке {}: файлов — {}. Что где лежит, рассказано в README.md в этой папке.\n",
                shown(&target),
                files.len()
            );
            serve(&target)
        }
        Err(error) => {
            eprintln!("ошибка: сайт не создан: {error}");
            ExitCode::from(1)
        }
    }
}

/// Empty, or holding only msoko itself (and `.git`): a folder made for the site.
fn is_empty_but_for_msoko(folder: &Path) -> bool {
    let program = program_name();
    std::fs::read_dir(folder).is_ok_and(|entries| {
        entries.flatten().all(|entry| {
            let name = entry.file_name();
            name == ".git" || Some(&name) == program.as_ref()
        })
    })
}

/// The file name of this program (`msoko.exe`).
fn program_name() -> Option<OsString> {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.file_name().map(ToOwned::to_owned))
}

/// Which site to create.
#[derive(Debug, PartialEq, Eq)]
enum Choice {
    /// `msoko init --empty`: the department's own site, as the manual's page 2 begins.
    Empty,
    /// `msoko init`: the demo site of an invented district.
    Demo,
}

/// Reads one line; nothing (Enter, or no input at all: a pipeline, CI) creates
/// nothing.
fn read_choice() -> Option<Choice> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).ok()?;
    parse_choice(&line)
}

/// «1» (or «да»: the first, recommended answer) and «2»; anything else is no.
fn parse_choice(line: &str) -> Option<Choice> {
    match line.trim().to_lowercase().as_str() {
        "1" | "да" | "д" | "yes" | "y" => Some(Choice::Empty),
        "2" => Some(Choice::Demo),
        _ => None,
    }
}

/// Keeps a double-clicked window open until the reader has seen the messages.
fn wait_for_enter() {
    if std::io::stdin().is_terminal() {
        eprint!("\nНажмите Enter, чтобы закрыть окно.");
        let _ = std::io::stderr().flush();
        let _ = std::io::stdin().lock().read_line(&mut String::new());
    }
}

/// A path as a person reads it: without Windows' `\\?\` prefix.
fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    text.strip_prefix(r"\\?\")
        .map(str::to_string)
        .unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn no_arguments_start_in_the_current_folder() {
        assert_eq!(requested(&[]), Some(PathBuf::from(".")));
    }

    #[test]
    fn a_dropped_folder_starts_there_but_commands_and_options_go_to_clap() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Сайт МСОКО");
        std::fs::create_dir(&folder).unwrap();
        assert_eq!(
            requested(&[folder.clone().into_os_string()]),
            Some(folder.clone())
        );
        std::fs::write(folder.join(SITE_FILE), "").unwrap();
        assert_eq!(
            requested(&[folder.join(SITE_FILE).into_os_string()]),
            Some(folder.clone())
        );
        for line in [
            &["build"][..],
            &["--help"],
            &["-V"],
            &["help"],
            &["serve", "--port", "0"],
        ] {
            assert_eq!(requested(&args(line)), None, "{line:?}");
        }
        assert_eq!(requested(&args(&["no-such-folder"])), None);
    }

    #[test]
    fn finds_the_site_in_the_folder_or_in_its_only_site_subfolder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        assert_eq!(find_site(root), Found::None);
        std::fs::create_dir_all(root.join("сайт")).unwrap();
        std::fs::write(root.join("сайт").join(SITE_FILE), "").unwrap();
        std::fs::create_dir_all(root.join("Загрузки")).unwrap();
        assert_eq!(find_site(root), Found::Site(root.join("сайт")));
        std::fs::create_dir_all(root.join("второй")).unwrap();
        std::fs::write(root.join("второй").join(SITE_FILE), "").unwrap();
        assert_eq!(
            find_site(root),
            Found::Several(vec![root.join("второй"), root.join("сайт")])
        );
        std::fs::write(root.join(SITE_FILE), "").unwrap();
        assert_eq!(find_site(root), Found::Site(root.to_path_buf()));
    }

    #[test]
    fn reads_the_choice_of_site() {
        for empty in ["1\n", " 1\r\n", "да", "Да\r\n", "y"] {
            assert_eq!(parse_choice(empty), Some(Choice::Empty), "{empty:?}");
        }
        assert_eq!(parse_choice("2\r\n"), Some(Choice::Demo));
        for nothing in ["", "\n", "нет", "n", "3", "12"] {
            assert_eq!(parse_choice(nothing), None, "{nothing:?}");
        }
    }

    #[test]
    fn shows_windows_paths_without_the_verbatim_prefix() {
        assert_eq!(
            shown(Path::new(r"\\?\C:\Users\Иванова\сайт")),
            r"C:\Users\Иванова\сайт"
        );
    }
}
