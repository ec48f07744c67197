//! `git herald usage`: totals from the usage log.

use super::{UsageArgs, UsageGroup};
use crate::config::{self, Env, Overrides};
use crate::error::Error;
use crate::git::Repo;
use crate::ui;

pub(super) fn run(args: &UsageArgs, env: &Env) -> Result<(), Error> {
    use crate::usage::{self, GroupBy};
    let repo = Repo::discover().ok();
    let config = config::resolve(
        env,
        repo.as_ref().and_then(Repo::work_dir),
        &Overrides::default(),
    )?;
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
