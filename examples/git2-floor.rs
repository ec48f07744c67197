//! The floor of libgit2 itself: prints the staged patch (HEAD tree against the index, renames
//! detected) and nothing else, so `scripts/bench.py` can tell how much time git-herald adds.
//!
//! It does the least git-herald must do to read the same changes: open the repository from the
//! current directory, skip object hash checks, diff, find renames, print the patch to a locked,
//! buffered stdout. Run it with `cargo run --release --example git2-floor` in a repository.

use git2::{DiffFindOptions, DiffFormat, Repository};
use std::io::{self, BufWriter, Write as _};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        // Like git, a closed pipe (`| head`) is not an error.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(failure) => {
            let _ = writeln!(io::stderr(), "error: {failure}");
            ExitCode::FAILURE
        }
    }
}

enum Failure {
    Git(git2::Error),
    Io(io::Error),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Git(e) => f.write_str(e.message()),
            Failure::Io(e) => write!(f, "failed to write the patch: {e}"),
        }
    }
}

impl From<git2::Error> for Failure {
    fn from(e: git2::Error) -> Self {
        Failure::Git(e)
    }
}

fn run() -> Result<(), Failure> {
    // The same setting git-herald uses: objects written by git are not re-hashed on read.
    git2::opts::strict_hash_verification(false);
    let repo = Repository::open_from_env()?;
    // Before the first commit there is no HEAD: diff against the empty tree.
    let head = match repo.head() {
        Ok(head) => Some(head.peel_to_tree()?),
        Err(e) if e.code() == git2::ErrorCode::UnbornBranch => None,
        Err(e) => return Err(e.into()),
    };
    let index = repo.index()?;
    let mut diff = repo.diff_tree_to_index(head.as_ref(), Some(&index), None)?;
    diff.find_similar(Some(DiffFindOptions::new().renames(true)))?;

    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let mut failed: Option<io::Error> = None;
    diff.print(DiffFormat::Patch, |_delta, _hunk, line| {
        let origin = line.origin();
        // Header lines carry their own text; content lines need their `+`, `-` or ` ` back.
        let written = match origin {
            '+' | '-' | ' ' => out
                .write_all(&[origin as u8])
                .and_then(|()| out.write_all(line.content())),
            _ => out.write_all(line.content()),
        };
        match written {
            Ok(()) => true,
            Err(e) => {
                failed = Some(e);
                false
            }
        }
    })
    .map_err(|e| match failed.take() {
        // Stopping the walk from the callback surfaces as a user error; report the real one.
        Some(io) => Failure::Io(io),
        None => Failure::Git(e),
    })?;
    out.flush().map_err(Failure::Io)
}
