//! Command-line flags a change adds, read from the added lines of a program's source:
//! clap's derive attributes (`#[arg(long)] clean: bool` → `--clean`) and cobra's flag calls
//! (`cmd.Flags().BoolVar(&opts.clean, "clean", false, "…")`), each with the first line
//! of its help, the author's own words for what it does.

use crate::paths::Lang;

/// A flag added, by its long name (without dashes), and its help's first sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Flag {
    pub name: String,
    pub help: Option<String>,
}

/// Tells whether a hunk's body holds anything [`added`] reads: a clap attribute or a cobra
/// flag call. Most hunks hold neither, and are not copied out to be read.
pub(crate) fn may_declare(body: &[u8]) -> bool {
    use bstr::ByteSlice;
    ["#[arg(", "#[clap(", "#[structopt(", "Flags()."]
        .iter()
        .any(|marker| body.contains_str(marker))
}

/// Reads the flags one side of a hunk declares, from its lines in order (`true` for a
/// line of that side, `false` for context). Only that side's lines count: a flag whose
/// field is context was there before.
pub(crate) fn added<'a>(lines: impl Iterator<Item = (bool, &'a str)>, lang: Lang) -> Vec<Flag> {
    match lang {
        Lang::Rust => clap_flags(lines),
        Lang::Go => lines
            .filter(|(added, _)| *added)
            .filter_map(|(_, line)| cobra_flag(line))
            .collect(),
        _ => Vec::new(),
    }
}

/// clap's derive: doc comment lines, then `#[arg(…long…)]` (or `#[clap(…)]`,
/// `#[structopt(…)]`), then the field, all added.
fn clap_flags<'a>(lines: impl Iterator<Item = (bool, &'a str)>) -> Vec<Flag> {
    let mut out = Vec::new();
    let mut doc: Vec<String> = Vec::new();
    // Seen an attribute that makes the next field a long flag: its explicit name, if any.
    let mut long: Option<Option<String>> = None;
    for (added, line) in lines {
        let text = line.trim();
        if !added {
            doc.clear();
            long = None;
            continue;
        }
        if let Some(comment) = text.strip_prefix("///") {
            doc.push(comment.trim().to_owned());
            continue;
        }
        if text.starts_with("#[") {
            if let Some(args) = ["#[arg(", "#[clap(", "#[structopt("]
                .iter()
                .find_map(|open| text.strip_prefix(open))
                && let Some(name) = long_name(args)
            {
                long = Some(name);
            }
            continue;
        }
        if let Some(explicit) = long.take()
            && let Some(field) = field_name(text)
        {
            let name = explicit.unwrap_or_else(|| field.replace('_', "-"));
            out.push(Flag {
                name,
                help: help(&doc),
            });
        }
        doc.clear();
    }
    out
}

/// The attribute's long name: `Some(None)` for a bare `long`, `Some(Some(x))` for `long =
/// "x"`, `None` when the attribute makes no long flag.
fn long_name(args: &str) -> Option<Option<String>> {
    let args = args.trim_end_matches(']').trim_end_matches(')');
    for part in args.split(',') {
        let part = part.trim();
        if part == "long" {
            return Some(None);
        }
        if let Some(value) = part.strip_prefix("long") {
            let value = value.trim_start().strip_prefix('=')?.trim();
            let name = value.trim_matches('"');
            return (!name.is_empty() && !name.contains(['(', ' '])).then(|| Some(name.to_owned()));
        }
    }
    None
}

/// `pub clean: bool,` → `clean`.
fn field_name(line: &str) -> Option<&str> {
    let line = line
        .strip_prefix("pub(crate) ")
        .or_else(|| line.strip_prefix("pub "))
        .unwrap_or(line);
    let (name, rest) = line.split_once(':')?;
    let ok = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !rest.starts_with(':')
        && line.ends_with(',');
    ok.then_some(name)
}

/// The first sentence of a flag's doc comment, when there is one.
fn help(doc: &[String]) -> Option<String> {
    let first = doc.iter().find(|l| !l.is_empty())?;
    let sentence = first.split(". ").next()?.trim_end_matches('.').trim();
    (sentence.split_whitespace().count() >= 2).then(|| sentence.to_owned())
}

/// cobra: `cmd.Flags().BoolVar(&o.clean, "clean", false, "Remove …")`, `Flags().StringP("out",
/// "o", "", "…")`: the first string literal is the name, the last the help.
fn cobra_flag(line: &str) -> Option<Flag> {
    let at = line
        .find(".Flags().")
        .or_else(|| line.find(".PersistentFlags()."))?;
    let call = &line[at..];
    let strings: Vec<&str> = call.split('"').skip(1).step_by(2).collect();
    let name = strings.first()?;
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let help = strings
        .last()
        .filter(|_| strings.len() >= 2)
        .filter(|h| h.split_whitespace().count() >= 2)
        .map(|h| h.trim_end_matches('.').to_owned());
    Some(Flag {
        name: (*name).to_owned(),
        help,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(lines: &[(bool, &str)], lang: Lang) -> Vec<Flag> {
        added(lines.iter().copied(), lang)
    }

    #[test]
    fn clap_fields_with_a_long_attribute_are_flags() {
        let flags = read(
            &[
                (false, "    root: bool,"),
                (true, ""),
                (
                    true,
                    "    /// Delete each working copy before running the command",
                ),
                (true, "    ///"),
                (true, "    /// By default `jj run` reuses working copies."),
                (true, "    #[arg(long)]"),
                (true, "    clean: bool,"),
                (
                    true,
                    "    #[arg(short = 'j', long = \"jobs\", value_name = \"N\")]",
                ),
                (true, "    pub parallel_jobs: Option<usize>,"),
                (true, "    #[arg(short)]"),
                (true, "    verbose: bool,"),
            ],
            Lang::Rust,
        );
        assert_eq!(
            flags,
            vec![
                Flag {
                    name: "clean".into(),
                    help: Some("Delete each working copy before running the command".into())
                },
                Flag {
                    name: "jobs".into(),
                    help: None
                },
            ]
        );
        // A field that was there before gains an attribute: no new flag.
        let flags = read(
            &[(true, "    #[arg(long)]"), (false, "    clean: bool,")],
            Lang::Rust,
        );
        assert!(flags.is_empty());
    }

    #[test]
    fn cobra_flag_calls_are_flags() {
        // (The same name on two commands is deduplicated over the whole change, in
        // `analysis`.)
        let flags = read(
            &[(
                true,
                "\tcmd.Flags().BoolVar(&root.opts.clean, \"clean\", false, \"Removes the dist folder.\")",
            )],
            Lang::Go,
        );
        assert_eq!(
            flags,
            vec![Flag {
                name: "clean".into(),
                help: Some("Removes the dist folder".into())
            }]
        );
    }
}
