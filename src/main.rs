//! The `git-herald` binary: git runs it as `git herald`. Everything that touches the terminal
//! (clap, colour, progress bars, dialogues, error printing, the fail-open hook process) lives
//! under `cli/`, in the binary only: the library knows no terminal.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
