//! When to retry a model call and how long to wait: exponential backoff with full jitter,
//! overridden by what the server asks for (`Retry-After`, rate-limit reset headers), all capped
//! by the call's overall deadline.

use std::time::{Duration, SystemTime};

/// Retry settings: the plain data lives in `config` (it is read from the file and the
/// environment there); how to wait between attempts is decided here.
pub use crate::config::Retry as Policy;

// An inherent impl on `config`'s type: `config` owns the numbers, `llm` the backoff, so
// `config` needs nothing from `llm` (issue 11: no `config` <-> `llm` cycle).
impl Policy {
    /// Returns the wait before attempt `next` (2 for the first retry): full jitter over
    /// `base × 2^(next−2)`, capped at `max_wait`. `unit` is a random number in `[0, 1)`.
    ///
    /// See: <https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/>
    pub fn backoff(&self, next: u32, unit: f64) -> Duration {
        let exp = next.saturating_sub(2).min(20);
        let ceiling = self.base.saturating_mul(1u32 << exp).min(self.max_wait);
        ceiling.mul_f64(unit.clamp(0.0, 1.0))
    }

    /// Returns the wait before attempt `next`: the server's word when it gave one (capped at
    /// `max_wait`), else jittered backoff.
    pub fn wait(&self, next: u32, server: Option<Duration>, unit: f64) -> Duration {
        match server {
            Some(asked) => asked.min(self.max_wait),
            None => self.backoff(next, unit),
        }
    }
}

/// Tells whether an HTTP status is worth retrying: rate limits, overload and gateway errors.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(
        status,
        408 | 409 | 425 | 429 | 500 | 502 | 503 | 504 | 520..=529
    )
}

/// Parses a `Retry-After` value: delay seconds, or an HTTP date (relative to `now`).
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0)
            .then(|| Duration::from_secs_f64(secs.min(86_400.0)));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Reads how long the server wants us to wait from response headers, in order of precedence:
/// `retry-after-ms` (OpenAI), `retry-after`, then rate-limit reset headers
/// (`x-ratelimit-reset-requests`/`-tokens` as Go-style durations such as `6m0s`, and
/// Anthropic's `anthropic-ratelimit-*-reset` RFC 3339 times). `header` looks a name up.
pub fn server_wait<'a>(
    header: impl Fn(&str) -> Option<&'a str>,
    now: SystemTime,
) -> Option<Duration> {
    if let Some(ms) = header("retry-after-ms").and_then(|v| v.trim().parse::<f64>().ok())
        && ms.is_finite()
        && ms >= 0.0
    {
        return Some(Duration::from_secs_f64(ms / 1000.0));
    }
    if let Some(wait) = header("retry-after").and_then(|v| parse_retry_after(v, now)) {
        return Some(wait);
    }
    let durations = ["x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"]
        .iter()
        .filter_map(|name| header(name))
        .filter_map(parse_go_duration);
    let times = [
        "anthropic-ratelimit-requests-reset",
        "anthropic-ratelimit-tokens-reset",
        "anthropic-ratelimit-input-tokens-reset",
        "anthropic-ratelimit-output-tokens-reset",
    ]
    .iter()
    .filter_map(|name| header(name))
    .filter_map(|v| humantime::parse_rfc3339_weak(v.trim()).ok())
    .map(|at| at.duration_since(now).unwrap_or(Duration::ZERO));
    durations.chain(times).max()
}

/// Parses durations such as `1s`, `6m0s`, `20ms`, `1h2m3.5s`.
fn parse_go_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let mut total = 0f64;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let value: f64 = rest[..digits].parse().ok()?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let scale = match &rest[..unit_len] {
            "ms" => 0.001,
            "s" | "" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            "us" | "µs" => 0.000_001,
            _ => return None,
        };
        total += value * scale;
        rest = &rest[unit_len..];
    }
    (total.is_finite() && total >= 0.0).then(|| Duration::from_secs_f64(total.min(86_400.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_within_jitter_and_cap() {
        let p = Policy::default();
        assert_eq!(p.backoff(2, 0.999_999).as_millis(), 499);
        assert_eq!(p.backoff(3, 0.999_999).as_millis(), 999);
        assert_eq!(p.backoff(4, 0.5), Duration::from_secs(1));
        assert_eq!(p.backoff(40, 1.0), p.max_wait);
        assert_eq!(p.backoff(2, 0.0), Duration::ZERO);
    }

    #[test]
    fn server_wait_wins_but_is_capped() {
        let p = Policy::default();
        assert_eq!(
            p.wait(2, Some(Duration::from_secs(3)), 0.9),
            Duration::from_secs(3)
        );
        assert_eq!(p.wait(2, Some(Duration::from_secs(999)), 0.9), p.max_wait);
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = httpdate::parse_http_date("Sun, 29 Nov 2026 12:00:00 GMT").unwrap();
        assert_eq!(parse_retry_after("2", now), Some(Duration::from_secs(2)));
        assert_eq!(
            parse_retry_after(" 1.5 ", now),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            parse_retry_after("Sun, 29 Nov 2026 12:00:07 GMT", now),
            Some(Duration::from_secs(7))
        );
        assert_eq!(
            parse_retry_after("Sun, 29 Nov 2026 11:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-3", now), None);
    }

    #[test]
    fn rate_limit_headers() {
        let now = humantime::parse_rfc3339("2026-11-29T12:00:00Z").unwrap();
        let headers = [
            ("x-ratelimit-reset-requests", "6m0s"),
            ("x-ratelimit-reset-tokens", "20ms"),
        ];
        let look = |name: &str| headers.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        assert_eq!(server_wait(look, now), Some(Duration::from_secs(360)));
        let anthropic = [("anthropic-ratelimit-requests-reset", "2026-11-29T12:00:05Z")];
        let look = |name: &str| anthropic.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        assert_eq!(server_wait(look, now), Some(Duration::from_secs(5)));
        let ms = [("retry-after-ms", "250"), ("retry-after", "9")];
        let look = |name: &str| ms.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        assert_eq!(server_wait(look, now), Some(Duration::from_millis(250)));
        assert_eq!(server_wait(|_| None, now), None);
        assert_eq!(
            parse_go_duration("1h2m3.5s"),
            Some(Duration::from_secs_f64(3723.5))
        );
        assert_eq!(parse_go_duration("abc"), None);
    }

    #[test]
    fn retryable_statuses() {
        for s in [429, 500, 502, 503, 504, 529] {
            assert!(is_retryable_status(s), "{s}");
        }
        for s in [400, 401, 403, 404, 422] {
            assert!(!is_retryable_status(s), "{s}");
        }
    }
}
