//! Submodules whose `url` a change moved in `.gitmodules`, and nothing else there: bat's
//! `chore: Change URL of Zig submodule`, which read `Fix link in .gitmodules`.

use crate::diff::{Hunk, LineKind};
use bstr::ByteSlice;

/// The names of the submodules whose `url` the hunks of a `.gitmodules` change, by the last
/// part of each one's section (`[submodule "assets/syntaxes/02_Extra/Zig"]` is `Zig`);
/// empty when any other line changed, or a section was added or removed.
pub(crate) fn moved_urls(hunks: &[Hunk]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for hunk in hunks {
        let (mut section, mut removed, mut added) = (None::<String>, 0usize, 0usize);
        for line in hunk.lines() {
            let text = line.text.to_str_lossy();
            let text = text.trim();
            match line.kind {
                LineKind::Context => {
                    if let Some(name) = text
                        .strip_prefix("[submodule \"")
                        .and_then(|rest| rest.strip_suffix("\"]"))
                    {
                        section = Some(name.rsplit('/').next().unwrap_or(name).to_owned());
                    }
                }
                LineKind::Added | LineKind::Removed => {
                    let url = text
                        .strip_prefix("url")
                        .is_some_and(|rest| rest.trim_start().starts_with('='));
                    let Some(name) = section.as_ref().filter(|_| url) else {
                        return Vec::new();
                    };
                    if line.kind == LineKind::Added {
                        added += 1;
                    } else {
                        removed += 1;
                    }
                    if !names.contains(name) {
                        names.push(name.clone());
                    }
                }
                LineKind::NoNewline => {}
            }
        }
        if added != removed {
            return Vec::new();
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Hunk;

    fn hunk(body: &str) -> Hunk {
        Hunk::of_body(body)
    }

    #[test]
    fn a_moved_url_names_its_submodule() {
        let moved = hunk(
            " [submodule \"assets/syntaxes/02_Extra/Zig\"]\n \tpath = assets/syntaxes/02_Extra/Zig\n-\turl = https://github.com/ziglang/sublime-zig-language.git\n+\turl = https://codeberg.org/ziglang/sublime-zig-language.git\n",
        );
        assert_eq!(moved_urls(&[moved]), ["Zig"]);
        // A submodule added beside it is no URL moved.
        let added = hunk(
            " \turl = https://github.com/TheClams/SmartVHDL\n+[submodule \"assets/syntaxes/02_Extra/hosts\"]\n+\tpath = assets/syntaxes/02_Extra/hosts\n+\turl = https://github.com/tijn/hosts.tmLanguage\n",
        );
        assert!(moved_urls(&[added]).is_empty());
        // A url line out of any section seen: nothing to name.
        let bare = hunk("-\turl = a\n+\turl = b\n");
        assert!(moved_urls(&[bare]).is_empty());
    }
}
