//! `msoko import plan` and `msoko import results`: run the library's importer, print
//! its problems with the printer of `build`, then a summary of what was written.
//! Exit 0 when a file was written (warnings may be printed), 1 when the input could
//! not be imported, 2 when the command line was wrong or the file to write exists.

use std::process::ExitCode;

use msoko::{Diagnostic, ImportFailure, Lang};

use super::human::Printer;

/// `msoko import plan FILE --id ID`.
pub(crate) fn plan(options: &msoko::PlanImportOptions, lang: Lang) -> ExitCode {
    let mut printer = Printer::new(&options.root, lang, super::use_color());
    match msoko::import_plan(options) {
        Ok((summary, warnings)) => {
            print_all(&mut printer, &warnings);
            let s = &summary;
            let written = s.written.display();
            let ru = lang == Lang::Ru;
            if ru {
                eprintln!("Записан план {written} ({}).", s.table);
                eprintln!(
                    "  Название: {}{}",
                    s.title,
                    if s.title_found {
                        ""
                    } else {
                        " (названия над таблицей нет: взято имя файла, исправьте title)"
                    }
                );
                match &s.approval {
                    Some(act) => eprintln!("  Утверждён: {act}"),
                    None => eprintln!("  Утвердивший акт не найден: допишите approved: {{kind: \"приказ\", number: \"…\", date: ГГГГ-ММ-ДД}}"),
                }
                let source = match s.period_source {
                    "title" => "по названию",
                    "deadlines" => "по годам в сроках: проверьте",
                    _ => "по году утвердившего акта: проверьте",
                };
                eprintln!("  Период: {} ({source})", s.period);
                eprintln!(
                    "  Разделов: {}, пунктов: {}, сроков: {}, из них не прочитано: {}.",
                    s.sections, s.items, s.deadlines, s.unread
                );
                if s.renumbered {
                    eprintln!("  Нумерация пунктов начиналась заново в каждом разделе; к номерам добавлен номер раздела («2.1»), чтобы пункты различались.");
                }
                eprintln!("Дальше: msoko check — проверить сайт с новым планом.");
            } else {
                eprintln!("Wrote the plan {written} ({}).", s.table);
                eprintln!(
                    "  Title: {}{}",
                    s.title,
                    if s.title_found {
                        ""
                    } else {
                        " (no title above the table: the file's name is used, correct title)"
                    }
                );
                match &s.approval {
                    Some(act) => eprintln!("  Approved by: {act}"),
                    None => eprintln!("  No approving act found: add approved: {{kind: \"приказ\", number: \"…\", date: YYYY-MM-DD}}"),
                }
                let source = match s.period_source {
                    "title" => "from the title",
                    "deadlines" => "from the years in the deadlines: check it",
                    _ => "from the year of the approving act: check it",
                };
                eprintln!("  Period: {} ({source})", s.period);
                eprintln!(
                    "  Sections: {}, items: {}, deadlines: {}, of them not read: {}.",
                    s.sections, s.items, s.deadlines, s.unread
                );
                if s.renumbered {
                    eprintln!("  Item numbers started again in each section; the section's number was put in front («2.1») so that items differ.");
                }
                eprintln!("Next: msoko check — check the site with the new plan.");
            }
            ExitCode::SUCCESS
        }
        Err(failure) => fail(&mut printer, failure),
    }
}

/// `msoko import results FILE --procedure P --year Y`.
pub(crate) fn results(options: &msoko::ResultsImportOptions, lang: Lang) -> ExitCode {
    let mut printer = Printer::new(&options.root, lang, super::use_color());
    match msoko::import_results(options) {
        Ok(summary) => {
            print_all(&mut printer, &summary.warnings);
            let written = summary.written.display();
            if lang == Lang::Ru {
                eprintln!(
                    "Записаны результаты {written} ({}): строк — {}, организаций — {}{}.",
                    summary.table,
                    summary.rows,
                    summary.organizations,
                    if summary.skipped_totals > 0 {
                        format!(", строк «Итого» пропущено — {}", summary.skipped_totals)
                    } else {
                        String::new()
                    }
                );
                if summary.from_percent {
                    eprintln!("  Проценты пересчитаны в числа участников (от столбца участников, с округлением так, чтобы сумма сошлась).");
                }
                eprintln!("Дальше: msoko check — проверить сайт с новыми результатами.");
            } else {
                eprintln!(
                    "Wrote the results {written} ({}): rows: {}, organisations: {}{}.",
                    summary.table,
                    summary.rows,
                    summary.organizations,
                    if summary.skipped_totals > 0 {
                        format!(", total rows skipped: {}", summary.skipped_totals)
                    } else {
                        String::new()
                    }
                );
                if summary.from_percent {
                    eprintln!("  Percentages were turned into numbers of participants (rounded so that the sum matches).");
                }
                eprintln!("Next: msoko check — check the site with the new results.");
            }
            ExitCode::SUCCESS
        }
        Err(failure) => fail(&mut printer, failure),
    }
}

fn print_all(printer: &mut Printer<'_>, diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprint!("{}", printer.render(diagnostic));
    }
}

fn fail(printer: &mut Printer<'_>, failure: ImportFailure) -> ExitCode {
    print_all(printer, &failure.diagnostics);
    ExitCode::from(if failure.usage { 2 } else { 1 })
}
