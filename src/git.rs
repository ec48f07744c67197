//! The only module that touches `git2`: opens the repository the way git does and reads the
//! staged changes (HEAD, or the empty tree on a first commit, against the index).
//!
//! Where libgit2 cannot read a repository (SHA-256 objects, a sparse or split index), `git`
//! itself is asked instead: `git rev-parse` for the folders, `git diff --cached` for the
//! staged changes, read by the same parser as `--diff -` and decided by the same filter.

use crate::diff::{FileChange, Hunk, LineKind, Status};
use crate::filter::{Attributes, Decision, FileEntry, Filter, Reason, Treatment};
use bstr::{BStr, BString, ByteSlice};
use git2::{
    AttrCheckFlags, AttrValue, Delta, DiffFindOptions, DiffOptions, ErrorCode, Patch, Repository,
};
use std::path::{Path, PathBuf};

/// Errors from reading the repository.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("not a git repository (or any parent up to the mount point): `{}`", .path.display())]
    NotARepository {
        path: PathBuf,
        #[source]
        source: Cause,
    },
    #[error("cannot read the repository at `{}`", .path.display())]
    Unsupported {
        path: PathBuf,
        #[source]
        source: Cause,
    },
    #[error("`{}` is a bare repository: there is no index to read staged changes from", .path.display())]
    Bare { path: PathBuf },
    #[error("failed to {what}")]
    Git {
        what: &'static str,
        #[source]
        source: Cause,
    },
    #[error("failed to {what}: `git` could not (libgit2 cannot read this repository)")]
    Cli {
        what: &'static str,
        #[source]
        source: CliCause,
    },
}

/// What `git` said when it failed (its first line of stderr), or why it could not run.
#[derive(Debug)]
pub struct CliCause(pub String);

impl std::fmt::Display for CliCause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CliCause {}

/// A libgit2 error shown by its message alone (its class and code numbers help nobody).
#[derive(Debug)]
pub struct Cause(pub git2::Error);

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.message())
    }
}

impl std::error::Error for Cause {}

impl GitError {
    /// Returns the next step for the user, if there is one to suggest.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            GitError::NotARepository { .. } => Some(
                "run it inside a git work tree, or pass a diff with `--diff FILE` (`-` for stdin)",
            ),
            GitError::Unsupported { .. } => Some(
                "its format is one libgit2 cannot read; pass the diff instead: \
                 `git diff --cached | git herald --diff -`",
            ),
            GitError::Bare { .. } => Some("run it in a work tree (see `git worktree add`)"),
            GitError::Cli { .. } => Some(
                "check that `git` is on PATH and that `git diff --cached` works here; \
                 or pass the diff: `git diff --cached | git herald --diff -`",
            ),
            GitError::Git { .. } => None,
        }
    }
}

fn git(what: &'static str) -> impl FnOnce(git2::Error) -> GitError {
    move |source| GitError::Git {
        what,
        source: Cause(source),
    }
}

/// Tells "no repository here" apart from a repository libgit2 cannot open (an extension it
/// does not know, such as `extensions.refStorage = reftable` or `objectFormat = sha256`).
fn open_error(path: PathBuf) -> impl FnOnce(git2::Error) -> GitError {
    move |source| {
        if source.code() == ErrorCode::NotFound {
            GitError::NotARepository {
                path,
                source: Cause(source),
            }
        } else {
            GitError::Unsupported {
                path,
                source: Cause(source),
            }
        }
    }
}

/// Which reader reads the staged changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reader {
    /// libgit2, in process.
    Libgit2,
    /// `git diff --cached`: libgit2 cannot read this repository, for the reason given.
    GitCli(String),
}

/// The folders of a repository libgit2 cannot open, as `git rev-parse` names them.
struct Dirs {
    git_dir: PathBuf,
    common_dir: PathBuf,
    work_dir: Option<PathBuf>,
    /// Why libgit2 cannot open it.
    why: String,
}

/// An open repository.
pub struct Repo {
    /// `None` when libgit2 cannot open it (SHA-256 objects): then `dirs` says where it is.
    inner: Option<Repository>,
    dirs: Option<Dirs>,
}

/// Runs `git` with `args` in `dir` (the environment's `GIT_DIR` and the like still apply),
/// returning its stdout.
fn run_git(dir: &Path, args: &[&str], what: &'static str) -> Result<Vec<u8>, GitError> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| GitError::Cli {
            what,
            source: CliCause(format!("cannot run `git`: {e}")),
        })?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let first = stderr.lines().next().unwrap_or("").trim();
        // What a repository's hooks or config make git print reaches a terminal: no controls.
        let first: String = first.chars().filter(|c| !c.is_control()).collect();
        return Err(GitError::Cli {
            what,
            source: CliCause(if first.is_empty() {
                format!("`git {}` exited with {}", args.join(" "), out.status)
            } else {
                first
            }),
        });
    }
    Ok(out.stdout)
}

/// Asks `git` where the repository around `dir` is, for one libgit2 cannot open.
fn cli_dirs(dir: &Path, why: String) -> Option<Dirs> {
    let out = run_git(
        dir,
        &[
            "rev-parse",
            "--path-format=absolute",
            "--git-dir",
            "--git-common-dir",
            "--is-bare-repository",
        ],
        "find the repository",
    )
    .ok()?;
    let text = String::from_utf8(out).ok()?;
    let mut lines = text.lines();
    let git_dir = PathBuf::from(lines.next()?);
    let common_dir = PathBuf::from(lines.next()?);
    let bare = lines.next()? == "true";
    let work_dir = if bare {
        None
    } else {
        let top = run_git(dir, &["rev-parse", "--show-toplevel"], "find the work tree").ok()?;
        let top = String::from_utf8(top).ok()?;
        Some(PathBuf::from(top.trim_end_matches('\n')))
    };
    Some(Dirs {
        git_dir,
        common_dir,
        work_dir,
        why,
    })
}

impl Repo {
    /// Opens the repository as git does from the current directory: `GIT_DIR` and
    /// `GIT_WORK_TREE` first, otherwise the first `.git` found walking up (subdirectories and
    /// linked worktrees included), stopping at `GIT_CEILING_DIRECTORIES`.
    pub fn discover() -> Result<Self, GitError> {
        // Objects we read were written by git; re-hashing every one costs time on each commit.
        git2::opts::strict_hash_verification(false);
        let here = std::env::current_dir().unwrap_or_default();
        match Repository::open_from_env() {
            Ok(inner) => Ok(Repo {
                inner: Some(inner),
                dirs: None,
            }),
            Err(e) => Self::through_git(&here, open_error(here.clone())(e)),
        }
    }

    /// For a repository libgit2 cannot open (not one that is missing): `git` reads it.
    fn through_git(dir: &Path, error: GitError) -> Result<Self, GitError> {
        let GitError::Unsupported { source, .. } = &error else {
            return Err(error);
        };
        match cli_dirs(dir, source.0.message().to_owned()) {
            Some(dirs) => Ok(Repo {
                inner: None,
                dirs: Some(dirs),
            }),
            None => Err(error),
        }
    }

    /// Opens the repository at (or above) `path`.
    pub fn open(path: &Path) -> Result<Self, GitError> {
        git2::opts::strict_hash_verification(false);
        match Repository::discover(path) {
            Ok(inner) => Ok(Repo {
                inner: Some(inner),
                dirs: None,
            }),
            Err(e) => Self::through_git(path, open_error(path.to_owned())(e)),
        }
    }

    /// Tells which reader reads the staged changes, and why `git` does when it does. Reads
    /// the index to find out (libgit2 refuses a sparse or split one only then).
    pub fn reader(&self) -> Reader {
        match (&self.inner, &self.dirs) {
            (Some(repo), _) if repo.is_bare() => Reader::Libgit2,
            (Some(repo), _) => match repo.index() {
                Ok(_) => Reader::Libgit2,
                Err(e) => Reader::GitCli(e.message().to_owned()),
            },
            (None, Some(dirs)) => Reader::GitCli(dirs.why.clone()),
            (None, None) => Reader::GitCli(String::new()),
        }
    }

    /// The repository for what only libgit2 reads (history, tags): an error naming `what`
    /// when libgit2 cannot open this one.
    fn lib(&self, what: &'static str) -> Result<&Repository, GitError> {
        self.inner.as_ref().ok_or_else(|| GitError::Cli {
            what,
            source: CliCause(format!(
                "libgit2 cannot read this repository ({}) and only the staged changes are read \
                 through `git`",
                self.dirs.as_ref().map_or("", |d| d.why.as_str())
            )),
        })
    }

    /// Runs `git` in the work tree (or the git folder of a bare repository).
    fn git_here(&self, args: &[&str], what: &'static str) -> Result<Vec<u8>, GitError> {
        let dir = self.work_dir().unwrap_or_else(|| self.git_dir());
        run_git(dir, args, what)
    }

    /// Returns the `.git` directory (for a linked worktree, its own git dir).
    pub fn git_dir(&self) -> &Path {
        match (&self.inner, &self.dirs) {
            (Some(repo), _) => repo.path(),
            (None, Some(dirs)) => &dirs.git_dir,
            (None, None) => Path::new(".git"),
        }
    }

    /// Returns the directory shared by all worktrees (`git rev-parse --git-common-dir`).
    pub fn common_dir(&self) -> &Path {
        match (&self.inner, &self.dirs) {
            (Some(repo), _) => repo.commondir(),
            (None, Some(dirs)) => &dirs.common_dir,
            (None, None) => Path::new(".git"),
        }
    }

    /// Returns the top of the work tree, if there is one.
    pub fn work_dir(&self) -> Option<&Path> {
        match (&self.inner, &self.dirs) {
            (Some(repo), _) => repo.workdir(),
            (None, Some(dirs)) => dirs.work_dir.as_deref(),
            (None, None) => None,
        }
    }

    /// Returns the work tree's folder name (for the usage log), empty for a bare repository.
    pub fn name(&self) -> String {
        self.work_dir()
            .and_then(|d| d.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Returns a string value from git's configuration.
    pub fn config_string(&self, key: &str) -> Option<String> {
        match &self.inner {
            Some(repo) => repo.config().ok()?.get_string(key).ok(),
            None => {
                let out = self
                    .git_here(&["config", "--get", key], "read the config")
                    .ok()?;
                Some(
                    String::from_utf8_lossy(&out)
                        .trim_end_matches('\n')
                        .to_owned(),
                )
            }
        }
    }

    /// Returns the directory git runs hooks from, as `git rev-parse --git-path hooks` does:
    /// `core.hooksPath` (`~/` expanded; relative to the top of the work tree) or the common
    /// git directory's `hooks`, shared by all linked worktrees.
    pub fn hooks_dir(&self) -> PathBuf {
        match self.config_path("core.hooksPath") {
            Some(configured) => {
                let configured = match configured.strip_prefix("~/") {
                    Some(rest) => directories::BaseDirs::new()
                        .map(|b| b.home_dir().join(rest))
                        .unwrap_or_else(|| PathBuf::from(&configured)),
                    None => PathBuf::from(&configured),
                };
                if configured.is_absolute() {
                    configured
                } else {
                    self.work_dir()
                        .unwrap_or_else(|| self.common_dir())
                        .join(configured)
                }
            }
            None => self.common_dir().join("hooks"),
        }
    }

    /// Returns `core.hooksPath` as configured, if it is.
    pub fn config_path(&self, key: &str) -> Option<String> {
        self.config_string(key).filter(|v| !v.is_empty())
    }

    /// Returns the email the next commit will be authored with, found as git finds it:
    /// `GIT_AUTHOR_EMAIL` (git sets it for its hooks), `author.email`, `user.email`, then
    /// `EMAIL`. `None` when none is set.
    pub fn author_email(&self) -> Option<String> {
        let env = |key: &str| std::env::var(key).ok().filter(|v| !v.trim().is_empty());
        env("GIT_AUTHOR_EMAIL")
            .or_else(|| self.config_path("author.email"))
            .or_else(|| self.config_path("user.email"))
            .or_else(|| env("EMAIL"))
    }

    /// Returns the character that starts comment lines in messages (`core.commentChar`).
    pub fn comment_char(&self) -> String {
        match self
            .config_string("core.commentChar")
            .or_else(|| self.config_string("core.commentString"))
        {
            Some(c) if !c.is_empty() && c != "auto" => c,
            _ => "#".into(),
        }
    }

    /// Returns the subjects of the last `n` commits on HEAD's first-parent line, newest first
    /// (merges skipped), as style examples for a model.
    pub fn recent_subjects(&self, n: usize) -> Vec<String> {
        let Some(repo) = &self.inner else {
            let n = n.to_string();
            let args = [
                "log",
                "--first-parent",
                "--no-merges",
                "-n",
                &n,
                "--format=%s",
            ];
            return self
                .git_here(&args, "read recent subjects")
                .map(|out| {
                    String::from_utf8_lossy(&out)
                        .lines()
                        .map(|l| l.trim().to_owned())
                        .filter(|l| !l.is_empty())
                        .collect()
                })
                .unwrap_or_default();
        };
        let Ok(mut walk) = repo.revwalk() else {
            return Vec::new();
        };
        if walk.push_head().is_err() {
            return Vec::new();
        }
        walk.simplify_first_parent().ok();
        walk.filter_map(Result::ok)
            .filter_map(|id| repo.find_commit(id).ok())
            .filter(|c| c.parent_count() < 2)
            .filter_map(|c| {
                let subject = String::from_utf8_lossy(c.summary_bytes()?)
                    .trim()
                    .to_owned();
                (!subject.is_empty()).then_some(subject)
            })
            .take(n)
            .collect()
    }

    /// Returns the short name of the checked-out branch, if any.
    pub fn branch(&self) -> Option<String> {
        let Some(repo) = &self.inner else {
            let out = self
                .git_here(&["symbolic-ref", "-q", "HEAD"], "read the branch")
                .ok()?;
            let target = String::from_utf8(out).ok()?;
            return target
                .trim_end_matches('\n')
                .strip_prefix("refs/heads/")
                .map(str::to_owned);
        };
        let head = repo.find_reference("HEAD").ok()?;
        let target = head.symbolic_target().ok()??;
        target.strip_prefix("refs/heads/").map(str::to_owned)
    }

    /// Tells whether the commit being made is the first on `branch`, the checked-out one:
    /// it is not the repository's main line (the remote's default branch, else `main`,
    /// `master` or `trunk`) and has no commit that line lacks. Its name then speaks for this
    /// commit (`fix/empty-config-crash`); later commits on it do other things.
    pub fn first_on_branch(&self, branch: &str) -> bool {
        self.first_on(branch).is_some()
    }

    fn first_on(&self, branch: &str) -> Option<()> {
        let repo = self.inner.as_ref()?;
        let head = repo.head().ok()?.target()?;
        let main_line = [
            "refs/remotes/origin/HEAD",
            "refs/heads/main",
            "refs/heads/master",
            "refs/heads/trunk",
        ]
        .into_iter()
        .filter_map(|name| repo.find_reference(name).ok())
        .filter_map(|r| r.resolve().ok())
        .find(|r| r.shorthand().ok() != Some(branch))?;
        let base = main_line.target()?;
        let mut walk = repo.revwalk().ok()?;
        walk.push(head).ok()?;
        walk.hide(base).ok()?;
        walk.next().is_none().then_some(())
    }

    /// Reads the staged changes: HEAD (or the empty tree before the first commit) against the
    /// index, with renames (and copies when `diff.renames = copies`) detected as git does.
    ///
    /// Files the filter withholds are named but their content is never loaded.
    pub fn staged(&self, filter: &Filter) -> Result<Vec<FileEntry>, GitError> {
        self.staged_sized(filter, &mut |_| {})
    }

    /// [`staged`](Self::staged), telling `on_size` the staged files' total size in bytes as
    /// soon as the list of changed files is known, before any content is read: a caller can
    /// start work that a large change will need (the tokenizer) while the diff is read.
    pub fn staged_sized(
        &self,
        filter: &Filter,
        on_size: &mut dyn FnMut(u64),
    ) -> Result<Vec<FileEntry>, GitError> {
        let Some(repo) = &self.inner else {
            if self.work_dir().is_none() {
                return Err(GitError::Bare {
                    path: self.git_dir().to_owned(),
                });
            }
            return self.staged_through_git(filter, on_size);
        };
        if repo.is_bare() {
            return Err(GitError::Bare {
                path: repo.path().to_owned(),
            });
        }
        let head_tree = match repo.head() {
            Ok(head) => Some(head.peel_to_tree().map_err(git("read the HEAD tree"))?),
            Err(e) if matches!(e.code(), ErrorCode::UnbornBranch | ErrorCode::NotFound) => None,
            Err(e) => return Err(git("resolve HEAD")(e)),
        };
        let index = match repo.index() {
            Ok(index) => index,
            // A sparse or split index (a mandatory extension libgit2 does not know): `git`
            // reads it; if `git` cannot either, libgit2's reason is the one to show.
            Err(e) => {
                return self
                    .staged_through_git(filter, on_size)
                    .map_err(|_| git("read the index")(e));
            }
        };
        let mut opts = DiffOptions::new();
        opts.context_lines(3).interhunk_lines(0);
        let mut diff = repo
            .diff_tree_to_index(head_tree.as_ref(), Some(&index), Some(&mut opts))
            .map_err(git("diff HEAD against the index"))?;
        let config = repo.config().ok();
        let renames = config
            .as_ref()
            .and_then(|c| c.get_string("diff.renames").ok())
            .unwrap_or_else(|| "true".into());
        if !matches!(renames.as_str(), "false" | "no" | "off" | "0") {
            let mut find = DiffFindOptions::new();
            find.renames(true);
            if renames == "copies" || renames == "copy" {
                find.copies(true);
            }
            if let Some(limit) = config
                .as_ref()
                .and_then(|c| c.get_i32("diff.renameLimit").ok())
                .and_then(|l| usize::try_from(l).ok())
            {
                find.rename_limit(limit);
            }
            diff.find_similar(Some(&mut find))
                .map_err(git("detect renames"))?;
        }

        // The index records each staged file's size: no content is read for this.
        on_size(diff.deltas().map(|d| d.new_file().size()).sum());
        // Attribute lookups cost libgit2 some 20 system calls a file; skip them all when no
        // attribute file that applies could set the attributes we read.
        let plan = self.attribute_plan(
            &index,
            diff.deltas().filter_map(|d| {
                d.new_file()
                    .path_bytes()
                    .or_else(|| d.old_file().path_bytes())
            }),
        );
        // `git add -N` leaves an empty placeholder in the index: git shows it neither in
        // `diff --cached` nor in the commit, so it is not a staged change here either.
        self.entries_from_diff(&diff, filter, &plan, |delta| {
            delta.status() == Delta::Added && is_intent_to_add(&index, delta)
        })
    }

    /// Reads the staged changes from `git diff --cached`, for a repository libgit2 cannot read:
    /// the same diff model (the parser of `--diff -`), the same filter, attributes from `git
    /// check-attr --cached`. Withheld files lose their text before anything else sees it.
    fn staged_through_git(
        &self,
        filter: &Filter,
        on_size: &mut dyn FnMut(u64),
    ) -> Result<Vec<FileEntry>, GitError> {
        let renames = self
            .config_string("diff.renames")
            .unwrap_or_else(|| "true".into());
        let renames = match renames.as_str() {
            "false" | "no" | "off" | "0" => "--no-renames",
            "copies" | "copy" => "--find-copies",
            _ => "--find-renames",
        };
        let text = self.git_here(
            &[
                "-c",
                "core.quotePath=true",
                "diff",
                "--cached",
                "--no-color",
                "--no-ext-diff",
                "--no-textconv",
                "--no-relative",
                "--ignore-submodules=none",
                "--src-prefix=a/",
                "--dst-prefix=b/",
                "--unified=3",
                "--inter-hunk-context=0",
                renames,
            ],
            "read the staged changes",
        )?;
        on_size(text.len() as u64);
        let changes = crate::diff::parse(&text);
        drop(text);
        let attrs = self.attributes_through_git(&changes);
        Ok(changes
            .into_iter()
            .map(|mut change| {
                let attrs = attrs.get(&change.path).copied().unwrap_or_default();
                let by_path = filter.decide_by_path(change.path.as_ref(), attrs);
                let decision = match by_path {
                    Some(decision) if decision.treatment == Treatment::Withheld => decision,
                    _ if attrs.no_diff && !change.binary => Decision {
                        treatment: Treatment::StatsOnly,
                        reason: Reason::Attribute,
                    },
                    _ => filter.decide_read(&change, by_path),
                };
                if decision.treatment == Treatment::Withheld || change.binary {
                    change.hunks.clear();
                    change.recount();
                }
                FileEntry { change, decision }
            })
            .collect())
    }

    /// The attributes that steer the filter, for each changed path, from the staged
    /// `.gitattributes` files (`git check-attr --cached`); none when `git` cannot say.
    fn attributes_through_git(
        &self,
        changes: &[FileChange],
    ) -> std::collections::HashMap<BString, Attributes> {
        use std::io::Write as _;
        let mut out = std::collections::HashMap::new();
        if changes.is_empty() {
            return out;
        }
        let dir = self.work_dir().unwrap_or_else(|| self.git_dir());
        let child = std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args([
                "check-attr",
                "--cached",
                "-z",
                "--stdin",
                "diff",
                "linguist-generated",
                "linguist-vendored",
            ])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn();
        let Ok(mut child) = child else { return out };
        let mut input = Vec::new();
        for change in changes {
            input.extend_from_slice(&change.path);
            input.push(0);
        }
        // Written from a thread: a long list would fill the pipe both ways otherwise.
        let stdin = child.stdin.take();
        let writer = std::thread::spawn(move || {
            if let Some(mut stdin) = stdin {
                let _ = stdin.write_all(&input);
            }
        });
        let Ok(result) = child.wait_with_output() else {
            return out;
        };
        let _ = writer.join();
        let fields: Vec<&[u8]> = result.stdout.split(|&b| b == 0).collect();
        for triple in fields.chunks_exact(3) {
            let entry: &mut Attributes = out.entry(BString::from(triple[0])).or_default();
            match (triple[1], triple[2]) {
                (b"diff", b"unset") => entry.no_diff = true,
                (b"linguist-generated", b"set" | b"true") => entry.generated = true,
                (b"linguist-vendored", b"set" | b"true") => entry.vendored = true,
                _ => {}
            }
        }
        out
    }

    /// Turns each delta of `diff` into a decided `FileEntry`: attributes looked up where
    /// `plan` says they can matter, withheld files never loaded, the rest with their hunks.
    fn entries_from_diff(
        &self,
        diff: &git2::Diff<'_>,
        filter: &Filter,
        plan: &AttrPlan,
        skip: impl Fn(&git2::DiffDelta<'_>) -> bool,
    ) -> Result<Vec<FileEntry>, GitError> {
        let mut entries = Vec::with_capacity(diff.deltas().len());
        for (idx, delta) in diff.deltas().enumerate() {
            if skip(&delta) {
                continue;
            }
            let mut change = change_from_delta(&delta);
            let attrs = if plan.covers(change.path.as_ref()) {
                self.attributes(change.path.as_ref())
            } else {
                Attributes::default()
            };
            let by_path = filter.decide_by_path(change.path.as_ref(), attrs);
            if let Some(decision) = by_path
                && decision.treatment == Treatment::Withheld
            {
                entries.push(FileEntry { change, decision });
                continue;
            }
            if let Some(mut patch) =
                Patch::from_diff(diff, idx).map_err(git("load a file's diff"))?
            {
                fill_hunks(&mut change, &patch)?;
                self.place_hunks(&mut change);
                if matches!(change.status, Status::Renamed | Status::Copied) {
                    change.similarity = similarity_of(&mut patch);
                }
                change.binary |= patch.delta().flags().is_binary();
            }
            if change.binary {
                change.hunks.clear();
            }
            change.recount();
            let decision = if attrs.no_diff && !change.binary {
                Decision {
                    treatment: Treatment::StatsOnly,
                    reason: Reason::Attribute,
                }
            } else {
                filter.decide_read(&change, by_path)
            };
            entries.push(FileEntry { change, decision });
        }
        Ok(entries)
    }

    /// Tells each hunk of a changed TOML file which table it sits in, and each hunk of a
    /// Markdown file the headings above it (see [`Hunk::above`]), read from the file's new
    /// blob. Best effort: a file that is not there, too large or not UTF-8 keeps its hunks
    /// as they are.
    fn place_hunks(&self, change: &mut FileChange) {
        const MAX_BYTES: usize = 2 << 20;
        let toml = change.path.ends_with(b".toml");
        let markdown = [&b".md"[..], b".markdown", b".mdx"]
            .iter()
            .any(|e| change.path.ends_with(e));
        // Rust only when some hunk changes a doc comment or an attribute (its item may lie
        // past the hunk), or every changed line is a line of strings (a row of a table
        // written over lines): the blob is read for nothing else.
        let changed = || {
            (change.hunks.iter())
                .flat_map(|h| h.lines())
                .filter(|l| l.kind != LineKind::Context)
                .map(|l| l.text.to_str().unwrap_or_default())
        };
        let rs = change.path.ends_with(b".rs");
        let rust = rs
            && changed().any(|t| {
                crate::doc_comments::doc_text(t).is_some() || t.trim_start().starts_with("#[")
            });
        let strings = rs && !rust && changed().all(crate::doc_comments::is_string_list);
        // Rust hunks whose function context is a type's own `impl` or a `trait`: the method
        // they sit in lies above their three lines of context, unindented lines only being
        // read for it.
        let in_impl: Vec<bool> = (change.hunks.iter())
            .map(|h| rs && crate::doc_comments::names_container(&h.section.to_str_lossy()))
            .collect();
        let contained = in_impl.contains(&true);
        let workflow = change
            .path
            .to_str()
            .is_ok_and(crate::workflow_jobs::is_workflow);
        if change.hunks.is_empty()
            || !(toml || markdown || rust || strings || workflow || contained)
            || change.new_id.is_empty()
        {
            return;
        }
        let Some(repo) = &self.inner else { return };
        let Ok(blob) = git2::Oid::from_str(&change.new_id).and_then(|id| repo.find_blob(id)) else {
            return;
        };
        let Some(text) = Some(blob.content())
            .filter(|c| c.len() <= MAX_BYTES)
            .and_then(|c| std::str::from_utf8(c).ok())
        else {
            return;
        };
        let starts: Vec<u32> = change.hunks.iter().map(|h| h.new_start).collect();
        if !starts.is_sorted() {
            return;
        }
        if contained {
            // The first changed line, past the context that opens the hunk.
            let at: Vec<u32> = (change.hunks.iter())
                .map(|h| {
                    let context = h
                        .lines()
                        .take_while(|l| l.kind == LineKind::Context)
                        .count();
                    h.new_start + context as u32
                })
                .collect();
            let fns = crate::doc_comments::enclosing_fns(text, &at);
            for ((hunk, f), inside) in change.hunks.iter_mut().zip(fns).zip(in_impl) {
                if inside {
                    hunk.within = f.into();
                }
            }
        }
        if strings {
            let rows = crate::doc_comments::rows_above(text, &starts);
            for (hunk, row) in change.hunks.iter_mut().zip(rows) {
                hunk.above = row.into();
            }
        } else if workflow {
            let jobs = crate::workflow_jobs::jobs_above(text, &starts);
            for (hunk, job) in change.hunks.iter_mut().zip(jobs) {
                hunk.above = job.into();
            }
        } else if rust {
            let spans: Vec<(u32, u32)> = (change.hunks.iter())
                .map(|h| (h.new_start, h.new_lines))
                .collect();
            let places = crate::doc_comments::places(text, &spans);
            for (hunk, (below, fenced)) in change.hunks.iter_mut().zip(places) {
                hunk.below = below.into();
                hunk.fenced = Some(fenced);
            }
        } else if toml {
            let places = crate::toml_table::places_above(text, &starts);
            for (hunk, above) in change.hunks.iter_mut().zip(places) {
                hunk.above = above.into();
            }
        } else {
            let places = crate::headings::headings_above(text, &starts);
            for (hunk, (above, fenced)) in change.hunks.iter_mut().zip(places) {
                hunk.above = above.into();
                hunk.fenced = Some(fenced);
            }
        }
    }

    /// Works out which paths can have an attribute the filter reads (`-diff`, `binary`,
    /// `linguist-generated`, `linguist-vendored`), from every attribute file that applies to
    /// `paths`: the `.gitattributes` of their folders (index and work tree),
    /// `info/attributes`, the user's and the system's files. Only those paths are looked up.
    fn attribute_plan<'p>(
        &self,
        index: &git2::Index,
        paths: impl Iterator<Item = &'p [u8]>,
    ) -> AttrPlan {
        let mut files: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        let mut global = vec![
            self.common_dir().join("info/attributes"),
            PathBuf::from("/etc/gitattributes"),
        ];
        match self.config_path("core.attributesFile") {
            Some(file) => global.push(match file.strip_prefix("~/") {
                Some(rest) => directories::BaseDirs::new()
                    .map_or_else(|| PathBuf::from(&file), |b| b.home_dir().join(rest)),
                None => PathBuf::from(file),
            }),
            None => {
                // `$XDG_CONFIG_HOME/git/attributes`, git's default.
                if let Some(base) = directories::BaseDirs::new() {
                    global.push(base.config_dir().join("git/attributes"));
                }
            }
        }
        for path in &global {
            if let Ok(text) = std::fs::read(path) {
                files.push((Vec::new(), text));
            }
        }
        let mut dirs = std::collections::BTreeSet::new();
        dirs.insert(Vec::new());
        for path in paths {
            let mut dir: &[u8] = path;
            while let Some(cut) = dir.rfind_byte(b'/') {
                dir = &dir[..cut];
                if !dirs.insert(dir.to_vec()) {
                    break;
                }
            }
        }
        let work = self.work_dir();
        for dir in dirs {
            let mut file = dir.clone();
            if !file.is_empty() {
                file.push(b'/');
            }
            file.extend_from_slice(b".gitattributes");
            let Ok(rel) = file.to_path() else {
                return AttrPlan::All;
            };
            if let Some(blob) = index
                .get_path(rel, 0)
                .and_then(|entry| self.inner.as_ref()?.find_blob(entry.id).ok())
            {
                files.push((dir.clone(), blob.content().to_vec()));
            }
            if let Some(text) = work.and_then(|w| std::fs::read(w.join(rel)).ok()) {
                files.push((dir, text));
            }
        }
        let mut builder = globset::GlobSetBuilder::new();
        let mut any = false;
        for (dir, text) in &files {
            for line in text.lines() {
                let line = line.trim_ascii();
                if line.is_empty() || line.starts_with(b"#") {
                    continue;
                }
                let mut fields = line
                    .split(|b| b.is_ascii_whitespace())
                    .filter(|f| !f.is_empty());
                let pattern = fields.next().unwrap_or_default();
                let relevant = fields.any(|attr| {
                    let attr = attr
                        .strip_prefix(b"-")
                        .or_else(|| attr.strip_prefix(b"!"))
                        .unwrap_or(attr);
                    attr == b"diff" || attr == b"binary" || attr.starts_with(b"linguist-")
                });
                // A macro can stand for anything: look every path up.
                if pattern.starts_with(b"[attr]") || pattern.starts_with(b"\"") {
                    return AttrPlan::All;
                }
                if !relevant {
                    continue;
                }
                let Ok(pattern) = pattern.to_str() else {
                    return AttrPlan::All;
                };
                let base = String::from_utf8_lossy(dir);
                let anchored = pattern.trim_end_matches('/').contains('/');
                let pattern = pattern.trim_start_matches('/');
                let glob = match (base.is_empty(), anchored) {
                    (true, true) => pattern.to_owned(),
                    (true, false) => format!("**/{pattern}"),
                    (false, true) => format!("{base}/{pattern}"),
                    (false, false) => format!("{base}/**/{pattern}"),
                };
                // A folder pattern (`docs/`) or a match on a folder covers what is below it.
                for glob in [
                    glob.trim_end_matches('/').to_owned(),
                    format!("{}/**", glob.trim_end_matches('/')),
                ] {
                    match globset::GlobBuilder::new(&glob)
                        .literal_separator(true)
                        .build()
                    {
                        Ok(compiled) => {
                            builder.add(compiled);
                            any = true;
                        }
                        Err(_) => return AttrPlan::All,
                    }
                }
            }
        }
        if !any {
            return AttrPlan::None;
        }
        builder.build().map_or(AttrPlan::All, AttrPlan::Some)
    }

    /// Reads the attributes that steer the filter for one path.
    fn attributes(&self, path: &BStr) -> Attributes {
        let Ok(path) = path.to_path() else {
            return Attributes::default();
        };
        // The staged `.gitattributes` is the one that applies to what is committed; reading it
        // from the index also spares libgit2 a stat and readlink of every parent folder.
        let flags = AttrCheckFlags::INDEX_ONLY;
        let Some(repo) = &self.inner else {
            return Attributes::default();
        };
        let get = |name: &str| {
            repo.get_attr_bytes(path, name, flags)
                .ok()
                .map(AttrValue::always_bytes)
        };
        let is_true = |v: Option<AttrValue<'_>>| {
            matches!(v, Some(AttrValue::True))
                || matches!(v, Some(AttrValue::Bytes(b)) if b == b"true")
        };
        Attributes {
            // `binary` is a built-in macro for `-diff`, so `diff` alone answers for both.
            no_diff: matches!(get("diff"), Some(AttrValue::False)),
            generated: is_true(get("linguist-generated")),
            vendored: is_true(get("linguist-vendored")),
        }
    }
}

/// Which paths need an attribute lookup.
enum AttrPlan {
    /// No attribute file that applies sets an attribute we read.
    None,
    /// Paths matching these globs may have one.
    Some(globset::GlobSet),
    /// Every path (a macro, or a pattern we cannot read).
    All,
}

impl AttrPlan {
    fn covers(&self, path: &BStr) -> bool {
        match self {
            AttrPlan::None => false,
            AttrPlan::All => true,
            AttrPlan::Some(set) => set.is_match(path.to_str_lossy().as_ref()),
        }
    }
}

/// Tells whether an added file is only an intent-to-add entry (`git add -N`).
fn is_intent_to_add(index: &git2::Index, delta: &git2::DiffDelta<'_>) -> bool {
    let Some(path) = delta.new_file().path_bytes().and_then(|p| p.to_path().ok()) else {
        return false;
    };
    index.get_path(path, 0).is_some_and(|entry| {
        entry.flags_extended & git2::IndexEntryExtendedFlag::INTENT_TO_ADD.bits() != 0
    })
}

fn change_from_delta(delta: &git2::DiffDelta<'_>) -> FileChange {
    let status = match delta.status() {
        Delta::Added => Status::Added,
        Delta::Deleted => Status::Deleted,
        Delta::Renamed => Status::Renamed,
        Delta::Copied => Status::Copied,
        Delta::Typechange => Status::TypeChange,
        _ => Status::Modified,
    };
    let old = delta.old_file();
    let new = delta.new_file();
    let path_of = |f: &git2::DiffFile<'_>| BString::from(f.path_bytes().unwrap_or_default());
    let (path, old_path) = match status {
        Status::Deleted => (path_of(&old), None),
        Status::Renamed | Status::Copied => (path_of(&new), Some(path_of(&old))),
        _ => (path_of(&new), None),
    };
    let id = |f: &git2::DiffFile<'_>| {
        if f.id().is_zero() {
            String::new()
        } else {
            f.id().to_string()
        }
    };
    FileChange {
        path,
        old_path,
        status,
        old_mode: u32::from(old.mode()),
        new_mode: u32::from(new.mode()),
        old_id: id(&old),
        new_id: id(&new),
        similarity: None,
        binary: delta.flags().is_binary(),
        additions: 0,
        deletions: 0,
        hunks: Vec::new(),
    }
}

fn fill_hunks(change: &mut FileChange, patch: &Patch<'_>) -> Result<(), GitError> {
    for h in 0..patch.num_hunks() {
        let (hunk, count) = patch.hunk(h).map_err(git("read a hunk"))?;
        let mut body = BString::from(Vec::with_capacity(count * 40));
        for l in 0..count {
            let line = patch.line_in_hunk(h, l).map_err(git("read a diff line"))?;
            match line.origin() {
                prefix @ (' ' | '+' | '-') => {
                    body.push(prefix as u8);
                    body.extend_from_slice(line.content());
                    if !line.content().ends_with(b"\n") {
                        body.push(b'\n');
                    }
                }
                // The end-of-file markers (`=`, `>`, `<`).
                _ => body.extend_from_slice(b"\\ No newline at end of file\n"),
            }
        }
        let header = hunk.header();
        change.hunks.push(Hunk {
            old_start: hunk.old_start(),
            old_lines: hunk.old_lines(),
            new_start: hunk.new_start(),
            new_lines: hunk.new_lines(),
            section: section_of(header),
            body,
            above: BString::default(),
            fenced: None,
            below: BString::default(),
            within: BString::default(),
        });
    }
    Ok(())
}

/// Returns the function context of a `@@ … @@ context` hunk header line.
fn section_of(header: &[u8]) -> BString {
    let header = header.strip_suffix(b"\n").unwrap_or(header);
    let Some(rest) = header.strip_prefix(b"@@") else {
        return BString::default();
    };
    match rest.find(b"@@") {
        Some(end) => {
            let after = &rest[end + 2..];
            after.strip_prefix(b" ").unwrap_or(after).into()
        }
        None => BString::default(),
    }
}

/// Reads the similarity index of a rename or copy from the patch header: libgit2's Rust
/// bindings expose it nowhere else.
fn similarity_of(patch: &mut Patch<'_>) -> Option<u8> {
    let buf = patch.to_buf().ok()?;
    let line = buf
        .lines()
        .find_map(|l| l.strip_prefix(b"similarity index "))?;
    line.strip_suffix(b"%")?.to_str().ok()?.parse().ok()
}

// History for changelogs (issue #6): release tags, ranges, the commits of a range and each
// commit's own diff.

/// A tag naming a commit, annotated or lightweight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    /// The tagged commit's id (hex).
    pub commit: String,
    /// The tagged commit's committer time, seconds since the epoch.
    pub time: i64,
    /// Where the commit comes in a topological walk from the end of history: 0 for the tip,
    /// larger for older commits.
    pub position: usize,
}

/// A commit as history readers need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitInfo {
    pub id: String,
    /// The full message (invalid UTF-8 replaced).
    pub message: String,
    pub author_name: String,
    pub author_email: String,
    /// Committer time, seconds since the epoch.
    pub time: i64,
    pub parents: usize,
}

/// The commits of a range.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Newest first: children before parents, ties by commit time.
    pub commits: Vec<CommitInfo>,
    /// Whether the walk reached the edge of a shallow clone, so older commits are missing.
    pub truncated: bool,
}

fn commit_info(commit: &git2::Commit<'_>) -> CommitInfo {
    let author = commit.author();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    CommitInfo {
        id: commit.id().to_string(),
        message: text(commit.message_bytes()),
        author_name: text(author.name_bytes()),
        author_email: text(author.email_bytes()),
        time: commit.time().seconds(),
        parents: commit.parent_count(),
    }
}

impl Repo {
    /// Tells whether the repository is a shallow clone.
    pub fn is_shallow(&self) -> bool {
        self.inner.as_ref().is_some_and(Repository::is_shallow)
    }

    /// Resolves a revision (`HEAD`, a tag, a branch, a SHA, `main~2`) to its commit's id and
    /// committer time.
    pub fn resolve_commit(&self, rev: &str) -> Result<(String, i64), GitError> {
        let commit = self
            .lib("resolve a revision")?
            .revparse_single(rev)
            .and_then(|object| object.peel_to_commit())
            .map_err(git("resolve a revision"))?;
        Ok((commit.id().to_string(), commit.time().seconds()))
    }

    fn commit_oid(&self, rev: &str) -> Result<git2::Oid, GitError> {
        self.lib("resolve a revision")?
            .revparse_single(rev)
            .and_then(|object| object.peel_to_commit())
            .map(|commit| commit.id())
            .map_err(git("resolve a revision"))
    }

    /// Returns the commits where a shallow clone's history is cut off (`.git/shallow`).
    fn shallow_roots(&self) -> std::collections::HashSet<git2::Oid> {
        std::fs::read_to_string(self.common_dir().join("shallow"))
            .unwrap_or_default()
            .lines()
            .filter_map(|line| git2::Oid::from_str(line.trim()).ok())
            .collect()
    }

    /// Returns the tags whose names `matches` accepts and whose commits are reachable from
    /// `from`, ordered by the commit graph (newest first; ties by name). Tags of trees or
    /// blobs, and tags whose commit is missing (a shallow clone), are left out.
    pub fn tags(&self, matches: &dyn Fn(&str) -> bool, from: &str) -> Result<Vec<Tag>, GitError> {
        let repo = self.lib("list the tags")?;
        let mut wanted: std::collections::HashMap<git2::Oid, Vec<(String, i64)>> =
            std::collections::HashMap::new();
        let references = repo
            .references_glob("refs/tags/*")
            .map_err(git("list the tags"))?;
        for reference in references {
            let Ok(reference) = reference else { continue };
            let Some(name) = reference
                .name()
                .ok()
                .and_then(|n| n.strip_prefix("refs/tags/"))
                .filter(|n| matches(n))
                .map(str::to_owned)
            else {
                continue;
            };
            let Ok(commit) = reference.peel_to_commit() else {
                continue;
            };
            wanted
                .entry(commit.id())
                .or_default()
                .push((name, commit.time().seconds()));
        }
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        let start = self.commit_oid(from)?;
        let mut walk = repo.revwalk().map_err(git("walk the history"))?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::TIME)
            .map_err(git("walk the history"))?;
        walk.push(start).map_err(git("walk the history"))?;
        let mut tags = Vec::new();
        for (position, oid) in walk.enumerate() {
            // A shallow clone's missing parents end the walk; the tags found so far stand.
            let Ok(oid) = oid else { break };
            if let Some(names) = wanted.remove(&oid) {
                for (name, time) in names {
                    tags.push(Tag {
                        name,
                        commit: oid.to_string(),
                        time,
                        position,
                    });
                }
                if wanted.is_empty() {
                    break;
                }
            }
        }
        tags.sort_by(|a, b| {
            a.position
                .cmp(&b.position)
                .then_with(|| a.name.cmp(&b.name))
        });
        Ok(tags)
    }

    /// Returns the commits reachable from `to` and from none of `hide` (`git log ^A ^B to`;
    /// `A..B` is `hide = [A]`), newest first. With `first_parent`, merges are followed along
    /// their first parent only, as `git log --first-parent` does.
    pub fn history(
        &self,
        hide: &[&str],
        to: &str,
        first_parent: bool,
    ) -> Result<History, GitError> {
        let repo = self.lib("walk the history")?;
        let mut walk = repo.revwalk().map_err(git("walk the history"))?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::TIME)
            .map_err(git("walk the history"))?;
        if first_parent {
            walk.simplify_first_parent()
                .map_err(git("walk the history"))?;
        }
        walk.push(self.commit_oid(to)?)
            .map_err(git("walk the history"))?;
        for rev in hide {
            walk.hide(self.commit_oid(rev)?)
                .map_err(git("walk the history"))?;
        }
        let shallow = self.shallow_roots();
        let mut history = History::default();
        for oid in walk {
            let oid = match oid {
                Ok(oid) => oid,
                Err(_) if self.is_shallow() => {
                    history.truncated = true;
                    break;
                }
                Err(e) => return Err(git("walk the history")(e)),
            };
            if shallow.contains(&oid) {
                history.truncated = true;
            }
            let commit = repo.find_commit(oid).map_err(git("read a commit"))?;
            history.commits.push(commit_info(&commit));
        }
        Ok(history)
    }

    /// Reads a commit's own changes (against its first parent, or the empty tree for a root
    /// commit) with renames detected, each file decided by the filter as staged files are.
    pub fn commit_files(&self, id: &str, filter: &Filter) -> Result<Vec<FileEntry>, GitError> {
        let repo = self.lib("read a commit")?;
        let oid = git2::Oid::from_str(id).map_err(git("read a commit id"))?;
        let commit = repo.find_commit(oid).map_err(git("read a commit"))?;
        let tree = commit.tree().map_err(git("read a commit's tree"))?;
        let parent_tree = match commit.parent(0) {
            Ok(parent) => Some(parent.tree().map_err(git("read a commit's tree"))?),
            Err(_) => None,
        };
        let mut opts = DiffOptions::new();
        opts.context_lines(3).interhunk_lines(0);
        let mut diff = repo
            .diff_tree_to_tree(parent_tree.as_ref(), Some(&tree), Some(&mut opts))
            .map_err(git("diff a commit against its parent"))?;
        let mut find = DiffFindOptions::new();
        find.renames(true);
        diff.find_similar(Some(&mut find))
            .map_err(git("detect renames"))?;
        self.entries_from_diff(&diff, filter, &AttrPlan::All, |_| false)
    }

    /// Returns the URL of the `origin` remote, else of the first remote by name.
    pub fn remote_url(&self) -> Option<String> {
        let repo = self.inner.as_ref()?;
        let url_of = |name: &str| {
            repo.find_remote(name)
                .ok()
                .and_then(|remote| remote.url().ok().map(str::to_owned))
        };
        if let Some(url) = url_of("origin") {
            return Some(url);
        }
        let names = repo.remotes().ok()?;
        let mut names: Vec<&str> = names.iter().filter_map(|n| n.ok().flatten()).collect();
        names.sort_unstable();
        names.into_iter().find_map(url_of)
    }
}

/// One commit as the history index reads it: its links, and for a commit by a person its
/// subject and the paths it touched (read from trees alone, never from blobs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedCommit {
    pub id: String,
    pub parents: Vec<String>,
    /// Committer time, seconds since the epoch.
    pub time: i64,
    /// `Name <email>` of the author.
    pub author: String,
    /// The first line of the message.
    pub subject: String,
    /// The paths the commit changed against its only parent (new paths, and old ones of
    /// deletions); empty for merges and for commits `read_paths` declined.
    pub paths: Vec<String>,
}

impl Repo {
    /// Returns the id of the commit HEAD points to; `None` before the first commit.
    pub fn head_id(&self) -> Option<String> {
        let head = self.inner.as_ref()?.head().ok()?;
        Some(head.peel_to_commit().ok()?.id().to_string())
    }

    /// Tells whether `ancestor` is reachable from `of` (or is it).
    pub fn is_ancestor(&self, ancestor: &str, of: &str) -> bool {
        let (Ok(a), Ok(o)) = (git2::Oid::from_str(ancestor), git2::Oid::from_str(of)) else {
            return false;
        };
        a == o
            || self
                .inner
                .as_ref()
                .is_some_and(|repo| repo.graph_descendant_of(o, a).unwrap_or(false))
    }

    /// Walks the commits reachable from `from`, newest first by committer time, that are not
    /// reachable from `hide`, handing each to `visit` until it returns `false`. Merges come
    /// with no paths; for the others the paths come from a tree-to-tree diff against the
    /// parent without rename detection, so no blob is read. `read_paths` says, from the
    /// author, whether to read them at all (bots are skipped cheaply).
    pub fn walk_history(
        &self,
        from: &str,
        hide: Option<&str>,
        read_paths: &dyn Fn(&str) -> bool,
        visit: &mut dyn FnMut(LoggedCommit) -> bool,
    ) -> Result<(), GitError> {
        let repo = self.lib("walk the history")?;
        let mut walk = repo.revwalk().map_err(git("walk the history"))?;
        walk.set_sorting(git2::Sort::TIME)
            .map_err(git("walk the history"))?;
        let from = git2::Oid::from_str(from).map_err(git("walk the history"))?;
        walk.push(from).map_err(git("walk the history"))?;
        if let Some(hide) = hide.and_then(|h| git2::Oid::from_str(h).ok()) {
            // A hidden commit that is gone (history rewritten) hides nothing.
            let _ = walk.hide(hide);
        }
        let shallow = self.shallow_roots();
        let mut opts = DiffOptions::new();
        opts.skip_binary_check(true).context_lines(0);
        for id in walk {
            let Ok(id) = id else { break };
            let Ok(commit) = repo.find_commit(id) else {
                break;
            };
            let author = commit.author();
            let author = format!(
                "{} <{}>",
                String::from_utf8_lossy(author.name_bytes()),
                String::from_utf8_lossy(author.email_bytes())
            );
            let subject = commit
                .summary_bytes()
                .map(|s| String::from_utf8_lossy(s).trim().to_owned())
                .unwrap_or_default();
            let parents: Vec<String> = if shallow.contains(&id) {
                Vec::new()
            } else {
                commit.parent_ids().map(|p| p.to_string()).collect()
            };
            let mut paths = Vec::new();
            if parents.len() < 2 && read_paths(&author) {
                let parent_tree = match parents.first() {
                    Some(_) => commit.parent(0).ok().and_then(|p| p.tree().ok()),
                    None => None,
                };
                if let Ok(tree) = commit.tree()
                    && let Ok(diff) =
                        repo.diff_tree_to_tree(parent_tree.as_ref(), Some(&tree), Some(&mut opts))
                {
                    for delta in diff.deltas() {
                        let file = match delta.status() {
                            Delta::Deleted => delta.old_file(),
                            _ => delta.new_file(),
                        };
                        if let Some(path) = file.path().and_then(Path::to_str) {
                            paths.push(path.to_owned());
                        }
                    }
                }
            }
            let logged = LoggedCommit {
                id: id.to_string(),
                parents,
                time: commit.time().seconds(),
                author,
                subject,
                paths,
            };
            if !visit(logged) {
                break;
            }
        }
        Ok(())
    }
}
