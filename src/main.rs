//! The command line: parses arguments with clap and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use msoko::{Options, Report};

#[derive(Debug, Parser)]
#[command(
    name = "msoko",
    version,
    about = "Сайт муниципальной системы оценки качества образования из YAML, CSV и Markdown"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    },
    /// Проверить сайт целиком, ничего не записывая
    Check {
        #[command(flatten)]
        site: SiteArgs,
    },
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
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (report, verb) = match cli.command {
        Command::Build {
            site,
            out,
            base_url,
            drafts,
        } => {
            let options = Options {
                out,
                base_url,
                drafts,
                ..options(site)
            };
            (msoko::build(&options), "Сборка")
        }
        Command::Check { site } => {
            let report = msoko::check(&options(site));
            print_checklist(&report);
            (report, "Проверка")
        }
    };
    print_report(&report, verb);
    let checklist_fails = verb == "Проверка" && report.checklist_missing() > 0;
    if report.has_errors() || checklist_fails {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The openness checklist, grouped by the law each requirement comes from.
fn print_checklist(report: &Report) {
    let mut group = "";
    println!("Чек-лист открытости сайта:");
    for item in &report.checklist {
        if item.group != group {
            group = item.group;
            println!("\n{group}");
        }
        println!(
            "  {} {}: {}",
            item.mark.symbol(),
            item.requirement,
            item.detail
        );
    }
    let count = |mark| report.checklist.iter().filter(|i| i.mark == mark).count();
    println!(
        "\nИтого: ✔ {}, ✘ {}, ⚠ {}.",
        count(msoko::Mark::Present),
        count(msoko::Mark::Missing),
        count(msoko::Mark::Attention)
    );
}

fn print_report(report: &Report, verb: &str) {
    for diagnostic in &report.diagnostics {
        eprintln!("{diagnostic}");
    }
    let seconds = format!("{:.2}", report.elapsed.as_secs_f64()).replace('.', ",");
    if report.has_errors() {
        eprintln!(
            "{verb} не удалась: ошибок — {}, предупреждений — {}. Сайт не изменён.",
            report.errors(),
            report.warnings()
        );
    } else {
        let written = report.written.map_or(String::new(), |w| {
            format!(" (записано {}, без изменений {})", w.written, w.unchanged)
        });
        eprintln!(
            "{verb} завершена за {seconds} с: страниц — {}, файлов — {}{written}, предупреждений — {}.",
            report.pages,
            report.files,
            report.warnings()
        );
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
