//! A bounded fuzzer for every parser of user text: front matter, plan YAML,
//! «Сроки» (deadline) text, CSV tables, shortcodes, Russian dates and numbers.
//!
//! cargo-fuzz needs a nightly compiler and a linker sanitizer; this runs on stable, in
//! `cargo test`, from a corpus committed in `tests/fuzz/corpus/<target>/`. Every run
//! first replays the whole corpus (so a bug once found stays fixed); then, for
//! `MSOKO_FUZZ_SECONDS` per target (0 unless set), it feeds mutated corpus inputs:
//! bytes flipped, inserted, deleted, repeated, cut, spliced with another input, and
//! tokens that parsers care about (brackets, `---`, `{{`, quotes, dashes, invisible
//! characters, impossible dates) dropped in. An input fails when the parser panics or
//! takes longer than [`PER_INPUT`]; it is then written into the corpus (the corpus
//! grows with every bug found) and the test fails naming the file.
//!
//! ```text
//! MSOKO_FUZZ_SECONDS=20 cargo test --lib fuzz -- --test-threads=1     # CI, ~2 min
//! MSOKO_FUZZ_SECONDS=600 cargo test --lib fuzz -- --test-threads=1    # the long run
//! MSOKO_FUZZ_SEED=42 …                                                # replay a run
//! MSOKO_FUZZ_IN_FLIGHT=1 …     # keep each input in target/fuzz-<target>.in-flight
//! ```
//!
//! A stack overflow aborts the whole process, before the input can be saved: rerun
//! with the seed it printed and `MSOKO_FUZZ_IN_FLIGHT=1`, and the file left behind is
//! the input that crashed (the first bug found so, deeply nested shortcode lists,
//! is in the corpus as `shortcodes/found-deep-lists.md`).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The longest one input may take.
const PER_INPUT: Duration = Duration::from_secs(5);

/// Inputs grow no larger than this (the parsers' own limits are tested elsewhere).
const MAX_INPUT: usize = 64 * 1024;

/// Pieces the parsers give meaning to, dropped into inputs.
const TOKENS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "{{",
    "}}",
    "{%",
    "%}",
    "---",
    "\n",
    "\r\n",
    "\t",
    ":",
    ": ",
    "- ",
    "\"",
    "'",
    ",",
    ";",
    "#",
    "&a",
    "*a",
    "!!str",
    "<<: ",
    "|",
    ">",
    "\\",
    "\u{200B}",
    "\u{FEFF}",
    "\u{00A0}",
    "ё",
    "–",
    "—",
    "-",
    "До ",
    "до ",
    "31.02.2025",
    "29.02.2023",
    "01.13.2024",
    "2024-25",
    "2025/26",
    "1 квартал ",
    "2 полугодие ",
    "учебного года",
    "ежегодно",
    "постоянно",
    "Сентябрь ",
    "октябрь",
    "9999",
    "-1",
    "0",
    "1e20",
    "NaN",
    "inf",
    "12,5",
    "1 234,5",
    "%",
    "()",
    "(x=1)",
    "(a=\"b\", c=[1,2])",
    "{{ kpi(indicator=\"x\") }}",
    "{% end %}",
    "\u{0}",
    "\u{7F}",
];

struct Target {
    name: &'static str,
    run: fn(&str),
}

fn front_matter(text: &str) {
    use crate::load::fuzz_targets::{parse_front_matter, split};
    let file = Path::new("content/a.md");
    if let Ok(split) = split(text, file) {
        let _ = parse_front_matter(&split, file);
    }
}

fn plan_yaml(text: &str) {
    let _ = crate::yaml::parse::<crate::load::fuzz_targets::RawPlan>(
        text,
        Path::new("data/plans/p.yaml"),
        1,
    );
}

fn deadline(text: &str) {
    use crate::model::fuzz_targets::{parse_deadline, PlanPeriod};
    let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    for period in [
        PlanPeriod {
            from: date(2025, 9, 1),
            to: date(2026, 8, 31),
        },
        PlanPeriod {
            from: date(2018, 1, 1),
            to: date(2030, 12, 31),
        },
    ] {
        let _ = parse_deadline(text, &period);
    }
}

fn csv_table(text: &str) {
    let _ = crate::load::fuzz_targets::parse_table(text, Path::new("data/values/x.csv"));
    let _ = crate::render::neutralise_csv(text.as_bytes().to_vec());
}

fn shortcodes(text: &str) {
    let _ = crate::render::parse_shortcodes(text);
}

fn dates_numbers(text: &str) {
    let _ = crate::dates::parse_date(text);
    let _ = crate::model::fuzz_targets::parse_value(text);
    let _ = crate::url::scheme(text);
    let _ = crate::near::nearest(text, &["document", "report", "приказ"]);
    let _ = crate::near::invisible_characters(text, false);
}

const TARGETS: &[Target] = &[
    Target {
        name: "front_matter",
        run: front_matter,
    },
    Target {
        name: "plan_yaml",
        run: plan_yaml,
    },
    Target {
        name: "deadline",
        run: deadline,
    },
    Target {
        name: "csv_table",
        run: csv_table,
    },
    Target {
        name: "shortcodes",
        run: shortcodes,
    },
    Target {
        name: "dates_numbers",
        run: dates_numbers,
    },
];

/// xorshift64*: a fixed, seedable sequence (no dependency for a few lines).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(input: &[u8], corpus: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(8) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let byte = rng.next() as u8;
                out.insert(at, byte);
            }
            2 | 3 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let times = if rng.below(16) == 0 {
                    1 + rng.below(2000)
                } else {
                    1
                };
                for _ in 0..times {
                    out.splice(at..at, token.iter().copied());
                }
            }
            4 if !out.is_empty() => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at.min(end)..end);
            }
            5 if !out.is_empty() => {
                let end = (at + rng.below(128)).min(out.len());
                let piece: Vec<u8> = out[at.min(end)..end].to_vec();
                for _ in 0..1 + rng.below(8) {
                    out.splice(at..at, piece.iter().copied());
                }
            }
            6 => out.truncate(at),
            _ => {
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len() + 1);
                let end = (from + rng.below(256)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
        }
    }
    out.truncate(MAX_INPUT);
    out
}

fn corpus_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/corpus")
        .join(target)
}

fn load_corpus(target: &str) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir(target))
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut corpus: Vec<Vec<u8>> = files
        .iter()
        .filter_map(|path| std::fs::read(path).ok())
        .collect();
    if corpus.is_empty() {
        corpus.push(Vec::new());
    }
    corpus
}

/// Runs `target` on one input in the worker; `Err` on a panic or a hang.
fn check(
    work: &mpsc::Sender<Vec<u8>>,
    done: &mpsc::Receiver<Result<(), String>>,
    input: Vec<u8>,
) -> Result<Duration, String> {
    let started = Instant::now();
    work.send(input)
        .map_err(|_| "the worker is gone".to_string())?;
    match done.recv_timeout(PER_INPUT) {
        Ok(Ok(())) => Ok(started.elapsed()),
        Ok(Err(panic)) => Err(format!("panic: {panic}")),
        Err(_) => Err(format!("no result within {PER_INPUT:?}")),
    }
}

/// What one target's run did.
#[derive(Debug)]
struct Outcome {
    inputs: usize,
    slowest: Duration,
}

fn fuzz(target: &Target, seconds: u64, seed: u64) -> Outcome {
    let corpus = load_corpus(target.name);
    let (work, inputs) = mpsc::channel::<Vec<u8>>();
    let (results, done) = mpsc::channel::<Result<(), String>>();
    let run = target.run;
    // A worker, so that a hang can be told from slowness: the test gives up on it.
    std::thread::spawn(move || {
        for input in inputs {
            let text = String::from_utf8_lossy(&input).into_owned();
            let outcome = catch_unwind(AssertUnwindSafe(|| run(&text))).map_err(|panic| {
                panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            });
            if results.send(outcome).is_err() {
                return;
            }
        }
    });
    let mut outcome = Outcome {
        inputs: 0,
        slowest: Duration::ZERO,
    };
    let in_flight = std::env::var_os("MSOKO_FUZZ_IN_FLIGHT").map(|_| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("target")
            .join(format!("fuzz-{}.in-flight", target.name))
    });
    let record = |input: Vec<u8>, outcome: &mut Outcome| {
        if let Some(path) = &in_flight {
            let _ = std::fs::write(path, &input);
        }
        match check(&work, &done, input.clone()) {
            Ok(took) => {
                outcome.inputs += 1;
                outcome.slowest = outcome.slowest.max(took);
            }
            Err(problem) => {
                let dir = corpus_dir(target.name);
                let path = dir.join(format!("found-{seed}-{}.txt", outcome.inputs));
                let _ = std::fs::create_dir_all(&dir);
                let _ = std::fs::write(&path, &input);
                panic!(
                    "{}: {problem}; the input is saved as {}",
                    target.name,
                    path.display()
                );
            }
        }
    };
    for input in &corpus {
        record(input.clone(), &mut outcome);
    }
    let mut rng = Rng(seed | 1);
    let until = Instant::now() + Duration::from_secs(seconds);
    while Instant::now() < until {
        let base = &corpus[rng.below(corpus.len())];
        let input = mutate(base, &corpus, &mut rng);
        record(input, &mut outcome);
    }
    outcome
}

fn settings() -> (u64, u64) {
    let number = |name: &str| std::env::var(name).ok().and_then(|v| v.parse().ok());
    let seconds = number("MSOKO_FUZZ_SECONDS").unwrap_or(0);
    let seed = number("MSOKO_FUZZ_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    (seconds, seed)
}

fn run_target(name: &str) {
    let target = TARGETS.iter().find(|t| t.name == name).unwrap();
    let (seconds, seed) = settings();
    // Said first: a stack overflow aborts before the summary below.
    eprintln!("fuzz {name}: seed {seed}, {seconds} s");
    let outcome = fuzz(target, seconds, seed);
    eprintln!(
        "fuzz {name}: {} inputs in {seconds} s (seed {seed}), slowest {:?}",
        outcome.inputs, outcome.slowest
    );
    assert!(outcome.inputs >= load_corpus(name).len());
}

#[test]
fn fuzz_front_matter() {
    run_target("front_matter");
}

#[test]
fn fuzz_plan_yaml() {
    run_target("plan_yaml");
}

#[test]
fn fuzz_deadline() {
    run_target("deadline");
}

#[test]
fn fuzz_csv_table() {
    run_target("csv_table");
}

#[test]
fn fuzz_shortcodes() {
    run_target("shortcodes");
}

#[test]
fn fuzz_dates_numbers() {
    run_target("dates_numbers");
}

#[test]
fn mutations_are_reproducible_from_the_seed() {
    let corpus = vec![b"title: x\n".to_vec(), b"a,b\n1,2\n".to_vec()];
    let a: Vec<Vec<u8>> = {
        let mut rng = Rng(7);
        (0..20)
            .map(|_| mutate(&corpus[0], &corpus, &mut rng))
            .collect()
    };
    let mut rng = Rng(7);
    let b: Vec<Vec<u8>> = (0..20)
        .map(|_| mutate(&corpus[0], &corpus, &mut rng))
        .collect();
    assert_eq!(a, b);
    assert!(a.iter().any(|m| m != &corpus[0]));
}
