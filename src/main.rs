//! The command line: parses arguments with clap and calls the library; `cli/` shows
//! what comes back (diagnostics, progress, JSON, the server's events).

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use cli::words::Verb;
use msoko::Options;

#[derive(Debug, Parser)]
#[command(
    name = "msoko",
    version,
    about = "Сайт муниципальной системы оценки качества образования из YAML, CSV и Markdown"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Язык сообщений: ru или en
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Ru)]
    lang: LangArg,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Собрать сайт в папку public/ (или --out)
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Папка для готового сайта (по умолчанию ROOT/public)
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Адрес сайта вместо base_url из site.yaml
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Включить черновики (draft: true)
        #[arg(long)]
        drafts: bool,
        /// Вид отчёта: human (для людей) или json (для редакторов и CI)
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Проверить сайт целиком, ничего не записывая
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// Вид отчёта: human (для людей) или json (для редакторов и CI)
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Собрать сайт, открыть его на http://127.0.0.1:PORT/ и пересобирать при изменениях
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Порт (только 127.0.0.1); 0 — любой свободный
        #[arg(long, value_name = "N", default_value_t = 1111)]
        port: u16,
        /// Включить черновики (draft: true)
        #[arg(long)]
        drafts: bool,
    },
    /// Показать, как прочитан каждый пункт планов: срок, даты, повторение, статус и почему
    Plans {
        /// id плана (по умолчанию все планы)
        #[arg(value_name = "ID")]
        id: Option<String>,
        #[command(flatten)]
        site: SiteArgs,
        /// Вид вывода: human (для людей) или json
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Создать новый сайт из образца в папке DIR (новой или пустой)
    Init {
        /// Папка нового сайта
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Пустой сайт: только сведения об управлении (заполнить) и разделы, без примеров
        #[arg(long)]
        empty: bool,
    },
    /// Перенести план или результаты из файла Word, Excel, LibreOffice или CSV в data/
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// План или дорожную карту (таблицу) — в data/plans/ID.yaml
    Plan {
        /// Файл .docx, .xlsx, .ods или .csv
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// id плана: имя файла и адрес страницы /plans/ID/ (латиница, цифры, дефис)
        #[arg(long, value_name = "ID")]
        id: String,
        /// Папка сайта (где лежит site.yaml)
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
    /// Результаты ВПР, ОГЭ или ЕГЭ по организациям — в data/results/PROC/YEAR.csv
    Results {
        /// Файл .xlsx, .ods или .csv
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Процедура: vpr, oge или ege
        #[arg(long, value_enum)]
        procedure: ProcedureArg,
        /// Год проведения
        #[arg(long, value_name = "YEAR")]
        year: u16,
        /// Класс, если в таблице нет столбца «Класс» (ВПР)
        #[arg(long, value_name = "N")]
        grade: Option<u8>,
        /// Предмет, если в таблице нет столбца «Предмет»
        #[arg(long, value_name = "NAME")]
        subject: Option<String>,
        /// Папка сайта (где лежит site.yaml)
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ProcedureArg {
    Vpr,
    Oge,
    Ege,
}

#[derive(Debug, clap::Args)]
struct SiteArgs {
    /// Папка сайта (где лежит site.yaml)
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Дата, на которую собирается сайт (ГГГГ-ММ-ДД); по умолчанию сегодня
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_as_of)]
    as_of: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangArg {
    Ru,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn parse_as_of(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("«{text}» — не дата; нужен вид ГГГГ-ММ-ДД, например 2026-11-20"))
}

fn options(site: SiteArgs) -> Options {
    Options {
        root: site.root,
        out: None,
        as_of: site
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        base_url: None,
        drafts: false,
        chromium: find_chromium(),
        ci: std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1"),
    }
}

/// The browser that prints reports to PDF: `MSOKO_CHROMIUM` when set (empty turns
/// printing off), else the first of the usual paths that exists.
fn find_chromium() -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os("MSOKO_CHROMIUM") {
        let path = std::path::PathBuf::from(path);
        return (!path.as_os_str().is_empty() && path.is_file()).then_some(path);
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .into_iter()
    .map(std::path::PathBuf::from)
    .find(|p| p.is_file())
}

fn main() -> ExitCode {
    // A double-click (no arguments) or a folder dropped on the program: see cli/start.rs.
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    if let Some(folder) = cli::start::requested(&args) {
        return cli::start::run(&folder);
    }
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Ru => msoko::Lang::Ru,
        LangArg::En => msoko::Lang::En,
    };
    match cli.command {
        Command::Build {
            site,
            out,
            base_url,
            drafts,
            format,
        } => {
            let options = Options {
                out,
                base_url,
                drafts,
                ..options(site)
            };
            cli::run(&options, Verb::Build, format == Format::Json, lang)
        }
        Command::Check { site, format } => {
            cli::run(&options(site), Verb::Check, format == Format::Json, lang)
        }
        Command::Serve { site, port, drafts } => {
            let build = Options {
                drafts,
                ..options(site)
            };
            cli::serve::run(msoko::ServeOptions { build, port, lang })
        }
        Command::Plans { id, site, format } => {
            cli::plans::run(&options(site), id.as_deref(), format == Format::Json, lang)
        }
        Command::Init { dir, empty } => cli::init(&dir, empty, lang),
        Command::Import {
            what: ImportCommand::Plan { file, id, root },
        } => cli::import::plan(&msoko::PlanImportOptions { root, file, id }, lang),
        Command::Import {
            what:
                ImportCommand::Results {
                    file,
                    procedure,
                    year,
                    grade,
                    subject,
                    root,
                },
        } => {
            let procedure = match procedure {
                ProcedureArg::Vpr => "vpr",
                ProcedureArg::Oge => "oge",
                ProcedureArg::Ege => "ege",
            };
            let options = msoko::ResultsImportOptions {
                root,
                file,
                procedure: procedure.to_string(),
                year,
                grade,
                subject,
            };
            cli::import::results(&options, lang)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
