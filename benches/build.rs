//! Build-speed benchmark (a bench binary, not a timed test): `cargo bench --bench build`.
//!
//! Generates a site of 10,000 Russian Markdown pages of about 2 KB and a plan of
//! 10,000 items in a temp dir, then measures, in the same run:
//! - the baseline: reading every page and rendering its Markdown with pulldown-cmark
//!   on all cores, with no templates and no writing — the floor for any generator;
//! - `msoko check` (everything but writing) and `msoko build` into a fresh folder and
//!   again over an unchanged one.
//!
//! Prints the best of several runs and each as a ratio to the baseline, and the
//! size of the site's search index.
//!
//! `MSOKO_BENCH_SITE=DIR cargo bench --bench build` only writes the generated site
//! to DIR (which must not exist) and exits: build it with `msoko build --root DIR`
//! and measure its search with `node tests/search/measure.mjs DIR/public`.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

mod common;

use common::{baseline, write_site, PAGES, PLAN_ITEMS};

const RUNS: usize = 5;

fn main() {
    if let Ok(site) = std::env::var("MSOKO_BENCH_SITE") {
        let root = Path::new(&site);
        assert!(!root.exists(), "{site} already exists");
        fs::create_dir_all(root).expect("site folder");
        write_site(root);
        println!("{PAGES} pages + a plan of {PLAN_ITEMS} items written to {site}");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write_site(root);
    // MSOKO_BENCH_KEEP=DIR leaves a copy of the generated site for profiling.
    if let Ok(keep) = std::env::var("MSOKO_BENCH_KEEP") {
        let status = std::process::Command::new("cp")
            .arg("-r")
            .arg(root)
            .arg(&keep)
            .status();
        assert!(status.is_ok_and(|s| s.success()), "copy to {keep}");
    }
    let options = msoko::Options {
        root: root.to_path_buf(),
        out: None,
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        base_url: None,
        drafts: false,
        chromium: None,
        ci: false,
    };

    let baseline = best(|| {
        baseline(root);
    });
    let check = best(|| {
        let report = msoko::check(&options);
        assert!(!report.has_errors(), "{:?}", report.diagnostics.first());
    });
    let _ = fs::remove_dir_all(root.join("public"));
    let fresh = best(|| {
        let _ = fs::remove_dir_all(root.join("public"));
        assert!(!msoko::build(&options).has_errors());
    });
    let unchanged = best(|| assert!(!msoko::build(&options).has_errors()));

    println!("{PAGES} pages of ~2 KB + a plan of {PLAN_ITEMS} items, best of {RUNS} runs");
    for (name, time) in [
        ("baseline: read + pulldown-cmark (rayon)", baseline),
        ("msoko check (no writing)", check),
        ("msoko build, empty public/", fresh),
        ("msoko build, unchanged public/", unchanged),
    ] {
        println!(
            "{name:<42} {:>8.3} s  {:>5.2}× baseline",
            time.as_secs_f64(),
            time.as_secs_f64() / baseline.as_secs_f64()
        );
    }
    let index = fs::metadata(root.join("public/search/index.json")).map_or(0, |m| m.len());
    println!(
        "search/index.json: {} KB (gzip size: node tests/search/measure.mjs)",
        index / 1024
    );
}

fn best(mut run: impl FnMut()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap()
}
