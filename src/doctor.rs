//! `git herald doctor`: each check as plain data (a mark, one line, the fix). The checks cover
//! the configuration files and where each key came from, the engine and why it was chosen,
//! whether the key is accepted, the hook, the usage log and cache directories, and the proxy.
//! Nothing here prints; the face renders the report.

use crate::config::env_vars;
use crate::config::{Config, ConfigError, Env, Layer, mask_url};
use crate::hook::{BACKUP_NAME, HOOK_NAME, HookState, Installed};
use crate::llm::LlmError;
use crate::llm::probe::Probe;
use crate::llm::select::{self, Engine};
use crate::llm::wire::Wire;
use std::path::Path;

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Ok,
    /// Not checked (no repository, `--no-network`, nothing to check).
    Skip,
    /// Works, but worth a look; exit status stays 0.
    Warn,
    /// Broken; `doctor` exits 1.
    Fail,
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub mark: Mark,
    pub text: String,
    /// The next step, for warnings and failures.
    pub fix: Option<String>,
    /// Lines shown indented under it (the keys a file sets).
    pub details: Vec<String>,
}

impl Check {
    fn new(mark: Mark, text: impl Into<String>, fix: Option<String>) -> Self {
        Check {
            mark,
            text: text.into(),
            fix,
            details: Vec::new(),
        }
    }

    /// A check that passed.
    pub fn ok(text: impl Into<String>) -> Self {
        Check::new(Mark::Ok, text, None)
    }

    /// A check that was not made.
    pub fn skip(text: impl Into<String>) -> Self {
        Check::new(Mark::Skip, text, None)
    }

    /// A problem that does not stop anything.
    pub fn warn(text: impl Into<String>, fix: Option<String>) -> Self {
        Check::new(Mark::Warn, text, fix)
    }

    /// A problem that does.
    pub fn fail(text: impl Into<String>, fix: Option<String>) -> Self {
        Check::new(Mark::Fail, text, fix)
    }

    fn with_details(mut self, details: Vec<String>) -> Self {
        self.details = details;
        self
    }
}

/// Counts the failed checks.
pub fn failures(checks: &[Check]) -> usize {
    checks.iter().filter(|c| c.mark == Mark::Fail).count()
}

/// Returns the path an error is about, when it is about one file.
fn error_path(err: &ConfigError) -> Option<&Path> {
    match err {
        ConfigError::Read { path, .. }
        | ConfigError::Parse { path, .. }
        | ConfigError::Untrusted { path, .. }
        | ConfigError::Seconds { path, .. }
        | ConfigError::RepoTemplate { path, .. } => Some(path),
        _ => None,
    }
}

/// Says what is wrong with the configuration on one line, with the file, line and column of a
/// parse error.
fn describe(err: &ConfigError) -> String {
    match err {
        ConfigError::Parse { path, source } => {
            let shown = source.to_string();
            let at = shown
                .lines()
                .next()
                .and_then(|l| l.strip_prefix("TOML parse error at "))
                .map(|at| format!(" ({at})"))
                .unwrap_or_default();
            let message = source.message().trim().replace('\n', "; ");
            format!("invalid config file `{}`{at}: {message}", path.display())
        }
        ConfigError::Read { source, .. } => format!("{err}: {source}"),
        _ => err.to_string(),
    }
}

/// The non-default keys set by `layer`, as `key = value` lines (keys already masked).
fn keys_from(config: Option<&Config>, matches: impl Fn(&Layer) -> bool) -> Vec<String> {
    let Some(config) = config else {
        return Vec::new();
    };
    config
        .origins
        .iter()
        .filter(|(_, (_, layer))| matches(layer))
        .map(|(key, (value, layer))| match layer {
            Layer::Env(var) => format!("{key} = {value}  (`{var}`)"),
            _ => format!("{key} = {value}"),
        })
        .collect()
}

/// Checks the configuration files: which were read, the keys each set, and what failed.
pub fn config_checks(
    env: &Env,
    work_dir: Option<&Path>,
    resolved: &Result<Config, ConfigError>,
) -> Vec<Check> {
    let mut checks = Vec::new();
    let config = resolved.as_ref().ok();
    let failed = resolved.as_ref().err();
    let failed_path = failed.and_then(error_path);
    let mut reported = false;
    let mut file_check = |what: &str, path: &Path, checks: &mut Vec<Check>| {
        if failed_path == Some(path) {
            let err = failed.expect("a failed path comes from an error");
            checks.push(Check::fail(describe(err), err.hint()));
            reported = true;
        } else if !path.exists() {
            checks.push(Check::ok(format!(
                "{what} `{}`: none (nothing set there)",
                path.display()
            )));
        } else if failed.is_some() {
            checks.push(Check::skip(format!(
                "{what} `{}`: not read (see the error)",
                path.display()
            )));
        } else {
            let details = keys_from(config, |layer| match layer {
                Layer::User(p) | Layer::Repo(p) => p == path,
                _ => false,
            });
            checks.push(
                Check::ok(format!(
                    "{what} `{}`: read, {} key{}",
                    path.display(),
                    details.len(),
                    if details.len() == 1 { "" } else { "s" }
                ))
                .with_details(details),
            );
        }
    };
    match env.user_file() {
        Some(path) => file_check("user config", &path, &mut checks),
        None => checks.push(Check::warn(
            "user config: this platform has no config directory",
            Some("set `GIT_HERALD_CONFIG` to the file's path".into()),
        )),
    }
    if let Some(dir) = work_dir {
        let path = dir.join(crate::config::REPO_FILE);
        if env.repo_config_ignored() {
            checks.push(Check::skip(format!(
                "repo config `{}`: ignored (`{}` is set)",
                path.display(),
                env_vars::NO_REPO_CONFIG
            )));
        } else {
            file_check("repo config", &path, &mut checks);
        }
    }
    if let Some(err) = failed
        && !reported
    {
        checks.push(Check::fail(describe(err), err.hint()));
    }
    let from_env = keys_from(config, |layer| matches!(layer, Layer::Env(_)));
    if !from_env.is_empty() {
        checks.push(
            Check::ok(format!(
                "environment: {} key{} set by `GIT_HERALD_*` variables",
                from_env.len(),
                if from_env.len() == 1 { "" } else { "s" }
            ))
            .with_details(from_env),
        );
    }
    if let Some(config) = config {
        for warning in &config.warnings {
            checks.push(Check::warn(warning.clone(), None));
        }
    }
    checks
}

/// Says what the repository's history shows: its house style and the evidence for it,
/// whether messages follow it, and the scopes or areas known for the staged paths.
pub fn house_check(
    history: &crate::history::History,
    style: &crate::message::Style,
    staged: &[&str],
) -> Check {
    use crate::history::{Form, Origin};
    let Some(house) = history.house() else {
        return Check::ok(format!(
            "house style: too little history to tell ({}); messages are Conventional Commits",
            crate::text::plural(history.commits.len(), "commit", "commits")
        ));
    };
    let follows = if !style.follow_house {
        "not followed: `message.conventional` is set"
    } else if style.conventions.decides_form() {
        "not followed: the repository's commit rules ask for Conventional Commits"
    } else {
        "followed (`message.conventional = \"auto\"`)"
    };
    let mut details = Vec::new();
    let how = match history.origin {
        Origin::Empty => "empty".to_owned(),
        Origin::Stored => "up to date".to_owned(),
        Origin::Updated(n) => format!("{} added now", crate::text::plural(n, "commit", "commits")),
        Origin::Built => "built now".to_owned(),
    };
    details.push(format!(
        "index: {} ({how}{})",
        crate::text::plural(history.commits.len(), "commit", "commits"),
        if history.complete { "" } else { ", partial" }
    ));
    let list = |items: &[(String, usize)]| {
        items
            .iter()
            .take(8)
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !house.types.is_empty() {
        details.push(format!("types used: {}", list(&house.types)));
    }
    if !house.prefixes.is_empty() {
        let what = if house.form == Form::Area {
            "areas"
        } else {
            "scopes"
        };
        details.push(format!("{what} used: {}", list(&house.prefixes)));
    }
    if staged.is_empty() {
        details.push("staged paths: none staged".into());
    } else {
        let advice = history.advise(staged, None);
        let known: Vec<String> = advice
            .prefixes
            .iter()
            .take(5)
            .map(|(p, _)| p.clone())
            .collect();
        let form = advice.form.map_or("Conventional Commits", |f| match f {
            Form::Conventional => "Conventional Commits",
            Form::Area => "`area: summary`",
            Form::Plain => "a plain sentence",
        });
        if let Some(own) = &advice.own {
            details.push(own.clone());
        }
        details.push(format!(
            "staged paths: {}; written as {form}",
            if known.is_empty() {
                "no scope or area known".to_owned()
            } else {
                format!("scopes or areas known: {}", known.join(", "))
            }
        ));
    }
    Check::ok(format!("house style: {}; {follows}", house.describe())).with_details(details)
}

/// Says which engine writes messages and why.
/// Says which commit conventions of the repository messages follow, rule by rule, with where
/// each came from (commitlint, cocogitto, git-cliff or `message.types`/`scopes`).
pub fn conventions_check(style: &crate::message::Style) -> Check {
    let c = &style.conventions;
    let mut details = Vec::new();
    if let Some(rule) = &c.types {
        details.push(format!("types {} ({})", rule.value.join(", "), rule.origin));
    }
    if let Some(rule) = &c.scopes {
        details.push(format!(
            "scopes {} ({})",
            rule.value.join(", "),
            rule.origin
        ));
    }
    if let Some(rule) = &c.scope_required {
        let what = if rule.value { "required" } else { "left out" };
        details.push(format!("scope {what} ({})", rule.origin));
    }
    if let Some(rule) = &c.scope_case {
        details.push(format!("scope {} ({})", rule.value.describe(), rule.origin));
    }
    if let Some(rule) = &c.subject_case {
        details.push(format!(
            "subject {} ({})",
            rule.value.describe(),
            rule.origin
        ));
    }
    if let Some(rule) = &c.header_max {
        details.push(format!(
            "header at most {} characters ({})",
            rule.value, rule.origin
        ));
    }
    let hint = c.type_hints.as_ref().map(|rule| {
        format!(
            "{} groups {} (a hint, not an allow-list)",
            rule.origin,
            rule.value.join(", ")
        )
    });
    if details.is_empty() {
        return match hint {
            Some(hint) => Check::ok(format!("conventions: none enforced; {hint}")),
            None => Check::ok(
                "conventions: none found (no commitlint, cocogitto or git-cliff rules; \
                 `message.types` unset)",
            ),
        };
    }
    details.extend(hint);
    let from = c
        .source
        .as_ref()
        .map(|p| format!(" from `{}`", p.display()))
        .unwrap_or_default();
    Check::ok(format!(
        "conventions{from}: messages follow {}",
        crate::text::plural(details.len(), "rule", "rules")
    ))
    .with_details(details)
}

pub fn engine_check(engine: &Result<Engine, LlmError>, config: &Config, env: &Env) -> Check {
    let settings = &config.settings;
    let configured = || {
        let layer = config
            .origins
            .get("provider")
            .map_or_else(|| "default".to_owned(), |(_, layer)| layer.to_string());
        format!("`provider = \"{}\"` from {layer}", settings.provider)
    };
    match engine {
        Ok(Engine::Offline { why: "configured" }) => {
            Check::ok(format!("engine: offline ({})", configured()))
        }
        Ok(Engine::Offline { why }) => {
            let why = if why.starts_with("no API key") {
                format!(
                    "no API key set and nothing listens on `{}`",
                    mask_url(&select::ollama_base(settings, env))
                )
            } else {
                (*why).to_owned()
            };
            Check::ok(format!("engine: offline ({why})")).with_details(vec![
                "set OPENAI_API_KEY or ANTHROPIC_API_KEY, or start Ollama, to use a model".into(),
            ])
        }
        Ok(Engine::Model { client, model, .. }) => {
            let endpoint = &client.endpoint;
            let why = if settings.provider != crate::config::Provider::Auto {
                configured()
            } else if endpoint.wire == Wire::Ollama {
                "a server answers there".to_owned()
            } else if endpoint.key.is_some() {
                format!("{} is set", endpoint.key_origin)
            } else {
                "`base-url` is set".to_owned()
            };
            Check::ok(format!(
                "engine: {}, model `{model}` at `{}` ({why})",
                endpoint.provider,
                mask_url(&endpoint.base_url)
            ))
        }
        Err(err) => Check::fail(format!("engine: {}", chain(err)), err.hint()),
    }
}

/// An error and its causes on one line.
fn chain(err: &dyn std::error::Error) -> String {
    let mut line = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !line.contains(&text) {
            line.push_str(": ");
            line.push_str(&text);
        }
        source = cause.source();
    }
    line
}

/// Says whether the provider accepted the key (and, for Ollama, has the model). `probe` is
/// `None` when the check was not made (`--no-network`).
pub fn key_checks(engine: &Engine, probe: Option<&Result<Option<Probe>, LlmError>>) -> Vec<Check> {
    let Engine::Model { client, model, .. } = engine else {
        return vec![Check::skip("key: none needed by the offline engine")];
    };
    let provider = client.endpoint.provider;
    let wire = client.endpoint.wire;
    let Some(probe) = probe else {
        return vec![Check::skip("key: not checked (`--no-network`)")];
    };
    match probe {
        Ok(None) => vec![Check::skip(format!(
            "key: not checked ({provider} has no listing call to try it on; a message will tell)"
        ))],
        Ok(Some(probe)) if wire == Wire::Ollama => {
            let mut checks = vec![Check::ok(format!(
                "ollama answers at `{}` with {} model{}",
                mask_url(&probe.url),
                probe.models.len(),
                if probe.models.len() == 1 { "" } else { "s" }
            ))];
            match probe.lists(model) {
                Some(true) => checks.push(Check::ok(format!("model `{model}` is pulled"))),
                Some(false) => checks.push(Check::fail(
                    format!("model `{model}` is not pulled on this Ollama server"),
                    Some(format!(
                        "`ollama pull {model}`, or set `model` to one of: {}",
                        probe.models.join(", ")
                    )),
                )),
                None => checks.push(Check::fail(
                    "the Ollama server has no models",
                    Some(format!("`ollama pull {model}`")),
                )),
            }
            checks
        }
        Ok(Some(probe)) => {
            let accepted = if client.endpoint.key.is_some() {
                format!("key accepted by {provider}")
            } else {
                format!("{provider} answers without a key")
            };
            let mut checks = vec![Check::ok(format!(
                "{accepted} (GET `{}`)",
                mask_url(&probe.url)
            ))];
            if probe.lists(model) == Some(false) {
                checks.push(Check::warn(
                    format!("model `{model}` is not in the list {provider} sent"),
                    Some("check `model` (or `--model`) against the provider's model list".into()),
                ));
            }
            checks
        }
        Err(LlmError::Http { status: 404, .. }) => vec![Check::warn(
            format!("key: not checked ({provider} has no model listing at this base URL)"),
            None,
        )],
        Err(err) => vec![Check::fail(chain(err), err.hint())],
    }
}

/// Checks the hook in this repository.
pub fn hook_checks(state: &HookState) -> Vec<Check> {
    let hook = state.dir.join(HOOK_NAME);
    let mut checks = Vec::new();
    let manager_fix = state.manager.map(|m| {
        format!(
            "add git-herald to {}'s configuration (`git herald hook install` prints the lines)",
            m.name()
        )
    });
    match (&state.installed, state.manager, &state.wired) {
        (Installed::None | Installed::Foreign, Some(manager), Some(file)) => {
            checks.push(Check::ok(format!(
                "hook: git-herald runs through {} (`{}`)",
                manager.name(),
                file.display()
            )));
        }
        (Installed::None | Installed::Foreign, _, _)
            if state.kept.as_ref().is_some_and(|k| k.runs) =>
        {
            let kept = state.kept.as_ref().map(|k| k.path.display().to_string());
            checks.push(Check::ok(format!(
                "hook: git-herald runs from `{}` (pre-commit's migration mode)",
                kept.unwrap_or_default()
            )));
        }
        (installed, ..) => checks.push(installed_check(installed, &hook, manager_fix)),
    }
    if let Some(kept) = state.kept.as_ref().filter(|k| !k.runs) {
        checks.push(Check::warn(
            format!(
                "`{}` is git-herald's hook, set aside by a hook manager; it no longer runs",
                kept.path.display()
            ),
            Some(
                "add git-herald to the manager (`git herald hook install` prints the lines), or \
                 `git herald hook uninstall` removes it"
                    .into(),
            ),
        ));
    }
    if state.backup {
        checks.push(Check::ok(format!(
            "hook chained: `{}` runs first",
            state.dir.join(BACKUP_NAME).display()
        )));
    }
    if let Some(path) = &state.hooks_path {
        checks.push(Check::ok(format!(
            "`core.hooksPath` is `{path}`: git runs hooks from there, not `.git/hooks`"
        )));
    }
    if let Some(manager) = state.manager {
        checks.push(Check::ok(format!(
            "hook manager: {} manages this repository's hooks",
            manager.name()
        )));
    }
    checks
}

/// The check of the hook file itself, when no manager runs git-herald.
fn installed_check(installed: &Installed, hook: &Path, manager_fix: Option<String>) -> Check {
    match installed {
        Installed::Ours { current: true } => {
            Check::ok(format!("hook installed at `{}`", hook.display()))
        }
        Installed::Ours { current: false } => Check::warn(
            format!(
                "hook at `{}` calls another git-herald binary or version",
                hook.display()
            ),
            Some("`git herald hook install` updates it".into()),
        ),
        Installed::None => Check::warn(
            format!("hook not installed (git would run `{}`)", hook.display()),
            Some(manager_fix.unwrap_or_else(|| {
                "`git herald hook install`, to write messages on `git commit`".into()
            })),
        ),
        Installed::Foreign => Check::warn(
            format!(
                "hook not installed: `{}` is another program's hook",
                hook.display()
            ),
            Some(manager_fix.unwrap_or_else(|| {
                "`git herald hook install --force` keeps it and runs it first".into()
            })),
        ),
    }
}

/// Checks that a file (`dir` false) or directory can be written, or created.
pub fn path_check(what: &str, path: Option<&Path>, dir: bool, key: &str) -> Check {
    let Some(path) = path else {
        return Check::skip(format!("{what}: off"));
    };
    match writable(path, dir) {
        Ok(true) => Check::ok(format!("{what} `{}` (writable)", path.display())),
        Ok(false) => Check::ok(format!(
            "{what} `{}` (created on first use)",
            path.display()
        )),
        Err(err) => Check::fail(
            format!("{what} `{}` is not writable: {err}", path.display()),
            Some(format!(
                "fix its permissions, or set `{key}` to another place"
            )),
        ),
    }
}

/// `Ok(true)` when it exists and can be written, `Ok(false)` when it can be created.
fn writable(path: &Path, dir: bool) -> std::io::Result<bool> {
    if path.exists() {
        if dir {
            let probe = path.join(format!(".git-herald-doctor-{}", std::process::id()));
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&probe)?;
            let _ = std::fs::remove_file(&probe);
        } else {
            std::fs::OpenOptions::new().append(true).open(path)?;
        }
        return Ok(true);
    }
    // Created on first use: the nearest existing ancestor must take a new entry.
    let mut ancestor = path.parent();
    while let Some(dir) = ancestor {
        if dir.exists() {
            writable(dir, true)?;
            return Ok(false);
        }
        ancestor = dir.parent();
    }
    Ok(false)
}

/// Says which proxy model calls go through: `proxy` from the configuration, else the first
/// of the `*_PROXY` variables.
pub fn proxy_check(config: Option<&Config>, env: &Env) -> Check {
    if let Some(config) = config
        && let Some(proxy) = &config.settings.proxy
    {
        let layer = config
            .origins
            .get("proxy")
            .map_or_else(String::new, |(_, layer)| format!(" from {layer}"));
        if let Err(err) = reqwest::Proxy::all(proxy.as_str()) {
            return Check::fail(
                format!(
                    "proxy `{}`{layer} is not a valid URL: {err}",
                    mask_url(proxy)
                ),
                Some("write it as `http://HOST:PORT` or `socks5://HOST:PORT`".into()),
            );
        }
        return Check::ok(format!("proxy `{}`{layer}", mask_url(proxy)));
    }
    let set = env_vars::PROXY_ENV
        .iter()
        .filter(|var| !var.eq_ignore_ascii_case("NO_PROXY"))
        .find_map(|var| env.get(var).map(|value| (var, value)));
    let no_proxy = ["NO_PROXY", "no_proxy"]
        .iter()
        .find_map(|var| env.get(var).map(|value| format!("{var} = {value}")));
    match set {
        Some((var, value)) => Check::ok(format!("proxy `{}` from `{var}`", mask_url(value)))
            .with_details(no_proxy.into_iter().collect()),
        None => Check::ok("proxy: none (direct connections)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_in_urls_are_masked() {
        assert_eq!(
            mask_url("http://alice:s3cret@proxy.example:3128"),
            "http://alice:****@proxy.example:3128/"
        );
        assert_eq!(
            mask_url("http://tok3n@proxy.example:3128"),
            "http://****@proxy.example:3128/"
        );
        assert_eq!(mask_url("http://127.0.0.1:3128"), "http://127.0.0.1:3128");
        assert_eq!(mask_url("user:pw@host:1"), "****@host:1");
        let query = mask_url("https://relay.example/v1?api-version=2024&api-key=sk-abc&code=x");
        assert_eq!(
            query,
            "https://relay.example/v1?api-version=2024&api-key=****&code=x"
        );
    }

    #[test]
    fn a_missing_path_counts_as_creatable() {
        let dir = tempfile::tempdir().unwrap();
        let check = path_check("cache", Some(&dir.path().join("a/b")), true, "cache.path");
        assert_eq!(check.mark, Mark::Ok, "{check:?}");
        assert!(check.text.contains("created on first use"));
        let check = path_check("cache", Some(dir.path()), true, "cache.path");
        assert!(check.text.contains("writable"), "{check:?}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "the probe file is removed and nothing is created"
        );
    }
}
