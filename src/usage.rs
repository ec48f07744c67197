//! The usage log: one CSV row per model call, appended under an exclusive file lock so
//! concurrent writers never interleave, and its summary for `git herald usage`.

use crate::text::plural;
use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Column names, in order. New columns are only ever added at the end.
pub const COLUMNS: &[&str] = &[
    "timestamp",
    "command",
    "repo",
    "provider",
    "model",
    "prompt_tokens",
    "completion_tokens",
    "total_tokens",
    "cost_usd",
    "duration_ms",
    "attempts",
    "status",
    "estimated",
    "subject",
];

/// Longest subject prefix kept in the log (never prompt or diff text).
const SUBJECT_CHARS: usize = 50;

/// One model call.
#[derive(Debug, Clone, PartialEq)]
pub struct UsageRow {
    pub timestamp: SystemTime,
    /// `msg`, `hook`, `changelog` or `release-notes`.
    pub command: String,
    /// The repository's directory name.
    pub repo: String,
    pub provider: String,
    pub model: String,
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    pub cost_usd: f64,
    pub duration_ms: u64,
    pub attempts: u32,
    pub status: Status,
    /// Token counts are local estimates, not the provider's own figures.
    pub estimated: bool,
    pub subject: String,
}

/// The command a model call was made for, as the usage log names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Command {
    /// `git herald` (and `git herald commit`).
    #[default]
    Msg,
    /// The `prepare-commit-msg` hook.
    Hook,
    /// `git herald changelog`.
    Changelog,
    /// `git herald release-notes`.
    ReleaseNotes,
}

impl Command {
    /// Returns the name the log writes: `msg`, `hook`, `changelog`, `release-notes`.
    pub fn name(self) -> &'static str {
        match self {
            Command::Msg => "msg",
            Command::Hook => "hook",
            Command::Changelog => "changelog",
            Command::ReleaseNotes => "release-notes",
        }
    }
}

impl std::fmt::Display for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How a call ended, as the usage log says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    Error,
}

impl Status {
    /// Returns the word the log writes: `ok` or `error`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Error => "error",
        }
    }
}

/// Who made a model call, for its usage row.
#[derive(Debug, Clone, Copy)]
pub struct CallSite<'a> {
    pub command: Command,
    pub repo: &'a str,
    pub provider: &'a str,
    pub model: &'a str,
    pub info: &'a crate::llm::models::ModelInfo,
}

impl UsageRow {
    /// The row of one call, now: the provider's token counts when it sent them, else
    /// `prompt_estimate` and a quarter of the answer's bytes (marked estimated). A failed
    /// call records its real attempts and time (`elapsed`, as the caller measured it, when
    /// the error does not say); one the server turned away (an HTTP error, a refused
    /// connection) is not billed: no tokens, no cost.
    pub fn for_call(
        site: &CallSite<'_>,
        result: &Result<crate::llm::Completion, crate::llm::LlmError>,
        prompt_estimate: u64,
        subject: String,
        elapsed: Duration,
    ) -> UsageRow {
        let (usage, attempts, duration, text) = match result {
            Ok(done) => (done.usage, done.attempts, done.duration, done.text.as_str()),
            Err(crate::llm::LlmError::GaveUp {
                attempts, after, ..
            }) => (None, *attempts, *after, ""),
            Err(_) => (None, 1, elapsed, ""),
        };
        let estimated = usage.is_none();
        let billed = match result {
            Ok(_) => true,
            Err(err) => was_billed(err),
        };
        let usage = match (usage, billed) {
            (Some(usage), _) => usage,
            (None, true) => crate::llm::Usage {
                prompt_tokens: prompt_estimate,
                completion_tokens: (text.len() / 4) as u64,
            },
            (None, false) => crate::llm::Usage::default(),
        };
        UsageRow {
            timestamp: SystemTime::now(),
            command: site.command.name().to_owned(),
            repo: site.repo.to_owned(),
            provider: site.provider.to_owned(),
            model: site.model.to_owned(),
            prompt_tokens: usage.prompt_tokens,
            completion_tokens: usage.completion_tokens,
            cost_usd: site.info.cost(usage.prompt_tokens, usage.completion_tokens),
            duration_ms: u64::try_from(duration.as_millis()).unwrap_or(u64::MAX),
            attempts,
            status: if result.is_ok() {
                Status::Ok
            } else {
                Status::Error
            },
            estimated,
            subject,
        }
    }
}

/// Tells whether a failed call may still have been billed: the server took the request and
/// its stream broke off, rather than turning the request away.
fn was_billed(err: &crate::llm::LlmError) -> bool {
    use crate::llm::LlmError;
    match err {
        LlmError::GaveUp { last, .. } => was_billed(last),
        LlmError::Broken { .. } | LlmError::Truncated { .. } | LlmError::Stream { .. } => true,
        _ => false,
    }
}

/// Errors from the usage log.
#[derive(Debug, thiserror::Error)]
pub enum UsageError {
    #[error("failed to write the usage log `{}`", .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("failed to read the usage log `{}`", .path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("invalid date `{0}`: expected YYYY-MM-DD, `today`, `yesterday` or `N days ago`")]
    Date(String),
}

fn fields(row: &UsageRow) -> Vec<String> {
    let subject: String = row.subject.chars().take(SUBJECT_CHARS).collect();
    vec![
        humantime::format_rfc3339_seconds(row.timestamp).to_string(),
        neutral(&row.command),
        neutral(&row.repo),
        neutral(&row.provider),
        neutral(&row.model),
        row.prompt_tokens.to_string(),
        row.completion_tokens.to_string(),
        (row.prompt_tokens + row.completion_tokens).to_string(),
        format!("{:.6}", row.cost_usd),
        row.duration_ms.to_string(),
        row.attempts.to_string(),
        row.status.name().to_owned(),
        row.estimated.to_string(),
        neutral(&subject),
    ]
}

/// Keeps a text cell from being read as a formula by a spreadsheet (`=`, `+`, `-`, `@`, and
/// the tab and carriage return some read the same way): a `'` goes first, as OWASP advises
/// for CSV files (issue 14).
fn neutral(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// Appends one row, writing the header first if the file is new or empty.
///
/// The file is locked exclusively for the write, and the row goes out in one `write` call on
/// a file opened for appending, so concurrent writers each add one whole row. An existing file
/// is never truncated or rewritten, whatever it holds.
pub fn append(path: &Path, row: &UsageRow) -> Result<(), UsageError> {
    let err = |source| UsageError::Write {
        path: path.to_owned(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::files::create_private_dir(dir).map_err(err)?;
    }
    // A FIFO (or a device) there would block the open or the write: only a regular file.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(err(io::Error::other("it is not a regular file")));
    }
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(err)?;
    file.lock().map_err(err)?;
    let result = write_row(&mut file, row);
    let _ = file.unlock();
    result.map_err(err)
}

fn write_row(file: &mut File, row: &UsageRow) -> io::Result<()> {
    let mut buf = Vec::with_capacity(256);
    let empty = file.seek(SeekFrom::End(0))? == 0;
    {
        let mut writer = csv::Writer::from_writer(&mut buf);
        if empty {
            writer.write_record(COLUMNS)?;
        }
        writer.write_record(fields(row))?;
        writer.flush()?;
    }
    file.write_all(&buf)?;
    file.flush()
}

/// How `git herald usage` groups rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    #[default]
    Total,
    Day,
    Model,
    Repo,
}

/// Totals of one group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub calls: u64,
    pub errors: u64,
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    pub cost_usd: f64,
    pub duration_ms: u64,
}

/// The summary of the log.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub groups: BTreeMap<String, Totals>,
    /// Lines that could not be read as rows (kept in the file, left out of the totals).
    pub skipped: u64,
}

/// Parses `YYYY-MM-DD` into the UTC midnight that starts it.
pub fn parse_day(text: &str) -> Result<SystemTime, UsageError> {
    parse_day_at(text, SystemTime::now())
}

/// As [`parse_day`], with `now` for the relative days (`today`, `yesterday`, `3 days ago`,
/// `2 weeks ago`, `7d`): the start of that UTC day.
fn parse_day_at(text: &str, now: SystemTime) -> Result<SystemTime, UsageError> {
    const DAY: u64 = 86_400;
    let bad = || UsageError::Date(text.to_owned());
    let words: Vec<String> = text
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let days_back = match words.as_slice() {
        ["today"] => Some(0),
        ["yesterday"] => Some(1),
        [n, unit, "ago"] => {
            let n: u64 = n.parse().map_err(|_| bad())?;
            match *unit {
                "day" | "days" => Some(n),
                "week" | "weeks" => Some(n * 7),
                _ => return Err(bad()),
            }
        }
        [one] if one.ends_with('d') && one[..one.len() - 1].parse::<u64>().is_ok() => {
            one[..one.len() - 1].parse().ok()
        }
        _ => None,
    };
    match days_back {
        Some(days) => {
            let secs = now
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_err(|_| bad())?
                .as_secs();
            let start = (secs / DAY).checked_sub(days).ok_or_else(bad)? * DAY;
            Ok(SystemTime::UNIX_EPOCH + Duration::from_secs(start))
        }
        None => {
            humantime::parse_rfc3339_weak(&format!("{} 00:00:00", text.trim())).map_err(|_| bad())
        }
    }
}

/// Reads the log and adds up the rows since `since`, grouped as asked. A missing file is an
/// empty summary; unreadable rows are counted and skipped.
pub fn summarise(
    path: &Path,
    since: Option<SystemTime>,
    by: GroupBy,
) -> Result<Summary, UsageError> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Summary::default()),
        Err(source) => {
            return Err(UsageError::Read {
                path: path.to_owned(),
                source,
            });
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(io::BufReader::new(file));
    let mut summary = Summary::default();
    let mut index: BTreeMap<String, usize> = COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| ((*c).to_owned(), i))
        .collect();
    for record in reader.records() {
        let Ok(record) = record else {
            summary.skipped += 1;
            continue;
        };
        if record.get(0) == Some("timestamp") {
            // A header (the first, or one from another version): read by its names.
            index = record
                .iter()
                .enumerate()
                .map(|(i, c)| (c.to_owned(), i))
                .collect();
            continue;
        }
        let get = |name: &str| index.get(name).and_then(|&i| record.get(i));
        let num = |name: &str| get(name).and_then(|v| v.parse::<u64>().ok());
        let Some(timestamp) = get("timestamp").and_then(|t| humantime::parse_rfc3339(t).ok())
        else {
            summary.skipped += 1;
            continue;
        };
        if since.is_some_and(|s| timestamp < s) {
            continue;
        }
        let key = match by {
            GroupBy::Total => "total".to_owned(),
            GroupBy::Day => get("timestamp")
                .unwrap_or_default()
                .chars()
                .take(10)
                .collect(),
            GroupBy::Model => format!(
                "{} ({})",
                get("model").unwrap_or_default(),
                get("provider").unwrap_or_default()
            ),
            GroupBy::Repo => get("repo").unwrap_or_default().to_owned(),
        };
        let totals = summary.groups.entry(key).or_default();
        totals.calls += 1;
        totals.errors += u64::from(get("status").is_some_and(|s| s != "ok"));
        totals.prompt_tokens += num("prompt_tokens").unwrap_or(0);
        totals.completion_tokens += num("completion_tokens").unwrap_or(0);
        totals.duration_ms += num("duration_ms").unwrap_or(0);
        totals.cost_usd += get("cost_usd")
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|v| v.is_finite())
            .unwrap_or(0.0);
    }
    Ok(summary)
}

/// Renders the summary as an aligned table.
pub fn render(summary: &Summary, by: GroupBy) -> String {
    let label = match by {
        GroupBy::Total => "",
        GroupBy::Day => "day",
        GroupBy::Model => "model",
        GroupBy::Repo => "repo",
    };
    let width = summary
        .groups
        .keys()
        .map(String::len)
        .chain([label.len(), 5])
        .max()
        .unwrap_or(5);
    let mut out = format!(
        "{label:<width$}  {:>7}  {:>6}  {:>12}  {:>12}  {:>10}\n",
        "calls", "errors", "prompt tok", "output tok", "cost USD"
    );
    for (key, t) in &summary.groups {
        out.push_str(&format!(
            "{key:<width$}  {:>7}  {:>6}  {:>12}  {:>12}  {:>10.4}\n",
            t.calls, t.errors, t.prompt_tokens, t.completion_tokens, t.cost_usd
        ));
    }
    if summary.groups.is_empty() {
        out.push_str("no model calls recorded\n");
    }
    if summary.skipped > 0 {
        out.push_str(&format!(
            "({} skipped; the file is left as it is)\n",
            plural(summary.skipped, "unreadable line", "unreadable lines")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn row(model: &str, day: &str, tokens: u64) -> UsageRow {
        UsageRow {
            timestamp: parse_day(day).unwrap() + Duration::from_secs(3600),
            command: "msg".into(),
            repo: "demo".into(),
            provider: "openai".into(),
            model: model.into(),
            prompt_tokens: tokens,
            completion_tokens: 10,
            cost_usd: 0.001,
            duration_ms: 120,
            attempts: 1,
            status: Status::Ok,
            estimated: false,
            subject: "feat: a subject, with \"quotes\" and a very long tail that goes on and on"
                .into(),
        }
    }

    #[test]
    fn header_once_then_rows_and_summary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/usage.csv");
        append(&path, &row("gpt-4o-mini", "2026-11-01", 100)).unwrap();
        append(&path, &row("gpt-4o-mini", "2026-11-02", 200)).unwrap();
        append(&path, &row("claude", "2026-11-02", 50)).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches("timestamp,command").count(), 1);
        assert_eq!(text.lines().count(), 4);
        assert!(
            !text.contains("goes on and on"),
            "subject is cut to 50 chars"
        );

        let all = summarise(&path, None, GroupBy::Total).unwrap();
        assert_eq!(all.groups["total"].calls, 3);
        assert_eq!(all.groups["total"].prompt_tokens, 350);
        let by_model = summarise(&path, None, GroupBy::Model).unwrap();
        assert_eq!(by_model.groups["gpt-4o-mini (openai)"].calls, 2);
        let since = summarise(&path, Some(parse_day("2026-11-02").unwrap()), GroupBy::Day).unwrap();
        assert_eq!(since.groups.keys().collect::<Vec<_>>(), ["2026-11-02"]);
        assert!(render(&since, GroupBy::Day).contains("2026-11-02"));
    }

    #[test]
    fn corrupt_file_is_kept_and_appended_to() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("usage.csv");
        let junk = "timestamp,old_column\nnot,a,row\n\u{0}\u{1}garbage\n";
        std::fs::write(&path, junk).unwrap();
        append(&path, &row("m", "2026-11-03", 7)).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(junk), "existing bytes untouched");
        // The old header has no `timestamp` values we can read, so rows after it are skipped
        // until a row in our format, which is read by the current column names.
        let summary = summarise(&path, None, GroupBy::Total).unwrap();
        assert!(summary.skipped >= 2);
    }

    #[test]
    fn skipped_lines_are_counted_in_words() {
        let one = Summary {
            skipped: 1,
            ..Summary::default()
        };
        assert!(render(&one, GroupBy::Total).contains("(1 unreadable line skipped;"));
        let two = Summary {
            skipped: 2,
            ..Summary::default()
        };
        assert!(render(&two, GroupBy::Total).contains("(2 unreadable lines skipped;"));
    }

    #[test]
    fn concurrent_writers_each_add_one_whole_row() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("usage.csv");
        std::thread::scope(|s| {
            for i in 0..50 {
                let path = &path;
                s.spawn(move || append(path, &row("m", "2026-11-04", i)).unwrap());
            }
        });
        let summary = summarise(&path, None, GroupBy::Total).unwrap();
        assert_eq!(summary.groups["total"].calls, 50);
        assert_eq!(summary.skipped, 0);
        assert_eq!(summary.groups["total"].prompt_tokens, (0..50).sum::<u64>());
    }

    #[test]
    fn bad_date_is_a_clear_error() {
        assert!(
            parse_day("someday")
                .unwrap_err()
                .to_string()
                .contains("YYYY-MM-DD")
        );
    }

    #[test]
    fn relative_days_start_at_utc_midnight() {
        let now = parse_day("2026-12-04").unwrap() + Duration::from_secs(15 * 3600);
        let day = |text| parse_day_at(text, now).unwrap();
        assert_eq!(day("today"), parse_day("2026-12-04").unwrap());
        assert_eq!(day("yesterday"), parse_day("2026-12-03").unwrap());
        assert_eq!(day("3 days ago"), parse_day("2026-12-01").unwrap());
        assert_eq!(day("2 weeks ago"), parse_day("2026-11-20").unwrap());
        assert_eq!(day("7d"), parse_day("2026-11-27").unwrap());
        assert!(parse_day_at("3 fortnights ago", now).is_err());
    }
}
