//! `msoko import`: a department's own Word and Excel files into the site's data
//! files, so that nobody retypes a 97-item road map into YAML.
//!
//! - `import plan FILE --id ID`: a plan's table (`.docx`, `.xlsx`, `.ods`, `.csv`)
//!   into `data/plans/ID.yaml` (`plan`, `heading`, `plan_yaml`);
//! - `import results FILE --procedure P --year Y`: a results table into
//!   `data/results/P/Y.csv` (`results`).
//!
//! The readers (`docx`, `sheet`) turn a file into tables (`table`); `clean` removes
//! what Word leaves in text. An importer never overwrites a file: the specialist may
//! have marked progress in it. What it writes is checked to parse as the build reads
//! it before it is written. It is not a build stage: it runs before `load`, writing
//! the files `load` will read.

mod clean;
mod docx;
mod heading;
mod plan;
mod plan_yaml;
mod results;
mod sheet;
mod table;

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::tr;

pub use results::{import_results, ResultsImportOptions, ResultsSummary};

/// What `msoko import plan` is asked to do.
#[derive(Debug, Clone)]
pub struct PlanImportOptions {
    /// The site's root folder.
    pub root: PathBuf,
    /// The Word, Excel, LibreOffice or CSV file.
    pub file: PathBuf,
    /// The plan's id: the file name under `data/plans/` and the page address.
    pub id: String,
}

/// What an import wrote, for the summary the command prints.
#[derive(Debug, Clone)]
pub struct PlanSummary {
    /// The file written, relative to the root.
    pub written: PathBuf,
    /// The plan's title; `title_found` is false when it is the file's name.
    pub title: String,
    pub title_found: bool,
    /// The approving act as written in the file («приказ № 594 от 17.09.2021»).
    pub approval: Option<String>,
    /// The period, ДД.ММ.ГГГГ–ДД.ММ.ГГГГ, and where it came from: `title`,
    /// `deadlines` or `approval`.
    pub period: String,
    pub period_source: &'static str,
    pub sections: usize,
    pub items: usize,
    /// Items with a deadline, and of them those the deadline reader could not read
    /// (each also a warning at its line).
    pub deadlines: usize,
    pub unread: usize,
    /// Item numbers were prefixed with their section's («2.1»): numbering started
    /// again in each section.
    pub renumbered: bool,
    /// Which table of the file it was («таблица 2», «лист «План»»).
    pub table: String,
}

/// Why nothing was written.
#[derive(Debug)]
pub struct ImportFailure {
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
    /// The command line was wrong (a bad id, a file that already exists): exit 2,
    /// not 1.
    pub usage: bool,
}

impl ImportFailure {
    fn input(diagnostic: Diagnostic) -> Self {
        ImportFailure {
            diagnostics: vec![diagnostic],
            usage: false,
        }
    }

    fn usage(diagnostic: Diagnostic) -> Self {
        ImportFailure {
            diagnostics: vec![diagnostic],
            usage: true,
        }
    }
}

/// Reads the plan in `options.file` and writes `data/plans/<id>.yaml`; the warnings
/// (deadlines that could not be read) come with the summary.
pub fn import_plan(
    options: &PlanImportOptions,
) -> Result<(PlanSummary, Vec<Diagnostic>), ImportFailure> {
    let id = &options.id;
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(ImportFailure::usage(
            Diagnostic::error("--id", tr!("«{id}» не годится как id плана", "“{id}” is not a valid plan id"))
                .hint(tr!(
                    "id — латинские строчные буквы, цифры и дефис: он станет адресом страницы /plans/<id>/, например --id roadmap-2025",
                    "an id is lower-case Latin letters, digits and hyphens: it becomes the page address /plans/<id>/, e.g. --id roadmap-2025"
                )),
        ));
    }
    let relative = Path::new("data/plans").join(format!("{id}.yaml"));
    refuse_existing(&options.root, &relative)?;
    let tables = read_tables(&options.file)?;
    let shown = options.file.display().to_string();
    let imported = plan::read_plan(&tables).map_err(|e| {
        ImportFailure::input(match e {
            plan::PlanTableError::NoHeader { tables } => Diagnostic::error(
                &options.file,
                tr!(
                    "в файле не найдена таблица плана (таблиц в файле: {tables})",
                    "no plan table found in the file (tables in the file: {tables})"
                ),
            )
            .hint(tr!(
                "таблица плана узнаётся по строке заголовков: «Мероприятие» и «Сроки» или «Ответственные» (в любом порядке); добавьте такую строку над таблицей",
                "a plan table is recognised by its header row: «Мероприятие» and «Сроки» or «Ответственные» (in any order); add such a row above the table"
            )),
            plan::PlanTableError::NoItems { table } => Diagnostic::error(
                &options.file,
                tr!(
                    "в таблице плана ({table}) под строкой заголовков нет ни одного пункта",
                    "the plan table ({table}) has no items under its header row"
                ),
            )
            .hint(tr!(
                "проверьте, что мероприятия стоят в строках под заголовками, а не в одной объединённой ячейке",
                "check that the items are in rows under the header, not in one merged cell"
            )),
        })
    })?;
    let file_name = options
        .file
        .file_name()
        .map_or(shown.clone(), |n| n.to_string_lossy().into_owned());
    let (title, title_found) = match &imported.title {
        Some(title) => (title.clone(), true),
        None => (
            crate::text::capitalize(
                options
                    .file
                    .file_stem()
                    .map_or(id.clone(), |s| s.to_string_lossy().replace('_', " "))
                    .trim(),
            ),
            false,
        ),
    };
    let Some(period) = imported.period else {
        return Err(ImportFailure::input(
            Diagnostic::error(
                &options.file,
                tr!(
                    "не удалось определить период плана: ни в названии, ни в сроках, ни в утвердившем акте нет года",
                    "the plan's period could not be found: no year in the title, the deadlines or the approving act"
                ),
            )
            .hint(tr!(
                "напишите над таблицей название с годами, например «План мероприятий на 2025-2026 учебный год», и запустите импорт снова",
                "write a title with the years above the table, e.g. «План мероприятий на 2025-2026 учебный год», and import again"
            )),
        ));
    };
    let yaml =
        plan_yaml::write_plan_yaml(&imported, id, &title, (period.from, period.to), &file_name);
    // What is written must read back as the build reads it.
    if let Err(problem) = crate::yaml::parse::<crate::load::RawPlan>(&yaml.text, &relative, 1) {
        return Err(ImportFailure::input(problem));
    }
    let reading_period = crate::model::PlanPeriod {
        from: period.from,
        to: period.to,
    };
    let mut warnings = Vec::new();
    for (header, line, column) in &imported.skipped_columns {
        warnings.push(
            Diagnostic::warning(
                &options.file,
                tr!(
                    format!("столбец «{header}» ({}) не перенесён: в плане сайта для него нет поля", imported.table),
                    format!("the column “{header}” ({}) was not imported: a plan of the site has no field for it", imported.table)
                ),
            )
            .at(*line, *column)
            .hint(tr!(
                "поля пункта плана: no, title, due, responsible, form, result; если текст этого столбца нужен на сайте, перенесите его в result или form",
                "the fields of a plan item are no, title, due, responsible, form, result; if this column's text is needed on the site, move it into result or form"
            )),
        );
    }
    let mut unread = 0;
    for (line, column, text) in &yaml.dues {
        if let Err(unreadable) = crate::model::parse_deadline(text, &reading_period) {
            unread += 1;
            warnings.push(
                Diagnostic::warning(
                    &relative,
                    tr!(
                        format!("срок «{}» не удалось прочитать: {}", unreadable.text, unreadable.reason),
                        format!("the deadline “{}” could not be read: {}", unreadable.text, unreadable.reason_en)
                    ),
                )
                .at(*line, *column)
                .hint(tr!(
                    "текст срока перенесён как есть; на сайте у пункта будет статус «не определён», пока срок не записан датой, месяцем или словами «ежегодно», «постоянно»",
                    "the deadline's text is kept as written; on the site the item has the status «не определён» (unknown) until the deadline is written as a date, a month or words such as «ежегодно»"
                )),
            );
        }
    }
    write_new(&options.root, &relative, &yaml.text)?;
    let summary = PlanSummary {
        written: relative,
        title,
        title_found,
        approval: imported
            .approval
            .as_ref()
            .map(|a| format!("{} от {} № {}", a.kind, a.date.format("%d.%m.%Y"), a.number)),
        period: format!(
            "{}–{}",
            period.from.format("%d.%m.%Y"),
            period.to.format("%d.%m.%Y")
        ),
        period_source: match period.source {
            heading::PeriodSource::Title => "title",
            heading::PeriodSource::Deadlines => "deadlines",
            heading::PeriodSource::Approval => "approval",
        },
        sections: imported.section_count() + usize::from(!imported.loose.is_empty()),
        items: imported.all_items().count(),
        deadlines: yaml.dues.len(),
        unread,
        renumbered: imported.renumbered,
        table: imported.table.clone(),
    };
    Ok((summary, warnings))
}

/// The tables of a file, by its extension.
fn read_tables(file: &Path) -> Result<Vec<table::Table>, ImportFailure> {
    let extension = file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let cannot_read = |why: String| {
        ImportFailure::input(
            Diagnostic::error(
                file,
                tr!(format!("файл не удалось прочитать: {why}"), format!("the file could not be read: {why}")),
            )
            .hint(tr!(
                "откройте файл в Word, Excel или LibreOffice и сохраните его заново (.docx, .xlsx, .ods или .csv)",
                "open the file in Word, Excel or LibreOffice and save it again (.docx, .xlsx, .ods or .csv)"
            )),
        )
    };
    match extension.as_str() {
        "doc" | "xls" | "rtf" => {
            let new = if extension == "xls" { "xlsx" } else { "docx" };
            Err(ImportFailure::input(
                Diagnostic::error(
                    file,
                    tr!(
                        format!("файл .{extension} — старый формат Office 97–2003, msoko его не читает"),
                        format!("a .{extension} file is the old Office 97–2003 format, which msoko does not read")
                    ),
                )
                .hint(tr!(
                    format!("откройте его в Word, Excel или LibreOffice и сохраните как .{new} («Файл → Сохранить как»), затем импортируйте файл .{new}"),
                    format!("open it in Word, Excel or LibreOffice and save it as .{new} (File → Save As), then import the .{new} file")
                )),
            ))
        }
        "docx" | "xlsx" | "xlsm" | "ods" | "csv" => {
            let bytes = std::fs::read(file).map_err(|e| {
                ImportFailure::input(
                    Diagnostic::error(
                        file,
                        tr!(
                            format!("файл не открывается: {e}"),
                            format!("the file cannot be opened: {e}")
                        ),
                    )
                    .hint(tr!("проверьте путь к файлу", "check the path to the file")),
                )
            })?;
            match extension.as_str() {
                "docx" => docx::read_docx(&bytes).map_err(|e| cannot_read(e.0)),
                "csv" => sheet::read_csv(&bytes, "CSV")
                    .map(|t| vec![t])
                    .map_err(cannot_read),
                _ => sheet::read_workbook(file).map_err(cannot_read),
            }
        }
        _ => Err(ImportFailure::usage(
            Diagnostic::error(
                file,
                tr!(
                    format!("файлы «.{extension}» msoko не импортирует"),
                    format!("msoko does not import “.{extension}” files")
                ),
            )
            .hint(tr!(
                "сохраните таблицу как .docx (Word), .xlsx (Excel), .ods (LibreOffice) или .csv",
                "save the table as .docx (Word), .xlsx (Excel), .ods (LibreOffice) or .csv"
            )),
        )),
    }
}

/// An error when `relative` already exists under `root`: an import never overwrites.
/// Also when `root` is not a site, so that a command typed in the wrong folder does
/// not leave a `data/` folder there.
fn refuse_existing(root: &Path, relative: &Path) -> Result<(), ImportFailure> {
    if !root.join(crate::config::CONFIG_FILE).is_file() {
        let shown = root.display();
        return Err(ImportFailure::usage(
            Diagnostic::error(
                crate::config::CONFIG_FILE,
                tr!(
                    "в папке «{shown}» нет site.yaml: это не папка сайта",
                    "the folder “{shown}” has no site.yaml: it is not a site's folder"
                ),
            )
            .hint(tr!(
                "выполните команду в папке сайта (cd папка-сайта) или укажите её: --root папка-сайта",
                "run the command in the site's folder (cd site-folder) or name it: --root site-folder"
            )),
        ));
    }
    if root.join(relative).exists() {
        return Err(ImportFailure::usage(
            Diagnostic::error(
                relative,
                tr!(
                    "такой файл уже есть; импорт никогда не записывает поверх существующего файла",
                    "this file already exists; an import never writes over an existing file"
                ),
            )
            .hint(tr!(
                "выберите другой id (--id, --year) или переименуйте старый файл, если он больше не нужен",
                "choose another id (--id, --year) or rename the old file if it is no longer needed"
            )),
        ));
    }
    Ok(())
}

/// Writes a new file (never over an existing one).
fn write_new(root: &Path, relative: &Path, text: &str) -> Result<(), ImportFailure> {
    use std::io::Write;
    let path = root.join(relative);
    let fail = |e: std::io::Error| {
        ImportFailure::input(Diagnostic::error(
            relative,
            tr!(
                format!("файл не удалось записать: {e}"),
                format!("the file could not be written: {e}")
            ),
        )
        .hint(tr!(
            "проверьте, что на диске есть место, папка сайта доступна для записи и файл не открыт в другой программе (например, в Excel), затем повторите импорт",
            "check that the disk has space, the site folder is writable and the file is not open in another program (Excel, say), then run the import again"
        )))
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => match refuse_existing(root, relative) {
                Err(failure) => failure,
                Ok(()) => fail(e),
            },
            _ => fail(e),
        })?;
    file.write_all(text.as_bytes()).map_err(fail)
}
