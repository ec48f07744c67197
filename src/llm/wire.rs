//! The three wire formats, as pure functions: a request body out, stream pieces and error
//! details in. OpenAI Chat Completions (and every compatible server), Anthropic Messages, and
//! Ollama's native NDJSON chat.

use super::Request;
use serde_json::{Value, json};

/// Which wire format an endpoint speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    OpenAi,
    Azure,
    Anthropic,
    Ollama,
}

/// One thing a stream said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// Text of another answer than the first (choice `index` of a request with `n`).
    Choice(usize, String),
    Usage {
        prompt: Option<u64>,
        completion: Option<u64>,
    },
    /// The model finished; the stream is complete.
    Finished,
    /// An error reported inside the stream.
    Error(String),
}

/// Tells whether the model takes `max_completion_tokens` and no temperature (reasoning models).
fn is_reasoning_model(model: &str) -> bool {
    let bare = model.rsplit('/').next().unwrap_or(model);
    ["o1", "o3", "o4", "gpt-5"]
        .iter()
        .any(|p| bare.starts_with(p))
}

/// Builds the JSON body of a streaming request.
pub fn body(wire: Wire, req: &Request) -> Value {
    match wire {
        Wire::OpenAi | Wire::Azure => {
            let mut body = json!({
                "model": req.model,
                "messages": [
                    {"role": "system", "content": req.system},
                    {"role": "user", "content": req.user},
                ],
                "stream": true,
                "stream_options": {"include_usage": true},
            });
            if is_reasoning_model(&req.model) {
                body["max_completion_tokens"] = json!(req.max_tokens);
            } else {
                body["max_tokens"] = json!(req.max_tokens);
                body["temperature"] = json!(req.temperature);
            }
            if req.n > 1 {
                body["n"] = json!(req.n);
            }
            body
        }
        Wire::Anthropic => json!({
            "model": req.model,
            "system": req.system,
            "messages": [{"role": "user", "content": req.user}],
            "max_tokens": req.max_tokens,
            "temperature": req.temperature,
            "stream": true,
        }),
        Wire::Ollama => {
            let mut options = json!({
                "temperature": req.temperature,
                "num_predict": req.max_tokens,
            });
            if let Some(ctx) = req.context_window {
                options["num_ctx"] = json!(ctx);
            }
            json!({
                "model": req.model,
                "messages": [
                    {"role": "system", "content": req.system},
                    {"role": "user", "content": req.user},
                ],
                "stream": true,
                "options": options,
            })
        }
    }
}

fn text_of(value: &Value) -> Option<&str> {
    value.as_str().filter(|s| !s.is_empty())
}

/// Reads the pieces of one SSE event's data (OpenAI-style and Anthropic streams).
pub fn sse_pieces(wire: Wire, data: &str) -> Vec<Piece> {
    let data = data.trim();
    if data == "[DONE]" {
        return vec![Piece::Finished];
    }
    let Ok(value) = serde_json::from_str::<Value>(data) else {
        return vec![Piece::Error(format!(
            "unreadable stream data: {}",
            preview(data)
        ))];
    };
    if let Some(message) = error_message(&value) {
        return vec![Piece::Error(message)];
    }
    let mut pieces = Vec::new();
    match wire {
        Wire::Anthropic => match value["type"].as_str().unwrap_or_default() {
            "message_start" => pieces.push(Piece::Usage {
                prompt: value["message"]["usage"]["input_tokens"].as_u64(),
                completion: None,
            }),
            "content_block_delta" => {
                if let Some(text) = text_of(&value["delta"]["text"]) {
                    pieces.push(Piece::Text(text.to_owned()));
                }
            }
            "message_delta" => pieces.push(Piece::Usage {
                prompt: value["usage"]["input_tokens"].as_u64(),
                completion: value["usage"]["output_tokens"].as_u64(),
            }),
            "message_stop" => pieces.push(Piece::Finished),
            _ => {}
        },
        _ => {
            let mut finished = false;
            for choice in value["choices"].as_array().into_iter().flatten() {
                let index = choice["index"].as_u64().unwrap_or(0) as usize;
                if let Some(text) = text_of(&choice["delta"]["content"]) {
                    pieces.push(match index {
                        0 => Piece::Text(text.to_owned()),
                        _ => Piece::Choice(index, text.to_owned()),
                    });
                }
                finished |= choice["finish_reason"].is_string();
            }
            let usage = &value["usage"];
            if usage.is_object() {
                pieces.push(Piece::Usage {
                    prompt: usage["prompt_tokens"].as_u64(),
                    completion: usage["completion_tokens"].as_u64(),
                });
            }
            if finished {
                pieces.push(Piece::Finished);
            }
        }
    }
    pieces
}

/// Reads the pieces of one NDJSON line of Ollama's `/api/chat` stream.
pub fn ndjson_pieces(line: &str) -> Vec<Piece> {
    let Ok(value) = serde_json::from_str::<Value>(line) else {
        return vec![Piece::Error(format!(
            "unreadable stream line: {}",
            preview(line)
        ))];
    };
    if let Some(message) = error_message(&value) {
        return vec![Piece::Error(message)];
    }
    let mut pieces = Vec::new();
    if let Some(text) = text_of(&value["message"]["content"]) {
        pieces.push(Piece::Text(text.to_owned()));
    }
    if value["done"].as_bool() == Some(true) {
        pieces.push(Piece::Usage {
            prompt: value["prompt_eval_count"].as_u64(),
            completion: value["eval_count"].as_u64(),
        });
        pieces.push(Piece::Finished);
    }
    pieces
}

/// Returns the error message of an error body in any of the three formats.
pub fn error_message(value: &Value) -> Option<String> {
    let error = value.get("error")?;
    if let Some(text) = error.as_str() {
        return Some(text.to_owned());
    }
    let message = error["message"].as_str().unwrap_or_default();
    let kind = error["type"]
        .as_str()
        .or_else(|| error["code"].as_str())
        .unwrap_or_default();
    match (kind.is_empty(), message.is_empty()) {
        (true, true) => Some(preview(&error.to_string())),
        (true, false) => Some(message.to_owned()),
        (false, true) => Some(kind.to_owned()),
        (false, false) => Some(format!("{message} ({kind})")),
    }
}

/// Returns an error body's message: the JSON error's text, else the start of the body.
pub fn body_message(body: &str) -> String {
    serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| error_message(&v))
        .unwrap_or_else(|| preview(body))
}

/// Tells whether an error says the prompt is over the model's context window.
pub fn is_context_length(message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    [
        "context_length_exceeded",
        "maximum context length",
        "context length",
        "context window",
        "prompt is too long",
        "too many tokens",
        "reduce the length",
    ]
    .iter()
    .any(|needle| m.contains(needle))
}

/// Returns the context window a server states in its context-length error, in tokens:
/// OpenAI's `maximum context length is 8192 tokens`, Anthropic's `210000 tokens > 200000
/// maximum`, and the `context length of N` / `max_context_length: N` of compatible servers.
/// A number about the answer (`max_tokens`) is not a window.
pub fn stated_window(message: &str) -> Option<u64> {
    static PATTERNS: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?ix)
            maximum\s+context\s+length\s+is\s+(?P<a>\d[\d,_]*)
            | >\s*(?P<b>\d[\d,_]*)\s+maximum
            | context\s+(?:length|window|size)\s+(?:of|is|=|:)\s*(?P<c>\d[\d,_]*)
            | max(?:imum)?[\s_]*context[\s_]*(?:length|window|size)\s*(?:is|of|=|:)\s*(?P<d>\d[\d,_]*)",
        )
        .ok()
    });
    let caps = PATTERNS.as_ref()?.captures(message)?;
    let digits: String = ["a", "b", "c", "d"]
        .iter()
        .find_map(|name| caps.name(name))?
        .as_str()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok().filter(|n| *n > 0)
}

/// Returns at most 200 characters of `text` on one line, for error messages.
pub fn preview(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = one_line.chars().take(200).collect();
    if one_line.chars().count() > 200 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(model: &str) -> Request {
        Request {
            model: model.into(),
            system: "sys".into(),
            user: "diff".into(),
            max_tokens: 300,
            temperature: 0.2,
            context_window: Some(8192),
            n: 1,
        }
    }

    #[test]
    fn the_window_a_server_states_is_read() {
        assert_eq!(
            stated_window(
                "This model's maximum context length is 8192 tokens. However, your messages \
                 resulted in 9000 tokens."
            ),
            Some(8192)
        );
        assert_eq!(
            stated_window("prompt is too long: 210000 tokens > 200000 maximum"),
            Some(200_000)
        );
        assert_eq!(
            stated_window("the request exceeds the context length of 4,096 tokens"),
            Some(4096)
        );
        assert_eq!(stated_window("max_context_length: 32768"), Some(32_768));
        assert_eq!(stated_window("max_tokens: 32768 is too large"), None);
        assert_eq!(stated_window("context_length_exceeded"), None);
    }

    #[test]
    fn openai_body_streams_with_usage() {
        let b = body(Wire::OpenAi, &req("gpt-4o-mini"));
        assert_eq!(b["stream"], true);
        assert_eq!(b["stream_options"]["include_usage"], true);
        assert_eq!(b["max_tokens"], 300);
        assert_eq!(b["messages"][1]["content"], "diff");
        let o = body(Wire::OpenAi, &req("o4-mini"));
        assert_eq!(o["max_completion_tokens"], 300);
        assert!(o.get("temperature").is_none());
        assert!(b.get("n").is_none(), "n is sent only when above 1");
        let three = body(
            Wire::Azure,
            &Request {
                n: 3,
                ..req("gpt-4o")
            },
        );
        assert_eq!(three["n"], 3);
    }

    #[test]
    fn openai_choices_beyond_the_first() {
        let text = r#"{"choices":[{"index":1,"delta":{"content":"fix: y"},"finish_reason":null},{"index":0,"delta":{"content":"feat: x"},"finish_reason":"stop"}]}"#;
        assert_eq!(
            sse_pieces(Wire::OpenAi, text),
            vec![
                Piece::Choice(1, "fix: y".into()),
                Piece::Text("feat: x".into()),
                Piece::Finished
            ]
        );
    }

    #[test]
    fn anthropic_and_ollama_bodies() {
        let a = body(Wire::Anthropic, &req("claude-haiku-4-5"));
        assert_eq!(a["system"], "sys");
        assert_eq!(a["messages"][0]["role"], "user");
        let o = body(Wire::Ollama, &req("llama3.1"));
        assert_eq!(o["options"]["num_ctx"], 8192);
        assert_eq!(o["options"]["num_predict"], 300);
    }

    #[test]
    fn openai_pieces() {
        let text =
            r#"{"choices":[{"index":0,"delta":{"content":"feat: x"},"finish_reason":null}]}"#;
        assert_eq!(
            sse_pieces(Wire::OpenAi, text),
            vec![Piece::Text("feat: x".into())]
        );
        let end = r#"{"choices":[{"delta":{},"finish_reason":"stop"}]}"#;
        assert_eq!(sse_pieces(Wire::OpenAi, end), vec![Piece::Finished]);
        let usage = r#"{"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":5}}"#;
        assert_eq!(
            sse_pieces(Wire::OpenAi, usage),
            vec![Piece::Usage {
                prompt: Some(12),
                completion: Some(5)
            }]
        );
        assert_eq!(sse_pieces(Wire::OpenAi, "[DONE]"), vec![Piece::Finished]);
        assert!(matches!(
            sse_pieces(Wire::OpenAi, "{nope")[0],
            Piece::Error(_)
        ));
    }

    #[test]
    fn anthropic_pieces() {
        let start =
            r#"{"type":"message_start","message":{"usage":{"input_tokens":20,"output_tokens":1}}}"#;
        assert_eq!(
            sse_pieces(Wire::Anthropic, start),
            vec![Piece::Usage {
                prompt: Some(20),
                completion: None
            }]
        );
        let delta = r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"fix: y"}}"#;
        assert_eq!(
            sse_pieces(Wire::Anthropic, delta),
            vec![Piece::Text("fix: y".into())]
        );
        let err = r#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#;
        assert_eq!(
            sse_pieces(Wire::Anthropic, err),
            vec![Piece::Error("Overloaded (overloaded_error)".into())]
        );
        assert_eq!(
            sse_pieces(Wire::Anthropic, r#"{"type":"message_stop"}"#),
            vec![Piece::Finished]
        );
        assert!(sse_pieces(Wire::Anthropic, r#"{"type":"ping"}"#).is_empty());
    }

    #[test]
    fn ollama_pieces() {
        let mid = r#"{"model":"m","message":{"role":"assistant","content":"docs"},"done":false}"#;
        assert_eq!(ndjson_pieces(mid), vec![Piece::Text("docs".into())]);
        let end = r#"{"message":{"content":""},"done":true,"prompt_eval_count":30,"eval_count":7}"#;
        assert_eq!(
            ndjson_pieces(end),
            vec![
                Piece::Usage {
                    prompt: Some(30),
                    completion: Some(7)
                },
                Piece::Finished
            ]
        );
        assert_eq!(
            ndjson_pieces(r#"{"error":"model 'x' not found"}"#),
            vec![Piece::Error("model 'x' not found".into())]
        );
    }

    #[test]
    fn error_bodies_and_context_length() {
        let openai = r#"{"error":{"message":"This model's maximum context length is 8192 tokens","type":"invalid_request_error","code":"context_length_exceeded"}}"#;
        assert!(is_context_length(&body_message(openai)));
        assert_eq!(
            body_message("<html>bad gateway</html>"),
            "<html>bad gateway</html>"
        );
        assert!(!is_context_length("Incorrect API key provided"));
    }
}
