//! Every site address, and the output file behind it, is built here and nowhere else.
//!
//! Pages written in `content/` get pretty URLs from their file paths: `news/a.md` ->
//! `/news/a/`, `news/_index.md` -> `/news/`, `news/big/index.md` -> `/news/big/`. Folder
//! and page names are transliterated to Latin slugs (`Новости` -> `novosti`) so
//! addresses survive being pasted into a letter; an attachment keeps its file name, since
//! that is what the user links to.
//!
//! Pages and files made from data (an indicator, a school, a plan, a year of
//! monitoring) get their addresses from one function per kind below, so a link and
//! the file it points to cannot drift apart: render links with them, output writes
//! the files at them, search and check look pages up by them. Each returns a site path
//! (starting with `/`, without the base path; `Model::link` adds that). An architecture
//! test (`tests::no_address_is_built_outside_paths`) keeps `format!("/…")` out of the
//! other modules.

use std::path::{Component, Path};

/// The folders of `relative` as URL segments, transliterated.
fn folder_segments(relative: &Path) -> Vec<String> {
    let parent = relative.parent().unwrap_or(Path::new(""));
    parent
        .components()
        .filter_map(|c| match c {
            // `.well-known` is an address fixed by RFC 8615, not a name to transliterate.
            Component::Normal(name) if name == ".well-known" => Some(".well-known".into()),
            Component::Normal(name) => Some(slug::slugify(name.to_string_lossy())),
            _ => None,
        })
        .collect()
}

fn join(segments: &[String]) -> String {
    if segments.is_empty() {
        "/".into()
    } else {
        format!("/{}/", segments.join("/"))
    }
}

/// Whether a Markdown file makes its folder's section (`_index.md`).
pub(crate) fn is_section_file(relative: &Path) -> bool {
    relative.file_name().is_some_and(|n| n == "_index.md")
}

/// A path as the user wrote it, with Windows separators read as `/`: someone who
/// copies `documents\prikaz-178` from Explorer names the same page as
/// `documents/prikaz-178`, on every platform (the site is built on Linux in CI, where
/// `\` would otherwise be part of a file name).
pub(crate) fn written_path(written: &str) -> std::borrow::Cow<'_, str> {
    if written.contains('\\') {
        written.replace('\\', "/").into()
    } else {
        written.into()
    }
}

/// The site path of a Markdown file.
pub(crate) fn page_url(relative: &Path) -> String {
    let mut segments = folder_segments(relative);
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem != "_index" && stem != "index" {
        segments.push(slug::slugify(stem));
    }
    join(&segments)
}

/// The site path of the folder a Markdown file belongs to: a page's section. For a
/// page bundle (`x/index.md`) it is the folder above `x`.
pub(crate) fn parent_section_url(relative: &Path) -> Option<String> {
    let url = page_url(relative);
    if url == "/" {
        return None;
    }
    let trimmed = url.trim_end_matches('/');
    let parent = &trimmed[..trimmed.rfind('/').unwrap_or(0) + 1];
    Some(parent.to_string())
}

/// The site path of an attachment (`Документы/приказ 1.pdf` -> `/dokumenty/приказ 1.pdf`).
pub(crate) fn attachment_url(relative: &Path) -> String {
    let name = relative
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{}{name}", join(&folder_segments(relative)))
}

/// The output file for a site path: `/news/a/` -> `news/a/index.html`.
pub(crate) fn output_path(url: &str) -> String {
    format!("{}index.html", url.trim_start_matches('/'))
}

/// The output file of a data file's site path: `/plans/p1.csv` -> `plans/p1.csv`.
pub(crate) fn output_file(url: &str) -> String {
    url.trim_start_matches('/').to_string()
}

/// A folder path, already trimmed of slashes by the caller, as a site path:
/// `documents/prikaz-42` -> `/documents/prikaz-42/`.
pub(crate) fn folder(trimmed: &str) -> String {
    format!("/{trimmed}/")
}

/// The path part of a base URL, always ending in `/`: `/` for a site at the root of
/// its domain, `/msoko/` for `https://x.ru/msoko`.
pub(crate) fn base_path(base_url: &str) -> String {
    let without_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let path = without_scheme
        .find('/')
        .map_or("", |i| &without_scheme[i..]);
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        folder(trimmed)
    }
}

/// A direction's page in the monitoring cycle: `/msoko/obj/`.
pub(crate) fn direction(id: &str) -> String {
    format!("/msoko/{id}/")
}

/// A part of a direction's page, by its anchor: `/msoko/obj/#goals`.
pub(crate) fn direction_part(id: &str, anchor: &str) -> String {
    format!("/msoko/{id}/#{anchor}")
}

/// The cycle page of a year: `/msoko/year/2024/`; the current year is `/msoko/` itself.
pub(crate) fn cycle_year(year: i32, current: i32) -> String {
    if year == current {
        "/msoko/".into()
    } else {
        format!("/msoko/year/{year}/")
    }
}

/// A direction's list of indicators: `/indicators/obj/`.
pub(crate) fn direction_indicators(id: &str) -> String {
    format!("/indicators/{id}/")
}

/// An indicator's page: `/indicators/vpr-share-2/`.
pub(crate) fn indicator(id: &str) -> String {
    format!("/indicators/{id}/")
}

/// An indicator's data as CSV: `/indicators/vpr-share-2.csv`.
pub(crate) fn indicator_csv(id: &str) -> String {
    format!("/indicators/{id}.csv")
}

/// The register of organizations: `/orgs/`; every organization's page is under it.
pub(crate) fn org_list() -> &'static str {
    "/orgs/"
}

/// A school's (organization's) card: `/orgs/sch-5/`.
pub(crate) fn org(id: &str) -> String {
    format!("/orgs/{id}/")
}

/// The register filtered to one kind of organization: `/orgs/kind/school/`.
pub(crate) fn orgs_of_kind(kind_id: &str) -> String {
    format!("/orgs/kind/{kind_id}/")
}

/// A plan's page: `/plans/dk-2025/`.
pub(crate) fn plan(id: &str) -> String {
    format!("/plans/{id}/")
}

/// One item of a plan, by its anchor: `/plans/dk-2025/#p-1-2`.
pub(crate) fn plan_item(id: &str, anchor: &str) -> String {
    format!("/plans/{id}/#{anchor}")
}

/// A plan's items of one status (`in_progress` reads `in-progress` in an address):
/// `/plans/dk-2025/status/in-progress/`.
pub(crate) fn plan_status(id: &str, status_id: &str) -> String {
    format!("/plans/{id}/status/{}/", status_id.replace('_', "-"))
}

/// A plan's items of one responsible party, its name transliterated:
/// `/plans/dk-2025/responsible/shkola-5/` for «Школа 5».
pub(crate) fn plan_responsible(id: &str, party: &str) -> String {
    format!("/plans/{id}/responsible/{}/", slug::slugify(party))
}

/// A plan as CSV: `/plans/dk-2025.csv`.
pub(crate) fn plan_csv(id: &str) -> String {
    format!("/plans/{id}.csv")
}

/// A plan as JSON: `/plans/dk-2025.json`.
pub(crate) fn plan_json(id: &str) -> String {
    format!("/plans/{id}.json")
}

/// The documents of one kind, the kind transliterated: `/documents/kind/prikaz/` for
/// «Приказ».
pub(crate) fn documents_of_kind(kind: &str) -> String {
    format!("/documents/kind/{}/", slug::slugify(kind))
}

/// The documents of one status, by the status's slug: `/documents/status/cancelled/`.
pub(crate) fn documents_of_status(status_slug: &str) -> String {
    format!("/documents/status/{status_slug}/")
}

/// An open data set's passport: `/opendata/7700000000-vpr/`.
pub(crate) fn opendata_set(identifier: &str) -> String {
    format!("/opendata/{identifier}/")
}

/// The objectivity page of a year: `/objectivity/2025/`.
pub(crate) fn objectivity_year(year: i32) -> String {
    format!("/objectivity/{year}/")
}

/// One part of a split objectivity year page (a district or a grade):
/// `/objectivity/2025/severnyi-raion/`.
pub(crate) fn objectivity_part(year: i32, slug: &str) -> String {
    format!("/objectivity/{year}/{slug}/")
}

/// The address segment of a district, transliterated: `severnyi-raion` for «Северный
/// район».
pub(crate) fn part_slug(title: &str) -> String {
    slug::slugify(title)
}

/// The address segment of a grade: `5-klass`.
pub(crate) fn grade_slug(grade: u8) -> String {
    format!("{grade}-klass")
}

/// A year's objectivity flags as CSV: `/objectivity/2025/flags.csv`.
pub(crate) fn objectivity_flags_csv(year: i32) -> String {
    format!("/objectivity/{year}/flags.csv")
}

/// A year's procedures by school as CSV: `/objectivity/2025/procedures.csv`.
pub(crate) fn objectivity_procedures_csv(year: i32) -> String {
    format!("/objectivity/{year}/procedures.csv")
}

/// The ШНОР (low-results schools) page of a year: `/shnor/2025/`.
pub(crate) fn shnor_year(year: i32) -> String {
    format!("/shnor/{year}/")
}

/// A year's ШНОР list as CSV: `/shnor/2025/list.csv`.
pub(crate) fn shnor_list_csv(year: i32) -> String {
    format!("/shnor/{year}/list.csv")
}

/// A part of the «Сведения об управлении» page, by its anchor: `/about/#procurement`.
pub(crate) fn about_part(anchor: &str) -> String {
    format!("/about/#{anchor}")
}

/// Whether a site path is the annual report (доклад) of a year: `/doklad/2025/`, or
/// a report of that year kept deeper under `/doklad/`.
pub(crate) fn is_report_of_year(url: &str, year: i32) -> bool {
    url.starts_with("/doklad/") && url.ends_with(&format!("/{year}/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_windows_separators_as_slashes() {
        assert_eq!(
            written_path(r"documents\prikaz-178"),
            "documents/prikaz-178"
        );
        assert_eq!(
            written_path(r"..\Документы\приказ 1.pdf"),
            "../Документы/приказ 1.pdf"
        );
        assert_eq!(written_path("/news/vpr/"), "/news/vpr/");
    }

    #[test]
    fn makes_pretty_urls() {
        assert_eq!(page_url(Path::new("_index.md")), "/");
        assert_eq!(page_url(Path::new("news/_index.md")), "/news/");
        assert_eq!(
            page_url(Path::new("news/first-post.md")),
            "/news/first-post/"
        );
        assert_eq!(page_url(Path::new("news/big/index.md")), "/news/big/");
    }

    #[test]
    fn transliterates_russian_names() {
        assert_eq!(
            page_url(Path::new("Новости/Первая новость.md")),
            "/novosti/pervaia-novost/"
        );
        assert_eq!(
            attachment_url(Path::new("Новости/Приказ 1.pdf")),
            "/novosti/Приказ 1.pdf"
        );
    }

    #[test]
    fn finds_parent_sections() {
        assert_eq!(parent_section_url(Path::new("_index.md")), None);
        assert_eq!(
            parent_section_url(Path::new("news/_index.md")).as_deref(),
            Some("/")
        );
        assert_eq!(
            parent_section_url(Path::new("news/a.md")).as_deref(),
            Some("/news/")
        );
        assert_eq!(
            parent_section_url(Path::new("news/big/index.md")).as_deref(),
            Some("/news/")
        );
        assert_eq!(parent_section_url(Path::new("a.md")).as_deref(), Some("/"));
    }

    #[test]
    fn writes_index_files() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/news/a/"), "news/a/index.html");
    }

    #[test]
    fn writes_data_files_at_their_addresses() {
        assert_eq!(output_file("/plans/p1.csv"), "plans/p1.csv");
        assert_eq!(output_file(&indicator_csv("i1")), "indicators/i1.csv");
    }

    #[test]
    fn wraps_a_folder_in_slashes() {
        assert_eq!(folder("documents/prikaz-42"), "/documents/prikaz-42/");
        assert_eq!(folder("news"), "/news/");
    }

    #[test]
    fn finds_the_base_path_of_a_site() {
        assert_eq!(base_path("https://edu.example.ru"), "/");
        assert_eq!(base_path("https://x.ru/"), "/");
        assert_eq!(base_path("https://x.ru/msoko"), "/msoko/");
        assert_eq!(base_path("https://x.ru/a/b/"), "/a/b/");
    }

    #[test]
    fn addresses_the_monitoring_cycle() {
        assert_eq!(direction("obj"), "/msoko/obj/");
        assert_eq!(direction_part("obj", "goals"), "/msoko/obj/#goals");
        assert_eq!(cycle_year(2024, 2025), "/msoko/year/2024/");
        assert_eq!(cycle_year(2025, 2025), "/msoko/");
    }

    #[test]
    fn addresses_indicators() {
        assert_eq!(direction_indicators("obj"), "/indicators/obj/");
        assert_eq!(indicator("vpr-share-2"), "/indicators/vpr-share-2/");
        assert_eq!(indicator_csv("vpr-share-2"), "/indicators/vpr-share-2.csv");
    }

    #[test]
    fn addresses_organizations() {
        assert_eq!(org("sch-5"), "/orgs/sch-5/");
        assert!(org("sch-5").starts_with(org_list()));
        assert_eq!(orgs_of_kind("school"), "/orgs/kind/school/");
    }

    #[test]
    fn addresses_plans() {
        assert_eq!(plan("dk-2025"), "/plans/dk-2025/");
        assert_eq!(plan_item("dk-2025", "p-1-2"), "/plans/dk-2025/#p-1-2");
        assert_eq!(
            plan_status("dk-2025", "in_progress"),
            "/plans/dk-2025/status/in-progress/"
        );
        assert_eq!(
            plan_responsible("dk-2025", "Школа 5"),
            "/plans/dk-2025/responsible/shkola-5/"
        );
        assert_eq!(plan_csv("dk-2025"), "/plans/dk-2025.csv");
        assert_eq!(plan_json("dk-2025"), "/plans/dk-2025.json");
    }

    #[test]
    fn addresses_documents() {
        assert_eq!(documents_of_kind("Приказ"), "/documents/kind/prikaz/");
        assert_eq!(
            documents_of_status("cancelled"),
            "/documents/status/cancelled/"
        );
    }

    #[test]
    fn addresses_open_data() {
        assert_eq!(opendata_set("7700-vpr"), "/opendata/7700-vpr/");
    }

    #[test]
    fn addresses_objectivity_and_shnor() {
        assert_eq!(objectivity_year(2025), "/objectivity/2025/");
        assert_eq!(
            objectivity_part(2025, &part_slug("Северный район")),
            "/objectivity/2025/severnyi-raion/"
        );
        assert_eq!(
            objectivity_part(2025, &grade_slug(5)),
            "/objectivity/2025/5-klass/"
        );
        assert_eq!(
            page_url(std::path::Path::new("objectivity/2025/severnyi-raion.md")),
            objectivity_part(2025, "severnyi-raion")
        );
        assert_eq!(objectivity_flags_csv(2025), "/objectivity/2025/flags.csv");
        assert_eq!(
            objectivity_procedures_csv(2025),
            "/objectivity/2025/procedures.csv"
        );
        assert_eq!(shnor_year(2025), "/shnor/2025/");
        assert_eq!(shnor_list_csv(2025), "/shnor/2025/list.csv");
    }

    #[test]
    fn addresses_parts_of_the_about_page() {
        assert_eq!(about_part("procurement"), "/about/#procurement");
    }

    #[test]
    fn recognizes_the_report_of_a_year() {
        assert!(is_report_of_year("/doklad/2025/", 2025));
        assert!(is_report_of_year("/doklad/archive/2025/", 2025));
        assert!(!is_report_of_year("/doklad/2024/", 2025));
        assert!(!is_report_of_year("/news/2025/", 2025));
    }
}
