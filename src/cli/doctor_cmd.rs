//! `git herald doctor`: runs the set-up checks of `git_herald::doctor` and prints the report; exits
//! 1 when one fails, so CI can run it.

use super::DoctorArgs;
use crate::cli::error::{CliError, CommandError};
use crate::cli::ui;
use git_herald::config::{self, Env, Overrides};
use git_herald::doctor::{self, Check, Mark};
use git_herald::filter::Filter;
use git_herald::git::{Reader, Repo};
use git_herald::history::{Budget, History};
use git_herald::hook;
use git_herald::llm::{probe, select};

pub(super) fn run(args: &DoctorArgs, env: &Env) -> Result<(), CommandError> {
    let repo = Repo::discover().ok();
    let work_dir = repo.as_ref().and_then(Repo::work_dir);
    let mut checks = vec![match (&repo, work_dir) {
        (Some(_), Some(dir)) => Check::ok(format!(
            "repository `{}`",
            dir.components().collect::<std::path::PathBuf>().display()
        )),
        (Some(repo), None) => {
            Check::ok(format!("repository `{}` (bare)", repo.git_dir().display()))
        }
        (None, _) => Check::skip("not in a git repository: repository checks skipped"),
    }];
    if let (Some(repo), Some(_)) = (&repo, work_dir) {
        checks.push(match repo.reader() {
            Reader::Libgit2 => Check::ok("staged changes read by libgit2"),
            Reader::GitCli(why) => Check::ok(format!(
                "staged changes read by `git diff --cached` (libgit2 cannot read this \
                 repository: {why})"
            )),
        });
    }
    let resolved = config::resolve(env, work_dir, &Overrides::default());
    checks.extend(doctor::config_checks(env, work_dir, &resolved));
    match &resolved {
        Ok(config) => {
            let settings = &config.settings;
            if let Some(repo) = &repo {
                checks.push(doctor::conventions_check(&settings.style));
                let history = History::open(repo, Budget::Unlimited);
                let staged: Vec<String> = Filter::new(&settings.filter)
                    .ok()
                    .and_then(|filter| repo.staged(&filter).ok())
                    .unwrap_or_default()
                    .iter()
                    .map(|e| e.change.path.to_string())
                    .collect();
                let staged: Vec<&str> = staged.iter().map(String::as_str).collect();
                checks.push(doctor::house_check(&history, &settings.style, &staged));
            }
            let runtime = super::runtime()?;
            let engine = runtime.block_on(select::choose(settings, env));
            checks.push(doctor::engine_check(&engine, config, env));
            if let Ok(engine) = &engine {
                let probed = match engine {
                    select::Engine::Model { client, .. } if !args.no_network => {
                        Some(runtime.block_on(probe::probe(client, probe::WAIT)))
                    }
                    _ => None,
                };
                checks.extend(doctor::key_checks(engine, probed.as_ref()));
            }
            checks.push(doctor::path_check(
                "usage log",
                settings.usage_path.as_deref(),
                false,
                "usage.path",
            ));
            checks.push(doctor::path_check(
                "cache",
                settings.cache_dir.as_deref(),
                true,
                "cache.path",
            ));
            checks.push(doctor::proxy_check(Some(config), env));
        }
        Err(_) => {
            checks.push(Check::skip(
                "engine, key, usage log and cache: not checked until the configuration loads",
            ));
            checks.push(doctor::proxy_check(None, env));
        }
    }
    if let Some(repo) = &repo {
        let exe =
            std::env::current_exe().map_err(CommandError::io("find this program's own path"))?;
        checks.extend(doctor::hook_checks(&hook::state(repo, &exe)));
    }
    ui::out(&render(&checks, ui::colour_stdout()))?;
    match doctor::failures(&checks) {
        0 => Ok(()),
        failed => Err(CliError::ChecksFailed(failed).into()),
    }
}

/// Renders the report, one line per check: `✓`/`!`/`✗` marks in colour, or the words `ok`,
/// `warn`, `error` and `skip` without it.
fn render(checks: &[Check], colour: bool) -> String {
    let mut out = String::new();
    for check in checks {
        let (symbol, word, style) = match check.mark {
            Mark::Ok => ("✓", "ok", console::Style::new().green()),
            Mark::Skip => ("-", "skip", console::Style::new().dim()),
            Mark::Warn => ("!", "warn", console::Style::new().yellow()),
            Mark::Fail => ("✗", "error", console::Style::new().red().bold()),
        };
        let text = visible(&check.text);
        if colour {
            let mark = style.force_styling(true).apply_to(symbol);
            out.push_str(&format!("{mark} {text}"));
        } else {
            out.push_str(&format!("{word:<5} {text}"));
        }
        if let Some(fix) = &check.fix {
            out.push_str(&format!(" — fix: {}", visible(fix)));
        }
        out.push('\n');
        let indent = if colour { "    " } else { "        " };
        for line in &check.details {
            out.push_str(&format!("{indent}{}\n", visible(line)));
        }
    }
    out
}

/// Shows control characters as escapes (`\u{1b}`): paths, subjects and config text come from
/// the repository, and raw ESC or newline bytes would drive the terminal or forge a line.
fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use git_herald::doctor::failures;

    #[test]
    fn render_uses_words_without_colour_and_marks_with_it() {
        let checks = vec![
            Check::ok("fine"),
            Check::fail("broken", Some("mend it".into())),
        ];
        let plain = render(&checks, false);
        assert_eq!(plain, "ok    fine\nerror broken — fix: mend it\n");
        let coloured = render(&checks, true);
        assert!(
            coloured.contains("✓") && coloured.contains("\u{1b}["),
            "{coloured}"
        );
        assert_eq!(failures(&checks), 1);
    }
}
