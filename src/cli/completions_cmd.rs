//! `git herald completions SHELL`: clap's completion script for `git-herald`, plus what makes
//! `git herald <TAB>` work under git's own completion.

use super::Cli;
use crate::cli::error::CommandError;
use crate::cli::ui;
use clap::CommandFactory;
use clap_complete::Shell;

/// The name completions are generated for: the binary on `PATH`, which git runs for `git
/// herald`.
const BIN: &str = "git-herald";

/// The name the bash script is generated under. clap_complete 4.6 names the functions of a
/// hyphenated binary's subcommands inconsistently (`git__herald` against
/// `git__subcmd__herald__subcmd__config`), so nested commands would not complete; without the
/// hyphen they do, and the `complete` line is pointed back at `git-herald`.
const BASH_NAME: &str = "githerald";

/// git's bash completion calls `_git_<command>` for `git <command> …`, with `COMP_WORDS`
/// holding `git [options] herald …`. The shim rewrites them as `git-herald …` and hands over to
/// the generated function, so both spellings complete.
const BASH_SHIM: &str = r#"
# `git herald <TAB>`: git's completion (git-completion.bash) calls _git_herald.
_git_herald() {
    local i
    for ((i = 1; i < COMP_CWORD; i++)); do
        [[ ${COMP_WORDS[i]} == herald ]] && break
    done
    local words=(git-herald "${COMP_WORDS[@]:i+1}") cword=$((COMP_CWORD - i))
    local COMP_WORDS=("${words[@]}") COMP_CWORD=$cword
    _githerald git-herald "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
}
"#;

pub(super) fn run(shell: Shell) -> Result<(), CommandError> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    if shell == Shell::Bash {
        clap_complete::generate(shell, &mut command, BASH_NAME, &mut script);
        let text = String::from_utf8_lossy(&script)
            .replace(&format!(" {BASH_NAME}\n"), &format!(" {BIN}\n"));
        return ui::out(&format!("{text}{BASH_SHIM}"));
    }
    // zsh: the script defines `_git-herald`, the function git's zsh completion (`_git`) calls
    // for `git herald`; fish's git completion runs `git-herald`'s completions by itself.
    clap_complete::generate(shell, &mut command, BIN, &mut script);
    ui::out_bytes(&script)
}
