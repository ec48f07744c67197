//! Remote links: the forge a remote URL points at, and the pages of its commits, pull
//! requests, issues, tags and comparisons.

use super::ForgeSetting;

/// A forge whose pages the links point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forge {
    GitHub,
    GitLab,
    Gitea,
    Bitbucket,
}

/// A repository's web home, read from its remote URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    pub forge: Forge,
    /// `https://github.com/owner/repo`, without a trailing slash.
    pub base: String,
}

impl Remote {
    /// Reads an https, http, ssh, git or scp-like (`git@host:owner/repo.git`) remote URL.
    /// Credentials in the URL are dropped. Returns `None` for hosts it does not know (unless
    /// the forge is configured), local paths and URLs without an `owner/repo` path.
    pub fn parse(url: &str, setting: ForgeSetting) -> Option<Remote> {
        let url = url.trim();
        let (scheme, host, path) = if let Some((scheme, rest)) = url.split_once("://") {
            let (authority, path) = rest.split_once('/')?;
            let host_port = authority.rsplit('@').next()?;
            let web = matches!(scheme, "https" | "http");
            let host = if web {
                host_port
            } else {
                host_port.split(':').next()?
            };
            (if scheme == "http" { "http" } else { "https" }, host, path)
        } else {
            let (left, path) = url.split_once(':')?;
            if left.contains('/') || left.len() < 2 {
                return None;
            }
            ("https", left.rsplit('@').next()?, path)
        };
        let host = host.to_ascii_lowercase();
        let host = match host.as_str() {
            "ssh.github.com" => "github.com".to_owned(),
            "altssh.gitlab.com" => "gitlab.com".to_owned(),
            "altssh.bitbucket.org" => "bitbucket.org".to_owned(),
            _ => host,
        };
        let path = path.trim_matches('/');
        let path = path.strip_suffix(".git").unwrap_or(path);
        if host.is_empty() || !path.contains('/') || path.split('/').any(str::is_empty) {
            return None;
        }
        let forge = match setting {
            ForgeSetting::None => return None,
            ForgeSetting::Github => Forge::GitHub,
            ForgeSetting::Gitlab => Forge::GitLab,
            ForgeSetting::Gitea => Forge::Gitea,
            ForgeSetting::Bitbucket => Forge::Bitbucket,
            ForgeSetting::Auto if host.contains("github") => Forge::GitHub,
            ForgeSetting::Auto if host.contains("gitlab") => Forge::GitLab,
            ForgeSetting::Auto if host.contains("bitbucket") => Forge::Bitbucket,
            ForgeSetting::Auto
                if ["gitea", "forgejo", "codeberg"]
                    .iter()
                    .any(|h| host.contains(h)) =>
            {
                Forge::Gitea
            }
            ForgeSetting::Auto => return None,
        };
        Some(Remote {
            forge,
            base: format!("{scheme}://{host}/{path}"),
        })
    }

    /// Returns a commit's page.
    pub fn commit(&self, id: &str) -> String {
        match self.forge {
            Forge::GitHub | Forge::Gitea => format!("{}/commit/{id}", self.base),
            Forge::GitLab => format!("{}/-/commit/{id}", self.base),
            Forge::Bitbucket => format!("{}/commits/{id}", self.base),
        }
    }

    /// Returns a pull (merge) request's page.
    pub fn pull(&self, number: u64) -> String {
        match self.forge {
            Forge::GitHub => format!("{}/pull/{number}", self.base),
            Forge::Gitea => format!("{}/pulls/{number}", self.base),
            Forge::GitLab => format!("{}/-/merge_requests/{number}", self.base),
            Forge::Bitbucket => format!("{}/pull-requests/{number}", self.base),
        }
    }

    /// Returns an issue's page.
    pub fn issue(&self, number: u64) -> String {
        match self.forge {
            Forge::GitLab => format!("{}/-/issues/{number}", self.base),
            _ => format!("{}/issues/{number}", self.base),
        }
    }

    /// Returns the page comparing two revisions.
    pub fn compare(&self, from: &str, to: &str) -> String {
        match self.forge {
            Forge::GitHub | Forge::Gitea => format!("{}/compare/{from}...{to}", self.base),
            Forge::GitLab => format!("{}/-/compare/{from}...{to}", self.base),
            Forge::Bitbucket => format!("{}/branches/compare/{to}%0D{from}", self.base),
        }
    }

    /// Returns a tag's page.
    pub fn tag(&self, tag: &str) -> String {
        match self.forge {
            Forge::GitHub | Forge::Gitea => format!("{}/releases/tag/{tag}", self.base),
            Forge::GitLab => format!("{}/-/tags/{tag}", self.base),
            Forge::Bitbucket => format!("{}/src/{tag}", self.base),
        }
    }

    /// Returns how the forge writes a PR number: `!12` on GitLab, `#12` elsewhere.
    pub(super) fn pr_label(remote: Option<&Remote>, number: u64) -> String {
        match remote {
            Some(r) if r.forge == Forge::GitLab => format!("!{number}"),
            _ => format!("#{number}"),
        }
    }

    /// Returns the page of an issue reference written `#12`, or `owner/repo#12` for another
    /// repository on the same forge. `PROJ-12` (an outside tracker) has none.
    pub(super) fn reference(remote: Option<&Remote>, id: &str) -> Option<String> {
        let remote = remote?;
        let (repo, number) = id.split_once('#')?;
        let number = number.parse().ok()?;
        if repo.is_empty() {
            return Some(remote.issue(number));
        }
        // `https://host/owner/repo` → `https://host/` + the other repository.
        let host_end = remote.base.find("://").map(|i| i + 3)?;
        let host_end = host_end + remote.base[host_end..].find('/')?;
        let other = Remote {
            forge: remote.forge,
            base: format!("{}/{repo}", &remote.base[..host_end]),
        };
        Some(other.issue(number))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remotes_from_https_and_ssh() {
        let cases = [
            (
                "https://github.com/acme/widget.git",
                Forge::GitHub,
                "https://github.com/acme/widget",
            ),
            (
                "https://x-access-token:ghs_secret@github.com/acme/widget",
                Forge::GitHub,
                "https://github.com/acme/widget",
            ),
            (
                "ssh://git@ssh.github.com:443/acme/widget.git",
                Forge::GitHub,
                "https://github.com/acme/widget",
            ),
            (
                "git@gitlab.com:group/sub/widget.git",
                Forge::GitLab,
                "https://gitlab.com/group/sub/widget",
            ),
            (
                "https://codeberg.org/acme/widget",
                Forge::Gitea,
                "https://codeberg.org/acme/widget",
            ),
            (
                "git@bitbucket.org:acme/widget.git",
                Forge::Bitbucket,
                "https://bitbucket.org/acme/widget",
            ),
            (
                "http://gitea.local:3000/acme/widget/",
                Forge::Gitea,
                "http://gitea.local:3000/acme/widget",
            ),
        ];
        for (url, forge, base) in cases {
            let remote = Remote::parse(url, ForgeSetting::Auto).unwrap_or_else(|| panic!("{url}"));
            assert_eq!((remote.forge, remote.base.as_str()), (forge, base), "{url}");
        }
        for url in [
            "/srv/git/widget.git",
            "file:///srv/widget",
            "https://example.com/acme/w",
            "C:\\repo",
        ] {
            assert_eq!(Remote::parse(url, ForgeSetting::Auto), None, "{url}");
        }
        let forced = Remote::parse("git@git.corp:team/app.git", ForgeSetting::Gitlab).unwrap();
        assert_eq!(
            forced.compare("v1", "v2"),
            "https://git.corp/team/app/-/compare/v1...v2"
        );
        assert_eq!(
            Remote::parse("git@github.com:a/b", ForgeSetting::None),
            None
        );
    }
}
