//! Progress while building: a bar on a terminal, one plain line per stage
//! elsewhere (a CI log keeps every line, so a redrawn bar would only add noise).
//!
//! Each stage gets a bar of its own, built whole (style, length, message) before it is
//! first drawn: one bar re-styled in place is drawn between the calls by its steady
//! tick, and showed the previous stage's «0/0» or a stage name with the wrong counts.

use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use msoko::{Lang, Progress, Stage};

use super::words;

/// A stage of unknown size, and a stage that counts its units.
const SPINNER: &str = "{spinner} {msg}";
const COUNTED: &str = "{spinner} {msg:10} [{bar:30}] {pos}/{len}";

pub(crate) struct Reporter {
    lang: Lang,
    /// Whether stderr is a terminal (a bar), or a log (lines).
    terminal: bool,
    /// The running stage's bar.
    bar: Mutex<Option<ProgressBar>>,
}

impl Reporter {
    pub(crate) fn new(lang: Lang, terminal: bool) -> Self {
        Reporter {
            lang,
            terminal,
            bar: Mutex::new(None),
        }
    }

    /// Clears the bar before the diagnostics and the summary are printed.
    pub(crate) fn done(&self) {
        if let Some(bar) = self.bar.lock().ok().and_then(|mut bar| bar.take()) {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Reporter {
    fn start(&self, stage: Stage, units: Option<usize>) {
        if !self.terminal {
            return;
        }
        let style = match units {
            Some(_) => ProgressStyle::with_template(COUNTED).map(|s| s.progress_chars("=> ")),
            None => ProgressStyle::with_template(SPINNER),
        };
        let Ok(style) = style else { return };
        let bar =
            ProgressBar::with_draw_target(units.map(|u| u as u64), ProgressDrawTarget::stderr())
                .with_style(style)
                .with_message(words::stage(self.lang, stage));
        bar.enable_steady_tick(Duration::from_millis(100));
        if let Ok(mut slot) = self.bar.lock() {
            if let Some(previous) = slot.replace(bar) {
                previous.finish_and_clear();
            }
        }
    }

    fn advance(&self, n: usize) {
        if let Ok(slot) = self.bar.lock() {
            if let Some(bar) = slot.as_ref() {
                bar.inc(n as u64);
            }
        }
    }

    fn finish(&self, stage: Stage, elapsed: Duration) {
        if !self.terminal {
            eprintln!(
                "msoko: {} — {}",
                words::stage(self.lang, stage),
                words::seconds(self.lang, elapsed)
            );
        }
    }
}
