//! Known models: context window, output limit and price, so budgets and cost estimates need no
//! network. Unknown models fall back to the user's `[models."name"]` figures or a conservative
//! default.

use crate::config::ModelConfig;
use std::collections::BTreeMap;

/// What we know of one model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModelInfo {
    pub context_window: u64,
    pub max_output: u64,
    /// USD per million input tokens.
    pub input_price: f64,
    /// USD per million output tokens.
    pub output_price: f64,
    /// Whether the figures come from the table or the user, not the fallback.
    pub known: bool,
}

impl ModelInfo {
    /// Returns the estimated cost of a call in USD.
    pub fn cost(&self, prompt_tokens: u64, completion_tokens: u64) -> f64 {
        (prompt_tokens as f64 * self.input_price + completion_tokens as f64 * self.output_price)
            / 1_000_000.0
    }
}

/// The fallback for models nobody told us about: small enough to fit any server.
pub const UNKNOWN: ModelInfo = ModelInfo {
    context_window: 8_192,
    max_output: 1_024,
    input_price: 0.0,
    output_price: 0.0,
    known: false,
};

/// (name prefix, context window, max output, input price, output price), longest match wins.
/// Prices in USD per million tokens as published by each provider.
const TABLE: &[(&str, u64, u64, f64, f64)] = &[
    ("gpt-4o-mini", 128_000, 16_384, 0.15, 0.60),
    ("gpt-4o", 128_000, 16_384, 2.50, 10.00),
    ("gpt-4.1-nano", 1_047_576, 32_768, 0.10, 0.40),
    ("gpt-4.1-mini", 1_047_576, 32_768, 0.40, 1.60),
    ("gpt-4.1", 1_047_576, 32_768, 2.00, 8.00),
    ("gpt-5-nano", 400_000, 128_000, 0.05, 0.40),
    ("gpt-5-mini", 400_000, 128_000, 0.25, 2.00),
    ("gpt-5", 400_000, 128_000, 1.25, 10.00),
    ("gpt-4-turbo", 128_000, 4_096, 10.00, 30.00),
    ("gpt-4", 8_192, 4_096, 30.00, 60.00),
    ("gpt-3.5-turbo", 16_385, 4_096, 0.50, 1.50),
    ("o1-mini", 128_000, 65_536, 1.10, 4.40),
    ("o1", 200_000, 100_000, 15.00, 60.00),
    ("o3-mini", 200_000, 100_000, 1.10, 4.40),
    ("o3", 200_000, 100_000, 2.00, 8.00),
    ("o4-mini", 200_000, 100_000, 1.10, 4.40),
    ("claude-3-haiku", 200_000, 4_096, 0.25, 1.25),
    ("claude-3-5-haiku", 200_000, 8_192, 0.80, 4.00),
    ("claude-haiku-4", 200_000, 64_000, 1.00, 5.00),
    ("claude-3-5-sonnet", 200_000, 8_192, 3.00, 15.00),
    ("claude-3-7-sonnet", 200_000, 64_000, 3.00, 15.00),
    ("claude-sonnet-4", 200_000, 64_000, 3.00, 15.00),
    ("claude-opus-4", 200_000, 32_000, 15.00, 75.00),
    ("deepseek-chat", 64_000, 8_192, 0.27, 1.10),
    ("deepseek-reasoner", 64_000, 8_192, 0.55, 2.19),
    ("llama-3.1-8b-instant", 131_072, 8_192, 0.05, 0.08),
    ("llama-3.3-70b-versatile", 131_072, 32_768, 0.59, 0.79),
    ("llama3.1", 131_072, 4_096, 0.0, 0.0),
    ("llama3.2", 131_072, 4_096, 0.0, 0.0),
    ("llama3", 8_192, 4_096, 0.0, 0.0),
    ("qwen2.5-coder", 32_768, 4_096, 0.0, 0.0),
    ("qwen3", 40_960, 8_192, 0.0, 0.0),
    ("mistral", 32_768, 4_096, 0.0, 0.0),
    ("gemma", 8_192, 4_096, 0.0, 0.0),
    ("phi", 16_384, 4_096, 0.0, 0.0),
];

/// Returns the figures for `model`: the user's own first, then the table (after dropping a
/// router prefix such as `openai/`), then the conservative fallback.
pub fn lookup(model: &str, overrides: &BTreeMap<String, ModelConfig>) -> ModelInfo {
    let bare = model
        .rsplit('/')
        .next()
        .unwrap_or(model)
        .to_ascii_lowercase();
    let base = TABLE
        .iter()
        .filter(|(prefix, ..)| bare.starts_with(prefix))
        .max_by_key(|(prefix, ..)| prefix.len())
        .map(
            |&(_, context_window, max_output, input_price, output_price)| ModelInfo {
                context_window,
                max_output,
                input_price,
                output_price,
                known: true,
            },
        )
        .unwrap_or(UNKNOWN);
    match overrides.get(model) {
        Some(user) => ModelInfo {
            context_window: user.context_window.unwrap_or(base.context_window),
            max_output: user.max_output.unwrap_or(base.max_output),
            input_price: user.input_price.unwrap_or(base.input_price),
            output_price: user.output_price.unwrap_or(base.output_price),
            known: true,
        },
        None => base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_prefix_wins_and_router_prefixes_are_dropped() {
        let none = BTreeMap::new();
        assert_eq!(lookup("gpt-4o-mini-2024-07-18", &none).input_price, 0.15);
        assert_eq!(lookup("gpt-4o", &none).input_price, 2.50);
        assert_eq!(lookup("openai/gpt-4o-mini", &none).input_price, 0.15);
        assert_eq!(lookup("claude-sonnet-4-5", &none).output_price, 15.0);
        assert!(!lookup("my-fine-tune", &none).known);
    }

    #[test]
    fn user_figures_override_and_add() {
        let mut user = BTreeMap::new();
        user.insert(
            "my-fine-tune".to_owned(),
            ModelConfig {
                context_window: Some(32_768),
                input_price: Some(1.0),
                ..ModelConfig::default()
            },
        );
        let info = lookup("my-fine-tune", &user);
        assert!(info.known);
        assert_eq!(info.context_window, 32_768);
        assert_eq!(info.max_output, UNKNOWN.max_output);
        assert!((info.cost(1_000_000, 0) - 1.0).abs() < 1e-9);
    }
}
