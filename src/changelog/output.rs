//! Writing a command's text to a file: replacing it, or appending to it.

use super::ChangelogError;
use std::io::Write as _;
use std::path::Path;

/// Writes text to a file, replacing it.
pub fn write_file(path: &Path, text: &str) -> Result<(), ChangelogError> {
    std::fs::write(path, text).map_err(ChangelogError::io("write", path))
}

/// Appends text to a file, created when missing.
pub(super) fn append(path: &Path, text: &str) -> Result<(), ChangelogError> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .map_err(ChangelogError::io("append to", path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_name_what_failed_and_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("notes.md");
        let err = write_file(&path, "x").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("failed to write `{}`", path.display())
        );
        assert!(std::error::Error::source(&err).is_some());
        assert_eq!(err.hint(), None);
        let err = append(&path, "x").unwrap_err();
        assert!(
            err.to_string().starts_with("failed to append to `"),
            "{err}"
        );
        let written = dir.path().join("notes.md");
        write_file(&written, "a\n").unwrap();
        append(&written, "b\n").unwrap();
        assert_eq!(std::fs::read_to_string(&written).unwrap(), "a\nb\n");
    }
}
