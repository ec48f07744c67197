//! `git herald man [--dir DIR | --install]`: the manual page, from the same definitions as
//! the program: the clap definitions (clap_mangen) for the options, the variables' own doc
//! comments for ENVIRONMENT, and the built-in defaults file for CONFIGURATION, so the page
//! cannot drift from what the program reads.

use super::Cli;
use crate::cli::error::CommandError;
use crate::cli::ui;
use clap::CommandFactory;
use git_herald::config::{DEFAULTS, REPO_FILE, env_vars};
use std::path::{Path, PathBuf};

pub(super) fn run(dir: Option<&Path>, install: bool) -> Result<(), CommandError> {
    let dir = match (dir, install) {
        (Some(dir), _) => Some(dir.to_owned()),
        (None, true) => Some(install_dir()?),
        (None, false) => None,
    };
    match dir {
        Some(dir) => {
            write_pages(&dir)?;
            ui::out(&format!(
                "wrote the manual pages into `{}`\n",
                dir.display()
            ))
        }
        None => ui::out_bytes(&page()?),
    }
}

/// Where `man` finds a page for a program on PATH: `man` looks in `<dir>/../share/man` for
/// each `<dir>` of PATH, so the page goes beside the binary (`~/.cargo/bin/git-herald` →
/// `~/.cargo/share/man/man1/git-herald.1`).
pub(super) fn install_dir() -> Result<PathBuf, CommandError> {
    let exe = std::env::current_exe().map_err(CommandError::io("find this program's own path"))?;
    let bin = exe.parent().unwrap_or(Path::new("."));
    let prefix = bin.parent().unwrap_or(bin);
    Ok(prefix.join("share").join("man").join("man1"))
}

/// Writes `git-herald.1` (the whole page) and one page per subcommand into `dir`.
pub(super) fn write_pages(dir: &Path) -> Result<(), CommandError> {
    std::fs::create_dir_all(dir)
        .map_err(CommandError::io(format!("create `{}`", dir.display())))?;
    let what = || format!("write the manual pages into `{}`", dir.display());
    clap_mangen::generate_to(Cli::command(), dir).map_err(CommandError::io(what()))?;
    std::fs::write(dir.join("git-herald.1"), page()?).map_err(CommandError::io(what()))
}

/// The main page: clap's sections, then ENVIRONMENT, FILES, CONFIGURATION and EXAMPLES.
fn page() -> Result<Vec<u8>, CommandError> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(CommandError::io("render the manual page"))?;
    page.extend_from_slice(extra_sections().as_bytes());
    Ok(page)
}

/// Escapes text for roff: backslashes, and a line that would start with a control character.
fn roff(text: &str) -> String {
    let text = text.replace('\\', "\\e");
    text.lines()
        .map(|line| {
            if line.starts_with('.') || line.starts_with('\'') {
                format!("\\&{line}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn extra_sections() -> String {
    let mut out = String::from(".SH ENVIRONMENT\n");
    for (name, doc) in env_vars::DOCUMENTED {
        let doc: Vec<&str> = doc.lines().map(str::trim).collect();
        out.push_str(&format!(".TP\n\\fB{name}\\fR\n{}\n", roff(&doc.join(" "))));
    }
    out.push_str(&format!(
        ".SH FILES\n\
         .TP\n\\fI$XDG_CONFIG_HOME/git-herald/config.toml\\fR\n\
         The user configuration (the platform's config directory elsewhere; \\fBgit herald \
         config path\\fR prints it). It may set every key.\n\
         .TP\n\\fI{REPO_FILE}\\fR\n\
         The repository's own file, at the top of the work tree. A cloned repository is \
         untrusted: it may set style only (message, filter, hook, changelog and redact tables), \
         never endpoints, keys, proxies or commands.\n\
         .TP\n\\fI$XDG_DATA_HOME/git-herald/usage.csv\\fR\n\
         The usage log: one row per model call (tokens, cost estimate, duration, model).\n\
         .TP\n\\fI$XDG_CACHE_HOME/git-herald/\\fR\n\
         The answer cache (\\fBgit herald cache path|size|clear\\fR).\n\
         .TP\n\\fI.git/hooks/prepare-commit-msg\\fR\n\
         The hook \\fBgit herald hook install\\fR writes (where core.hooksPath says, if set).\n"
    ));
    out.push_str(
        ".SH CONFIGURATION\n\
         Lowest first: the built-in defaults below, the user file, the repository's file, the \
         GIT_HERALD_* variables, then flags. \\fBgit herald config show\\fR prints every value \
         in force and where it came from.\n.PP\n.nf\n",
    );
    out.push_str(&roff(DEFAULTS));
    out.push_str("\n.fi\n");
    out.push_str(
        ".SH EXAMPLES\n\
         .TP\n\\fBgit herald\\fR\n\
         Print a message for the staged changes (the offline engine when no key is set).\n\
         .TP\n\\fBgit herald commit\\fR\n\
         Write a message, review, edit or regenerate it, then commit.\n\
         .TP\n\\fBgit herald hook install\\fR\n\
         Fill the message on every \\fBgit commit\\fR; the commit never waits on a failure.\n\
         .TP\n\\fBgit herald --dry-run\\fR\n\
         Show exactly what would be sent to a model, redacted; send nothing.\n\
         .TP\n\\fBgit herald changelog --latest --prepend CHANGELOG.md\\fR\n\
         Add the newest release's section to the changelog.\n\
         .TP\n\\fBgit herald release-notes --tag v1.4.0 --output notes.md\\fR\n\
         One tag's notes, for a CI release step.\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_documents_every_variable_and_the_defaults() {
        let page = String::from_utf8(page().unwrap()).unwrap();
        for section in [
            ".SH ENVIRONMENT",
            ".SH FILES",
            ".SH CONFIGURATION",
            ".SH EXAMPLES",
        ] {
            assert!(page.contains(section), "{section}");
        }
        for (name, _) in env_vars::DOCUMENTED {
            assert!(page.contains(&format!("\\fB{name}\\fR")), "{name}");
        }
        assert!(page.contains("first-token-timeout = 60"));
        // No line of the defaults may start a roff request by accident.
        assert!(!page.lines().any(|l| l.starts_with(".provider")));
    }
}
