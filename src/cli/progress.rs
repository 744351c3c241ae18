//! Progress while building: a bar on a terminal, one plain line per stage
//! elsewhere (a CI log keeps every line, so a redrawn bar would only add noise).

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use msoko::{Lang, Progress, Stage};

use super::words;

pub(crate) struct Reporter {
    lang: Lang,
    /// `None` when stderr is not a terminal.
    bar: Option<ProgressBar>,
}

impl Reporter {
    pub(crate) fn new(lang: Lang, terminal: bool) -> Self {
        let bar = terminal.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(100));
            bar
        });
        Reporter { lang, bar }
    }

    /// Clears the bar before the diagnostics and the summary are printed.
    pub(crate) fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Reporter {
    fn start(&self, stage: Stage, units: Option<usize>) {
        let Some(bar) = &self.bar else { return };
        bar.reset();
        let style = match units {
            Some(units) => {
                bar.set_length(units as u64);
                ProgressStyle::with_template("{spinner} {msg:10} [{bar:30}] {pos}/{len}")
            }
            None => {
                bar.unset_length();
                ProgressStyle::with_template("{spinner} {msg}")
            }
        };
        if let Ok(style) = style {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(words::stage(self.lang, stage));
    }

    fn advance(&self, n: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
        }
    }

    fn finish(&self, stage: Stage, elapsed: Duration) {
        if self.bar.is_none() {
            eprintln!(
                "msoko: {} — {}",
                words::stage(self.lang, stage),
                words::seconds(self.lang, elapsed)
            );
        }
    }
}
