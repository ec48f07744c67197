//! Changes that are best named by what the files are, not by what is in them: a changelog
//! section for a version, blog posts, translations, a mode-only change, a submodule moved,
//! line endings swapped.

use super::analysis::{Analysis, FileFacts};
use super::summary::{join, truncate, width};
use crate::diff::Status;
use crate::paths::{self, Kind};
use crate::text::noun;

const EXECUTABLE: u32 = 0o111;

/// Names of the files, each once, up to three.
fn names(files: &[&FileFacts], name: fn(&str) -> String) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in files {
        let n = name(&f.path);
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

fn listed(names: &[String], one: &str, many: &str) -> String {
    if names.len() <= 3 {
        join(names)
    } else if one.is_empty() {
        names.len().to_string()
    } else {
        format!("{} {}", names.len(), noun(names.len(), one, many))
    }
}

/// The version a Docusaurus versioned-docs path belongs to:
/// `docs-website/versioned_docs/version-2.18/intro.md` and
/// `reference_versioned_sidebars/version-2.18-sidebars.json` are `2.18`.
fn docs_version(path: &str) -> Option<&str> {
    let mut parts = path.split('/');
    while let Some(dir) = parts.next() {
        if dir.ends_with("versioned_docs") || dir.ends_with("versioned_sidebars") {
            let version = parts.next()?.strip_prefix("version-")?;
            let version = version.strip_suffix("-sidebars.json").unwrap_or(version);
            return (!version.is_empty() && version.len() <= 20).then_some(version);
        }
    }
    None
}

/// A documentation site's copy of one or more versions added or taken out whole
/// (haystack's `docs: remove versioned 2.18 docs and api reference`, 393 files): whether
/// they came, and the versions. The other files may only list the versions
/// (`versions.json`) or be documents edited for it.
pub(crate) fn versioned_docs(a: &Analysis) -> Option<(bool, Vec<String>)> {
    let mut versions: Vec<String> = Vec::new();
    let (mut came, mut went, mut others) = (0usize, 0usize, 0usize);
    for f in &a.files {
        match docs_version(&f.path) {
            Some(version) => {
                match f.status {
                    Status::Added => came += 1,
                    Status::Deleted => went += 1,
                    _ => return None,
                }
                if !versions.iter().any(|v| v == version) {
                    versions.push(version.to_owned());
                }
            }
            None if paths::file_name(&f.path).ends_with("versions.json")
                || (f.kind == Kind::Docs && f.status == Status::Modified) =>
            {
                others += 1
            }
            None => return None,
        }
    }
    let whole = came + went;
    if whole < 3 || others * 4 > whole || came * went != 0 || versions.len() > 3 {
        return None;
    }
    versions.sort();
    Some((came > 0, versions))
}

/// `remove versioned 2.18 docs`, `add versioned 2.20 and 2.21 docs` (see
/// [`versioned_docs`]).
pub(crate) fn versioned_summary(a: &Analysis, budget: usize) -> Option<String> {
    let (came, versions) = versioned_docs(a)?;
    let verb = if came { "add" } else { "remove" };
    Some(truncate(
        &format!("{verb} versioned {} docs", join(&versions)),
        budget,
    ))
}

/// Tells whether the change is housekeeping whatever the paths say: only file modes
/// changed, or only submodules moved (issue 13: `chore: make … executable`,
/// `chore: update … submodule`).
pub(crate) fn is_housekeeping(a: &Analysis) -> bool {
    !a.files.is_empty()
        && (a.files.iter().all(|f| f.submodule)
            || a.files.iter().all(|f| {
                f.status == Status::Modified
                    && f.additions + f.deletions == 0
                    && f.old_mode != f.new_mode
            }))
}

/// What a list entry names: its first link's text, else its words up to the first
/// separator (` - `, `:`, `(`, `|`), when that is short: `* [Ceri Storey](https://…)` →
/// `Ceri Storey`, `- Ben Zimmermann - [@bzzimmy](…)` → `Ben Zimmermann`, `* pmandloi28` →
/// `pmandloi28`. `None` for a line that is not a list entry or a table row, or whose entry
/// is a code name.
fn entry_name(line: &str) -> Option<String> {
    let line = line.trim();
    let body = ["* ", "- ", "+ "]
        .iter()
        .find_map(|m| line.strip_prefix(m))
        .or_else(|| {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            (rest.len() < line.len())
                .then(|| rest.strip_prefix(". "))
                .flatten()
        })
        .or_else(|| line.strip_prefix('|'))?
        .trim();
    let name = match body.find('[') {
        Some(0) => body[1..].split(']').next()?,
        _ => {
            let cut = [" - ", " – ", ": ", " (", "|", ", "]
                .iter()
                .filter_map(|s| body.find(s))
                .min()
                .unwrap_or(body.len());
            &body[..cut]
        }
    };
    // A code name (`` `threads`: worker count ``) is an option documented, not an entry.
    if name.trim_start().starts_with('`') {
        return None;
    }
    let name = name.trim().trim_matches(['*', '_']);
    // A step of a checklist (`Run \`cargo package\`.`) is no named entry: a sentence, or
    // code in it (a verb is not told apart from a name: `Mark Smith`).
    if name.ends_with(['.', '!', '?']) || name.contains('`') {
        return None;
    }
    let words = name.split_whitespace().count();
    // A table's rule (`| --- |`) names nothing.
    (name.chars().any(char::is_alphanumeric)
        && words <= 4
        && name.chars().count() <= 40
        && !name.contains("://"))
    .then(|| name.to_owned())
}

/// Returns the summary when the change is one of the kinds this module names, else `None`.
pub(crate) fn summary(a: &Analysis, files: &[&FileFacts], budget: usize) -> Option<String> {
    let all = |pred: &dyn Fn(&FileFacts) -> bool| files.iter().all(|f| pred(f));

    // One document edited in place: named by what went into it.
    if let [file] = files
        && (file.kind == Kind::Docs || file.lines_alone.is_some())
        && file.status == Status::Modified
        && let Some(text) = edited_document(file)
        && super::summary::width(&text) <= budget
    {
        return Some(text);
    }
    let file_name = |p: &str| paths::file_name(p).to_owned();
    // Only the mode changed: `chore: make build.sh executable`.
    if all(&|f| {
        f.status == Status::Modified
            && f.additions + f.deletions == 0
            && f.old_mode != f.new_mode
            && !f.submodule
    }) {
        let names = names(files, file_name);
        let now = files.iter().all(|f| f.new_mode & EXECUTABLE != 0);
        let before = files.iter().all(|f| f.old_mode & EXECUTABLE != 0);
        let what = listed(&names, "file", "files");
        let text = match (before, now) {
            (false, true) => format!("make {what} executable"),
            (true, false) => format!("make {what} non-executable"),
            _ => format!("change the mode of {what}"),
        };
        return Some(truncate(&text, budget));
    }
    if all(&|f| f.submodule) {
        let names = names(files, file_name);
        let word = noun(names.len(), "submodule", "submodules");
        return Some(truncate(
            &format!("update {} {word}", listed(&names, "", "")),
            budget,
        ));
    }
    if all(&|f| f.line_endings_only) {
        let names = names(files, file_name);
        let what = listed(&names, "file", "files");
        // The last line's newline put in (or taken out) is no normalising: bat's `Fix
        // trailing newline` read `normalize line endings in .gitmodules`.
        let text = if all(&|f| f.final_newline == Some(true)) {
            format!("add missing newline at end of {what}")
        } else if all(&|f| f.final_newline == Some(false)) {
            format!("remove newline at end of {what}")
        } else {
            format!("normalize line endings in {what}")
        };
        return Some(truncate(&text, budget));
    }
    // A changelog that gained the section for what is not yet released, and no entry in
    // it: the next section started (ripgrep's `changelog: start next section`, a TBD
    // heading after 15.2.0 was written up).
    if let Some(name) = &a.changelog_unreleased
        && a.changelog_entries.is_empty()
        && a.changelog_heading.is_none()
        && all(&|f| f.kind == Kind::Note)
    {
        return Some(truncate(
            &format!("add {name} section to changelog"),
            budget,
        ));
    }
    // A changelog that gained a version's section, with nothing but prose around it.
    if let Some(version) = &a.changelog_heading
        && a.manifest.release.is_none()
        && a.files
            .iter()
            .all(|f| matches!(f.kind, Kind::Note | Kind::Docs))
    {
        return Some(truncate(&format!("update changelog for {version}"), budget));
    }
    // One entry's references changed, its words kept: bat's `Update changelog entry for
    // #3686` (`see #0000` → `see #3686`), `add PR number and author to changelog entry`.
    if let ([new], [old]) = (
        a.changelog_entries.as_slice(),
        a.changelog_removed_entries.as_slice(),
    ) && a.changelog_removed == 1
        && a.changelog_heading.is_none()
        && all(&|f| f.kind == Kind::Note && f.status == Status::Modified)
        && let Some(text) = reference_edit(old, new)
    {
        return Some(truncate(&text, budget));
    }
    // Entries added to a changelog's list, nothing taken out, nothing else changed:
    // `add changelog entry for vi motions`, `add 3 changelog entries`.
    if !a.changelog_entries.is_empty()
        && a.changelog_heading.is_none()
        && a.changelog_removed == 0
        && all(&|f| f.kind == Kind::Note && f.status == Status::Modified)
    {
        let text = match a.changelog_entries.as_slice() {
            [one] => format!("add changelog entry for {}", entry_words(one)),
            many => format!("add {} changelog entries", many.len()),
        };
        // An entry cut short says less than the plain words.
        if width(&text) > budget {
            return Some(truncate("update changelog", budget));
        }
        return Some(text);
    }
    // Entries moved within a changelog and nothing else: `move changelog entry for X to
    // Features` (bat's `Move CHANGELOG.md entry to Features`, jj's `move misplaced
    // changelog entry about …`), the place it went when a heading says it.
    if !a.changelog_entries.is_empty()
        && all(&|f| f.kind == Kind::Note && f.status == Status::Modified && f.lines_moved)
    {
        let what = match a.changelog_entries.as_slice() {
            [one] => format!("changelog entry for {}", entry_words(one)),
            many => format!("{} changelog entries", many.len()),
        };
        let bare = match a.changelog_entries.len() {
            1 => "changelog entry".to_owned(),
            n => format!("{n} changelog entries"),
        };
        // Where one entry went, when its headings say; several may go different ways.
        let to = (a.changelog_entries.len() == 1)
            .then(|| {
                super::analysis::moved_to(&a.changelog_removed_chain, &a.changelog_added_chain)
            })
            .flatten();
        let to = to.as_deref();
        let candidates = [
            to.map(|to| format!("move {what} to {to}")),
            Some(format!("move {what}")),
            to.map(|to| format!("move {bare} to {to}")),
            Some(format!("move {bare}")),
        ];
        if let Some(text) = candidates
            .into_iter()
            .flatten()
            .find(|t| width(t) <= budget)
        {
            return Some(text);
        }
    }
    // Blog posts: `website/blog/2024-05-01-v2.md`.
    if all(&|f| paths::has_dir(&f.path, &["blog", "posts", "_posts"]) && f.kind == Kind::Docs) {
        let added = all(&|f| f.status == Status::Added);
        let names = names(files, |p| paths::stem(p).to_owned());
        let verb = if added { "add" } else { "update" };
        let word = noun(names.len(), "blog post", "blog posts");
        return Some(truncate(
            &format!("{verb} {} {word}", listed(&names, "", "")),
            budget,
        ));
    }
    // Translations: `locales/fr.json`, `i18n/de/messages.po`, and pages under a folder named
    // for their locale (starship's Crowdin updates to `docs/ar-SA/`, `docs/zh-CN/`).
    let translation = |f: &FileFacts| {
        paths::has_dir(
            &f.path,
            &["i18n", "l10n", "locales", "locale", "translations", "lang"],
        ) || matches!(paths::extension(&f.path), "po" | "pot" | "xliff" | "ftl")
            || f.kind == Kind::Docs && locale_dir(&f.path).is_some()
    };
    if all(&translation) {
        let by_locale = all(&|f| locale_dir(&f.path).is_some());
        let names = if by_locale {
            names(files, |p| locale_dir(p).unwrap_or_default().to_owned())
        } else {
            names(files, |p| paths::stem(p).to_owned())
        };
        let verb = if all(&|f| f.status == Status::Added) {
            "add"
        } else {
            "update"
        };
        let word = noun(names.len(), "translation", "translations");
        return Some(truncate(
            &format!("{verb} {} {word}", listed(&names, "", "")),
            budget,
        ));
    }
    None
}

/// The folder of a path named for a locale with its region or script (`de-DE`, `pt_BR`,
/// `ckb-IR`, `zh-Hans`): a bare two-letter folder says too little (`io`, `ui`).
pub(crate) fn locale_dir(path: &str) -> Option<&str> {
    let mut folders = path.split('/');
    folders.next_back();
    folders.find(|dir| {
        let Some(at) = dir.find(['-', '_']) else {
            return false;
        };
        let (lang, b) = (&dir.as_bytes()[..at], &dir.as_bytes()[at..]);
        (2..=3).contains(&lang.len())
            && lang.iter().all(u8::is_ascii_lowercase)
            && match &b[1..] {
                [x, y] => x.is_ascii_uppercase() && y.is_ascii_uppercase(),
                [first, rest @ ..] if rest.len() == 3 => {
                    first.is_ascii_uppercase() && rest.iter().all(u8::is_ascii_lowercase)
                }
                _ => false,
            }
    })
}

/// One document's edit by what went into it: entries added to its list or rows to its
/// table (`add pmandloi28 to paid_contributors`, helix's `add Lite XL and Lapce to
/// other-software`) or taken out, or words put into a line and nothing else (`add g++ to
/// INSTALL`, alacritty's `Add g++ dependency to Debian install docs`; `remove --locked
/// from README`).
fn edited_document(file: &FileFacts) -> Option<String> {
    let place = super::summary::doc_name(&file.path);
    let place = place.strip_suffix(".md").unwrap_or(&place);
    // An entry's text wrapped onto an indented line goes with it, and so do the targets
    // of its links (`[SQLx]: https://…`).
    let wrapped = |l: &&String| {
        l.starts_with([' ', '\t']) && !["* ", "- ", "+ "].iter().any(|m| l.trim().starts_with(m))
            || is_link_target(l)
    };
    if let Some((added, lines)) = &file.lines_alone
        && let Some(names) = (lines.iter())
            .filter(|l| !wrapped(l))
            .map(|l| entry_name(l))
            .collect::<Option<Vec<String>>>()
            // Two alike are words of prose (`- Note: …` twice), not entries.
            .filter(|n| n.len() == 1 || n.len() == 2 && n[0] != n[1])
    {
        let names = super::summary::join(&names);
        return Some(match added {
            true => format!("add {names} to {place}"),
            false => format!("remove {names} from {place}"),
        });
    }
    if let Some((true, lines)) = &file.lines_alone
        && let Some(term) = one_term(lines)
    {
        return Some(match term {
            Term::Link(text) => format!("add link to {text} in {place}"),
            Term::Code(code) => format!("mention {code} in {place}"),
            Term::Documented(code) => format!("document {code} in {place}"),
        });
    }
    let [(added, first), rest @ ..] = file.inserted.as_slice() else {
        return None;
    };
    if rest.len() > 1 || rest.iter().any(|(a, _)| a != added) {
        return None;
    }
    let words = match rest {
        [(_, second)] => format!("{first} and {second}"),
        _ => first.clone(),
    };
    Some(if *added {
        format!("add {words} to {place}")
    } else {
        format!("remove {words} from {place}")
    })
}

/// Whether a line defines where a reference link points (`[SQLx]: https://…`).
fn is_link_target(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('[') && t.find("]: ").is_some_and(|at| !t[..at].contains(']'))
}

/// What a few lines put into a page name, for [`one_term`].
#[derive(Debug, PartialEq)]
enum Term {
    /// A link's text (`[Jujutsu for everyone](…)`).
    Link(String),
    /// Code (`` `IdentityAgent` ``).
    Code(String),
    /// Code a list entry opens with, then says what it is (`` - `-U/--multiline`: … ``).
    Documented(String),
}

/// The one thing a few added lines of prose name, when they name exactly one: a link's
/// text or a piece of code, each the same every time it appears (wezterm's `docs: ssh:
/// mention IdentityAgent`, jj's `docs: add link to "Jujutsu for everyone" tutorial`).
/// `None` for headings, table rows, code blocks, images, or a link that says nothing by
/// itself (`here`).
fn one_term(lines: &[String]) -> Option<Term> {
    let mut found: Vec<Term> = Vec::new();
    for line in lines.iter().filter(|l| !is_link_target(l)) {
        let t = line.trim_start();
        if ["#", "|", "```", "~~~", "<", "!["]
            .iter()
            .any(|m| t.starts_with(m))
        {
            return None;
        }
        let mut rest = t;
        while let Some(at) = rest.find(['[', '`']) {
            let (term, end) = if rest[at..].starts_with('`') {
                let body = &rest[at + 1..];
                let close = body.find('`')?;
                let code = body[..close].trim().trim_matches(['"', '\'']);
                (Term::Code(code.to_owned()), at + 2 + close)
            } else {
                let body = &rest[at + 1..];
                let Some(close) = body.find("](").or_else(|| body.find("][")) else {
                    rest = &rest[at + 1..];
                    continue;
                };
                let text = body[..close].trim_matches('`').trim().to_owned();
                (Term::Link(text), at + 1 + close + 2)
            };
            if !found.contains(&term) {
                found.push(term);
            }
            rest = &rest[end.min(rest.len())..];
        }
    }
    let [mut term] = <[Term; 1]>::try_from(found).ok()?;
    // An entry that opens with the code and says what it is documents it (ripgrep's `doc:
    // add -U/--multiline to common options`).
    if let Term::Code(code) = &term
        && let [line] = lines
        && let Some(rest) = ["* ", "- "]
            .iter()
            .find_map(|m| line.trim().strip_prefix(m))
            .and_then(|r| r.strip_prefix('`'))
            .and_then(|r| r.split_once('`'))
            .map(|(_, rest)| rest.trim_start())
        && (rest.starts_with(':') || rest.starts_with("- ") || rest.starts_with("– "))
    {
        term = Term::Documented(code.clone());
    }
    let (Term::Link(text) | Term::Code(text) | Term::Documented(text)) = &term;
    let words: Vec<&str> = text.split_whitespace().collect();
    // A link's words that point rather than name (`here`, `the docs`), or a phrase of
    // prose (`not actively developed anymore`), say nothing by themselves.
    let vague = words.iter().any(|w| {
        ["here", "this", "link", "docs", "documentation"].contains(&w.to_lowercase().as_str())
    });
    let prose = matches!(term, Term::Link(_))
        && words.len() >= 3
        && words[0].starts_with(|c: char| c.is_lowercase());
    // A short plain word in code (`main`, `bat`) is a branch or the project, not news.
    let plain = !matches!(term, Term::Link(_))
        && text.len() <= 4
        && text.chars().all(|c| c.is_ascii_lowercase());
    (text.chars().any(char::is_alphabetic)
        && words.len() <= 4
        && text.chars().count() <= 40
        && !vague
        && !prose
        && !plain
        && !text.contains("://")
        && !text.contains(['!', '[', ']', '`']))
    .then_some(term)
}

/// What changed in an entry whose words stayed while its references moved: `add #3650 to
/// changelog entry`, `update changelog entry for #3686`; `None` when its words changed.
fn reference_edit(old: &str, new: &str) -> Option<String> {
    let split = |text: &str| {
        let spans = super::house::references(text);
        let refs: Vec<String> = spans.iter().map(|&(s, e)| text[s..e].to_owned()).collect();
        let mut rest = String::new();
        let mut at = 0;
        for (s, e) in spans {
            rest.push_str(&text[at..s]);
            rest.push(' ');
            at = e;
        }
        rest.push_str(&text[at..]);
        // The words around a reference come and go with it (`Closes #1936, see #3563
        // (@jane)`).
        let words: Vec<String> = (rest.split_whitespace())
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '@'))
            .filter(|w| !w.is_empty() && !w.starts_with('@'))
            .map(str::to_lowercase)
            .filter(|w| !matches!(w.as_str(), "see" | "closes" | "fixes" | "resolves" | "in"))
            .collect();
        (refs, words)
    };
    let ((old_refs, old_words), (new_refs, new_words)) = (split(old), split(new));
    if old_words != new_words || old_words.is_empty() {
        return None;
    }
    let added: Vec<String> = (new_refs.iter())
        .filter(|r| !old_refs.contains(r))
        .cloned()
        .collect();
    let gone = old_refs.iter().any(|r| !new_refs.contains(r));
    match (added.len(), gone) {
        (1..=2, false) => Some(format!("add {} to changelog entry", join(&added))),
        (1..=2, true) => Some(format!("update changelog entry for {}", join(&added))),
        _ => None,
    }
}

/// A changelog entry as words of a subject: links as their text, a trailing reference
/// (`(#1234)`, `by @someone`) and end stop dropped, a plain first word lowered.
fn entry_words(entry: &str) -> String {
    let text = super::words::unlink(entry);
    // A leading scope in emphasis (clap's `*(derive)* Process doc comments`, `**cli:**`).
    let text = text.trim();
    let text = ["*(", "**"]
        .iter()
        .zip([")*", "**"])
        .find_map(|(open, close)| {
            let inner = text.strip_prefix(open)?;
            inner.find(close).map(|at| &inner[at + close.len()..])
        })
        .unwrap_or(text);
    // ripgrep's `[FEATURE #2425](…): Shell completions …`: the label files the entry.
    let text = super::words::without_filing(text.trim());
    let text = super::words::without_reference(text.trim_end_matches('.').trim());
    let mut words = text.splitn(2, ' ');
    let first = words.next().unwrap_or("");
    let rest = words.next();
    // An entry led by its verb is what the entry is for: `Fix a regression …` → `fixing a
    // regression …`; `Support for X` is a noun.
    let next = rest.and_then(|r| r.split_whitespace().next()).unwrap_or("");
    let noun_follows = matches!(
        next,
        "for" | "of" | "to" | "in" | "on" | "with" | "and" | "is" | "was" | "are" | "now"
    );
    let lowered = match super::words::imperative(first) {
        Some(bare) if rest.is_some() && !noun_follows => super::words::gerund(&bare),
        _ => super::words::lower_first(first),
    };
    match rest {
        Some(rest) => format!("{lowered} {rest}"),
        None => lowered,
    }
}

#[cfg(test)]
mod tests {
    use super::{entry_name, locale_dir};

    #[test]
    fn locale_folders_carry_a_region_or_a_script() {
        assert_eq!(locale_dir("docs/de-DE/config/README.md"), Some("de-DE"));
        assert_eq!(locale_dir("docs/ckb-IR/README.md"), Some("ckb-IR"));
        assert_eq!(locale_dir("site/pt_BR/index.md"), Some("pt_BR"));
        assert_eq!(locale_dir("docs/zh-Hans/guide.md"), Some("zh-Hans"));
        // A bare language code, a word with a dash, or the file itself: no locale.
        assert_eq!(locale_dir("docs/de/README.md"), None);
        assert_eq!(locale_dir("src/io-UTIL/mod.rs"), None);
        assert_eq!(locale_dir("docs/guide/getting-started.md"), None);
        assert_eq!(locale_dir("de-DE.md"), None);
    }

    #[test]
    fn list_entries_go_by_the_name_they_add() {
        assert_eq!(entry_name("* pmandloi28").as_deref(), Some("pmandloi28"));
        assert_eq!(
            entry_name(" * [Ceri Storey](https://github.com/cstorey)").as_deref(),
            Some("Ceri Storey")
        );
        assert_eq!(
            entry_name("- Ben Zimmermann - [@bzzimmy](https://github.com/bzzimmy) | mail")
                .as_deref(),
            Some("Ben Zimmermann")
        );
        assert_eq!(
            entry_name("| KSOC | https://ksoc.com |").as_deref(),
            Some("KSOC")
        );
        assert_eq!(entry_name("12. Acme Corp").as_deref(), Some("Acme Corp"));
        assert_eq!(entry_name("- `threads`: worker count"), None);
        // A sentence, or an entry that says too much to be a name.
        assert_eq!(entry_name("Install it with cargo."), None);
        assert_eq!(entry_name("| --- | --- |"), None);
        assert_eq!(entry_name("- https://example.org/"), None);
        assert_eq!(
            entry_name("- [axum-http-auth-example](https://x): An example.").as_deref(),
            Some("axum-http-auth-example")
        );
    }

    #[test]
    fn a_few_lines_naming_one_thing_name_it() {
        use super::{Term, one_term};
        let lines = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            one_term(&lines(&[
                "The `IdentityAgent` option is honoured.",
                "Set `IdentityAgent` to a socket."
            ])),
            Some(Term::Code("IdentityAgent".into()))
        );
        assert_eq!(
            one_term(&lines(&[
                "* [Jujutsu for everyone](https://example.org/) by Jane."
            ])),
            Some(Term::Link("Jujutsu for everyone".into()))
        );
        // Two things, a vague link, a heading, an image: nothing named.
        assert_eq!(one_term(&lines(&["Use `a` or `b`."])), None);
        assert_eq!(
            one_term(&lines(&["See [here](https://example.org/)."])),
            None
        );
        assert_eq!(one_term(&lines(&["## `Config`"])), None);
        assert_eq!(one_term(&lines(&["![Badge](https://x/b.svg)"])), None);
        assert_eq!(
            one_term(&lines(&["[![Badge](https://x/b.svg)](https://x)"])),
            None
        );
        assert_eq!(
            one_term(&lines(&[
                "It is [not actively developed anymore](https://x)."
            ])),
            None
        );
        assert_eq!(
            entry_name("- a long explanation of how the whole thing works in practice"),
            None
        );
    }
}
