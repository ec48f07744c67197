//! `git herald usage`: totals from the usage log.

use super::{UsageArgs, UsageGroup};
use crate::cli::error::CommandError;
use crate::cli::ui;
use git_herald::config::Env;

pub(super) fn run(args: &UsageArgs, env: &Env) -> Result<(), CommandError> {
    use git_herald::usage::{self, GroupBy};
    let (_, config) = super::here(env)?;
    let Some(path) = config.settings.usage_path else {
        return ui::out("the usage log is turned off (`usage.enabled = false`)\n");
    };
    let since = args.since.as_deref().map(usage::parse_day).transpose()?;
    let by = match args.by {
        UsageGroup::Total => GroupBy::Total,
        UsageGroup::Day => GroupBy::Day,
        UsageGroup::Model => GroupBy::Model,
        UsageGroup::Repo => GroupBy::Repo,
    };
    let summary = usage::summarise(&path, since, by)?;
    ui::out(&usage::render(&summary, by))
}
