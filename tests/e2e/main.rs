//! End-to-end tests: build small fixture sites from `tests/sites/` into temp dirs with
//! the real binary and inspect the HTML, the files and the messages.

mod harness;

mod analytics;
mod auditor;
mod cycle;
mod diagnostics;
mod errors;
mod import;
mod init;
mod manual;
mod monitoring;
mod my_school;
mod openness;
mod output;
mod over_time;
mod pages;
mod plans;
mod plans_issue17;
mod report;
mod safety;
mod search;
mod serve;
mod snapshots;
mod split_years;
mod windows;
