//! git-herald: commit messages, changelogs and release notes from git history.
//!
//! The binary is a thin wrapper around [`cli::main`]; every stage of the pipeline is a module
//! here so tests and benchmarks can call it directly.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

pub mod cache;
pub mod changelog;
pub mod chunk;
pub mod cli;
pub mod compose;
pub mod config;
pub mod config_file;
pub mod conventions;
pub mod diff;
pub mod doctor;
pub mod env_vars;
pub mod error;
pub mod filter;
pub mod git;
pub mod gitmoji;
pub mod hook;
pub mod interact;
pub mod llm;
pub mod message;
pub mod pipeline;
pub mod prompt;
pub mod redact;
pub mod tokens;
pub mod ui;
pub mod usage;
