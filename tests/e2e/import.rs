//! `msoko import plan` and `msoko import results` (issue 17): the Word, Excel,
//! LibreOffice and CSV files of `tests/sites/import/files/` (written by
//! `tools/make_import_fixtures.py`) into the data files of `tests/sites/import/site/`,
//! which then build with no errors, every item, deadline and name intact.

use std::path::PathBuf;

use crate::harness::Site;

fn file(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sites/import/files")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn site() -> Site {
    Site::fixture("import/site")
}

/// Builds on the date of the manual's examples; no errors allowed.
fn builds_without_errors(site: &Site) -> String {
    let run = site.run(&["build", "--as-of", "2026-11-20"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("ошибка"), "{}", run.stderr);
    run.stderr
}

#[test]
fn imports_a_word_road_map_with_merged_sections_lists_and_restarted_numbers() {
    let site = site();
    let run = site.run(&[
        "import",
        "plan",
        &file("roadmap.docx"),
        "--id",
        "roadmap-2021",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for line in [
        "Записан план data/plans/roadmap-2021.yaml (таблица 1).",
        "  Название: «Дорожная карта» по развитию муниципальной системы оценки качества образования на 2021-2022 учебный год",
        "  Утверждён: приказ от 17.09.2021 № 594",
        "  Период: 01.09.2021–31.08.2022 (по названию)",
        "  Разделов: 3, пунктов: 11, сроков: 11, из них не прочитано: 1.",
        "  Нумерация пунктов начиналась заново в каждом разделе; к номерам добавлен номер раздела («2.1»), чтобы пункты различались.",
    ] {
        assert!(run.stderr.contains(line), "{line}\n{}", run.stderr);
    }
    // The deadline it could not read, at its line and column in the new file.
    assert!(
        run.stderr.contains("data/plans/roadmap-2021.yaml:47:14: предупреждение: срок «1 четверть» не удалось прочитать: «1 четверть»: четверти не поддерживаются"),
        "{}",
        run.stderr
    );
    let yaml = site.read_source("data/plans/roadmap-2021.yaml");
    for expected in [
        "approved: {kind: \"приказ\", number: \"594\", date: 2021-09-17}",
        "period: {from: 2021-09-01, to: 2022-08-31}",
        "  - title: \"Формирование нормативно-правового обеспечения развития муниципальной системы оценки качества образования\"",
        "  - title: \"Система обеспечения объективности процедур оценки качества образования\"",
        // Paragraphs and bullets joined; «мони- торинга» joined; the Latin «o» of
        // «мoниторинга», the soft hyphen and the non-breaking space gone.
        "title: \"Внесение изменений в перечень муниципальных показателей: эффективности деятельности руководителей образовательных организаций; мониторинга эффективности системы повышения квалификации педагогов; мониторинга эффективности системы методической работы\"",
        "title: \"Определение муниципального перечня оценочных процедур и стандартов их проведения\"",
        "title: \"Проведение мониторинга достижения показателей оценки качества подготовки обучающихся\"",
        "title: \"Разработка и утверждение муниципального комплексного плана сопровождения школ с низкими образовательными результатами\"",
        // A responsible typed on two lines; a cell merged down over two rows.
        "responsible: \"заместитель начальника управления образования\"",
        "      - no: \"2.3\"",
        // Deadlines exactly as written (a line break is a space).
        "due: \"Ежегодно по необходимости\"",
        "due: \"Март-апрель 2022 2023\"",
        "due: \"апрель 2022, 2023\"",
        "due: \"в соответствии с графиком проведения НИКО\"",
        "due: \"1 четверть\"",
    ] {
        assert!(yaml.contains(expected), "{expected}\n{yaml}");
    }
    assert_eq!(yaml.matches("        due: ").count(), 11, "{yaml}");
    assert_eq!(
        yaml.matches("responsible: \"специалисты управления образования\"")
            .count(),
        2
    );
    assert!(!yaml.contains('\u{00A0}') && !yaml.contains('\u{00AD}'));
    builds_without_errors(&site);
    let page = site.read("plans/roadmap-2021/index.html");
    assert!(page.contains("Участие в национальных исследованиях качества образования (НИКО)"));
    assert!(page.contains("Система оценки качества подготовки обучающихся"));
}

#[test]
fn imports_an_unnumbered_excel_plan_with_its_title_above_the_table() {
    let site = site();
    let run = site.run(&[
        "import",
        "plan",
        &file("objectivity.xlsx"),
        "--id",
        "objectivity-2025",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("Записан план data/plans/objectivity-2025.yaml (лист «План»)."),
        "{}",
        run.stderr
    );
    let yaml = site.read_source("data/plans/objectivity-2025.yaml");
    for expected in [
        "title: \"План мероприятий по обеспечению объективности оценочных процедур на 2025-2026 учебный год\"",
        "approved: {kind: \"приказ\", number: \"178-П\", date: 2025-08-29}",
        "period: {from: 2025-09-01, to: 2026-08-31}",
        "  - title: \"Организационные мероприятия\"",
        "  - title: \"Контроль объективности\"",
        "due: \"март, октябрь\"",
        "due: \"1 квартал текущего года\"",
        "form: \"Аналитическая справка\"",
    ] {
        assert!(yaml.contains(expected), "{expected}\n{yaml}");
    }
    // No invented numbers.
    assert!(!yaml.contains("no:"), "{yaml}");
    assert_eq!(yaml.matches("      - title: ").count(), 5, "{yaml}");
    builds_without_errors(&site);
}

#[test]
fn imports_plans_from_libreoffice_and_a_windows_1251_csv() {
    let site = site();
    let run = site.run(&["import", "plan", &file("imc.ods"), "--id", "imc-2026"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let yaml = site.read_source("data/plans/imc-2026.yaml");
    assert!(
        yaml.contains("title: \"План работы ИМЦ на 2026 год\""),
        "{yaml}"
    );
    assert!(yaml.contains("      - no: \"2\"\n        title: \"Конференция педагогов\"\n        due: \"ноябрь 2026\""), "{yaml}");
    let run = site.run(&["import", "plan", &file("plan.csv"), "--id", "csv-plan"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("названия над таблицей нет: взято имя файла, исправьте title"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("Период: 01.01.2026–31.12.2026 (по годам в сроках: проверьте)"),
        "{}",
        run.stderr
    );
    let yaml = site.read_source("data/plans/csv-plan.yaml");
    assert!(yaml.contains("title: \"Мониторинг сайтов ОО\"\n        due: \"до 01.12.2026\"\n        responsible: \"Специалисты УО\"\n        result: \"Справка\""), "{yaml}");
    builds_without_errors(&site);
}

#[test]
fn never_writes_over_an_existing_plan() {
    let site = site();
    site.write("data/plans/roadmap-2021.yaml", "# отметки специалиста\n");
    let run = site.run(&[
        "import",
        "plan",
        &file("roadmap.docx"),
        "--id",
        "roadmap-2021",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("data/plans/roadmap-2021.yaml: ошибка: такой файл уже есть; импорт никогда не записывает поверх существующего файла"),
        "{}",
        run.stderr
    );
    assert_eq!(
        site.read_source("data/plans/roadmap-2021.yaml"),
        "# отметки специалиста\n"
    );
}

#[test]
fn tells_to_save_an_old_word_file_as_docx() {
    let site = site();
    let run = site.run(&["import", "plan", &file("old-plan.doc"), "--id", "old"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "old-plan.doc: ошибка: файл .doc — старый формат Office 97–2003, msoko его не читает"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("подсказка: откройте его в Word, Excel или LibreOffice и сохраните как .docx («Файл → Сохранить как»), затем импортируйте файл .docx"), "{}", run.stderr);
    assert!(!site.root.join("data/plans/old.yaml").exists());
    let run = site.run(&[
        "--lang",
        "en",
        "import",
        "plan",
        &file("old-plan.doc"),
        "--id",
        "old",
    ]);
    assert!(
        run.stderr.contains(
            "error: a .doc file is the old Office 97–2003 format, which msoko does not read"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn refuses_an_id_that_cannot_be_an_address() {
    let site = site();
    let run = site.run(&[
        "import",
        "plan",
        &file("roadmap.docx"),
        "--id",
        "Дорожная карта",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("--id: ошибка: «Дорожная карта» не годится как id плана"),
        "{}",
        run.stderr
    );
}

#[test]
fn imports_vpr_percentages_under_a_merged_header_skipping_the_total() {
    let site = site();
    let run = site.run(&[
        "import",
        "results",
        &file("vpr-math-4.xlsx"),
        "--procedure",
        "vpr",
        "--year",
        "2026",
        "--subject",
        "математика",
        "--grade",
        "4",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("Записаны результаты data/results/vpr/2026.csv (лист «ВПР»): строк — 3, организаций — 3, строк «Итого» пропущено — 1."), "{}", run.stderr);
    let sheet = file("vpr-math-4.xlsx");
    assert!(
        run.stderr.contains(&format!("{sheet}:2:10: предупреждение: столбец «Качество знаний (%)» (лист «ВПР») не перенесён: в данных результатов для него нет места")),
        "{}",
        run.stderr
    );
    // «МБОУ «СОШ № 1»» by its number, «Школа №2» by its number, the gymnasium by its
    // alias; percentages of the participants, adding up exactly.
    assert_eq!(
        site.read_source("data/results/vpr/2026.csv"),
        "org,grade,subject,participants,m2,m3,m4,m5,lowered,confirmed,raised\n\
         sosh-1,4,математика,24,3,9,9,3,5,17,2\n\
         sosh-2,4,математика,30,3,12,9,6,3,24,3\n\
         gimnaziya,4,математика,28,1,7,14,6,4,22,2\n"
    );
    builds_without_errors(&site);
}

#[test]
fn imports_oge_means_with_decimal_commas_from_a_semicolon_csv() {
    let site = site();
    let run = site.run(&[
        "import",
        "results",
        &file("oge-2026.csv"),
        "--procedure",
        "oge",
        "--year",
        "2026",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        site.read_source("data/results/oge/2026.csv"),
        "org,subject,participants,mean,below_min,high\n\
         sosh-1,математика,40,3.85,2,9\n\
         sosh-2,математика,35,3.6,3,5\n"
    );
    builds_without_errors(&site);
}

#[test]
fn names_every_organisation_it_could_not_match_and_writes_nothing() {
    let site = site();
    let unmatched = file("oge-unmatched.csv");
    let run = site.run(&[
        "import",
        "results",
        &unmatched,
        "--procedure",
        "oge",
        "--year",
        "2026",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for name in [
        format!("{unmatched}:2:1: ошибка: организация «Школа-интернат № 7» (CSV, строка 2) не найдена в реестре data/organizations.yaml"),
        format!("{unmatched}:3:1: ошибка: организация «МОУ Кировская ООШ» (CSV, строка 3) не найдена в реестре data/organizations.yaml"),
    ] {
        assert!(run.stderr.contains(&name), "{name}\n{}", run.stderr);
    }
    assert!(run.stderr.contains("подсказка: добавьте это название организации в реестр строкой aliases: [\"МОУ Кировская ООШ\"]"), "{}", run.stderr);
    assert!(!site.root.join("data/results/oge/2026.csv").exists());
}

#[test]
fn asks_for_the_subject_and_grade_a_sheet_does_not_name() {
    let site = site();
    let run = site.run(&[
        "import",
        "results",
        &file("vpr-math-4.xlsx"),
        "--procedure",
        "vpr",
        "--year",
        "2026",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "ошибка: в таблице нет столбца «Предмет» или «Класс», а в команде они не указаны"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("подсказка: укажите их в команде: --subject \"математика\" --grade 4"),
        "{}",
        run.stderr
    );
}

#[test]
fn refuses_to_import_outside_a_site_folder() {
    let site = Site::empty();
    std::fs::create_dir_all(&site.root).unwrap();
    let run = site.run(&[
        "import",
        "plan",
        &file("roadmap.docx"),
        "--id",
        "roadmap-2021",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("site.yaml: ошибка: в папке «"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("нет site.yaml: это не папка сайта"),
        "{}",
        run.stderr
    );
    assert!(!site.root.join("data").exists());
}

#[test]
fn imports_ege_means_and_the_medal_columns_when_the_sheet_has_them() {
    let site = site();
    let run = site.run(&[
        "import",
        "results",
        &file("ege-2026.csv"),
        "--procedure",
        "ege",
        "--year",
        "2026",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        site.read_source("data/results/ege/2026.csv"),
        "org,subject,participants,mean,below_min,high,medal_candidates,medal_not_confirmed\n\
         sosh-1,русский язык,30,72.4,0,8,4,1\n\
         gimnaziya,русский язык,25,78.15,0,11,6,0\n"
    );
}

#[test]
fn names_each_cell_that_is_not_a_number_and_percentages_without_participants() {
    let site = site();
    site.write(
        "vpr.csv",
        "ОО;Предмет;Класс;Участники;«2»;«3»;«4»;«5»\n\
         МБОУ СОШ № 1;математика;4;25;2;10;н/д;3\n",
    );
    let csv = site.root.join("vpr.csv").to_string_lossy().into_owned();
    let run = site.run(&[
        "import",
        "results",
        &csv,
        "--procedure",
        "vpr",
        "--year",
        "2026",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "{csv}:2:7: ошибка: в ячейке «н/д» (CSV, строка 2) не число"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("подсказка: в столбцах результатов — числа: 25, 12,5 или 12,5 %"),
        "{}",
        run.stderr
    );
    site.write(
        "share.csv",
        "ОО;Предмет;Класс;«2», %;«3», %;«4», %;«5», %\n\
         МБОУ СОШ № 1;математика;4;10;40;40;10\n",
    );
    let csv = site.root.join("share.csv").to_string_lossy().into_owned();
    let run = site.run(&[
        "import",
        "results",
        &csv,
        "--procedure",
        "vpr",
        "--year",
        "2026",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("{csv}:2:4: ошибка: в строке 2 даны проценты, но нет числа участников: перевести их в числа нельзя")),
        "{}",
        run.stderr
    );
    assert!(!site.root.join("data/results/vpr/2026.csv").exists());
}

#[test]
fn says_when_a_file_has_no_plan_table_or_no_year_to_date_it() {
    let site = site();
    site.write("notes.csv", "Заметки;Дата\nпозвонить в ИМЦ;понедельник\n");
    let csv = site.root.join("notes.csv").to_string_lossy().into_owned();
    let run = site.run(&["import", "plan", &csv, "--id", "notes"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "{csv}: ошибка: в файле не найдена таблица плана (таблиц в файле: 1)"
        )),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("подсказка: таблица плана узнаётся по строке заголовков: «Мероприятие» и «Сроки» или «Ответственные»"), "{}", run.stderr);
    site.write(
        "undated.csv",
        "Мероприятие;Сроки;Ответственные\nСеминар;ежегодно;ИМЦ\n",
    );
    let csv = site.root.join("undated.csv").to_string_lossy().into_owned();
    let run = site.run(&["import", "plan", &csv, "--id", "undated"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains(&format!("{csv}: ошибка: не удалось определить период плана: ни в названии, ни в сроках, ни в утвердившем акте нет года")), "{}", run.stderr);
    assert!(!site.root.join("data/plans/undated.yaml").exists());
}
