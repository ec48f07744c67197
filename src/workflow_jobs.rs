//! Which job of a GitHub Actions workflow a line sits in: the key under `jobs:` in force.
//! Git reads it for each hunk of a changed workflow ([`Hunk::above`](crate::diff::Hunk::above)),
//! as a hunk deep inside a job seldom shows the job's key; the offline engine carries it
//! on through the hunk, so that a change is named by its job (ripgrep's `github: update
//! WASI compilation job`, tokio's `ci: remove the job test-pass`) rather than its file.

/// Whether a path is a GitHub Actions workflow.
pub fn is_workflow(path: &str) -> bool {
    path.starts_with(".github/workflows/") && (path.ends_with(".yml") || path.ends_with(".yaml"))
}

/// The key a YAML line opens with nothing after it (`  test-pass:`, a comment allowed), and
/// its indent; `None` for any other line.
pub fn bare_key(line: &str) -> Option<(usize, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line[indent..]
        .split(" #")
        .next()
        .unwrap_or_default()
        .trim_end();
    let key = rest.strip_suffix(':')?;
    let key = key.trim_matches(['"', '\'']);
    (!key.is_empty()
        && key.len() <= 60
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    .then_some((indent, key))
}

/// Reads a workflow line by line: whether the lines sit under `jobs:`, the indent of its
/// jobs' keys (the first key below it) and the job in force.
#[derive(Debug, Clone, Default)]
pub struct Jobs {
    pub in_jobs: bool,
    /// The line read last was `jobs:` itself: the next key is a job's, at any indent.
    fresh: bool,
    indent: Option<usize>,
    pub job: Option<String>,
}

/// What one line of a workflow is, read by [`Jobs::line`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobLine {
    /// A job's key: the job opens here.
    Key(String),
    /// A line inside the job in force.
    Inside(String),
    /// A line in no job (a top-level key, `on:`, `env:`), or one not read.
    Outside,
}

impl Jobs {
    /// Starts inside `job` (git read it above the hunk), or at a top-level key the hunk's
    /// header names (`jobs:` puts the lines below under it).
    pub fn start(job: Option<String>, section: &str) -> Jobs {
        Jobs {
            in_jobs: job.is_some() || section.trim_end() == "jobs:",
            fresh: false,
            indent: None,
            job,
        }
    }

    /// Reads one line and tells what it is.
    pub fn line(&mut self, line: &str) -> JobLine {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return match &self.job {
                Some(job) if !trimmed.is_empty() => JobLine::Inside(job.clone()),
                _ => JobLine::Outside,
            };
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        if indent == 0 {
            self.in_jobs = trimmed.starts_with("jobs:");
            self.fresh = self.in_jobs;
            self.job = None;
            return JobLine::Outside;
        }
        let fresh = std::mem::take(&mut self.fresh);
        // The jobs' indent is learnt from the first key below `jobs:`; starting past it (the
        // hunk's header or the job above say where), a job's key is the usual two spaces
        // in, never a job's own `steps:`.
        if self.in_jobs
            && let Some((at, key)) = bare_key(line)
            && self.indent.map_or(at == 2 || fresh, |i| i == at)
        {
            self.indent = Some(at);
            self.job = Some(key.to_owned());
            return JobLine::Key(key.to_owned());
        }
        match &self.job {
            Some(job) if self.in_jobs => JobLine::Inside(job.clone()),
            _ => JobLine::Outside,
        }
    }
}

/// The job in force at each hunk's first line, given the whole new file and the hunks'
/// first lines in ascending order (empty where none is).
pub fn jobs_above(text: &str, starts: &[u32]) -> Vec<String> {
    let mut jobs = Jobs::default();
    let mut lines = text.lines().enumerate().peekable();
    let mut out = Vec::with_capacity(starts.len());
    for &start in starts {
        while let Some((_, line)) = lines.next_if(|(i, _)| (*i as u32) + 1 < start) {
            jobs.line(line);
        }
        out.push(jobs.job.clone().unwrap_or_default());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CI: &str = "\
name: CI
on:
  push:
    branches: [master]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: cargo test
  wasm:
    name: WASI compilation
    runs-on: ubuntu-latest
    steps:
      - run: cargo build --target wasm32-wasip1
";

    #[test]
    fn the_job_in_force_is_read_above_each_hunk() {
        let got = jobs_above(CI, &[3, 7, 10, 15]);
        assert_eq!(got, vec!["", "test", "test", "wasm"]);
    }

    #[test]
    fn keys_under_on_are_no_jobs() {
        let mut jobs = Jobs::default();
        for line in CI.lines().take(4) {
            assert_eq!(jobs.line(line), JobLine::Outside, "{line}");
        }
    }

    #[test]
    fn a_job_key_opens_the_job_and_its_lines_are_inside() {
        let mut jobs = Jobs::start(None, "jobs:");
        assert_eq!(jobs.line("  lint:"), JobLine::Key("lint".into()));
        assert_eq!(jobs.line("    runs-on: x"), JobLine::Inside("lint".into()));
        // A key deeper down is no job.
        assert_eq!(jobs.line("    steps:"), JobLine::Inside("lint".into()));
        // Starting inside a job whose key the hunk does not show: its keys are no jobs.
        let mut inside = Jobs::start(None, "jobs:");
        assert_eq!(inside.line("    steps:"), JobLine::Outside);
        assert_eq!(inside.line("  docs:"), JobLine::Key("docs".into()));
        // Jobs four spaces in, seen from `jobs:` itself.
        let mut four = Jobs::default();
        four.line("jobs:");
        assert_eq!(four.line("    build:"), JobLine::Key("build".into()));
        assert_eq!(four.line("        steps:"), JobLine::Inside("build".into()));
        assert_eq!(jobs.line("permissions:"), JobLine::Outside);
    }

    #[test]
    fn workflows_are_told_by_path() {
        assert!(is_workflow(".github/workflows/ci.yml"));
        assert!(!is_workflow(".github/dependabot.yml"));
    }
}
