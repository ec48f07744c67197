//! Commits, spans and a remote the changelog's unit tests share.

use super::{ForgeSetting, Options, Release, Remote, Span, build};
use crate::git::CommitInfo;

pub(super) fn commit(id: &str, message: &str, day: i64) -> CommitInfo {
    CommitInfo {
        id: format!("{id:0<40}"),
        message: message.into(),
        author_name: "Ada".into(),
        author_email: "ada@example.com".into(),
        time: 1_704_067_200 + day * 86_400,
        parents: 1,
    }
}

pub(super) fn span(name: Option<&str>, previous: Option<&str>) -> Span {
    Span {
        name: name.map(str::to_owned),
        previous: previous.map(str::to_owned),
        to: name.unwrap_or("HEAD").into(),
        time: name.map(|_| 1_704_067_200 + 10 * 86_400),
    }
}

pub(super) fn github() -> Remote {
    Remote::parse("git@github.com:acme/widget.git", ForgeSetting::Auto).unwrap()
}

/// Builds `v1.0.0..v1.1.0`; a commit that is not conventional is `other`.
pub(super) fn build_plain(commits: &[CommitInfo]) -> Release {
    build(
        &span(Some("v1.1.0"), Some("v1.0.0")),
        commits,
        &Options::default(),
        &mut |_| None,
    )
}
