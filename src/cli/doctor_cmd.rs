//! `git herald doctor`: runs the set-up checks of `crate::doctor` and prints the report; exits
//! 1 when one fails, so CI can run it.

use super::DoctorArgs;
use crate::config::{self, Env, Overrides};
use crate::doctor::{self, Check};
use crate::error::Error;
use crate::git::Repo;
use crate::llm::{probe, select};
use crate::{hook, ui};

pub(super) fn run(args: &DoctorArgs, env: &Env) -> Result<(), Error> {
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
    let resolved = config::resolve(env, work_dir, &Overrides::default());
    checks.extend(doctor::config_checks(env, work_dir, &resolved));
    match &resolved {
        Ok(config) => {
            let settings = &config.settings;
            if repo.is_some() {
                checks.push(doctor::conventions_check(&settings.style));
            }
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(Error::io("start the async runtime"))?;
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
        let exe = std::env::current_exe().map_err(Error::io("find this program's own path"))?;
        checks.extend(doctor::hook_checks(&hook::state(repo, &exe)));
    }
    ui::out(&doctor::render(&checks, ui::colour_stdout()))?;
    match doctor::failures(&checks) {
        0 => Ok(()),
        failed => Err(Error::ChecksFailed(failed)),
    }
}
