//! Reading a file a repository (or anyone but the user) may have put there: a regular file
//! only, never more than a cap. A `.git-herald.toml` that is a symlink to `/dev/tty`, a FIFO
//! or `/dev/zero` would otherwise hang the hook or be read until memory runs out (issue 14).

use std::io::{self, Read as _};
use std::path::Path;

/// The most bytes of a configuration file or a template read.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// Reads `path` as UTF-8 text: `Ok(None)` when it does not exist; an error when it is not a
/// regular file (after symlinks), is larger than `max` bytes, or is not UTF-8.
pub fn read_capped(path: &Path, max: u64) -> io::Result<Option<String>> {
    // Checked before opening: opening a FIFO for reading waits for a writer.
    match std::fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
        Ok(meta) if !meta.is_file() => return Err(not_regular()),
        Ok(_) => {}
    }
    let file = std::fs::File::open(path)?;
    // And again on what was opened, in case it changed in between.
    if !file.metadata()?.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(io::Error::other(format!(
            "it is larger than {} KiB",
            max / 1024
        )));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Creates a directory and its missing parents, those it creates readable by the user only
/// (0700): the cache and the usage log hold what models answered and what was committed.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Writes a new file readable by the user only (0600).
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(bytes)
}

fn not_regular() -> io::Error {
    io::Error::other("it is not a regular file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_under_the_cap_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.toml");
        std::fs::write(&file, "x = 1\n").unwrap();
        assert_eq!(read_capped(&file, 16).unwrap().as_deref(), Some("x = 1\n"));
        assert!(read_capped(&file, 3).is_err());
        assert_eq!(read_capped(&dir.path().join("none"), 16).unwrap(), None);
        assert!(read_capped(dir.path(), 16).is_err());
        #[cfg(unix)]
        {
            let link = dir.path().join("zero.toml");
            std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
            assert!(read_capped(&link, 16).is_err());
        }
    }
}
