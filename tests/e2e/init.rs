//! `msoko init`: a new site from the embedded starter that builds and checks clean,
//! with CI pipelines; never over anything already there.

use std::fs;

use crate::harness::{msoko, snapshot, Site};

#[test]
fn a_new_site_builds_and_checks_without_errors_or_warnings() {
    let site = Site::empty();
    let run = msoko([std::ffi::OsStr::new("init"), site.root.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("Создан сайт в папке"), "{}", run.stderr);
    // Outside git the data sets have no version date: each is named in a warning,
    // and the checklist fails on them (issue #21: a set left out is a gap).
    let check = site.run(&["check", "--as-of", "2026-11-20"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(
        check.stdout.contains("✘ Открытые данные")
            && check
                .stdout
                .contains("добавьте data/organizations.yaml в репозиторий сайта"),
        "{}",
        check.stdout
    );
    assert!(
        check.stderr.contains("data/organizations.yaml:1:1: предупреждение: набор открытых данных «Реестр муниципальных образовательных организаций» не опубликован"),
        "{}",
        check.stderr
    );
    site.commit_to_git();
    let check = site.run(&["check", "--as-of", "2026-11-20"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check.stderr.contains("предупреждений — 0."),
        "{}",
        check.stderr
    );
    // Once committed, the openness checklist has nothing to flag either, but that the
    // data is old: the harness commits on 2025-05-20, a year and a half before --as-of.
    assert!(check.stdout.contains("✘ 0"), "{}", check.stdout);
    // The tests run without Chromium, so the report has no PDF: that line says why.
    for line in check.stdout.lines().filter(|l| l.starts_with("  ⚠")) {
        assert!(
            line.contains("Актуальность открытых данных: набор")
                && line.contains("не обновлялся с 20.05.2025")
                || line.contains("PDF доклада не будет создан")
                    && line.contains("не найден Chromium"),
            "{line}"
        );
    }
    let build = site.run(&["build", "--as-of", "2026-11-20"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    for page in [
        "index.html",
        "about/contacts/index.html",
        "documents/prikaz-45/index.html",
        "news/index.html",
        "plans/plan-2025/index.html",
        "indicators/vpr-low/index.html",
        "orgs/sosh-lesnaya/index.html",
        "doklad/2025/index.html",
        "doklad/2025/01-kachestvo/index.html",
        "doklad/2025/print/index.html",
    ] {
        assert!(site.public().join(page).is_file(), "{page}");
    }
    // The report's chapters use live data: a value, a chart, a plan summary.
    let chapter = site.read("doklad/2025/01-kachestvo/index.html");
    assert!(chapter.contains("7,6"), "the 2025 value is shown");
    assert!(chapter.contains("<svg role=\"img\""), "a chart is drawn");
    assert!(!site
        .read("doklad/2025/02-plan/index.html")
        .contains("{{ plan_summary"));
}

#[test]
fn a_new_site_has_ci_pipelines_that_check_build_and_publish() {
    let site = Site::empty();
    assert_eq!(
        msoko([std::ffi::OsStr::new("init"), site.root.as_os_str()]).code,
        0
    );
    let github = fs::read_to_string(site.root.join(".github/workflows/msoko.yml")).unwrap();
    let parsed: serde_yaml::Value = serde_yaml::from_str(&github).unwrap();
    let steps = format!("{:?}", parsed["jobs"]["build"]["steps"]);
    for expected in [
        "fetch-depth",
        "bash .ci/install-msoko.sh",
        "msoko check --format json",
        "jq -r '.diagnostics[]",
        "file=",
        "msoko build",
        "actions/upload-pages-artifact",
    ] {
        assert!(steps.contains(expected), "{expected} in {steps}");
    }
    assert!(format!("{:?}", parsed["jobs"]["deploy"]).contains("actions/deploy-pages"));
    let gitlab = fs::read_to_string(site.root.join(".gitlab-ci.yml")).unwrap();
    let parsed: serde_yaml::Value = serde_yaml::from_str(&gitlab).unwrap();
    assert_eq!(parsed["variables"]["GIT_DEPTH"], serde_yaml::Value::from(0));
    assert!(format!("{:?}", parsed["check"]["script"]).contains("msoko check"));
    assert!(
        format!("{:?}", parsed["default"]["before_script"]).contains("bash .ci/install-msoko.sh")
    );
    // The release binary of the pinned version, checksum verified; cargo only without one.
    let install = fs::read_to_string(site.root.join(".ci/install-msoko.sh")).unwrap();
    for expected in [
        "x86_64-unknown-linux-musl",
        "SHA256SUMS.txt",
        "sha256sum",
        "cargo install --locked",
    ] {
        assert!(
            install.contains(expected),
            "{expected} in .ci/install-msoko.sh"
        );
    }
    assert!(format!("{:?}", parsed["pages"]["artifacts"]).contains("public"));
    assert!(site.root.join(".gitignore").is_file());
    assert!(site.root.join("README.md").is_file());
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let site = Site::fixture("basic");
    let before = snapshot(&site.root);
    let run = msoko([std::ffi::OsStr::new("init"), site.root.as_os_str()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("не пуста"), "{}", run.stderr);
    assert!(run.stderr.contains("подсказка:"), "{}", run.stderr);
    assert_eq!(before, snapshot(&site.root), "nothing was touched");
}

#[test]
fn readme_shows_the_starter_pipelines_as_they_are() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = fs::read_to_string(repo.join("README.md")).unwrap();
    for pipeline in [
        "starter/.github/workflows/msoko.yml",
        "starter/.gitlab-ci.yml",
    ] {
        let text = fs::read_to_string(repo.join(pipeline)).unwrap();
        assert!(
            readme.contains(&format!("```yaml\n{text}```")),
            "README.md must show {pipeline} exactly as it is"
        );
    }
}

#[test]
fn an_empty_site_lists_what_to_fill_in_and_builds_with_documents_and_a_plan_only() {
    let site = Site::empty();
    let run = msoko([
        std::ffi::OsStr::new("init"),
        std::ffi::OsStr::new("--empty"),
        site.root.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // No demo content: no organisations, indicators, report or news items.
    for absent in [
        "data/organizations.yaml",
        "data/indicators",
        "content/doklad",
        "content/news/doklad-2025.md",
    ] {
        assert!(!site.root.join(absent).exists(), "{absent}");
    }
    let check = site.run(&["check", "--as-of", "2026-11-20"]);
    // What to fill in, in the order of site.yaml, at its line and column.
    for line in [
        "site.yaml:6:9: предупреждение: поле title ещё не заполнено: полное название управления образования",
        "site.yaml:23:11: предупреждение: поле phone ещё не заполнено: телефон приёмной",
        "подсказка: замените текст «ЗАПОЛНИТЕ: …» сведениями вашего управления",
    ] {
        assert!(check.stderr.contains(line), "{line}\n{}", check.stderr);
    }
    assert!(!check.stderr.contains(": ошибка:"), "{}", check.stderr);
    // …then the openness checklist, in the order of 8-ФЗ, ст. 13, says what to add.
    assert_eq!(check.code, 1, "a new site still has ✘ lines");
    assert!(check.stdout.contains("✘ Структура органа, задачи и функции подразделений: нет структуры: добавьте подразделения в authority.subdivisions"), "{}", check.stdout);
    // A site that publishes only documents and plans builds with no errors.
    site.write(
        "content/documents/prikaz-594.md",
        "---\ntitle: \"Об утверждении дорожной карты\"\ndate: 2021-09-17\nkind: document\nact: приказ\nnumber: \"594\"\napproved: 2021-09-17\n---\n\nПриказ об утверждении дорожной карты.\n",
    );
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sites/import/files/roadmap.docx");
    let import = site.run(&[
        "import",
        "plan",
        fixture.to_str().unwrap(),
        "--id",
        "roadmap-2021",
    ]);
    assert_eq!(import.code, 0, "{}", import.stderr);
    let build = site.run(&["build", "--as-of", "2026-11-20"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(!build.stderr.contains(": ошибка:"), "{}", build.stderr);
    assert!(site
        .public()
        .join("plans/roadmap-2021/index.html")
        .is_file());
    assert!(site
        .public()
        .join("documents/prikaz-594/index.html")
        .is_file());
}
