//! Credentials that never show: the `Secret` newtype, where the API key comes from, and
//! masking the credentials in a URL.

use std::fmt;

/// An API key or other credential. `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a credential.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// Returns the credential, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(****)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("****")
    }
}

/// Where the API key comes from when the provider's own variable is not set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    None,
    /// `api-key` in the user file (or `GIT_HERALD_API_KEY`).
    Value(Secret),
    /// `api-key-cmd` in the user file: a program and its arguments, run without a shell.
    Command(Vec<String>),
}

/// Masks the credentials in a URL (`http://user:****@host`), leaving any other URL as it is.
pub fn mask_url(text: &str) -> String {
    match reqwest::Url::parse(text) {
        Ok(mut url) if url.host().is_some() => {
            let mut changed = false;
            if url.password().is_some() {
                changed |= url.set_password(Some("****")).is_ok();
            } else if !url.username().is_empty() {
                changed |= url.set_username("****").is_ok();
            }
            // `?api-key=…`, `?access_token=…`: Azure-style relays take keys in the query.
            let secret_name = |name: &str| {
                let name = name.to_ascii_lowercase();
                [
                    "key",
                    "token",
                    "secret",
                    "pass",
                    "sig",
                    "auth",
                    "credential",
                ]
                .iter()
                .any(|s| name.contains(s))
            };
            if url.query_pairs().any(|(name, _)| secret_name(&name)) {
                let pairs: Vec<(String, String)> = url
                    .query_pairs()
                    .map(|(name, value)| {
                        let value = if secret_name(&name) {
                            "****".to_owned()
                        } else {
                            value.into_owned()
                        };
                        (name.into_owned(), value)
                    })
                    .collect();
                url.query_pairs_mut().clear().extend_pairs(pairs);
                changed = true;
            }
            if changed {
                url.to_string()
            } else {
                text.to_owned()
            }
        }
        // Not a URL with a host (`user:pw@host:1` parses as scheme `user`): hide anything
        // before an `@` all the same.
        _ => match text.rsplit_once('@') {
            Some((before, after)) => {
                let scheme = before.split_once("://").map_or("", |(s, _)| s);
                if scheme.is_empty() {
                    format!("****@{after}")
                } else {
                    format!("{scheme}://****@{after}")
                }
            }
            None => text.to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::write;
    use crate::config::{Env, Overrides, env_vars, resolve};

    #[test]
    fn keys_are_masked_everywhere() {
        let dir = tempfile::tempdir().unwrap();
        let user = write(dir.path(), "user.toml", "api-key = \"sk-live-123456789\"\n");
        let env = Env::from_pairs(&[(env_vars::CONFIG, user.to_str().unwrap())], None);
        let config = resolve(&env, None, &Overrides::default()).unwrap();
        assert_eq!(config.origins["api-key"].0, "\"****\"");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&user, std::fs::Permissions::from_mode(0o644)).unwrap();
            let open = resolve(&env, None, &Overrides::default()).unwrap();
            assert!(
                open.warnings[0].contains("chmod 600"),
                "{:?}",
                open.warnings
            );
            std::fs::set_permissions(&user, std::fs::Permissions::from_mode(0o600)).unwrap();
            let closed = resolve(&env, None, &Overrides::default()).unwrap();
            assert!(closed.warnings.is_empty());
        }
        let shown = format!("{config:?}");
        assert!(!shown.contains("sk-live"), "{shown}");
        assert_eq!(
            config.settings.api_key,
            KeySource::Value(Secret::new("sk-live-123456789"))
        );
        let env = Env::from_pairs(&[(env_vars::API_KEY, "sk-env-987654321")], None);
        let config = resolve(&env, None, &Overrides::default()).unwrap();
        assert!(!format!("{config:?}").contains("sk-env"));
    }
}
