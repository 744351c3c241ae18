//! Opens the default browser at the local site, with the platform's own command
//! (`start` on Windows, `open` on macOS, `xdg-open` elsewhere): a dozen lines do not
//! need a crate. `MSOKO_NO_BROWSER=1` turns it off (tests, or a user who prefers to
//! open the address himself).

use std::process::{Command, Stdio};

/// The environment variable that keeps the browser closed.
pub(crate) const NO_BROWSER: &str = "MSOKO_NO_BROWSER";

/// Whether opening the browser is turned off by [`NO_BROWSER`].
pub(crate) fn disabled() -> bool {
    std::env::var_os(NO_BROWSER).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Asks the system to open `url`; returns false when it could not even try.
pub(crate) fn open(url: &str) -> bool {
    let mut command = if cfg!(windows) {
        // `start` is a command of cmd; the empty "" is the window title it expects
        // before a quoted argument. The address has no characters cmd treats specially.
        let mut command = Command::new("cmd");
        command.args(["/C", "start", "", url]);
        command
    } else if cfg!(target_os = "macos") {
        let mut command = Command::new("open");
        command.arg(url);
        command
    } else {
        let mut command = Command::new("xdg-open");
        command.arg(url);
        command
    };
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .is_ok()
}
