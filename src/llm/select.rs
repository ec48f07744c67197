//! Chooses the engine: the configured provider, or with `provider = "auto"` the first of
//! `OPENAI_API_KEY` → openai, `ANTHROPIC_API_KEY` → anthropic, a local Ollama server → ollama,
//! else the offline engine. Resolves the key, base URL and model for it.

use super::LlmError;
use super::client::{Client, Endpoint};
use super::models::{self, ModelInfo};
use super::wire::Wire;
use crate::config::env_vars;
use crate::config::{Env, KeySource, Provider, Secret, Settings};
use std::time::Duration;

/// Default model of each provider when none is configured.
pub const OPENAI_MODEL: &str = "gpt-4o-mini";
pub const ANTHROPIC_MODEL: &str = "claude-haiku-4-5";
const OPENAI_URL: &str = "https://api.openai.com/v1";
const ANTHROPIC_URL: &str = "https://api.anthropic.com";
const OLLAMA_URL: &str = "http://127.0.0.1:11434";
/// How long `auto` waits for a local Ollama server to answer.
const OLLAMA_PROBE: Duration = Duration::from_millis(200);

/// The engine that will write the message.
#[derive(Debug)]
pub enum Engine {
    /// The built-in engine, and why it was chosen.
    Offline { why: &'static str },
    /// A model behind an HTTP API.
    Model {
        client: Box<Client>,
        model: String,
        info: ModelInfo,
    },
}

impl Engine {
    /// Returns the line that says who writes the message: `herald: gpt-4o-mini via openai`.
    pub fn describe(&self) -> String {
        match self {
            Engine::Offline { why: "configured" } => "herald: offline engine".into(),
            Engine::Offline { why } => format!(
                "herald: offline engine ({why}; set OPENAI_API_KEY or ANTHROPIC_API_KEY, or \
                 start Ollama, to use a model)"
            ),
            Engine::Model { client, model, .. } => {
                format!("herald: {model} via {}", client.endpoint.provider)
            }
        }
    }
}

/// Resolves the key: git-herald's own (`api-key`, `api-key-cmd`, `GIT_HERALD_API_KEY`) first,
/// then the ecosystem's variable.
fn key(
    settings: &Settings,
    env: &Env,
    variable: &'static str,
) -> Result<Option<(Secret, String)>, LlmError> {
    match &settings.api_key {
        KeySource::Value(secret) => {
            return Ok(Some((
                secret.clone(),
                "`api-key` (user config) or `GIT_HERALD_API_KEY`".into(),
            )));
        }
        KeySource::Command(argv) => {
            // Within the call's own deadline (in the hook, well inside `hook.timeout`).
            let timeout = KEY_COMMAND_TIMEOUT.min(settings.network.deadline);
            return run_key_command(argv, timeout).map(Some);
        }
        KeySource::None => {}
    }
    Ok(env
        .get(variable)
        .map(|k| (Secret::new(k.trim()), format!("`{variable}`"))))
}

/// The longest `api-key-cmd` may take (a password manager asking for a PIN is quicker).
const KEY_COMMAND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Runs `api-key-cmd` without a shell and takes the first line it prints. It runs in a
/// process group of its own and is killed with its children when `timeout` expires (issue
/// 14: it was waited for forever, and the hook left it behind).
fn run_key_command(
    argv: &[String],
    timeout: std::time::Duration,
) -> Result<(Secret, String), LlmError> {
    use std::io::Read as _;
    use std::process::{Command, Stdio};
    let command = argv.join(" ");
    let fail = |detail: String| LlmError::KeyCommand {
        command: command.clone(),
        detail,
    };
    let (program, args) = argv
        .split_first()
        .ok_or_else(|| fail("it is empty".into()))?;
    let mut cmd = Command::new(program);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        // Its stderr may echo the secret: never read.
        .stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd.spawn().map_err(|e| fail(e.to_string()))?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = (&mut stdout).take(64 * 1024).read_to_end(&mut buf);
        buf
    });
    let start = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() >= timeout => {
                kill_group(&mut child);
                return Err(fail(format!(
                    "it did not finish within {:.1} s and was stopped",
                    timeout.as_secs_f64()
                )));
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(10)),
            Err(e) => {
                kill_group(&mut child);
                return Err(fail(e.to_string()));
            }
        }
    };
    // Children it left running would hold the pipe open: they go too.
    kill_group(&mut child);
    let output = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(fail(format!("it exited with {status}")));
    }
    let text = String::from_utf8_lossy(&output);
    let key = text.lines().next().unwrap_or_default().trim();
    if key.is_empty() {
        return Err(fail("it printed nothing".into()));
    }
    Ok((Secret::new(key), "`api-key-cmd`".into()))
}

/// Kills a child and every process in its group. Without `unsafe` (forbidden here) std has
/// no `killpg`, so the system's `kill` does it; the child itself is killed either way.
fn kill_group(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        let _ = std::process::Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", child.id())])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Returns the Ollama server's URL: `base-url`, else `OLLAMA_HOST`, else the local default.
pub fn ollama_base(settings: &Settings, env: &Env) -> String {
    if let Some(url) = &settings.base_url {
        return url.clone();
    }
    match env.get(env_vars::OLLAMA_HOST) {
        Some(host) => {
            let host = host.trim().trim_end_matches('/');
            let host = host.replace("0.0.0.0", "127.0.0.1");
            if host.contains("://") {
                host
            } else if host.contains(':') {
                format!("http://{host}")
            } else {
                format!("http://{host}:11434")
            }
        }
        None => OLLAMA_URL.into(),
    }
}

/// Tells whether anything accepts a TCP connection at the URL's host and port within the
/// probe time: a refused connection on this machine answers in microseconds.
fn listening(url: &str) -> bool {
    use std::net::{TcpStream, ToSocketAddrs};
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host_port = rest.split('/').next().unwrap_or(rest);
    let with_port = if host_port
        .rsplit_once(':')
        .is_some_and(|(_, p)| p.parse::<u16>().is_ok())
    {
        host_port.to_owned()
    } else {
        format!("{host_port}:80")
    };
    let Ok(addrs) = with_port.to_socket_addrs() else {
        return false;
    };
    addrs
        .into_iter()
        .any(|addr| TcpStream::connect_timeout(&addr, OLLAMA_PROBE).is_ok())
}

/// Lists the models of an Ollama server, or `None` when none answers in time.
async fn ollama_models(http: &reqwest::Client, base: &str, wait: Duration) -> Option<Vec<String>> {
    let call = async {
        let response = http.get(format!("{base}/api/tags")).send().await.ok()?;
        if !response.status().is_success() {
            return None;
        }
        let value: serde_json::Value = response.json_text().await?;
        Some(
            value["models"]
                .as_array()
                .map(|models| {
                    models
                        .iter()
                        .filter_map(|m| m["name"].as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
        )
    };
    tokio::time::timeout(wait, call).await.ok().flatten()
}

/// Asks an Ollama server for a model's context length (`/api/show`).
async fn ollama_context(http: &reqwest::Client, base: &str, model: &str) -> Option<u64> {
    let call = async {
        let response = http
            .post(format!("{base}/api/show"))
            .body(serde_json::json!({ "model": model }).to_string())
            .send()
            .await
            .ok()?;
        let value: serde_json::Value = response.json_text().await?;
        value["model_info"]
            .as_object()?
            .iter()
            .find(|(k, _)| k.ends_with(".context_length"))
            .and_then(|(_, v)| v.as_u64())
    };
    tokio::time::timeout(Duration::from_secs(2), call)
        .await
        .ok()
        .flatten()
}

/// Reads a JSON body as text first, so a garbage body is `None`, not a panic.
trait JsonText {
    async fn json_text(self) -> Option<serde_json::Value>;
}

impl JsonText for reqwest::Response {
    async fn json_text(self) -> Option<serde_json::Value> {
        let text = self.text().await.ok()?;
        serde_json::from_str(&text).ok()
    }
}

/// Chooses and sets up the engine.
pub async fn choose(settings: &Settings, env: &Env) -> Result<Engine, LlmError> {
    choose_with(settings, env, true).await
}

/// Chooses the engine for a dry run: as `choose`, but a missing key is no error, since
/// nothing will be sent.
pub async fn choose_for_plan(settings: &Settings, env: &Env) -> Result<Engine, LlmError> {
    choose_with(settings, env, false).await
}

async fn choose_with(
    settings: &Settings,
    env: &Env,
    require_key: bool,
) -> Result<Engine, LlmError> {
    // `auto` with nothing configured probes for a local Ollama server, and falls back to the
    // offline engine when none answers.
    let mut probe_only = false;
    let pick = match settings.provider {
        Provider::Offline => return Ok(Engine::Offline { why: "configured" }),
        Provider::Auto => {
            if env.get(env_vars::OPENAI_API_KEY).is_some()
                || (settings.base_url.is_some() && settings.api_key != KeySource::None)
            {
                Provider::OpenAi
            } else if env.get(env_vars::ANTHROPIC_API_KEY).is_some() {
                Provider::Anthropic
            } else if settings.api_key != KeySource::None || settings.base_url.is_some() {
                Provider::OpenAi
            } else {
                probe_only = true;
                Provider::Ollama
            }
        }
        other => other,
    };
    let (wire, name, variable, default_url) = match pick {
        Provider::OpenAi => (Wire::OpenAi, "openai", env_vars::OPENAI_API_KEY, OPENAI_URL),
        Provider::Anthropic => (
            Wire::Anthropic,
            "anthropic",
            env_vars::ANTHROPIC_API_KEY,
            ANTHROPIC_URL,
        ),
        Provider::Azure => (Wire::Azure, "azure", env_vars::AZURE_OPENAI_API_KEY, ""),
        _ => (Wire::Ollama, "ollama", "", OLLAMA_URL),
    };
    let key = if wire == Wire::Ollama {
        None
    } else {
        key(settings, env, variable)?
    };
    let base_url = match wire {
        Wire::OpenAi => settings
            .base_url
            .clone()
            .or_else(|| env.get(env_vars::OPENAI_BASE_URL).map(str::to_owned))
            .unwrap_or_else(|| default_url.into()),
        Wire::Anthropic => settings
            .base_url
            .clone()
            .or_else(|| env.get(env_vars::ANTHROPIC_BASE_URL).map(str::to_owned))
            .unwrap_or_else(|| default_url.into()),
        Wire::Azure => settings
            .azure
            .endpoint
            .clone()
            .or_else(|| env.get(env_vars::AZURE_OPENAI_ENDPOINT).map(str::to_owned))
            .ok_or(LlmError::AzureSetup)?,
        Wire::Ollama => ollama_base(settings, env),
    };
    if probe_only && !listening(&base_url) {
        // Nothing configured and nothing local: no runtime, client or TLS set-up is paid.
        return Ok(Engine::Offline {
            why: "no API key, no local Ollama",
        });
    }
    // Only OpenAI's own service and Anthropic need a key; local and compatible servers may not.
    let needs_key = matches!(wire, Wire::Anthropic | Wire::Azure)
        || (wire == Wire::OpenAi && base_url.starts_with(OPENAI_URL));
    if require_key && needs_key && key.is_none() {
        return Err(LlmError::NoKey {
            provider: name,
            variable,
        });
    }
    let azure = if wire == Wire::Azure {
        let deployment = settings
            .azure
            .deployment
            .clone()
            .or_else(|| settings.model.clone())
            .ok_or(LlmError::AzureSetup)?;
        Some((deployment, settings.azure.api_version.clone()))
    } else {
        None
    };
    let (key, key_origin) = match key {
        Some((secret, origin)) => (Some(secret), origin),
        None => (None, format!("`{variable}`")),
    };
    let endpoint = Endpoint {
        wire,
        provider: name,
        base_url: base_url.trim_end_matches('/').to_owned(),
        key,
        key_origin,
        azure: azure.clone(),
    };
    let client = Client::new(
        endpoint,
        settings.network.clone(),
        settings.proxy.as_deref(),
    )?;

    let mut model = settings.model.clone();
    let mut info = None;
    if wire == Wire::Ollama {
        let wait = if probe_only {
            OLLAMA_PROBE
        } else {
            settings.network.connect_timeout
        };
        let base = client.endpoint.base_url.clone();
        match ollama_models(client.http(), &base, wait).await {
            None if probe_only => {
                return Ok(Engine::Offline {
                    why: "no API key, no local Ollama",
                });
            }
            None => {}
            Some(listed) => {
                if model.is_none() {
                    model = listed.into_iter().next();
                }
                if model.is_none() && probe_only {
                    return Ok(Engine::Offline {
                        why: "the local Ollama server has no models",
                    });
                }
            }
        }
        let name = model
            .clone()
            .ok_or(LlmError::NoModel { provider: "ollama" })?;
        let mut figures = models::lookup(&name, &settings.models);
        if !settings.models.contains_key(&name)
            && let Some(ctx) = ollama_context(client.http(), &base, &name).await
        {
            figures.context_window = ctx;
            figures.known = true;
        }
        info = Some(figures);
    }
    let model = match (model, wire) {
        (Some(m), _) => m,
        (None, Wire::OpenAi) => OPENAI_MODEL.into(),
        (None, Wire::Anthropic) => ANTHROPIC_MODEL.into(),
        (None, Wire::Azure) => azure.map(|(d, _)| d).unwrap_or_default(),
        (None, Wire::Ollama) => return Err(LlmError::NoModel { provider: "ollama" }),
    };
    let info = info.unwrap_or_else(|| models::lookup(&model, &settings.models));
    Ok(Engine::Model {
        client: Box::new(client),
        model,
        info,
    })
}
