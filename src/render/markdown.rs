//! Markdown -> HTML with pulldown-cmark (CommonMark, tables, footnotes).
//!
//! Besides HTML it returns what later checks need: heading ids (targets of `#links`)
//! and every internal link with its file line and column, already resolved to a site
//! path. Links are rewritten the way an author thinks of them: `/about/` gets the
//! site's base path, `приказ.pdf` and `other.md` are relative to the Markdown file.

mod raw_html;

use crate::tr;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diagnostic::{Diagnostic, LineIndex, Message};
use crate::model::{attachment_url, page_url, written_path};

/// What a page's Markdown needs to know about the site.
pub(crate) struct MarkdownContext<'a> {
    /// Source path relative to the site root, for diagnostics.
    pub(crate) file: &'a Path,
    /// Source path relative to `content/`, to resolve relative links.
    pub(crate) relative: &'a Path,
    /// File line of the body's first line.
    pub(crate) body_line: usize,
    pub(crate) base_path: &'a str,
    /// Site path of every page by its Markdown file (relative to `content/`).
    pub(crate) page_urls: &'a BTreeMap<PathBuf, String>,
    /// Site path of the page itself, for `#fragment` links.
    pub(crate) url: &'a str,
    /// A report chapter's number: its headings are numbered «2.1», «2.1.1».
    pub(crate) chapter: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Heading {
    pub(crate) level: u8,
    pub(crate) id: String,
    pub(crate) text: String,
    /// «2.1» in a report chapter.
    pub(crate) number: Option<String>,
}

/// A link to somewhere on this site, to be checked once all pages are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InternalLink {
    /// Site path without base path, query or fragment (`/news/a/`, `/documents/x.pdf`).
    pub(crate) target: String,
    pub(crate) fragment: Option<String>,
    /// As the author wrote it.
    pub(crate) written: String,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

#[derive(Debug, Default)]
pub(crate) struct RenderedMarkdown {
    pub(crate) html: String,
    pub(crate) headings: Vec<Heading>,
    pub(crate) links: Vec<InternalLink>,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

pub(crate) fn render_markdown(body: &str, context: &MarkdownContext<'_>) -> RenderedMarkdown {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_HEADING_ATTRIBUTES);

    let mut out = RenderedMarkdown::default();
    let mut events: Vec<Event<'_>> = Vec::new();
    // Index of the open heading's Start event and its collected text.
    let mut open_heading: Option<(usize, String)> = None;
    let mut open_image: Option<(usize, String)> = None;
    let mut used_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut tables = 0;
    // Counters of h2, h3, … for numbered chapter headings.
    let mut counters = [0usize; 5];
    // A link or picture with a scheme that runs code was dropped: skip its end too
    // (links do not nest, so one flag each is enough); its text stays.
    let mut dropped_link = false;
    let mut dropped_image = false;

    let lines = LineIndex::new(body);
    // The lines of one raw HTML block, read together (a tag may span lines), with
    // where each line starts in the buffer and in `body`.
    let mut html_block = HtmlBlock::default();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        if let Event::Html(text) = &event {
            html_block.push(text, range.start);
            continue;
        }
        html_block.flush(&lines, context, &mut events, &mut out.diagnostics);
        let position = || {
            let (line, column) = lines.line_column(range.start);
            (line + context.body_line - 1, column)
        };
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let level = if level == HeadingLevel::H1 {
                    let (line, column) = position();
                    out.diagnostics.push(
                        Diagnostic::warning(context.file, tr!("заголовок первого уровня «#» в тексте страницы", "a first-level heading “#” in the page text"))
                            .at(line, column)
                            .hint(tr!("название страницы (title) уже выводится как главный заголовок; начинайте разделы с «##» — этот заголовок показан как «##»", "the page title (title) is already shown as the main heading; start sections with “##”; this heading is shown as “##”")),
                    );
                    HeadingLevel::H2
                } else {
                    level
                };
                open_heading = Some((events.len(), String::new()));
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = if level == HeadingLevel::H1 {
                    HeadingLevel::H2
                } else {
                    level
                };
                if let Some((start, text)) = open_heading.take() {
                    let mut number = None;
                    if let Event::Start(Tag::Heading { id, level, .. }) = &mut events[start] {
                        let chosen = match id {
                            Some(explicit) => explicit.to_string(),
                            None => unique_id(&text, &mut used_ids),
                        };
                        *id = Some(CowStr::from(chosen.clone()));
                        number = context.chapter.map(|chapter| {
                            let depth = (*level as usize).saturating_sub(2).min(4);
                            counters[depth] += 1;
                            counters[depth + 1..].iter_mut().for_each(|c| *c = 0);
                            let parts: Vec<String> = std::iter::once(chapter)
                                .chain(counters[..=depth].iter().copied())
                                .map(|n| n.to_string())
                                .collect();
                            parts.join(".")
                        });
                        out.headings.push(Heading {
                            level: *level as u8,
                            id: chosen,
                            text: text.trim().to_string(),
                            number: number.clone(),
                        });
                    }
                    if let Some(number) = number {
                        events.insert(start + 1, Event::Text(CowStr::from(format!("{number} "))));
                    }
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Text(ref text) | Event::Code(ref text) => {
                if let Some((_, heading)) = &mut open_heading {
                    heading.push_str(text);
                }
                if let Some((_, alt)) = &mut open_image {
                    alt.push_str(text);
                }
                events.push(event);
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let (line, column) = position();
                if crate::url::is_dangerous_in_markdown(&dest_url, false) {
                    out.diagnostics
                        .push(dangerous_link(context.file, &dest_url, false).at(line, column));
                    dropped_link = true;
                    continue;
                }
                let dest_url = rewrite_link(&dest_url, line, column, context, &mut out);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let (line, column) = position();
                if crate::url::is_dangerous_in_markdown(&dest_url, true) {
                    out.diagnostics
                        .push(dangerous_link(context.file, &dest_url, true).at(line, column));
                    dropped_image = true;
                    continue;
                }
                let dest_url = rewrite_link(&dest_url, line, column, context, &mut out);
                open_image = Some((line, String::new()));
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) if dropped_link => dropped_link = false,
            Event::End(TagEnd::Image) if dropped_image => dropped_image = false,
            Event::End(TagEnd::Image) => {
                if let Some((line, alt)) = open_image.take() {
                    if alt.trim().is_empty() {
                        out.diagnostics.push(
                            Diagnostic::warning(context.file, Message::missing_alt()).at_line(line),
                        );
                    }
                }
                events.push(Event::End(TagEnd::Image));
            }
            Event::Start(Tag::Table(alignments)) => {
                // A wide table scrolls inside its own box on a phone; the box must be
                // focusable and named so keyboard users can scroll it (WCAG 2.1.1).
                tables += 1;
                events.push(Event::Html(CowStr::from(format!(
                    "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Таблица {tables}\">"
                ))));
                events.push(Event::Start(Tag::Table(alignments)));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html(CowStr::from("</div>")));
            }
            Event::InlineHtml(html) => {
                let mut tag = HtmlBlock::default();
                tag.push(&html, range.start);
                tag.flush(&lines, context, &mut events, &mut out.diagnostics);
            }
            other => events.push(other),
        }
    }
    html_block.flush(&lines, context, &mut events, &mut out.diagnostics);
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    out
}

/// Raw HTML waiting to be cleaned: the text, and for each piece where it starts in
/// the text and in the Markdown body.
#[derive(Default)]
struct HtmlBlock {
    text: String,
    starts: Vec<(usize, usize)>,
}

impl HtmlBlock {
    fn push(&mut self, text: &str, body_offset: usize) {
        self.starts.push((self.text.len(), body_offset));
        self.text.push_str(text);
    }

    /// Cleans the HTML (see `raw_html`), warns at each dropped piece's place, and
    /// passes on what is left.
    fn flush<'a>(
        &mut self,
        lines: &LineIndex<'_>,
        context: &MarkdownContext<'_>,
        events: &mut Vec<Event<'a>>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        if self.text.is_empty() {
            return;
        }
        let cleaned = raw_html::clean(&self.text);
        for (offset, dropped) in cleaned.dropped {
            let piece = self.starts.partition_point(|&(start, _)| start <= offset) - 1;
            let (piece_start, body_offset) = self.starts[piece];
            let (line, column) = lines.line_column(body_offset + offset - piece_start);
            diagnostics.push(
                dropped_html(context.file, &dropped).at(line + context.body_line - 1, column),
            );
        }
        events.push(Event::Html(CowStr::from(cleaned.html)));
        self.text.clear();
        self.starts.clear();
    }
}

/// The warning for a piece of raw HTML dropped because it may run a program.
fn dropped_html(file: &Path, dropped: &raw_html::Dropped) -> Diagnostic {
    use raw_html::Dropped;
    let (said, hint) = match dropped {
        Dropped::Handler { tag, attribute } => (
            tr!(
                "у HTML-тега <{tag}> убран атрибут «{attribute}»: он запускает программу в браузере читателя",
                "the attribute “{attribute}” of the HTML tag <{tag}> is removed: it runs a program in the reader's browser"
            ),
            tr!(
                "уберите атрибут «{attribute}»: на страницах сайта программы не публикуются, ссылку или кнопку оформите средствами Markdown",
                "remove the attribute “{attribute}”: programs are not published on the site's pages; write the link or button in Markdown"
            ),
        ),
        Dropped::Address { tag, attribute, scheme } => (
            tr!(
                "у HTML-тега <{tag}> убран адрес «{scheme}:…» (атрибут {attribute}): такой адрес может выполнить программу в браузере читателя",
                "the address “{scheme}:…” (attribute {attribute}) of the HTML tag <{tag}> is removed: such an address may run a program in the reader's browser"
            ),
            tr!(
                "ссылайтесь на страницу сайта (/about/), файл (приказ.pdf) или адрес https://…",
                "link to a page of the site (/about/), a file (приказ.pdf) or an https://… address"
            ),
        ),
        Dropped::Element { tag } => (
            tr!(
                "HTML-элемент <{tag}> не опубликован: он загружает или запускает программу на странице",
                "the HTML element <{tag}> is not published: it loads or runs a program on the page"
            ),
            tr!(
                "видео, карту или форму опубликуйте ссылкой на неё (https://…), а программы на страницы сайта не вставляйте",
                "publish a video, map or form as a link to it (https://…); do not put programs into the site's pages"
            ),
        ),
    };
    Diagnostic::warning(file, said).hint(hint)
}

/// The warning for a link or picture dropped because of its scheme.
fn dangerous_link(file: &Path, dest: &str, image: bool) -> Diagnostic {
    let scheme = crate::url::scheme(dest).unwrap_or_default();
    let said = if image {
        tr!(
            "картинка с адресом «{scheme}:…» не опубликована: такой адрес может выполнить программу в браузере читателя",
            "a picture with an address “{scheme}:…” is not published: such an address may run a program in the reader's browser"
        )
    } else {
        tr!(
            "ссылка с адресом «{scheme}:…» не опубликована (оставлен только её текст): такой адрес может выполнить программу в браузере читателя",
            "a link with an address “{scheme}:…” is not published (only its text is kept): such an address may run a program in the reader's browser"
        )
    };
    Diagnostic::warning(file, said).hint(tr!(
        "ссылайтесь на страницу сайта (/about/), файл (приказ.pdf) или адрес https://…",
        "link to a page of the site (/about/), a file (приказ.pdf) or an https://… address"
    ))
}

fn unique_id(text: &str, used: &mut BTreeMap<String, usize>) -> String {
    let mut base = slug::slugify(text);
    if base.is_empty() {
        base = "razdel".into();
    }
    let count = used.entry(base.clone()).or_insert(0);
    *count += 1;
    if *count == 1 {
        base
    } else {
        format!("{base}-{count}")
    }
}

/// Returns the href to write and records the link if it points into the site.
fn rewrite_link<'a>(
    dest: &CowStr<'a>,
    line: usize,
    column: usize,
    context: &MarkdownContext<'_>,
    out: &mut RenderedMarkdown,
) -> CowStr<'a> {
    let written = dest.to_string();
    if is_external(&written) {
        return dest.clone();
    }
    let (path, fragment) = match written.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment.to_string())),
        None => (written.as_str(), None),
    };
    let path = path.split('?').next().unwrap_or(path);
    let path = &*written_path(path);
    let target = if path.is_empty() {
        Some(context.url.to_string())
    } else {
        resolve_path(path, context)
    };
    let Some(target) = target else {
        out.diagnostics.push(
            Diagnostic::error(context.file, Message::missing_page(&written)).at(line, column),
        );
        return dest.clone();
    };
    out.links.push(InternalLink {
        target: target.clone(),
        fragment: fragment.clone(),
        written,
        line,
        column,
    });
    let mut href = format!("{}{}", context.base_path, target.trim_start_matches('/'));
    if let Some(fragment) = fragment {
        href.push('#');
        href.push_str(&fragment);
    }
    CowStr::from(href)
}

fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    // A scheme: letters before the first ':' and no '/' before it (mailto:, https:).
    dest.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

/// A site path for `path` as written in the Markdown of `context`; `None` when it
/// names a Markdown file that is not a page.
fn resolve_path(path: &str, context: &MarkdownContext<'_>) -> Option<String> {
    let decoded = percent_decode(path);
    let in_content: PathBuf = if let Some(absolute) = decoded.strip_prefix('/') {
        if !decoded.ends_with(".md") {
            // An absolute site path: already what the reader will see.
            return Some(decoded.clone());
        }
        PathBuf::from(absolute)
    } else {
        let dir = context.relative.parent().unwrap_or(Path::new(""));
        normalize(&dir.join(&decoded))
    };
    if decoded.ends_with(".md") {
        return context.page_urls.get(&in_content).cloned();
    }
    if decoded.ends_with('/') || Path::new(&decoded).extension().is_none() {
        return Some(page_url(&in_content.join("_index.md")));
    }
    Some(attachment_url(&in_content))
}

/// Removes `.` and `..` segments without touching the disk.
fn normalize(path: &Path) -> PathBuf {
    let mut parts: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.iter().collect()
}

/// `%D0%9F` -> `П`; invalid sequences are kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests;
