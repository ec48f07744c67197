//! Reading one commit message: its Conventional Commits header, a forge's PR merge, the
//! `(#123)` suffix, and the footers (`BREAKING CHANGE:`, issue trailers, `Co-authored-by:`,
//! `This reverts commit`).

use super::regex;
use crate::conventions::Header;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// An issue or PR named in a trailer (`Closes: #12`, `Refs #4, acme/api#7`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// `closes`, `fixes`, `resolves` or `refs`.
    pub action: String,
    /// `#12`, `acme/api#7` or `PROJ-123`, as written.
    pub id: String,
}

/// A commit's author or co-author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Author {
    pub name: String,
    pub email: String,
}

/// A footer (git trailer) of a commit message: `Reviewed-by: Bo`, `BREAKING CHANGE: …`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footer {
    pub token: String,
    /// The value, its continuation lines kept.
    pub value: String,
}

/// A commit message read as Conventional Commits (or not).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// The header line that describes the change (a merged PR's title for a PR merge), with
    /// any `(#123)` suffix taken off.
    pub header: String,
    /// The lower-cased type, when the header has the `type(scope)!: subject` shape.
    pub kind: Option<String>,
    pub scope: Option<String>,
    /// The description after `type(scope): `, or the whole header when it is not conventional.
    pub subject: String,
    /// `!` in the header or a `BREAKING CHANGE:` footer.
    pub breaking: bool,
    /// The text of the `BREAKING CHANGE:` footer, whole: its lines, paragraphs and code
    /// blocks, up to the next footer.
    pub breaking_note: Option<String>,
    /// The body between the header and the footers, when there is one.
    pub body: Option<String>,
    /// The footers, in order.
    pub footers: Vec<Footer>,
    /// The PR (or merge request) number: `(#123)` at the end of the header, or a merge's.
    pub pr: Option<u64>,
    /// Whether this is a forge's PR merge commit (`Merge pull request #12 from …`).
    pub pr_merge: bool,
    pub refs: Vec<Reference>,
    /// `Co-authored-by:` trailers.
    pub co_authors: Vec<Author>,
    /// The commit this one reverts (`This reverts commit <sha>.`), lower-case hex.
    pub reverts: Option<String>,
}

static PR_SUFFIX: LazyLock<Regex> = LazyLock::new(|| regex(r"^(.*?)[ \t]*\(#([0-9]+)\)[ \t]*$"));
static GITHUB_MERGE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^Merge pull request #([0-9]+) from \S+"));
static GITEA_MERGE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^Merge pull request '(.+)' \(#([0-9]+)\) from \S+"));
static BITBUCKET_MERGE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^Merged in \S+ \(pull request #([0-9]+)\)"));
static GITLAB_MERGE: LazyLock<Regex> = LazyLock::new(|| regex(r"^Merge branch '.+' into '.+'$"));
static GITLAB_MR: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?m)^See merge request (?:\S+)?!([0-9]+)\s*$"));
static TRAILER_REF: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(refs?|references|see|close[sd]?|fix(?:es|ed)?|resolve[sd]?)(?::[ \t]*|[ \t]+)(\S.*)$",
    )
});
static REF_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)?#[0-9]+$|^[A-Z][A-Z0-9_]+-[0-9]+$")
});
static BREAKING: LazyLock<Regex> = LazyLock::new(|| regex(r"^BREAKING[ -]CHANGE:[ \t]*(.*)$"));
static FOOTER: LazyLock<Regex> = LazyLock::new(|| regex(r"^[A-Za-z][A-Za-z0-9-]*(?:: | #)"));
static FOOTER_PARTS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(BREAKING[ -]CHANGE|[A-Za-z][A-Za-z0-9-]*)(?::[ \t]*| (#))(.*)$"));
static CO_AUTHOR: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^co-authored-by:[ \t]*(.+?)[ \t]*<([^>]*)>[ \t]*$"));
static REVERTS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"This reverts commit ([0-9a-fA-F]{7,64})"));

/// Maps common spellings to the standard type (`feature` → `feat`).
fn canonical_type(kind: &str) -> String {
    let lower = kind.to_ascii_lowercase();
    match lower.as_str() {
        "feature" | "features" => "feat",
        "bugfix" | "hotfix" | "fixes" => "fix",
        "doc" => "docs",
        "tests" => "test",
        "performance" => "perf",
        "refactoring" => "refactor",
        "sec" => "security",
        "reverts" => "revert",
        _ => return lower,
    }
    .to_owned()
}

/// Returns a forge's PR merge: the PR number, the PR title if the message has it, and the
/// rest of the body.
fn pr_merge<'a>(header: &'a str, body: &'a str) -> Option<(u64, Option<&'a str>, &'a str)> {
    let first_line = |text: &'a str| {
        let text = text.trim_start_matches(['\n', '\r']);
        let (line, rest) = text.split_once('\n').unwrap_or((text, ""));
        let line = line.trim();
        (!line.is_empty() && !GITLAB_MR.is_match(line)).then_some((line, rest))
    };
    let number = |s: &str| s.parse::<u64>().ok();
    if let Some(c) = GITEA_MERGE.captures(header) {
        let title = c.get(1).map(|m| m.as_str());
        return Some((number(&c[2])?, title, body));
    }
    let pr = if let Some(c) = GITHUB_MERGE.captures(header) {
        number(&c[1])?
    } else if let Some(c) = BITBUCKET_MERGE.captures(header) {
        number(&c[1])?
    } else if GITLAB_MERGE.is_match(header) {
        number(&GITLAB_MR.captures(body)?[1])?
    } else {
        return None;
    };
    Some(match first_line(body) {
        Some((title, rest)) => (pr, Some(title), rest),
        None => (pr, None, body),
    })
}

/// Tells whether a message is a forge's PR merge (`Merge pull request #12 from …`, GitLab's
/// `See merge request …!7`), as opposed to a merge of a local branch.
pub fn is_pr_merge(message: &str) -> bool {
    let message = message.trim_start();
    let (header, body) = message.split_once('\n').unwrap_or((message, ""));
    pr_merge(header.trim(), body).is_some()
}

/// Reads a commit message.
pub fn parse(message: &str) -> Parsed {
    let message = message.trim_start();
    let (header, body) = message.split_once('\n').unwrap_or((message, ""));
    let header = header.trim();
    let mut parsed = Parsed::default();
    let (mut header, body) = match pr_merge(header, body) {
        Some((pr, title, rest)) => {
            parsed.pr = Some(pr);
            parsed.pr_merge = true;
            (title.unwrap_or(header).to_owned(), rest)
        }
        None => (header.to_owned(), body),
    };
    if let Some(c) = PR_SUFFIX.captures(&header)
        && !c[1].trim().is_empty()
    {
        parsed.pr = parsed.pr.or_else(|| c[2].parse().ok());
        header = c[1].trim_end().to_owned();
    }
    // The one Conventional Commits header parser, shared with the message checks: the
    // description follows the colon and one space, as the spec and git-cliff's parser
    // (git-conventional) require. See: https://www.conventionalcommits.org/en/v1.0.0/#specification
    match Header::parse(&header) {
        Some(h) => {
            parsed.kind = Some(canonical_type(h.kind));
            parsed.scope = h
                .scope
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned);
            parsed.breaking = h.breaking;
            parsed.subject = h.summary.trim().to_owned();
        }
        None => parsed.subject.clone_from(&header),
    }
    parsed.header = header;
    read_footers(body, &mut parsed);
    parsed.reverts = REVERTS.captures(body).map(|c| c[1].to_ascii_lowercase());
    parsed
}

/// Tells whether a line opens a code fence (or closes one).
fn is_fence(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("```") || t.starts_with("~~~")
}

/// Splits a body into its text and its footers: the footers start at the first paragraph that
/// opens with `BREAKING CHANGE:`, or else at the trailing paragraphs that all open with a
/// footer (`Token: value`, `Token #value`). Returns the text (trimmed, `None` when empty) and
/// the footer lines.
fn split_body(body: &str) -> (Option<String>, Vec<&str>) {
    let lines: Vec<&str> = body.lines().collect();
    let mut starts = Vec::new(); // paragraph starts outside code fences
    let mut fenced = false;
    for (i, line) in lines.iter().enumerate() {
        let blank_before = i == 0 || lines[i - 1].trim().is_empty();
        if !fenced && blank_before && !line.trim().is_empty() {
            starts.push(i);
        }
        if is_fence(line) {
            fenced = !fenced;
        }
    }
    let opens_footer = |i: usize| {
        let line = lines[i].trim_end();
        BREAKING.is_match(line) || FOOTER.is_match(line)
    };
    let at = starts
        .iter()
        .copied()
        .find(|&i| BREAKING.is_match(lines[i].trim_end()))
        .or_else(|| {
            let mut at = None;
            for &i in starts.iter().rev() {
                if !opens_footer(i) {
                    break;
                }
                at = Some(i);
            }
            at
        })
        .unwrap_or(lines.len());
    let text = lines[..at].join("\n").trim().to_owned();
    ((!text.is_empty()).then_some(text), lines[at..].to_vec())
}

/// Reads the body and footers: `BREAKING CHANGE:`, issue trailers and `Co-authored-by:`.
fn read_footers(body: &str, parsed: &mut Parsed) {
    let (text, lines) = split_body(body);
    parsed.body = text;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end();
        i += 1;
        if let Some(c) = FOOTER_PARTS.captures(line) {
            let token = c[1].to_owned();
            let mut value = format!("{}{}", c.get(2).map_or("", |m| m.as_str()), c[3].trim());
            // A value runs on until the next footer: a breaking note over blank lines and
            // code blocks, whole; other footers over their continuation lines.
            let breaking = BREAKING.is_match(line);
            let mut fenced = false;
            while i < lines.len() {
                let next = lines[i].trim_end();
                if !fenced && (FOOTER.is_match(next) || BREAKING.is_match(next)) {
                    break;
                }
                if !breaking && next.trim().is_empty() {
                    break;
                }
                if is_fence(next) {
                    fenced = !fenced;
                }
                value.push('\n');
                value.push_str(next);
                i += 1;
            }
            let value = value.trim().to_owned();
            parsed.footers.push(Footer {
                token,
                value: value.clone(),
            });
            if breaking {
                parsed.breaking = true;
                if !value.is_empty() && parsed.breaking_note.is_none() {
                    parsed.breaking_note = Some(value);
                }
            }
        }
    }
    // Issue trailers and co-authors, wherever they stand in the body.
    for line in body.lines() {
        let line = line.trim_end();
        if let Some(c) = CO_AUTHOR.captures(line) {
            let author = Author {
                name: c[1].to_owned(),
                email: c[2].to_owned(),
            };
            if !parsed.co_authors.contains(&author) {
                parsed.co_authors.push(author);
            }
        } else if let Some(c) = TRAILER_REF.captures(line) {
            let tokens: Vec<&str> = c[2]
                .split(|ch: char| ch == ',' || ch.is_whitespace())
                .filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case("and"))
                .collect();
            // Prose ("fixes a crash in #12") is not a trailer: every token must be a reference.
            if tokens.is_empty() || !tokens.iter().all(|t| REF_TOKEN.is_match(t)) {
                continue;
            }
            let action = match c[1].to_ascii_lowercase().as_str() {
                "close" | "closes" | "closed" => "closes",
                "fix" | "fixes" | "fixed" => "fixes",
                "resolve" | "resolves" | "resolved" => "resolves",
                _ => "refs",
            };
            for token in tokens {
                if parsed.refs.iter().any(|r| r.id == token) {
                    continue;
                }
                parsed.refs.push(Reference {
                    action: action.into(),
                    id: token.into(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_parts() {
        let p = parse("feat(parser)!: add pairs\n\nmore");
        assert_eq!(p.kind.as_deref(), Some("feat"));
        assert_eq!(p.scope.as_deref(), Some("parser"));
        assert!(p.breaking);
        assert_eq!(p.subject, "add pairs");
        let p = parse("Fix: a typo");
        assert_eq!((p.kind.as_deref(), p.scope), (Some("fix"), None));
        let p = parse("feature(): x");
        assert_eq!((p.kind.as_deref(), p.scope), (Some("feat"), None));
        let p = parse("Add the parser");
        assert_eq!((p.kind, p.subject.as_str()), (None, "Add the parser"));
        assert_eq!(parse("feat:no space").kind, None);
    }

    #[test]
    fn headers_follow_the_one_conventional_commits_parser() {
        // `conventions::Header`, as the message checks read it: the description comes right
        // after `: `; a header that does not is kept whole and typed from its diff.
        for header in [
            "feat:\tadd pairs",
            "feat:  add pairs",
            "feat(a: b): x",
            "feat :x",
        ] {
            let p = parse(header);
            assert_eq!((p.kind, p.subject.as_str()), (None, header), "{header:?}");
        }
        let p = parse("feat( api )!: add pairs  ");
        assert_eq!(
            (p.kind.as_deref(), p.scope.as_deref(), p.breaking),
            (Some("feat"), Some("api"), true)
        );
        assert_eq!(p.subject, "add pairs");
    }

    #[test]
    fn breaking_footer_runs_to_the_next_footer() {
        let p = parse(
            "refactor: split config\n\nBody.\n\nBREAKING CHANGE: `load` is gone;\n  use `open`.\nRefs: #4\n",
        );
        assert!(p.breaking);
        assert_eq!(
            p.breaking_note.as_deref(),
            Some("`load` is gone;\n  use `open`.")
        );
        assert_eq!(p.body.as_deref(), Some("Body."));
        assert_eq!(
            p.footers
                .iter()
                .map(|f| f.token.as_str())
                .collect::<Vec<_>>(),
            ["BREAKING CHANGE", "Refs"]
        );
        assert_eq!(
            p.refs,
            vec![Reference {
                action: "refs".into(),
                id: "#4".into()
            }]
        );
        assert!(parse("fix: x\n\nBREAKING-CHANGE: y").breaking);
        // Lower case is prose, not the footer.
        assert!(!parse("fix: x\n\nbreaking change: y").breaking);
    }

    #[test]
    fn a_breaking_note_is_whole_code_blocks_and_all() {
        let p = parse(
            "feat(tabs): allow tabs to be deselected\n\nBREAKING CHANGE: the event changes:\n\n\
             ```js\nonChange(null)\nNote: x\n```\n\nUpdate your handlers.\nCloses #5\n",
        );
        assert_eq!(p.subject, "allow tabs to be deselected");
        assert_eq!(
            p.breaking_note.as_deref(),
            Some(
                "the event changes:\n\n```js\nonChange(null)\nNote: x\n```\n\nUpdate your handlers."
            )
        );
        assert_eq!(p.body, None);
        assert_eq!(p.refs[0].id, "#5");
        let p = parse("fix: x\n\nWhy it matters.\n\nReviewed-by: Bo\nSigned-off-by: Ada <a@x>\n");
        assert_eq!(p.body.as_deref(), Some("Why it matters."));
        assert_eq!(p.footers.len(), 2);
        assert_eq!(p.footers[1].value, "Ada <a@x>");
    }

    #[test]
    fn trailers_and_pr_numbers() {
        let p = parse(
            "fix(api): handle empty input (#42)\n\nfixes a crash in #12 parsing\n\nCloses #7, #8\nFixes: acme/other#3\nRefs PROJ-12\nCo-authored-by: Bo <bo@example.com>\n",
        );
        assert_eq!(p.pr, Some(42));
        assert_eq!(p.subject, "handle empty input");
        let refs: Vec<_> = p
            .refs
            .iter()
            .map(|r| format!("{} {}", r.action, r.id))
            .collect();
        assert_eq!(
            refs,
            [
                "closes #7",
                "closes #8",
                "fixes acme/other#3",
                "refs PROJ-12"
            ]
        );
        assert_eq!(p.co_authors[0].name, "Bo");
    }

    #[test]
    fn merge_commits_take_the_pr_title() {
        let p = parse("Merge pull request #12 from acme/pagination\n\nfeat(api): add pagination\n");
        assert_eq!((p.pr, p.pr_merge), (Some(12), true));
        assert_eq!(
            (p.kind.as_deref(), p.subject.as_str()),
            (Some("feat"), "add pagination")
        );
        let p = parse("Merge pull request 'fix: trim names' (#5) from fix-names into main");
        assert_eq!((p.pr, p.kind.as_deref()), (Some(5), Some("fix")));
        let p = parse("Merged in feature/x (pull request #9)\n\nAdd exports\n");
        assert_eq!((p.pr, p.header.as_str()), (Some(9), "Add exports"));
        let p = parse(
            "Merge branch 'docs' into 'main'\n\ndocs: explain setup\n\nSee merge request acme/widget!31",
        );
        assert_eq!((p.pr, p.kind.as_deref()), (Some(31), Some("docs")));
        let p = parse("Merge branch 'topic'");
        assert!(!p.pr_merge);
    }
}
