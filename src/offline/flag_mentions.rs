//! Command-line flags a change writes into the files that describe a program rather than
//! declare it: shell completions, man pages and help text (`--quiet-empty` put into bat's
//! zsh completion, its fish completion and `doc/long-help.txt`). Said as `add
//! --quiet-empty to zsh completion`, where the lines alone said `update bat.zsh.in`.

use crate::diff::{Hunk, LineKind};
use crate::paths;
use bstr::ByteSlice;

/// What a file that describes the command line is, in words (`zsh completion`, `man
/// page`, `long-help`); `None` for any other file. A template's `.in` is no part of it.
pub(crate) fn place(path: &str) -> Option<String> {
    let (stem, ext) = stem_ext(path);
    if let Some(shell) = shell(path, stem, ext, false) {
        return Some(format!("{shell} completion"));
    }
    let man = ext.len() == 1 && ext.as_bytes()[0].is_ascii_digit()
        || paths::file_name(path).ends_with(".1.md")
        || paths::has_dir(path, &["man", "manual"]);
    if man {
        return Some("man page".to_owned());
    }
    let lower = stem.to_lowercase();
    (matches!(ext, "txt" | "") && (lower.contains("help") || lower.contains("usage")))
        .then(|| stem.to_owned())
}

/// A file's name without a template's `.in`, split at its last dot.
fn stem_ext(path: &str) -> (&str, &str) {
    let name = paths::file_name(path);
    let name = name.strip_suffix(".in").unwrap_or(name);
    name.rsplit_once('.').unwrap_or((name, ""))
}

/// The shell a completion script is for: by its extension, or zsh's `_rg` in a completions
/// folder. `in_folder` asks for the folder in every case (a `.bash` elsewhere is a script).
fn shell(path: &str, stem: &str, ext: &str, in_folder: bool) -> Option<&'static str> {
    let completions = paths::has_dir(path, &["complete", "completion", "completions"]);
    if in_folder && !completions {
        return None;
    }
    match ext {
        "zsh" => Some("zsh"),
        "fish" => Some("fish"),
        "bash" => Some("bash"),
        "ps1" => Some("PowerShell"),
        "" if completions && stem.starts_with('_') => Some("zsh"),
        _ => None,
    }
}

/// The name a shell completion script goes by in a subject, when it lies in a completions
/// folder: ripgrep's `complete/rg.zsh` is `zsh completion`, never `rg`.
pub(crate) fn completion(path: &str) -> Option<String> {
    let (stem, ext) = stem_ext(path);
    shell(path, stem, ext, true).map(|shell| format!("{shell} completion"))
}

/// The long flags the added lines of `hunks` name, each once, at most eight.
pub(crate) fn on_added_lines(hunks: &[Hunk]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let lines = hunks.iter().flat_map(|h| h.lines());
    for line in lines.filter(|l| l.kind == LineKind::Added) {
        for flag in flags_in(&line.text.to_str_lossy(), false) {
            if out.len() < 8 && !out.contains(&flag) {
                out.push(flag);
            }
        }
    }
    out
}

/// The long flags a line names: `--quiet-empty`, roff's `\-\-binary`, and fish's `-l
/// quiet-empty` (`fish`: the line is a fish completion's).
fn flags_in(line: &str, fish: bool) -> Vec<String> {
    // roff's escaped dashes and font changes (`\fB\-\-binary\fR`).
    let mut line = line.replace("\\-", "-");
    for font in ["\\fB", "\\fI", "\\fR", "\\fP"] {
        line = line.replace(font, " ");
    }
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut push = |name: &str| {
        let flag = format!("--{name}");
        if !out.contains(&flag) {
            out.push(flag);
        }
    };
    let name_at = |start: usize| -> &str {
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        line[start..start + len].trim_end_matches('-')
    };
    for (i, _) in line.match_indices("--") {
        let before = i.checked_sub(1).map(|b| bytes[b]);
        if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-') {
            continue;
        }
        let name = name_at(i + 2);
        if name.len() >= 2 && name.as_bytes()[0].is_ascii_lowercase() {
            push(name);
        }
    }
    if fish {
        let words: Vec<&str> = line.split_whitespace().collect();
        for pair in words.windows(2) {
            if matches!(pair[0], "-l" | "--long") && pair[1].len() >= 2 {
                let name = pair[1].trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
                if name.len() >= 2
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                {
                    push(name);
                }
            }
        }
    }
    out
}

/// The flags a file's hunks name on added lines and nowhere in the hunk before, in order;
/// `None` when a flag is gone from the hunk (a flag renamed or dropped says more than one
/// added) or when none is new. `place` is the file's, as [`place`] names it.
pub(crate) fn written(place: &str, hunks: &[Hunk]) -> Option<Vec<String>> {
    let fish = place.starts_with("fish");
    let mut new = Vec::new();
    for hunk in hunks {
        // Each line read once: its kind, its text, the flags it names.
        let lines: Vec<(LineKind, String, Vec<String>)> = (hunk.lines())
            .filter(|l| {
                matches!(
                    l.kind,
                    LineKind::Added | LineKind::Removed | LineKind::Context
                )
            })
            .map(|l| {
                let text = l.text.to_str_lossy().into_owned();
                let flags = flags_in(&text, fish);
                (l.kind, text, flags)
            })
            .collect();
        let named = |kinds: &[LineKind]| -> Vec<&String> {
            (lines.iter())
                .filter(|(kind, ..)| kinds.contains(kind))
                .flat_map(|(_, _, flags)| flags)
                .collect()
        };
        let added = named(&[LineKind::Added]);
        let before = named(&[LineKind::Removed, LineKind::Context]);
        // Only the lines the hunk changed can drop a flag; context keeps its own.
        if named(&[LineKind::Removed])
            .iter()
            .any(|f| !added.contains(f))
        {
            return None;
        }
        let removed_lines: Vec<String> = (lines.iter())
            .filter(|(kind, ..)| *kind == LineKind::Removed)
            .map(|(_, text, _)| squeezed(text, &[]))
            .collect();
        for (_, text, flags) in lines.iter().filter(|(k, ..)| *k == LineKind::Added) {
            let fresh: Vec<String> = (flags.iter())
                .filter(|f| !before.contains(f))
                .cloned()
                .collect();
            // A flag put into a line that was there before is passed to a command the
            // file runs (bat's `bat --no-paging --list-themes` inside its completions),
            // not one the file describes: only flags on lines of their own count.
            if fresh.is_empty() || removed_lines.contains(&squeezed(text, &fresh)) {
                continue;
            }
            for flag in fresh {
                if !new.contains(&flag) {
                    new.push(flag);
                }
            }
        }
    }
    (!new.is_empty()).then_some(new)
}

/// A line's words, one space apart, without those that hold one of `flags` (`--no-paging`,
/// `--color=never`, fish's `-l` and its name).
fn squeezed(line: &str, flags: &[String]) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let named = |w: &str| {
            flags.iter().any(|f| {
                w.contains(f.as_str())
                    || w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-') == &f[2..]
            })
        };
        if words[i] == "-l" && words.get(i + 1).is_some_and(|w| named(w)) {
            i += 2;
            continue;
        }
        if !named(words[i]) {
            out.push(words[i]);
        }
        i += 1;
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_that_describe_the_command_line_are_named() {
        assert_eq!(
            place("assets/completions/bat.zsh.in").as_deref(),
            Some("zsh completion")
        );
        assert_eq!(
            place("assets/completions/_bat.ps1.in").as_deref(),
            Some("PowerShell completion")
        );
        assert_eq!(
            place("crates/core/flags/complete/_rg").as_deref(),
            Some("zsh completion")
        );
        assert_eq!(place("assets/manual/bat.1.in").as_deref(), Some("man page"));
        assert_eq!(place("doc/long-help.txt").as_deref(), Some("long-help"));
        assert_eq!(place("README.md"), None);
        assert_eq!(place("src/main.rs"), None);
    }

    #[test]
    fn flags_are_read_in_each_form() {
        assert_eq!(flags_in("  -E, --quiet-empty", false), ["--quiet-empty"]);
        assert_eq!(
            flags_in("\\fB\\-\\-binary\\fR <behavior>", false),
            ["--binary"]
        );
        assert_eq!(
            flags_in("complete -c $bat -l quiet-empty -d \"Do not\"", true),
            ["--quiet-empty"]
        );
        // A rule of dashes, an em dash in prose, a word before the dashes: no flag.
        assert!(flags_in("-----", false).is_empty());
        assert!(flags_in("a--b and x -- y", false).is_empty());
    }

    fn hunk(body: &str) -> Vec<Hunk> {
        let patch = format!("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,9 +1,9 @@\n{body}");
        crate::diff::parse(patch.as_bytes()).remove(0).hunks
    }

    #[test]
    fn a_flag_on_a_line_of_its_own_is_written_one_put_into_a_command_is_passed() {
        let fish = &place("assets/completions/bat.fish.in").unwrap();
        let defined = hunk(
            " complete -c $bat -l diagnostic -d \"Show diagnostics\"\n\
             -        -l diagnostic \\\n\
             +        -l diagnostic -l quiet-empty \\\n\
             +complete -c $bat -l quiet-empty -d \"No output when empty\"\n",
        );
        assert_eq!(
            written(fish, &defined),
            Some(vec!["--quiet-empty".to_owned()])
        );
        let zsh = &place("assets/completions/bat.zsh.in").unwrap();
        let passed = hunk(
            "-    themes=($(bat --list-themes))\n\
             +    themes=($(bat --color=never --decorations=never --list-themes))\n",
        );
        assert_eq!(written(zsh, &passed), None);
    }
}
