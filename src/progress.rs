//! Stages of a build, their timings, and a way to watch them happen.
//!
//! The library draws nothing: it tells a [`Progress`] observer when a stage starts,
//! how many units of work it has done (pages rendered, files written) and when it
//! ends. The command line turns that into a progress bar on a terminal or plain lines
//! in CI; tests and the benchmark use [`NoProgress`], which costs nothing. The same
//! timings end up in the [`crate::Report`], so a summary needs no observer at all.

use std::time::{Duration, Instant};

/// One stage of the pipeline, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Reading `site.yaml`, `content/`, `data/`, the theme and git dates.
    Load,
    /// Resolving the sources into the typed model (and validating them).
    Model,
    /// Plan statuses, trends, comparisons.
    Analyze,
    /// Markdown, shortcodes, charts and templates.
    Render,
    /// Internal links and anchors.
    Check,
    /// Writing the output folder.
    Write,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 6] = [
        Stage::Load,
        Stage::Model,
        Stage::Analyze,
        Stage::Render,
        Stage::Check,
        Stage::Write,
    ];

    /// A stable English key (`load`, `render`, …) for machine-readable output.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Load => "load",
            Stage::Model => "model",
            Stage::Analyze => "analyze",
            Stage::Render => "render",
            Stage::Check => "check",
            Stage::Write => "write",
        }
    }
}

/// How long one stage took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageTime {
    /// Which stage.
    pub stage: Stage,
    /// Its wall time.
    pub elapsed: Duration,
}

/// Watches a build. Every method has an empty default; `advance` may be called from
/// several threads at once (pages render in parallel), hence `Sync`.
pub trait Progress: Sync {
    /// A stage begins; `units` is how many times it will call `advance`, when known.
    fn start(&self, _stage: Stage, _units: Option<usize>) {}
    /// `n` more units of the current stage are done.
    fn advance(&self, _n: usize) {}
    /// The stage is over.
    fn finish(&self, _stage: Stage, _elapsed: Duration) {}
}

/// An observer that ignores everything.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}

/// Times the stages of one run and tells the observer.
pub(crate) struct Stages<'a> {
    progress: &'a dyn Progress,
    current: Option<(Stage, Instant)>,
    pub(crate) times: Vec<StageTime>,
}

impl<'a> Stages<'a> {
    pub(crate) fn new(progress: &'a dyn Progress) -> Self {
        Stages {
            progress,
            current: None,
            times: Vec::with_capacity(Stage::ALL.len()),
        }
    }

    /// Ends the running stage, if any, and starts `stage`.
    pub(crate) fn start(&mut self, stage: Stage, units: Option<usize>) {
        self.finish();
        self.progress.start(stage, units);
        self.current = Some((stage, Instant::now()));
    }

    /// Ends the running stage, if any.
    pub(crate) fn finish(&mut self) {
        if let Some((stage, started)) = self.current.take() {
            let elapsed = started.elapsed();
            self.progress.finish(stage, elapsed);
            self.times.push(StageTime { stage, elapsed });
        }
    }

    pub(crate) fn observer(&self) -> &'a dyn Progress {
        self.progress
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Log(Mutex<Vec<String>>);

    impl Progress for Log {
        fn start(&self, stage: Stage, units: Option<usize>) {
            self.0
                .lock()
                .unwrap()
                .push(format!("start {} {units:?}", stage.key()));
        }
        fn advance(&self, n: usize) {
            self.0.lock().unwrap().push(format!("+{n}"));
        }
        fn finish(&self, stage: Stage, _: Duration) {
            self.0
                .lock()
                .unwrap()
                .push(format!("finish {}", stage.key()));
        }
    }

    #[test]
    fn times_each_stage_once_in_order() {
        let log = Log::default();
        let mut stages = Stages::new(&log);
        stages.start(Stage::Load, None);
        stages.start(Stage::Render, Some(2));
        stages.observer().advance(1);
        stages.observer().advance(1);
        stages.finish();
        stages.finish();
        let order: Vec<Stage> = stages.times.iter().map(|t| t.stage).collect();
        assert_eq!(order, vec![Stage::Load, Stage::Render]);
        assert_eq!(
            *log.0.lock().unwrap(),
            vec![
                "start load None",
                "finish load",
                "start render Some(2)",
                "+1",
                "+1",
                "finish render"
            ]
        );
    }
}
