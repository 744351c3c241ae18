//! A good site becomes the expected pages.

use crate::harness::{built, Site};

#[test]
fn builds_pretty_urls_for_pages_and_sections() {
    let site = &built("basic").site;
    for path in [
        "index.html",
        "news/index.html",
        "news/first/index.html",
        "news/second/index.html",
        "documents/order/index.html",
        "404.html",
    ] {
        assert!(site.public().join(path).is_file(), "missing {path}");
    }
}

#[test]
fn copies_attachments_and_theme_files() {
    let site = &built("basic").site;
    assert!(site.read("documents/order.pdf").starts_with("%PDF"));
    assert!(site.read("css/site.css").contains("skip-link"));
}

#[test]
fn lists_a_section_newest_first_without_drafts() {
    let site = &built("basic").site;
    let news = site.read("news/index.html");
    let second = news.find("Вторая новость").expect("second listed");
    let first = news.find("Первая новость").expect("first listed");
    assert!(second < first, "newest first");
    assert!(!news.contains("Черновик"));
    assert!(!site.public().join("news/draft").exists());
}

#[test]
fn includes_drafts_when_asked() {
    let site = Site::fixture("basic");
    let run = site.run(&["build", "--as-of", "2025-06-01", "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.read("news/index.html").contains("Черновик"));
}

#[test]
fn renders_one_h1_skip_link_breadcrumbs_and_current_menu_item() {
    let site = &built("basic").site;
    let page = site.read("news/second/index.html");
    assert_eq!(page.matches("<h1").count(), 1);
    assert!(page.contains("<a class=\"skip-link\" href=\"#content\">"));
    assert!(page.contains("<main id=\"content\""));
    assert!(page.contains("<nav class=\"breadcrumbs wrap\" aria-label=\"Вы здесь\">"));
    assert!(page.contains("<a href=\"/news/\">Новости</a></li>"));
    assert!(page.contains("<a href=\"/news/\" aria-current=\"true\">Новости</a>"));
    assert!(page.contains("<html lang=\"ru\">"));
}

#[test]
fn renders_markdown_tables_footnotes_and_heading_anchors() {
    let site = &built("basic").site;
    let second = site.read("news/second/index.html");
    assert!(second.contains("<h2 id=\"podrobnosti\">Подробности</h2>"));
    assert!(second.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\""));
    assert!(second.contains("<th>Школа</th>"));
    assert!(
        second.contains("href=\"/news/first/\""),
        "a link to first.md becomes its page"
    );
    let first = site.read("news/first/index.html");
    assert!(first.contains("footnote-reference"));
}

#[test]
fn shows_placement_and_update_dates_in_the_footer() {
    let site = &built("basic").site;
    let second = site.read("news/second/index.html");
    assert!(second.contains("Дата размещения: <time datetime=\"2025-03-01\">01.03.2025</time>"));
    assert!(second.contains("Дата изменения: <time datetime=\"2025-03-05\">05.03.2025</time>"));
    // A page with only `date` has not been changed since.
    let first = site.read("news/first/index.html");
    assert!(first.contains("Дата изменения: <time datetime=\"2025-02-01\">"));
}

#[test]
fn shows_document_details_and_file_size() {
    let site = &built("basic").site;
    let order = site.read("documents/order/index.html");
    assert!(order.contains("148-П"));
    assert!(order.contains("30 августа 2024 г."));
    assert!(order
        .contains("<a href=\"/documents/order.pdf\" download>Текст документа</a> (PDF, 27 байт)"));
}

#[test]
fn takes_dates_from_git_history_when_front_matter_has_none() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/undated.md",
        "---\ntitle: Без даты\n---\nТекст.\n",
    );
    let git = |args: &[&str], date: &str| {
        let status = std::process::Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@t",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(&site.root)
            .env("GIT_COMMITTER_DATE", date)
            .env("GIT_AUTHOR_DATE", date)
            .status()
            .unwrap();
        assert!(status.success());
    };
    git(&["init", "-q"], "2025-01-01T10:00:00");
    git(&["add", "."], "2025-01-01T10:00:00");
    git(&["commit", "-qm", "first"], "2025-01-02T10:00:00");
    site.write(
        "content/news/undated.md",
        "---\ntitle: Без даты\n---\nНовый текст.\n",
    );
    git(&["commit", "-qam", "second"], "2025-02-03T10:00:00");
    site.build();
    let page = site.read("news/undated/index.html");
    assert!(
        page.contains("Дата размещения: <time datetime=\"2025-01-02\">"),
        "{page}"
    );
    assert!(page.contains("Дата изменения: <time datetime=\"2025-02-03\">"));
}

#[test]
fn warns_about_a_page_without_any_date() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/undated.md",
        "---\ntitle: Без даты\n---\nТекст.\n",
    );
    let run = site.build();
    assert!(
        run.stderr.contains(
            "content/news/undated.md:1:1: предупреждение: у страницы нет даты размещения"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn builds_with_the_embedded_theme_and_overrides_one_template() {
    let site = Site::fixture("basic");
    site.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1><p class=\"mine\">своя</p>{{ page.content | safe }}{% endblock content %}",
    );
    site.build();
    assert!(site
        .read("news/first/index.html")
        .contains("<p class=\"mine\">своя</p>"));
    // Other templates still come from the embedded theme.
    assert!(site.read("news/index.html").contains("Материалы раздела"));
}

#[test]
fn puts_a_base_path_in_front_of_every_link() {
    let site = Site::fixture("basic");
    let run = site.run(&[
        "build",
        "--as-of",
        "2025-06-01",
        "--base-url",
        "https://example.ru/msoko/",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let home = site.read("index.html");
    assert!(home.contains("href=\"/msoko/css/site.css\""));
    assert!(home.contains("href=\"/msoko/news/\""));
    assert!(home.contains("<link rel=\"canonical\" href=\"https://example.ru/msoko/\">"));
}

/// Issue 18: a Положение has no number of its own; the registry names the order
/// that approved it, and an act of the administration is approved by its
/// постановление.
#[test]
fn designates_an_approved_act_by_the_act_that_approved_it() {
    let site = Site::fixture("basic");
    site.write(
        "content/documents/polozhenie.md",
        "---\ntitle: \"Положение о мониторинге\"\nkind: document\nact: \"положение\"\nnumber: 241-П\napproved: 28.11.2024\ndate: 2024-12-02\n---\nТекст.\n",
    )
    .write(
        "content/documents/reglament.md",
        "---\ntitle: \"Административный регламент\"\nkind: document\nact: \"регламент\"\nissuer: \"администрация округа\"\nnumber: \"1245\"\napproved: 09.09.2024\ndate: 2024-09-12\n---\nТекст.\n",
    );
    site.build();
    let registry = site.read("documents/index.html");
    assert!(
        registry.contains("Положение, утверждённое приказом от <time datetime=\"2024-11-28\">"),
        "{registry}"
    );
    assert!(!registry.contains(">Положение от "));
    assert!(registry.contains("Регламент, утверждённый постановлением администрации от"));
}
