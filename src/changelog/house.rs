//! The house changelog: what a project's own CHANGELOG.md says about how it writes one (its
//! release headings, its section titles with their emoji and order, the types it lists, the
//! shape of its bullets), learned from its newest sections so a new section reads like the
//! maintainers' own. With no file, or too little in it to go on, today's defaults stand.

use super::{SectionSpec, regex};
use regex::Regex;
use std::sync::LazyLock;

/// How many of the newest release sections are read: enough that a patch-heavy project's
/// rarer sections (a Features among many Fixes) are seen.
const SECTIONS_READ: usize = 50;
/// The newest sections, whose every title is the house's.
const RECENT: usize = 12;
/// Bullets needed before their shape is trusted.
const MIN_BULLETS: usize = 3;

/// How the release heading is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingStyle {
    /// `#` count: 2 for `## [1.4.0]`.
    pub level: usize,
    /// `[1.4.0]` rather than `1.4.0`.
    pub bracket: bool,
    /// `[1.4.0](compare-url)`: the link in the heading rather than at the bottom.
    pub inline_link: bool,
    /// ` - 2026-01-01` (Keep a Changelog) or ` (2026-01-01)` (conventional-changelog).
    pub paren_date: bool,
}

impl Default for HeadingStyle {
    fn default() -> Self {
        HeadingStyle {
            level: 2,
            bracket: true,
            inline_link: false,
            paren_date: false,
        }
    }
}

/// How a scope is shown in front of a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeStyle {
    /// `**scope:** subject` (conventional-changelog, nx).
    Bold,
    /// `*(scope)* subject` (git-cliff's Keep a Changelog template, clap).
    ItalicParens,
    /// `scope: subject`.
    Plain,
    /// Scopes left out.
    Hidden,
}

/// Which references follow a bullet, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefStyle {
    /// `(#12, abc1234, closes #3)`: today's default.
    Grouped,
    /// `([#12](…)) ([abc1234](…)), closes [#3](…) [#4](…)` (conventional-changelog).
    Separate,
    /// `([#12](…))`: the PR only (nx release).
    PrOnly,
    /// No references.
    None,
}

/// The shape of a bullet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulletStyle {
    /// `-` or `*`.
    pub marker: char,
    pub scope: ScopeStyle,
    /// Whether the subject starts with a capital letter.
    pub capitalise: bool,
    pub refs: RefStyle,
    /// Whether a bullet ends with its authors (`by @ada`).
    pub authors: bool,
}

impl Default for BulletStyle {
    fn default() -> Self {
        BulletStyle {
            marker: '-',
            scope: ScopeStyle::Bold,
            capitalise: false,
            refs: RefStyle::Grouped,
            authors: false,
        }
    }
}

/// How the Markdown is written: today's defaults, or what a CHANGELOG.md taught.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Style {
    pub heading: HeadingStyle,
    pub bullet: BulletStyle,
    /// The title of a contributors section (`❤️ Thank You`), when the house has one.
    pub contributors: Option<String>,
    /// Whether the whole-file header (`# Changelog` …) is written: not when the house's file
    /// has none.
    pub header: bool,
}

impl Style {
    /// Today's built-in style.
    pub fn builtin() -> Self {
        Style {
            header: true,
            ..Style::default()
        }
    }
}

/// What a CHANGELOG.md teaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct House {
    pub style: Style,
    /// The sections it writes, in its order, each with the types it gathers; empty when the
    /// file has too few `###` sections to go on.
    pub sections: Vec<SectionSpec>,
    /// The types it never lists (of those a changelog knows), when `sections` is learned.
    pub hidden: Vec<String>,
}

static RELEASE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(#{1,3}) +(\[)?v?([0-9]+\.[0-9]+\.[0-9]+[0-9A-Za-z.+-]*)\]?(\([^)]*\))?(?: +- +| +\()?([0-9]{4}-[0-9]{2}-[0-9]{2})?",
    )
});
static BOLD_SCOPE: LazyLock<Regex> = LazyLock::new(|| regex(r"^\*\*[^*]+:\*\* "));
static ITALIC_SCOPE: LazyLock<Regex> = LazyLock::new(|| regex(r"^\*\([^)]+\)\* "));
static PLAIN_SCOPE: LazyLock<Regex> = LazyLock::new(|| regex(r"^[a-z][a-z0-9_-]*: "));
static COMMIT_LINK: LazyLock<Regex> = LazyLock::new(|| regex(r"\[[0-9a-f]{7,40}\]\([^)]*\)"));
static AUTHORS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:\bby \[?@[A-Za-z0-9-]+|\(\[?@[A-Za-z0-9-]+\]?[^)]*\))"));
static PR_REF: LazyLock<Regex> = LazyLock::new(|| regex(r"\(\[?#[0-9]+"));

/// Returns the types a section title gathers, by the names projects give them (emoji and
/// case aside); `None` for a title that names no type.
pub fn types_of_title(title: &str) -> Option<Vec<&'static str>> {
    let name: String = title
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let types: &[&str] = match name.as_str() {
        "breaking changes" | "breaking change" | "breaking" => &["!"],
        "features" | "feature" | "new features" | "added" | "enhancements" => &["feat"],
        "bug fixes" | "bug fix" | "fixes" | "fix" | "fixed" | "bugfixes" => &["fix"],
        "performance" | "performance improvements" | "perf" => &["perf"],
        "documentation" | "docs" => &["docs"],
        "refactor" | "refactoring" | "code refactoring" => &["refactor"],
        "tests" | "test" | "testing" => &["test"],
        "build" | "build system" | "build system and dependencies" => &["build"],
        "ci" | "continuous integration" => &["ci"],
        "chore"
        | "chores"
        | "miscellaneous chores"
        | "internal"
        | "internals"
        | "maintenance"
        | "misc"
        | "miscellaneous" => &["chore"],
        "styles" | "style" => &["style"],
        "reverts" | "revert" | "reverted" => &["revert"],
        "security" => &["security"],
        "dependencies" | "deps" | "dependency updates" => &["deps"],
        "changed" | "changes" | "other changes" | "other" => &["*"],
        _ => return None,
    };
    Some(types.to_vec())
}

/// Tells whether a section title is a contributors list (`❤️ Thank You`, `Contributors`).
fn is_contributors_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    lower.contains("thank you") || lower.contains("contributors") || lower.contains("thanks")
}

/// One release section of the file, as read.
struct ReadSection<'a> {
    heading: &'a str,
    titles: Vec<&'a str>,
    bullets: Vec<&'a str>,
}

fn read_sections(text: &str) -> Vec<ReadSection<'_>> {
    let mut out: Vec<ReadSection<'_>> = Vec::new();
    let mut fenced = false;
    let mut in_contributors = false;
    for line in text.lines() {
        let trimmed = line.trim_end();
        if trimmed.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        if RELEASE_HEADING.is_match(trimmed) && !trimmed.starts_with("###") {
            if out.len() == SECTIONS_READ {
                break;
            }
            out.push(ReadSection {
                heading: trimmed,
                titles: Vec::new(),
                bullets: Vec::new(),
            });
            in_contributors = false;
            continue;
        }
        let Some(current) = out.last_mut() else {
            continue;
        };
        if let Some(title) = trimmed.strip_prefix("### ") {
            let title = title.trim();
            in_contributors = is_contributors_title(title);
            current.titles.push(title);
        } else if !in_contributors
            && let Some(rest) = trimmed.strip_prefix("- ").or(trimmed.strip_prefix("* "))
        {
            let _ = rest;
            current.bullets.push(trimmed);
        }
    }
    out
}

/// Merges the titles of several releases into one order: a new title goes after the known
/// title before it in its release, else before the known title after it, else at the end.
fn merge_order<'a>(releases: &[Vec<&'a str>]) -> Vec<&'a str> {
    let mut order: Vec<&'a str> = Vec::new();
    for titles in releases {
        let mut after: Option<usize> = None;
        for (k, title) in titles.iter().enumerate() {
            if let Some(i) = order.iter().position(|t| t == title) {
                after = Some(i);
                continue;
            }
            let at = match after {
                Some(i) => i + 1,
                None => titles[k + 1..]
                    .iter()
                    .find_map(|next| order.iter().position(|t| t == next))
                    .unwrap_or(order.len()),
            };
            order.insert(at, title);
            after = Some(at);
        }
    }
    order
}

fn majority(yes: usize, all: usize) -> bool {
    all > 0 && yes * 2 > all
}

/// Learns the house changelog from a CHANGELOG.md's text; `None` when it holds no release
/// section to learn from.
pub fn learn(text: &str) -> Option<House> {
    let sections = read_sections(text);
    if sections.is_empty() {
        return None;
    }
    // The heading: as most of the sections read have it.
    let caps: Vec<regex::Captures<'_>> = sections
        .iter()
        .filter_map(|s| RELEASE_HEADING.captures(s.heading))
        .collect();
    let n = caps.len();
    let count = |f: &dyn Fn(&regex::Captures<'_>) -> bool| caps.iter().filter(|c| f(c)).count();
    let level2 = count(&|c| c[1].len() == 2);
    let level1 = count(&|c| c[1].len() == 1);
    let heading = HeadingStyle {
        level: if level1 > level2 {
            1
        } else if level2 > 0 || n == 0 {
            2
        } else {
            3
        },
        bracket: majority(count(&|c| c.get(2).is_some()), n),
        inline_link: majority(count(&|c| c.get(4).is_some()), n),
        paren_date: majority(
            caps.iter()
                .filter(|c| c.get(5).is_some() && c[0].contains(&format!("({}", &c[5])))
                .count(),
            count(&|c| c.get(5).is_some()),
        ),
    };

    let titles: Vec<Vec<&str>> = sections.iter().map(|s| s.titles.clone()).collect();
    let order = merge_order(&titles);
    let contributors = order
        .iter()
        .find(|t| is_contributors_title(t))
        .map(|t| (*t).to_owned());
    // Titles that name types, in the house's order; one title a type (the most used one).
    let mut specs: Vec<SectionSpec> = Vec::new();
    let uses = |t: &str| titles.iter().flatten().filter(|x| **x == t).count();
    // A title of the newest sections counts; an older one only if used again (a one-off
    // `### Misc` in a big release's notes is not the house's habit).
    let recent = |t: &str| titles.iter().take(RECENT).flatten().any(|x| *x == t);
    for title in &order {
        let Some(types) = types_of_title(title) else {
            continue;
        };
        if !recent(title) && uses(title) < 2 {
            continue;
        }
        if let Some(existing) = specs
            .iter_mut()
            .find(|s| s.types.iter().map(String::as_str).eq(types.iter().copied()))
        {
            if uses(title) > uses(&existing.title) {
                existing.title = (*title).to_owned();
            }
            continue;
        }
        specs.push(SectionSpec {
            title: (*title).to_owned(),
            types: types.iter().map(|t| (*t).to_owned()).collect(),
        });
    }
    let releases_with_titles = titles.iter().filter(|t| !t.is_empty()).count();
    let (sections_learned, hidden) = if releases_with_titles >= 2 && !specs.is_empty() {
        let listed: Vec<&str> = specs
            .iter()
            .flat_map(|s| &s.types)
            .map(String::as_str)
            .collect();
        let hidden = [
            "feat", "fix", "docs", "style", "refactor", "perf", "test", "build", "ci", "chore",
            "revert", "security", "deps",
        ]
        .iter()
        .filter(|t| !listed.contains(t) && !listed.contains(&"*"))
        .map(|t| (*t).to_owned())
        .collect();
        (specs, hidden)
    } else {
        (Vec::new(), Vec::new())
    };

    let bullets: Vec<&str> = sections.iter().flat_map(|s| s.bullets.clone()).collect();
    let bullet = if bullets.len() < MIN_BULLETS {
        BulletStyle::default()
    } else {
        let all = bullets.len();
        let bodies: Vec<&str> = bullets.iter().map(|b| &b[2..]).collect();
        let with = |re: &Regex| bodies.iter().filter(|b| re.is_match(b)).count();
        let (bold, italic, plain) = (with(&BOLD_SCOPE), with(&ITALIC_SCOPE), with(&PLAIN_SCOPE));
        let scope = if bold >= italic.max(plain) && bold > 0 {
            ScopeStyle::Bold
        } else if italic >= plain && italic > 0 {
            ScopeStyle::ItalicParens
        } else if plain > 0 {
            ScopeStyle::Plain
        } else {
            ScopeStyle::Hidden
        };
        let subject = |b: &&str| -> Option<char> {
            let rest = [&*BOLD_SCOPE, &*ITALIC_SCOPE, &*PLAIN_SCOPE]
                .iter()
                .find_map(|re| re.find(b).map(|m| &b[m.end()..]))
                .unwrap_or(b);
            rest.chars().find(|c| c.is_alphabetic())
        };
        let letters: Vec<char> = bodies.iter().filter_map(subject).collect();
        let capitalise = majority(
            letters.iter().filter(|c| c.is_uppercase()).count(),
            letters.len(),
        );
        let commits = bodies.iter().filter(|b| COMMIT_LINK.is_match(b)).count();
        let prs = bodies.iter().filter(|b| PR_REF.is_match(b)).count();
        let refs = if majority(commits, all) {
            if bodies
                .iter()
                .any(|b| b.contains(")) (") || b.contains("), closes "))
            {
                RefStyle::Separate
            } else {
                RefStyle::Grouped
            }
        } else if majority(prs, all) {
            RefStyle::PrOnly
        } else {
            RefStyle::None
        };
        let stars = bullets.iter().filter(|b| b.starts_with('*')).count();
        let authors = majority(bodies.iter().filter(|b| AUTHORS.is_match(b)).count(), all);
        BulletStyle {
            marker: if majority(stars, all) { '*' } else { '-' },
            scope,
            capitalise,
            refs,
            authors,
        }
    };
    let first_heading = text
        .lines()
        .find(|l| l.starts_with('#'))
        .unwrap_or_default();
    Some(House {
        style: Style {
            heading,
            bullet,
            contributors,
            header: !RELEASE_HEADING.is_match(first_heading),
        },
        sections: sections_learned,
        hidden,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const VUE: &str = "## [3.5.41](https://github.com/vuejs/core/compare/v3.5.40...v3.5.41) (2026-08-05)\n\n\
        ### Bug Fixes\n\n\
        * **compiler-core:** preserve vnode ([#11682](https://github.com/vuejs/core/issues/11682)) ([02421cd](https://github.com/vuejs/core/commit/02421cd)), closes [#9239](u)\n\
        * **ssr:** normalize states ([#13125](u)) ([4e467d7](https://github.com/vuejs/core/commit/4e467d7))\n\n\
        ## [3.5.40](https://github.com/vuejs/core/compare/v3.5.39...v3.5.40) (2026-07-16)\n\n\
        ### Features\n\n* **types:** add x ([#1](u)) ([20c9d26](https://github.com/vuejs/core/commit/20c9d26))\n\n\
        ### Bug Fixes\n\n* **hydration:** pass namespace ([#15082](u)) ([e0d2723](https://github.com/vuejs/core/commit/e0d2723))\n\n\
        ### Performance Improvements\n\n* **reactivity:** faster ([#5](u)) ([a0d2723](https://github.com/vuejs/core/commit/a0d2723))\n";

    #[test]
    fn learns_a_conventional_changelog_file() {
        let house = learn(VUE).unwrap();
        assert_eq!(
            house.style.heading,
            HeadingStyle {
                level: 2,
                bracket: true,
                inline_link: true,
                paren_date: true
            }
        );
        assert_eq!(
            house.style.bullet,
            BulletStyle {
                marker: '*',
                scope: ScopeStyle::Bold,
                capitalise: false,
                refs: RefStyle::Separate,
                authors: false
            }
        );
        let titles: Vec<&str> = house.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Features", "Bug Fixes", "Performance Improvements"]
        );
        assert!(house.hidden.contains(&"chore".to_owned()));
        assert!(!house.style.header);
    }

    #[test]
    fn learns_emoji_titles_contributors_and_clap_style_bullets() {
        let nx = "## 8.67.0 (2026-08-10)\n\n### 🚀 Features\n\n- **a:** x ([#1](u))\n\n\
                  ### ❤️ Thank You\n\n- Ada\n\n## 8.66.0 (2026-08-03)\n\n### 🩹 Fixes\n\n\
                  - **b:** y ([#2](u))\n- z ([#3](u))\n";
        let house = learn(nx).unwrap();
        let titles: Vec<&str> = house.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["🚀 Features", "🩹 Fixes"]);
        assert_eq!(house.style.contributors.as_deref(), Some("❤️ Thank You"));
        assert_eq!(house.style.bullet.refs, RefStyle::PrOnly);
        assert!(!house.style.heading.bracket && house.style.heading.paren_date);

        let clap = "# Change Log\n\n## [4.6.6] - 2026-08-06\n\n### Features\n\n- Add `x`\n\n\
                    ## [4.6.5] - 2026-07-31\n\n### Fixes\n\n- *(help)* Correctly mark\n\
                    - *(derive)* Allow literals\n";
        let house = learn(clap).unwrap();
        assert_eq!(house.style.bullet.scope, ScopeStyle::ItalicParens);
        assert!(house.style.bullet.capitalise);
        assert_eq!(house.style.bullet.refs, RefStyle::None);
        assert!(
            house.style.header && house.style.heading.bracket && !house.style.heading.paren_date
        );
        assert_eq!(house.sections[1].title, "Fixes");

        let by = "## 1.1.0\n\n### Features\n\n- add x by @ada in #3\n- add y by @bo in #4\n\
                  - add z (@cy)\n";
        assert!(learn(by).unwrap().style.bullet.authors);
    }

    #[test]
    fn too_little_to_go_on_keeps_the_defaults() {
        assert!(learn("# Changelog\n\nNothing yet.\n").is_none());
        let house = learn("# Changelog\n\n## [0.9.0] - 2023-06-01\nBy hand.\n").unwrap();
        assert!(house.sections.is_empty());
        assert_eq!(house.style.bullet, BulletStyle::default());
    }
}
