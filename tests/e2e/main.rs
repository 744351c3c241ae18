//! End-to-end tests: build small fixture sites from `tests/sites/` into temp dirs with
//! the real binary and inspect the HTML, the files and the messages.

mod harness;

mod analytics;
mod errors;
mod monitoring;
mod output;
mod pages;
mod plans;
mod report;
