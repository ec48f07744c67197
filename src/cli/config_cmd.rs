//! `git herald config path|show`.

use super::ConfigCommand;
use crate::config::{self, Env, Overrides};
use crate::error::Error;
use crate::git::Repo;
use crate::ui;

pub(super) fn run(command: ConfigCommand, env: &Env) -> Result<(), Error> {
    let repo = Repo::discover().ok();
    let work_dir = repo.as_ref().and_then(Repo::work_dir);
    match command {
        ConfigCommand::Path => {
            let user = env.user_file().map_or_else(
                || "(none on this platform)".into(),
                |p| p.display().to_string(),
            );
            let mut out = format!("user: {user}\n");
            if let Some(dir) = work_dir {
                out.push_str(&format!(
                    "repo: {}\n",
                    dir.join(config::REPO_FILE).display()
                ));
            }
            if let Ok(config) = config::resolve(env, work_dir, &Overrides::default())
                && let Some(path) = config.settings.usage_path
            {
                out.push_str(&format!("usage: {}\n", path.display()));
            }
            ui::out(&out)
        }
        ConfigCommand::Show => {
            let config = config::resolve(env, work_dir, &Overrides::default())?;
            let mut out = String::new();
            for (key, (value, layer)) in &config.origins {
                out.push_str(&format!("{key} = {value}  # {layer}\n"));
            }
            ui::out(&out)
        }
    }
}
