//! Plans as a methodologist writes them (issue 17): deadlines outside the plan,
//! Russian status words, marks on a whole section, statuses that are fair in public,
//! `msoko plans`, text pasted from Word.

use crate::harness::Site;

fn plan_text() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/sites/plans/data/plans/school-year.yaml"),
    )
    .unwrap()
}

/// The plans fixture with `from` replaced by `to` in its plan, built on 15.01.2026.
fn build_with(from: &str, to: &str) -> (Site, crate::harness::Run) {
    let site = Site::fixture("plans");
    let text = plan_text();
    assert!(text.contains(from), "the fixture has {from:?}");
    site.write("data/plans/school-year.yaml", &text.replace(from, to));
    let run = site.run(&["build", "--as-of", "2026-01-15"]);
    (site, run)
}

#[test]
fn warns_about_a_deadline_outside_the_plan_period_at_its_line() {
    let (_site, run) = build_with("due: \"апрель-май\"", "due: \"апрель-май 2027\"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("data/plans/school-year.yaml:22:9: предупреждение: срок пункта «2.1» «апрель-май 2027» лежит вне периода плана (01.09.2025 – 31.08.2026)"), "{}", run.stderr);
}

#[test]
fn warns_about_a_date_before_the_plan_starts() {
    let (_site, run) = build_with("due: \"До 01.12.2025\"", "due: \"До 01.03.2025\"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("data/plans/school-year.yaml:10:9: предупреждение: срок пункта «1.1» «До 01.03.2025» лежит вне периода плана (01.09.2025 – 31.08.2026)"), "{}", run.stderr);
}

#[test]
fn warns_about_a_deadline_that_ended_before_the_act_inside_the_period() {
    let site = Site::fixture("plans");
    let text = plan_text()
        .replace(
            "period: {from: 2025-09-01, to: 2026-08-31}",
            "period: {from: 2025-01-01, to: 2026-08-31}",
        )
        .replace("due: \"До 01.12.2025\"", "due: \"Март 2025\"");
    site.write("data/plans/school-year.yaml", &text);
    let run = site.run(&["build", "--as-of", "2026-01-15", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("data/plans/school-year.yaml:10:9: warning: the deadline “Март 2025” of item “1.1” ended before the plan was approved (29.08.2025)"), "{}", run.stderr);
}
