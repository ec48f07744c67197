//! One cheap request that tells whether a provider accepts the key (`git herald doctor`): each
//! wire format's model listing, sent by the same client (proxy, time-outs, headers) as a
//! message would be, within a short wait.

use super::LlmError;
use super::client::Client;
use super::wire::{self, Wire};
use std::time::Duration;

/// How long the whole check may take.
pub const WAIT: Duration = Duration::from_secs(5);

/// What the server answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// The URL that was asked.
    pub url: String,
    /// The models it listed (empty when it listed none or the body had no list).
    pub models: Vec<String>,
}

impl Probe {
    /// Tells whether `model` is among the listed ones; `None` when the server listed none.
    /// An Ollama name without a tag means `:latest`, as `ollama run` takes it.
    pub fn lists(&self, model: &str) -> Option<bool> {
        if self.models.is_empty() {
            return None;
        }
        let tagged = if model.contains(':') {
            model.to_owned()
        } else {
            format!("{model}:latest")
        };
        Some(self.models.iter().any(|m| m == model || *m == tagged))
    }
}

/// Returns the URL that lists the models, or `None` for Azure, which has no listing a
/// deployment key may call.
pub fn url(client: &Client) -> Option<String> {
    let base = client.endpoint.base_url.trim_end_matches('/');
    match client.endpoint.wire {
        Wire::OpenAi => Some(format!("{base}/models")),
        Wire::Anthropic => Some(format!("{base}/v1/models")),
        Wire::Ollama => Some(format!("{base}/api/tags")),
        Wire::Azure => None,
    }
}

/// Asks the provider for its models with the key. `Ok(None)` when the wire format has no such
/// call; a rejected key is `LlmError::Auth`, which names where the key is set.
pub async fn probe(client: &Client, wait: Duration) -> Result<Option<Probe>, LlmError> {
    let Some(url) = url(client) else {
        return Ok(None);
    };
    let endpoint = &client.endpoint;
    let call = async {
        let response = client
            .authorized(client.http().get(&url))
            .send()
            .await
            .map_err(|source| LlmError::Connect {
                url: crate::config::mask_url(&endpoint.base_url),
                source: source.without_url(),
            })?;
        let status = response.status().as_u16();
        let body = response.text().await.unwrap_or_default();
        if !(200..300).contains(&status) {
            // Servers often quote the key they refused; never pass it on.
            let message =
                super::mask::server_text(&wire::body_message(&body), endpoint.key.as_ref());
            let provider = endpoint.provider;
            return Err(match status {
                401 | 403 => LlmError::Auth {
                    provider,
                    status,
                    message,
                    key_origin: endpoint.key_origin.clone(),
                },
                _ => LlmError::Http {
                    provider,
                    status,
                    message,
                },
            });
        }
        Ok(Probe {
            models: models(&body),
            url: url.clone(),
        })
    };
    match tokio::time::timeout(wait, call).await {
        Ok(result) => result.map(Some),
        Err(_) => Err(LlmError::Timeout {
            what: "the model listing",
            after: wait,
        }),
    }
}

/// Reads model names from a listing: `data[].id` (OpenAI, Anthropic) or `models[].name`
/// (Ollama).
fn models(body: &str) -> Vec<String> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(body) else {
        return Vec::new();
    };
    let pick = |list: &str, field: &str| -> Vec<String> {
        value[list]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|m| m[field].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut names = pick("data", "id");
    names.extend(pick("models", "name"));
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_of_each_format_are_read() {
        assert_eq!(
            models(r#"{"object":"list","data":[{"id":"gpt-4o"},{"id":"o3"}]}"#),
            ["gpt-4o", "o3"]
        );
        assert_eq!(
            models(r#"{"models":[{"name":"llama3.2:latest"}]}"#),
            ["llama3.2:latest"]
        );
        assert!(models("<html>").is_empty());
    }

    #[test]
    fn an_untagged_ollama_name_means_latest() {
        let probe = Probe {
            url: String::new(),
            models: vec!["llama3.2:latest".into(), "qwen3:8b".into()],
        };
        assert_eq!(probe.lists("llama3.2"), Some(true));
        assert_eq!(probe.lists("qwen3:8b"), Some(true));
        assert_eq!(probe.lists("qwen3"), Some(false));
        let empty = Probe {
            url: String::new(),
            models: Vec::new(),
        };
        assert_eq!(empty.lists("x"), None);
    }
}
