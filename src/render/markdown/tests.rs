use super::*;

fn render(body: &str) -> RenderedMarkdown {
    let mut page_urls = BTreeMap::new();
    page_urls.insert(PathBuf::from("news/b.md"), "/news/b/".to_string());
    page_urls.insert(PathBuf::from("about/_index.md"), "/about/".to_string());
    let context = MarkdownContext {
        file: Path::new("content/news/a.md"),
        relative: Path::new("news/a.md"),
        body_line: 5,
        base_path: "/msoko/",
        page_urls: &page_urls,
        url: "/news/a/",
        chapter: None,
    };
    render_markdown(body, &context)
}

#[test]
fn renders_tables_inside_a_scrollable_region() {
    let out = render("| a | b |\n|---|---|\n| 1 | 2 |\n");
    assert!(out.html.starts_with(
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Таблица 1\"><table>"
    ));
    assert!(
        out.html.trim_end().ends_with("</table>\n</div>") || out.html.contains("</table></div>")
    );
}

#[test]
fn gives_headings_unique_transliterated_ids() {
    let out = render("## Общие положения\n\n## Общие положения\n\n### Цели {#goals}\n");
    let ids: Vec<_> = out.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        ids,
        ["obshchie-polozheniia", "obshchie-polozheniia-2", "goals"]
    );
    assert!(out
        .html
        .contains("<h2 id=\"obshchie-polozheniia\">Общие положения</h2>"));
}

#[test]
fn demotes_a_second_h1_with_a_warning_at_its_line() {
    let out = render("text\n\n# Big\n");
    assert!(out.html.contains("<h2 id=\"big\">Big</h2>"));
    assert_eq!(out.diagnostics[0].line, Some(7));
}

#[test]
fn renders_footnotes() {
    let out = render("Текст[^1].\n\n[^1]: Сноска.\n");
    assert!(out.html.contains("footnote-reference"));
    assert!(out.html.contains("Сноска."));
}

#[test]
fn prefixes_site_paths_with_the_base_path_and_records_them() {
    let out = render("См. [раздел](/about/#kontakty).\n");
    assert!(out.html.contains("href=\"/msoko/about/#kontakty\""));
    let link = &out.links[0];
    assert_eq!(link.target, "/about/");
    assert_eq!(link.fragment.as_deref(), Some("kontakty"));
    assert_eq!((link.line, link.column), (5, 5));
}

#[test]
fn resolves_links_relative_to_the_markdown_file() {
    let out = render("[b](b.md) [pdf](prikaz.pdf) [о нас](../about/) [#](#x)\n");
    let targets: Vec<_> = out.links.iter().map(|l| l.target.as_str()).collect();
    assert_eq!(
        targets,
        ["/news/b/", "/news/prikaz.pdf", "/about/", "/news/a/"]
    );
    assert!(out.html.contains("href=\"/msoko/news/b/\""));
}

#[test]
fn reads_windows_backslashes_in_links_as_slashes() {
    let out = render("[b](..\\news\\b.md) [pdf](<Документы\\Приказ 1.pdf>) [о нас](..\\about)\n");
    let targets: Vec<_> = out.links.iter().map(|l| l.target.as_str()).collect();
    assert_eq!(
        targets,
        ["/news/b/", "/news/dokumenty/Приказ 1.pdf", "/about/"]
    );
    assert!(out.html.contains("href=\"/msoko/news/b/\""), "{}", out.html);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
}

#[test]
fn errors_on_a_link_to_a_missing_markdown_page() {
    let out = render("\n[x](missing.md)\n");
    assert_eq!(out.diagnostics[0].line, Some(6));
    assert_eq!(out.diagnostics[0].column, Some(1));
    assert!(out.diagnostics[0].is_error());
}

#[test]
fn leaves_external_links_alone() {
    let out = render("[a](https://example.ru) [b](mailto:a@b.ru) [c](tel:+7)\n");
    assert!(out.links.is_empty());
    assert!(out.html.contains("href=\"https://example.ru\""));
}

#[test]
fn warns_on_an_image_without_alt_text() {
    let out = render("![](school.jpg)\n");
    assert_eq!(out.diagnostics.len(), 1);
    assert!(!out.diagnostics[0].is_error());
}

#[test]
fn decodes_percent_escapes() {
    assert_eq!(percent_decode("%D0%9F.pdf"), "П.pdf");
    assert_eq!(percent_decode("100%"), "100%");
    assert_eq!(percent_decode("%zz"), "%zz");
}

#[test]
fn issue19_drops_links_and_pictures_that_run_code_and_keeps_their_text() {
    let out = render(
        "Текст [нажмите](javascript:alert(1)) и <JavaScript:alert(2)>.\n\n[b](data:text/html,x) ![герб](vbscript:x) ![ок](data:image/png;base64,AA==)\n",
    );
    assert!(!out.html.contains("href"), "{}", out.html);
    assert!(!out.html.contains("vbscript") && !out.html.contains("data:text"));
    assert!(out.html.contains("нажмите") && out.html.contains("герб"));
    assert!(out.html.contains("src=\"data:image/png;base64,AA==\""));
    let places: Vec<_> = out
        .diagnostics
        .iter()
        .map(|d| (d.line.unwrap(), d.column.unwrap(), d.is_error()))
        .collect();
    assert_eq!(
        places,
        vec![(5, 7, false), (5, 40, false), (7, 1, false), (7, 23, false)]
    );
    assert!(out.diagnostics[0]
        .message
        .ru
        .starts_with("ссылка с адресом «javascript:…» не опубликована"));
    assert!(out.diagnostics[3]
        .message
        .ru
        .starts_with("картинка с адресом «vbscript:…»"));
}
