//! `git herald changelog` and `git herald release-notes`.

use super::msg::repo_name;
use super::{ChangelogArgs, ChangelogFormat, HistoryArgs, ReleaseNotesArgs};
use crate::cli::error::CommandError;
use crate::cli::ui;
use git_herald::config::{self, Env, Overrides};
use git_herald::git::Repo;
use git_herald::usage::Command;

/// Resolves the configuration of a history command, printing its warnings.
fn history_config(repo: &Repo, env: &Env) -> Result<config::Settings, CommandError> {
    let config = config::resolve(env, repo.work_dir(), &Overrides::default())?;
    for warning in &config.warnings {
        let _ = ui::err(&format!("warning: {warning}"));
    }
    Ok(config.settings)
}

/// Lets a model rewrite the releases' sections when one is available (the text streams to
/// stderr on a terminal), and prints its notes and warnings.
fn rewrite_with_model(
    log: &mut git_herald::changelog::Changelog,
    settings: &config::Settings,
    env: &Env,
    command: git_herald::usage::Command,
    repo: &Repo,
) {
    let mut live = ui::Live::new(ui::StreamTo::Stderr, false, true);
    let notes = match super::runtime() {
        Ok(runtime) => runtime.block_on(git_herald::changelog::rewrite(
            log,
            settings,
            env,
            command,
            &repo_name(Some(repo)),
            &mut live,
        )),
        Err(err) => vec![format!(
            "warning: the model could not write the changelog ({}); wrote it without one",
            crate::cli::error::one_line(&err)
        )],
    };
    live.streamer.finish("");
    for note in &notes {
        let _ = ui::err(note);
    }
}

/// Learns the house changelog from `file` (the `--prepend` file, else `CHANGELOG.md` at the top
/// of the work tree) and applies it: its sections and hidden types where the configuration
/// keeps the built-in ones, and its Markdown style, which is returned.
fn learn_house(
    repo: &Repo,
    settings: &mut config::Settings,
    file: Option<&std::path::Path>,
) -> Option<git_herald::changelog::Style> {
    use git_herald::changelog::{self, Options};
    let path = match file {
        Some(path) => path.to_owned(),
        None => repo.work_dir()?.join("CHANGELOG.md"),
    };
    let text = std::fs::read_to_string(path).ok()?;
    let house = changelog::learn(&text)?;
    let builtin = Options::default();
    if !house.sections.is_empty() {
        if settings.changelog.sections == builtin.sections {
            settings.changelog.sections = house.sections;
        }
        if settings.changelog.hidden == builtin.hidden {
            settings.changelog.hidden = house.hidden;
        }
    }
    Some(house.style)
}

/// Prints what the reader should know about the tags.
fn print_warnings(log: &git_herald::changelog::Changelog) {
    for warning in &log.warnings {
        let _ = ui::err(&format!("warning: {warning}"));
    }
}

impl HistoryArgs {
    /// The project's own changelog style, unless `--builtin-style`.
    fn house(
        &self,
        repo: &Repo,
        settings: &mut config::Settings,
        file: Option<&std::path::Path>,
    ) -> Option<git_herald::changelog::Style> {
        (!self.builtin_style)
            .then(|| learn_house(repo, settings, file))
            .flatten()
    }

    /// Which commits count, and whether contributors are gathered: when asked, when the house
    /// credits them, or when the output is structured data (JSON, a template).
    fn scope(
        &self,
        house: Option<&git_herald::changelog::Style>,
        structured: bool,
    ) -> git_herald::changelog::Scope {
        git_herald::changelog::Scope {
            package: self.package.clone(),
            include_paths: self.include_path.clone(),
            contributors: self.contributors
                || house.is_some_and(|h| h.contributors.is_some())
                || structured,
        }
    }
}

pub(super) fn changelog(args: &ChangelogArgs, env: &Env) -> Result<(), CommandError> {
    use git_herald::changelog::{self, ChangelogError};
    if args.prepend.is_some() && args.format == Some(ChangelogFormat::Json) {
        return Err(ChangelogError::PrependJson.into());
    }
    let repo = Repo::discover()?;
    let mut settings = history_config(&repo, env)?;
    let house = args
        .shared
        .house(&repo, &mut settings, args.prepend.as_deref());
    // The structured data always carries the contributors; Markdown when asked.
    let structured = args.format == Some(ChangelogFormat::Json)
        || (args.format.is_none()
            && args.prepend.is_none()
            && (args.template.is_some() || settings.changelog.template.is_some()));
    let scope = args.shared.scope(house.as_ref(), structured);
    let mut log = changelog::collect_scoped(
        &repo,
        &settings,
        &args.target(),
        args.tag.as_deref(),
        &scope,
    )?;
    if let Some(style) = house {
        log.style = style;
    }
    print_warnings(&log);
    // `--format` and `--prepend` write the built-in formats; else a template, when set.
    let template = match (args.format, &args.prepend) {
        (None, None) => args
            .template
            .as_ref()
            .or(settings.changelog.template.as_ref()),
        _ => None,
    };
    // JSON and templates are the structured data, which a model does not rewrite.
    if args.format != Some(ChangelogFormat::Json) && template.is_none() && !args.shared.offline {
        rewrite_with_model(&mut log, &settings, env, Command::Changelog, &repo);
    }
    if let Some(path) = &args.prepend {
        for done in changelog::prepend_file(path, &log, args.replace)? {
            ui::err(&format!("{}: {done}", path.display()))?;
        }
        return Ok(());
    }
    let text = match (args.format, template) {
        (Some(ChangelogFormat::Json), _) => {
            changelog::render_json(&log.releases, log.remote.as_ref())
        }
        (None, Some(path)) => {
            changelog::render_template_file(path, Command::Changelog.name(), &log)?
        }
        _ => changelog::render_markdown_styled(&log.releases, log.remote.as_ref(), &log.style),
    };
    match &args.output {
        Some(path) => Ok(changelog::write_file(path, &text)?),
        None => ui::out(&text),
    }
}

pub(super) fn release_notes(args: &ReleaseNotesArgs, env: &Env) -> Result<(), CommandError> {
    use git_herald::changelog::{self, Selection, Target};
    let repo = Repo::discover()?;
    let mut settings = history_config(&repo, env)?;
    let house = args.shared.house(&repo, &mut settings, None);
    // `--bump`: the commits after the latest tag, named as the next version.
    let target = if args.bump {
        Target::Tags(Selection::Unreleased)
    } else {
        let tag = changelog::notes_tag(&repo, &settings, env, args.tag.as_deref())?;
        Target::Tags(Selection::Tag(tag))
    };
    let structured = args.template.is_some() || settings.changelog.template.is_some();
    let scope = args.shared.scope(house.as_ref(), structured);
    let mut log = changelog::collect_scoped(&repo, &settings, &target, None, &scope)?;
    print_warnings(&log);
    if args.bump
        && let Some(release) = log.releases.first_mut()
    {
        let (_, head_time) = repo
            .resolve_commit("HEAD")
            .map_err(changelog::ChangelogError::from)?;
        let tag = changelog::name_next(release, head_time);
        ui::err(&format!(
            "next version: {tag} ({} bump from {})",
            format!("{:?}", changelog::bump_of(release)).to_lowercase(),
            release
                .span
                .previous
                .as_deref()
                .unwrap_or("the first commit")
        ))?;
    }
    let template = args
        .template
        .as_ref()
        .or(settings.changelog.template.as_ref());
    if template.is_none() && !args.shared.offline {
        rewrite_with_model(&mut log, &settings, env, Command::ReleaseNotes, &repo);
    }
    let Some(notes_of) = log.releases.first() else {
        return Ok(());
    };
    let notes = match template {
        Some(path) => changelog::render_template_file(path, Command::ReleaseNotes.name(), &log)?,
        None => changelog::render_notes_styled(notes_of, log.remote.as_ref(), &log.style),
    };
    match &args.output {
        Some(path) => changelog::write_file(path, &notes)?,
        None => ui::out(&notes)?,
    }
    changelog::write_github(env, notes_of, &notes)?;
    if let (Some(dotenv), Some(output)) = (&args.dotenv, &args.output) {
        changelog::write_dotenv(dotenv, notes_of, output)?;
    }
    Ok(())
}
