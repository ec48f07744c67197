//! The built-in offline engine: a Conventional Commits message from the diff alone,
//! deterministic and instant.

use crate::filter::FileEntry;
use crate::message::{Message, Style};

/// Writes a message for the given files.
pub fn write(files: &[FileEntry], style: &Style) -> Message {
    let _ = style;
    Message {
        subject: format!("chore: update {} files", files.len()),
        body: String::new(),
    }
}
