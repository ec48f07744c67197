//! The one place that writes to the terminal: results to stdout, notes to stderr.

use crate::error::Error;
use std::io::Write as _;

/// Writes `text` to stdout as is. A closed pipe (`git herald | head -1`) ends quietly.
pub fn out(text: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(Error::io("write to stdout"))
}

/// Writes `text` and a newline to stderr, ignoring failures (there is nowhere else to report).
pub fn err(text: &str) -> Result<(), Error> {
    let _ = writeln!(std::io::stderr(), "{text}");
    Ok(())
}
