//! The `git-herald` binary: git runs it as `git herald`.

fn main() -> std::process::ExitCode {
    git_herald::cli::main()
}
