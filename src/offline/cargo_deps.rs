//! Dependency lines of a Cargo manifest edited in place, the version kept: features turned
//! on or off (`serde = { version = "1.0", features = ["derive", "rc"] }`), the dependency
//! made optional or required, its default features dropped or taken back. Said as such
//! (`enable rc feature of serde`, `make tower-http optional`), where the manifest's lines
//! alone said `update Cargo.toml`.

use super::summary::join;

/// What one dependency line says beside its version.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Spec {
    version: Option<String>,
    features: Vec<String>,
    optional: bool,
    default_features: bool,
    /// Every other key and value (`path`, `git`, `package`, `workspace`), as written.
    rest: Vec<String>,
}

/// One dependency's line, before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DepEdit {
    pub name: String,
    pub enabled: Vec<String>,
    pub disabled: Vec<String>,
    /// `Some(true)`: made optional; `Some(false)`: made required.
    pub optional: Option<bool>,
    /// `Some(false)`: default features turned off; `Some(true)`: back on.
    pub default_features: Option<bool>,
}

/// Splits an inline table's body at the commas outside brackets and quotes.
fn top_level_items(body: &str) -> Vec<&str> {
    let (mut items, mut depth, mut quote, mut start) = (Vec::new(), 0i32, None, 0);
    for (i, c) in body.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth -= 1,
            (None, ',') if depth == 0 => {
                items.push(body[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(body[start..].trim());
    items.retain(|item| !item.is_empty());
    items
}

fn unquoted(s: &str) -> &str {
    s.trim().trim_matches(['"', '\''])
}

/// The name of the dependency a line declares (`tower = { version = "0.5" }`), if it
/// declares one.
pub(crate) fn dep_name(line: &str) -> Option<String> {
    dep_line(line).map(|(name, _)| name)
}

/// Reads `name = "1.0"` or `name = { version = "1.0", features = […], … }`; `None` for
/// any other line (a table header, a multi-line table, a comment).
fn dep_line(line: &str) -> Option<(String, Spec)> {
    let line = crate::toml_table::without_comment(line.trim());
    let (key, value) = line.split_once('=')?;
    let name = unquoted(key);
    let valid = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_');
    if name.is_empty() || !name.chars().all(valid) {
        return None;
    }
    let value = value.trim();
    let mut spec = Spec {
        default_features: true,
        ..Spec::default()
    };
    if value.starts_with(['"', '\'']) {
        spec.version = Some(unquoted(value).to_owned());
        return Some((name.to_owned(), spec));
    }
    let body = value.strip_prefix('{')?.strip_suffix('}')?;
    for item in top_level_items(body) {
        let (k, v) = item.split_once('=')?;
        let (k, v) = (unquoted(k), v.trim());
        match k {
            "version" => spec.version = Some(unquoted(v).to_owned()),
            "features" => {
                let list = v.strip_prefix('[')?.strip_suffix(']')?;
                spec.features = top_level_items(list)
                    .into_iter()
                    .map(|f| unquoted(f).to_owned())
                    .collect();
            }
            "optional" => spec.optional = v == "true",
            "default-features" | "default_features" => spec.default_features = v != "false",
            _ => spec.rest.push(format!("{k}={}", v.replace(' ', ""))),
        }
    }
    Some((name.to_owned(), spec))
}

/// The dependency edits a hunk's changed lines make, when every changed line (blank ones
/// and comments aside) is one side of such an edit: each removed line's dependency put
/// back once, the same version and source, with other features, optionality or default
/// features. `None` for any other hunk.
pub(crate) fn edits(old: &[&str], new: &[&str]) -> Option<Vec<DepEdit>> {
    let read = |lines: &[&str]| -> Option<Vec<(String, Spec)>> {
        lines
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(dep_line)
            .collect()
    };
    let (old, new) = (read(old)?, read(new)?);
    if old.is_empty() || old.len() != new.len() {
        return None;
    }
    let mut out = Vec::new();
    for (name, before) in &old {
        let (_, after) = new.iter().find(|(n, _)| n == name)?;
        if before.version != after.version || before.rest != after.rest || before == after {
            return None;
        }
        let enabled: Vec<String> = (after.features.iter())
            .filter(|f| !before.features.contains(f))
            .cloned()
            .collect();
        let disabled: Vec<String> = (before.features.iter())
            .filter(|f| !after.features.contains(f))
            .cloned()
            .collect();
        let changed = |a: bool, b: bool| (a != b).then_some(b);
        let edit = DepEdit {
            name: name.clone(),
            enabled,
            disabled,
            optional: changed(before.optional, after.optional),
            default_features: changed(before.default_features, after.default_features),
        };
        // The features only put in another order: no edit.
        if edit.enabled.is_empty()
            && edit.disabled.is_empty()
            && edit.optional.is_none()
            && edit.default_features.is_none()
        {
            return None;
        }
        out.push(edit);
    }
    Some(out)
}

/// The subject for the edits, when they say one thing: the default features of some
/// dependencies turned off (or on), some made optional (or required), or features of one
/// dependency (or the same features of several) enabled or disabled.
pub(crate) fn summary(edits: &[DepEdit]) -> Option<String> {
    let first = edits.first()?;
    if edits.len() > 3 {
        return None;
    }
    let mut names: Vec<String> = edits.iter().map(|e| e.name.clone()).collect();
    names.dedup();
    // Default features, then optionality: what the line's other keys serve.
    if let Some(on) = first.default_features
        && edits.iter().all(|e| e.default_features == Some(on))
    {
        let verb = if on { "enable" } else { "disable" };
        return Some(format!("{verb} default features of {}", join(&names)));
    }
    if let Some(optional) = first.optional
        && edits
            .iter()
            .all(|e| e.optional == Some(optional) && e.default_features.is_none())
    {
        let what = if optional { "optional" } else { "non-optional" };
        return Some(format!("make {} {what}", join(&names)));
    }
    if edits
        .iter()
        .any(|e| e.optional.is_some() || e.default_features.is_some())
    {
        return None;
    }
    let features = |e: &DepEdit| (e.enabled.clone(), e.disabled.clone());
    let (enabled, disabled) = features(first);
    if edits
        .iter()
        .any(|e| features(e) != (enabled.clone(), disabled.clone()))
    {
        return (edits.len() <= 2).then(|| format!("update features of {}", join(&names)));
    }
    let said = |verb: &str, list: &[String]| {
        let noun = if list.len() == 1 {
            "feature"
        } else {
            "features"
        };
        match list.len() {
            1..=2 => format!("{verb} {} {noun} of {}", join(list), join(&names)),
            n => format!("{verb} {n} {noun} of {}", join(&names)),
        }
    };
    match (enabled.is_empty(), disabled.is_empty()) {
        (false, true) => Some(said("enable", &enabled)),
        (true, false) => Some(said("disable", &disabled)),
        _ => Some(format!("update features of {}", join(&names))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(old: &str, new: &str) -> Option<String> {
        summary(&edits(&[old], &[new])?)
    }

    #[test]
    fn a_feature_turned_on_or_off_is_said_with_its_dependency() {
        assert_eq!(
            one(
                r#"serde = { version = "1.0", features = ["derive"] }"#,
                r#"serde = { version = "1.0", features = ["derive", "rc"] }"#,
            )
            .as_deref(),
            Some("enable rc feature of serde")
        );
        assert_eq!(
            one(
                r#"tower = { version = "0.4.11", default-features = false, features = ["util", "buffer", "make"] }"#,
                r#"tower = { version = "0.4.11", default-features = false, features = ["util", "make"] }"#,
            )
            .as_deref(),
            Some("disable buffer feature of tower")
        );
        // A plain version given its first feature.
        assert_eq!(
            one(
                r#"futures-channel = "0.3""#,
                r#"futures-channel = { version = "0.3", features = ["sink"] }"#,
            )
            .as_deref(),
            Some("enable sink feature of futures-channel")
        );
    }

    #[test]
    fn optional_and_default_features_come_first() {
        assert_eq!(
            one(
                r#"tower-http = { version = "0.2", features = ["util"] }"#,
                r#"tower-http = { version = "0.2", features = ["util"], optional = true }"#,
            )
            .as_deref(),
            Some("make tower-http optional")
        );
        assert_eq!(
            one(
                r#"mio = { version = "0.8.6", optional = true }"#,
                r#"mio = { version = "0.8.6", optional = true, default-features = false }"#,
            )
            .as_deref(),
            Some("disable default features of mio")
        );
        let both = edits(
            &[
                r#"rustversion = { version = "1.0.9" }"#,
                r#"serde_core = "1.0.221""#,
            ],
            &[
                r#"rustversion = { version = "1.0.9", optional = true }"#,
                r#"serde_core = { version = "1.0.221", optional = true }"#,
            ],
        )
        .unwrap();
        assert_eq!(
            summary(&both).as_deref(),
            Some("make rustversion and serde_core optional")
        );
    }

    #[test]
    fn a_version_moved_or_another_line_is_no_edit() {
        assert_eq!(
            one(
                r#"serde = { version = "1.0", features = ["derive"] }"#,
                r#"serde = { version = "1.1", features = ["derive", "rc"] }"#,
            ),
            None
        );
        assert_eq!(
            one(
                r#"serde = { path = "../a" }"#,
                r#"serde = { path = "../b" }"#
            ),
            None
        );
        assert_eq!(edits(&["[profile.release]"], &["lto = true"]), None);
        // Only the order of the features moved.
        assert_eq!(
            one(
                r#"a = { version = "1", features = ["x", "y"] }"#,
                r#"a = { version = "1", features = ["y", "x"] }"#,
            ),
            None
        );
    }
}
