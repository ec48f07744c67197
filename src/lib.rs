//! git-herald: commit messages, changelogs and release notes from git history.
//!
//! The library holds the parts (git, diff, filter, redact, tokens, chunk, prompt, llm, …) and
//! the workflows built on them (`pipeline`, `changelog`). It knows no terminal: the face
//! (clap, colour, progress, error printing) is the binary's `cli` module.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

pub mod cache;
pub mod caller;
pub mod changelog;
pub mod chunk;
pub mod code_names;
pub mod compose;
pub mod config;
pub mod conventions;
pub mod diff;
pub mod doc_comments;
pub mod doctor;
pub mod files;
pub mod filter;
pub mod git;
pub mod gitmoji;
pub mod headings;
pub mod history;
pub mod hook;
pub mod llm;
pub mod message;
pub mod offline;
pub mod paths;
pub mod pipeline;
pub mod prompt;
pub mod redact;
pub mod text;
pub mod tokens;
pub mod toml_table;
pub mod usage;
pub mod workflow_jobs;
pub mod workspace_members;
