//! `git herald man [--dir DIR]`: the manual page from the clap definitions (clap_mangen).

use super::Cli;
use crate::cli::error::CommandError;
use crate::cli::ui;
use clap::CommandFactory;
use std::path::Path;

pub(super) fn run(dir: Option<&Path>) -> Result<(), CommandError> {
    let command = Cli::command();
    match dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(CommandError::io(format!("create `{}`", dir.display())))?;
            clap_mangen::generate_to(command, dir).map_err(CommandError::io(format!(
                "write the manual pages into `{}`",
                dir.display()
            )))?;
            ui::out(&format!(
                "wrote the manual pages into `{}`\n",
                dir.display()
            ))
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .map_err(CommandError::io("render the manual page"))?;
            ui::out_bytes(&page)
        }
    }
}
