//! The proof issue 22 asks for: after each kind of edit, the session's build
//! (partial or whole) writes exactly what a fresh `msoko build` of the edited site
//! writes, file by file, byte for byte. The site is a copy of the demo.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Session;
use crate::Options;

const NEWS: &str = "content/news/nedelya-proforientacii.md";
/// A chapter of a report published with frozen data, with charts.
const CHAPTER: &str = "content/doklad/2025/05-talanty.md";

struct Site {
    _temp: tempfile::TempDir,
    root: PathBuf,
    folders: [PathBuf; 2],
    fresh: PathBuf,
    session: Session,
    next: usize,
}

impl Site {
    /// A copy of the demo, built once by the session.
    fn new() -> Site {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().join("site");
        let demo = Path::new(env!("CARGO_MANIFEST_DIR"));
        fs::create_dir_all(&root).unwrap();
        for part in ["site.yaml", "content", "data"] {
            copy(&demo.join(part), &root.join(part));
        }
        let options = options(&root);
        let folders = [temp.path().join("a/public"), temp.path().join("b/public")];
        let fresh = temp.path().join("fresh/public");
        let mut site = Site {
            _temp: temp,
            root,
            folders,
            fresh,
            session: Session::new(options),
            next: 0,
        };
        let report = site.session.build(&site.folders[0], &[]);
        assert!(!report.has_errors(), "{:#?}", report.diagnostics);
        site.next = 1;
        site
    }

    fn edit(&self, file: &str, change: impl FnOnce(String) -> String) {
        let path = self.root.join(file);
        let text = fs::read_to_string(&path).unwrap_or_default();
        let changed = change(text.clone());
        assert_ne!(text, changed, "the edit changes {file}");
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(path, changed).unwrap();
    }

    /// Builds after `changed` as `serve` does, into the folder not served, and
    /// compares it with a fresh build of the site; returns the pages rendered again
    /// (`None`: the whole site).
    fn rebuild_and_compare(&mut self, changed: &[&str]) -> Option<usize> {
        let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
        let out = self.folders[self.next].clone();
        let served = self.folders[1 - self.next].clone();
        let served_before = read_tree(&served);
        let report = self.session.build(&out, &changed);
        assert!(!report.has_errors(), "{:#?}", report.diagnostics);
        self.next = 1 - self.next;
        let _ = fs::remove_dir_all(&self.fresh);
        let full = crate::build(&Options {
            out: Some(self.fresh.clone()),
            ..options(&self.root)
        });
        assert!(!full.has_errors(), "{:#?}", full.diagnostics);
        let (built, expected) = (read_tree(&out), read_tree(&self.fresh));
        let differ: Vec<&String> = expected
            .keys()
            .chain(built.keys())
            .filter(|path| built.get(*path) != expected.get(*path))
            .collect();
        assert!(differ.is_empty(), "files that differ: {differ:?}");
        assert_eq!(report.files, full.files);
        assert_eq!(report.charts, full.charts);
        assert_eq!(report.pages, full.pages);
        assert_eq!(
            read_tree(&served),
            served_before,
            "the served folder is untouched"
        );
        report.rerendered
    }
}

fn options(root: &Path) -> Options {
    Options {
        root: root.to_path_buf(),
        out: None,
        as_of: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        base_url: Some("http://127.0.0.1:1111/".into()),
        drafts: false,
        chromium: None,
        ci: false,
    }
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        fs::copy(from, to).unwrap();
    }
}

/// Every file under `dir` with its bytes, by path relative to it.
fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_dir() {
            continue;
        }
        let relative = entry.path().strip_prefix(dir).unwrap();
        files.insert(
            relative.to_string_lossy().into_owned(),
            fs::read(entry.path()).unwrap(),
        );
    }
    files
}

#[test]
fn a_body_edit_renders_that_page_again_and_writes_what_a_full_build_writes() {
    let mut site = Site::new();
    site.edit(NEWS, |text| {
        text.replace("Её участниками", "Её активными участниками")
    });
    assert_eq!(site.rebuild_and_compare(&[NEWS]), Some(1));
    // Again, into the first folder: files shared with the served one by hard links
    // are replaced, not written through.
    site.edit(NEWS, |text| text + "\nЕщё один абзац.\n");
    assert_eq!(site.rebuild_and_compare(&[NEWS]), Some(1));
    site.edit(CHAPTER, |text| {
        text.replace("строится на трёх основаниях", "строится на трёх опорах")
    });
    assert_eq!(site.rebuild_and_compare(&[CHAPTER]), Some(1));
}

#[test]
fn a_new_heading_in_a_report_chapter_builds_the_whole_site() {
    let mut site = Site::new();
    site.edit(CHAPTER, |text| text + "\n## Новый раздел\n\nТекст.\n");
    assert_eq!(site.rebuild_and_compare(&[CHAPTER]), None);
    // And the next body edit is partial again.
    site.edit(CHAPTER, |text| text.replace("Текст.", "Другой текст."));
    assert_eq!(site.rebuild_and_compare(&[CHAPTER]), Some(1));
}

#[test]
fn a_title_edit_builds_the_whole_site() {
    let mut site = Site::new();
    site.edit(NEWS, |text| {
        text.replace("неделя профориентации", "неделя профессий")
    });
    assert_eq!(site.rebuild_and_compare(&[NEWS]), None);
}

#[test]
fn a_data_template_or_settings_edit_builds_the_whole_site() {
    let mut site = Site::new();
    let values = "data/values/attestat-11-none.csv";
    site.edit(values, |text| {
        text.replacen("2021,municipality,0.8,", "2021,municipality,0.9,", 1)
    });
    assert_eq!(site.rebuild_and_compare(&[values]), None);
    let template = "themes/default/templates/base.html";
    let embedded = Path::new(env!("CARGO_MANIFEST_DIR")).join(template);
    let original = fs::read_to_string(embedded).unwrap();
    site.edit(template, |_| {
        original.replace("</main>", "</main><!-- правка -->")
    });
    assert_eq!(site.rebuild_and_compare(&[template]), None);
    site.edit("site.yaml", |text| {
        text.replacen("title: \"", "title: \"Новое: ", 1)
    });
    assert_eq!(site.rebuild_and_compare(&["site.yaml"]), None);
    // After full builds, a body edit is partial again.
    site.edit(NEWS, |text| {
        text.replace("Её участниками", "Её активными участниками")
    });
    assert_eq!(site.rebuild_and_compare(&[NEWS]), Some(1));
}

#[test]
fn a_page_added_or_deleted_builds_the_whole_site() {
    let mut site = Site::new();
    let added = "content/news/novaya.md";
    site.edit(added, |_| {
        "---\ntitle: \"Новая новость\"\ndate: 2026-11-01\n---\nТекст новости.\n".to_string()
    });
    assert_eq!(site.rebuild_and_compare(&[added]), None);
    site.edit(added, |text| {
        text.replace("Текст новости.", "Другой текст.")
    });
    assert_eq!(site.rebuild_and_compare(&[added]), Some(1));
    fs::remove_file(site.root.join(added)).unwrap();
    assert_eq!(site.rebuild_and_compare(&[added]), None);
}
