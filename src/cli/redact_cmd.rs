//! `git herald redact`: what would be redacted, or the redacted text.

use super::RedactArgs;
use crate::cli::error::CommandError;
use crate::cli::ui;
use git_herald::config::Env;
use git_herald::filter::Filter;
use git_herald::git::Repo;
use git_herald::pipeline::{self, Source};
use git_herald::redact::{Finding, StreamError, by_rule};
use std::io::Write as _;

/// `git herald redact [PATH|-] [--print]`: what would be redacted, or the redacted text.
pub(super) fn run(args: &RedactArgs, env: &Env) -> Result<(), CommandError> {
    use git_herald::redact::Redactor;
    let (repo, config) = super::here(env)?;
    let redactor = Redactor::new(&config.settings.redact)?;
    let (text, findings): (Vec<u8>, Vec<Finding>) = match &args.path {
        Some(path) => {
            // Streamed: a piece at a time is redacted and printed (with `--print`), so a large
            // input is never held whole, nor twice.
            let (mut input, label): (Box<dyn std::io::Read>, String) = if path.as_os_str() == "-" {
                (Box::new(std::io::stdin().lock()), "<stdin>".to_owned())
            } else {
                // A file's name may hold a secret too: never print it as it is.
                let label = redactor.redact_name(path.as_os_str().as_encoded_bytes());
                let file = std::fs::File::open(path)
                    .map_err(CommandError::io(format!("read `{label}`")))?;
                (Box::new(file), path.display().to_string())
            };
            let mut stdout = std::io::stdout().lock();
            let mut emit = |piece: &[u8]| {
                if args.print {
                    stdout.write_all(piece)
                } else {
                    Ok(())
                }
            };
            let findings = match redactor.redact_stream(&mut input, &label, &mut emit) {
                Ok(findings) => findings,
                Err(StreamError::Read(e)) => {
                    return Err(CommandError::io(format!(
                        "read `{}`",
                        redactor.redact_name(label.as_bytes())
                    ))(e));
                }
                Err(StreamError::Emit(e)) => {
                    return Err(CommandError::io("write to stdout")(e));
                }
            };
            stdout
                .flush()
                .map_err(CommandError::io("write to stdout"))?;
            if args.print {
                summary(&findings)?;
                return Ok(());
            }
            (Vec::new(), findings)
        }
        None => {
            let repo = match repo {
                Some(repo) => repo,
                None => Repo::discover()?,
            };
            let filter = Filter::new(&config.settings.filter)?;
            let entries = pipeline::collect(Source::Staged(&repo), &filter)?;
            let redacted = redactor.redact_diff(&entries);
            let mut text = redacted.render_text().as_bytes().to_vec();
            for line in redacted.stats_lines() {
                text.extend_from_slice(line.as_bytes());
                text.push(b'\n');
            }
            (text, redacted.findings().to_vec())
        }
    };
    if args.print {
        summary(&findings)?;
        return ui::out_bytes(&text);
    }
    if findings.is_empty() {
        return ui::out("no secrets found\n");
    }
    let width = findings
        .iter()
        .map(|f| f.rule.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!("{:<width$}  WHERE\n", "RULE");
    for f in &findings {
        if f.line == 0 {
            out.push_str(&format!("{:<width$}  {} (path)\n", f.rule, f.file));
        } else {
            out.push_str(&format!("{:<width$}  {}:{}\n", f.rule, f.file, f.line));
        }
    }
    let noun = git_herald::text::noun(findings.len(), "secret", "secrets");
    out.push_str(&format!(
        "\n{} {noun}: {}\n",
        findings.len(),
        by_rule(&findings)
    ));
    ui::out(&out)
}

/// Says on stderr how many secrets were redacted, by rule.
fn summary(findings: &[Finding]) -> Result<(), CommandError> {
    if findings.is_empty() {
        return Ok(());
    }
    let noun = git_herald::text::noun(findings.len(), "secret", "secrets");
    ui::err(&format!(
        "redacted {} {noun}: {}",
        findings.len(),
        by_rule(findings)
    ))
}
