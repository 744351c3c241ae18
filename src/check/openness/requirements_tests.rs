//! One test per entry of the checklist table: its verdict on the `openness` fixture
//! (committed to git as on a real site, so every line is ✔) and, where cheap, on a
//! copy of that model with the item taken away.

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use super::super::{Checklist, Mark};
use super::REQUIREMENTS;
use crate::model::Model;
use Mark::{Attention, Missing, Present};

/// The fixture's model, built once per test binary.
fn fixture() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        // Everything is read by `load_site`: the copy may go when the closure ends.
        let temp = tempfile::tempdir().expect("a temp dir");
        let dir = temp.path();
        copy_dir(Path::new("tests/sites/openness"), dir);
        commit_to_git(dir);
        let as_of = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).expect("a date");
        crate::model::resolve_site_for_tests(dir, as_of)
    })
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a directory");
    for entry in std::fs::read_dir(from).expect("the fixture") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("a copy");
        }
    }
}

/// Pages and data sets take their dates from git history, as on a real site.
fn commit_to_git(root: &Path) {
    let commit = [
        "-c",
        "user.name=msoko",
        "-c",
        "user.email=msoko@example.ru",
        "commit",
        "-q",
        "--date=2025-05-20T10:00:00",
        "-m",
        "site",
    ];
    for args in [&["init", "-q"][..], &["add", "-A"], &commit] {
        let status = Command::new("git")
            .args(args)
            .current_dir(root)
            .env("GIT_COMMITTER_DATE", "2025-05-20T10:00:00")
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    }
}

/// The marks of the lines entry `id` writes for `model`.
fn marks(id: &str, model: &Model) -> Vec<Mark> {
    let entry = REQUIREMENTS
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no entry {id}"));
    let mut list = Checklist { items: Vec::new() };
    entry.run(model, &mut list);
    list.items.iter().map(|item| item.mark).collect()
}

/// The marks of entry `id` on a copy of the fixture changed by `change`.
fn marks_after(id: &str, change: impl FnOnce(&mut Model)) -> Vec<Mark> {
    let mut model = fixture().clone();
    change(&mut model);
    marks(id, &model)
}

#[test]
fn ids_are_unique() {
    let mut ids: Vec<&str> = REQUIREMENTS.iter().map(|e| e.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), REQUIREMENTS.len());
}

/// `verdict!(id, [marks on the fixture], |model| change, [marks after it])`.
macro_rules! verdict {
    ($id:ident, $on_fixture:expr) => {
        #[test]
        fn $id() {
            assert_eq!(marks(stringify!($id), fixture()), $on_fixture);
        }
    };
    ($id:ident, $on_fixture:expr, |$m:ident| $change:expr, $after:expr) => {
        #[test]
        fn $id() {
            assert_eq!(marks(stringify!($id), fixture()), $on_fixture);
            assert_eq!(marks_after(stringify!($id), |$m| $change), $after);
        }
    };
}

verdict!(
    contacts,
    [Present],
    |m| m.config.authority.address = None,
    [Missing]
);
verdict!(
    structure,
    [Present],
    |m| m.config.authority.subdivisions = None,
    [Missing]
);
verdict!(
    powers,
    [Present],
    |m| m.config.authority.powers = None,
    [Missing]
);
verdict!(
    orgs,
    [Present],
    |m| m.register.organizations[0].phone = None,
    [Missing]
);
verdict!(
    orgs_sites,
    [Present],
    |m| m.register.organizations[0].site = None,
    [Attention]
);
verdict!(
    orgs_functions,
    [Present],
    |m| m.register.organizations[0].functions = None,
    [Attention]
);
verdict!(
    orgs_social,
    [Present],
    |m| m.register.organizations[0].social = None,
    [Missing]
);
verdict!(
    heads,
    [Present],
    |m| m.config.authority.head = None,
    [Missing]
);
verdict!(
    systems,
    [Present],
    |m| m.config.authority.information_systems = None,
    [Missing]
);
verdict!(
    media,
    [Present],
    |m| m.config.authority.media = None,
    [Missing]
);
verdict!(acts, [Present], |m| m.documents.list.clear(), [Missing]);
verdict!(
    regulations,
    [Present],
    |m| m.config.authority.regulations = None,
    [Missing]
);
verdict!(
    forms,
    [Present],
    |m| m.config.authority.forms = None,
    [Missing]
);
verdict!(
    challenge,
    [Present],
    |m| m.config.authority.challenge = None,
    [Missing]
);
verdict!(
    procurement,
    [Present],
    |m| m.config.authority.procurement = None,
    [Missing]
);
verdict!(
    drafts,
    [Present],
    |m| m.config.authority.public_discussion = None,
    [Attention]
);
verdict!(
    programs,
    [Present],
    |m| m.config.authority.programs = None,
    [Missing]
);
verdict!(
    events,
    [Present],
    |m| m.config.authority.events = None,
    [Missing]
);
verdict!(
    inspections,
    [Present],
    |m| m.config.authority.inspections = None,
    [Missing]
);
verdict!(
    indicators,
    [Present],
    |m| m.indicators.indicators.clear(),
    [Missing]
);
verdict!(
    speeches,
    [Present],
    |m| m.config.authority.speeches = None,
    [Missing]
);
verdict!(
    budget,
    [Present],
    |m| m.config.authority.budget = None,
    [Missing]
);
verdict!(
    vacancies,
    [Present],
    |m| m.config.authority.vacancies = None,
    [Missing]
);
verdict!(
    qualifications,
    [Present],
    |m| m
        .config
        .authority
        .vacancies
        .as_mut()
        .expect("vacancies")
        .qualifications = None,
    [Missing]
);
verdict!(
    competitions,
    [Present],
    |m| m
        .config
        .authority
        .vacancies
        .as_mut()
        .expect("vacancies")
        .competitions = None,
    [Missing]
);
verdict!(
    appeals,
    [Present],
    |m| m.config.authority.appeals = None,
    [Missing]
);
verdict!(
    personal_data,
    [Present],
    |m| m.config.authority.personal_data_policy = None,
    [Missing]
);
verdict!(
    anti_corruption,
    [Present],
    |m| m.config.authority.anti_corruption = None,
    [Attention]
);
verdict!(
    open_data,
    [Present],
    |m| m.config.authority.open_data = None,
    [Missing]
);
verdict!(
    special,
    [Present],
    |m| {
        m.by_url.remove("/special/");
    },
    [Missing]
);
verdict!(cycle, Vec::<Mark>::new());
verdict!(
    data,
    Vec::<Mark>::new(),
    |m| m.shallow_clone = true,
    [Missing]
);
verdict!(plan_marks, Vec::<Mark>::new());
verdict!(responsible_spellings, Vec::<Mark>::new());

#[test]
fn report() {
    let on_fixture = marks("report", fixture());
    assert_eq!(on_fixture.first(), Some(&Present), "{on_fixture:?}");
    let after = marks_after("report", |m| {
        m.as_of = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
    });
    assert_eq!(after, [Missing]);
}
