//! The JSON format (schema 1, described in the `changelog` module docs).

use super::markdown::short;
use super::{Author, Contributor, Entry, Footer, Release, Remote};
use serde::Serialize;

#[derive(Serialize)]
pub(super) struct JsonDocument {
    pub(super) schema: u32,
    pub(super) releases: Vec<JsonRelease>,
}

#[derive(Serialize)]
pub(super) struct JsonRelease {
    version: Option<String>,
    tag: Option<String>,
    previous_tag: Option<String>,
    date: Option<String>,
    range: String,
    compare_url: Option<String>,
    sections: Vec<JsonSection>,
    hidden: Vec<JsonCommit>,
    contributors: Vec<Contributor>,
}

#[derive(Serialize)]
struct JsonSection {
    title: String,
    commits: Vec<JsonCommit>,
}

#[derive(Serialize)]
struct JsonRef {
    action: String,
    id: String,
    url: Option<String>,
}

#[derive(Serialize)]
struct JsonCommit {
    id: String,
    short_id: String,
    url: Option<String>,
    #[serde(rename = "type")]
    kind: String,
    scope: Option<String>,
    subject: String,
    conventional: bool,
    breaking: bool,
    breaking_note: Option<String>,
    body: Option<String>,
    footers: Vec<Footer>,
    pr: Option<u64>,
    pr_url: Option<String>,
    refs: Vec<JsonRef>,
    authors: Vec<Author>,
    date: String,
}

fn json_commit(entry: &Entry, remote: Option<&Remote>) -> JsonCommit {
    JsonCommit {
        id: entry.id.clone(),
        short_id: short(&entry.id).to_owned(),
        url: remote.map(|r| r.commit(&entry.id)),
        kind: entry.kind.clone(),
        scope: entry.scope.clone(),
        subject: entry.subject.clone(),
        conventional: entry.conventional,
        breaking: entry.breaking,
        breaking_note: entry.breaking_note.clone(),
        body: entry.body.clone(),
        footers: entry.footers.clone(),
        pr: entry.pr,
        pr_url: entry.pr.and_then(|n| remote.map(|r| r.pull(n))),
        refs: entry
            .refs
            .iter()
            .map(|r| JsonRef {
                action: r.action.clone(),
                id: r.id.clone(),
                url: Remote::reference(remote, &r.id),
            })
            .collect(),
        authors: entry.authors.clone(),
        date: entry.date.clone(),
    }
}

pub(super) fn document(releases: &[Release], remote: Option<&Remote>) -> JsonDocument {
    JsonDocument {
        schema: 1,
        releases: releases
            .iter()
            .map(|release| JsonRelease {
                version: release.version(),
                tag: release.span.name.clone(),
                previous_tag: release.span.previous.clone(),
                date: release.date.clone(),
                range: release.span.range(),
                compare_url: release.compare_url(remote),
                sections: release
                    .sections
                    .iter()
                    .map(|s| JsonSection {
                        title: s.title.clone(),
                        commits: s.entries.iter().map(|e| json_commit(e, remote)).collect(),
                    })
                    .collect(),
                hidden: release
                    .hidden
                    .iter()
                    .map(|e| json_commit(e, remote))
                    .collect(),
                contributors: release.contributors.clone(),
            })
            .collect(),
    }
}

/// Renders releases as the JSON document described in the module docs, with a final newline.
pub fn render_json(releases: &[Release], remote: Option<&Remote>) -> String {
    let mut text = serde_json::to_string_pretty(&document(releases, remote))
        .expect("plain structs serialise to JSON");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changelog::test_support::{build_plain, commit, github};

    #[test]
    fn json_is_stable() {
        let release = build_plain(&[commit("g1", "fix(io): retry (#3)\n\nRefs #2", 1)]);
        let json = render_json(&[release], Some(&github()));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["schema"], 1);
        let r = &value["releases"][0];
        assert_eq!(r["version"], "1.1.0");
        assert_eq!(r["range"], "v1.0.0..v1.1.0");
        let c = &r["sections"][0]["commits"][0];
        assert_eq!(c["type"], "fix");
        assert_eq!(c["pr"], 3);
        assert_eq!(
            c["refs"][0]["url"],
            "https://github.com/acme/widget/issues/2"
        );
        assert_eq!(c["breaking_note"], serde_json::Value::Null);
        assert!(json.ends_with("}\n"));
    }
}
