//! The common problems as data, with their text in Russian and in English.
//!
//! A diagnostic made from a [`Kind`] keeps its details (the field, the date, the link)
//! rather than a finished sentence, so the command line can print it in the reader's
//! language (`--lang en`) and editors can tell problems apart by [`Kind::code`]. The
//! Russian text is also stored in `Diagnostic::message`/`hint`, so everything that
//! reads those keeps working. The other problems are said where they are found, in
//! both languages at once with `tr!("…", "…")` (kept here as [`Kind::Text`], which has
//! no `code`); a bare Russian string would stay Russian under `--lang en`. Add a kind
//! when a message is common enough that a tool would want to tell it apart: one
//! variant, one `code`, two texts, one test.

use crate::dates::DateError;
use crate::numbers::plural;

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Russian, the default: the department's specialist reads these.
    #[default]
    Ru,
    /// English, for maintainers and tools.
    En,
}

/// A common problem with its details.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// A key that the file format does not have (a misspelling, usually).
    UnknownField {
        /// The key as written.
        field: String,
        /// The keys allowed at that place.
        allowed: Vec<String>,
    },
    /// A required key is absent.
    MissingField {
        /// The key.
        field: String,
    },
    /// A value outside a fixed list.
    UnknownValue {
        /// The value as written.
        value: String,
        /// The values allowed.
        allowed: Vec<String>,
    },
    /// A tab or another character YAML does not accept.
    YamlTab,
    /// A tab or a space that is not a plain one (non-breaking, zero-width, …) in
    /// the indentation of a YAML line, at its column.
    YamlIndent {
        /// The character.
        character: char,
    },
    /// A quoted value whose closing quote is missing on its line (reported where
    /// the quote opened, not where the parser got lost).
    YamlUnclosedQuote {
        /// The line where the quote opened.
        line: usize,
    },
    /// A key that is written but not in line with the other keys of its entry, so
    /// the parser calls it missing.
    YamlMisindented {
        /// The key.
        field: String,
        /// Where it is written.
        line: usize,
        /// Its column.
        column: usize,
        /// The column of the entry's keys.
        expected: usize,
        /// The entry's first key, to align with.
        first_key: String,
    },
    /// A value of the wrong type (a list where text is expected, …).
    YamlWrongType {
        /// What was expected, in the parser's words (`i64`, `a sequence`).
        expected: String,
        /// What was written, in the parser's words (`string "один"`, `map`).
        found: String,
    },
    /// Broken YAML syntax (indentation, a colon in unquoted text).
    YamlSyntax {
        /// The parser's words.
        detail: String,
    },
    /// The same key twice.
    YamlDuplicateKey {
        /// The key.
        field: String,
    },
    /// One of the above, inside a nested field (`head.name`).
    InField {
        /// The field's path.
        path: String,
        /// The problem.
        inner: Box<Kind>,
    },
    /// A date that is not a date.
    BadDate(DateError),
    /// A page without the `---` front matter.
    NoFrontMatter,
    /// Front matter that never ends with `---`.
    UnclosedFrontMatter,
    /// A page without `title`.
    MissingTitle,
    /// A page with no publication date from the front matter or from git.
    MissingDate,
    /// An image without alternative text.
    MissingAlt,
    /// A file not saved as UTF-8.
    NotUtf8,
    /// A file read in the encoding Windows saved it in, not UTF-8 (a warning).
    OtherEncoding {
        /// `Windows-1251` or `UTF-16`.
        encoding: String,
    },
    /// No `site.yaml` in the root.
    NoConfig {
        /// The root as given.
        root: String,
    },
    /// An internal link to an address the site does not have.
    BrokenLink {
        /// The link as written.
        written: String,
        /// The site path it resolves to.
        target: String,
    },
    /// A link to a `.md` file that is not a page of the site.
    MissingPage {
        /// The link as written.
        written: String,
    },
    /// An internal link to a page that exists, but without its trailing `/`.
    LinkWithoutSlash {
        /// The link as written.
        written: String,
        /// The site path it resolves to.
        target: String,
    },
    /// A `#fragment` that the target page does not have.
    MissingAnchor {
        /// The link as written.
        written: String,
        /// The fragment without `#`.
        fragment: String,
        /// The page's site path.
        target: String,
        /// The ids the page has.
        known: Vec<String>,
    },
    /// An organisation id that is not in the register.
    UnknownOrg {
        /// The id as written.
        id: String,
        /// The aggregate ids also allowed (municipality, region, russia).
        aggregates: Vec<String>,
    },
    /// An indicator id that no `data/indicators/*.yaml` describes (a shortcode).
    UnknownIndicator {
        /// The id as written.
        id: String,
    },
    /// `data/values/<id>.csv` for an indicator that is not described.
    ValuesOfUnknownIndicator {
        /// The id from the file name.
        id: String,
    },
    /// A template that does not parse or fails to render.
    Template {
        /// Tera's words.
        detail: String,
        /// The page being rendered, when the template failed on one.
        page: Option<String>,
    },
    /// A CSV row with more or fewer cells than its header has columns.
    CsvWidth {
        /// Cells in the row.
        found: usize,
        /// Columns of the header.
        columns: Vec<String>,
        /// The file separates cells with `;` (Russian Excel), not `,`.
        semicolon: bool,
    },
    /// A problem without a kind of its own, said in English by the place that found
    /// it (the Russian text is the diagnostic's `message` and `hint`).
    #[doc(hidden)]
    Text {
        /// The message in English.
        en: String,
        /// The hint in English, when there is a hint.
        hint_en: Option<String>,
    },
    /// `template:` names a template the theme does not have.
    UnknownTemplate {
        /// The name as written.
        name: String,
        /// The theme's templates.
        known: Vec<String>,
    },
}

impl Kind {
    /// A stable id for tools (`unknown-field`, `bad-date`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Kind::UnknownField { .. } => "unknown-field",
            Kind::MissingField { .. } => "missing-field",
            Kind::UnknownValue { .. } => "unknown-value",
            Kind::YamlTab => "yaml-tab",
            Kind::YamlIndent { character: '\t' } => "yaml-tab",
            Kind::YamlIndent { .. } => "yaml-indent",
            Kind::YamlUnclosedQuote { .. } => "yaml-unclosed-quote",
            Kind::YamlMisindented { .. } => "yaml-misindented",
            Kind::YamlWrongType { .. } => "yaml-wrong-type",
            Kind::YamlSyntax { .. } => "yaml-syntax",
            Kind::YamlDuplicateKey { .. } => "yaml-duplicate-key",
            Kind::InField { inner, .. } => inner.code(),
            Kind::BadDate(_) => "bad-date",
            Kind::NoFrontMatter => "no-front-matter",
            Kind::UnclosedFrontMatter => "unclosed-front-matter",
            Kind::MissingTitle => "missing-title",
            Kind::MissingDate => "missing-date",
            Kind::MissingAlt => "missing-alt",
            Kind::NotUtf8 => "not-utf8",
            Kind::OtherEncoding { .. } => "other-encoding",
            Kind::NoConfig { .. } => "no-config",
            Kind::BrokenLink { .. } => "broken-link",
            Kind::MissingPage { .. } => "missing-page",
            Kind::LinkWithoutSlash { .. } => "link-without-slash",
            Kind::MissingAnchor { .. } => "missing-anchor",
            Kind::UnknownOrg { .. } => "unknown-org",
            Kind::UnknownIndicator { .. } => "unknown-indicator",
            Kind::ValuesOfUnknownIndicator { .. } => "values-of-unknown-indicator",
            Kind::Template { .. } => "template",
            Kind::UnknownTemplate { .. } => "unknown-template",
            Kind::CsvWidth { .. } => "csv-width",
            Kind::Text { .. } => "text",
        }
    }

    /// The message and the hint in `lang`.
    pub fn text(&self, lang: Lang) -> (String, Option<String>) {
        match lang {
            Lang::Ru => self.russian(),
            Lang::En => self.english(),
        }
    }

    fn russian(&self) -> (String, Option<String>) {
        let (message, hint): (String, Option<String>) = match self {
            // Its Russian is the diagnostic's own message and hint.
            Kind::Text { en, hint_en } => (en.clone(), hint_en.clone()),
            Kind::UnknownField { field, allowed } => (
                format!("неизвестное поле «{field}»"),
                Some(if allowed.is_empty() {
                    "удалите это поле".into()
                } else {
                    format!(
                        "проверьте написание; допустимые поля: {}",
                        allowed.join(", ")
                    )
                }),
            ),
            Kind::MissingField { field } => (
                format!("нет обязательного поля «{field}»"),
                Some(format!("добавьте строку «{field}: …»")),
            ),
            Kind::UnknownValue { value, allowed } => (
                format!("недопустимое значение «{value}»"),
                Some(format!("допустимые значения: {}", allowed.join(", "))),
            ),
            Kind::YamlIndent { character } => (
                format!(
                    "в отступе стоит {}: YAML считает отступы только обычными пробелами",
                    indent_character(*character, Lang::Ru)
                ),
                Some("удалите отступ в начале строки и наберите его заново обычными пробелами; замените табуляцию пробелами (такие символы приходят и при копировании из Word)".into()),
            ),
            Kind::YamlUnclosedQuote { line } => (
                format!("кавычка, открытая в строке {line}, не закрыта на этой строке: всё, что дальше, прочитано как один текст"),
                Some("закройте кавычку в конце значения: title: \"…\"; кавычка внутри текста пишется как \\\" или «ёлочками»".into()),
            ),
            Kind::YamlMisindented { field, line, column, expected, first_key } => (
                format!("поле «{field}» есть в строке {line}, но сдвинуто: оно начинается в колонке {column}, а поля этой записи — в колонке {expected}"),
                Some(format!("поставьте «{field}:» ровно под «{first_key}:» (тем же числом пробелов слева): по отступу YAML решает, к какой записи относится поле")),
            ),
            Kind::YamlTab => (
                "в YAML встретился недопустимый символ (часто это знак табуляции)".into(),
                Some("отступы в YAML делаются пробелами; замените табуляцию пробелами".into()),
            ),
            Kind::YamlWrongType { expected, found } => (
                match (expected_words(expected, Lang::Ru), found_words(found, Lang::Ru)) {
                    (Some(expected), Some(found)) => format!("{expected}, а {found}"),
                    _ => format!("значение не того вида (invalid type: {found}, expected {expected})"),
                },
                Some("проверьте значение поля: например, текст, число, дата или список".into()),
            ),
            Kind::YamlSyntax { detail } => (
                format!("ошибка в разметке YAML ({detail})"),
                Some("проверьте отступы и двоеточия; текст с двоеточием или кавычками заключите в кавычки: title: \"…\"".into()),
            ),
            Kind::YamlDuplicateKey { field } => (
                format!("поле «{field}» указано дважды"),
                Some("оставьте одно из двух значений".into()),
            ),
            Kind::InField { path, inner } => {
                let (message, hint) = inner.russian();
                (format!("{message} (поле {path})"), hint)
            }
            Kind::BadDate(error) => (
                error.to_string(),
                Some("пишите дату в виде ГГГГ-ММ-ДД (2025-08-29) или ДД.ММ.ГГГГ (29.08.2025)".into()),
            ),
            Kind::NoFrontMatter => (
                "у страницы нет заголовка (front matter)".into(),
                Some(FRONT_MATTER_HINT_RU.into()),
            ),
            Kind::UnclosedFrontMatter => (
                "заголовок страницы не закрыт строкой «---»".into(),
                Some(FRONT_MATTER_HINT_RU.into()),
            ),
            Kind::MissingTitle => (
                "у страницы нет названия (title)".into(),
                Some("добавьте в заголовок строку title: \"Название страницы\"".into()),
            ),
            Kind::MissingDate => (
                "у страницы нет даты размещения".into(),
                Some("добавьте в заголовок date: ГГГГ-ММ-ДД или зафиксируйте файл в git (дата берётся из истории)".into()),
            ),
            Kind::MissingAlt => (
                "у изображения нет описания".into(),
                Some("опишите, что на картинке, в квадратных скобках: ![Здание школы № 1](school.jpg) — это прочтёт незрячий читатель".into()),
            ),
            Kind::NotUtf8 => (
                "файл сохранён не в кодировке UTF-8 и не в Windows-1251".into(),
                Some("сохраните файл в кодировке UTF-8 (в Блокноте: «Сохранить как» → Кодировка: UTF-8; в Excel: «Сохранить как» → «CSV UTF-8 (разделители — запятые)»)".into()),
            ),
            Kind::OtherEncoding { encoding } => (
                format!("файл сохранён в кодировке {encoding}, а не UTF-8; msoko прочитал его, проверьте, что русские буквы на сайте не искажены"),
                Some("сохраните файл в UTF-8, и предупреждение исчезнет: в Excel — «Сохранить как» → «CSV UTF-8 (разделители — запятые)», в Блокноте — «Сохранить как» → Кодировка: UTF-8".into()),
            ),
            Kind::NoConfig { root } => (
                "нет файла настроек сайта site.yaml".into(),
                Some(format!("проверьте, что папка сайта указана верно ({root}); её задаёт параметр --root")),
            ),
            Kind::BrokenLink { written, target } => (
                format!("ссылка «{written}» никуда не ведёт: на сайте нет {target}"),
                Some("проверьте адрес; страница из файла content/a/b.md имеет адрес /a/b/, файл content/a/x.pdf — /a/x.pdf".into()),
            ),
            Kind::MissingPage { written } => (
                format!("ссылка «{written}» ведёт на страницу, которой нет"),
                Some("ссылка на файл .md должна указывать на существующую страницу в папке content".into()),
            ),
            Kind::LinkWithoutSlash { written, target } => (
                format!("ссылка «{written}» ведёт на адрес без «/» в конце"),
                Some(format!("напишите {target}/")),
            ),
            Kind::MissingAnchor { written, fragment, target, known } => (
                format!("в ссылке «{written}» нет раздела «#{fragment}» на странице {target}"),
                Some(if known.is_empty() {
                    "на той странице нет заголовков; уберите часть ссылки после «#»".into()
                } else {
                    format!("разделы той страницы: {}", known.join(", "))
                }),
            ),
            Kind::CsvWidth { found, columns, semicolon } => {
                let expected = columns.len();
                let cells = format!(
                    "в строке {found} {}, а в заголовке {expected} {}",
                    plural(*found, "ячейка", "ячейки", "ячеек"),
                    plural(expected, "столбец", "столбца", "столбцов")
                );
                if *found > expected {
                    let separator = if *semicolon { "точкой с запятой" } else { "запятой" };
                    (
                        format!("{cells}: лишние ячейки"),
                        Some(format!("ячейки разделяются {separator}; число с десятичной запятой заключите в кавычки (\"12,5\") или напишите с точкой (12.5)")),
                    )
                } else {
                    (
                        format!("{cells}: не хватает ячеек"),
                        Some(format!("заполните все столбцы ({}); пустое значение — два разделителя подряд", columns.join(", "))),
                    )
                }
            }
            Kind::UnknownOrg { id, aggregates } => (
                format!("организации «{id}» нет в реестре"),
                Some(format!(
                    "в столбце org пишется id из data/organizations.yaml или {}",
                    aggregates.join(", ")
                )),
            ),
            Kind::UnknownIndicator { id } => (
                format!("показателя «{id}» нет"),
                Some("id показателей перечислены в data/indicators/*.yaml (поле id)".into()),
            ),
            Kind::ValuesOfUnknownIndicator { id } => (
                format!("файл значений для показателя «{id}», которого нет ни в одном файле data/indicators"),
                Some("имя файла значений — это id показателя: data/values/<id>.csv; проверьте написание или опишите показатель".into()),
            ),
            Kind::Template { detail, page } => (
                match page {
                    Some(page) => format!("ошибка в шаблоне: {detail} (при выводе страницы {page})"),
                    None => format!("ошибка в шаблоне: {detail}"),
                },
                Some("проверьте парные {% … %} и {{ … }} и имена переменных; список переменных — в README, раздел «Шаблоны»".into()),
            ),
            Kind::UnknownTemplate { name, known } => (
                format!("шаблона «{name}» нет в теме"),
                Some(format!("доступные шаблоны: {}", known.join(", "))),
            ),
        };
        (message, hint)
    }

    fn english(&self) -> (String, Option<String>) {
        let (message, hint): (String, Option<String>) = match self {
            Kind::Text { en, hint_en } => (en.clone(), hint_en.clone()),
            Kind::UnknownField { field, allowed } => (
                format!("unknown field “{field}”"),
                Some(if allowed.is_empty() {
                    "remove this field".into()
                } else {
                    format!("check the spelling; allowed fields: {}", allowed.join(", "))
                }),
            ),
            Kind::MissingField { field } => (
                format!("required field “{field}” is missing"),
                Some(format!("add a line “{field}: …”")),
            ),
            Kind::UnknownValue { value, allowed } => (
                format!("“{value}” is not an allowed value"),
                Some(format!("allowed values: {}", allowed.join(", "))),
            ),
            Kind::YamlIndent { character } => (
                format!(
                    "the indentation has {} in it: YAML counts only plain spaces as indentation",
                    indent_character(*character, Lang::En)
                ),
                Some("delete the indentation at the start of the line and type it again with plain spaces; replace a tab with spaces (such characters also come with text copied from Word)".into()),
            ),
            Kind::YamlUnclosedQuote { line } => (
                format!("the quote opened on line {line} is not closed on that line: everything after it was read as one text"),
                Some("close the quote at the end of the value: title: \"…\"; a quote inside the text is written as \\\" or as «»".into()),
            ),
            Kind::YamlMisindented { field, line, column, expected, first_key } => (
                format!("the field “{field}” is on line {line}, but out of line: it starts in column {column}, and the fields of its entry in column {expected}"),
                Some(format!("put “{field}:” exactly under “{first_key}:” (with as many spaces on the left): the indentation tells YAML which entry a field belongs to")),
            ),
            Kind::YamlTab => (
                "YAML does not allow this character (usually a tab)".into(),
                Some("YAML indents with spaces; replace the tab with spaces".into()),
            ),
            Kind::YamlWrongType { expected, found } => (
                match (expected_words(expected, Lang::En), found_words(found, Lang::En)) {
                    (Some(expected), Some(found)) => format!("expected {expected}, but {found}"),
                    _ => format!("the value has the wrong type ({found}, expected {expected})"),
                },
                Some("check the field's value: text, a number, a date or a list".into()),
            ),
            Kind::YamlSyntax { detail } => (
                format!("YAML syntax error ({detail})"),
                Some("check indentation and colons; put text containing a colon or quotes in quotes: title: \"…\"".into()),
            ),
            Kind::YamlDuplicateKey { field } => (
                format!("the field “{field}” is given twice"),
                Some("keep one of the two values".into()),
            ),
            Kind::InField { path, inner } => {
                let (message, hint) = inner.english();
                (format!("{message} (field {path})"), hint)
            }
            Kind::BadDate(error) => (
                error.english(),
                Some("write dates as YYYY-MM-DD (2025-08-29) or DD.MM.YYYY (29.08.2025)".into()),
            ),
            Kind::NoFrontMatter => (
                "the page has no front matter".into(),
                Some(FRONT_MATTER_HINT_EN.into()),
            ),
            Kind::UnclosedFrontMatter => (
                "the front matter is not closed by a “---” line".into(),
                Some(FRONT_MATTER_HINT_EN.into()),
            ),
            Kind::MissingTitle => (
                "the page has no title".into(),
                Some("add a line title: \"Page title\" to the front matter".into()),
            ),
            Kind::MissingDate => (
                "the page has no publication date".into(),
                Some("add date: YYYY-MM-DD to the front matter or commit the file to git (the date comes from its history)".into()),
            ),
            Kind::MissingAlt => (
                "the image has no description".into(),
                Some("describe the picture in the square brackets: ![School No. 1](school.jpg) — a blind reader hears this".into()),
            ),
            Kind::NotUtf8 => (
                "the file is saved neither as UTF-8 nor as Windows-1251".into(),
                Some("save the file as UTF-8 (Notepad: “Save as” → Encoding: UTF-8; Excel: “Save as” → “CSV UTF-8 (Comma delimited)”)".into()),
            ),
            Kind::OtherEncoding { encoding } => (
                format!("the file is saved as {encoding}, not UTF-8; msoko has read it, check that the Russian letters on the site are not garbled"),
                Some("save the file as UTF-8 and the warning goes away: in Excel “Save as” → “CSV UTF-8 (Comma delimited)”, in Notepad “Save as” → Encoding: UTF-8".into()),
            ),
            Kind::NoConfig { root } => (
                "there is no site settings file site.yaml".into(),
                Some(format!("check that the site folder is right ({root}); --root sets it")),
            ),
            Kind::BrokenLink { written, target } => (
                format!("the link “{written}” leads nowhere: the site has no {target}"),
                Some("check the address; the page from content/a/b.md is at /a/b/, the file content/a/x.pdf at /a/x.pdf".into()),
            ),
            Kind::MissingPage { written } => (
                format!("the link “{written}” leads to a page that does not exist"),
                Some("a link to a .md file must name an existing page in the content folder".into()),
            ),
            Kind::LinkWithoutSlash { written, target } => (
                format!("the link “{written}” lacks the trailing “/”"),
                Some(format!("write {target}/")),
            ),
            Kind::MissingAnchor { written, fragment, target, known } => (
                format!("the link “{written}”: page {target} has no section “#{fragment}”"),
                Some(if known.is_empty() {
                    "that page has no headings; remove the part of the link after “#”".into()
                } else {
                    format!("sections of that page: {}", known.join(", "))
                }),
            ),
            Kind::CsvWidth { found, columns, semicolon } => {
                let expected = columns.len();
                let cells = format!(
                    "the row has {found} cell{}, the header {expected} column{}",
                    if *found == 1 { "" } else { "s" },
                    if expected == 1 { "" } else { "s" }
                );
                if *found > expected {
                    let separator = if *semicolon { "semicolons" } else { "commas" };
                    (
                        format!("{cells}: too many cells"),
                        Some(format!("cells are separated by {separator}; quote a number with a decimal comma (\"12,5\") or write it with a point (12.5)")),
                    )
                } else {
                    (
                        format!("{cells}: cells are missing"),
                        Some(format!("fill in every column ({}); an empty value is two separators in a row", columns.join(", "))),
                    )
                }
            }
            Kind::UnknownOrg { id, aggregates } => (
                format!("organisation “{id}” is not in the register"),
                Some(format!(
                    "the org column takes an id from data/organizations.yaml or {}",
                    aggregates.join(", ")
                )),
            ),
            Kind::UnknownIndicator { id } => (
                format!("there is no indicator “{id}”"),
                Some("indicator ids are listed in data/indicators/*.yaml (the id field)".into()),
            ),
            Kind::ValuesOfUnknownIndicator { id } => (
                format!("values for indicator “{id}”, which no file in data/indicators describes"),
                Some("a values file is named after its indicator: data/values/<id>.csv; check the spelling or describe the indicator".into()),
            ),
            Kind::Template { detail, page } => (
                match page {
                    Some(page) => format!("template error: {detail} (rendering page {page})"),
                    None => format!("template error: {detail}"),
                },
                Some("check the pairs {% … %} and {{ … }} and the variable names; README, section “Themes”, lists the variables".into()),
            ),
            Kind::UnknownTemplate { name, known } => (
                format!("the theme has no template “{name}”"),
                Some(format!("templates available: {}", known.join(", "))),
            ),
        };
        (message, hint)
    }
}

/// serde's name of an expected type (`i64`, `a sequence`, `struct Raw`) in words:
/// «ожидалось целое число» (the verb agrees with the noun) / "a whole number".
fn expected_words(expected: &str, lang: Lang) -> Option<&'static str> {
    let integer = [
        "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
    ];
    let (ru, en) = match expected.trim() {
        e if integer.contains(&e) || e.contains("integer") => {
            ("ожидалось целое число", "a whole number")
        }
        "f32" | "f64" | "a number" => ("ожидалось число", "a number"),
        "a boolean" | "bool" => ("ожидалось true или false", "true or false"),
        "a string" | "a borrowed string" | "a character" | "text" | "char" => {
            ("ожидался текст", "text")
        }
        e if e.contains("date") => ("ожидалась дата", "a date"),
        e if e.contains("sequence") || e.starts_with("tuple") || e.contains("list") => {
            ("ожидался список", "a list")
        }
        e if e.starts_with("struct ") || e.contains("map") => (
            "ожидались вложенные поля (ключ: значение)",
            "nested fields (key: value)",
        ),
        _ => return None,
    };
    Some(match lang {
        Lang::Ru => ru,
        Lang::En => en,
    })
}

/// serde's description of the value written (`string "один"`, `integer `5``,
/// `sequence`) as the end of a sentence: «написано «один»» / "“один” is written".
fn found_words(found: &str, lang: Lang) -> Option<String> {
    let quoted = |prefix: &str, open: char, close: char| {
        found
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix(open))
            .and_then(|rest| rest.strip_suffix(close))
            .map(str::to_string)
    };
    let words = if let Some(text) = quoted("string ", '"', '"') {
        match lang {
            Lang::Ru => format!("написано «{text}»"),
            Lang::En => format!("“{text}” is written"),
        }
    } else if let Some(n) =
        quoted("integer ", '`', '`').or_else(|| quoted("floating point ", '`', '`'))
    {
        match lang {
            Lang::Ru => format!("написано число {n}"),
            Lang::En => format!("the number {n} is written"),
        }
    } else if let Some(b) = quoted("boolean ", '`', '`') {
        match lang {
            Lang::Ru => format!("написано {b}"),
            Lang::En => format!("{b} is written"),
        }
    } else {
        let (ru, en) = match found {
            "sequence" => ("написан список", "a list is written"),
            "map" => ("написаны вложенные поля", "nested fields are written"),
            "unit value" | "null" => ("значение пустое", "the value is empty"),
            _ => return None,
        };
        match lang {
            Lang::Ru => ru.to_string(),
            Lang::En => en.to_string(),
        }
    };
    Some(words)
}

const FRONT_MATTER_HINT_RU: &str = "страница начинается с заголовка между строками «---», например:\n  ---\n  title: \"Название страницы\"\n  ---";
const FRONT_MATTER_HINT_EN: &str =
    "a page starts with a header between “---” lines, for example:\n  ---\n  title: \"Page title\"\n  ---";

/// The name of a character that looks like a space in an indentation.
fn indent_character(c: char, lang: Lang) -> String {
    let (ru, en) = match c {
        '\t' => ("знак табуляции", "a tab"),
        '\u{a0}' => (
            "неразрывный пробел (U+00A0)",
            "a non-breaking space (U+00A0)",
        ),
        '\u{202f}' => (
            "узкий неразрывный пробел (U+202F)",
            "a narrow non-breaking space (U+202F)",
        ),
        '\u{200b}' | '\u{feff}' => (
            "невидимый символ нулевой ширины",
            "an invisible zero-width character",
        ),
        _ => ("типографский пробел", "a typographic space"),
    };
    let code = format!("U+{:04X}", u32::from(c));
    match lang {
        Lang::Ru if ru.contains("U+") || c == '\t' => ru.to_string(),
        Lang::En if en.contains("U+") || c == '\t' => en.to_string(),
        Lang::Ru => format!("{ru} ({code})"),
        Lang::En => format!("{en} ({code})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_an_unknown_field_in_both_languages() {
        let kind = Kind::UnknownField {
            field: "autor".into(),
            allowed: vec!["title".into(), "date".into()],
        };
        assert_eq!(
            kind.text(Lang::Ru),
            (
                "неизвестное поле «autor»".to_string(),
                Some("проверьте написание; допустимые поля: title, date".to_string())
            )
        );
        assert_eq!(kind.text(Lang::En).0, "unknown field “autor”");
        assert_eq!(kind.code(), "unknown-field");
    }

    #[test]
    fn nests_a_field_path_in_both_languages() {
        let kind = Kind::InField {
            path: "head".into(),
            inner: Box::new(Kind::MissingField {
                field: "name".into(),
            }),
        };
        assert_eq!(
            kind.text(Lang::Ru).0,
            "нет обязательного поля «name» (поле head)"
        );
        assert_eq!(
            kind.text(Lang::En).0,
            "required field “name” is missing (field head)"
        );
        assert_eq!(kind.code(), "missing-field");
    }

    #[test]
    fn every_kind_has_an_english_text_without_cyrillic() {
        let kinds = [
            Kind::YamlTab,
            Kind::NoFrontMatter,
            Kind::MissingTitle,
            Kind::MissingDate,
            Kind::NotUtf8,
            Kind::OtherEncoding {
                encoding: "Windows-1251".into(),
            },
            Kind::BrokenLink {
                written: "/a/".into(),
                target: "/a/".into(),
            },
            Kind::UnknownIndicator { id: "x".into() },
            Kind::Template {
                detail: "x".into(),
                page: Some("content/a.md".into()),
            },
        ];
        for kind in kinds {
            let (message, hint) = kind.text(Lang::En);
            let text = format!("{message} {}", hint.unwrap_or_default());
            assert!(
                !text
                    .chars()
                    .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
                "{text}"
            );
        }
    }
}
