//! Every message of msoko in both languages, as one type: [`Message`].
//!
//! A message is a stable `code` for tools plus its Russian and its English text,
//! written side by side where the message is made, so a translation cannot drift
//! from its original in another file. The common problems have constructors here
//! (one function per problem: its message and its hint); the rarer ones are written
//! where they are found with [`tr!`](crate::tr), which makes the same type. A
//! diagnostic carries its message and its hint as `Message`s, so the command line
//! prints either language (`--lang en`) and nothing ever compares message text: a
//! tool tells problems apart by [`Message::code`].

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

/// The code of a message written in place with `tr!`: no kind a tool would want to
/// tell apart.
pub(crate) const TEXT: &str = "text";

/// One sentence in Russian and in English, with the stable code of what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    code: &'static str,
    pub(crate) ru: String,
    pub(crate) en: String,
}

impl Message {
    /// A message of the kind `code`.
    pub fn new(code: &'static str, ru: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            code,
            ru: ru.into(),
            en: en.into(),
        }
    }

    /// A message without a code of its own (what `tr!` makes).
    pub fn text(ru: impl Into<String>, en: impl Into<String>) -> Self {
        Message::new(TEXT, ru, en)
    }

    /// A stable id for tools (`unknown-field`, `bad-date`, …); `text` for a message
    /// written in place.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The Russian text.
    pub fn ru(&self) -> &str {
        &self.ru
    }

    /// The English text.
    pub fn en(&self) -> &str {
        &self.en
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }

    /// The same message about a nested field (`head.name`): «… (поле head.name)».
    pub(crate) fn in_field(self, path: &str) -> Self {
        Message {
            ru: format!("{} (поле {path})", self.ru),
            en: format!("{} (field {path})", self.en),
            ..self
        }
    }

    /// The same template problem, met while rendering `page`.
    pub(crate) fn on_page(self, page: &str) -> Self {
        Message {
            ru: format!("{} (при выводе страницы {page})", self.ru),
            en: format!("{} (rendering page {page})", self.en),
            ..self
        }
    }
}

/// The Russian text: the default language, as `Diagnostic`'s own `Display`.
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.ru)
    }
}

/// Russian text in tests that do not care about the English one.
#[cfg(test)]
impl From<&str> for Message {
    fn from(ru: &str) -> Self {
        Message::text(ru, ru)
    }
}

/// A common problem: its message and the hint that says how to fix it.
pub(crate) type WithHint = (Message, Message);

/// The common problems, one constructor each, both languages side by side.
impl Message {
    /// A key that the file format does not have (a misspelling, usually).
    pub(crate) fn unknown_field(field: &str, allowed: &[String]) -> WithHint {
        let hint = if allowed.is_empty() {
            Message::text("удалите это поле", "remove this field")
        } else {
            let list = allowed.join(", ");
            with_advice(
                Message::text(
                    format!("проверьте написание; допустимые поля: {list}"),
                    format!("check the spelling; allowed fields: {list}"),
                ),
                field,
                allowed,
            )
        };
        (
            Message::new(
                "unknown-field",
                format!("неизвестное поле «{field}»"),
                format!("unknown field “{field}”"),
            ),
            hint,
        )
    }

    /// A required key is absent.
    pub(crate) fn missing_field(field: &str) -> WithHint {
        (
            Message::new(
                "missing-field",
                format!("нет обязательного поля «{field}»"),
                format!("required field “{field}” is missing"),
            ),
            Message::text(
                format!("добавьте строку «{field}: …»"),
                format!("add a line “{field}: …”"),
            ),
        )
    }

    /// A value outside a fixed list.
    pub(crate) fn unknown_value(value: &str, allowed: &[String]) -> WithHint {
        let list = allowed.join(", ");
        (
            Message::new(
                "unknown-value",
                format!("недопустимое значение «{value}»"),
                format!("“{value}” is not an allowed value"),
            ),
            with_advice(
                Message::text(
                    format!("допустимые значения: {list}"),
                    format!("allowed values: {list}"),
                ),
                value,
                allowed,
            ),
        )
    }

    /// A tab or another character YAML does not accept.
    pub(crate) fn yaml_tab() -> WithHint {
        (
            Message::new(
                "yaml-tab",
                "в YAML встретился недопустимый символ (часто это знак табуляции)",
                "YAML does not allow this character (usually a tab)",
            ),
            Message::text(
                "отступы в YAML делаются пробелами; замените табуляцию пробелами",
                "YAML indents with spaces; replace the tab with spaces",
            ),
        )
    }

    /// A tab or a space that is not a plain one (non-breaking, zero-width, …) in the
    /// indentation of a YAML line.
    pub(crate) fn yaml_indent(character: char) -> WithHint {
        let code = if character == '\t' {
            "yaml-tab"
        } else {
            "yaml-indent"
        };
        (
            Message::new(
                code,
                format!(
                    "в отступе стоит {}: YAML считает отступы только обычными пробелами",
                    indent_character(character).ru
                ),
                format!(
                    "the indentation has {} in it: YAML counts only plain spaces as indentation",
                    indent_character(character).en
                ),
            ),
            Message::text(
                "удалите отступ в начале строки и наберите его заново обычными пробелами; замените табуляцию пробелами (такие символы приходят и при копировании из Word)",
                "delete the indentation at the start of the line and type it again with plain spaces; replace a tab with spaces (such characters also come with text copied from Word)",
            ),
        )
    }

    /// A quoted value whose closing quote is missing on its `line` (reported where
    /// the quote opened, not where the parser got lost).
    pub(crate) fn yaml_unclosed_quote(line: usize) -> WithHint {
        (
            Message::new(
                "yaml-unclosed-quote",
                format!("кавычка, открытая в строке {line}, не закрыта на этой строке: всё, что дальше, прочитано как один текст"),
                format!("the quote opened on line {line} is not closed on that line: everything after it was read as one text"),
            ),
            Message::text(
                "закройте кавычку в конце значения: title: \"…\"; кавычка внутри текста пишется как \\\" или «ёлочками»",
                "close the quote at the end of the value: title: \"…\"; a quote inside the text is written as \\\" or as «»",
            ),
        )
    }

    /// A key written at `line`, `column` but not in line with the other keys of its
    /// entry (at column `expected`, starting with `first_key`), so the parser calls
    /// it missing.
    pub(crate) fn yaml_misindented(
        field: &str,
        (line, column): (usize, usize),
        expected: usize,
        first_key: &str,
    ) -> WithHint {
        (
            Message::new(
                "yaml-misindented",
                format!("поле «{field}» есть в строке {line}, но сдвинуто: оно начинается в колонке {column}, а поля этой записи — в колонке {expected}"),
                format!("the field “{field}” is on line {line}, but out of line: it starts in column {column}, and the fields of its entry in column {expected}"),
            ),
            Message::text(
                format!("поставьте «{field}:» ровно под «{first_key}:» (тем же числом пробелов слева): по отступу YAML решает, к какой записи относится поле"),
                format!("put “{field}:” exactly under “{first_key}:” (with as many spaces on the left): the indentation tells YAML which entry a field belongs to"),
            ),
        )
    }

    /// A value of the wrong type: `expected` and `found` in the parser's words
    /// (`i64`, `a sequence`; `string "один"`, `map`).
    pub(crate) fn yaml_wrong_type(expected: &str, found: &str) -> WithHint {
        let (ru, en) = match (expected_words(expected), found_words(found)) {
            (Some(expected), Some(found)) => (
                format!("{}, а {}", expected.ru, found.ru),
                format!("expected {}, but {}", expected.en, found.en),
            ),
            _ => (
                format!("значение не того вида (invalid type: {found}, expected {expected})"),
                format!("the value has the wrong type ({found}, expected {expected})"),
            ),
        };
        (
            Message::new("yaml-wrong-type", ru, en),
            Message::text(
                "проверьте значение поля: например, текст, число, дата или список",
                "check the field's value: text, a number, a date or a list",
            ),
        )
    }

    /// Broken YAML syntax (indentation, a colon in unquoted text), in the parser's words.
    pub(crate) fn yaml_syntax(detail: &str) -> WithHint {
        (
            Message::new(
                "yaml-syntax",
                format!("ошибка в разметке YAML ({detail})"),
                format!("YAML syntax error ({detail})"),
            ),
            Message::text(
                "проверьте отступы и двоеточия; текст с двоеточием или кавычками заключите в кавычки: title: \"…\"",
                "check indentation and colons; put text containing a colon or quotes in quotes: title: \"…\"",
            ),
        )
    }

    /// The same key twice.
    pub(crate) fn yaml_duplicate_key(field: &str) -> WithHint {
        (
            Message::new(
                "yaml-duplicate-key",
                format!("поле «{field}» указано дважды"),
                format!("the field “{field}” is given twice"),
            ),
            Message::text(
                "оставьте одно из двух значений",
                "keep one of the two values",
            ),
        )
    }

    /// A date that is not a date.
    pub(crate) fn bad_date(error: &DateError) -> WithHint {
        (
            Message::new("bad-date", error.to_string(), error.english()),
            Message::text(
                "пишите дату в виде ГГГГ-ММ-ДД (2025-08-29) или ДД.ММ.ГГГГ (29.08.2025)",
                "write dates as YYYY-MM-DD (2025-08-29) or DD.MM.YYYY (29.08.2025)",
            ),
        )
    }

    /// A page without the `---` front matter.
    pub(crate) fn no_front_matter() -> WithHint {
        (
            Message::new(
                "no-front-matter",
                "у страницы нет заголовка (front matter)",
                "the page has no front matter",
            ),
            front_matter_hint(),
        )
    }

    /// Front matter that never ends with `---`.
    pub(crate) fn unclosed_front_matter() -> WithHint {
        (
            Message::new(
                "unclosed-front-matter",
                "заголовок страницы не закрыт строкой «---»",
                "the front matter is not closed by a “---” line",
            ),
            front_matter_hint(),
        )
    }

    /// A page without `title`.
    pub(crate) fn missing_title() -> WithHint {
        (
            Message::new(
                "missing-title",
                "у страницы нет названия (title)",
                "the page has no title",
            ),
            Message::text(
                "добавьте в заголовок строку title: \"Название страницы\"",
                "add a line title: \"Page title\" to the front matter",
            ),
        )
    }

    /// A page with no publication date from the front matter or from git.
    pub(crate) fn missing_date() -> WithHint {
        (
            Message::new(
                "missing-date",
                "у страницы нет даты размещения",
                "the page has no publication date",
            ),
            Message::text(
                "добавьте в заголовок date: ГГГГ-ММ-ДД или зафиксируйте файл в git (дата берётся из истории)",
                "add date: YYYY-MM-DD to the front matter or commit the file to git (the date comes from its history)",
            ),
        )
    }

    /// An image without alternative text.
    pub(crate) fn missing_alt() -> WithHint {
        (
            Message::new(
                "missing-alt",
                "у изображения нет описания",
                "the image has no description",
            ),
            Message::text(
                "опишите, что на картинке, в квадратных скобках: ![Здание школы № 1](school.jpg) — это прочтёт незрячий читатель",
                "describe the picture in the square brackets: ![School No. 1](school.jpg) — a blind reader hears this",
            ),
        )
    }

    /// A file not saved as UTF-8.
    pub(crate) fn not_utf8() -> WithHint {
        (
            Message::new(
                "not-utf8",
                "файл сохранён не в кодировке UTF-8 и не в Windows-1251",
                "the file is saved neither as UTF-8 nor as Windows-1251",
            ),
            Message::text(
                "сохраните файл в кодировке UTF-8 (в Блокноте: «Сохранить как» → Кодировка: UTF-8; в Excel: «Сохранить как» → «CSV UTF-8 (разделители — запятые)»)",
                "save the file as UTF-8 (Notepad: “Save as” → Encoding: UTF-8; Excel: “Save as” → “CSV UTF-8 (Comma delimited)”)",
            ),
        )
    }

    /// A file read in the `encoding` Windows saved it in (`Windows-1251`,
    /// `UTF-16`), not UTF-8 (a warning).
    pub(crate) fn other_encoding(encoding: &str) -> WithHint {
        (
            Message::new(
                "other-encoding",
                format!("файл сохранён в кодировке {encoding}, а не UTF-8; msoko прочитал его, проверьте, что русские буквы на сайте не искажены"),
                format!("the file is saved as {encoding}, not UTF-8; msoko has read it, check that the Russian letters on the site are not garbled"),
            ),
            Message::text(
                "сохраните файл в UTF-8, и предупреждение исчезнет: в Excel — «Сохранить как» → «CSV UTF-8 (разделители — запятые)», в Блокноте — «Сохранить как» → Кодировка: UTF-8",
                "save the file as UTF-8 and the warning goes away: in Excel “Save as” → “CSV UTF-8 (Comma delimited)”, in Notepad “Save as” → Encoding: UTF-8",
            ),
        )
    }

    /// No `site.yaml` in the `root` as given.
    pub(crate) fn no_config(root: &str) -> WithHint {
        (
            Message::new(
                "no-config",
                "нет файла настроек сайта site.yaml",
                "there is no site settings file site.yaml",
            ),
            Message::text(
                format!(
                    "проверьте, что папка сайта указана верно ({root}); её задаёт параметр --root"
                ),
                format!("check that the site folder is right ({root}); --root sets it"),
            ),
        )
    }

    /// An internal link (as `written`) to an address (`target`) the site does not have.
    pub(crate) fn broken_link(written: &str, target: &str) -> WithHint {
        (
            Message::new(
                "broken-link",
                format!("ссылка «{written}» никуда не ведёт: на сайте нет {target}"),
                format!("the link “{written}” leads nowhere: the site has no {target}"),
            ),
            Message::text(
                "проверьте адрес; страница из файла content/a/b.md имеет адрес /a/b/, файл content/a/x.pdf — /a/x.pdf",
                "check the address; the page from content/a/b.md is at /a/b/, the file content/a/x.pdf at /a/x.pdf",
            ),
        )
    }

    /// A link to a `.md` file that is not a page of the site.
    pub(crate) fn missing_page(written: &str) -> WithHint {
        (
            Message::new(
                "missing-page",
                format!("ссылка «{written}» ведёт на страницу, которой нет"),
                format!("the link “{written}” leads to a page that does not exist"),
            ),
            Message::text(
                "ссылка на файл .md должна указывать на существующую страницу в папке content",
                "a link to a .md file must name an existing page in the content folder",
            ),
        )
    }

    /// An internal link to a page that exists (`target`), but without its trailing `/`.
    pub(crate) fn link_without_slash(written: &str, target: &str) -> WithHint {
        (
            Message::new(
                "link-without-slash",
                format!("ссылка «{written}» ведёт на адрес без «/» в конце"),
                format!("the link “{written}” lacks the trailing “/”"),
            ),
            Message::text(format!("напишите {target}/"), format!("write {target}/")),
        )
    }

    /// A `#fragment` (without `#`) that the page `target` does not have; `known`
    /// are the ids it has.
    pub(crate) fn missing_anchor(
        written: &str,
        fragment: &str,
        target: &str,
        known: &[String],
    ) -> WithHint {
        let hint = if known.is_empty() {
            Message::text(
                "на той странице нет заголовков; уберите часть ссылки после «#»",
                "that page has no headings; remove the part of the link after “#”",
            )
        } else {
            let list = known.join(", ");
            Message::text(
                format!("разделы той страницы: {list}"),
                format!("sections of that page: {list}"),
            )
        };
        (
            Message::new(
                "missing-anchor",
                format!("в ссылке «{written}» нет раздела «#{fragment}» на странице {target}"),
                format!("the link “{written}”: page {target} has no section “#{fragment}”"),
            ),
            hint,
        )
    }

    /// A CSV row with `found` cells where the header has `columns`; `semicolon`
    /// when the file separates cells with `;` (Russian Excel), not `,`.
    pub(crate) fn csv_width(found: usize, columns: &[String], semicolon: bool) -> WithHint {
        let expected = columns.len();
        let cells_ru = format!(
            "в строке {found} {}, а в заголовке {expected} {}",
            plural(found, "ячейка", "ячейки", "ячеек"),
            plural(expected, "столбец", "столбца", "столбцов")
        );
        let cells_en = format!(
            "the row has {found} cell{}, the header {expected} column{}",
            if found == 1 { "" } else { "s" },
            if expected == 1 { "" } else { "s" }
        );
        let (ru, en, hint) = if found > expected {
            let (ru, en) = if semicolon {
                ("точкой с запятой", "semicolons")
            } else {
                ("запятой", "commas")
            };
            (
                format!("{cells_ru}: лишние ячейки"),
                format!("{cells_en}: too many cells"),
                Message::text(
                    format!("ячейки разделяются {ru}; число с десятичной запятой заключите в кавычки (\"12,5\") или напишите с точкой (12.5)"),
                    format!("cells are separated by {en}; quote a number with a decimal comma (\"12,5\") or write it with a point (12.5)"),
                ),
            )
        } else {
            let list = columns.join(", ");
            (
                format!("{cells_ru}: не хватает ячеек"),
                format!("{cells_en}: cells are missing"),
                Message::text(
                    format!(
                        "заполните все столбцы ({list}); пустое значение — два разделителя подряд"
                    ),
                    format!(
                        "fill in every column ({list}); an empty value is two separators in a row"
                    ),
                ),
            )
        };
        (Message::new("csv-width", ru, en), hint)
    }

    /// An organisation id that is not in the register; `aggregates` are the ids
    /// also allowed (municipality, region, russia).
    pub(crate) fn unknown_org(id: &str, aggregates: &[String]) -> WithHint {
        let list = aggregates.join(", ");
        (
            Message::new(
                "unknown-org",
                format!("организации «{id}» нет в реестре"),
                format!("organisation “{id}” is not in the register"),
            ),
            Message::text(
                format!("в столбце org пишется id из data/organizations.yaml или {list}"),
                format!("the org column takes an id from data/organizations.yaml or {list}"),
            ),
        )
    }

    /// An indicator id that no `data/indicators/*.yaml` describes (a shortcode).
    pub(crate) fn unknown_indicator(id: &str) -> WithHint {
        (
            Message::new(
                "unknown-indicator",
                format!("показателя «{id}» нет"),
                format!("there is no indicator “{id}”"),
            ),
            Message::text(
                "id показателей перечислены в data/indicators/*.yaml (поле id)",
                "indicator ids are listed in data/indicators/*.yaml (the id field)",
            ),
        )
    }

    /// `data/values/<id>.csv` for an indicator that is not described.
    pub(crate) fn values_of_unknown_indicator(id: &str) -> WithHint {
        (
            Message::new(
                "values-of-unknown-indicator",
                format!("файл значений для показателя «{id}», которого нет ни в одном файле data/indicators"),
                format!("values for indicator “{id}”, which no file in data/indicators describes"),
            ),
            Message::text(
                "имя файла значений — это id показателя: data/values/<id>.csv; проверьте написание или опишите показатель",
                "a values file is named after its indicator: data/values/<id>.csv; check the spelling or describe the indicator",
            ),
        )
    }

    /// A template that does not parse or fails to render, in tera's words; see
    /// [`Message::on_page`] for the page it failed on.
    pub(crate) fn template(detail: &str) -> WithHint {
        (
            Message::new(
                "template",
                format!("ошибка в шаблоне: {detail}"),
                format!("template error: {detail}"),
            ),
            Message::text(
                "проверьте парные {% … %} и {{ … }} и имена переменных; список переменных — в README, раздел «Шаблоны»",
                "check the pairs {% … %} and {{ … }} and the variable names; README, section “Themes”, lists the variables",
            ),
        )
    }

    /// `template:` names a template the theme does not have; `known` are the theme's.
    pub(crate) fn unknown_template(name: &str, known: &[String]) -> WithHint {
        let hint = if known.is_empty() {
            Message::text(
                "в теме нет ни одного шаблона: положите файлы .html в папку templates/ темы или укажите theme: default",
                "the theme has no templates at all: put .html files in the theme's templates/ folder or write theme: default",
            )
        } else {
            let list = known.join(", ");
            Message::text(
                format!("доступные шаблоны: {list}"),
                format!("templates available: {list}"),
            )
        };
        (
            Message::new(
                "unknown-template",
                format!("шаблона «{name}» нет в теме"),
                format!("the theme has no template “{name}”"),
            ),
            hint,
        )
    }
}

fn front_matter_hint() -> Message {
    Message::text(FRONT_MATTER_HINT_RU, FRONT_MATTER_HINT_EN)
}

/// serde's name of an expected type (`i64`, `a sequence`, `struct Raw`) in words:
/// «ожидалось целое число» (the verb agrees with the noun) / "a whole number".
fn expected_words(expected: &str) -> Option<Message> {
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
    Some(Message::text(ru, en))
}

/// serde's description of the value written (`string "один"`, `integer `5``,
/// `sequence`) as the end of a sentence: «написано «один»» / "“один” is written".
fn found_words(found: &str) -> Option<Message> {
    let quoted = |prefix: &str, open: char, close: char| {
        found
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix(open))
            .and_then(|rest| rest.strip_suffix(close))
            .map(str::to_string)
    };
    let words = if let Some(text) = quoted("string ", '"', '"') {
        Message::text(format!("написано «{text}»"), format!("“{text}” is written"))
    } else if let Some(n) =
        quoted("integer ", '`', '`').or_else(|| quoted("floating point ", '`', '`'))
    {
        Message::text(
            format!("написано число {n}"),
            format!("the number {n} is written"),
        )
    } else if let Some(b) = quoted("boolean ", '`', '`') {
        Message::text(format!("написано {b}"), format!("{b} is written"))
    } else {
        let (ru, en) = match found {
            "sequence" => ("написан список", "a list is written"),
            "map" => ("написаны вложенные поля", "nested fields are written"),
            "unit value" | "null" => ("значение пустое", "the value is empty"),
            _ => return None,
        };
        Message::text(ru, en)
    };
    Some(words)
}

const FRONT_MATTER_HINT_RU: &str = "страница начинается с заголовка между строками «---», например:\n  ---\n  title: \"Название страницы\"\n  ---";
const FRONT_MATTER_HINT_EN: &str =
    "a page starts with a header between “---” lines, for example:\n  ---\n  title: \"Page title\"\n  ---";

/// `hint`, then what [`crate::near::advice`] says about `written` among `allowed`.
fn with_advice(hint: Message, written: &str, allowed: &[String]) -> Message {
    let known: Vec<&str> = allowed.iter().map(String::as_str).collect();
    let (ru, en) = crate::near::advice(written, &known, None);
    if ru.is_empty() && en.is_empty() {
        return hint;
    }
    let join = |advice: String, hint: &str| {
        if advice.is_empty() {
            hint.to_string()
        } else {
            format!("{advice}; {hint}")
        }
    };
    Message::text(join(ru, &hint.ru), join(en, &hint.en))
}

/// The name of a character that looks like a space in an indentation.
fn indent_character(c: char) -> Message {
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
    if ru.contains("U+") || c == '\t' {
        return Message::text(ru, en);
    }
    let code = format!("U+{:04X}", u32::from(c));
    Message::text(format!("{ru} ({code})"), format!("{en} ({code})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every common problem, once: the table the tests below walk. A new
    /// constructor belongs here, so that its hint and its English are checked too.
    fn catalogue() -> Vec<WithHint> {
        let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let date = crate::dates::parse_date("31.02.2025").expect_err("not a date");
        vec![
            Message::unknown_field("autor", &list(&["title", "date"])),
            Message::unknown_field("x", &[]),
            Message::missing_field("title"),
            Message::unknown_value("documnet", &list(&["document", "report"])),
            Message::yaml_tab(),
            Message::yaml_indent('\u{a0}'),
            Message::yaml_indent('\t'),
            Message::yaml_unclosed_quote(3),
            Message::yaml_misindented("title", (4, 4), 7, "no"),
            Message::yaml_wrong_type("i64", "string \"one\""),
            Message::yaml_wrong_type("something", "odd"),
            Message::yaml_syntax("did not find expected key"),
            Message::yaml_duplicate_key("title"),
            Message::bad_date(&date),
            Message::no_front_matter(),
            Message::unclosed_front_matter(),
            Message::missing_title(),
            Message::missing_date(),
            Message::missing_alt(),
            Message::not_utf8(),
            Message::other_encoding("Windows-1251"),
            Message::no_config("site"),
            Message::broken_link("/a/", "/a/"),
            Message::missing_page("a.md"),
            Message::link_without_slash("/a", "/a"),
            Message::missing_anchor("/a/#b", "b", "/a/", &list(&["c"])),
            Message::missing_anchor("/a/#b", "b", "/a/", &[]),
            Message::csv_width(3, &list(&["a", "b"]), true),
            Message::csv_width(1, &list(&["a", "b"]), false),
            Message::unknown_org("s9", &list(&["municipality"])),
            Message::unknown_indicator("x"),
            Message::values_of_unknown_indicator("x"),
            Message::template("x"),
            Message::unknown_template("x", &list(&["page.html"])),
            Message::unknown_template("x", &[]),
        ]
    }

    fn cyrillic(text: &str) -> bool {
        text.chars()
            .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
    }

    #[test]
    fn every_common_problem_has_a_hint_in_both_languages() {
        for (message, hint) in catalogue() {
            for text in [&message.ru, &message.en, &hint.ru, &hint.en] {
                assert!(!text.trim().is_empty(), "{message:?} {hint:?}");
            }
            assert_ne!(message.code(), TEXT, "{message:?}");
        }
    }

    #[test]
    fn every_common_problem_has_an_english_text_without_cyrillic() {
        for (message, hint) in catalogue() {
            // Sample values of the table are Latin, so any Cyrillic is untranslated.
            let text = format!("{} {}", message.en, hint.en);
            assert!(!cyrillic(&text), "{text}");
        }
    }

    #[test]
    fn says_an_unknown_field_in_both_languages() {
        let (message, hint) = Message::unknown_field("autor", &["title".into(), "date".into()]);
        assert_eq!(message.ru(), "неизвестное поле «autor»");
        assert_eq!(
            hint.ru(),
            "проверьте написание; допустимые поля: title, date"
        );
        assert_eq!(message.en(), "unknown field “autor”");
        assert_eq!(message.code(), "unknown-field");
    }

    #[test]
    fn nests_a_field_path_in_both_languages() {
        let (message, _) = Message::missing_field("name");
        let message = message.in_field("head");
        assert_eq!(message.ru(), "нет обязательного поля «name» (поле head)");
        assert_eq!(
            message.en(),
            "required field “name” is missing (field head)"
        );
        assert_eq!(message.code(), "missing-field");
    }

    #[test]
    fn names_the_page_a_template_failed_on() {
        let (message, _) = Message::template("x");
        let message = message.on_page("content/a.md");
        assert_eq!(
            message.ru(),
            "ошибка в шаблоне: x (при выводе страницы content/a.md)"
        );
        assert_eq!(
            message.en(),
            "template error: x (rendering page content/a.md)"
        );
    }

    #[test]
    fn a_tab_in_the_indentation_is_a_yaml_tab() {
        assert_eq!(Message::yaml_indent('\t').0.code(), "yaml-tab");
        assert_eq!(Message::yaml_indent('\u{a0}').0.code(), "yaml-indent");
    }
}
